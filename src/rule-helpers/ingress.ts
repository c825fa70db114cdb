// The ingress model the world-open ingress rules share (SSH, RDP, high-risk ports, authorised ports): which ingress
// rules of a security group (inline, or standalone AWS::EC2::SecurityGroupIngress) are open to the whole internet, on
// which protocol and ports, and which group they belong to.
import type { RuleContext } from '../engine/rule.ts';
import type { Resource } from '../template/model.ts';
import { asNumber, asString } from '../values/coerce.ts';
import type { Variant } from '../values/variant.ts';
import { clip, valueText } from '../values/quote.ts';
import { own } from './lookup.ts';
import { perRun } from './per-run.ts';

/** Both inline ingress of AWS::EC2::SecurityGroup and standalone AWS::EC2::SecurityGroupIngress. */
export const INGRESS_TYPES = ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'];

/** 0.0.0.0/0 and every spelling of ::/0 (0:0:0:0:0:0:0:0/0, ::0/0, ...). */
export function isWorldCidr(cidr: string): boolean {
  const [address = '', prefix] = cidr.trim().split('/');
  if (prefix === undefined || Number(prefix) !== 0) return false;
  if (address.includes(':')) return address.split(':').every((group) => group === '' || /^0+$/.test(group));
  return /^0+\.0+\.0+\.0+$/.test(address);
}

export type Transport = 'tcp' | 'udp';

/** An ingress entry's protocol, normalised: every protocol (`-1`), TCP, UDP, ICMP, or another IP protocol by number. */
export type IngressProtocol = 'all' | 'tcp' | 'udp' | 'icmp' | 'icmpv6' | `ip-${string}`;

const PROTOCOL_ALIASES: Record<string, IngressProtocol> = {
  '-1': 'all',
  all: 'all',
  tcp: 'tcp',
  '6': 'tcp',
  udp: 'udp',
  '17': 'udp',
  icmp: 'icmp',
  '1': 'icmp',
  icmpv6: 'icmpv6',
  '58': 'icmpv6',
};

/** What an entry opens: a protocol and, for TCP and UDP, an inclusive port range (every port for `-1`). */
export interface PortRange {
  protocol: IngressProtocol;
  from: number;
  to: number;
}

/**
 * The protocol and ports of one reading of an entry: a range, `unknown` (with the value to blame), or undefined when
 * the entry names no protocol or no usable ports (a deployment error, not a finding).
 */
function decodeRange(protocol: Variant, from: Variant, to: Variant): PortRange | { unknown: Variant; protocol?: IngressProtocol } | undefined {
  const p = asString(protocol)?.toLowerCase();
  if (p === undefined) return protocol.kind === 'unknown' ? { unknown: protocol } : undefined;
  const name: IngressProtocol = own(PROTOCOL_ALIASES, p) ?? `ip-${p}`;
  // Every protocol and every port: FromPort/ToPort are ignored. Other protocols than TCP/UDP have no ports.
  if (name !== 'tcp' && name !== 'udp') return { protocol: name, from: 0, to: 65535 };
  const lo = asNumber(from);
  const hi = asNumber(to);
  if (lo === -1 || hi === -1) return { protocol: name, from: 0, to: 65535 };
  if (lo === undefined || hi === undefined) {
    if (from.kind === 'unknown') return { unknown: from, protocol: name };
    if (to.kind === 'unknown') return { unknown: to, protocol: name };
    return undefined;
  }
  return { protocol: name, from: lo, to: hi };
}

/** Whether a range of `transport` includes `port`; every protocol (`-1`) counts once, as TCP. */
export function rangeCovers(range: PortRange, port: number, transport: Transport = 'tcp'): boolean {
  if (range.protocol === 'all') return transport === 'tcp';
  return range.protocol === transport && range.from <= port && port <= range.to;
}

export interface WorldOpenFinding {
  /** Where to report: the inline entry, or the standalone rule's CIDR value. */
  at: Variant;
  because: Variant[];
  cidr: string;
  /** The group the rule belongs to, in words: "security group AppSg" or one from outside the template. */
  group: string;
  standalone: boolean;
}

/** An ingress entry as read: each consistent reading of its fields, and the groups it belongs to. */
interface IngressEntry {
  /** The inline entry, or the standalone rule's Properties; when unknown, there is nothing else to read. */
  entry: Variant;
  groups: Array<{ variant: Variant; name: string }>;
  /** IpProtocol, FromPort, ToPort, CidrIp, CidrIpv6. */
  readings: Array<[Variant, Variant, Variant, Variant, Variant]>;
}

// The SSH, RDP and open-port checks ask about the same entries: they are read once per resource and run.
const entriesOf = perRun<Resource, IngressEntry[]>();

function ingressEntries(ctx: RuleContext<any, any>, resource: Resource): IngressEntry[] {
  return entriesOf(ctx, resource, () => readIngressEntries(ctx, resource));
}

function readIngressEntries(ctx: RuleContext<any, any>, resource: Resource): IngressEntry[] {
  const entries: IngressEntry[] = [];
  const standalone = resource.type === 'AWS::EC2::SecurityGroupIngress';
  const found = standalone ? ctx.value(resource, ['Properties']) : ctx.items(resource, ['Properties', 'SecurityGroupIngress']);
  for (const entry of found) {
    if (entry.kind === 'unknown') entries.push({ entry, groups: [], readings: [] });
    if (entry.kind !== 'literal') continue;
    const field = (name: string) => ctx.value(entry, [name]);
    entries.push({
      entry,
      groups: standalone ? groupOf(ctx, resource) : [{ variant: entry, name: `security group ${resource.logicalId}` }],
      readings: ctx.each(field('IpProtocol'), field('FromPort'), field('ToPort'), field('CidrIp'), field('CidrIpv6')),
    });
  }
  return entries;
}

/** A world-open ingress rule with what it opens. */
export interface WorldOpenRange extends WorldOpenFinding {
  range: PortRange;
}

/**
 * Every ingress rule of `resource` open to the whole internet whose protocol and ports `relevant` accepts, one per
 * reading of the entry and group. `what` names the ingress rules the caller is after, for --report-unknown: an unknown
 * source range is noted when the entry's ports are relevant, unknown ports when its source is world-open. Unknown
 * entries are noted when `noteEntries` is true (a rule that asks twice notes them once).
 */
export function worldOpenRanges(
  ctx: RuleContext<any, any>,
  resource: Resource,
  what: string,
  relevant: (range: PortRange) => boolean,
  noteEntries = true,
): WorldOpenRange[] {
  const found: WorldOpenRange[] = [];
  const standalone = resource.type === 'AWS::EC2::SecurityGroupIngress';
  for (const { entry, groups, readings } of ingressEntries(ctx, resource)) {
    if (entry.kind === 'unknown') {
      if (noteEntries) ctx.unknown(entry, 'the ingress rules');
      continue;
    }
    for (const [protocol, from, to, v4, v6] of readings) {
      const range = decodeRange(protocol, from, to);
      if (range === undefined) continue;
      // Unknown ports of a known protocol: irrelevant when no port of that protocol is.
      const widest = 'unknown' in range ? range.protocol && { protocol: range.protocol, from: 0, to: 65535 } : range;
      if (widest && !relevant(widest)) continue;
      for (const cidr of [v4, v6]) {
        if (cidr.kind === 'absent') continue;
        const text = asString(cidr);
        if (text === undefined) {
          ctx.unknown(cidr, `the source range of the ${what} ingress rule`);
          continue;
        }
        if (!isWorldCidr(text)) continue;
        if ('unknown' in range) {
          ctx.unknown(range.unknown, `the ports of a world-open ingress rule`);
          continue;
        }
        for (const group of groups) {
          found.push({
            at: standalone ? cidr : entry,
            because: [protocol, from, to, cidr, group.variant],
            cidr: clip(text),
            group: group.name,
            standalone,
            range,
          });
        }
      }
    }
  }
  return found;
}

/** Every ingress rule of `resource` that opens `port` to the whole internet. Unknown values are noted, never guessed. */
export function worldOpenIngress(ctx: RuleContext<any, any>, resource: Resource, port: number, what: string, transport: Transport = 'tcp'): WorldOpenFinding[] {
  return worldOpenRanges(ctx, resource, what, (range) => rangeCovers(range, port, transport), transport === 'tcp');
}

/** The security group a standalone ingress rule belongs to, through GroupId (Ref/GetAtt) or GroupName. */
function groupOf(ctx: RuleContext<any, any>, ingress: Resource): Array<{ variant: Variant; name: string }> {
  const out: Array<{ variant: Variant; name: string }> = [];
  for (const [id, name] of ctx.each(ctx.value(ingress, ['Properties', 'GroupId']), ctx.value(ingress, ['Properties', 'GroupName']))) {
    const v = id.kind !== 'absent' ? id : name;
    if (v.ref) out.push({ variant: v, name: `security group ${v.ref.logicalId}` });
    else if (v.kind === 'literal') out.push({ variant: v, name: `security group ${valueText(v.value)}` });
    else out.push({ variant: v, name: 'a security group from outside this template' });
  }
  return out;
}

/** The ports the FSBP control EC2.19 calls high-risk, with their usual service; 22 and 3389 have rules of their own. */
export const HIGH_RISK_PORTS: ReadonlyMap<number, string> = new Map([
  [20, 'FTP data'],
  [21, 'FTP'],
  [23, 'Telnet'],
  [25, 'SMTP'],
  [110, 'POP3'],
  [135, 'Windows RPC'],
  [143, 'IMAP'],
  [445, 'SMB'],
  [1433, 'SQL Server'],
  [1434, 'SQL Server browser'],
  [3000, 'development servers'],
  [3306, 'MySQL'],
  [4333, 'mSQL'],
  [5000, 'development servers'],
  [5432, 'PostgreSQL'],
  [5500, 'VNC'],
  [5601, 'Kibana'],
  [8080, 'HTTP proxies and alternate HTTP'],
  [8088, 'alternate HTTP'],
  [8888, 'alternate HTTP'],
  [9200, 'Elasticsearch'],
  [9300, 'Elasticsearch cluster'],
]);

const PROTOCOL_WORDS: Record<string, string> = { tcp: 'TCP', udp: 'UDP', icmp: 'ICMP', icmpv6: 'ICMPv6' };

/** What a range opens, in words: "every protocol and port", "TCP port 22", "TCP ports 0-65535", "IP protocol 50". */
export function rangeText(range: PortRange): string {
  if (range.protocol === 'all') return 'every protocol and port';
  if (range.protocol !== 'tcp' && range.protocol !== 'udp') return PROTOCOL_WORDS[range.protocol] ?? `IP protocol ${range.protocol.slice(3)}`;
  const name = PROTOCOL_WORDS[range.protocol];
  return range.from === range.to ? `${name} port ${range.from}` : `${name} ports ${range.from}-${range.to}`;
}
