import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { subnetZones, zoneKey, zoneLabel } from '../../src/rule-helpers/availability.ts';
import { NAT_GATEWAY, ROUTE, SUBNET, subnetsOfTable, tableOfRoute } from '../../src/rule-helpers/routing.ts';
import { asString } from '../../src/values/coerce.ts';
import type { Variant } from '../../src/values/variant.ts';
import { listWords, named } from '../../src/words.ts';

type Ctx = RuleContext<any, any>;

/** A NAT gateway of this template that this rule is about: public and zonal. Unknown settings are noted. */
function zonalPublic(ctx: Ctx, nat: Resource): boolean {
  for (const name of ['ConnectivityType', 'AvailabilityMode']) {
    for (const v of ctx.value(nat, ['Properties', name])) {
      if (v.kind === 'absent') continue;
      if (!ctx.known(v, name)) return false;
      const text = asString(v)?.toLowerCase();
      // Private NAT gateways have no public address to pay for; a regional one spans the zones by itself.
      if (name === 'ConnectivityType' && text === 'private') return false;
      if (name === 'AvailabilityMode' && text === 'regional') return false;
    }
  }
  return true;
}

/** The zone of a NAT gateway (its subnet's), one variant per reading; unknown when its subnet is not in the template. */
function natZones(ctx: Ctx, nat: Resource): Variant[] {
  return ctx.value(nat, ['Properties', 'SubnetId']).flatMap((v) => {
    const subnet = v.ref ? ctx.template.resources.get(v.ref.logicalId) : undefined;
    return subnet?.type === SUBNET ? subnetZones(ctx, subnet) : [v];
  });
}

/** The VPC of a NAT gateway's subnet, as a key (a Ref, or a literal id); undefined when unknown. */
function natVpc(ctx: Ctx, nat: Resource): string | undefined {
  const [subnetId] = ctx.value(nat, ['Properties', 'SubnetId']);
  const subnet = subnetId?.ref ? ctx.template.resources.get(subnetId.ref.logicalId) : undefined;
  if (subnet?.type !== SUBNET) return undefined;
  const [vpc] = ctx.value(subnet, ['Properties', 'VpcId']);
  if (vpc?.ref) return `ref:${vpc.ref.logicalId}`;
  const text = vpc && asString(vpc);
  return text === undefined ? undefined : `id:${text}`;
}

/** Whether something other than a route may use the NAT gateway: another resource's reference, or an output. */
function usedElsewhere(ctx: Ctx, nat: Resource): boolean {
  return ctx.graph.edgesTo(nat.logicalId).some((e) => e.kind !== 'DependsOn') || ctx.graph.referencedByOutputs(nat.logicalId);
}

export default defineRule({
  id: 'vpc-nat-gateway-count-per-az',
  pillar: 'cost-optimization',
  level: 'note',
  title: 'NAT gateway count matches the AZs that use them',
  rationale:
    'Each NAT gateway is billed by the hour and per GB it processes. One per Availability Zone in use is what a VPC ' +
    'needs: a NAT gateway no route uses, or a second one in the same zone, costs money for nothing. The other way ' +
    'round, private subnets that reach the internet through a NAT gateway in another zone lose their internet access ' +
    'when that zone fails, and pay cross-zone data transfer on every byte.',
  remediation:
    'Keep one NAT gateway per Availability Zone that has private subnets, and point each private route table at the NAT ' +
    'gateway in its own zone (a deliberate single NAT gateway for a development VPC can be suppressed with a reason).\n\n' +
    '```yaml\nPrivateRouteB:\n  Type: AWS::EC2::Route\n  Properties:\n    RouteTableId: !Ref PrivateRouteTableB\n    DestinationCidrBlock: 0.0.0.0/0\n    NatGatewayId: !Ref NatGatewayB   # the NAT gateway in the same zone as PrivateSubnetB\n```',
  wellArchitected: ['COST08-BP02', 'REL10-BP01'],
  tags: ['reliability'],
  appliesTo: [NAT_GATEWAY, ROUTE],
  messages: {
    unused: 'NAT gateway {{logicalId}} is not the target of any route in this template, yet it is billed by the hour.',
    sameZone:
      'NAT gateway {{logicalId}} is in the same Availability Zone ({{zone}}) as NAT gateway {{other}} of the same VPC: one per zone is enough, and each one is billed by the hour.',
    crossZone:
      'Route {{logicalId}} sends {{subnets}} in {{zones}} to NAT gateway {{nat}} in {{natZone}}: an outage of that zone cuts their internet access, and every byte pays cross-zone data transfer.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  PublicSubnetA:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      CidrBlock: 10.0.0.0/24',
      '      AvailabilityZone: !Select [0, !GetAZs ""]',
      '  NatGatewayA:',
      '    Type: AWS::EC2::NatGateway',
      '    Properties:',
      '      SubnetId: !Ref PublicSubnetA',
      '      AllocationId: eipalloc-0a1b2c3d4e5f60718',
      '  PrivateSubnetB:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      CidrBlock: 10.0.11.0/24',
      '      AvailabilityZone: !Select [1, !GetAZs ""]',
      '  PrivateRouteTableB:',
      '    Type: AWS::EC2::RouteTable',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '  PrivateSubnetBRouteTable:',
      '    Type: AWS::EC2::SubnetRouteTableAssociation',
      '    Properties:',
      '      SubnetId: !Ref PrivateSubnetB',
      '      RouteTableId: !Ref PrivateRouteTableB',
      '  PrivateRouteB:',
      '    Type: AWS::EC2::Route',
      '    Properties:',
      '      RouteTableId: !Ref PrivateRouteTableB',
      '      DestinationCidrBlock: 0.0.0.0/0',
      '      NatGatewayId: !Ref NatGatewayA',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  PublicSubnetB:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      CidrBlock: 10.0.1.0/24',
      '      AvailabilityZone: !Select [1, !GetAZs ""]',
      '  NatGatewayB:',
      '    Type: AWS::EC2::NatGateway',
      '    Properties:',
      '      SubnetId: !Ref PublicSubnetB',
      '      AllocationId: eipalloc-0a1b2c3d4e5f60719',
      '  PrivateSubnetB:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      CidrBlock: 10.0.11.0/24',
      '      AvailabilityZone: !Select [1, !GetAZs ""]',
      '  PrivateRouteTableB:',
      '    Type: AWS::EC2::RouteTable',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '  PrivateSubnetBRouteTable:',
      '    Type: AWS::EC2::SubnetRouteTableAssociation',
      '    Properties:',
      '      SubnetId: !Ref PrivateSubnetB',
      '      RouteTableId: !Ref PrivateRouteTableB',
      '  PrivateRouteB:',
      '    Type: AWS::EC2::Route',
      '    Properties:',
      '      RouteTableId: !Ref PrivateRouteTableB',
      '      DestinationCidrBlock: 0.0.0.0/0',
      '      NatGatewayId: !Ref NatGatewayB',
    ].join('\n'),
    notes:
      'Three cases are noted. A public NAT gateway that no `AWS::EC2::Route` of the template targets (and that nothing ' +
      'else in the template or its outputs refers to) is unused. A second NAT gateway in the same zone and VPC as an ' +
      'earlier one is more than the zone needs. A route that sends subnets of one zone to a NAT gateway in another is a ' +
      'single point of failure for them and pays cross-zone transfer (tagged reliability). Zones come from each ' +
      "subnet's `AvailabilityZone` or `AvailabilityZoneId`; two indexes of `Fn::GetAZs` are two zones. A subnet from an " +
      'import or a parameter, one whose zone AWS picks, or a zone written as a name on one side and through ' +
      '`Fn::GetAZs` on the other, is unknown and not a finding (`--report-unknown` lists it). Private NAT gateways ' +
      '(`ConnectivityType: private`) and regional ones (`AvailabilityMode: regional`) are not applicable. A deliberate ' +
      'single NAT gateway for a development VPC is expected to be suppressed with a reason.',
  },
  check(resource, ctx) {
    if (resource.type === NAT_GATEWAY) checkNat(resource, ctx);
    else checkRoute(resource, ctx);
  },
});

function checkNat(nat: Resource, ctx: Ctx): void {
  if (!zonalPublic(ctx, nat)) return;
  if (ctx.graph.referrers(nat.logicalId, ROUTE, ['Properties', 'NatGatewayId']).length === 0 && !usedElsewhere(ctx, nat)) {
    ctx.report({ messageId: 'unused', at: ['Properties'] });
  }
  // A second NAT gateway in the zone of an earlier one, in the same VPC.
  const vpc = natVpc(ctx, nat);
  if (vpc === undefined) return;
  for (const other of ctx.graph.ofType(NAT_GATEWAY)) {
    if (other === nat) break; // only earlier ones: the first of a zone is the one that stays
    if (natVpc(ctx, other) !== vpc || !zonalPublic(ctx, other)) continue;
    for (const [mine, theirs] of ctx.each(natZones(ctx, nat), natZones(ctx, other))) {
      const key = zoneKey(mine);
      if (key === undefined || key !== zoneKey(theirs)) continue;
      ctx.report({ messageId: 'sameZone', at: mine, because: [theirs], data: { zone: zoneLabel(mine) ?? key, other: other.logicalId } });
    }
  }
}

function checkRoute(route: Resource, ctx: Ctx): void {
  for (const target of ctx.value(route, ['Properties', 'NatGatewayId'])) {
    const nat = target.ref ? ctx.template.resources.get(target.ref.logicalId) : undefined;
    if (nat?.type !== NAT_GATEWAY || !zonalPublic(ctx, nat)) continue;
    const subnets = tableOfRoute(ctx, route).flatMap((table) => subnetsOfTable(ctx, table));
    if (subnets.length === 0) continue;
    const zoneLists = subnets.map(({ subnet, variant }) => (subnet ? subnetZones(ctx, subnet) : [variant]));
    for (const [, natZone, ...zones] of ctx.each([target], natZones(ctx, nat), ...zoneLists)) {
      if (!natZone) continue;
      const natKey = zoneKey(natZone);
      if (natKey === undefined) {
        ctx.unknown(natZone, `the Availability Zone of NAT gateway ${nat.logicalId}`);
        continue;
      }
      const away: Array<{ name: string; zone: string }> = [];
      zones.forEach((zone, i) => {
        const key = zoneKey(zone);
        const name = subnets[i]?.subnet?.logicalId;
        // Opaque Fn::GetAZs indexes and zone names cannot be compared with each other.
        if (key === undefined || name === undefined || key.split(':')[0] !== natKey.split(':')[0]) {
          ctx.unknown(zone, `the Availability Zone of a subnet routed to NAT gateway ${nat.logicalId}`);
        } else if (key !== natKey) away.push({ name, zone: zoneLabel(zone) ?? key });
      });
      if (away.length === 0) continue;
      ctx.report({
        messageId: 'crossZone',
        at: target,
        because: [natZone, ...zones],
        data: {
          subnets: named('subnet', [...new Set(away.map((a) => a.name))]),
          zones: listWords([...new Set(away.map((a) => a.zone))]),
          nat: nat.logicalId,
          natZone: zoneLabel(natZone) ?? natKey,
        },
      });
    }
  }
}
