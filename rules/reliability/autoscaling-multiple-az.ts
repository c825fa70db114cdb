import { defineRule } from '../../src/engine/rule.ts';
import { autoScalingZones } from '../../src/rule-helpers/availability.ts';
import { listWords } from '../../src/words.ts';

export default defineRule({
  id: 'autoscaling-multiple-az',
  pillar: 'reliability',
  level: 'warning',
  title: 'Auto Scaling groups span at least two Availability Zones',
  rationale:
    'An Auto Scaling group confined to one Availability Zone loses every instance when that zone is impaired, and it has ' +
    'nowhere else to launch replacements. Spread over several zones, it rebalances and keeps serving from the healthy ones. ' +
    'This holds for single-instance groups too: with two zones, a replacement can start in the other zone.',
  remediation:
    'List subnets in at least two Availability Zones in `VPCZoneIdentifier` (or at least two zones in `AvailabilityZones`, ' +
    'for example `!GetAZs ""`).\n\n' +
    '```yaml\nVPCZoneIdentifier:\n  - !Ref PrivateSubnetA   # ap-northeast-2a\n  - !Ref PrivateSubnetC   # ap-northeast-2c\n```',
  wellArchitected: ['REL10-BP01', 'REL11-BP02'],
  securityHub: ['AutoScaling.2'],
  appliesTo: ['AWS::AutoScaling::AutoScalingGroup'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    singleSubnet: 'Auto Scaling group {{logicalId}} launches into a single subnet, {{subnet}}{{zone}}, so all its instances run in one Availability Zone.',
    subnetsOneZone: 'Auto Scaling group {{logicalId}} launches into subnets {{subnets}}, which are all in one Availability Zone ({{zone}}).',
    singleZone: 'Auto Scaling group {{logicalId}} is limited to one Availability Zone ({{zone}}) by {{property}}.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  PrivateSubnetA:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      CidrBlock: 10.0.1.0/24',
      '      AvailabilityZone: !Select [0, !GetAZs ""]',
      '  WebGroup:',
      '    Type: AWS::AutoScaling::AutoScalingGroup',
      '    Properties:',
      '      MinSize: "2"',
      '      MaxSize: "6"',
      '      LaunchTemplate:',
      '        LaunchTemplateId: lt-0a1b2c3d4e5f60718',
      '        Version: "3"',
      '      VPCZoneIdentifier:',
      '        - !Ref PrivateSubnetA',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  PrivateSubnetA:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      CidrBlock: 10.0.1.0/24',
      '      AvailabilityZone: !Select [0, !GetAZs ""]',
      '  PrivateSubnetB:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      CidrBlock: 10.0.2.0/24',
      '      AvailabilityZone: !Select [1, !GetAZs ""]',
      '  WebGroup:',
      '    Type: AWS::AutoScaling::AutoScalingGroup',
      '    Properties:',
      '      MinSize: "2"',
      '      MaxSize: "6"',
      '      LaunchTemplate:',
      '        LaunchTemplateId: lt-0a1b2c3d4e5f60718',
      '        Version: "3"',
      '      VPCZoneIdentifier:',
      '        - !Ref PrivateSubnetA',
      '        - !Ref PrivateSubnetB',
    ].join('\n'),
    notes:
      'The zones are counted from the subnets of `VPCZoneIdentifier` (their `AvailabilityZone` or `AvailabilityZoneId`), ' +
      'else from `AvailabilityZones` or `AvailabilityZoneIds`. Two different indexes of `Fn::GetAZs` count as two zones, ' +
      'so `!GetAZs ""` passes. A single subnet is one zone whatever it is, so it is reported even when its zone is not ' +
      'known; groups of one instance are reported too, since a replacement can then start in another zone. Subnets or ' +
      'zones known only at deploy time (imports, parameters without a Default, subnets of another stack, a subnet whose ' +
      'zone AWS picks) are not a finding when they could make two zones; `--report-unknown` lists them. The catalog lists ' +
      '`MaxSize` and `PlacementGroup` among the properties; neither changes the verdict (a cluster placement group is ' +
      "ec2-placement-group-not-cluster's finding).",
  },
  check(group, ctx) {
    for (const outcome of autoScalingZones(ctx, group)) {
      if (outcome.kind === 'none') {
        ctx.unknown(outcome.variant, 'the Availability Zones (neither VPCZoneIdentifier nor AvailabilityZones is set)');
        continue;
      }
      if (outcome.kind === 'unknown') {
        ctx.unknown(outcome.variant, outcome.what);
        continue;
      }
      const [zone, ...otherZones] = outcome.zones;
      if (otherZones.length > 0) continue;
      const { at, because } = outcome;
      if (outcome.source !== 'VPCZoneIdentifier') {
        ctx.report({ messageId: 'singleZone', at, because, data: { zone: zone ?? 'a single entry', property: outcome.source } });
      } else if (outcome.subnets.length === 1) {
        ctx.report({ messageId: 'singleSubnet', at, because, data: { subnet: listWords(outcome.subnets), zone: zone ? ` in ${zone}` : '' } });
      } else {
        // Several subnets in one zone: that zone is known (an unknown one would have made the outcome unknown).
        ctx.report({ messageId: 'subnetsOneZone', at, because, data: { subnets: listWords(outcome.subnets), zone: zone ?? 'one zone' } });
      }
    }
  },
});
