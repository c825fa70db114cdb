import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { attributeValue } from '../../src/rule-helpers/attributes.ts';
import { requireValue, stateText } from '../../src/rule-helpers/require.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asString } from '../../src/values/coerce.ts';
import type { Variant } from '../../src/values/variant.ts';
import { named } from '../../src/words.ts';

const LB_V2 = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';
const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const CLASSIC = 'AWS::ElasticLoadBalancing::LoadBalancer';
const CROSS_ZONE = 'load_balancing.cross_zone.enabled';

// Declared apart from the rule so that the functions below report with checked message ids.
const messages = {
  loadBalancer:
    '{{kind}} Load Balancer {{logicalId}} keeps traffic in the zone it arrives in: {{key}} is {{state}}{{targetGroups}}. Targets in a zone with less capacity get overloaded; turning it on adds inter-AZ data transfer charges.',
  targetGroup:
    'Target group {{logicalId}} turns cross-zone load balancing off, overriding its load balancer: {{key}} is false. Targets in a zone with less capacity get overloaded; turning it on adds inter-AZ data transfer charges.',
  classic:
    'Classic Load Balancer {{logicalId}} keeps traffic in the zone it arrives in: CrossZone is {{state}}, so instances in a zone with fewer instances get overloaded.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

export default defineRule({
  id: 'elb-cross-zone-load-balancing-enabled',
  pillar: 'reliability',
  level: 'warning',
  title: 'Cross-zone load balancing is on for NLB, GWLB and Classic ELB',
  rationale:
    'Without cross-zone load balancing each load balancer node sends traffic only to targets in its own Availability Zone, ' +
    'so every zone gets the same share of traffic whatever its capacity: when a zone has fewer healthy targets, they are ' +
    'overloaded. With it, traffic spreads over all healthy targets (for NLB and GWLB at the cost of inter-AZ data charges).',
  remediation:
    'Turn on `load_balancing.cross_zone.enabled` for Network and Gateway Load Balancers (or on every target group), and ' +
    '`CrossZone: true` for Classic Load Balancers. Alternatively keep the same capacity in every zone and accept the risk.\n\n' +
    "```yaml\nLoadBalancerAttributes:\n  - Key: load_balancing.cross_zone.enabled\n    Value: 'true'\n```",
  wellArchitected: ['REL10-BP01', 'PERF04-BP04'],
  securityHub: ['ELB.9'],
  appliesTo: [LB_V2, TARGET_GROUP, CLASSIC],
  tags: ['performance-efficiency', 'cost-optimization'],
  peers: {
    checkov: [],
    cfn_nag: [],
    // Classic Load Balancers only: CrossZone not true (cdk-nag also wants two zones).
    cdk_nag: [
      { id: 'AwsSolutions-ELB4', messages: ['classic'] },
      { id: 'ELBCrossZoneLoadBalancingEnabled', messages: ['classic'] },
    ],
    guard: [{ id: 'ELB_CROSS_ZONE_LOAD_BALANCING_ENABLED', messages: ['classic'] }],
  },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  IngressNlb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties:',
      '      Type: network',
      '      Scheme: internal',
      '      Subnets: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '      LoadBalancerAttributes:',
      '        - Key: deletion_protection.enabled',
      '          Value: "true"',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  IngressNlb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties:',
      '      Type: network',
      '      Scheme: internal',
      '      Subnets: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '      LoadBalancerAttributes:',
      '        - Key: deletion_protection.enabled',
      '          Value: "true"',
      '        - Key: load_balancing.cross_zone.enabled',
      '          Value: "true"',
    ].join('\n'),
    notes:
      'Application Load Balancers (the default `Type`) always balance across zones and are not checked. A Network or ' +
      'Gateway Load Balancer without the attribute passes when every target group its listeners forward to turns ' +
      '`load_balancing.cross_zone.enabled` on. A target group is reported on its own only when it sets the attribute to ' +
      '`false` behind a Network or Gateway Load Balancer (`use_load_balancer_configuration`, the default, follows the load ' +
      'balancer). A type, an attribute or a target group known only at deploy time (an import, a parameter without a ' +
      'Default, a target group of another stack) is not a finding; `--report-unknown` lists it.',
  },
  check(resource, ctx) {
    if (resource.type === CLASSIC) checkClassic(ctx, resource);
    else if (resource.type === LB_V2) checkLoadBalancer(ctx, resource);
    else checkTargetGroup(ctx, resource);
  },
});

function checkClassic(ctx: Ctx, lb: Resource): void {
  requireValue(ctx, lb, {
    path: ['Properties', 'CrossZone'],
    what: 'CrossZone',
    ok: (v) => asBoolean(v) === true,
    messageId: 'classic',
    absent: 'the default is false',
    fix: { text: 'true', description: 'Turn on cross-zone load balancing' },
  });
}

function checkLoadBalancer(ctx: Ctx, lb: Resource): void {
  const settings = attributeValue(ctx, lb, ['Properties', 'LoadBalancerAttributes'], CROSS_ZONE);
  for (const [type, setting] of ctx.each(ctx.value(lb, ['Properties', 'Type']), settings)) {
    if (!ctx.known(type, 'the load balancer type')) continue;
    const kind = (asString(type) ?? 'application').toLowerCase();
    // Application Load Balancers always balance across zones.
    if (kind !== 'network' && kind !== 'gateway') continue;
    if (!ctx.known(setting, CROSS_ZONE) || asBoolean(setting) === true) continue;
    const groups = targetGroupSettings(ctx, lb);
    if (groups.unknown) {
      ctx.unknown(groups.unknown, `the ${CROSS_ZONE} setting of a target group`);
      continue;
    }
    if (groups.all) continue; // every target group turns it on
    ctx.report({
      messageId: 'loadBalancer',
      at: setting,
      because: [type],
      data: {
        kind: kind === 'network' ? 'Network' : 'Gateway',
        key: CROSS_ZONE,
        state: stateText(setting, 'the default is false'),
        targetGroups: groups.names.length ? `, and ${named('target group', groups.names)} ${groups.names.length === 1 ? 'does' : 'do'} not turn it on` : '',
      },
      fix: setting.kind === 'literal' ? { text: '"true"', description: 'Turn on cross-zone load balancing' } : undefined,
    });
  }
}

/**
 * The target groups behind an NLB/GWLB (through its listeners' default actions): `all` when there is at least one and
 * each sets the attribute to true, `unknown` when that depends on a value or target group we cannot see.
 */
function targetGroupSettings(ctx: Ctx, lb: Resource): { all: boolean; unknown?: Variant; names: string[] } {
  const names: string[] = [];
  let unknown: Variant | undefined;
  let seen = 0;
  for (const arn of attachedTargetGroups(ctx, lb)) {
    const tg = arn.ref && ctx.template.resources.get(arn.ref.logicalId);
    if (!tg || tg.type !== TARGET_GROUP) {
      unknown ??= arn;
      continue;
    }
    seen++;
    for (const v of attributeValue(ctx, tg, ['Properties', 'TargetGroupAttributes'], CROSS_ZONE)) {
      if (v.kind === 'unknown') unknown ??= v;
      else if (asBoolean(v) !== true && !names.includes(tg.logicalId)) names.push(tg.logicalId);
    }
  }
  if (names.length) return { all: false, names };
  if (unknown) return { all: false, unknown, names };
  return { all: seen > 0, names };
}

function attachedTargetGroups(ctx: Ctx, lb: Resource): Variant[] {
  const out: Variant[] = [];
  for (const { resource: listener } of ctx.graph.referrers(lb.logicalId, LISTENER, ['Properties', 'LoadBalancerArn'])) {
    for (const action of ctx.items(listener, ['Properties', 'DefaultActions'])) {
      if (action.kind !== 'literal') continue;
      out.push(...ctx.value(action, ['TargetGroupArn']).filter((v) => v.kind !== 'absent'));
      for (const entry of ctx.items(action, ['ForwardConfig', 'TargetGroups'])) {
        out.push(...ctx.value(entry, ['TargetGroupArn']).filter((v) => v.kind !== 'absent'));
      }
    }
  }
  return out;
}

function checkTargetGroup(ctx: Ctx, tg: Resource): void {
  for (const setting of attributeValue(ctx, tg, ['Properties', 'TargetGroupAttributes'], CROSS_ZONE)) {
    // Only an explicit false overrides the load balancer; use_load_balancer_configuration (the default) follows it.
    if (setting.kind !== 'literal' || asBoolean(setting) !== false) continue;
    const behind = balancerKind(ctx, tg, setting);
    if (behind === 'application') continue;
    if (behind === undefined) {
      ctx.unknown(setting, 'the type of load balancer the target group serves');
      continue;
    }
    ctx.report({
      messageId: 'targetGroup',
      at: setting,
      data: { key: CROSS_ZONE },
      fix: { text: '"true"', description: 'Turn on cross-zone load balancing' },
    });
  }
}

/** Which kind of load balancer a target group serves: from its protocol, else from the listeners that forward to it. */
function balancerKind(ctx: Ctx, tg: Resource, setting: Variant): 'application' | 'network' | undefined {
  for (const [protocol, targetType] of ctx.each(ctx.value(tg, ['Properties', 'Protocol']), ctx.value(tg, ['Properties', 'TargetType']), [setting])) {
    if (asString(targetType)?.toLowerCase() === 'lambda') return 'application';
    const p = asString(protocol)?.toUpperCase();
    if (p === 'HTTP' || p === 'HTTPS') return 'application';
    if (p !== undefined) return 'network'; // TCP, UDP, TCP_UDP, TLS, GENEVE (gateway)
  }
  for (const { resource: listener } of ctx.graph.referrers(tg.logicalId, LISTENER)) {
    for (const arn of ctx.value(listener, ['Properties', 'LoadBalancerArn'])) {
      const lb = arn.ref && ctx.template.resources.get(arn.ref.logicalId);
      if (!lb || lb.type !== LB_V2) continue;
      for (const type of ctx.value(lb, ['Properties', 'Type'])) {
        const kind = type.kind === 'absent' ? 'application' : asString(type)?.toLowerCase();
        if (kind === 'application') return 'application';
        if (kind === 'network' || kind === 'gateway') return 'network';
      }
    }
  }
  return undefined;
}
