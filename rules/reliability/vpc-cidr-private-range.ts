import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { containsBlock, type Ipv4Block, parseIpv4Cidr, RFC1918, SHARED_ADDRESS_SPACE } from '../../src/rule-helpers/ipv4-cidr.ts';
import { perRun } from '../../src/rule-helpers/per-run.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString, isSet } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import type { Variant } from '../../src/values/variant.ts';

const VPC = 'AWS::EC2::VPC';
const CIDR_BLOCK = 'AWS::EC2::VPCCidrBlock';

// Declared apart from the rule so that the functions below report with checked message ids.
const messages = {
  publicRange:
    '{{subject}} {{logicalId}} uses {{cidr}}, which is outside the private ranges of RFC 1918: those addresses belong to someone on the internet, whom hosts in the VPC can then no longer reach.',
  sharedRange:
    '{{subject}} {{logicalId}} uses {{cidr}}, from the shared address space 100.64.0.0/10 that carrier-grade NAT networks also use: networks connected to the VPC may use the same addresses.',
  overlap:
    'VPC {{logicalId}} uses {{cidr}}, which overlaps VPC {{other}} ({{otherCidr}}) in the same template: the two cannot be peered or routed to each other.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

export default defineRule({
  id: 'vpc-cidr-private-range',
  pillar: 'reliability',
  level: 'warning',
  title: 'VPC CIDR blocks use private (RFC 1918) address space',
  rationale:
    'AWS lets a VPC use any IPv4 range, including publicly routable addresses that belong to someone else. Hosts in such ' +
    'a VPC cannot reach the real owners of those addresses, and the range clashes with other networks when VPCs are ' +
    'peered or connected to data centers. The private ranges of RFC 1918, planned so that VPCs do not overlap, keep ' +
    'every network reachable.',
  remediation:
    'Use a block from 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (or allocate from an IPAM pool), different from the ' +
    'ranges of the networks the VPC connects to.\n\n```yaml\nCidrBlock: 10.0.0.0/16\n```',
  wellArchitected: ['REL02-BP05'],
  securitySeverity: '3.0',
  appliesTo: [VPC, CIDR_BLOCK],
  tags: ['security'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  Vpc:',
      '    Type: AWS::EC2::VPC',
      '    Properties:',
      '      CidrBlock: 172.0.0.0/16',
      '      EnableDnsHostnames: true',
    ].join('\n'),
    compliant: ['Resources:', '  Vpc:', '    Type: AWS::EC2::VPC', '    Properties:', '      CidrBlock: 172.16.0.0/16', '      EnableDnsHostnames: true'].join(
      '\n',
    ),
    notes:
      'Checks the IPv4 `CidrBlock` of `AWS::EC2::VPC` and `AWS::EC2::VPCCidrBlock`. A block in the shared address space ' +
      '100.64.0.0/10 (RFC 6598), which AWS accepts, is a note. Two VPCs of one template whose primary blocks overlap are ' +
      'reported on the second one (both created under different conditions are not compared). Not applicable: blocks ' +
      'allocated from an IPAM pool (`Ipv4IpamPoolId`) and IPv6 blocks. A block known only at deploy time (a parameter ' +
      'without a Default, an import) is not a finding; `--report-unknown` lists it.',
  },
  check(resource, ctx) {
    const subject = resource.type === VPC ? 'VPC' : 'Secondary CIDR block';
    for (const [cidr, pool] of ctx.each(ctx.value(resource, ['Properties', 'CidrBlock']), ctx.value(resource, ['Properties', 'Ipv4IpamPoolId']))) {
      if (isSet(pool) || cidr.kind === 'absent' || !ctx.known(cidr, 'CidrBlock')) continue;
      const text = asString(cidr);
      const block = text === undefined ? undefined : parseIpv4Cidr(text);
      if (!block) continue;
      if (RFC1918.some((range) => containsBlock(range, block))) {
        if (resource.type === VPC) checkOverlap(ctx, resource, cidr, text ?? '');
        continue;
      }
      const shared = containsBlock(SHARED_ADDRESS_SPACE, block);
      ctx.report({ messageId: shared ? 'sharedRange' : 'publicRange', level: shared ? 'note' : undefined, at: cidr, data: { subject, cidr: valueText(text) } });
      if (resource.type === VPC) checkOverlap(ctx, resource, cidr, text ?? '');
    }
  },
});

/** The primary blocks of each VPC, read once per template run: the overlap check compares every pair. */
const blocksOf = perRun<Resource, Array<{ variant: Variant; text: string; block: NonNullable<ReturnType<typeof parseIpv4Cidr>> }>>();

function primaryBlocks(ctx: Ctx, vpc: Resource) {
  return blocksOf(ctx, vpc, () => {
    const blocks = [];
    for (const variant of ctx.value(vpc, ['Properties', 'CidrBlock'])) {
      const text = asString(variant);
      const block = text === undefined ? undefined : parseIpv4Cidr(text);
      if (text !== undefined && block) blocks.push({ variant, text, block });
    }
    return blocks;
  });
}

/**
 * Overlap with a VPC declared earlier in the template, reported on the later VPC and once per block (naming the first
 * VPC it overlaps), so a template of many VPCs on one range gets one finding per VPC, not one per pair.
 */
function checkOverlap(ctx: Ctx, vpc: Resource, cidr: Variant, text: string): void {
  const block = parseIpv4Cidr(text);
  if (!block) return;
  const { order, entries } = overlapIndex(ctx);
  const position = order.get(vpc) ?? 0;
  // The first overlapping block of a VPC declared earlier, in template order (VPC, then its reading), as a scan of the
  // earlier VPCs would meet it. VPCs created under different conditions may never exist together.
  let first: BlockEntry | undefined;
  const before = (e: BlockEntry) =>
    e.position < position && (!first || e.position < first.position || (e.position === first.position && e.index < first.index));
  const eligible = (e: BlockEntry) => !(vpc.condition && e.vpc.condition && vpc.condition !== e.vpc.condition) && ctx.each([e.variant], [cidr]).length > 0;
  // Two CIDR blocks overlap only when one holds the other: the blocks that hold this one (one network per shorter
  // prefix, each list in template order) and those it holds (a run of the blocks sorted by first address).
  for (let prefix = 0; prefix <= block.prefix; prefix++) {
    const size = 2 ** (32 - prefix);
    for (const e of entries.byKey.get(`${block.first - (block.first % size)}/${prefix}`) ?? []) {
      if (!before(e)) break;
      if (eligible(e)) {
        first = e;
        break;
      }
    }
  }
  const sorted = entries.sorted;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid]?.block.first ?? Infinity) < block.first) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length; i++) {
    const e = sorted[i] as BlockEntry;
    if (e.block.first >= block.first + block.size) break;
    if (e.block.prefix > block.prefix && before(e) && eligible(e)) first = e;
  }
  if (!first) return;
  ctx.report({
    messageId: 'overlap',
    at: cidr,
    because: [first.variant],
    data: { cidr: valueText(text), other: first.vpc.logicalId, otherCidr: valueText(first.text) },
  });
}

interface BlockEntry {
  vpc: Resource;
  /** The VPC's place among the template's VPCs, and the block's among its readings. */
  position: number;
  index: number;
  variant: Variant;
  text: string;
  block: Ipv4Block;
}

/** Every VPC's primary blocks by network and prefix, and sorted by first address: built once per run. */
function overlapIndex(ctx: Ctx): { order: Map<Resource, number>; entries: { byKey: Map<string, BlockEntry[]>; sorted: BlockEntry[] } } {
  return indexOf(ctx, ctx.template, () => {
    const order = new Map<Resource, number>();
    const byKey = new Map<string, BlockEntry[]>();
    const sorted: BlockEntry[] = [];
    ctx.graph.ofType(VPC).forEach((vpc, position) => {
      order.set(vpc, position);
      primaryBlocks(ctx, vpc).forEach(({ variant, text, block }, index) => {
        const entry = { vpc, position, index, variant, text, block };
        const key = `${block.first}/${block.prefix}`;
        const list = byKey.get(key);
        if (list) list.push(entry);
        else byKey.set(key, [entry]);
        sorted.push(entry);
      });
    });
    sorted.sort((a, b) => a.block.first - b.block.first);
    return { order, entries: { byKey, sorted } };
  });
}
const indexOf = perRun<object, ReturnType<typeof overlapIndex>>();
