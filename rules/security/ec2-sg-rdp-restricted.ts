import { defineRule } from '../../src/engine/rule.ts';
import { INGRESS_TYPES, worldOpenIngress, type WorldOpenFinding } from '../../src/rule-helpers/ingress.ts';

const RDP = 3389;

export default defineRule({
  id: 'ec2-sg-rdp-restricted',
  pillar: 'security',
  level: 'error',
  title: 'Security groups do not allow RDP (3389) from the whole internet',
  rationale:
    'Remote Desktop open to 0.0.0.0/0 or ::/0 lets anyone on the internet reach the Windows logon of every instance in the group, ' +
    'a constant target of password spraying and RDP exploits. Remote administration should come only from known networks.',
  remediation:
    'Allow 3389 only from a bastion or admin security group, a VPN or office range, or a managed prefix list; or remove the rule ' +
    'and use AWS Systems Manager Session Manager / Fleet Manager for remote access.\n\n' +
    '```yaml\nSecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 3389\n    ToPort: 3389\n    SourceSecurityGroupId: !Ref BastionSecurityGroup\n```',
  wellArchitected: ['SEC05-BP02', 'SEC05-BP01'],
  securityHub: ['EC2.19', 'EC2.14'],
  securitySeverity: '8.6',
  appliesTo: INGRESS_TYPES,
  peers: {
    // Each of these flags RDP reachable from the whole internet (some more: any port, any port of a list).
    checkov: ['CKV_AWS_25'], // ingress from 0.0.0.0/0 or ::/0 to port 3389
    cfn_nag: ['W2'], // any ingress open to the world
    cdk_nag: ['AwsSolutions-EC23', 'EC2RestrictedCommonPorts'], // any /0 ingress; /0 to 20, 21, 3389, 3306, ...
    guard: [
      'EC2_SECURITY_GROUP_INGRESS_OPEN_TO_WORLD_RULE', // any ingress from 0.0.0.0/0 or ::/0
      { id: 'RESTRICTED_INCOMING_TRAFFIC', resourceTypes: ['AWS::EC2::SecurityGroup'] }, // inline ingress to 20, 21, 3389, 3306, 4333
    ],
  },
  messages: {
    inline: 'The {{group}} allows {{service}} from {{cidr}}.',
    standalone: 'Ingress rule {{logicalId}} opens {{service}} of {{group}} to {{cidr}}.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  WindowsSecurityGroup:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: Remote Desktop to the Windows servers',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      SecurityGroupIngress:',
      '        - IpProtocol: tcp',
      '          FromPort: 3389',
      '          ToPort: 3389',
      '          CidrIp: 0.0.0.0/0',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  WindowsSecurityGroup:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: Remote Desktop to the Windows servers from the bastion',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      SecurityGroupIngress:',
      '        - IpProtocol: tcp',
      '          FromPort: 3389',
      '          ToPort: 3389',
      '          SourceSecurityGroupId: !Ref BastionSecurityGroup',
      '  BastionSecurityGroup:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: Bastion host',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
    ].join('\n'),
    notes:
      'RDP listens on TCP 3389 and, since RDP 8, on UDP 3389: an entry open to either is reported, each with its own ' +
      'message (every protocol, `-1`, is reported once, as TCP). Both inline `SecurityGroupIngress` entries and ' +
      'standalone `AWS::EC2::SecurityGroupIngress` resources are checked; a port range that includes 3389 counts, and ' +
      'the source is world-open when it is `0.0.0.0/0` or `::/0` in any spelling. Sources given as a security group or a ' +
      'prefix list are never world-open. A source range, protocol or port only known at deploy time (an import, a ' +
      'parameter without a Default) is not a finding; `--report-unknown` lists it.',
  },
  check(resource, ctx) {
    const report = (f: WorldOpenFinding, service: string) =>
      ctx.report({ messageId: f.standalone ? 'standalone' : 'inline', at: f.at, because: f.because, data: { group: f.group, cidr: f.cidr, service } });
    // RDP listens on TCP 3389 and, since RDP 8, on UDP 3389 too.
    for (const f of worldOpenIngress(ctx, resource, RDP, 'RDP')) report(f, 'RDP (port 3389)');
    for (const f of worldOpenIngress(ctx, resource, RDP, 'RDP (UDP)', 'udp')) report(f, 'RDP over UDP (port 3389)');
  },
});
