import { defineRule } from '../../src/engine/rule.ts';
import { requireValue } from '../../src/rule-helpers/require.ts';
import { asString } from '../../src/values/coerce.ts';

/** HttpVersion values that let viewers use HTTP/2 or HTTP/3. */
const MODERN = new Set(['http2', 'http2and3', 'http3']);

export default defineRule({
  id: 'cloudfront-http2-enabled',
  pillar: 'performance-efficiency',
  level: 'note',
  title: 'CloudFront distributions allow HTTP/2 (or HTTP/3)',
  rationale:
    'Over HTTP/1.1 a browser opens several connections and sends one request at a time on each. HTTP/2 multiplexes ' +
    'requests over one connection with compressed headers, and HTTP/3 also avoids head-of-line blocking on lossy ' +
    'networks, so pages load faster. Viewers that cannot negotiate the newer protocol fall back to HTTP/1.1 on their ' +
    'own, so allowing it is low-risk.',
  remediation: 'Set `HttpVersion` to `http2and3` (or `http2`) in the distribution config.\n\n```yaml\nDistributionConfig:\n  HttpVersion: http2and3\n```',
  wellArchitected: ['PERF04-BP05'],
  appliesTo: ['AWS::CloudFront::Distribution'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    http1: 'CloudFront distribution {{logicalId}} serves viewers over HTTP/1.1 only: HttpVersion is {{state}}.',
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
    ].join('\n'),
    notes:
      '`http2`, `http2and3` and `http3` pass; `http1.1` and a missing `HttpVersion` are reported. The CloudFront API and ' +
      "console default to `http2`, but CloudFormation's resource specification documents `http1.1` as the default of " +
      '`AWS::CloudFront::Distribution`, so a template that leaves it out is reported (the CDK `Distribution` construct ' +
      'always writes `http2` or the version you choose). A value only known at deploy time (an import, a parameter without ' +
      'a Default) is not a finding; `--report-unknown` lists it.',
  },
  check(distribution, ctx) {
    requireValue(ctx, distribution, {
      path: ['Properties', 'DistributionConfig', 'HttpVersion'],
      what: 'HttpVersion',
      ok: (v) => v.kind === 'literal' && MODERN.has((asString(v) ?? '').toLowerCase()),
      messageId: 'http1',
      absent: 'CloudFormation defaults to http1.1',
      fix: { text: 'http2and3', description: 'Allow HTTP/2 and HTTP/3' },
    });
  },
});
