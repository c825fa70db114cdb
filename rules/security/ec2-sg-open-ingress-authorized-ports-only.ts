import { defineRule } from '../../src/engine/rule.ts';
import { option } from '../../src/engine/options.ts';
import { HIGH_RISK_PORTS, INGRESS_TYPES, rangeText, worldOpenRanges, type PortRange } from '../../src/rule-helpers/ingress.ts';
import { listWords } from '../../src/words.ts';

type Span = [number, number];

/** A port list option: single ports (443) or ranges ("1024-2048"), as AWS Config's authorizedTcpPorts writes them. */
const portList = (description: string, defaults: ReadonlyArray<number | string>) =>
  option.custom<ReadonlyArray<number | string>>(
    {
      type: 'array',
      items: {
        anyOf: [
          { type: 'integer', minimum: 0, maximum: 65535 },
          { type: 'string', pattern: '^\\d{1,5}(-\\d{1,5})?$' },
        ],
      },
      uniqueItems: true,
    },
    { description, default: defaults },
  );

function spans(ports: ReadonlyArray<number | string>): Span[] {
  return ports.map((p): Span => {
    if (typeof p === 'number') return [p, p];
    const [lo = '', hi = lo] = p.split('-');
    return [Number(lo), Number(hi)];
  });
}

/** The ports of [from, to] outside every span, as spans. */
function outside(from: number, to: number, covered: Span[]): Span[] {
  const out: Span[] = [];
  let next = from;
  for (const [lo, hi] of [...covered].sort((a, b) => a[0] - b[0])) {
    if (hi < next || lo > to) continue;
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
    if (next > to) break;
  }
  if (next <= to) out.push([next, to]);
  return out;
}

// Ports with a rule of their own (ec2-sg-ssh-restricted, ec2-sg-rdp-restricted over TCP and UDP, and
// ec2-sg-high-risk-ports-restricted): an entry that opens only those is reported there, not twice.
const OWN_RULES: Record<'tcp' | 'udp', Span[]> = {
  tcp: [[22, 22], [3389, 3389], ...[...HIGH_RISK_PORTS.keys()].map((p): Span => [p, p])],
  udp: [[3389, 3389]],
};

function authorisedText(tcp: ReadonlyArray<number | string>, udp: ReadonlyArray<number | string>): string {
  const parts = [tcp.length ? `TCP ${listWords(tcp.map(String))}` : '', udp.length ? `UDP ${listWords(udp.map(String))}` : ''].filter(Boolean);
  return parts.length ? parts.join(' and ') : 'no port';
}

export default defineRule({
  id: 'ec2-sg-open-ingress-authorized-ports-only',
  pillar: 'security',
  level: 'warning',
  title: 'World-open ingress only on authorised ports (default TCP 80 and 443)',
  rationale:
    'Every port open to 0.0.0.0/0 or ::/0 is a service the whole internet can probe. A public web tier needs HTTP and HTTPS; ' +
    'anything else open to the world (an admin console, a metrics endpoint, a forgotten test listener, every port of a ' +
    'range) widens the attack surface without a reason anyone decided on.',
  remediation:
    'Open to the internet only the ports your service publishes (by default TCP 80 and 443) and give every other port a ' +
    "narrower source: a security group, a private range or a managed prefix list. List other public ports in the rule's " +
    '`authorizedTcpPorts` / `authorizedUdpPorts` options.\n\n' +
    '```yaml\nSecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 443\n    ToPort: 443\n    CidrIp: 0.0.0.0/0   # only the public listener port\n```',
  wellArchitected: ['SEC05-BP02', 'SEC05-BP01'],
  securityHub: ['EC2.18'],
  securitySeverity: '5.3',
  appliesTo: INGRESS_TYPES,
  peers: {
    cfn_nag: [
      'W2', // any ingress open to the world
      'W9', // ingress from any range wider than /32 (the world among them)
      'W42', // ingress with IpProtocol -1
    ],
    cdk_nag: ['AwsSolutions-EC23'], // any /0 ingress
    guard: ['EC2_SECURITY_GROUP_INGRESS_OPEN_TO_WORLD_RULE'], // any ingress from 0.0.0.0/0 or ::/0
  },
  options: {
    authorizedTcpPorts: portList('TCP ports that may be open to 0.0.0.0/0 or ::/0: port numbers or ranges such as "1024-2048".', [80, 443]),
    authorizedUdpPorts: portList('UDP ports that may be open to 0.0.0.0/0 or ::/0: port numbers or ranges such as "500" or "4500-4501".', []),
  },
  messages: {
    inline: 'The {{group}} allows {{opening}} from {{cidr}}; only {{authorised}} may be open to the internet.',
    standalone: 'Ingress rule {{logicalId}} opens {{opening}} of {{group}} to {{cidr}}; only {{authorised}} may be open to the internet.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  WebSecurityGroup:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: Public web servers',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      SecurityGroupIngress:',
      '        - IpProtocol: tcp',
      '          FromPort: 443',
      '          ToPort: 443',
      '          CidrIp: 0.0.0.0/0',
      '        - IpProtocol: tcp',
      '          FromPort: 9090',
      '          ToPort: 9090',
      '          CidrIp: 0.0.0.0/0',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  WebSecurityGroup:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: Public web servers; metrics from the monitoring network',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      SecurityGroupIngress:',
      '        - IpProtocol: tcp',
      '          FromPort: 443',
      '          ToPort: 443',
      '          CidrIp: 0.0.0.0/0',
      '        - IpProtocol: tcp',
      '          FromPort: 9090',
      '          ToPort: 9090',
      '          CidrIp: 10.40.0.0/16',
    ].join('\n'),
    notes:
      'An ingress entry open to `0.0.0.0/0` or `::/0` (in any spelling) is reported when it opens a TCP or UDP port outside ' +
      'the authorised lists (options `authorizedTcpPorts`, default `[80, 443]`, and `authorizedUdpPorts`, default none, ' +
      'written like the AWS Config rule behind EC2.18: port numbers or ranges such as `"1024-2048"`), or every protocol ' +
      '(`-1`). ICMP and other IP protocols are not ports and are not checked, as in AWS Config. Ports that have a rule of ' +
      'their own are left to it so that one entry is not reported twice for them: 22 (ec2-sg-ssh-restricted), 3389 over ' +
      'TCP and UDP (ec2-sg-rdp-restricted) and the high-risk ports of ec2-sg-high-risk-ports-restricted (its default list); ' +
      'a range that also opens other unauthorised ports is reported here. Both inline `SecurityGroupIngress` entries and ' +
      'standalone `AWS::EC2::SecurityGroupIngress` resources are checked, with the same ingress model as those rules. ' +
      'Sources given as a security group or a prefix list are never world-open. A source range, protocol or port only ' +
      'known at deploy time (an import, a parameter without a Default) is not a finding; `--report-unknown` lists it. ' +
      'The catalog lists cfn_nag W27 (port ranges from any source) as a peer; it is not one, since a range from a private ' +
      'source is no concern of this rule.',
  },
  check(resource, ctx) {
    const { authorizedTcpPorts: tcp, authorizedUdpPorts: udp } = ctx.options;
    const allowed = { tcp: [...spans(tcp), ...OWN_RULES.tcp], udp: [...spans(udp), ...OWN_RULES.udp] };
    const unauthorised = (range: PortRange) => {
      if (range.protocol === 'all') return true;
      if (range.protocol !== 'tcp' && range.protocol !== 'udp') return false;
      return outside(range.from, range.to, allowed[range.protocol]).length > 0;
    };
    const authorised = authorisedText(tcp, udp);
    for (const f of worldOpenRanges(ctx, resource, 'unauthorised-port', unauthorised)) {
      ctx.report({
        messageId: f.standalone ? 'standalone' : 'inline',
        at: f.at,
        because: f.because,
        data: { group: f.group, cidr: f.cidr, opening: rangeText(f.range), authorised },
      });
    }
  },
});
