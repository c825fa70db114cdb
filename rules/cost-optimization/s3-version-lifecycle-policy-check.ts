import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { asBoolean, asString, isSet } from '../../src/values/coerce.ts';
import { mergeAssumptions, variantWith, type Variant } from '../../src/values/variant.ts';

/** The lifecycle actions that act on noncurrent versions (the singular transition is the deprecated form). */
const NONCURRENT = ['NoncurrentVersionExpiration', 'NoncurrentVersionExpirationInDays', 'NoncurrentVersionTransitions', 'NoncurrentVersionTransition'];

/** How one reading of one lifecycle rule stands: it handles noncurrent versions, it does not, or that cannot be known. */
type Verdict = 'handles' | 'ignores' | 'unknown';

export default defineRule({
  id: 's3-version-lifecycle-policy-check',
  pillar: 'cost-optimization',
  level: 'warning',
  tags: ['sustainability'],
  title: 'Versioned S3 buckets expire noncurrent versions',
  rationale:
    'With versioning on, every overwrite and delete keeps the previous object as a noncurrent version, billed at the full ' +
    'storage price. Without a lifecycle rule for noncurrent versions they are never removed, so a bucket that is rewritten ' +
    'often grows without bound while its visible size stays the same.',
  remediation:
    'Add an enabled lifecycle rule that expires noncurrent versions after the recovery window you need (and, optionally, ' +
    'moves them to a cheaper storage class first).\n\n' +
    '```yaml\nLifecycleConfiguration:\n  Rules:\n    - Id: noncurrent\n      Status: Enabled\n      NoncurrentVersionExpiration: {NoncurrentDays: 30}\n```',
  wellArchitected: ['COST04-BP05', 'SUS04-BP05'],
  securityHub: ['S3.10'],
  appliesTo: ['AWS::S3::Bucket'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    keepsVersions:
      'Versioned bucket {{logicalId}} keeps every noncurrent object version forever: {{state}}, so overwritten and deleted objects are billed indefinitely.',
    objectLock:
      'Versioned bucket {{logicalId}} keeps every noncurrent object version forever: {{state}}; with Object Lock, expire versions once their retention ends.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  ArtifactsBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      VersioningConfiguration: {Status: Enabled}',
      '      LifecycleConfiguration:',
      '        Rules:',
      '          - Id: abort-uploads',
      '            Status: Enabled',
      '            AbortIncompleteMultipartUpload: {DaysAfterInitiation: 7}',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  ArtifactsBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      VersioningConfiguration: {Status: Enabled}',
      '      LifecycleConfiguration:',
      '        Rules:',
      '          - Id: abort-uploads',
      '            Status: Enabled',
      '            AbortIncompleteMultipartUpload: {DaysAfterInitiation: 7}',
      '          - Id: noncurrent',
      '            Status: Enabled',
      '            NoncurrentVersionExpiration: {NoncurrentDays: 30}',
    ].join('\n'),
    notes:
      'Applies to buckets whose `VersioningConfiguration.Status` is `Enabled` (a suspended bucket adds no new versions). ' +
      'An enabled lifecycle rule with `NoncurrentVersionExpiration`, `NoncurrentVersionExpirationInDays` or a noncurrent ' +
      'version transition passes, as the catalog specifies (a transition only makes old versions cheaper; the rule does not ' +
      'ask for an expiration as well). A rule limited by a prefix or tag filter counts too. Buckets with ' +
      '`ObjectLockEnabled: true` are reported as a note, since their versions may have to be kept for compliance. A ' +
      'versioning status, lifecycle configuration or rule only known at deploy time is not a finding; `--report-unknown` ' +
      'lists it.',
  },
  check(bucket, ctx) {
    for (const [status, lifecycle, lock] of ctx.each(
      ctx.value(bucket, ['Properties', 'VersioningConfiguration', 'Status']),
      ctx.value(bucket, ['Properties', 'LifecycleConfiguration']),
      ctx.value(bucket, ['Properties', 'ObjectLockEnabled']),
    )) {
      if (!ctx.known(status, 'VersioningConfiguration.Status') || asString(status) !== 'Enabled') continue;
      if (!ctx.known(lifecycle, 'LifecycleConfiguration')) continue;
      const messageId = asBoolean(lock) === true ? 'objectLock' : 'keepsVersions';
      const level = messageId === 'objectLock' ? ('note' as const) : undefined;
      if (lifecycle.kind === 'absent') {
        ctx.report({ messageId, level, at: lifecycle, because: [status, lock], data: { state: 'it has no lifecycle configuration' } });
        continue;
      }
      for (const rules of ctx.value(lifecycle, ['Rules'])) {
        if (!ctx.known(rules, 'the lifecycle rules')) continue;
        const perRule: Variant[][] =
          rules.kind === 'literal' && Array.isArray(rules.value) ? rules.value.map((_, i) => ctx.value(rules, [i]).flatMap((rule) => readings(ctx, rule))) : [];
        for (const combo of ctx.each(...perRule)) {
          if (combo.some((r) => r.value === 'handles')) continue;
          const unknown = combo.find((r) => r.kind === 'unknown');
          if (unknown) {
            ctx.unknown(unknown, 'a lifecycle rule');
            continue;
          }
          ctx.report({
            messageId,
            level,
            at: rules,
            because: [status, lock, ...combo],
            data: { state: 'no enabled lifecycle rule expires or transitions noncurrent versions' },
          });
        }
      }
    }
  },
});

/**
 * The readings of one lifecycle rule, each as one variant carrying the assumptions it rests on: a literal "handles" or
 * "ignores", or the unknown value it depends on. An Fn::If that drops the rule (AWS::NoValue) reads as "ignores".
 */
function readings(ctx: RuleContext<any, any>, rule: Variant): Variant[] {
  if (rule.kind !== 'literal') return [verdict(rule, rule.kind === 'unknown' ? 'unknown' : 'ignores', [rule])];
  const out: Variant[] = [];
  for (const [status, ...actions] of ctx.each(ctx.value(rule, ['Status']), ...NONCURRENT.map((name) => ctx.value(rule, [name])))) {
    const parts = [rule, status, ...actions];
    if (status.kind === 'unknown') {
      out.push(verdict(status, 'unknown', parts));
      continue;
    }
    const acts = actions.some((a) => isSet(a));
    out.push(verdict(rule, asString(status) === 'Enabled' && acts ? 'handles' : 'ignores', parts));
  }
  return out;
}

function verdict(at: Variant, value: Verdict, parts: Variant[]): Variant {
  const assumptions = mergeAssumptions(...parts.map((p) => p.assumptions)) ?? at.assumptions;
  return value === 'unknown' ? variantWith(at, { kind: 'unknown', assumptions }) : variantWith(at, { kind: 'literal', value, assumptions });
}
