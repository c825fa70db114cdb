// Where a subnet's traffic leaves the VPC: subnet → route table (an explicit SubnetRouteTableAssociation, else the
// VPC's main route table) → default routes (0.0.0.0/0, ::/0) → gateway (internet, NAT, egress-only, other). The
// questions of rds-instance-in-private-subnet, vpc-gateway-endpoint-s3-configured and vpc-nat-gateway-count-per-az.
import type { RuleContext } from '../engine/rule.ts';
import type { Resource } from '../template/model.ts';
import { asString } from '../values/coerce.ts';
import { clip } from '../values/quote.ts';
import { variantWith, type Variant } from '../values/variant.ts';
import { isWorldCidr } from './ingress.ts';
import { perRun } from './per-run.ts';

type Ctx = RuleContext<any, any>;

export const ROUTE = 'AWS::EC2::Route';
export const ROUTE_TABLE = 'AWS::EC2::RouteTable';
export const SUBNET = 'AWS::EC2::Subnet';
export const NAT_GATEWAY = 'AWS::EC2::NatGateway';
const ASSOCIATION = 'AWS::EC2::SubnetRouteTableAssociation';

export type GatewayKind = 'internet' | 'nat' | 'egress-only' | 'other';

/** One reading of a route to 0.0.0.0/0 or ::/0. */
export interface DefaultRoute {
  route: Resource;
  destination: Variant;
  /** The value of the property that names the target. */
  target: Variant;
  gateway: GatewayKind;
  /** The target in words: "internet gateway Igw", "NAT gateway NatA", "igw-0abc". */
  name: string;
  /** The target's logical id when it is a resource of this template. */
  targetId?: string;
}

export type RouteReading = DefaultRoute | { kind: 'unknown'; variant: Variant; what: string };

/** Route properties that name a target, and what each target is. */
const TARGETS: Array<[string, GatewayKind]> = [
  ['GatewayId', 'other'], // decided below: an internet gateway or a virtual private gateway
  ['NatGatewayId', 'nat'],
  ['EgressOnlyInternetGatewayId', 'egress-only'],
  ['TransitGatewayId', 'other'],
  ['InstanceId', 'other'],
  ['NetworkInterfaceId', 'other'],
  ['VpcPeeringConnectionId', 'other'],
  ['VpcEndpointId', 'other'],
  ['CarrierGatewayId', 'other'],
  ['LocalGatewayId', 'other'],
  ['CoreNetworkArn', 'other'],
];

/** The target of one route reading: which property is set and what it points at. */
function targetOf(ctx: Ctx, targets: Variant[]): Omit<DefaultRoute, 'route' | 'destination'> | { unknown: Variant } | undefined {
  for (let i = 0; i < TARGETS.length; i++) {
    const v = targets[i]!;
    if (v.kind === 'absent') continue;
    const [property, kind] = TARGETS[i]!;
    if (property === 'GatewayId') {
      if (v.ref) {
        const type = ctx.template.resources.get(v.ref.logicalId)?.type;
        const internet = type === 'AWS::EC2::InternetGateway';
        return {
          target: v,
          gateway: internet ? 'internet' : 'other',
          name: `${internet ? 'internet gateway' : 'gateway'} ${v.ref.logicalId}`,
          targetId: v.ref.logicalId,
        };
      }
      const text = asString(v);
      if (text === undefined) return { unknown: v };
      return { target: v, gateway: text.startsWith('igw-') ? 'internet' : 'other', name: clip(text) };
    }
    if (v.ref) {
      const noun = kind === 'nat' ? 'NAT gateway ' : kind === 'egress-only' ? 'egress-only internet gateway ' : '';
      return { target: v, gateway: kind, name: `${noun}${v.ref.logicalId}`, targetId: v.ref.logicalId };
    }
    const text = asString(v);
    // A NAT gateway or an egress-only gateway from elsewhere is still one: only its identity is unknown.
    if (text === undefined)
      return kind === 'other'
        ? { target: v, gateway: kind, name: property }
        : { target: v, gateway: kind, name: kind === 'nat' ? 'a NAT gateway from outside this template' : 'an egress-only internet gateway' };
    return { target: v, gateway: kind, name: clip(text) };
  }
  return undefined;
}

/** The default routes (0.0.0.0/0 or ::/0) of a route table of this template, one per reading; unknown ones say why. */
export function defaultRoutes(ctx: Ctx, tableId: string): readonly RouteReading[] {
  // Asked for every subnet of the table, by three rules: each route reads thirteen properties.
  const table = ctx.template.resources.get(tableId);
  return table ? routesOfTable(ctx, table, () => readDefaultRoutes(ctx, tableId)) : readDefaultRoutes(ctx, tableId);
}
const routesOfTable = perRun<Resource, readonly RouteReading[]>();

function readDefaultRoutes(ctx: Ctx, tableId: string): RouteReading[] {
  const out: RouteReading[] = [];
  for (const { resource: route } of ctx.graph.referrers(tableId, ROUTE, ['Properties', 'RouteTableId'])) {
    const prop = (name: string) => ctx.value(route, ['Properties', name]);
    const lists = [prop('DestinationCidrBlock'), prop('DestinationIpv6CidrBlock'), ...TARGETS.map(([name]) => prop(name))];
    for (const [v4, v6, ...targets] of ctx.each(...lists)) {
      const destination = v4!.kind !== 'absent' ? v4! : v6!;
      if (destination.kind === 'absent') continue; // a prefix-list destination is never the default route
      const text = asString(destination);
      if (text === undefined) {
        out.push({ kind: 'unknown', variant: destination, what: `the destination of route ${route.logicalId}` });
        continue;
      }
      if (!isWorldCidr(text)) continue;
      const target = targetOf(ctx, targets);
      if (target === undefined) continue;
      if ('unknown' in target) {
        out.push({ kind: 'unknown', variant: target.unknown, what: `the gateway of route ${route.logicalId}` });
        continue;
      }
      out.push({ route, destination, ...target });
    }
  }
  return out;
}

/** The route tables a subnet of this template uses: explicit associations, else the VPC's main route table. */
export type SubnetTables =
  | { kind: 'tables'; tables: Array<{ id: string; association: Variant }> }
  /** No explicit association, in a VPC of this template: its main route table, which holds only the local route. */
  | { kind: 'main' }
  | { kind: 'unknown'; variant: Variant; what: string };

export function routeTablesOf(ctx: Ctx, subnet: Resource): SubnetTables {
  const tables: Array<{ id: string; association: Variant }> = [];
  for (const { resource } of ctx.graph.referrers(subnet.logicalId, ASSOCIATION, ['Properties', 'SubnetId'])) {
    for (const v of ctx.value(resource, ['Properties', 'RouteTableId'])) {
      if (v.ref && ctx.template.resources.get(v.ref.logicalId)?.type === ROUTE_TABLE) tables.push({ id: v.ref.logicalId, association: v });
      else return { kind: 'unknown', variant: v, what: `the route table of subnet ${subnet.logicalId}` };
    }
  }
  if (tables.length) return { kind: 'tables', tables };
  // CloudFormation cannot add routes to a main route table: in a VPC created by this template it keeps only the local
  // route. A VPC from elsewhere may have had routes added to it.
  const vpcs = ctx.value(subnet, ['Properties', 'VpcId']);
  const [vpc] = vpcs;
  // No reading at all: the subnet is never created.
  if (!vpc || vpcs.every((v) => v.ref && ctx.template.resources.get(v.ref.logicalId)?.type === 'AWS::EC2::VPC')) return { kind: 'main' };
  return {
    kind: 'unknown',
    variant: variantWith(vpc, {
      kind: 'unknown',
      origin: { kind: 'other' },
      reason: `subnet ${subnet.logicalId} has no route table association and its VPC is not declared in this template`,
    }),
    what: `the route table of subnet ${subnet.logicalId}`,
  };
}

/** Whether a subnet is public (a default route to an internet gateway), one outcome per table reading. */
export type Exposure = { kind: 'public'; route: DefaultRoute; table: string } | { kind: 'private' } | { kind: 'unknown'; variant: Variant; what: string };

export function subnetExposure(ctx: Ctx, subnet: Resource): Exposure {
  return exposureOf(ctx, subnet, () => readExposure(ctx, subnet));
}
const exposureOf = perRun<Resource, Exposure>();

function readExposure(ctx: Ctx, subnet: Resource): Exposure {
  const tables = routeTablesOf(ctx, subnet);
  if (tables.kind === 'main') return { kind: 'private' };
  if (tables.kind === 'unknown') return tables;
  let unknown: Exposure | undefined;
  for (const { id } of tables.tables) {
    for (const r of defaultRoutes(ctx, id)) {
      if ('kind' in r) unknown ??= r;
      else if (r.gateway === 'internet') return { kind: 'public', route: r, table: id };
    }
  }
  return unknown ?? { kind: 'private' };
}

/** The subnets of this template associated with a route table (by Ref), with the association's SubnetId value. */
export function subnetsOfTable(ctx: Ctx, tableId: string): Array<{ subnet?: Resource; variant: Variant }> {
  const out: Array<{ subnet?: Resource; variant: Variant }> = [];
  for (const { resource } of ctx.graph.referrers(tableId, ASSOCIATION, ['Properties', 'RouteTableId'])) {
    for (const v of ctx.value(resource, ['Properties', 'SubnetId'])) {
      const subnet = v.ref ? ctx.template.resources.get(v.ref.logicalId) : undefined;
      out.push({ subnet: subnet?.type === SUBNET ? subnet : undefined, variant: v });
    }
  }
  return out;
}

/** The route tables of this template that a route resource belongs to (by Ref). */
export function tableOfRoute(ctx: Ctx, route: Resource): string[] {
  return ctx
    .value(route, ['Properties', 'RouteTableId'])
    .flatMap((v) => (v.ref && ctx.template.resources.get(v.ref.logicalId)?.type === ROUTE_TABLE ? [v.ref.logicalId] : []));
}
