import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import type { Resource } from '../../src/template/model.ts';
import { asNumber, asString } from '../../src/values/coerce.ts';
import { clip } from '../../src/values/quote.ts';
import { variantWith, type Variant } from '../../src/values/variant.ts';

const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const LISTENER_RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';
const CLASSIC = 'AWS::ElasticLoadBalancing::LoadBalancer';
const ELBV2 = 'AWS::ElasticLoadBalancingV2::LoadBalancer';

/** The load balancer a listener belongs to, in words, with the variants its level depends on. */
interface Owner {
  /** "internet-facing load balancer Alb", "internal load balancer Alb", "a load balancer from outside this template". */
  name: string;
  internal: boolean;
  because: Variant[];
}

const upper = (v: Variant) => asString(v)?.toUpperCase();

// Declared before the rule so that the helpers below report with checked message ids too.
const MESSAGES = {
  forward: 'HTTP listener {{logicalId}} on {{loadBalancer}} forwards requests over plain HTTP instead of redirecting them to HTTPS.',
  fixedResponse:
    'HTTP listener {{logicalId}} on {{loadBalancer}} answers plain-HTTP requests with a fixed {{status}} response instead of redirecting them to HTTPS.',
  redirectNotHttps: 'HTTP listener {{logicalId}} on {{loadBalancer}} redirects without switching to HTTPS: RedirectConfig.Protocol is {{state}}.',
  ruleForward: 'Listener rule {{logicalId}} forwards requests that arrive over plain HTTP on listener {{listener}} ({{loadBalancer}}).',
  classic: 'Classic load balancer {{logicalId}} ({{scheme}}) has an unencrypted {{protocol}} listener on port {{port}}.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof MESSAGES>;

export default defineRule({
  id: 'elb-listener-https-enforced',
  pillar: 'security',
  level: 'warning',
  title: 'Load balancer listeners serve HTTPS or redirect HTTP to HTTPS',
  rationale:
    'A listener that serves plain HTTP (or TCP) sends requests, session cookies and responses unencrypted between clients and the ' +
    'load balancer. Serving HTTPS, and answering HTTP only with a redirect to HTTPS, keeps that traffic encrypted in transit.',
  remediation:
    'On Application Load Balancers, keep port 80 only as a listener whose default action redirects to HTTPS, and serve the ' +
    'application from an HTTPS listener with a certificate; move listener rules that forward to the HTTPS listener. On Classic ' +
    'Load Balancers, use HTTPS or SSL listeners with an `SSLCertificateId`.\n\n' +
    "```yaml\nHttpListener:\n  Type: AWS::ElasticLoadBalancingV2::Listener\n  Properties:\n    LoadBalancerArn: !Ref Alb\n    Port: 80\n    Protocol: HTTP\n    DefaultActions:\n      - Type: redirect\n        RedirectConfig: {Protocol: HTTPS, Port: '443', StatusCode: HTTP_301}\n```",
  wellArchitected: ['SEC09-BP02'],
  securityHub: ['ELB.1', 'ELB.3'],
  securitySeverity: '6.5',
  appliesTo: [LISTENER, LISTENER_RULE, CLASSIC],
  peers: {
    // Listeners only: none of them reads listener rules. cdk-nag's ELB5 / ELBTlsHttpsListenersOnly are left out: they
    // check that HTTPS and SSL listeners keep HTTPS/SSL to the instances, not plain-HTTP listeners.
    checkov: [{ id: 'CKV_AWS_2', resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'] }], // HTTP unless redirecting to HTTPS
    cfn_nag: [{ id: 'W56', resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'] }], // any HTTP listener
    cdk_nag: [{ id: 'ALBHttpToHttpsRedirection', resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'] }], // HTTP without a redirect to HTTPS
    guard: [
      { id: 'ELBV2_LISTENER_PROTOCOL_RULE', resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'] }, // any HTTP listener
      { id: 'ELB_TLS_HTTPS_LISTENERS_ONLY', messages: ['classic'] }, // every Classic listener HTTPS or SSL
    ],
  },
  messages: MESSAGES,
  docs: {
    noncompliant: [
      'Resources:',
      '  WebAlb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties:',
      '      Scheme: internet-facing',
      '      Subnets: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '      SecurityGroups: [sg-0123456789abcdef0]',
      '  HttpListener:',
      '    Type: AWS::ElasticLoadBalancingV2::Listener',
      '    Properties:',
      '      LoadBalancerArn: !Ref WebAlb',
      '      Port: 80',
      '      Protocol: HTTP',
      '      DefaultActions:',
      '        - Type: forward',
      '          TargetGroupArn: !Ref WebTargets',
      '  WebTargets:',
      '    Type: AWS::ElasticLoadBalancingV2::TargetGroup',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      Port: 8080',
      '      Protocol: HTTP',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  WebAlb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties:',
      '      Scheme: internet-facing',
      '      Subnets: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '      SecurityGroups: [sg-0123456789abcdef0]',
      '  HttpListener:',
      '    Type: AWS::ElasticLoadBalancingV2::Listener',
      '    Properties:',
      '      LoadBalancerArn: !Ref WebAlb',
      '      Port: 80',
      '      Protocol: HTTP',
      '      DefaultActions:',
      '        - Type: redirect',
      '          RedirectConfig: {Protocol: HTTPS, Port: "443", StatusCode: HTTP_301}',
      '  HttpsListener:',
      '    Type: AWS::ElasticLoadBalancingV2::Listener',
      '    Properties:',
      '      LoadBalancerArn: !Ref WebAlb',
      '      Port: 443',
      '      Protocol: HTTPS',
      '      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06',
      '      Certificates:',
      '        - CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9',
      '      DefaultActions:',
      '        - Type: forward',
      '          TargetGroupArn: !Ref WebTargets',
      '  WebTargets:',
      '    Type: AWS::ElasticLoadBalancingV2::TargetGroup',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      Port: 8080',
      '      Protocol: HTTP',
    ].join('\n'),
    notes:
      'On Application Load Balancers, an HTTP listener passes when its default action redirects to HTTPS or answers with a ' +
      '4xx fixed response; forwarding, a redirect that keeps HTTP (`RedirectConfig.Protocol` left out keeps the protocol) ' +
      'and other fixed responses fail, and so does a listener rule that forwards requests arriving on an HTTP listener of ' +
      'the template. On Classic Load Balancers, HTTP and TCP listeners fail. Listeners of Network and Gateway Load ' +
      'Balancers are not checked. Findings on internal load balancers are notes. A protocol, action type or listener only ' +
      'known at deploy time (an import, a parameter without a Default, a listener of another stack) is not a finding; ' +
      '`--report-unknown` lists it.',
  },
  check(resource, ctx) {
    if (resource.type === CLASSIC) return checkClassic(ctx, resource);
    if (resource.type === LISTENER) {
      for (const http of httpListener(ctx, resource)) {
        for (const action of ctx.items(resource, ['Properties', 'DefaultActions'])) checkDefaultAction(ctx, action, http);
      }
      return;
    }
    // A listener rule matters only on an HTTP listener of this template; one we cannot see has an unknown protocol.
    for (const arn of ctx.value(resource, ['Properties', 'ListenerArn'])) {
      const listener = arn.ref && ctx.template.resources.get(arn.ref.logicalId);
      if (!listener || listener.type !== LISTENER) {
        if (arn.kind !== 'absent') {
          const outside = arn.kind === 'unknown' ? arn : variantWith(arn, { kind: 'unknown', reason: 'a listener outside this template' });
          ctx.unknown(outside, 'the protocol of the listener');
        }
        continue;
      }
      for (const http of httpListener(ctx, listener)) {
        for (const action of ctx.items(resource, ['Properties', 'Actions'])) {
          for (const type of ctx.value(action, ['Type'])) {
            if (!ctx.known(type, 'the action type') || asString(type)?.toLowerCase() !== 'forward') continue;
            ctx.report({
              messageId: 'ruleForward',
              at: type,
              because: [arn, ...http.because],
              level: http.internal ? 'note' : undefined,
              data: { listener: listener.logicalId, loadBalancer: http.name },
            });
          }
        }
      }
    }
  },
});

/**
 * One entry per way `listener` is an HTTP listener of an Application Load Balancer (none when it is HTTPS,
 * belongs to a Network or Gateway Load Balancer, or its protocol is unknown).
 */
function httpListener(ctx: Ctx, listener: Resource): Owner[] {
  const out: Owner[] = [];
  for (const [protocol, arn] of ctx.each(ctx.value(listener, ['Properties', 'Protocol']), ctx.value(listener, ['Properties', 'LoadBalancerArn']))) {
    // Absent: a Gateway Load Balancer listener. TCP/TLS/UDP: a Network Load Balancer.
    if (!ctx.known(protocol, 'the listener protocol') || upper(protocol) !== 'HTTP') continue;
    for (const owner of ownerOf(ctx, arn)) {
      out.push({ ...owner, because: [protocol, arn, ...owner.because] });
    }
  }
  // Internet-facing first: when the scheme depends on a condition, the stronger verdict is the one kept.
  return out.sort((a, b) => Number(a.internal) - Number(b.internal));
}

function ownerOf(ctx: Ctx, arn: Variant): Owner[] {
  const lb = arn.ref && ctx.template.resources.get(arn.ref.logicalId);
  if (!lb || lb.type !== ELBV2) return [{ name: 'a load balancer from outside this template', internal: false, because: [] }];
  const out: Owner[] = [];
  for (const [type, scheme] of ctx.each(ctx.value(lb, ['Properties', 'Type']), ctx.value(lb, ['Properties', 'Scheme']))) {
    const kind = asString(type)?.toLowerCase();
    if (kind === 'network' || kind === 'gateway') continue; // not an ALB: HTTP redirects do not exist there
    const internal = asString(scheme)?.toLowerCase() === 'internal';
    const word = internal ? 'internal ' : scheme.kind === 'unknown' ? '' : 'internet-facing ';
    out.push({ name: `${word}load balancer ${lb.logicalId}`, internal, because: [type, scheme] });
  }
  return out;
}

function checkDefaultAction(ctx: Ctx, action: Variant, http: Owner): void {
  const loadBalancer = http.name;
  const level = http.internal ? ('note' as const) : undefined;
  for (const [type, redirect, status] of ctx.each(
    ctx.value(action, ['Type']),
    ctx.value(action, ['RedirectConfig', 'Protocol']),
    ctx.value(action, ['FixedResponseConfig', 'StatusCode']),
  )) {
    if (!ctx.known(type, 'the default action type')) continue;
    const kind = asString(type)?.toLowerCase();
    if (kind === 'forward') {
      ctx.report({ messageId: 'forward', at: type, because: http.because, level, data: { loadBalancer } });
    } else if (kind === 'redirect') {
      // Not set means "#{protocol}": the redirect keeps plain HTTP.
      if (!ctx.known(redirect, 'the redirect protocol') || upper(redirect) === 'HTTPS') continue;
      ctx.report({
        messageId: 'redirectNotHttps',
        at: redirect,
        because: [type, ...http.because],
        level,
        data: { loadBalancer, state: stateText(redirect, 'the default #{protocol} keeps HTTP') },
        fix: redirect.kind === 'literal' ? { text: 'HTTPS', description: 'Redirect to HTTPS' } : undefined,
      });
    } else if (kind === 'fixed-response') {
      if (!ctx.known(status, 'the fixed-response status code')) continue;
      const code = asNumber(status);
      // A 4xx answer serves no content over HTTP; StatusCode is required, so absent is a template error.
      if (code === undefined || (code >= 400 && code < 500)) continue;
      ctx.report({ messageId: 'fixedResponse', at: status, because: [type, ...http.because], level, data: { loadBalancer, status: String(code) } });
    }
    // authenticate-* actions only precede a final action (and need HTTPS anyway).
  }
}

function checkClassic(ctx: Ctx, lb: Resource): void {
  // Internet-facing first: when the scheme depends on a condition, the stronger verdict is the one kept.
  const schemes = [...ctx.value(lb, ['Properties', 'Scheme'])].sort(
    (a, b) => Number(asString(a)?.toLowerCase() === 'internal') - Number(asString(b)?.toLowerCase() === 'internal'),
  );
  for (const listener of ctx.items(lb, ['Properties', 'Listeners'])) {
    if (!ctx.known(listener, 'the listeners')) continue;
    for (const [protocol, port, scheme] of ctx.each(ctx.value(listener, ['Protocol']), ctx.value(listener, ['LoadBalancerPort']), schemes)) {
      if (!ctx.known(protocol, 'the listener protocol')) continue;
      const p = upper(protocol);
      if (p !== 'HTTP' && p !== 'TCP') continue;
      const internal = asString(scheme)?.toLowerCase() === 'internal';
      const portText = asString(port);
      ctx.report({
        messageId: 'classic',
        at: protocol,
        because: [port, scheme],
        level: internal ? 'note' : undefined,
        data: {
          scheme: internal ? 'internal' : scheme.kind === 'unknown' ? 'scheme not known' : 'internet-facing',
          protocol: p,
          port: portText === undefined ? '(not known)' : clip(portText),
        },
      });
    }
  }
}
