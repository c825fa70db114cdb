import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { subnetZones, zoneKey, zoneLabel } from '../../src/rule-helpers/availability.ts';
import { subnetExposure } from '../../src/rule-helpers/routing.ts';
import type { Resource } from '../../src/template/model.ts';
import { absentVariant, combinations, unknownVariant, variantWith, type Variant } from '../../src/values/variant.ts';
import { listWords } from '../../src/words.ts';

const SUBNET = 'AWS::EC2::Subnet';
const BUILTIN_TRANSFORMS = new Set(['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions']);

// Declared apart from the rule so that the functions below report with checked message ids. One message per tier: the
// engine settles the reports of one message at one place into one finding, and both tiers are reported on the VPC.
const messages = {
  singlePublicSubnet:
    'VPC {{logicalId}} has a single public subnet, {{subnet}}{{zone}}, so everything placed in its public tier runs in one Availability Zone.',
  singlePrivateSubnet:
    'VPC {{logicalId}} has a single private subnet, {{subnet}}{{zone}}, so everything placed in its private tier runs in one Availability Zone.',
  publicOneZone:
    'VPC {{logicalId}} has its public subnets {{subnets}} all in one Availability Zone ({{zone}}), so everything placed in that tier runs in one zone.',
  privateOneZone:
    'VPC {{logicalId}} has its private subnets {{subnets}} all in one Availability Zone ({{zone}}), so everything placed in that tier runs in one zone.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

type Tier = 'public' | 'private';

/** One subnet of the VPC: its zone readings (an absent reading is a deployment in which the subnet is not created). */
interface SubnetOf {
  resource: Resource;
  zones: readonly Variant[];
}

export default defineRule({
  id: 'vpc-subnets-multi-az',
  pillar: 'reliability',
  level: 'note',
  title: 'Each VPC tier has subnets in at least two Availability Zones',
  rationale:
    'A subnet lives in one Availability Zone. When a tier of a VPC (its public subnets, or its private ones) has subnets in ' +
    'one zone only, every load balancer, NAT gateway, instance or database placed in that tier shares that zone and fails ' +
    'with it. Laying out the same subnets in at least two zones is what lets the workload above spread out.',
  remediation:
    'Add a subnet to the tier in another Availability Zone (for example with the next index of `Fn::GetAZs`), with the same ' +
    'route table setup as its sibling.\n\n' +
    "```yaml\nPrivateSubnetB:\n  Type: AWS::EC2::Subnet\n  Properties:\n    VpcId: !Ref Vpc\n    CidrBlock: 10.0.12.0/24\n    AvailabilityZone: !Select [1, !GetAZs '']\n```",
  wellArchitected: ['REL10-BP01', 'REL02-BP03'],
  appliesTo: ['AWS::EC2::VPC'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages,
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
      '      CidrBlock: 10.0.11.0/24',
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
      '      CidrBlock: 10.0.11.0/24',
      "      AvailabilityZone: !Select [0, !GetAZs '']",
      '  PrivateSubnetB:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '      CidrBlock: 10.0.12.0/24',
      "      AvailabilityZone: !Select [1, !GetAZs '']",
    ].join('\n'),
    notes:
      'The subnets of a VPC declared in the template (`VpcId` referring to it) are split into tiers: public when the route ' +
      'table associated with the subnet has a route to an internet gateway, private otherwise (a subnet without an ' +
      "association uses the VPC's main route table, which has only the local route). Each tier with subnets is reported " +
      'when they all sit in one zone; a single subnet is one zone whatever it is. Zones count by `AvailabilityZone` or ' +
      '`AvailabilityZoneId`, and two different indexes of `Fn::GetAZs` are two zones. A subnet whose tier cannot be told ' +
      '(its route table or gateway comes from outside the template) is counted in both tiers, so it can only make a tier ' +
      'pass; a zone known only at deploy time, or one AWS picks, is not a finding when it could make two zones ' +
      '(`--report-unknown` lists it). A subnet created under a condition counts only when the condition holds, and the ' +
      'finding names the condition. A template that uses a macro (a `Transform` other than SAM and ' +
      '`AWS::LanguageExtensions`) gets no verdict, since the macro may add subnets. Not applicable: a VPC with no subnet in the template, and subnets of a VPC from ' +
      'another stack. The finding is on the VPC (the catalog also lists `AWS::EC2::Subnet`, which is read as part of it).',
  },
  check(vpc, ctx) {
    const subnets = new Map<string, Resource>();
    for (const { resource } of ctx.graph.referrers(vpc.logicalId, SUBNET, ['Properties', 'VpcId'])) subnets.set(resource.logicalId, resource);
    if (subnets.size === 0) return;
    // A macro (a Transform other than SAM or the language extensions) may add subnets when the stack is created.
    const macro = ctx.template.transforms.find((t) => !BUILTIN_TRANSFORMS.has(t));
    if (macro) {
      ctx.unknown(unknownVariant(`the subnets macro ${macro} adds`, [], false, [], { kind: 'intrinsic', name: 'Transform' }), 'the subnets of the VPC');
      return;
    }
    const tiers = new Map<Resource, Tier | undefined>();
    for (const subnet of subnets.values()) tiers.set(subnet, tierOf(ctx, subnet));
    for (const tier of ['public', 'private'] as const) {
      const members = [...tiers].filter(([, t]) => t === tier).map(([s]) => s);
      if (members.length === 0) continue;
      // Subnets of unknown tier may belong to this one: they can only add zones.
      const maybe = [...tiers].filter(([, t]) => t === undefined).map(([s]) => s);
      checkTier(
        ctx,
        tier,
        [...members, ...maybe].map((s) => subnetOf(ctx, s)),
      );
    }
  },
});

/** Public when an associated route table routes to an internet gateway; undefined when that cannot be told. */
function tierOf(ctx: Ctx, subnet: Resource): Tier | undefined {
  const exposure = subnetExposure(ctx, subnet);
  return exposure.kind === 'unknown' ? undefined : exposure.kind;
}

function subnetOf(ctx: Ctx, subnet: Resource): SubnetOf {
  const zones = subnetZones(ctx, subnet);
  const condition = subnet.condition;
  // A subnet created under a condition the template leaves open: in the other branch it is not there.
  if (condition && zones.some((z) => z.assumptions.some((a) => a.kind === 'condition' && a.name === condition && a.value))) {
    return { resource: subnet, zones: [...zones, absentVariant([], false, [{ kind: 'condition', name: condition, value: false }])] };
  }
  return { resource: subnet, zones };
}

function checkTier(ctx: Ctx, tier: Tier, subnets: SubnetOf[]): void {
  for (const combo of combinations(subnets.map((s) => s.zones))) {
    const present = subnets.filter((_, i) => combo[i]?.kind !== 'absent');
    const zones = combo.filter((z) => z.kind !== 'absent');
    const [first] = present;
    if (!first) continue;
    const keys = new Map<string, string>();
    let unknown: Variant | undefined;
    for (const z of zones) {
      const key = zoneKey(z);
      const label = zoneLabel(z);
      if (key === undefined || label === undefined) unknown ??= z;
      else if (!keys.has(key)) keys.set(key, label);
    }
    if (keys.size > 1) continue;
    const [zone] = keys.values();
    if (present.length === 1) {
      const messageId = tier === 'public' ? 'singlePublicSubnet' : 'singlePrivateSubnet';
      ctx.report({ messageId, at: [], because: combo, data: { subnet: first.resource.logicalId, zone: zone ? ` in ${zone}` : '' } });
      continue;
    }
    if (unknown) {
      // Noted on the VPC, where the verdict is (the zone is written in a subnet).
      ctx.unknown(variantWith(unknown, { path: [] }), `the Availability Zones of the ${tier} subnets`);
      continue;
    }
    ctx.report({
      messageId: tier === 'public' ? 'publicOneZone' : 'privateOneZone',
      at: [],
      because: combo,
      data: { subnets: listWords(present.map((s) => s.resource.logicalId)), zone: zone ?? 'one zone' },
    });
  }
}
