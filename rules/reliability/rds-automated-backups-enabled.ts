import { defineRule } from '../../src/engine/rule.ts';
import { option } from '../../src/engine/options.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import { asNumber } from '../../src/values/coerce.ts';
import { rdsKind } from '../../src/rule-helpers/rds.ts';

export default defineRule({
  id: 'rds-automated-backups-enabled',
  pillar: 'reliability',
  level: 'warning',
  title: 'RDS automated backups are on with adequate retention',
  rationale:
    'Automated backups are what point-in-time recovery restores from. With a retention of 0 there are none, and with the ' +
    'default of one day a corruption or bad deployment noticed after a weekend can no longer be undone.',
  remediation:
    'Set `BackupRetentionPeriod` to the number of days your recovery point objective needs (at least the configured minimum, ' +
    '7 by default) and pick a backup window outside peak hours.\n\n' +
    "```yaml\nBackupRetentionPeriod: 7\nPreferredBackupWindow: '17:00-18:00'\n```",
  wellArchitected: ['REL09-BP03', 'REL09-BP01'],
  securityHub: ['RDS.11'],
  appliesTo: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  peers: {
    checkov: [],
    // DB instances with BackupRetentionPeriod 0; none of them asks for a minimum retention.
    cfn_nag: [{ id: 'W75', messages: ['disabled'], resourceTypes: ['AWS::RDS::DBInstance'] }],
    cdk_nag: [
      { id: 'AwsSolutions-RDS13', messages: ['disabled'], resourceTypes: ['AWS::RDS::DBInstance'] },
      { id: 'RDSInstanceBackupEnabled', messages: ['disabled'], resourceTypes: ['AWS::RDS::DBInstance'] },
    ],
    guard: [{ id: 'DB_INSTANCE_BACKUP_ENABLED', messages: ['disabled'], resourceTypes: ['AWS::RDS::DBInstance'] }],
  },
  options: {
    minRetentionDays: option.number({
      description: 'Fewest days of automated backups a DB instance or cluster must keep, from 1 to 35 (AWS keeps 1 day when BackupRetentionPeriod is not set).',
      default: 7,
      minimum: 1,
      maximum: 35,
      integer: true,
    }),
  },
  messages: {
    disabled: '{{kind}} {{logicalId}} has automated backups turned off: BackupRetentionPeriod is 0.',
    shortRetention: '{{kind}} {{logicalId}} keeps automated backups for {{days}}, fewer than the {{min}} days required: BackupRetentionPeriod is {{state}}.',
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
      '      BackupRetentionPeriod: 0',
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
      '      BackupRetentionPeriod: 14',
      '      PreferredBackupWindow: "02:00-03:00"',
    ].join('\n'),
    notes:
      'A retention of 0 (no automated backups) is an error; one below `minRetentionDays` is a warning, and so is a missing ' +
      '`BackupRetentionPeriod`, since AWS then keeps one day. Members of a DB cluster (`DBClusterIdentifier` set) and Aurora ' +
      "instances keep the cluster's backups, which the rule checks on the cluster; read replicas " +
      '(`SourceDBInstanceIdentifier` or `SourceDBClusterIdentifier`) are not backed up by design. An instance whose ' +
      '`Engine` is known only at deploy time is checked as a standalone instance (an Aurora instance would need a ' +
      '`DBClusterIdentifier`). A retention known only at deploy time is not a finding; `--report-unknown` lists it.',
  },
  check(db, ctx) {
    for (const { kind, because } of rdsKind(ctx, db)) {
      // Cluster members use the cluster's retention; read replicas (MySQL/MariaDB ones default to 0) are not backed up on purpose.
      if (kind === 'cluster-member' || kind === 'aurora-instance' || kind === 'read-replica') continue;
      // Only the retention values that can occur together with this reading of the database.
      for (const [retention] of ctx.each(ctx.value(db, ['Properties', 'BackupRetentionPeriod']), ...because.map((v) => [v]))) {
        if (!ctx.known(retention, 'BackupRetentionPeriod')) continue;
        const days = retention.kind === 'absent' ? 1 : asNumber(retention);
        if (days === undefined) continue;
        const min = ctx.options.minRetentionDays;
        const noun = kind === 'cluster' ? 'DB cluster' : 'DB instance';
        const fix = retention.kind === 'literal' ? { text: String(min), description: `Keep backups for ${min} days` } : undefined;
        if (days === 0) {
          ctx.report({ messageId: 'disabled', level: 'error', at: retention, because, data: { kind: noun }, fix });
        } else if (days < min) {
          ctx.report({
            messageId: 'shortRetention',
            at: retention,
            because,
            fix,
            data: { kind: noun, min, days: days === 1 ? '1 day' : `${days} days`, state: stateText(retention, 'the default is 1 day') },
          });
        }
      }
    }
  },
});
