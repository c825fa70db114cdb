import { defineRule } from '../../src/engine/rule.ts';
import { asString, isSet } from '../../src/values/coerce.ts';
import { combinations, type Variant } from '../../src/values/variant.ts';
import { valueText } from '../../src/values/quote.ts';

const ADVICE =
  'transition objects to INTELLIGENT_TIERING (unknown access patterns) or GLACIER/DEEP_ARCHIVE (archives) and abort incomplete multipart uploads after 7 days';

export default defineRule({
  id: 's3-lifecycle-policy-check',
  pillar: 'cost-optimization',
  level: 'note',
  tags: ['sustainability'],
  title: 'S3 buckets have a lifecycle configuration',
  rationale:
    'Without lifecycle rules every object, old version and abandoned multipart upload stays in S3 Standard forever. ' +
    'Moving cold data to cheaper storage classes and expiring what is no longer needed cuts both cost and the storage footprint.',
  remediation:
    'Add a `LifecycleConfiguration` with at least one enabled rule: a transition to `INTELLIGENT_TIERING` when access ' +
    'patterns are unknown, to `GLACIER` or `DEEP_ARCHIVE` for archives, an expiration for data with a retention period, ' +
    'and `AbortIncompleteMultipartUpload` after 7 days.\n\n' +
    '```yaml\nLifecycleConfiguration:\n  Rules:\n    - Id: tiering\n      Status: Enabled\n      Transitions:\n        - {StorageClass: INTELLIGENT_TIERING, TransitionInDays: 0}\n      AbortIncompleteMultipartUpload: {DaysAfterInitiation: 7}\n```',
  wellArchitected: ['COST04-BP05', 'SUS04-BP03', 'COST06-BP02'],
  securityHub: ['S3.13'],
  appliesTo: ['AWS::S3::Bucket'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    noLifecycle: `Bucket {{logicalId}} has no lifecycle configuration: ${ADVICE}.`,
    noEnabledRule: `Bucket {{logicalId}} has no lifecycle rule with Status Enabled ({{state}}): ${ADVICE}.`,
    tieringOnly:
      'Bucket {{logicalId}} configures Intelligent-Tiering archive tiers but no lifecycle rule moves objects into INTELLIGENT_TIERING: add a transition to INTELLIGENT_TIERING and abort incomplete multipart uploads after 7 days.',
  },
  check(bucket, ctx) {
    for (const [lifecycle, tiering] of combinations([
      ctx.value(bucket, ['Properties', 'LifecycleConfiguration']),
      ctx.value(bucket, ['Properties', 'IntelligentTieringConfigurations']),
    ])) {
      if (lifecycle!.kind === 'unknown') {
        ctx.unknown(lifecycle!, 'LifecycleConfiguration');
        continue;
      }
      if (lifecycle!.kind === 'absent') {
        // Archive-tier configurations only act on objects that are already in INTELLIGENT_TIERING.
        ctx.report({ messageId: isSet(tiering!) ? 'tieringOnly' : 'noLifecycle', at: lifecycle!, because: [tiering!] });
        continue;
      }
      for (const rules of ctx.value(lifecycle!, ['Rules'])) {
        if (rules.kind === 'unknown') {
          ctx.unknown(rules, 'the lifecycle rules');
          continue;
        }
        // One list of Status variants per rule (Fn::If can fork a rule or drop it with AWS::NoValue).
        const statuses: Variant[][] =
          rules.kind === 'literal' && Array.isArray(rules.value)
            ? rules.value.map((_, i) => ctx.value(rules, [i]).flatMap((rule) => (rule.kind === 'literal' ? ctx.value(rule, ['Status']) : [rule])))
            : [];
        for (const combo of combinations(statuses)) {
          if (combo.some((s) => asString(s) === 'Enabled')) continue;
          const unknown = combo.find((s) => s.kind === 'unknown');
          if (unknown) {
            ctx.unknown(unknown, 'the Status of a lifecycle rule');
            continue;
          }
          const written = combo.filter((s) => s.kind === 'literal');
          const single = combo.length === 1 ? combo[0] : undefined;
          ctx.report({
            messageId: 'noEnabledRule',
            at: single ?? rules,
            because: [tiering!, ...combo],
            data: {
              state: written.length === 0 ? 'no rules' : written.length === 1 ? `its rule is ${valueText(asString(written[0]!))}` : `${written.length === 2 ? 'both' : `all ${written.length}`} rules are ${[...new Set(written.map((s) => valueText(asString(s))))].join(' or ')}`,
            },
            fix: single?.kind === 'literal' ? { text: 'Enabled', description: 'Enable the lifecycle rule' } : undefined,
          });
        }
      }
    }
  },
});
