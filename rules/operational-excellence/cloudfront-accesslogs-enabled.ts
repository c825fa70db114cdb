import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString } from '../../src/values/coerce.ts';
import type { Variant } from '../../src/values/variant.ts';

const BUCKET = 'AWS::S3::Bucket';
const DELIVERY_SOURCE = 'AWS::Logs::DeliverySource';
const LOGGING = ['Properties', 'DistributionConfig', 'Logging'];
/** bucket.s3.amazonaws.com, bucket.s3.eu-west-1.amazonaws.com, bucket.s3.amazonaws.com.cn... */
const S3_HOST = /^(.+?)\.s3([.-][a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/i;

const messages = {
  noLogging:
    'CloudFront distribution {{logicalId}} keeps no access logs: Logging is not set and no AWS::Logs::DeliverySource of the template names it, so the requests it served cannot be investigated.',
  aclsDisabled:
    'CloudFront distribution {{logicalId}} writes its standard logs to bucket {{bucket}}, whose ACLs are disabled: ObjectOwnership is {{state}}. Legacy standard logging delivers through bucket ACLs, so CloudFront cannot write the logs.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

export default defineRule({
  id: 'cloudfront-accesslogs-enabled',
  pillar: 'operational-excellence',
  level: 'note',
  title: 'CloudFront access logging is enabled',
  rationale:
    "Access logs record every request CloudFront serves: the viewer's address, the path, the status, the edge location " +
    'and the time taken. Without them, errors seen by users, cache misses and abuse can only be studied from aggregate ' +
    'metrics, and a security investigation has no record to work from.',
  remediation:
    'Turn on standard logging: either `Logging` in the distribution config (legacy logging to an S3 bucket that has ' +
    'ACLs enabled, `ObjectOwnership: ObjectWriter` or `BucketOwnerPreferred`), or standard logging v2 with an ' +
    '`AWS::Logs::DeliverySource` for the distribution, a delivery destination and a delivery.\n\n' +
    '```yaml\nDistributionConfig:\n  Logging:\n    Bucket: !GetAtt CfLogBucket.RegionalDomainName\n    Prefix: cdn/\n```',
  wellArchitected: ['OPS08-BP02', 'SEC04-BP01'],
  securityHub: ['CloudFront.5'],
  securitySeverity: '3.0',
  appliesTo: ['AWS::CloudFront::Distribution'],
  tags: ['security'],
  peers: {
    // CKV_AWS_86: DistributionConfig.Logging set; W10: the same (cfn_nag); AwsSolutions-CFR3: access logging on.
    checkov: ['CKV_AWS_86'],
    cfn_nag: ['W10'],
    cdk_nag: ['AwsSolutions-CFR3'],
    guard: ['CLOUDFRONT_ACCESSLOGS_ENABLED'],
  },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  SiteDistribution:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        Enabled: true',
      '        HttpVersion: http2and3',
      '        Origins:',
      '          - Id: site',
      '            DomainName: example-site.s3.eu-west-1.amazonaws.com',
      '            S3OriginConfig: {}',
      '        DefaultCacheBehavior:',
      '          TargetOriginId: site',
      '          ViewerProtocolPolicy: redirect-to-https',
      '          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6   # CachingOptimized',
      '  CdnLogBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      OwnershipControls:',
      '        Rules:',
      '          - ObjectOwnership: BucketOwnerPreferred',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  SiteDistribution:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        Enabled: true',
      '        HttpVersion: http2and3',
      '        Logging:',
      '          Bucket: !GetAtt CdnLogBucket.RegionalDomainName',
      '          Prefix: cdn/',
      '        Origins:',
      '          - Id: site',
      '            DomainName: example-site.s3.eu-west-1.amazonaws.com',
      '            S3OriginConfig: {}',
      '        DefaultCacheBehavior:',
      '          TargetOriginId: site',
      '          ViewerProtocolPolicy: redirect-to-https',
      '          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6   # CachingOptimized',
      '  CdnLogBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      OwnershipControls:',
      '        Rules:',
      '          - ObjectOwnership: BucketOwnerPreferred',
    ].join('\n'),
    notes:
      'A distribution passes with `DistributionConfig.Logging`, or when an `AWS::Logs::DeliverySource` of the template ' +
      'names it in `ResourceArn` (standard logging v2; the delivery destination and the delivery may live in another ' +
      'stack, so they are not required here). When the `Logging.Bucket` is a bucket of the template whose ' +
      '`ObjectOwnership` is `BucketOwnerEnforced`, or that sets no `OwnershipControls` (new buckets have ACLs disabled ' +
      'since April 2023), the second message says that legacy logging cannot deliver to it. A `Logging` value only ' +
      'known at deploy time (an import, a parameter without a Default) is not a finding; `--report-unknown` lists it.',
  },
  check(distribution, ctx) {
    const vended = ctx.graph.referrers(distribution.logicalId, DELIVERY_SOURCE, ['Properties', 'ResourceArn']).length > 0;
    for (const logging of ctx.value(distribution, LOGGING)) {
      if (!ctx.known(logging, 'Logging')) continue;
      if (logging.kind === 'absent') {
        if (!vended) ctx.report({ messageId: 'noLogging', at: logging });
        continue;
      }
      for (const name of ctx.value(logging, ['Bucket'])) checkBucket(ctx, distribution, name);
    }
  },
});

function checkBucket(ctx: Ctx, distribution: Resource, name: Variant): void {
  const bucket = bucketOf(ctx, distribution, name);
  if (!bucket) return;
  const rules = ctx.value(bucket, ['Properties', 'OwnershipControls', 'Rules']);
  for (const list of rules) {
    if (!ctx.known(list, 'OwnershipControls')) continue;
    const owners = list.kind === 'absent' ? [list] : ctx.items(list, []).flatMap((rule) => ctx.value(rule, ['ObjectOwnership']));
    for (const owner of owners) {
      if (!ctx.known(owner, 'ObjectOwnership')) continue;
      if (owner.kind === 'literal' && asString(owner) !== 'BucketOwnerEnforced') continue;
      ctx.report({
        messageId: 'aclsDisabled',
        at: name,
        because: [owner],
        data: { bucket: bucket.logicalId, state: stateText(owner, 'new buckets default to BucketOwnerEnforced') },
      });
    }
  }
}

/**
 * The bucket of the template a Logging.Bucket names: through Fn::GetAtt (DomainName, RegionalDomainName) or Fn::Sub,
 * or by a literal `name.s3.amazonaws.com` matching a bucket's literal BucketName.
 */
function bucketOf(ctx: Ctx, distribution: Resource, name: Variant): Resource | undefined {
  if (name.ref) {
    const target = ctx.template.resources.get(name.ref.logicalId);
    return target?.type === BUCKET ? target : undefined;
  }
  const viaEdge = ctx.graph
    .targets(distribution.logicalId, BUCKET)
    .find(({ edge }) => edge.path.length >= name.path.length && name.path.every((segment, i) => edge.path[i] === segment));
  if (viaEdge) return viaEdge.resource;
  const host = asString(name)?.match(S3_HOST)?.[1];
  if (host === undefined) return undefined;
  return ctx.graph.ofType(BUCKET).find((b) => ctx.value(b, ['Properties', 'BucketName']).some((v) => asString(v) === host));
}
