import { defineRule } from '../../src/engine/rule.ts';
import { subnetListZones, zoneListZones, type ZoneOutcome } from '../../src/rule-helpers/availability.ts';
import type { Variant } from '../../src/values/variant.ts';
import { listWords } from '../../src/words.ts';
import { loadBalancerName, loadBalancerType } from '../../src/rule-helpers/resources.ts';

const CLASSIC = 'AWS::ElasticLoadBalancing::LoadBalancer';
const LB_V2 = 'AWS::ElasticLoadBalancingV2::LoadBalancer';

/** Why one zone matters: an ALB in one zone is rejected by AWS, any other load balancer stops with its zone. */
const ALB_REJECTED = 'AWS rejects an Application Load Balancer in fewer than two zones, so the deployment fails';
const ZONE_DOWN = 'it stops serving when that zone is impaired';

export default defineRule({
  id: 'elb-multiple-az',
  pillar: 'reliability',
  level: 'warning',
  title: 'Load balancers span at least two Availability Zones',
  rationale:
    'A load balancer has a node in each Availability Zone it is enabled in. In a single zone it is a single point of ' +
    'failure: when that zone is impaired, clients cannot reach any target, however many healthy targets run elsewhere. ' +
    'Enabled in two or more zones, DNS stops answering with the impaired zone and traffic keeps flowing.',
  remediation:
    'Give the load balancer subnets (or, for a Classic Load Balancer outside a VPC, Availability Zones) in at least two ' +
    'Availability Zones.\n\n```yaml\nSubnets:\n  - !Ref PublicSubnetA   # 1st zone\n  - !Ref PublicSubnetB   # 2nd zone\n```',
  wellArchitected: ['REL10-BP01', 'REL02-BP01'],
  securityHub: ['ELB.13', 'ELB.10'],
  appliesTo: [LB_V2, CLASSIC],
  peers: {
    checkov: [],
    cfn_nag: [],
    // Classic Load Balancers only: fewer than two Subnets or AvailabilityZones listed (and CrossZone not set).
    cdk_nag: [
      { id: 'AwsSolutions-ELB4', resourceTypes: [CLASSIC] },
      { id: 'ELBCrossZoneLoadBalancingEnabled', resourceTypes: [CLASSIC] },
    ],
  },
  messages: {
    singleSubnet: '{{kind}} {{logicalId}} is placed in a single subnet, {{subnet}}{{zone}}, so it runs in one Availability Zone: {{consequence}}.',
    subnetsOneZone: '{{kind}} {{logicalId}} is placed in subnets {{subnets}}, which are all in one Availability Zone ({{zone}}): {{consequence}}.',
    singleZone: '{{kind}} {{logicalId}} is enabled in one Availability Zone ({{zone}}) by {{property}}: {{consequence}}.',
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
      '  IngressNlb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties:',
      '      Type: network',
      '      Scheme: internet-facing',
      '      Subnets:',
      '        - !Ref PublicSubnetA',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  PublicSubnetA:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      CidrBlock: 10.0.0.0/24',
      '      AvailabilityZone: !Select [0, !GetAZs ""]',
      '  PublicSubnetB:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      CidrBlock: 10.0.1.0/24',
      '      AvailabilityZone: !Select [1, !GetAZs ""]',
      '  IngressNlb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties:',
      '      Type: network',
      '      Scheme: internet-facing',
      '      Subnets:',
      '        - !Ref PublicSubnetA',
      '        - !Ref PublicSubnetB',
    ].join('\n'),
    notes:
      'The zones are counted from `Subnets` or `SubnetMappings[].SubnetId` (Application, Network and Gateway Load ' +
      'Balancers), and from `Subnets` or `AvailabilityZones` (Classic Load Balancers): a subnet declared in the template ' +
      'counts by its `AvailabilityZone` or `AvailabilityZoneId`, and two different indexes of `Fn::GetAZs` count as two ' +
      'zones. A single subnet is one zone whatever it is, so it is reported even when its zone is not known. An ' +
      'Application Load Balancer in one zone is reported as an error: AWS requires two zones for it, so the deployment ' +
      'would fail. Subnets known only at deploy time (a `List<AWS::EC2::Subnet::Id>` parameter without a Default, an ' +
      'import, subnets of another stack, a subnet whose zone AWS picks) are not a finding when they could make two zones; ' +
      '`--report-unknown` lists them. A load balancer with neither subnets nor zones is left to CloudFormation, which ' +
      'rejects it.',
  },
  check(lb, ctx) {
    const prop = (name: string) => ctx.value(lb, ['Properties', name]);
    const outcomes: Array<{ outcome: ZoneOutcome; kind: string; alb: boolean }> = [];
    if (lb.type === CLASSIC) {
      for (const [subnets, zones] of ctx.each(prop('Subnets'), prop('AvailabilityZones'))) {
        const [source, value] = subnets.kind !== 'absent' ? (['Subnets', subnets] as const) : (['AvailabilityZones', zones] as const);
        for (const outcome of zonesOf(value, source)) outcomes.push({ outcome, kind: 'Classic Load Balancer', alb: false });
      }
    } else {
      for (const [type, subnets, mappings] of ctx.each(prop('Type'), prop('Subnets'), prop('SubnetMappings'))) {
        // The level depends on the type; a type known only at deploy time reads as "Load balancer" at warning level.
        const typeName = loadBalancerType(type);
        const kind = loadBalancerName(typeName);
        const [source, value] = subnets.kind !== 'absent' ? (['Subnets', subnets] as const) : (['SubnetMappings', mappings] as const);
        for (const outcome of zonesOf(value, source, [type])) outcomes.push({ outcome, kind, alb: typeName === 'application' });
      }
    }
    for (const { outcome, kind, alb } of outcomes) {
      if (outcome.kind !== 'zones') continue;
      const [zone, ...otherZones] = outcome.zones;
      if (otherZones.length > 0) continue;
      const { at, because } = outcome;
      const common = { at, because, level: alb ? ('error' as const) : undefined };
      const consequence = alb ? ALB_REJECTED : ZONE_DOWN;
      if (outcome.source === 'AvailabilityZones') {
        ctx.report({ ...common, messageId: 'singleZone', data: { kind, zone: zone ?? 'a single entry', property: outcome.source, consequence } });
      } else if (outcome.subnets.length === 1) {
        ctx.report({ ...common, messageId: 'singleSubnet', data: { kind, subnet: listWords(outcome.subnets), zone: zone ? ` in ${zone}` : '', consequence } });
      } else {
        ctx.report({ ...common, messageId: 'subnetsOneZone', data: { kind, subnets: listWords(outcome.subnets), zone: zone ?? 'one zone', consequence } });
      }
    }

    /** The zones of one reading of the subnet or zone list; unknowns are noted, an absent list is CloudFormation's error. */
    function zonesOf(value: Variant, source: 'Subnets' | 'SubnetMappings' | 'AvailabilityZones', context: Variant[] = []): ZoneOutcome[] {
      if (value.kind === 'absent') return [];
      if (value.kind === 'unknown') {
        ctx.unknown(value, source);
        return [];
      }
      const found = source === 'AvailabilityZones' ? zoneListZones(ctx, value, source) : subnetListZones(ctx, value, source, context);
      for (const outcome of found) {
        if (outcome.kind === 'unknown') ctx.unknown(outcome.variant, outcome.what);
      }
      return found;
    }
  },
});
