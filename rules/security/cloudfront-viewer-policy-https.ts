import { defineRule } from '../../src/engine/rule.ts';
import { asString } from '../../src/values/coerce.ts';
import { combinations, type Variant } from '../../src/values/variant.ts';

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
  check(distribution, ctx) {
    const config = ['Properties', 'DistributionConfig'];
    const check = (policy: Variant, because: Variant[], messageId: string, data: Record<string, string>) => {
      // The property is required: a missing value is a template error, not this rule's finding.
      if (policy.kind === 'absent') return;
      if (policy.kind === 'unknown') {
        ctx.unknown(policy, 'ViewerProtocolPolicy');
        return;
      }
      if (asString(policy)?.toLowerCase() !== 'allow-all') return;
      ctx.report({
        messageId,
        at: policy,
        because,
        data,
        fix: { text: 'redirect-to-https', description: 'Redirect HTTP viewers to HTTPS' },
      });
    };

    for (const policy of ctx.value(distribution, [...config, 'DefaultCacheBehavior', 'ViewerProtocolPolicy'])) {
      check(policy, [], 'defaultBehavior', {});
    }
    for (const behavior of ctx.items(distribution, [...config, 'CacheBehaviors'])) {
      if (behavior.kind === 'unknown') {
        ctx.unknown(behavior, 'the cache behaviors');
        continue;
      }
      for (const [pattern, policy] of combinations([ctx.value(behavior, ['PathPattern']), ctx.value(behavior, ['ViewerProtocolPolicy'])])) {
        const name = asString(pattern!);
        check(policy!, [pattern!], 'cacheBehavior', { pattern: name === undefined ? '(path pattern not known)' : JSON.stringify(name) });
      }
    }
  },
});

