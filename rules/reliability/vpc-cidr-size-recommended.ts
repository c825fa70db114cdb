import { option } from '../../src/engine/options.ts';
import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { containsBlock, type Ipv4Block, overlapsBlock, parseIpv4Cidr } from '../../src/rule-helpers/ipv4-cidr.ts';
import { getAttTarget } from '../../src/graph/graph.ts';
import { intrinsicOf } from '../../src/template/intrinsics.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString, isSet } from '../../src/values/coerce.ts';
import { perRun } from '../../src/rule-helpers/per-run.ts';
import { cidrSubnets } from '../../src/values/resolver.ts';
import { valueText } from '../../src/values/quote.ts';
import { literalVariant, mergeAssumptions, type Variant, variantWith } from '../../src/values/variant.ts';
import { listWords, thousands } from '../../src/words.ts';

const VPC = 'AWS::EC2::VPC';
const SUBNET = 'AWS::EC2::Subnet';
const CIDR_BLOCK = 'AWS::EC2::VPCCidrBlock';

/** AWS reserves the first four and the last address of every subnet. */
const RESERVED_PER_SUBNET = 5;

// Declared apart from the rule so that the functions below report with checked message ids.
const messages = {
  smallVpc:
    'VPC {{logicalId}} has {{cidr}}, {{addresses}}, smaller than a /{{max}}: more subnets, zones or workloads later mean secondary CIDR blocks or a new VPC.',
  smallSubnet:
    'Subnet {{logicalId}} has {{cidr}}, {{usable}} usable addresses (AWS reserves 5 in every subnet), smaller than a /{{max}}: it fills up as instances, containers, endpoints and load balancer nodes grow.',
  outsideVpc: 'Subnet {{logicalId}} has {{cidr}}, which is not inside the CIDR blocks of VPC {{vpc}} ({{vpcCidrs}}): CloudFormation fails to create it.',
  overlap: 'Subnet {{logicalId}} has {{cidr}}, which overlaps subnet {{other}} ({{otherCidr}}) of the same VPC: CloudFormation fails to create it.',
} as const;

const options = {
  maxVpcPrefix: option.number({
    description: 'The longest VPC prefix that passes: a VPC smaller than this (a longer prefix) is reported.',
    default: 16,
    minimum: 16,
    maximum: 28,
    integer: true,
  }),
  maxSubnetPrefix: option.number({
    description: 'The longest subnet prefix that passes: a subnet smaller than this (a longer prefix) is reported.',
    default: 24,
    minimum: 16,
    maximum: 28,
    integer: true,
  }),
};

type Ctx = RuleContext<{ readonly maxVpcPrefix: number; readonly maxSubnetPrefix: number }, typeof messages>;

export default defineRule({
  id: 'vpc-cidr-size-recommended',
  pillar: 'reliability',
  level: 'note',
  title: 'VPC and subnet CIDRs leave room for growth, and subnets fit their VPC',
  rationale:
    "A VPC's primary CIDR block cannot be changed, and a subnet's block cannot be resized: when addresses run out, " +
    'instances, containers, Lambda network interfaces and load balancer nodes fail to launch, and the fix is new subnets ' +
    'or a new VPC. AWS reserves five addresses in every subnet, so a /28 leaves 11. A subnet outside its VPC, or ' +
    'overlapping another subnet of the VPC, fails the deployment.',
  remediation:
    'Size the VPC for its future (a /16 gives 65,536 addresses) and give subnets room (a /24 leaves 251 usable addresses); ' +
    'derive subnet blocks from the VPC block with `Fn::Cidr` so they fit and do not overlap.\n\n' +
    '```yaml\nVpc:\n  Properties:\n    CidrBlock: 10.0.0.0/16\nPublicSubnetA:\n  Properties:\n    CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 6, 8]]   # 10.0.0.0/24\n```',
  wellArchitected: ['REL02-BP03'],
  appliesTo: [VPC, SUBNET],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages,
  options,
  docs: {
    noncompliant: [
      'Resources:',
      '  Vpc:',
      '    Type: AWS::EC2::VPC',
      '    Properties:',
      '      CidrBlock: 10.0.0.0/16',
      '  PrivateSubnetA:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '      CidrBlock: 10.0.1.0/28',
      "      AvailabilityZone: !Select [0, !GetAZs '']",
    ].join('\n'),
    compliant: [
      'Resources:',
      '  Vpc:',
      '    Type: AWS::EC2::VPC',
      '    Properties:',
      '      CidrBlock: 10.0.0.0/16',
      '  PrivateSubnetA:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '      CidrBlock: 10.0.1.0/24',
      "      AvailabilityZone: !Select [0, !GetAZs '']",
    ].join('\n'),
    notes:
      'Sizes are notes, against the options `maxVpcPrefix` (default 16) and `maxSubnetPrefix` (default 24); teams that ' +
      'plan small subnets on purpose (a /28 per zone for Transit Gateway attachments, for example) can raise the subnet ' +
      'limit or suppress the finding on that subnet. A subnet outside every CIDR block of its VPC (the primary block and ' +
      'each `AWS::EC2::VPCCidrBlock` of the VPC) and two overlapping subnets of one VPC are errors: CloudFormation cannot ' +
      'create them. Subnet blocks written as `!Select [i, !Cidr [!GetAtt Vpc.CidrBlock, count, bits]]` are worked out ' +
      "from the VPC's block. Not applicable: IPv6 blocks, VPCs allocated from an IPAM pool, subnets of a VPC from " +
      'another stack (no containment or overlap check). Two subnets created under different conditions are not ' +
      'compared. A block known only at deploy time is not a finding; `--report-unknown` lists it.',
  },
  check(resource, ctx) {
    if (resource.type === VPC) checkVpc(ctx, resource);
    else checkSubnet(ctx, resource);
  },
});

function blockOf(v: Variant): { text: string; block: Ipv4Block } | undefined {
  const text = asString(v);
  const block = text === undefined ? undefined : parseIpv4Cidr(text);
  return text !== undefined && block ? { text, block } : undefined;
}

function checkVpc(ctx: Ctx, vpc: Resource): void {
  for (const [cidr, pool] of ctx.each(ctx.value(vpc, ['Properties', 'CidrBlock']), ctx.value(vpc, ['Properties', 'Ipv4IpamPoolId']))) {
    if (isSet(pool) || cidr.kind === 'absent' || !ctx.known(cidr, 'CidrBlock')) continue;
    const parsed = blockOf(cidr);
    if (!parsed || parsed.block.prefix <= ctx.options.maxVpcPrefix) continue;
    ctx.report({
      messageId: 'smallVpc',
      at: cidr,
      data: {
        cidr: valueText(parsed.text),
        addresses: parsed.block.size === 1 ? '1 address' : `${thousands(parsed.block.size)} addresses`,
        max: ctx.options.maxVpcPrefix,
      },
    });
  }
}

/** A subnet's CIDR blocks and VPC: the overlap check reads every earlier subnet of the VPC again for each subnet. */
function readingsOf(ctx: Ctx, subnet: Resource): { cidrs: readonly Variant[]; vpcIds: readonly Variant[] } {
  return subnetReadings(ctx, subnet, () => ({ cidrs: readSubnetCidrs(ctx, subnet), vpcIds: ctx.value(subnet, ['Properties', 'VpcId']) }));
}
const subnetReadings = perRun<Resource, { cidrs: readonly Variant[]; vpcIds: readonly Variant[] }>();

/**
 * A subnet's CidrBlock: its value, or worked out from `!Select [i, !Cidr [!GetAtt Vpc.CidrBlock, count, bits]]` (the
 * resolver cannot see the VPC attribute) when the VPC is in the template and the numbers are literal.
 */
function readSubnetCidrs(ctx: Ctx, subnet: Resource): Variant[] {
  const values = ctx.value(subnet, ['Properties', 'CidrBlock']);
  const derived = derivedFromVpc(subnet);
  if (!derived) return values;
  const vpc = ctx.template.resources.get(derived.vpc);
  if (vpc?.type !== VPC) return values;
  return values.flatMap((v): Variant[] => {
    if (v.kind !== 'unknown') return [v];
    return ctx.each([v], ctx.value(vpc, ['Properties', 'CidrBlock'])).map(([, vpcCidr]) => {
      const text = asString(vpcCidr);
      const block = text === undefined ? undefined : cidrSubnets(text, derived.count, derived.bits)?.[derived.index];
      return block === undefined ? v : literalVariant(block, v.path, false, mergeAssumptions(v.assumptions, vpcCidr.assumptions) ?? v.assumptions);
    });
  });
}

function derivedFromVpc(subnet: Resource): { vpc: string; index: number; count: number; bits: number } | undefined {
  const properties = subnet.node.Properties as Record<string, unknown> | undefined;
  const select = intrinsicOf(properties?.CidrBlock);
  if (select?.name !== 'Fn::Select' || !Array.isArray(select.args)) return undefined;
  const cidr = intrinsicOf(select.args[1]);
  if (cidr?.name !== 'Fn::Cidr' || !Array.isArray(cidr.args)) return undefined;
  const getAtt = intrinsicOf(cidr.args[0]);
  const target = getAtt?.name === 'Fn::GetAtt' ? getAttTarget(getAtt.args) : undefined;
  if (target?.attribute !== 'CidrBlock') return undefined;
  const [index, count, bits] = [select.args[0], cidr.args[1], cidr.args[2]].map((n) =>
    typeof n === 'number' || typeof n === 'string' ? Number(n) : Number.NaN,
  );
  if (![index, count, bits].every((n) => Number.isInteger(n))) return undefined;
  return { vpc: target.logicalId, index: index as number, count: count as number, bits: bits as number };
}

function checkSubnet(ctx: Ctx, subnet: Resource): void {
  const { cidrs, vpcIds } = readingsOf(ctx, subnet);
  for (const [cidr, vpcRef] of ctx.each(cidrs, vpcIds)) {
    if (cidr.kind === 'absent' || !ctx.known(cidr, 'CidrBlock')) continue;
    const parsed = blockOf(cidr);
    if (!parsed) continue;
    if (parsed.block.prefix > ctx.options.maxSubnetPrefix) {
      ctx.report({
        messageId: 'smallSubnet',
        at: cidr,
        data: { cidr: valueText(parsed.text), usable: Math.max(parsed.block.size - RESERVED_PER_SUBNET, 0), max: ctx.options.maxSubnetPrefix },
      });
    }
    const vpc = vpcRef.ref && ctx.template.resources.get(vpcRef.ref.logicalId);
    if (vpc?.type !== VPC) continue;
    checkInsideVpc(ctx, cidr, parsed.block, vpc);
    checkOverlaps(ctx, subnet, cidr, parsed.block, vpc);
  }
}

function checkInsideVpc(ctx: Ctx, cidr: Variant, block: Ipv4Block, vpc: Resource): void {
  // Secondary blocks of the VPC: one we cannot read (an IPAM pool, a parameter without Default) may hold the subnet.
  const secondary: Array<{ text: string; block: Ipv4Block }> = [];
  for (const { resource } of ctx.graph.referrers(vpc.logicalId, CIDR_BLOCK, ['Properties', 'VpcId'])) {
    for (const [v, pool] of ctx.each(ctx.value(resource, ['Properties', 'CidrBlock']), ctx.value(resource, ['Properties', 'Ipv4IpamPoolId']))) {
      if (v.kind === 'absent' && !isSet(pool)) continue; // an IPv6 block
      const parsed = v.kind === 'literal' ? blockOf(v) : undefined;
      if (parsed) {
        secondary.push(parsed);
        continue;
      }
      if (asString(v)?.includes(':')) continue; // an IPv6 block
      // Noted on the subnet, whose verdict it blocks.
      const reason = isSet(pool) ? `${resource.logicalId} is allocated from an IPAM pool` : (v.reason ?? 'a value that is not known');
      ctx.unknown(
        variantWith(cidr, { kind: 'unknown', value: undefined, reason, origin: v.origin ?? { kind: 'other' } }),
        `the CIDR blocks of VPC ${vpc.logicalId}`,
      );
      return;
    }
  }
  for (const [vpcCidr, pool] of ctx.each(ctx.value(vpc, ['Properties', 'CidrBlock']), ctx.value(vpc, ['Properties', 'Ipv4IpamPoolId']), [cidr])) {
    if (isSet(pool)) continue;
    if (!ctx.known(vpcCidr, `the CIDR block of VPC ${vpc.logicalId}`)) continue;
    const primary = blockOf(vpcCidr);
    if (!primary) continue;
    const blocks = [primary, ...secondary];
    if (blocks.some((b) => containsBlock(b.block, block))) continue;
    ctx.report({
      messageId: 'outsideVpc',
      level: 'error',
      at: cidr,
      because: [vpcCidr],
      data: { cidr: valueText(asString(cidr)), vpc: vpc.logicalId, vpcCidrs: listWords(blocks.map((b) => b.text)) },
    });
  }
}

/** Overlap with a subnet of the same VPC declared earlier (each pair is reported once, on the later subnet). */
function checkOverlaps(ctx: Ctx, subnet: Resource, cidr: Variant, block: Ipv4Block, vpc: Resource): void {
  for (const { resource: other } of ctx.graph.referrers(vpc.logicalId, SUBNET, ['Properties', 'VpcId'])) {
    if (other === subnet) return;
    // Subnets created under different conditions may never exist together.
    if (subnet.condition && other.condition && subnet.condition !== other.condition) continue;
    const { cidrs, vpcIds } = readingsOf(ctx, other);
    for (const [otherCidr, otherVpc] of ctx.each(cidrs, vpcIds, [cidr])) {
      if (otherVpc.ref?.logicalId !== vpc.logicalId) continue;
      const parsed = blockOf(otherCidr);
      if (!parsed || !overlapsBlock(block, parsed.block)) continue;
      ctx.report({
        messageId: 'overlap',
        level: 'error',
        at: cidr,
        because: [otherCidr],
        data: { cidr: valueText(asString(cidr)), other: other.logicalId, otherCidr: valueText(parsed.text) },
      });
    }
  }
}
