// Where an Auto Scaling group's instances can run (its Availability Zones) and whether it serves a load balancer: the
// questions of autoscaling-multiple-az, ec2-placement-group-not-cluster and autoscaling-elb-health-check. The same
// subnet -> zone model answers where a load balancer runs (elb-multiple-az) and how a VPC's subnets spread
// (vpc-subnets-multi-az, rds-cluster-multi-az-enabled).
import type { RuleContext } from '../engine/rule.ts';
import type { Resource } from '../template/model.ts';
import { asString } from '../values/coerce.ts';
import { assumptionsOf, combinations, mergeAssumptionLists, variantWith, type Variant } from '../values/variant.ts';
import { clip } from '../values/quote.ts';
import { perRun } from './per-run.ts';

type Ctx = RuleContext<any, any>;

/** The property a resource's zones are read from: a list of subnets, or a list of zones. */
export type ZoneSource = 'VPCZoneIdentifier' | 'Subnets' | 'SubnetMappings' | 'AvailabilityZones' | 'AvailabilityZoneIds';

/** The Availability Zones a resource (an Auto Scaling group, a load balancer) runs in, in one consistent set of assumptions. */
export type ZoneOutcome =
  | {
      kind: 'zones';
      /** The property that decides the zones. */
      source: ZoneSource;
      /** The property's value (where to report). */
      at: Variant;
      /** The element and zone variants the count depends on. */
      because: Variant[];
      /** Distinct zones, in words; for a single subnet whose zone is unknown, empty. */
      zones: string[];
      /** The subnets (subnet lists only), in words. */
      subnets: string[];
    }
  | { kind: 'unknown'; variant: Variant; what: string }
  | { kind: 'none'; variant: Variant };

/** "the 1st zone of Fn::GetAZs" for an opaque id az:0, else the literal zone name or id. */
export function zoneLabel(zone: Variant): string | undefined {
  if (zone.opaque) {
    const match = /^az:(\d+)$/.exec(zone.opaque);
    if (!match) return zone.opaque;
    const n = Number(match[1]) + 1;
    const suffix = n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th';
    return `the ${n}${suffix} zone of Fn::GetAZs`;
  }
  const text = asString(zone);
  return text === undefined ? undefined : clip(text);
}

/** Zone identity: opaque ids of Fn::GetAZs entries, otherwise the literal text. */
export function zoneKey(zone: Variant): string | undefined {
  if (zone.opaque) return `opaque:${zone.opaque}`;
  const text = asString(zone);
  return text === undefined ? undefined : `zone:${text}`;
}

/** One subnet of a VPCZoneIdentifier list: its identity, name and where its zone comes from. */
interface SubnetEntry {
  key: string;
  name: string;
  element: Variant;
  /** Zone variants of a subnet declared in this template; undefined when the zone cannot be known. */
  zones?: readonly Variant[];
  /** The element may stand for several comma-separated subnet ids (a joined string, a list parameter, a stack output). */
  maybeSeveral?: boolean;
}

/** Unknown values that can hold a comma-joined subnet list: a joined or substituted string, or a list parameter. */
function maybeSeveral(ctx: Ctx, element: Variant): boolean {
  if (element.ref) return !isSubnetRef(ctx, element);
  const origin = element.origin;
  if (origin?.kind === 'intrinsic') return origin.name === 'Fn::Join' || origin.name === 'Fn::Sub';
  if (origin?.kind !== 'parameter') return false;
  const type = ctx.template.parameters.get(origin.name)?.type ?? '';
  return type.includes('List<') || type === 'CommaDelimitedList';
}

/** Ref to a subnet of this template, or its SubnetId attribute. */
function isSubnetRef(ctx: Ctx, element: Variant): boolean {
  const ref = element.ref;
  return (
    ref !== undefined && ctx.template.resources.get(ref.logicalId)?.type === 'AWS::EC2::Subnet' && (ref.attribute === undefined || ref.attribute === 'SubnetId')
  );
}

function subnetsOf(ctx: Ctx, element: Variant): SubnetEntry[] {
  if (element.kind === 'absent') return [];
  if (element.ref) {
    const subnet = ctx.template.resources.get(element.ref.logicalId);
    const name = element.ref.logicalId;
    if (!subnet || !isSubnetRef(ctx, element)) {
      return [{ key: `ref:${name}.${element.ref.attribute ?? ''}`, name, element, maybeSeveral: maybeSeveral(ctx, element) }];
    }
    return [{ key: `ref:${name}`, name, element, zones: subnetZones(ctx, subnet) }];
  }
  if (element.kind === 'literal') {
    // The API takes a comma-separated string; a joined string in one element is several subnets.
    const values = Array.isArray(element.value) ? element.value : [element.value];
    return values
      .flatMap((v) => (typeof v === 'string' ? v.split(',') : [String(v)]))
      .map((s) => s.trim())
      .filter(Boolean)
      .map((id) => ({ key: `id:${id}`, name: clip(id), element }));
  }
  // An imported or unresolved subnet: one subnet whose zone we cannot see (one per element, and per source of it).
  return [
    {
      key: `unknown:${element.path.join('/')}:${JSON.stringify(element.origin ?? null)}`,
      name: 'a subnet from outside this template',
      element,
      maybeSeveral: maybeSeveral(ctx, element),
    },
  ];
}

/**
 * AvailabilityZone, else AvailabilityZoneId, of a subnet in the template, one variant per consistent reading; AWS picks
 * one when neither is set (an unknown variant).
 */
export function subnetZones(ctx: Ctx, subnet: Resource): readonly Variant[] {
  // Asked for every route, load balancer and group that uses the subnet, by five rules.
  return zonesOfSubnet(ctx, subnet, () => {
    const out: Variant[] = [];
    for (const [az, azId] of ctx.each(ctx.value(subnet, ['Properties', 'AvailabilityZone']), ctx.value(subnet, ['Properties', 'AvailabilityZoneId']))) {
      const chosen = az.kind !== 'absent' ? az : azId;
      if (chosen.kind === 'absent') {
        out.push(variantWith(chosen, { kind: 'unknown', reason: `the zone AWS picks for subnet ${subnet.logicalId}` }));
      } else out.push(chosen);
    }
    return out;
  });
}
const zonesOfSubnet = perRun<Resource, readonly Variant[]>();

/** The element variants of a literal list, one list per index (forks of an element stay together). */
function perIndex(ctx: Ctx, list: Variant): Variant[][] {
  const items = list.value as unknown[];
  return items.map((_, i) => ctx.value(list, [i]));
}

/**
 * Where an Auto Scaling group's instances can run: the distinct zones of its VPCZoneIdentifier subnets, else of
 * AvailabilityZones or AvailabilityZoneIds. One outcome per consistent combination of parameters and conditions.
 */
export function autoScalingZones(ctx: Ctx, group: Resource): ZoneOutcome[] {
  const out: ZoneOutcome[] = [];
  const prop = (name: string) => ctx.value(group, ['Properties', name]);
  for (const [subnets, azs, azIds] of ctx.each(prop('VPCZoneIdentifier'), prop('AvailabilityZones'), prop('AvailabilityZoneIds'))) {
    const [source, value] =
      subnets.kind !== 'absent'
        ? ['VPCZoneIdentifier' as const, subnets]
        : azs.kind !== 'absent'
          ? ['AvailabilityZones' as const, azs]
          : ['AvailabilityZoneIds' as const, azIds];
    if (value.kind === 'absent') {
      out.push({ kind: 'none', variant: value });
      continue;
    }
    if (value.kind === 'unknown') {
      out.push({ kind: 'unknown', variant: value, what: source });
      continue;
    }
    if (source === 'VPCZoneIdentifier') out.push(...subnetListZones(ctx, value, source, [azs, azIds]));
    else out.push(...zoneListZones(ctx, value, source));
  }
  return out;
}

/**
 * The distinct zones of a known list of subnets (`list`, a literal), one outcome per consistent reading. `context` are
 * other values the reading rests on. For `SubnetMappings` the subnets are the entries' `SubnetId`. A single subnet is
 * one zone whatever it is; subnets whose zones cannot be known (imports, subnets of another stack, a zone AWS picks)
 * make the outcome unknown when they could make a second zone.
 */
export function subnetListZones(ctx: Ctx, list: Variant, source: 'VPCZoneIdentifier' | 'Subnets' | 'SubnetMappings', context: Variant[] = []): ZoneOutcome[] {
  const out: ZoneOutcome[] = [];
  // A bare string (e.g. a String parameter) is a comma-separated list of subnet ids. Lists as long as the template makes
  // them go to combinations() as an array: spread into ctx.each(), a huge one would overflow the stack.
  const elementLists = Array.isArray(list.value) ? perIndex(ctx, list) : [[list]];
  const worlds = combinations(source === 'SubnetMappings' ? elementLists.map((forks) => forks.flatMap((m) => mappedSubnet(ctx, m))) : elementLists);
  for (const elements of worlds) {
    const entries = new Map<string, SubnetEntry>();
    for (const element of elements) for (const entry of subnetsOf(ctx, element)) if (!entries.has(entry.key)) entries.set(entry.key, entry);
    const subnets = [...entries.values()];
    const [first] = subnets;
    if (!first) continue; // an empty list is a deployment error, not an availability verdict
    const base = [...elements, ...context];
    if (subnets.length === 1 && first.maybeSeveral) {
      out.push({ kind: 'unknown', variant: first.element, what: `the subnets of ${source}` });
      continue;
    }
    if (subnets.length === 1) {
      // One subnet is one zone, whatever that zone is.
      const zones = first.zones ?? [];
      const zone = zones.length === 1 ? zones[0] : undefined;
      const resolved = zone && zoneLabel(zone);
      out.push({
        kind: 'zones',
        source,
        at: list,
        because: zone ? [...base, zone] : base,
        zones: resolved ? [resolved] : [],
        subnets: [first.name],
      });
      continue;
    }
    const unseen = subnets.filter((s) => !s.zones);
    const zoneLists = subnets.flatMap((s) => (s.zones ? [s.zones] : []));
    for (const combo of combinations([...base.map((v) => [v]), ...zoneLists])) {
      const zones = combo.slice(base.length);
      const keys = new Map<string, string>();
      const unknownZones: Variant[] = [];
      for (const z of zones) {
        const key = zoneKey(z);
        const label = zoneLabel(z);
        if (key === undefined || label === undefined) unknownZones.push(z);
        else if (!keys.has(key)) keys.set(key, label);
      }
      const [unknownZone] = unknownZones;
      const [firstUnseen] = unseen;
      if (keys.size < 2 && (firstUnseen || unknownZone)) {
        // Say which subnet's zone is missing, and why (in words: the reasons are for people).
        const owner = unknownZone && subnets.find((s) => s.zones?.includes(unknownZone));
        const reason = owner
          ? `the zone of subnet ${owner.name}: ${unknownZone.reason ?? 'a value that is not known'}`
          : firstUnseen?.element.kind === 'unknown'
            ? `${firstUnseen.element.reason ?? 'a value that is not known'} (a subnet whose zone this template does not show)`
            : `subnet ${firstUnseen?.name}, which is not declared in this template`;
        const blame = owner?.element ?? firstUnseen?.element ?? list;
        const assumptions = mergeAssumptionLists(combo.map(assumptionsOf)) ?? blame.assumptions;
        out.push({
          kind: 'unknown',
          variant: variantWith(blame, { kind: 'unknown', reason, assumptions }),
          what: `the Availability Zones of ${source}`,
        });
        continue;
      }
      out.push({
        kind: 'zones',
        source,
        at: list,
        because: combo,
        zones: [...keys.values()],
        subnets: subnets.map((s) => s.name),
      });
    }
  }
  return out;
}

/** The SubnetId of one SubnetMappings entry (an entry that is not a mapping stays as it is: unknown). */
function mappedSubnet(ctx: Ctx, mapping: Variant): Variant[] {
  if (mapping.kind !== 'literal') return [mapping];
  return ctx.value(mapping, ['SubnetId']);
}

/** The distinct zones of a known list of zone names or ids (`list`, a literal), one outcome per consistent reading. */
export function zoneListZones(ctx: Ctx, list: Variant, source: 'AvailabilityZones' | 'AvailabilityZoneIds'): ZoneOutcome[] {
  if (!Array.isArray(list.value)) return [{ kind: 'unknown', variant: variantWith(list, { kind: 'unknown', reason: 'not a list' }), what: source }];
  const out: ZoneOutcome[] = [];
  for (const zones of combinations(perIndex(ctx, list))) {
    const present = zones.filter((z) => z.kind !== 'absent');
    if (present.length === 0) continue;
    const keys = new Map<string, string>();
    const unknown: Variant[] = [];
    for (const z of present) {
      const key = zoneKey(z);
      const label = zoneLabel(z);
      if (key === undefined || label === undefined) unknown.push(z);
      else if (!keys.has(key)) keys.set(key, label);
    }
    // A single entry is a single zone, even when we cannot tell which.
    const [firstUnknown] = unknown;
    if (present.length > 1 && keys.size < 2 && firstUnknown) {
      out.push({ kind: 'unknown', variant: firstUnknown, what: `an entry of ${source}` });
      continue;
    }
    out.push({ kind: 'zones', source, at: list, because: zones, zones: [...keys.values()], subnets: [] });
  }
  return out;
}

/** Whether a load-balancer list attaches anything: absent or literally empty does not (an imported ARN does). */
export function attachesLoadBalancer(list: Variant): boolean {
  if (list.kind === 'absent') return false;
  if (list.kind === 'literal') return !Array.isArray(list.value) || list.value.length > 0;
  return true;
}

/** The load-balancer properties of an Auto Scaling group (TargetGroupARNs, LoadBalancerNames, TrafficSources), for ctx.each. */
export function loadBalancerLists(ctx: Ctx, group: Resource): [Variant[], Variant[], Variant[]] {
  const prop = (name: string) => ctx.value(group, ['Properties', name]);
  return [prop('TargetGroupARNs'), prop('LoadBalancerNames'), prop('TrafficSources')];
}
