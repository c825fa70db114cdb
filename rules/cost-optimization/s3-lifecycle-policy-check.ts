import { defineRule } from '../../src/engine/rule.ts';
import { asString, isSet } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import type { Variant } from '../../src/values/variant.ts';

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
    noLifecycle:
      'Bucket {{logicalId}} has no lifecycle configuration: transition objects to INTELLIGENT_TIERING (unknown access patterns) or GLACIER/DEEP_ARCHIVE (archives) and abort incomplete multipart uploads after 7 days.',
    noEnabledRule:
      'Bucket {{logicalId}} has no lifecycle rule with Status Enabled ({{state}}): transition objects to INTELLIGENT_TIERING (unknown access patterns) or GLACIER/DEEP_ARCHIVE (archives) and abort incomplete multipart uploads after 7 days.',
    tieringOnly:
      'Bucket {{logicalId}} configures Intelligent-Tiering archive tiers but no lifecycle rule moves objects into INTELLIGENT_TIERING: add a transition to INTELLIGENT_TIERING and abort incomplete multipart uploads after 7 days.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  ReportsBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketName: acme-monthly-reports',
      '      BucketEncryption:',
      '        ServerSideEncryptionConfiguration:',
      '          - ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms}',
      '      VersioningConfiguration: {Status: Enabled}',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  ReportsBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketName: acme-monthly-reports',
      '      BucketEncryption:',
      '        ServerSideEncryptionConfiguration:',
      '          - ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms}',
      '      VersioningConfiguration: {Status: Enabled}',
      '      LifecycleConfiguration:',
      '        Rules:',
      '          - Id: tier-and-clean-up',
      '            Status: Enabled',
      '            Transitions:',
      '              - {StorageClass: INTELLIGENT_TIERING, TransitionInDays: 0}',
      '            NoncurrentVersionExpiration: {NoncurrentDays: 90}',
      '            AbortIncompleteMultipartUpload: {DaysAfterInitiation: 7}',
    ].join('\n'),
    notes:
      'Any enabled rule passes, whatever it does (a transition, an expiration, a noncurrent-version expiration or ' +
      '`AbortIncompleteMultipartUpload`): the rule asks that the bucket has a lifecycle, not which one. A bucket with ' +
      '`IntelligentTieringConfigurations` but no lifecycle gets a message of its own, because archive tiers only act on ' +
      'objects that a lifecycle rule (or the uploader) has already put into `INTELLIGENT_TIERING`. A `LifecycleConfiguration` ' +
      'or a rule `Status` that is only known at deploy time (an import, a parameter without a Default) is not a finding; ' +
      '`--report-unknown` lists it.',
  },
  check(bucket, ctx) {
    for (const [lifecycle, tiering] of ctx.each(
      ctx.value(bucket, ['Properties', 'LifecycleConfiguration']),
      ctx.value(bucket, ['Properties', 'IntelligentTieringConfigurations']),
    )) {
      if (!ctx.known(lifecycle, 'LifecycleConfiguration')) continue;
      if (lifecycle.kind === 'absent') {
        // Archive-tier configurations only act on objects that are already in INTELLIGENT_TIERING.
        ctx.report({ messageId: isSet(tiering) ? 'tieringOnly' : 'noLifecycle', at: lifecycle, because: [tiering] });
        continue;
      }
      for (const rules of ctx.value(lifecycle, ['Rules'])) {
        if (!ctx.known(rules, 'the lifecycle rules')) continue;
        // One list of Status variants per rule (Fn::If can fork a rule or drop it with AWS::NoValue).
        const statuses: Variant[][] =
          rules.kind === 'literal' && Array.isArray(rules.value)
            ? rules.value.map((_, i) => ctx.value(rules, [i]).flatMap((rule) => (rule.kind === 'literal' ? ctx.value(rule, ['Status']) : [rule])))
            : [];
        for (const combo of ctx.each(...statuses)) {
          if (combo.some((s) => asString(s) === 'Enabled')) continue;
          const unknown = combo.find((s) => s.kind === 'unknown');
          if (unknown) {
            ctx.unknown(unknown, 'the Status of a lifecycle rule');
            continue;
          }
          const single = combo.length === 1 ? combo[0] : undefined;
          ctx.report({
            messageId: 'noEnabledRule',
            at: single ?? rules,
            because: [tiering, ...combo],
            data: { state: statusText(combo) },
            fix: single?.kind === 'literal' ? { text: 'Enabled', description: 'Enable the lifecycle rule' } : undefined,
          });
        }
      }
    }
  },
});

/** How the rules stand, for the message: "no rules", "its rule is Disabled", "both rules are Disabled"... */
function statusText(statuses: Variant[]): string {
  const written = statuses.filter((s) => s.kind === 'literal');
  const [first, ...others] = written;
  if (!first) return 'no rules';
  if (others.length === 0) return `its rule is ${valueText(asString(first))}`;
  const values = [...new Set(written.map((s) => valueText(asString(s))))].join(' or ');
  return `${written.length === 2 ? 'both' : `all ${written.length}`} rules are ${values}`;
}
