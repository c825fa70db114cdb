import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asString } from '../../src/values/coerce.ts';
import { absentVariant, combinations, mergeAssumptions, variantWith, type Variant } from '../../src/values/variant.ts';
import { valueText } from '../../src/values/quote.ts';
import { named } from '../../src/words.ts';

const LB_V2 = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';
const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const CLASSIC = 'AWS::ElasticLoadBalancing::LoadBalancer';
const CROSS_ZONE = 'load_balancing.cross_zone.enabled';

type Ctx = RuleContext<Record<string, never>>;

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
  messages: {
    loadBalancer:
      '{{kind}} Load Balancer {{logicalId}} keeps traffic in the zone it arrives in: {{key}} is {{state}}{{targetGroups}}. Targets in a zone with less capacity get overloaded; turning it on adds inter-AZ data transfer charges.',
    targetGroup:
      'Target group {{logicalId}} turns cross-zone load balancing off, overriding its load balancer: {{key}} is false. Targets in a zone with less capacity get overloaded; turning it on adds inter-AZ data transfer charges.',
    classic: 'Classic Load Balancer {{logicalId}} keeps traffic in the zone it arrives in: CrossZone is {{state}}, so instances in a zone with fewer instances get overloaded.',
  },
  check(resource, ctx) {
    if (resource.type === CLASSIC) checkClassic(resource, ctx);
    else if (resource.type === LB_V2) checkLoadBalancer(resource, ctx);
    else checkTargetGroup(resource, ctx);
  },
});

function checkClassic(lb: Resource, ctx: Ctx): void {
  for (const crossZone of ctx.value(lb, ['Properties', 'CrossZone'])) {
    if (crossZone.kind === 'unknown') {
      ctx.unknown(crossZone, 'CrossZone');
      continue;
    }
    if (asBoolean(crossZone) === true) continue;
    ctx.report({
      messageId: 'classic',
      at: crossZone,
      data: { state: crossZone.kind === 'absent' ? 'not set (the default is false)' : valueText(crossZone.value) },
      fix: crossZone.kind === 'literal' ? { text: 'true', description: 'Turn on cross-zone load balancing' } : undefined,
    });
  }
}

function checkLoadBalancer(lb: Resource, ctx: Ctx): void {
  for (const [type, setting] of combinations([ctx.value(lb, ['Properties', 'Type']), attribute(lb, ['Properties', 'LoadBalancerAttributes'], ctx)])) {
    if (type!.kind === 'unknown') {
      ctx.unknown(type!, 'the load balancer type');
      continue;
    }
    const kind = (asString(type!) ?? 'application').toLowerCase();
    // Application Load Balancers always balance across zones.
    if (kind !== 'network' && kind !== 'gateway') continue;
    if (setting!.kind === 'unknown') {
      ctx.unknown(setting!, CROSS_ZONE);
      continue;
    }
    if (asBoolean(setting!) === true) continue;
    const groups = targetGroupSettings(lb, ctx);
    if (groups.unknown) {
      ctx.unknown(groups.unknown, `the ${CROSS_ZONE} setting of a target group`);
      continue;
    }
    if (groups.all) continue; // every target group turns it on
    ctx.report({
      messageId: 'loadBalancer',
      at: setting!,
      because: [type!],
      data: {
        kind: kind === 'network' ? 'Network' : 'Gateway',
        key: CROSS_ZONE,
        state: setting!.kind === 'absent' ? 'not set (the default is false)' : valueText(setting!.value),
        targetGroups: groups.names.length ? `, and ${named('target group', groups.names)} ${groups.names.length === 1 ? 'does' : 'do'} not turn it on` : '',
      },
      fix: setting!.kind === 'literal' ? { text: '"true"', description: 'Turn on cross-zone load balancing' } : undefined,
    });
  }
}

/**
 * The target groups behind an NLB/GWLB (through its listeners' default actions): `all` when there is at least one and
 * each sets the attribute to true, `unknown` when that depends on a value or target group we cannot see.
 */
function targetGroupSettings(lb: Resource, ctx: Ctx): { all: boolean; unknown?: Variant; names: string[] } {
  const names: string[] = [];
  let unknown: Variant | undefined;
  let seen = 0;
  for (const arn of attachedTargetGroups(lb, ctx)) {
    const tg = arn.ref && ctx.template.resources.get(arn.ref.logicalId);
    if (!tg || tg.type !== TARGET_GROUP) {
      unknown ??= arn;
      continue;
    }
    seen++;
    for (const v of attribute(tg, ['Properties', 'TargetGroupAttributes'], ctx)) {
      if (v.kind === 'unknown') unknown ??= v;
      else if (asBoolean(v) !== true && !names.includes(tg.logicalId)) names.push(tg.logicalId);
    }
  }
  if (names.length) return { all: false, names };
  if (unknown) return { all: false, unknown, names };
  return { all: seen > 0, names };
}

function attachedTargetGroups(lb: Resource, ctx: Ctx): Variant[] {
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

function checkTargetGroup(tg: Resource, ctx: Ctx): void {
  for (const setting of attribute(tg, ['Properties', 'TargetGroupAttributes'], ctx)) {
    // Only an explicit false overrides the load balancer; use_load_balancer_configuration (the default) follows it.
    if (setting.kind !== 'literal' || asBoolean(setting) !== false) continue;
    const behind = balancerKind(tg, setting, ctx);
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
function balancerKind(tg: Resource, setting: Variant, ctx: Ctx): 'application' | 'network' | undefined {
  for (const [protocol, targetType] of combinations([ctx.value(tg, ['Properties', 'Protocol']), ctx.value(tg, ['Properties', 'TargetType']), [setting]])) {
    if (asString(targetType!)?.toLowerCase() === 'lambda') return 'application';
    const p = asString(protocol!)?.toUpperCase();
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

/**
 * The value of the cross-zone attribute in a Key/Value attribute list, one variant per way the list can come out:
 * the entry's Value, absent when no entry has the key, unknown when a key or the list cannot be known.
 */
function attribute(resource: Resource, path: string[], ctx: Ctx): Variant[] {
  const out: Variant[] = [];
  for (const list of ctx.value(resource, path)) {
    if (list.kind !== 'literal') {
      out.push(list);
      continue;
    }
    if (!Array.isArray(list.value)) {
      out.push(variantWith(list, { kind: 'unknown', value: undefined, reason: 'not a list' }));
      continue;
    }
    // For each entry: its Value when the Key matches, absent otherwise; forks of one entry stay together.
    const matched = new Set<Variant>();
    const entries = (list.value as unknown[]).map((_, i) =>
      ctx.value(list, [i]).flatMap((entry): Variant[] => {
        if (entry.kind !== 'literal') return [variantWith(entry, { kind: entry.kind === 'absent' ? 'absent' : 'unknown' })];
        return combinations([ctx.value(entry, ['Key']), ctx.value(entry, ['Value'])]).map(([key, value]) => {
          const assumptions = mergeAssumptions(key!.assumptions, value!.assumptions)!;
          if (key!.kind === 'unknown') return variantWith(key!, { assumptions });
          if (asString(key!) !== CROSS_ZONE) return absentVariant(key!.path, key!.external, assumptions);
          const hit: Variant = variantWith(value!, { assumptions });
          matched.add(hit);
          return hit;
        });
      }),
    );
    const relevant = entries.filter((variants) => variants.some((v) => v.kind !== 'absent'));
    for (const combo of combinations([[list], ...relevant])) {
      const assumptions = mergeAssumptions(...combo.map((v) => v.assumptions))!;
      const match = combo.slice(1).find((v) => matched.has(v));
      const unknown = combo.slice(1).find((v) => v.kind === 'unknown' && !matched.has(v));
      if (match) out.push(variantWith(match, { assumptions }));
      else if (unknown) out.push(variantWith(unknown, { assumptions }));
      else out.push(absentVariant(list.path, list.external, assumptions));
    }
  }
  return out;
}
