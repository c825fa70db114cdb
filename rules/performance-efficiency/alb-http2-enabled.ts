import { defineRule } from '../../src/engine/rule.ts';
import { attributeValue } from '../../src/rule-helpers/attributes.ts';
import { asBoolean, asString } from '../../src/values/coerce.ts';

const HTTP2 = 'routing.http2.enabled';

export default defineRule({
  id: 'alb-http2-enabled',
  pillar: 'performance-efficiency',
  level: 'warning',
  title: 'Application Load Balancers keep HTTP/2 enabled',
  rationale:
    'HTTP/2 lets a browser send many requests over one connection at once, with compressed headers, so pages load with ' +
    'fewer connections and less waiting. Application Load Balancers turn it on by default; clients that cannot speak ' +
    'HTTP/2 fall back to HTTP/1.1 on their own, so turning it off only takes the gain away.',
  remediation:
    'Delete the `routing.http2.enabled` attribute (the default is `true`) or set it to `true`.\n\n' +
    "```yaml\nLoadBalancerAttributes:\n  - Key: routing.http2.enabled\n    Value: 'true'\n```",
  wellArchitected: ['PERF04-BP05'],
  appliesTo: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    disabled: 'Application Load Balancer {{logicalId}} turns HTTP/2 off ({{key}} is {{value}}), so every browser connection carries one request at a time.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  WebAlb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties:',
      '      Scheme: internet-facing',
      '      Subnets: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '      SecurityGroups: [sg-0123456789abcdef0]',
      '      LoadBalancerAttributes:',
      '        - Key: routing.http2.enabled',
      '          Value: "false"',
      '        - Key: idle_timeout.timeout_seconds',
      '          Value: "60"',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  WebAlb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties:',
      '      Scheme: internet-facing',
      '      Subnets: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '      SecurityGroups: [sg-0123456789abcdef0]',
      '      LoadBalancerAttributes:',
      '        - Key: routing.http2.enabled',
      '          Value: "true"',
      '        - Key: idle_timeout.timeout_seconds',
      '          Value: "60"',
    ].join('\n'),
    notes:
      'Only an explicit `false` is a finding: without the attribute, Application Load Balancers serve HTTP/2. Network and ' +
      'Gateway Load Balancers do not have the attribute and are not checked. A type or a value known only at deploy time ' +
      '(an import, a parameter without a Default) is not a finding; `--report-unknown` lists it.',
  },
  check(lb, ctx) {
    const settings = attributeValue(ctx, lb, ['Properties', 'LoadBalancerAttributes'], HTTP2);
    for (const [type, setting] of ctx.each(ctx.value(lb, ['Properties', 'Type']), settings)) {
      // Absent means the AWS default (true): nothing to know about the type then.
      if (setting.kind === 'absent') continue;
      if (!ctx.known(type, 'the load balancer type')) continue;
      if ((asString(type) ?? 'application').toLowerCase() !== 'application') continue;
      if (!ctx.known(setting, HTTP2) || asBoolean(setting) !== false) continue;
      ctx.report({
        messageId: 'disabled',
        at: setting,
        because: [type],
        data: { key: HTTP2, value: asString(setting) ?? 'false' },
        fix: { text: '"true"', description: 'Turn HTTP/2 back on' },
      });
    }
  },
});
