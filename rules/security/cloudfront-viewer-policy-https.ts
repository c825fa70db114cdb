import { defineRule } from '../../src/engine/rule.ts';
import { asString } from '../../src/values/coerce.ts';
import { clip } from '../../src/values/quote.ts';
import type { Variant } from '../../src/values/variant.ts';

export default defineRule({
  id: 'cloudfront-viewer-policy-https',
  pillar: 'security',
  level: 'warning',
  title: 'CloudFront requires HTTPS between viewers and edge',
  rationale:
    'With ViewerProtocolPolicy allow-all, CloudFront serves content over plain HTTP, so requests, cookies and responses can be read ' +
    'or altered by anyone on the network path between the viewer and the edge location.',
  remediation:
    'Set `ViewerProtocolPolicy` to `redirect-to-https` (or `https-only`) on the default cache behavior and on every entry of ' +
    '`CacheBehaviors`.\n\n```yaml\nDefaultCacheBehavior:\n  ViewerProtocolPolicy: redirect-to-https\n```',
  wellArchitected: ['SEC09-BP02'],
  securityHub: ['CloudFront.3'],
  securitySeverity: '6.5',
  appliesTo: ['AWS::CloudFront::Distribution'],
  peers: {
    // CKV_AWS_34: ViewerProtocolPolicy allow-all in the default or any cache behavior.
    checkov: ['CKV_AWS_34'],
    cfn_nag: [],
    cdk_nag: [],
    // CLOUDFRONT_VIEWER_POLICY_HTTPS: every behavior's ViewerProtocolPolicy is https-only or redirect-to-https.
    guard: ['CLOUDFRONT_VIEWER_POLICY_HTTPS'],
  },
  messages: {
    defaultBehavior: 'CloudFront distribution {{logicalId}} serves its default cache behavior over plain HTTP: ViewerProtocolPolicy is allow-all.',
    cacheBehavior: 'CloudFront distribution {{logicalId}} serves cache behavior {{pattern}} over plain HTTP: ViewerProtocolPolicy is allow-all.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  SiteDistribution:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        Enabled: true',
      '        DefaultRootObject: index.html',
      '        Origins:',
      '          - Id: site',
      '            DomainName: example-site.s3.eu-west-1.amazonaws.com',
      '            S3OriginConfig: {}',
      '        DefaultCacheBehavior:',
      '          TargetOriginId: site',
      '          ViewerProtocolPolicy: allow-all',
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
      '        Origins:',
      '          - Id: site',
      '            DomainName: example-site.s3.eu-west-1.amazonaws.com',
      '            S3OriginConfig: {}',
      '        DefaultCacheBehavior:',
      '          TargetOriginId: site',
      '          ViewerProtocolPolicy: redirect-to-https',
      '          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6   # CachingOptimized',
    ].join('\n'),
    notes:
      'The default cache behavior and every entry of `CacheBehaviors` are checked; `https-only` and `redirect-to-https` ' +
      'both pass. A missing `ViewerProtocolPolicy` is a template error (the property is required), not a finding of this ' +
      'rule. A value only known at deploy time (an import, a parameter without a Default) is not a finding; ' +
      '`--report-unknown` lists it. The rule looks at viewers only: the protocol CloudFront uses towards the origin ' +
      '(`OriginProtocolPolicy`) is not checked.',
  },
  check(distribution, ctx) {
    const config = ['Properties', 'DistributionConfig'];
    // The property is required: a missing value is a template error, not this rule's finding.
    const allowsHttp = (policy: Variant) => ctx.known(policy, 'ViewerProtocolPolicy') && asString(policy)?.toLowerCase() === 'allow-all';
    const fix = { text: 'redirect-to-https', description: 'Redirect HTTP viewers to HTTPS' };
    for (const policy of ctx.value(distribution, [...config, 'DefaultCacheBehavior', 'ViewerProtocolPolicy'])) {
      if (allowsHttp(policy)) ctx.report({ messageId: 'defaultBehavior', at: policy, fix });
    }
    for (const behavior of ctx.items(distribution, [...config, 'CacheBehaviors'])) {
      if (!ctx.known(behavior, 'the cache behaviors')) continue;
      for (const [pattern, policy] of ctx.each(ctx.value(behavior, ['PathPattern']), ctx.value(behavior, ['ViewerProtocolPolicy']))) {
        if (!allowsHttp(policy)) continue;
        const name = asString(pattern);
        ctx.report({
          messageId: 'cacheBehavior',
          at: policy,
          because: [pattern],
          data: { pattern: name === undefined ? '(path pattern not known)' : JSON.stringify(clip(name)) },
          fix,
        });
      }
    }
  },
});
