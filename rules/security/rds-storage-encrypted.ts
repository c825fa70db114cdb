import { defineRule } from '../../src/engine/rule.ts';
import { rdsKind } from '../../src/rule-helpers/rds.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import { asBoolean, asString, isSet } from '../../src/values/coerce.ts';
import { absentVariant, variantWith } from '../../src/values/variant.ts';

/** EngineMode for DB instances, which do not have it, so one ctx.each() call serves both types. */
const ABSENT = absentVariant(['Properties'], false, []);

/** Where the storage comes from when it is not created empty: its encryption is inherited. */
const INHERITED_FROM: Record<string, Record<string, string>> = {
  'AWS::RDS::DBInstance': {
    SourceDBInstanceIdentifier: 'the source instance of the read replica',
    DBSnapshotIdentifier: 'the snapshot it is restored from',
    SourceDBClusterIdentifier: 'the source cluster of the read replica',
    // Point-in-time restores name their source these ways too.
    SourceDbiResourceId: 'the instance it is restored from',
    SourceDBInstanceAutomatedBackupsArn: 'the automated backups it is restored from',
  },
  'AWS::RDS::DBCluster': {
    SnapshotIdentifier: 'the snapshot it is restored from',
    SourceDBClusterIdentifier: 'the source cluster it is cloned or restored from',
  },
};

export default defineRule({
  id: 'rds-storage-encrypted',
  pillar: 'security',
  level: 'error',
  title: 'RDS instances and clusters encrypt storage',
  rationale:
    'Without storage encryption, the database volumes, automated backups, snapshots and read replicas are stored in the ' +
    'clear. Encryption can only be chosen when the database is created, so a forgotten flag means a migration later.',
  remediation:
    'Set `StorageEncrypted: true` (and optionally a customer managed `KmsKeyId`). On an existing database this replaces ' +
    'it: restore an encrypted copy of a snapshot instead.\n\n' +
    '```yaml\nStorageEncrypted: true\nKmsKeyId: !Ref DbKey   # optional; encryption can only be set at creation (replacement)\n```',
  wellArchitected: ['SEC08-BP02'],
  securityHub: ['RDS.3', 'RDS.27'],
  securitySeverity: '5.5',
  appliesTo: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  peers: {
    // StorageEncrypted not true: each id for the type it reads.
    checkov: [
      { id: 'CKV_AWS_16', resourceTypes: ['AWS::RDS::DBInstance'] },
      { id: 'CKV_AWS_96', resourceTypes: ['AWS::RDS::DBCluster'] },
    ],
    cfn_nag: [
      { id: 'F26', resourceTypes: ['AWS::RDS::DBCluster'] },
      { id: 'F27', resourceTypes: ['AWS::RDS::DBInstance'] },
    ],
    cdk_nag: ['AwsSolutions-RDS2', 'RDSStorageEncrypted'], // instances and clusters
    guard: [{ id: 'RDS_STORAGE_ENCRYPTED', resourceTypes: ['AWS::RDS::DBInstance'] }],
  },
  messages: {
    unencrypted: '{{kind}} {{logicalId}} does not encrypt its storage: StorageEncrypted is {{state}}.',
    keyWithoutEncryption: '{{kind}} {{logicalId}} sets KmsKeyId but not StorageEncrypted, which CloudFormation rejects; the storage would not be encrypted.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersDb:',
      '    Type: AWS::RDS::DBInstance',
      '    DeletionPolicy: Snapshot',
      '    Properties:',
      '      Engine: postgres',
      '      DBInstanceClass: db.m7g.large',
      '      AllocatedStorage: "100"',
      '      MasterUsername: orders',
      '      ManageMasterUserPassword: true',
      '      MultiAZ: true',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersDb:',
      '    Type: AWS::RDS::DBInstance',
      '    DeletionPolicy: Snapshot',
      '    Properties:',
      '      Engine: postgres',
      '      DBInstanceClass: db.m7g.large',
      '      AllocatedStorage: "100"',
      '      MasterUsername: orders',
      '      ManageMasterUserPassword: true',
      '      MultiAZ: true',
      '      StorageEncrypted: true',
      '      KmsKeyId: !Ref DbKey',
      '  DbKey:',
      '    Type: AWS::KMS::Key',
      '    Properties:',
      '      EnableKeyRotation: true',
    ].join('\n'),
    notes:
      'Members of a DB cluster (`DBClusterIdentifier` set) and Aurora instances are encrypted by their cluster, which the ' +
      'rule checks instead; Aurora Serverless v1 clusters (`EngineMode: serverless`) are always encrypted. Read replicas ' +
      'and databases restored from a snapshot or a point in time inherit the encryption of their source when ' +
      '`StorageEncrypted` is left out: the rule cannot see it, and `--report-unknown` lists them, as it lists a ' +
      '`StorageEncrypted`, `EngineMode` or `Engine` only known at deploy time (an import, a parameter without a Default). ' +
      'A `KmsKeyId` without `StorageEncrypted` is reported on its own, since CloudFormation rejects it.',
  },
  check(db, ctx) {
    const cluster = db.type === 'AWS::RDS::DBCluster';
    const kind = cluster ? 'DB cluster' : 'DB instance';
    const prop = (name: string) => ctx.value(db, ['Properties', name]);
    const sources = Object.entries(INHERITED_FROM[db.type] ?? {});
    for (const reading of rdsKind(ctx, db)) {
      // Cluster members are encrypted by their cluster, which is checked itself.
      if (reading.kind === 'cluster-member') continue;
      for (const [mode, encrypted, key, ...origins] of ctx.each(
        cluster ? prop('EngineMode') : [ABSENT],
        prop('StorageEncrypted'),
        prop('KmsKeyId'),
        ...sources.map(([name]) => prop(name)),
      )) {
        if (!ctx.known(encrypted, 'StorageEncrypted') || asBoolean(encrypted) === true) continue;
        if (encrypted.kind === 'literal' && asBoolean(encrypted) === undefined) continue; // not a boolean: CloudFormation rejects it
        // Aurora Serverless v1 is always encrypted.
        if (!ctx.known(mode, 'EngineMode') || asString(mode)?.toLowerCase() === 'serverless') continue;
        // Aurora instances get their encryption from the cluster, even when the template omits DBClusterIdentifier.
        if (reading.kind === 'unknown') {
          ctx.unknown(reading.by, 'the engine');
          continue;
        }
        if (reading.kind === 'aurora-instance') continue;
        const because = [...reading.because, mode, key, ...origins];
        if (encrypted.kind === 'absent') {
          const inherited = origins.findIndex(isSet);
          const [origin, source] = [origins[inherited], sources[inherited]];
          if (origin && source) {
            ctx.unknown(variantWith(origin, { kind: 'unknown', reason: `inherited from ${source[1]}` }), 'StorageEncrypted');
            continue;
          }
          if (isSet(key)) {
            ctx.report({ messageId: 'keyWithoutEncryption', at: key, because: [encrypted, ...because], data: { kind } });
            continue;
          }
        }
        ctx.report({
          messageId: 'unencrypted',
          at: encrypted,
          because,
          data: { kind, state: stateText(encrypted, 'the default is unencrypted') },
          fix: encrypted.kind === 'literal' ? { text: 'true', description: 'Set StorageEncrypted to true' } : undefined,
        });
      }
    }
  },
});
