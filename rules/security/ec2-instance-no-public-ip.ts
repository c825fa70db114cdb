import { defineRule, type KnownVariant, type RuleContext } from '../../src/engine/rule.ts';
import { LAUNCH_CONFIGURATION, LAUNCH_TEMPLATE } from '../../src/rule-helpers/launchers.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asNumber } from '../../src/values/coerce.ts';
import type { Variant } from '../../src/values/variant.ts';

const INSTANCE = 'AWS::EC2::Instance';
const SUBNET = 'AWS::EC2::Subnet';
const WHAT: Record<string, string> = { [INSTANCE]: 'Instance', [LAUNCH_TEMPLATE]: 'Launch template', [LAUNCH_CONFIGURATION]: 'Launch configuration' };

type Ctx = RuleContext<any, any>;

/** Reports each AssociatePublicIpAddress of the network interfaces that is true; returns the primary interface's readings. */
function interfaces(ctx: Ctx, from: Resource, path: string[], report: (v: KnownVariant) => void): Variant[] {
  const primary: Variant[] = [];
  for (const nic of ctx.items(from, path)) {
    if (nic.kind !== 'literal') continue;
    for (const v of ctx.value(nic, ['AssociatePublicIpAddress'])) {
      if (v.kind === 'absent' || !ctx.known(v, 'AssociatePublicIpAddress')) continue;
      if (asBoolean(v) === true) report(v);
    }
    const index = ctx.value(nic, ['DeviceIndex']);
    if (index.some((i) => asNumber(i) === 0)) primary.push(nic);
  }
  return primary;
}

export default defineRule({
  id: 'ec2-instance-no-public-ip',
  pillar: 'security',
  level: 'warning',
  title: 'Instances do not receive public IPv4 addresses',
  rationale:
    'An instance with a public IPv4 address can be reached from the internet whenever a security group or network ACL ' +
    'allows it, and it bypasses the load balancer, WAF and logging placed in front of the service. Since February 2024 ' +
    'every public IPv4 address is also billed by the hour. Instances belong in private subnets, reached through a load ' +
    'balancer or AWS Systems Manager.',
  remediation:
    'Set `AssociatePublicIpAddress: false` (or leave it out) and launch into a private subnet, or set ' +
    '`MapPublicIpOnLaunch: false` on the subnet. Reach the instance through a load balancer, or AWS Systems Manager ' +
    'Session Manager for administration.\n\n' +
    '```yaml\nNetworkInterfaces:\n  - DeviceIndex: "0"\n    AssociatePublicIpAddress: false\n    SubnetId: !Ref PrivateSubnetA   # reach it through an ALB or SSM\n```',
  wellArchitected: ['SEC05-BP01'],
  securityHub: ['EC2.9', 'EC2.25', 'AutoScaling.5', 'EC2.15'],
  securitySeverity: '6.0',
  tags: ['cost-optimization'],
  appliesTo: [INSTANCE, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION, SUBNET],
  peers: {
    checkov: [{ id: 'CKV_AWS_88', resourceTypes: [INSTANCE, LAUNCH_TEMPLATE] }], // AssociatePublicIpAddress true on an interface
    cfn_nag: [{ id: 'W33', resourceTypes: [SUBNET] }], // MapPublicIpOnLaunch true
    cdk_nag: [
      { id: 'EC2InstanceNoPublicIp', resourceTypes: [INSTANCE] }, // AssociatePublicIpAddress true
      { id: 'AutoScalingLaunchConfigPublicIpDisabled', resourceTypes: [LAUNCH_CONFIGURATION] },
      { id: 'VPCSubnetAutoAssignPublicIpDisabled', resourceTypes: [SUBNET] },
    ],
  },
  messages: {
    associate: '{{what}} {{logicalId}} asks for a public IPv4 address (AssociatePublicIpAddress is {{state}}).',
    subnet: 'Instance {{logicalId}} launches into subnet {{subnet}}, which gives every instance a public IPv4 address (MapPublicIpOnLaunch is {{state}}).',
    defaultVpc: 'Instance {{logicalId}} names no subnet, so it launches into the default VPC, whose subnets give every instance a public IPv4 address.',
    mapsPublicIp: 'Subnet {{logicalId}} gives every instance launched into it a public IPv4 address (MapPublicIpOnLaunch is {{state}}).',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  AppInstance:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      ImageId: ami-0a1b2c3d4e5f60718',
      '      InstanceType: t3.micro',
      '      NetworkInterfaces:',
      '        - DeviceIndex: "0"',
      '          AssociatePublicIpAddress: true',
      '          SubnetId: subnet-0a1b2c3d4e5f60718',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  AppInstance:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      ImageId: ami-0a1b2c3d4e5f60718',
      '      InstanceType: t3.micro',
      '      NetworkInterfaces:',
      '        - DeviceIndex: "0"',
      '          AssociatePublicIpAddress: false',
      '          SubnetId: subnet-0a1b2c3d4e5f60718',
    ].join('\n'),
    notes:
      'Reported: `AssociatePublicIpAddress: true` on a network interface of an instance or a launch template, or on a ' +
      'launch configuration; a subnet with `MapPublicIpOnLaunch: true` (Security Hub EC2.15); an instance whose primary ' +
      'interface leaves `AssociatePublicIpAddress` unset and that launches into such a subnet of the template; and an ' +
      'instance with no subnet, no network interfaces and no launch template, which lands in the default VPC, whose ' +
      'subnets assign public addresses. A subnet given as an id, a parameter or an import is unknown, not a finding ' +
      '(`--report-unknown` lists it). Groups launched from a launch template that leaves the setting unset get their ' +
      'addresses from their subnets, which are reported themselves. Instances meant to be public (a bastion, a NAT ' +
      'instance) and public subnets that need automatic addresses are expected to be suppressed with a reason.',
  },
  check(resource, ctx) {
    const what = WHAT[resource.type] ?? 'Resource';
    const associate = (v: KnownVariant) =>
      ctx.report({
        messageId: 'associate',
        at: v,
        data: { what, state: stateText(v) },
        fix: { text: 'false', description: 'Set AssociatePublicIpAddress to false' },
      });
    if (resource.type === SUBNET) {
      for (const v of ctx.value(resource, ['Properties', 'MapPublicIpOnLaunch'])) {
        if (v.kind === 'absent' || !ctx.known(v, 'MapPublicIpOnLaunch')) continue;
        if (asBoolean(v) === true) {
          ctx.report({
            messageId: 'mapsPublicIp',
            at: v,
            data: { state: stateText(v) },
            fix: { text: 'false', description: 'Set MapPublicIpOnLaunch to false' },
          });
        }
      }
      return;
    }
    if (resource.type === LAUNCH_CONFIGURATION) {
      for (const v of ctx.value(resource, ['Properties', 'AssociatePublicIpAddress'])) {
        if (v.kind !== 'absent' && ctx.known(v, 'AssociatePublicIpAddress') && asBoolean(v) === true) associate(v);
      }
      return;
    }
    if (resource.type === LAUNCH_TEMPLATE) {
      interfaces(ctx, resource, ['Properties', 'LaunchTemplateData', 'NetworkInterfaces'], associate);
      return;
    }
    // An instance.
    const primary = interfaces(ctx, resource, ['Properties', 'NetworkInterfaces'], associate);
    for (const nic of primary) {
      // The primary interface decides by itself when it says true or false.
      if (ctx.value(nic, ['AssociatePublicIpAddress']).some((v) => v.kind !== 'absent')) return;
    }
    const [nic] = primary;
    const subnets = nic ? ctx.value(nic, ['SubnetId']) : ctx.value(resource, ['Properties', 'SubnetId']);
    for (const subnetId of subnets) {
      if (subnetId.kind === 'absent') {
        // No subnet anywhere: the default VPC, unless a launch template or an existing interface places it.
        const placed = ['LaunchTemplate', 'NetworkInterfaces'].some((p) => ctx.value(resource, ['Properties', p]).some((v) => v.kind !== 'absent'));
        if (!placed) ctx.report({ messageId: 'defaultVpc', at: ['Properties'] });
        continue;
      }
      const subnet = subnetId.ref ? ctx.template.resources.get(subnetId.ref.logicalId) : undefined;
      if (subnet?.type !== SUBNET) {
        ctx.unknown(subnetId, 'whether the subnet assigns public IPv4 addresses (a subnet this template does not declare)');
        continue;
      }
      for (const map of ctx.value(subnet, ['Properties', 'MapPublicIpOnLaunch'])) {
        if (map.kind === 'absent' || !ctx.known(map, `MapPublicIpOnLaunch of subnet ${subnet.logicalId}`)) continue;
        if (asBoolean(map) !== true) continue;
        ctx.report({ messageId: 'subnet', at: subnetId, because: [map], data: { subnet: subnet.logicalId, state: stateText(map) } });
      }
    }
  },
});
