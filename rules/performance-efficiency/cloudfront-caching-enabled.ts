import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { type CacheBehavior, type CachePolicyReading, cacheBehaviors, cachePolicyOf, originKind } from '../../src/rule-helpers/cloudfront.ts';
import type { Resource } from '../../src/template/model.ts';
import { asNumber, asString } from '../../src/values/coerce.ts';
import type { Variant } from '../../src/values/variant.ts';

const messages = {
  noCache:
    'CloudFront distribution {{logicalId}} serves static content from an S3 bucket through {{behavior}} with (almost) no caching: {{reason}}. Nearly every request goes to the bucket, slower and at a higher cost.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

/** One reason a behavior caches nothing (or almost nothing), and the value it rests on. */
interface Reason {
  at: Variant;
  text: string;
  because: Variant[];
}

export default defineRule({
  id: 'cloudfront-caching-enabled',
  pillar: 'performance-efficiency',
  level: 'note',
  title: 'CloudFront caches the static content it serves from S3',
  rationale:
    'A CloudFront distribution in front of an S3 bucket exists to serve files from edge caches near the viewer. With ' +
    'caching disabled, or with every header or cookie in the cache key, the cache hit ratio falls to about zero: every ' +
    'request travels to the bucket, latency goes up, and S3 request and origin transfer charges are paid for each one.',
  remediation:
    'Use a cache policy that caches (the managed CachingOptimized policy suits most static sites), or with the legacy ' +
    'settings forward only the query strings, headers and cookies that change the response. Send values the origin ' +
    'needs but that do not change the response with an origin request policy instead.\n\n' +
    '```yaml\nDefaultCacheBehavior:\n  CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6   # CachingOptimized\n```',
  wellArchitected: ['PERF03-BP05', 'PERF04-BP02', 'COST08-BP03'],
  appliesTo: ['AWS::CloudFront::Distribution'],
  tags: ['cost-optimization'],
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
      '          Compress: true',
      '          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad   # CachingDisabled',
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
      '          Compress: true',
      '          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6   # CachingOptimized',
    ].join('\n'),
    notes:
      'Checked: every cache behavior (the default one and each entry of `CacheBehaviors`) whose origin is an S3 bucket ' +
      '(`S3OriginConfig`, an S3 or S3 website domain name, or a bucket of the template), or an origin group of S3 ' +
      'buckets. Reported: the managed CachingDisabled policy, a cache policy of the template with `MaxTTL: 0`, and with ' +
      'the legacy settings `ForwardedValues` that forward every header (`Headers: ["*"]`) or every cookie ' +
      '(`Cookies.Forward: all`), or `MaxTTL: 0`. Not applicable: behaviors of dynamic origins (load balancers, API ' +
      'Gateway, Lambda function URLs, custom hosts), where disabling the cache is often right. The catalog title speaks ' +
      'of the default behavior; every behavior is checked, as its logic says. An origin, a setting or a cache policy ' +
      'only known at deploy time (an import, a parameter without a Default, a policy id of another stack) is not a ' +
      'finding; `--report-unknown` lists it.',
  },
  check(distribution, ctx) {
    for (const behavior of cacheBehaviors(ctx, distribution)) {
      const reasons = cacheKillers(ctx, behavior);
      if (reasons.length === 0) continue;
      const origin = originKind(ctx, distribution, behavior.at);
      if (origin === 'other') continue;
      if (origin === undefined) {
        for (const target of ctx.value(behavior.at, ['TargetOriginId'])) ctx.unknown(target, 'the kind of origin');
        continue;
      }
      for (const reason of reasons) {
        ctx.report({
          messageId: 'noCache',
          at: reason.at,
          because: [...reason.because, ...(behavior.pattern ? [behavior.pattern] : [])],
          data: { behavior: behavior.label, reason: reason.text },
        });
      }
    }
  },
});

/** Why a behavior caches (almost) nothing: its cache policy, or its legacy forwarding and TTL settings. */
function cacheKillers(ctx: Ctx, behavior: CacheBehavior): Reason[] {
  const out: Reason[] = [];
  for (const reading of cachePolicyOf(ctx, behavior.at)) {
    if (reading.kind === 'managed') {
      if (reading.policy.cachingDisabled) out.push({ at: reading.id, text: `it uses the managed ${reading.policy.name} cache policy`, because: [] });
    } else if (reading.kind === 'resource') {
      out.push(...policyKillers(ctx, reading));
    } else if (reading.kind === 'unknown') {
      ctx.unknown(reading.id, 'the cache policy');
    } else {
      out.push(...legacyKillers(ctx, behavior.at, reading.id));
    }
  }
  return out;
}

function policyKillers(ctx: Ctx, reading: Extract<CachePolicyReading, { kind: 'resource' }>): Reason[] {
  const policy: Resource = reading.resource;
  return ctx
    .value(policy, ['Properties', 'CachePolicyConfig', 'MaxTTL'])
    .filter((ttl) => ctx.known(ttl, 'MaxTTL') && asNumber(ttl) === 0)
    .map((ttl) => ({ at: reading.id, text: `its cache policy ${policy.logicalId} has MaxTTL 0`, because: [ttl] }));
}

function legacyKillers(ctx: Ctx, behavior: Variant, id: Variant): Reason[] {
  const out: Reason[] = [];
  for (const header of ctx.items(behavior, ['ForwardedValues', 'Headers'])) {
    if (ctx.known(header, 'the forwarded headers') && asString(header) === '*') {
      out.push({ at: header, text: 'ForwardedValues forwards every header (Headers: "*"), so each variation gets its own cache entry', because: [id] });
    }
  }
  for (const forward of ctx.value(behavior, ['ForwardedValues', 'Cookies', 'Forward'])) {
    if (ctx.known(forward, 'Cookies.Forward') && asString(forward)?.toLowerCase() === 'all') {
      out.push({ at: forward, text: 'ForwardedValues forwards every cookie (Cookies.Forward: all), so each visitor gets its own cache entry', because: [id] });
    }
  }
  for (const ttl of ctx.value(behavior, ['MaxTTL'])) {
    if (ctx.known(ttl, 'MaxTTL') && asNumber(ttl) === 0) out.push({ at: ttl, text: 'MaxTTL is 0', because: [id] });
  }
  return out;
}
