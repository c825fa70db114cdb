import { defineRule } from '../../src/engine/rule.ts';
import { option } from '../../src/engine/options.ts';
import { HIGH_RISK_PORTS, INGRESS_TYPES, rangeCovers, rangeText, worldOpenRanges, type PortRange } from '../../src/rule-helpers/ingress.ts';
import { listWords } from '../../src/words.ts';

/** How many ports a message names before "and N more". */
const NAMED = 5;

/** The configured ports a range opens, in words with their service: "port 3306 (MySQL)", "ports 20 (FTP data), 21 (FTP) and 3 more". */
function portsText(ports: number[]): string {
  const named = ports.slice(0, NAMED).map((p) => (HIGH_RISK_PORTS.has(p) ? `${p} (${HIGH_RISK_PORTS.get(p)})` : String(p)));
  const more = ports.length - named.length;
  if (more > 0) named.push(`${more} more`);
  return `${ports.length === 1 ? 'port' : 'ports'} ${listWords(named)}`;
}

/** What the entry opens (the high-risk port itself, or the range) and, for a range, the high-risk ports inside it. */
function exposure(range: PortRange, ports: number[]): { opening: string; including: string } {
  if (range.from === range.to && range.protocol === 'tcp') return { opening: `high-risk ${portsText(ports)}`, including: '' };
  return { opening: rangeText(range), including: `, which includes high-risk ${portsText(ports)}` };
}

export default defineRule({
  id: 'ec2-sg-high-risk-ports-restricted',
  pillar: 'security',
  level: 'error',
  title: 'Security groups do not expose high-risk service ports to the internet',
  rationale:
    'Databases, file sharing, mail, remote procedure calls, search clusters and development servers listening on their usual ' +
    'ports are found by internet-wide scanners within minutes. Open to 0.0.0.0/0 or ::/0, they face brute-force logins, known ' +
    'exploits and data theft; none of them is meant to be reached by the whole internet.',
  remediation:
    'Allow the port only from the security group of the tier that needs it (or a private address range, or a managed prefix ' +
    'list), and reach administrative services through a VPN or AWS Systems Manager.\n\n' +
    '```yaml\nSecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 5432\n    ToPort: 5432\n    SourceSecurityGroupId: !Ref AppSecurityGroup   # the database only from the app tier\n```',
  wellArchitected: ['SEC05-BP02'],
  securityHub: ['EC2.19'],
  securitySeverity: '8.1',
  appliesTo: INGRESS_TYPES,
  peers: {
    cfn_nag: ['W2'], // any ingress open to the world
    cdk_nag: [
      'AwsSolutions-EC23', // any /0 ingress
      'EC2RestrictedCommonPorts', // /0 ingress to 20, 21, 3389, 3306, 4333 (HIPAA, NIST, PCI packs)
    ],
    guard: [
      'EC2_SECURITY_GROUP_INGRESS_OPEN_TO_WORLD_RULE', // any ingress from 0.0.0.0/0 or ::/0
      { id: 'RESTRICTED_INCOMING_TRAFFIC', resourceTypes: ['AWS::EC2::SecurityGroup'] }, // inline ingress to 20, 21, 3389, 3306, 4333
    ],
  },
  options: {
    ports: option.custom<readonly number[]>(
      { type: 'array', items: { type: 'integer', minimum: 0, maximum: 65535 }, uniqueItems: true },
      {
        description:
          'TCP ports that must not be open to 0.0.0.0/0 or ::/0. The default is the list of the Security Hub control EC2.19 ' +
          'without 22 and 3389, which ec2-sg-ssh-restricted and ec2-sg-rdp-restricted report.',
        default: [...HIGH_RISK_PORTS.keys()],
      },
    ),
  },
  messages: {
    inline: 'The {{group}} allows {{opening}} from {{cidr}}{{including}}.',
    standalone: 'Ingress rule {{logicalId}} opens {{opening}} of {{group}} to {{cidr}}{{including}}.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  DatabaseSecurityGroup:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: PostgreSQL for the orders service',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      SecurityGroupIngress:',
      '        - IpProtocol: tcp',
      '          FromPort: 5432',
      '          ToPort: 5432',
      '          CidrIp: 0.0.0.0/0',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  AppSecurityGroup:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: Orders service tasks',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '  DatabaseSecurityGroup:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: PostgreSQL for the orders service, from its tasks only',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      SecurityGroupIngress:',
      '        - IpProtocol: tcp',
      '          FromPort: 5432',
      '          ToPort: 5432',
      '          SourceSecurityGroupId: !GetAtt AppSecurityGroup.GroupId',
    ].join('\n'),
    notes:
      'The ports are those of the Security Hub control EC2.19 (20, 21, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, ' +
      '4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300) except 22 and 3389, which ec2-sg-ssh-restricted and ' +
      'ec2-sg-rdp-restricted report, so that one entry is not reported three times for the same port; the `ports` option ' +
      'replaces the list. Like the AWS Config rule behind EC2.19, only TCP counts: an entry for TCP (`tcp` or `6`) whose ' +
      'port range includes a listed port, or for every protocol (`-1`), is reported once, naming the listed ports it ' +
      'opens. Both inline `SecurityGroupIngress` entries and standalone `AWS::EC2::SecurityGroupIngress` resources are ' +
      'checked (the same ingress model as the SSH and RDP rules); the source is world-open when it is `0.0.0.0/0` or `::/0` ' +
      'in any spelling. Sources given as a security group or a prefix list are never world-open. A source range, protocol or ' +
      'port only known at deploy time (an import, a parameter without a Default) is not a finding; `--report-unknown` lists it.',
  },
  check(resource, ctx) {
    const listed = [...ctx.options.ports].sort((a, b) => a - b);
    if (listed.length === 0) return;
    const relevant = (range: PortRange) => listed.some((p) => rangeCovers(range, p));
    for (const f of worldOpenRanges(ctx, resource, 'high-risk port', relevant)) {
      const ports = listed.filter((p) => rangeCovers(f.range, p));
      ctx.report({
        messageId: f.standalone ? 'standalone' : 'inline',
        at: f.at,
        because: f.because,
        data: { group: f.group, cidr: f.cidr, ...exposure(f.range, ports) },
      });
    }
  },
});
