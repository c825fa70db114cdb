import { defineRule } from '../../src/engine/rule.ts';
import { asString } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import { variantWith, type Variant } from '../../src/values/variant.ts';
import { own } from '../../src/rule-helpers/lookup.ts';

/**
 * The oldest TLS version each predefined policy accepts, from the "Protocols by policy" tables of AWS's "Security
 * policies for your Application Load Balancer" and "... Network Load Balancer" pages.
 */
const LEGACY: Record<string, string> = {
  'ELBSecurityPolicy-2016-08': 'TLS 1.0',
  'ELBSecurityPolicy-2015-05': 'TLS 1.0',
  'ELBSecurityPolicy-TLS-1-0-2015-04': 'TLS 1.0',
  'ELBSecurityPolicy-FS-2018-06': 'TLS 1.0',
  'ELBSecurityPolicy-TLS-1-1-2017-01': 'TLS 1.1',
  'ELBSecurityPolicy-FS-1-1-2019-08': 'TLS 1.1',
  'ELBSecurityPolicy-TLS-1-2-2017-01': 'TLS 1.2',
  'ELBSecurityPolicy-TLS-1-2-Ext-2018-06': 'TLS 1.2',
  'ELBSecurityPolicy-FS-1-2-2019-08': 'TLS 1.2',
  'ELBSecurityPolicy-FS-1-2-Res-2019-08': 'TLS 1.2',
  'ELBSecurityPolicy-FS-1-2-Res-2020-10': 'TLS 1.2',
};

/**
 * Every later policy names its oldest version after the family: ELBSecurityPolicy-TLS13-1-0-2021-06 accepts TLS 1.0
 * (and 1.3), -TLS13-1-2-Res-FIPS-2023-04 and -TLS13-1-2-Res-PQ-2025-09 start at TLS 1.2, -TLS13-1-3-... at TLS 1.3.
 */
const NAMED_MINIMUM = /^ELBSecurityPolicy-(?:TLS13|TLS|FS)-1-([0-3])-/;

/** The oldest TLS version a policy accepts ("TLS 1.0"), or undefined for a name not in AWS's tables. */
function oldestTls(policy: string): string | undefined {
  const listed = own(LEGACY, policy);
  if (listed) return listed;
  const minor = NAMED_MINIMUM.exec(policy)?.[1];
  return minor === undefined ? undefined : `TLS 1.${minor}`;
}

const OUTDATED = new Set(['TLS 1.0', 'TLS 1.1']);

export default defineRule({
  id: 'elbv2-listener-ssl-policy-tls12',
  pillar: 'security',
  level: 'warning',
  title: 'HTTPS/TLS listeners use a TLS 1.2+ security policy',
  rationale:
    'TLS 1.0 and 1.1 have known weaknesses and are deprecated (RFC 8996). A listener whose security policy still accepts them ' +
    'lets a client, or an attacker who downgrades the handshake, use them. A listener without `SslPolicy` gets ' +
    '`ELBSecurityPolicy-2016-08` when it is created by CloudFormation or the CDK, and that policy accepts TLS 1.0.',
  remediation:
    'Set `SslPolicy` on every HTTPS (Application Load Balancer) and TLS (Network Load Balancer) listener to a policy that ' +
    'starts at TLS 1.2, such as `ELBSecurityPolicy-TLS13-1-2-2021-06` (TLS 1.3 and 1.2), or ' +
    '`ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09` for post-quantum key exchange.\n\n' +
    '```yaml\nHttpsListener:\n  Type: AWS::ElasticLoadBalancingV2::Listener\n  Properties:\n    Protocol: HTTPS\n    Port: 443\n    SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06\n```',
  wellArchitected: ['SEC09-BP02', 'SEC09-BP01'],
  securityHub: ['ELB.17'],
  securitySeverity: '5.3',
  appliesTo: ['AWS::ElasticLoadBalancingV2::Listener'],
  peers: {
    // CKV_AWS_103: HTTPS/TLS listeners whose SslPolicy is not a TLS 1.2 policy.
    checkov: ['CKV_AWS_103'],
    // W55: listener SslPolicy from a list of pre-TLS 1.2 policies.
    cfn_nag: ['W55'],
    cdk_nag: [],
    guard: ['ELBV2_LISTENER_SSL_POLICY_RULE'],
  },
  // Without SslPolicy, CloudFormation, the CLI and the CDK get ELBSecurityPolicy-2016-08 (only the console picks another).
  messages: {
    weakPolicy:
      '{{protocol}} listener {{logicalId}} uses security policy {{policy}}, which still accepts {{oldest}}: clients can negotiate a deprecated TLS version.',
    defaultPolicy:
      '{{protocol}} listener {{logicalId}} sets no SslPolicy, so it gets ELBSecurityPolicy-2016-08, which still accepts TLS 1.0 and 1.1: clients can negotiate a deprecated TLS version.',
  },
  docs: {
    noncompliant: [
      'Parameters:',
      '  PublicAlb: {Type: String}',
      '  WebTargets: {Type: String}',
      'Resources:',
      '  HttpsListener:',
      '    Type: AWS::ElasticLoadBalancingV2::Listener',
      '    Properties:',
      '      LoadBalancerArn: !Ref PublicAlb',
      '      Port: 443',
      '      Protocol: HTTPS',
      '      SslPolicy: ELBSecurityPolicy-2016-08',
      '      Certificates:',
      '        - CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
      '      DefaultActions:',
      '        - Type: forward',
      '          TargetGroupArn: !Ref WebTargets',
    ].join('\n'),
    compliant: [
      'Parameters:',
      '  PublicAlb: {Type: String}',
      '  WebTargets: {Type: String}',
      'Resources:',
      '  HttpsListener:',
      '    Type: AWS::ElasticLoadBalancingV2::Listener',
      '    Properties:',
      '      LoadBalancerArn: !Ref PublicAlb',
      '      Port: 443',
      '      Protocol: HTTPS',
      '      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06',
      '      Certificates:',
      '        - CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
      '      DefaultActions:',
      '        - Type: forward',
      '          TargetGroupArn: !Ref WebTargets',
    ].join('\n'),
    notes:
      'Applies to listeners with `Protocol` `HTTPS` (Application Load Balancer) or `TLS` (Network Load Balancer); HTTP, TCP, ' +
      'UDP, TCP_UDP, GENEVE and QUIC listeners have no security policy. The policies are classified from the "Protocols by ' +
      'policy" tables of AWS\'s security-policy pages for Application and Network Load Balancers: ' +
      '`ELBSecurityPolicy-2016-08`, `-2015-05`, `-TLS-1-0-2015-04`, `-FS-2018-06`, `-TLS-1-1-2017-01`, `-FS-1-1-2019-08`, ' +
      'and the TLS 1.3 policies `-TLS13-1-0-*` and `-TLS13-1-1-*` (FIPS and post-quantum variants included) fail, because ' +
      'they still accept TLS 1.0 or 1.1. Newer policies follow the same naming (`TLS13-1-2-…` starts at TLS 1.2); a policy ' +
      'name that fits none of these is not a finding but is listed by `--report-unknown`, as is a policy or protocol only ' +
      'known at deploy time.\n\n' +
      'Without `SslPolicy`, AWS applies `ELBSecurityPolicy-2016-08` to listeners created through CloudFormation, the CLI ' +
      'or the CDK (only the console picks `ELBSecurityPolicy-TLS13-1-2-Res-2021-06` or its post-quantum successor), so ' +
      'an absent `SslPolicy` is a finding. The catalog treated it as a note because the default "differs between console ' +
      'and API"; for a template, the API default is the one that applies.',
  },
  check(listener, ctx) {
    for (const [protocol, policy] of ctx.each(ctx.value(listener, ['Properties', 'Protocol']), ctx.value(listener, ['Properties', 'SslPolicy']))) {
      if (!ctx.known(protocol, 'Protocol')) continue;
      const name = asString(protocol)?.toUpperCase();
      if (name !== 'HTTPS' && name !== 'TLS') continue;
      if (!ctx.known(policy, 'SslPolicy')) continue;
      if (policy.kind === 'absent') {
        ctx.report({ messageId: 'defaultPolicy', at: policy, because: [protocol], data: { protocol: name } });
        continue;
      }
      const text = asString(policy) ?? '';
      const oldest = oldestTls(text);
      if (oldest === undefined) {
        ctx.unknown(unlisted(policy), 'SslPolicy');
        continue;
      }
      if (!OUTDATED.has(oldest)) continue;
      ctx.report({
        messageId: 'weakPolicy',
        at: policy,
        because: [protocol],
        data: { protocol: name, policy: valueText(text), oldest: oldest === 'TLS 1.0' ? 'TLS 1.0 and 1.1' : 'TLS 1.1' },
        fix: { text: 'ELBSecurityPolicy-TLS13-1-2-2021-06', description: 'Use the TLS 1.3/1.2 security policy' },
      });
    }
  },
});

/** A policy name AWS's tables do not list (a newer policy, or a typo CloudFormation will reject). */
function unlisted(policy: Variant): Variant {
  return variantWith(policy, { kind: 'unknown', reason: `${valueText(asString(policy))} is not a security policy pillars-lint can classify` });
}
