import { defineRule } from '../../src/engine/rule.ts';
import { requireValue } from '../../src/rule-helpers/require.ts';
import { asBoolean, asString, isSet } from '../../src/values/coerce.ts';
import type { Variant } from '../../src/values/variant.ts';

export default defineRule({
  id: 'rds-deletion-protection-enabled',
  pillar: 'reliability',
  level: 'warning',
  title: 'RDS instances and clusters have deletion protection',
  rationale:
    'Without deletion protection one API call, console click or mistaken script deletes the database. A DeletionPolicy only ' +
    'guards against stack operations; deletion protection refuses every delete until it is switched off on purpose.',
  remediation:
    'Set `DeletionProtection: true` on the DB instance, or on the DB cluster for cluster members (keep a `DeletionPolicy` of ' +
    '`Snapshot` or `Retain` as well for stack deletions).\n\n```yaml\nDeletionProtection: true\n```',
  wellArchitected: ['REL09-BP01', 'OPS06-BP01'],
  securityHub: ['RDS.8', 'RDS.7'],
  securitySeverity: '3.5',
  appliesTo: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  tags: ['security'],
  peers: {
    checkov: [],
    cfn_nag: [{ id: 'F80', resourceTypes: ['AWS::RDS::DBInstance'] }], // DB instances (not Aurora members)
    // Instances and clusters; AwsSolutions runs the same check as RDS10 and RDS15.
    cdk_nag: ['AwsSolutions-RDS10', 'AwsSolutions-RDS15', 'RDSInstanceDeletionProtectionEnabled'],
    guard: [{ id: 'RDS_INSTANCE_DELETION_PROTECTION_ENABLED', resourceTypes: ['AWS::RDS::DBInstance'] }],
  },
  messages: {
    unprotected: '{{kind}} {{logicalId}} can be deleted by a single API call: DeletionProtection is {{state}}.',
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
      '      MultiAZ: true',
      '      StorageEncrypted: true',
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
      '      MultiAZ: true',
      '      StorageEncrypted: true',
      '      DeletionProtection: true',
    ].join('\n'),
    notes:
      'Members of a DB cluster (`DBClusterIdentifier` set) and Aurora instances are protected by their cluster, which the ' +
      'rule checks instead. A `DeletionProtection` value that is only known at deploy time (an import, a parameter without a ' +
      'Default) is not a finding; `--report-unknown` lists it.',
  },
  check(db, ctx) {
    const isInstance = db.type === 'AWS::RDS::DBInstance';
    const protection = {
      path: ['Properties', 'DeletionProtection'],
      what: 'DeletionProtection',
      ok: (v: Variant) => asBoolean(v) === true,
      messageId: 'unprotected',
      data: { kind: isInstance ? 'DB instance' : 'DB cluster' },
      absent: 'the default is false',
      fix: { text: 'true', description: 'Turn on deletion protection' },
    } as const;
    if (!isInstance) {
      requireValue(ctx, db, protection);
      return;
    }
    for (const [cluster, engine] of ctx.each(ctx.value(db, ['Properties', 'DBClusterIdentifier']), ctx.value(db, ['Properties', 'Engine']))) {
      // A cluster member is protected (or not) by its cluster; on Aurora instances the setting does not apply at all.
      if (isSet(cluster) || asString(engine)?.toLowerCase().startsWith('aurora')) continue;
      requireValue(ctx, db, { ...protection, because: [cluster, engine] });
    }
  },
});
