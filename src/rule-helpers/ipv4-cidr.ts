// IPv4 CIDR blocks as numbers, for the VPC address-plan rules (vpc-cidr-private-range, vpc-cidr-size-recommended):
// parsing, containment and overlap.

/** An IPv4 block: its first address and its size, as numbers (the address is aligned to the prefix). */
export interface Ipv4Block {
  first: number;
  prefix: number;
  /** Number of addresses: 2^(32 - prefix). */
  size: number;
}

/** "10.0.0.0/16" → the block; undefined for anything that is not an IPv4 CIDR (IPv6, a bare address, junk). */
export function parseIpv4Cidr(text: string): Ipv4Block | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const address = (octets[0] ?? 0) * 2 ** 24 + (octets[1] ?? 0) * 2 ** 16 + (octets[2] ?? 0) * 2 ** 8 + (octets[3] ?? 0);
  const size = 2 ** (32 - prefix);
  return { first: address - (address % size), prefix, size };
}

/** Whether `inner` lies wholly inside `outer`. */
export function containsBlock(outer: Ipv4Block, inner: Ipv4Block): boolean {
  return inner.first >= outer.first && inner.first + inner.size <= outer.first + outer.size;
}

/** Whether two blocks share at least one address. */
export function overlapsBlock(a: Ipv4Block, b: Ipv4Block): boolean {
  return a.first < b.first + b.size && b.first < a.first + a.size;
}

/** The private address ranges of RFC 1918. */
export const RFC1918 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => parseIpv4Cidr(c) as Ipv4Block);

/** The shared address space of RFC 6598 (carrier-grade NAT), which AWS accepts for VPCs. */
export const SHARED_ADDRESS_SPACE = parseIpv4Cidr('100.64.0.0/10') as Ipv4Block;
