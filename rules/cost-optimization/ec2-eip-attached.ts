import { defineRule } from '../../src/engine/rule.ts';
import { isSet } from '../../src/values/coerce.ts';

export default defineRule({
  id: 'ec2-eip-attached',
  pillar: 'cost-optimization',
  level: 'note',
  title: 'Elastic IPs are attached to something',
  rationale:
    'Every public IPv4 address is billed by the hour, attached or not, and an Elastic IP that nothing uses is a cost ' +
    'with no benefit (and a scarce address held back).',
  remediation:
    'Attach the address (an `InstanceId`, an `AWS::EC2::EIPAssociation`, a NAT gateway or a Network Load Balancer ' +
    'subnet mapping), hand it to another stack in an output, or delete it.\n\n' +
    '```yaml\nEipAssociation:\n  Type: AWS::EC2::EIPAssociation\n  Properties:\n    AllocationId: !GetAtt Eip.AllocationId\n    InstanceId: !Ref Bastion\n```',
  wellArchitected: ['COST04-BP03', 'SUS02-BP03'],
  appliesTo: ['AWS::EC2::EIP'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    unattached:
      'Elastic IP {{logicalId}} is attached to nothing in this template (no InstanceId, and no resource or output refers to it): a public IPv4 address is billed hourly whether or not it is used.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  BastionIp:',
      '    Type: AWS::EC2::EIP',
      '    Properties:',
      '      Domain: vpc',
      '  Bastion:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      ImageId: ami-0123456789abcdef0',
      '      InstanceType: t4g.micro',
      '      SubnetId: subnet-0123456789abcdef0',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  BastionIp:',
      '    Type: AWS::EC2::EIP',
      '    Properties:',
      '      Domain: vpc',
      '      InstanceId: !Ref Bastion',
      '  Bastion:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      ImageId: ami-0123456789abcdef0',
      '      InstanceType: t4g.micro',
      '      SubnetId: subnet-0123456789abcdef0',
    ].join('\n'),
    notes:
      'An Elastic IP counts as used when it has an `InstanceId` (any value, even one only known at deploy time), or when ' +
      "any resource of the template refers to it (an `AWS::EC2::EIPAssociation`, a NAT gateway's `AllocationId`, a " +
      "load balancer's `SubnetMappings`, user data or a custom resource that attaches it at boot...) or an output does " +
      '(another stack attaches it). `DependsOn` alone does not count. Not applicable: addresses from a BYOIP pool ' +
      '(`PublicIpv4Pool`), which carry no public IPv4 charge. The catalog also lists `AWS::EC2::EIPAssociation`; an ' +
      'association always names what it attaches, so only the address is checked.',
  },
  check(resource, ctx) {
    if (ctx.value(resource, ['Properties', 'PublicIpv4Pool']).some(isSet)) return;
    // Another resource refers to the address (through a property, not only DependsOn or a condition).
    const id = resource.logicalId;
    if (ctx.graph.edgesTo(id).some((edge) => edge.kind !== 'DependsOn' && edge.kind !== 'Condition')) return;
    if (ctx.graph.referencedByOutputs(id)) return;
    for (const instance of ctx.value(resource, ['Properties', 'InstanceId'])) {
      if (isSet(instance)) continue;
      ctx.report({ messageId: 'unattached', at: instance });
    }
  },
});
