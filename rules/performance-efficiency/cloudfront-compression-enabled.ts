import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { type CacheBehavior, cacheBehaviors, cachePolicyOf } from '../../src/rule-helpers/cloudfront.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asNumber, asString } from '../../src/values/coerce.ts';

/** Path patterns ending in these extensions serve files that are already compressed: compression is not applicable. */
const COMPRESSED_EXTENSIONS = [
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'avif',
  'heic',
  'ico',
  'mp4',
  'm4v',
  'mov',
  'webm',
  'mkv',
  'ts',
  'm4s',
  'mp3',
  'm4a',
  'aac',
  'ogg',
  'opus',
  'flac',
  'zip',
  'gz',
  'tgz',
  'br',
  'zst',
  'bz2',
  'xz',
  '7z',
  'rar',
  'jar',
  'apk',
  'woff',
  'woff2',
  'pdf',
];
const COMPRESSED_PATTERN = new RegExp(`\\.(${COMPRESSED_EXTENSIONS.join('|')})\\*?$`, 'i');

const messages = {
  notCompressed:
    'CloudFront distribution {{logicalId}} does not compress {{behavior}}: Compress is {{state}}, so text, JavaScript and CSS are sent uncompressed, slower and at a higher transfer cost.',
  policyNoEncoding:
    'CloudFront distribution {{logicalId}} turns on Compress for {{behavior}}, but its cache policy {{policy}} enables neither EnableAcceptEncodingGzip nor EnableAcceptEncodingBrotli, so CloudFront does not compress.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

export default defineRule({
  id: 'cloudfront-compression-enabled',
  pillar: 'performance-efficiency',
  level: 'note',
  title: 'CloudFront cache behaviours compress responses',
  rationale:
    'Compressed text, JavaScript, CSS and JSON are often a quarter of their size: pages render sooner, and CloudFront ' +
    'data transfer, billed by the byte, costs less. CloudFront compresses only when the cache behavior sets `Compress` ' +
    '(false by default in CloudFormation, unlike the console) and its cache policy puts gzip or Brotli in the cache key.',
  remediation:
    'Set `Compress: true` on the default cache behavior and on every entry of `CacheBehaviors`, with a cache policy ' +
    'that enables gzip and Brotli (the managed CachingOptimized policy does).\n\n' +
    '```yaml\nDefaultCacheBehavior:\n  Compress: true\n  CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6   # CachingOptimized\n```',
  wellArchitected: ['PERF04-BP02', 'COST08-BP02', 'SUS04-BP07'],
  appliesTo: ['AWS::CloudFront::Distribution'],
  tags: ['cost-optimization', 'sustainability'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  SiteDistribution:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        Enabled: true',
      '        DefaultRootObject: index.html',
      '        HttpVersion: http2and3',
      '        Origins:',
      '          - Id: site',
      '            DomainName: example-site.s3.eu-west-1.amazonaws.com',
      '            S3OriginConfig: {}',
      '        DefaultCacheBehavior:',
      '          TargetOriginId: site',
      '          ViewerProtocolPolicy: redirect-to-https',
      '          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6   # CachingOptimized',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  SiteDistribution:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        Enabled: true',
      '        DefaultRootObject: index.html',
      '        HttpVersion: http2and3',
      '        Origins:',
      '          - Id: site',
      '            DomainName: example-site.s3.eu-west-1.amazonaws.com',
      '            S3OriginConfig: {}',
      '        DefaultCacheBehavior:',
      '          TargetOriginId: site',
      '          ViewerProtocolPolicy: redirect-to-https',
      '          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6   # CachingOptimized',
      '          Compress: true',
    ].join('\n'),
    notes:
      'Checked: the default cache behavior and every entry of `CacheBehaviors`. Not applicable: a behavior whose path ' +
      'pattern ends in the extension of an already-compressed format (`*.jpg`, `*.mp4`, `*.zip`, `*.woff2`...), and ' +
      'one whose cache policy cannot compress by design: the managed CachingDisabled policy (a policy with caching off ' +
      'cannot put Accept-Encoding in the cache key) and CachingOptimizedForUncompressedObjects, or a policy of the ' +
      'template whose TTLs are all 0. With `Compress: true`, a cache policy of the template that enables neither gzip ' +
      'nor Brotli is reported; the other managed policies enable both. Behaviors with the legacy `ForwardedValues` ' +
      'settings need only `Compress` (gzip). A value, or a cache policy, only known at deploy time (an import, a ' +
      'parameter without a Default, a policy id of another stack) is not a finding; `--report-unknown` lists it.',
  },
  check(distribution, ctx) {
    for (const behavior of cacheBehaviors(ctx, distribution)) {
      if (behavior.pattern && !ctx.known(behavior.pattern, 'PathPattern')) continue;
      if (behavior.pattern && COMPRESSED_PATTERN.test(asString(behavior.pattern) ?? '')) continue;
      checkBehavior(ctx, behavior);
    }
  },
});

function checkBehavior(ctx: Ctx, behavior: CacheBehavior): void {
  const because = behavior.pattern ? [behavior.pattern] : [];
  for (const reading of cachePolicyOf(ctx, behavior.at)) {
    if (reading.kind === 'managed' && !reading.policy.compression) continue; // cannot compress by design
    if (reading.kind === 'resource' && cachingOff(ctx, reading.resource)) continue;
    for (const compress of ctx.value(behavior.at, ['Compress'])) {
      if (ctx.each([compress], [reading.id], ...because.map((b) => [b])).length === 0) continue;
      if (!ctx.known(compress, 'Compress')) continue;
      if (asBoolean(compress) !== true) {
        if (reading.kind === 'unknown') {
          // The policy of another stack may be one that cannot compress (CachingDisabled-like).
          ctx.unknown(reading.id, 'the cache policy');
          continue;
        }
        ctx.report({
          messageId: 'notCompressed',
          at: compress,
          because: [reading.id, ...because],
          data: { behavior: behavior.label, state: stateText(compress, 'the default is false') },
          fix: compress.kind === 'literal' ? { text: 'true', description: 'Compress responses' } : undefined,
        });
        continue;
      }
      if (reading.kind !== 'resource') continue;
      const encodings = ['EnableAcceptEncodingGzip', 'EnableAcceptEncodingBrotli'].map((key) =>
        ctx.value(reading.resource, ['Properties', 'CachePolicyConfig', 'ParametersInCacheKeyAndForwardedToOrigin', key]),
      );
      for (const [gzip, brotli] of ctx.each(encodings[0] ?? [], encodings[1] ?? [])) {
        if (!ctx.known(gzip, 'EnableAcceptEncodingGzip') || !ctx.known(brotli, 'EnableAcceptEncodingBrotli')) continue;
        if (asBoolean(gzip) === true || asBoolean(brotli) === true) continue;
        ctx.report({
          messageId: 'policyNoEncoding',
          at: reading.id,
          because: [compress, gzip, brotli, ...because],
          data: { behavior: behavior.label, policy: reading.resource.logicalId },
        });
      }
    }
  }
}

/** A cache policy whose TTLs are all 0 caches nothing, and cannot enable gzip or Brotli. */
function cachingOff(ctx: Ctx, policy: Resource): boolean {
  const ttl = (key: string) => ctx.value(policy, ['Properties', 'CachePolicyConfig', key]);
  return ['MinTTL', 'DefaultTTL', 'MaxTTL'].every((key) => ttl(key).every((v) => asNumber(v) === 0));
}
