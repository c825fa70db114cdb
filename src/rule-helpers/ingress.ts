// The ingress model the SSH and RDP rules share: which ingress rules of a security group (inline, or standalone
// AWS::EC2::SecurityGroupIngress) open a port to the whole internet, and which group they belong to.
import type { RuleContext } from '../engine/rule.ts';
import type { Resource } from '../template/model.ts';
import { asNumber, asString } from '../values/coerce.ts';
import type { Variant } from '../values/variant.ts';
import { clip, valueText } from '../values/quote.ts';

/** Both inline ingress of AWS::EC2::SecurityGroup and standalone AWS::EC2::SecurityGroupIngress. */
export const INGRESS_TYPES = ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'];

/** 0.0.0.0/0 and every spelling of ::/0 (0:0:0:0:0:0:0:0/0, ::0/0, ...). */
export function isWorldCidr(cidr: string): boolean {
  const [address = '', prefix] = cidr.trim().split('/');
  if (prefix === undefined || Number(prefix) !== 0) return false;
  if (address.includes(':')) return address.split(':').every((group) => group === '' || /^0+$/.test(group));
  return /^0+\.0+\.0+\.0+$/.test(address);
}

type Coverage = 'yes' | 'no' | 'unknown';

export type Transport = 'tcp' | 'udp';
const PROTOCOL_NAMES: Record<Transport, string[]> = { tcp: ['tcp', '6'], udp: ['udp', '17'] };

/** Whether an ingress entry's protocol and port range include `port` over `transport`. */
function coversPort(protocol: Variant, from: Variant, to: Variant, port: number, transport: Transport): Coverage {
  const p = asString(protocol)?.toLowerCase();
  if (p === undefined) return protocol.kind === 'unknown' ? 'unknown' : 'no';
  // Every protocol and port; reported once, with TCP.
  if (p === '-1' || p === 'all') return transport === 'tcp' ? 'yes' : 'no';
  if (!PROTOCOL_NAMES[transport].includes(p)) return 'no';
  const lo = asNumber(from);
  const hi = asNumber(to);
  if (lo === -1 || hi === -1) return 'yes';
  if (lo === undefined || hi === undefined) return from.kind === 'unknown' || to.kind === 'unknown' ? 'unknown' : 'no';
  return lo <= port && port <= hi ? 'yes' : 'no';
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

// The SSH and both RDP checks ask about the same entries: they are read once per resource and lint run (the
// context is one per template run, so the cache goes with it).
const entriesByRun = new WeakMap<RuleContext<any, any>, Map<Resource, IngressEntry[]>>();

function ingressEntries(ctx: RuleContext<any, any>, resource: Resource): IngressEntry[] {
  let byResource = entriesByRun.get(ctx);
  if (!byResource) entriesByRun.set(ctx, (byResource = new Map()));
  let entries = byResource.get(resource);
  if (entries) return entries;
  entries = [];
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
  byResource.set(resource, entries);
  return entries;
}

/** Every ingress rule of `resource` that opens `port` to the whole internet. Unknown values are noted, never guessed. */
export function worldOpenIngress(ctx: RuleContext<any, any>, resource: Resource, port: number, what: string, transport: Transport = 'tcp'): WorldOpenFinding[] {
  const found: WorldOpenFinding[] = [];
  const standalone = resource.type === 'AWS::EC2::SecurityGroupIngress';
  for (const { entry, groups, readings } of ingressEntries(ctx, resource)) {
    if (entry.kind === 'unknown') {
      if (transport === 'tcp') ctx.unknown(entry, 'the ingress rules');
      continue;
    }
    for (const [protocol, from, to, v4, v6] of readings) {
      const coverage = coversPort(protocol, from, to, port, transport);
      if (coverage === 'no') continue;
      for (const cidr of [v4, v6]) {
        if (cidr.kind === 'absent') continue;
        const text = asString(cidr);
        if (text === undefined) {
          ctx.unknown(cidr, `the source range of the ${what} ingress rule`);
          continue;
        }
        if (!isWorldCidr(text)) continue;
        if (coverage === 'unknown') {
          ctx.unknown(protocol.kind === 'unknown' ? protocol : from.kind === 'unknown' ? from : to, `the ports of a world-open ingress rule`);
          continue;
        }
        for (const group of groups) {
          found.push({
            at: standalone ? cidr : entry,
            because: [protocol, from, to, cidr, group.variant],
            cidr: clip(text),
            group: group.name,
            standalone,
          });
        }
      }
    }
  }
  return found;
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
