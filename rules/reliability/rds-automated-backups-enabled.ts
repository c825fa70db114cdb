import { defineRule } from '../../src/engine/rule.ts';
import { asNumber, asString, isSet } from '../../src/values/coerce.ts';
import { absentVariant, combinations } from '../../src/values/variant.ts';
import { valueText } from '../../src/values/quote.ts';

interface Options {
  /** Retention below this many days is a warning (the AWS default is 1 day). */
  minRetentionDays: number;
}

export default defineRule<Options>({
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
  optionsSchema: {
    type: 'object',
    properties: { minRetentionDays: { type: 'integer', minimum: 1, maximum: 35 } },
    additionalProperties: false,
  },
  defaultOptions: { minRetentionDays: 7 },
  messages: {
    disabled: '{{kind}} {{logicalId}} has automated backups turned off: BackupRetentionPeriod is 0.',
    shortRetention: '{{kind}} {{logicalId}} keeps automated backups for {{days}}, fewer than the {{min}} days required: BackupRetentionPeriod is {{state}}.',
  },
  check(db, ctx) {
    const prop = (name: string) => ctx.value(db, ['Properties', name]);
    const isInstance = db.type === 'AWS::RDS::DBInstance';
    const none = [absentVariant([], false, [])];
    for (const [cluster, source, sourceCluster, engine, retention] of combinations([
      isInstance ? prop('DBClusterIdentifier') : none,
      isInstance ? prop('SourceDBInstanceIdentifier') : none,
      isInstance ? prop('SourceDBClusterIdentifier') : none,
      isInstance ? prop('Engine') : none,
      prop('BackupRetentionPeriod'),
    ])) {
      // Cluster members use the cluster's retention; read replicas (MySQL/MariaDB ones default to 0) are not backed up on purpose.
      if (isSet(cluster!) || isSet(source!) || isSet(sourceCluster!)) continue;
      if (asString(engine!)?.toLowerCase().startsWith('aurora')) continue;
      if (retention!.kind === 'unknown') {
        ctx.unknown(retention!, 'BackupRetentionPeriod');
        continue;
      }
      const days = retention!.kind === 'absent' ? 1 : asNumber(retention!);
      if (days === undefined) continue;
      const min = ctx.options.minRetentionDays;
      const kind = isInstance ? 'DB instance' : 'DB cluster';
      const fix = retention!.kind === 'literal' ? { text: String(min), description: `Keep backups for ${min} days` } : undefined;
      const because = [cluster!, source!, sourceCluster!, engine!];
      if (days === 0) {
        ctx.report({ messageId: 'disabled', level: 'error', at: retention!, because, data: { kind }, fix });
      } else if (days < min) {
        ctx.report({
          messageId: 'shortRetention', at: retention!, because, fix,
          data: {
            kind, min, days: days === 1 ? '1 day' : `${days} days`,
            state: retention!.kind === 'absent' ? 'not set (the default is 1 day)' : valueText(retention!.value),
          },
        });
      }
    }
  },
});
