import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { asNumber, asString } from '../../src/values/coerce.ts';
import { combinations, variantWith, type Variant } from '../../src/values/variant.ts';
import { valueText } from '../../src/values/quote.ts';

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
  messages: {
    forward: 'HTTP listener {{logicalId}} on {{loadBalancer}} forwards requests over plain HTTP instead of redirecting them to HTTPS.',
    fixedResponse: 'HTTP listener {{logicalId}} on {{loadBalancer}} answers plain-HTTP requests with a fixed {{status}} response instead of redirecting them to HTTPS.',
    redirectNotHttps: 'HTTP listener {{logicalId}} on {{loadBalancer}} redirects without switching to HTTPS: RedirectConfig.Protocol is {{state}}.',
    ruleForward: 'Listener rule {{logicalId}} forwards requests that arrive over plain HTTP on listener {{listener}} ({{loadBalancer}}).',
    classic: 'Classic load balancer {{logicalId}} ({{scheme}}) has an unencrypted {{protocol}} listener on port {{port}}.',
  },
  check(resource, ctx) {
    if (resource.type === CLASSIC) return checkClassic(resource, ctx);
    if (resource.type === LISTENER) {
      for (const http of httpListener(resource, ctx)) {
        for (const action of ctx.items(resource, ['Properties', 'DefaultActions'])) checkDefaultAction(action, http, ctx);
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
      for (const http of httpListener(listener, ctx)) {
        for (const action of ctx.items(resource, ['Properties', 'Actions'])) {
          for (const type of ctx.value(action, ['Type'])) {
            if (type.kind === 'unknown') {
              ctx.unknown(type, 'the action type');
              continue;
            }
            if (asString(type)?.toLowerCase() !== 'forward') continue;
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
function httpListener(listener: Resource, ctx: RuleContext): Owner[] {
  const out: Owner[] = [];
  for (const [protocol, arn] of combinations([
    ctx.value(listener, ['Properties', 'Protocol']),
    ctx.value(listener, ['Properties', 'LoadBalancerArn']),
  ])) {
    if (protocol!.kind === 'unknown') {
      ctx.unknown(protocol!, 'the listener protocol');
      continue;
    }
    // Absent: a Gateway Load Balancer listener. TCP/TLS/UDP: a Network Load Balancer.
    if (upper(protocol!) !== 'HTTP') continue;
    for (const owner of ownerOf(arn!, ctx)) {
      out.push({ ...owner, because: [protocol!, arn!, ...owner.because] });
    }
  }
  // Internet-facing first: when the scheme depends on a condition, the stronger verdict is the one kept.
  return out.sort((a, b) => Number(a.internal) - Number(b.internal));
}

function ownerOf(arn: Variant, ctx: RuleContext): Owner[] {
  const lb = arn.ref && ctx.template.resources.get(arn.ref.logicalId);
  if (!lb || lb.type !== ELBV2) return [{ name: 'a load balancer from outside this template', internal: false, because: [] }];
  const out: Owner[] = [];
  for (const [type, scheme] of combinations([ctx.value(lb, ['Properties', 'Type']), ctx.value(lb, ['Properties', 'Scheme'])])) {
    const kind = asString(type!)?.toLowerCase();
    if (kind === 'network' || kind === 'gateway') continue; // not an ALB: HTTP redirects do not exist there
    const s = asString(scheme!)?.toLowerCase();
    const internal = s === 'internal';
    const word = internal ? 'internal ' : scheme!.kind === 'unknown' ? '' : 'internet-facing ';
    out.push({ name: `${word}load balancer ${lb.logicalId}`, internal, because: [type!, scheme!] });
  }
  return out;
}

function checkDefaultAction(action: Variant, http: Owner, ctx: RuleContext): void {
  const data = { loadBalancer: http.name };
  const level = http.internal ? ('note' as const) : undefined;
  for (const [type, redirect, status] of combinations([
    ctx.value(action, ['Type']),
    ctx.value(action, ['RedirectConfig', 'Protocol']),
    ctx.value(action, ['FixedResponseConfig', 'StatusCode']),
  ])) {
    if (type!.kind === 'unknown') {
      ctx.unknown(type!, 'the default action type');
      continue;
    }
    const kind = asString(type!)?.toLowerCase();
    if (kind === 'forward') {
      ctx.report({ messageId: 'forward', at: type!, because: http.because, level, data });
    } else if (kind === 'redirect') {
      if (redirect!.kind === 'unknown') {
        ctx.unknown(redirect!, 'the redirect protocol');
        continue;
      }
      // Not set means "#{protocol}": the redirect keeps plain HTTP.
      if (upper(redirect!) === 'HTTPS') continue;
      ctx.report({
        messageId: 'redirectNotHttps',
        at: redirect!,
        because: [type!, ...http.because],
        level,
        data: { ...data, state: redirect!.kind === 'absent' ? 'not set (the default #{protocol} keeps HTTP)' : valueText(redirect!.value) },
        fix: redirect!.kind === 'literal' ? { text: 'HTTPS', description: 'Redirect to HTTPS' } : undefined,
      });
    } else if (kind === 'fixed-response') {
      if (status!.kind === 'unknown') {
        ctx.unknown(status!, 'the fixed-response status code');
        continue;
      }
      const code = asNumber(status!);
      // A 4xx answer serves no content over HTTP; StatusCode is required, so absent is a template error.
      if (code === undefined || (code >= 400 && code < 500)) continue;
      ctx.report({ messageId: 'fixedResponse', at: status!, because: [type!, ...http.because], level, data: { ...data, status: String(code) } });
    }
    // authenticate-* actions only precede a final action (and need HTTPS anyway).
  }
}

function checkClassic(lb: Resource, ctx: RuleContext): void {
  const schemes = [...ctx.value(lb, ['Properties', 'Scheme'])].sort(
    (a, b) => Number(asString(a)?.toLowerCase() === 'internal') - Number(asString(b)?.toLowerCase() === 'internal'),
  );
  for (const listener of ctx.items(lb, ['Properties', 'Listeners'])) {
    if (listener.kind === 'unknown') {
      ctx.unknown(listener, 'the listeners');
      continue;
    }
    for (const [protocol, port, scheme] of combinations([ctx.value(listener, ['Protocol']), ctx.value(listener, ['LoadBalancerPort']), schemes])) {
      if (protocol!.kind === 'unknown') {
        ctx.unknown(protocol!, 'the listener protocol');
        continue;
      }
      const p = upper(protocol!);
      if (p !== 'HTTP' && p !== 'TCP') continue;
      const internal = asString(scheme!)?.toLowerCase() === 'internal';
      ctx.report({
        messageId: 'classic',
        at: protocol!,
        because: [port!, scheme!],
        level: internal ? 'note' : undefined,
        data: {
          scheme: internal ? 'internal' : scheme!.kind === 'unknown' ? 'scheme not known' : 'internet-facing',
          protocol: p,
          port: asString(port!) ?? '(not known)',
        },
      });
    }
  }
}

