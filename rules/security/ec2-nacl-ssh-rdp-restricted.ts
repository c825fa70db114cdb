import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { isWorldCidr } from '../../src/rule-helpers/ingress.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asNumber, asString } from '../../src/values/coerce.ts';
import { clip, valueText } from '../../src/values/quote.ts';
import type { Variant } from '../../src/values/variant.ts';
import { listWords } from '../../src/words.ts';

const ENTRY = 'AWS::EC2::NetworkAclEntry';
const PORTS: Array<[number, string]> = [
  [22, 'SSH (port 22)'],
  [3389, 'RDP (port 3389)'],
];

type Verdict = 'yes' | 'no' | 'unknown';

/** The fields of an entry that decide what it lets in: one reading per consistent combination. */
type Reading = [egress: Variant, action: Variant, protocol: Variant, from: Variant, to: Variant, v4: Variant, v6: Variant, number: Variant];

function readings(ctx: RuleContext<any, any>, entry: Resource): Reading[] {
  const prop = (...path: string[]) => ctx.value(entry, ['Properties', ...path]);
  return ctx.each(
    prop('Egress'),
    prop('RuleAction'),
    prop('Protocol'),
    prop('PortRange', 'From'),
    prop('PortRange', 'To'),
    prop('CidrBlock'),
    prop('Ipv6CidrBlock'),
    prop('RuleNumber'),
  ) as Reading[];
}

/** Whether an inbound entry's protocol and port range include `port` over TCP or UDP (-1: every protocol and port). */
function coversPort(protocol: Variant, from: Variant, to: Variant, port: number): Verdict {
  const p = asString(protocol)?.toLowerCase();
  if (p === undefined) return protocol.kind === 'unknown' ? 'unknown' : 'no';
  if (p === '-1' || p === 'all') return 'yes';
  if (!['6', '17', 'tcp', 'udp'].includes(p)) return 'no';
  const lo = asNumber(from);
  const hi = asNumber(to);
  if (lo === undefined || hi === undefined) return from.kind === 'unknown' || to.kind === 'unknown' ? 'unknown' : 'no';
  return lo <= port && port <= hi ? 'yes' : 'no';
}

/** What an entry opens when it is more than the one port: "every protocol and port", "TCP ports 1024-65535". */
function openingText(protocol: Variant, from: Variant, to: Variant): string | undefined {
  const p = asString(protocol)?.toLowerCase();
  if (p === '-1' || p === 'all') return 'every protocol and port';
  const lo = asNumber(from);
  const hi = asNumber(to);
  if (lo === hi) return undefined;
  return `${p === '17' || p === 'udp' ? 'UDP' : 'TCP'} ports ${lo}-${hi}`;
}

/** Egress absent or false: an inbound entry. */
function inbound(egress: Variant): Verdict {
  if (egress.kind === 'absent') return 'yes';
  const b = asBoolean(egress);
  return b === undefined ? 'unknown' : b ? 'no' : 'yes';
}

function action(v: Variant, wanted: 'allow' | 'deny'): Verdict {
  const text = asString(v)?.toLowerCase();
  return text === undefined ? (v.kind === 'unknown' ? 'unknown' : 'no') : text === wanted ? 'yes' : 'no';
}

/** The ACL an entry belongs to, as a key that sibling entries share (a Ref to one ACL, or one literal id). */
function aclKey(v: Variant): string | undefined {
  if (v.ref) return `ref:${v.ref.logicalId}`;
  const text = asString(v);
  return text === undefined ? undefined : `id:${text}`;
}

function aclName(v: Variant): string {
  if (v.ref) return `network ACL ${v.ref.logicalId}`;
  const text = asString(v);
  return text === undefined ? 'a network ACL from outside this template' : `network ACL ${valueText(text)}`;
}

function all(verdicts: Verdict[]): Verdict {
  if (verdicts.includes('no')) return 'no';
  return verdicts.includes('unknown') ? 'unknown' : 'yes';
}

/**
 * Whether a lower-numbered inbound deny entry of the same ACL, for the whole internet of the same IP family, stops
 * `port` before the allow entry numbered `number` is reached (NACL entries are evaluated in rule-number order).
 */
function shadowed(ctx: RuleContext<any, any>, allow: Resource, key: string, number: number, family: 'v4' | 'v6', port: number): Verdict {
  let verdict: Verdict = 'no';
  for (const sibling of ctx.graph.ofType(ENTRY)) {
    if (sibling === allow) continue;
    const acls = ctx.value(sibling, ['Properties', 'NetworkAclId']);
    if (!acls.some((acl) => aclKey(acl) === key)) continue;
    const verdicts = readings(ctx, sibling).map(([egress, act, protocol, from, to, v4, v6, n]): Verdict => {
      const cidr = family === 'v4' ? v4 : v6;
      const text = asString(cidr);
      const world: Verdict = text === undefined ? (cidr.kind === 'unknown' ? 'unknown' : 'no') : isWorldCidr(text) ? 'yes' : 'no';
      const rank = asNumber(n);
      const earlier: Verdict = rank === undefined ? (n.kind === 'unknown' ? 'unknown' : 'no') : rank < number ? 'yes' : 'no';
      return all([inbound(egress), action(act, 'deny'), world, earlier, coversPort(protocol, from, to, port)]);
    });
    const v = verdicts.length ? all(verdicts) : 'no';
    if (v === 'yes') return 'yes';
    if (v === 'unknown') verdict = 'unknown';
  }
  return verdict;
}

export default defineRule({
  id: 'ec2-nacl-ssh-rdp-restricted',
  pillar: 'security',
  level: 'warning',
  title: 'Network ACLs do not allow SSH/RDP from the whole internet',
  rationale:
    'A network ACL is the subnet-wide layer under security groups. An inbound entry that allows SSH or RDP from 0.0.0.0/0 ' +
    'or ::/0 leaves that layer open for remote administration from anywhere: a single security group mistake then exposes ' +
    'every instance of the subnets to internet-wide scanning and password attacks.',
  remediation:
    'Allow ports 22 and 3389 only from your admin network or VPN range, or deny them from the internet with a lower-numbered ' +
    'entry, and use AWS Systems Manager Session Manager for remote access.\n\n' +
    '```yaml\nType: AWS::EC2::NetworkAclEntry\nProperties:\n  NetworkAclId: !Ref PublicNetworkAcl\n  RuleNumber: 100\n  RuleAction: allow\n  Protocol: 6\n  PortRange: {From: 22, To: 22}\n  CidrBlock: 10.0.0.0/16   # admin network / VPN\n```',
  wellArchitected: ['SEC05-BP02'],
  securityHub: ['EC2.21'],
  securitySeverity: '5.3',
  appliesTo: [ENTRY],
  peers: {
    cfn_nag: [
      'W66', // partial: any allow entry for every protocol (-1), whatever its source
      'W67', // partial: any allow entry over a wide port range, whatever its source
    ],
  },
  messages: {
    open: 'Network ACL entry {{logicalId}} allows {{service}} from {{cidr}} into {{acl}}{{subnets}}.',
    range: 'Network ACL entry {{logicalId}} allows {{opening}} from {{cidr}} into {{acl}}{{subnets}}, which includes {{service}}.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  PublicNetworkAcl:',
      '    Type: AWS::EC2::NetworkAcl',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '  InboundSsh:',
      '    Type: AWS::EC2::NetworkAclEntry',
      '    Properties:',
      '      NetworkAclId: !Ref PublicNetworkAcl',
      '      RuleNumber: 100',
      '      RuleAction: allow',
      '      Protocol: 6',
      '      PortRange: {From: 22, To: 22}',
      '      CidrBlock: 0.0.0.0/0',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  PublicNetworkAcl:',
      '    Type: AWS::EC2::NetworkAcl',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '  InboundSsh:',
      '    Type: AWS::EC2::NetworkAclEntry',
      '    Properties:',
      '      NetworkAclId: !Ref PublicNetworkAcl',
      '      RuleNumber: 100',
      '      RuleAction: allow',
      '      Protocol: 6',
      '      PortRange: {From: 22, To: 22}',
      '      CidrBlock: 10.20.0.0/16',
    ].join('\n'),
    notes:
      'An inbound entry (`Egress` absent or false) with `RuleAction: allow` and a source of `0.0.0.0/0` or `::/0` (any ' +
      'spelling) is reported when it lets in port 22 or 3389: protocol TCP (`6`) or UDP (`17`) with a `PortRange` that ' +
      'includes the port, or every protocol (`-1`). The catalog named only TCP; the AWS Config rule behind EC2.21 counts ' +
      'UDP too, and so does this rule. Entries are evaluated in rule-number order, so an entry is not reported when a ' +
      'lower-numbered inbound deny entry of the same ACL, for the whole internet of the same IP family, already covers the ' +
      "port. The finding points at the entry's source range and names the ACL and the subnets associated with it in the " +
      'template. cdk_nag AwsSolutions-VPC3, which the catalog lists as a peer, flags every network ACL whatever its entries, ' +
      'so its suppressions do not apply here. The default network ACL of a VPC is not declared in templates and is not checked. A value only known at ' +
      'deploy time (an import, a parameter without a Default), in the entry or in a deny entry that could stop it, is not ' +
      'a finding; `--report-unknown` lists it.',
  },
  check(entry, ctx) {
    for (const acl of ctx.value(entry, ['Properties', 'NetworkAclId'])) {
      const key = aclKey(acl);
      const subnets = key?.startsWith('ref:')
        ? ctx.graph
            .referrers(key.slice(4), 'AWS::EC2::SubnetNetworkAclAssociation', ['Properties', 'NetworkAclId'])
            .flatMap(({ resource }) => ctx.value(resource, ['Properties', 'SubnetId']))
            .map((s) => (s.ref ? s.ref.logicalId : s.kind === 'literal' ? clip(String(s.value)) : 'a subnet from outside this template'))
        : [];
      const distinct = [...new Set(subnets)];
      const subnetText = distinct.length ? ` (${distinct.length === 1 ? 'subnet' : 'subnets'} ${listWords(distinct)})` : '';
      for (const reading of readings(ctx, entry)) {
        const [egress, act, protocol, from, to, v4, v6, number] = reading;
        if (!ctx.each([acl], ...reading.map((v) => [v])).length) continue;
        const direction = inbound(egress);
        const allows = action(act, 'allow');
        if (direction === 'no' || allows === 'no') continue;
        // Only entries that can let SSH or RDP in: another entry's unknown source range is no concern of this rule.
        const relevant = PORTS.filter(([port]) => coversPort(protocol, from, to, port) !== 'no');
        if (relevant.length === 0) continue;
        for (const [cidr, family] of [
          [v4, 'v4'],
          [v6, 'v6'],
        ] as const) {
          if (cidr.kind === 'absent') continue;
          if (!ctx.known(cidr, 'the source range of the network ACL entry')) continue;
          const text = asString(cidr);
          if (text === undefined || !isWorldCidr(text)) continue;
          const services: string[] = [];
          for (const [port, service] of relevant) {
            const covers = coversPort(protocol, from, to, port);
            if (covers === 'no') continue;
            const blame = [egress, act, protocol, from, to].find((v) => v.kind === 'unknown');
            if (blame || direction === 'unknown' || allows === 'unknown' || covers === 'unknown') {
              if (blame) ctx.unknown(blame, `whether the network ACL entry lets ${service} in`);
              continue;
            }
            const rank = asNumber(number);
            const stop = key !== undefined && rank !== undefined ? shadowed(ctx, entry, key, rank, family, port) : 'no';
            if (stop === 'yes') continue;
            if (stop === 'unknown') {
              ctx.unknown(number, `whether a deny entry of the network ACL stops ${service} first`);
              continue;
            }
            services.push(service);
          }
          if (services.length === 0) continue;
          const data = { service: listWords(services), cidr: clip(text), acl: aclName(acl), subnets: subnetText };
          const because = [egress, act, protocol, from, to, acl];
          const opening = openingText(protocol, from, to);
          if (opening) ctx.report({ messageId: 'range', at: cidr, because, data: { ...data, opening } });
          else ctx.report({ messageId: 'open', at: cidr, because, data });
        }
      }
    }
  },
});
