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
  check(group, ctx) {
    for (const outcome of autoScalingZones(group, ctx)) {
      if (outcome.kind === 'none') {
        ctx.unknown(outcome.variant, 'the Availability Zones (neither VPCZoneIdentifier nor AvailabilityZones is set)');
        continue;
      }
      if (outcome.kind === 'unknown') {
        ctx.unknown(outcome.variant, outcome.what);
        continue;
      }
      if (outcome.zones.length >= 2) continue;
      const zone = outcome.zones[0];
      if (outcome.source !== 'VPCZoneIdentifier') {
        ctx.report({
          messageId: 'singleZone', at: outcome.at, because: outcome.because,
          data: { zone: zone ?? 'a single entry', property: outcome.source },
        });
      } else if (outcome.subnets.length === 1) {
        ctx.report({
          messageId: 'singleSubnet', at: outcome.at, because: outcome.because,
          data: { subnet: outcome.subnets[0]!, zone: zone ? ` in ${zone}` : '' },
        });
      } else {
        ctx.report({
          messageId: 'subnetsOneZone', at: outcome.at, because: outcome.because,
          data: { subnets: listWords(outcome.subnets), zone: zone! },
        });
      }
    }
  },
});
