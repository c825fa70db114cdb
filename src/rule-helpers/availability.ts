import type { RuleContext } from '../engine/rule.ts';
import type { Resource } from '../template/model.ts';
import { asString } from '../values/coerce.ts';
import { assumptionsOf, combinations, mergeAssumptionLists, variantWith, type Variant } from '../values/variant.ts';
import { clip } from '../values/quote.ts';

/** The Availability Zones an Auto Scaling group launches into, in one consistent set of assumptions. */
export type ZoneOutcome =
  | {
      kind: 'zones';
      /** The property that decides the zones. */
      source: 'VPCZoneIdentifier' | 'AvailabilityZones' | 'AvailabilityZoneIds';
      /** The property's value (where to report). */
      at: Variant;
      /** The element and zone variants the count depends on. */
      because: Variant[];
      /** Distinct zones, in words; for a single subnet whose zone is unknown, empty. */
      zones: string[];
      /** The subnets (VPCZoneIdentifier only), in words. */
      subnets: string[];
    }
  | { kind: 'unknown'; variant: Variant; what: string }
  | { kind: 'none'; variant: Variant };

/** "the 1st zone of Fn::GetAZs" for an opaque id az:0, else the literal zone name or id. */
function zoneLabel(zone: Variant): string | undefined {
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
function zoneKey(zone: Variant): string | undefined {
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
  zones?: Variant[];
  /** The element may stand for several comma-separated subnet ids (a joined string, a list parameter, a stack output). */
  maybeSeveral?: boolean;
}

/** Unknown values that can hold a comma-joined subnet list: a joined or substituted string, or a list parameter. */
function maybeSeveral(element: Variant, ctx: RuleContext<any>): boolean {
  if (element.ref) return !isSubnetRef(element, ctx);
  const origin = element.origin;
  if (origin?.kind === 'intrinsic') return origin.name === 'Fn::Join' || origin.name === 'Fn::Sub';
  if (origin?.kind !== 'parameter') return false;
  const type = ctx.template.parameters.get(origin.name)?.type ?? '';
  return type.includes('List<') || type === 'CommaDelimitedList';
}

/** Ref to a subnet of this template, or its SubnetId attribute. */
function isSubnetRef(element: Variant, ctx: RuleContext<any>): boolean {
  const target = element.ref && ctx.template.resources.get(element.ref.logicalId);
  return target?.type === 'AWS::EC2::Subnet' && (element.ref!.attribute === undefined || element.ref!.attribute === 'SubnetId');
}

function subnetsOf(element: Variant, ctx: RuleContext<any>): SubnetEntry[] {
  if (element.kind === 'absent') return [];
  if (element.ref) {
    const subnet = ctx.template.resources.get(element.ref.logicalId);
    const name = element.ref.logicalId;
    if (!subnet || !isSubnetRef(element, ctx)) {
      return [{ key: `ref:${name}.${element.ref.attribute ?? ''}`, name, element, maybeSeveral: maybeSeveral(element, ctx) }];
    }
    return [{ key: `ref:${name}`, name, element, zones: subnetZones(subnet, ctx) }];
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
  // An imported or unresolved subnet: one subnet whose zone we cannot see.
  return [{
    key: `unknown:${element.path.join('/')}:${element.reason ?? ''}`, name: 'a subnet from outside this template', element,
    maybeSeveral: maybeSeveral(element, ctx),
  }];
}

/** AvailabilityZone, else AvailabilityZoneId, of a subnet in the template; AWS picks one when neither is set. */
function subnetZones(subnet: Resource, ctx: RuleContext<any>): Variant[] {
  const out: Variant[] = [];
  for (const [az, azId] of combinations([
    ctx.value(subnet, ['Properties', 'AvailabilityZone']),
    ctx.value(subnet, ['Properties', 'AvailabilityZoneId']),
  ])) {
    const chosen = az!.kind !== 'absent' ? az! : azId!;
    if (chosen.kind === 'absent') {
      out.push(variantWith(chosen, { kind: 'unknown', reason: `the zone AWS picks for subnet ${subnet.logicalId}` }));
    } else out.push(chosen);
  }
  return out;
}

/** The element variants of a literal list, one list per index (forks of an element stay together). */
function perIndex(list: Variant, ctx: RuleContext<any>): Variant[][] {
  const items = list.value as unknown[];
  return items.map((_, i) => ctx.value(list, [i]));
}

/**
 * Where an Auto Scaling group's instances can run: the distinct zones of its VPCZoneIdentifier subnets, else of
 * AvailabilityZones or AvailabilityZoneIds. One outcome per consistent combination of parameters and conditions.
 */
export function autoScalingZones(group: Resource, ctx: RuleContext<any>): ZoneOutcome[] {
  const out: ZoneOutcome[] = [];
  const prop = (name: string) => ctx.value(group, ['Properties', name]);
  for (const [subnets, azs, azIds] of combinations([prop('VPCZoneIdentifier'), prop('AvailabilityZones'), prop('AvailabilityZoneIds')])) {
    const [source, value] = subnets!.kind !== 'absent'
      ? ['VPCZoneIdentifier' as const, subnets!]
      : azs!.kind !== 'absent' ? ['AvailabilityZones' as const, azs!] : ['AvailabilityZoneIds' as const, azIds!];
    if (value.kind === 'absent') {
      out.push({ kind: 'none', variant: value });
      continue;
    }
    if (value.kind === 'unknown') {
      out.push({ kind: 'unknown', variant: value, what: source });
      continue;
    }
    if (source === 'VPCZoneIdentifier') out.push(...subnetOutcomes(value, ctx, [azs!, azIds!]));
    else out.push(...zoneListOutcomes(value, source, ctx));
  }
  return out;
}

function subnetOutcomes(list: Variant, ctx: RuleContext<any>, context: Variant[]): ZoneOutcome[] {
  const out: ZoneOutcome[] = [];
  // A bare string (e.g. a String parameter) is a comma-separated list of subnet ids.
  const worlds = Array.isArray(list.value) ? combinations(perIndex(list, ctx)) : [[list]];
  for (const elements of worlds) {
    const entries = new Map<string, SubnetEntry>();
    for (const element of elements) for (const entry of subnetsOf(element, ctx)) if (!entries.has(entry.key)) entries.set(entry.key, entry);
    const subnets = [...entries.values()];
    if (subnets.length === 0) continue; // an empty list is a deployment error, not an availability verdict
    const base = [...elements, ...context];
    if (subnets.length === 1 && subnets[0]!.maybeSeveral) {
      out.push({ kind: 'unknown', variant: subnets[0]!.element, what: 'the subnets of VPCZoneIdentifier' });
      continue;
    }
    if (subnets.length === 1) {
      // One subnet is one zone, whatever that zone is.
      const zones = subnets[0]!.zones ?? [];
      const resolved = zones.length === 1 ? zoneLabel(zones[0]!) : undefined;
      out.push({
        kind: 'zones', source: 'VPCZoneIdentifier', at: list, because: zones.length === 1 ? [...base, zones[0]!] : base,
        zones: resolved ? [resolved] : [], subnets: [subnets[0]!.name],
      });
      continue;
    }
    const unseen = subnets.filter((s) => !s.zones);
    const zoneLists = subnets.filter((s) => s.zones).map((s) => s.zones!);
    for (const combo of combinations([...base.map((v) => [v]), ...zoneLists])) {
      const zones = combo.slice(base.length);
      const keys = new Map<string, string>();
      const unknownZones: Variant[] = [];
      for (const z of zones) {
        const key = zoneKey(z);
        if (key === undefined) unknownZones.push(z);
        else if (!keys.has(key)) keys.set(key, zoneLabel(z)!);
      }
      if (keys.size < 2 && (unseen.length > 0 || unknownZones.length > 0)) {
        // Say which subnet's zone is missing, and why.
        const owner = unknownZones.length ? subnets.find((s) => s.zones?.includes(unknownZones[0]!)) : undefined;
        const reason = owner
          ? `the zone of subnet ${owner.name}: ${unknownZones[0]!.reason ?? 'a value that is not known'}`
          : unseen[0]!.element.kind === 'unknown'
            ? `${unseen[0]!.element.reason ?? 'a value that is not known'} (a subnet whose zone this template does not show)`
            : `subnet ${unseen[0]!.name}, which is not declared in this template`;
        const blame = owner?.element ?? unseen[0]?.element ?? list;
        const assumptions = mergeAssumptionLists(combo.map(assumptionsOf)) ?? blame.assumptions;
        out.push({ kind: 'unknown', variant: variantWith(blame, { kind: 'unknown', reason, assumptions }), what: 'the Availability Zones of VPCZoneIdentifier' });
        continue;
      }
      out.push({
        kind: 'zones', source: 'VPCZoneIdentifier', at: list, because: combo,
        zones: [...keys.values()], subnets: subnets.map((s) => s.name),
      });
    }
  }
  return out;
}

function zoneListOutcomes(list: Variant, source: 'AvailabilityZones' | 'AvailabilityZoneIds', ctx: RuleContext<any>): ZoneOutcome[] {
  if (!Array.isArray(list.value)) return [{ kind: 'unknown', variant: variantWith(list, { kind: 'unknown', reason: 'not a list' }), what: source }];
  const out: ZoneOutcome[] = [];
  for (const zones of combinations(perIndex(list, ctx))) {
    const present = zones.filter((z) => z.kind !== 'absent');
    if (present.length === 0) continue;
    const keys = new Map<string, string>();
    const unknown = present.filter((z) => zoneKey(z) === undefined);
    for (const z of present) {
      const key = zoneKey(z);
      if (key !== undefined && !keys.has(key)) keys.set(key, zoneLabel(z)!);
    }
    // A single entry is a single zone, even when we cannot tell which.
    if (present.length > 1 && keys.size < 2 && unknown.length > 0) {
      out.push({ kind: 'unknown', variant: unknown[0]!, what: `an entry of ${source}` });
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

/** The load-balancer properties of an Auto Scaling group, for combinations with other values. */
export function loadBalancerLists(group: Resource, ctx: RuleContext<any>): Variant[][] {
  return ['TargetGroupARNs', 'LoadBalancerNames', 'TrafficSources'].map((name) => ctx.value(group, ['Properties', name]));
}
