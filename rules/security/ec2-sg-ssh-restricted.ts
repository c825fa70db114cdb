import { defineRule } from '../../src/engine/rule.ts';
import { INGRESS_TYPES, worldOpenIngress } from '../../src/rule-helpers/ingress.ts';

export default defineRule({
  id: 'ec2-sg-ssh-restricted',
  pillar: 'security',
  level: 'error',
  title: 'Security groups do not allow SSH (22) from the whole internet',
  rationale:
    'SSH open to 0.0.0.0/0 or ::/0 exposes every instance in the group to internet-wide scanning and password or key attacks. ' +
    'Administrative access should come from a known network, or not over SSH at all.',
  remediation:
    'Restrict the source to your admin network or VPN range, or remove the rule and use AWS Systems Manager Session Manager.\n\n' +
    '```yaml\nSecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 22\n    ToPort: 22\n    CidrIp: 10.0.0.0/16   # admin network / VPN\n```',
  wellArchitected: ['SEC05-BP02', 'SEC05-BP01'],
  securityHub: ['EC2.19', 'EC2.13'],
  securitySeverity: '8.6',
  appliesTo: INGRESS_TYPES,
  peers: {
    // Each of these flags SSH reachable from the whole internet (some more: any port).
    checkov: ['CKV_AWS_24'], // ingress from 0.0.0.0/0 or ::/0 to port 22
    cfn_nag: ['W2'], // any ingress open to the world
    cdk_nag: ['AwsSolutions-EC23', 'EC2RestrictedSSH'], // any /0 ingress; /0 ingress whose ports include 22
    guard: [
      'EC2_SECURITY_GROUP_INGRESS_OPEN_TO_WORLD_RULE', // any ingress from 0.0.0.0/0 or ::/0
      { id: 'INCOMING_SSH_DISABLED', resourceTypes: ['AWS::EC2::SecurityGroup'] }, // inline tcp 22 from 0.0.0.0/0
    ],
  },
  messages: {
    inline: 'The {{group}} allows SSH (port 22) from {{cidr}}.',
    standalone: 'Ingress rule {{logicalId}} opens SSH (port 22) of {{group}} to {{cidr}}.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  BastionSecurityGroup:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: SSH to the bastion host',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      SecurityGroupIngress:',
      '        - IpProtocol: tcp',
      '          FromPort: 22',
      '          ToPort: 22',
      '          CidrIp: 0.0.0.0/0',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  BastionSecurityGroup:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: SSH to the bastion host from the office VPN',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      SecurityGroupIngress:',
      '        - IpProtocol: tcp',
      '          FromPort: 22',
      '          ToPort: 22',
      '          CidrIp: 10.20.0.0/16',
    ].join('\n'),
    notes:
      'Both inline `SecurityGroupIngress` entries and standalone `AWS::EC2::SecurityGroupIngress` resources are checked ' +
      '(the group of a standalone rule is named by `GroupId` or `GroupName`). An entry opens SSH when its protocol is ' +
      'TCP (`tcp` or `6`) with a port range that includes 22, or every protocol (`-1`), and its source is `0.0.0.0/0` or ' +
      '`::/0` in any spelling. Sources given as a security group or a prefix list are never world-open. A source range, ' +
      'protocol or port only known at deploy time (an import, a parameter without a Default) is not a finding; ' +
      '`--report-unknown` lists it.',
  },
  check(resource, ctx) {
    for (const f of worldOpenIngress(ctx, resource, 22, 'SSH')) {
      ctx.report({ messageId: f.standalone ? 'standalone' : 'inline', at: f.at, because: f.because, data: { group: f.group, cidr: f.cidr } });
    }
  },
});
