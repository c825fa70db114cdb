import { defineRule } from '../../src/engine/rule.ts';
import { asBoolean, asString, isSet } from '../../src/values/coerce.ts';
import { absentVariant, combinations } from '../../src/values/variant.ts';
import { valueText } from '../../src/values/quote.ts';

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
  check(db, ctx) {
    const isInstance = db.type === 'AWS::RDS::DBInstance';
    const none = [absentVariant([], false, [])];
    for (const [cluster, engine, protection] of combinations([
      isInstance ? ctx.value(db, ['Properties', 'DBClusterIdentifier']) : none,
      isInstance ? ctx.value(db, ['Properties', 'Engine']) : none,
      ctx.value(db, ['Properties', 'DeletionProtection']),
    ])) {
      // A cluster member is protected (or not) by its cluster; on Aurora instances the setting does not apply at all.
      if (isSet(cluster!)) continue;
      if (asString(engine!)?.toLowerCase().startsWith('aurora')) continue;
      if (protection!.kind === 'unknown') {
        ctx.unknown(protection!, 'DeletionProtection');
        continue;
      }
      if (asBoolean(protection!) === true) continue;
      ctx.report({
        messageId: 'unprotected',
        at: protection!,
        because: [cluster!, engine!],
        data: {
          kind: isInstance ? 'DB instance' : 'DB cluster',
          state: protection!.kind === 'absent' ? 'not set (the default is false)' : valueText(protection!.value),
        },
        fix: protection!.kind === 'literal' ? { text: 'true', description: 'Turn on deletion protection' } : undefined,
      });
    }
  },
});
