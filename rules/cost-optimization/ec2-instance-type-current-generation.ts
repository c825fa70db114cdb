import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString, isSet } from '../../src/values/coerce.ts';
import { combinations, type Variant } from '../../src/values/variant.ts';
import { launchTemplateUsers } from '../../src/rule-helpers/resources.ts';
import { valueText } from '../../src/values/quote.ts';

interface Options {
  /** Families AWS lists as previous generation: a warning. */
  previousGenerationFamilies: string[];
  /** Current families that have a cheaper successor: a note. */
  olderFamilies: string[];
}

/** A current family to suggest for each old one (x86 / Graviton where both exist). */
const SUCCESSORS: Record<string, string> = {
  t1: 't3 or t4g', t2: 't3 or t4g',
  m1: 'm7i or m7g', m3: 'm7i or m7g', m4: 'm7i or m7g',
  m2: 'r7i or r7g', cr1: 'r7i or r7g', r3: 'r7i or r7g', r4: 'r7i or r7g',
  c1: 'c7i or c7g', c3: 'c7i or c7g', c4: 'c7i or c7g', cc1: 'c7i or c7g', cc2: 'c7i or c7g',
  cg1: 'g6 or g5', g2: 'g6 or g5', g3: 'g6 or g5', p2: 'g5 or p3',
  hi1: 'i4i or i4g', i2: 'i4i or i4g', i3: 'i4i or i4g',
  hs1: 'd3 or d3en', d2: 'd3 or d3en',
  x1: 'x2idn or x2iedn',
};

export default defineRule<Options>({
  id: 'ec2-instance-type-current-generation',
  pillar: 'cost-optimization',
  level: 'warning',
  title: 'EC2 instance types are current generation',
  rationale:
    'Previous-generation instance types cost more for the same work than current families, run on older, less efficient ' +
    'hardware and are not offered in newer Regions. Older current families such as t2 or m4 also have cheaper successors.',
  remediation:
    'Move to a current family of the same kind (Graviton `g` families where the software runs on arm64), then measure and ' +
    'right-size.\n\n```yaml\nInstanceType: m7g.large   # was m4.large; m7i.large if x86 is required\n```',
  wellArchitected: ['COST06-BP02', 'COST01-BP07', 'PERF02-BP01', 'SUS05-BP02'],
  securityHub: ['EC2.24'],
  appliesTo: [
    'AWS::EC2::Instance',
    'AWS::EC2::LaunchTemplate',
    'AWS::AutoScaling::LaunchConfiguration',
    'AWS::AutoScaling::AutoScalingGroup',
    'AWS::EC2::SpotFleet',
  ],
  tags: ['performance-efficiency', 'sustainability'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  optionsSchema: {
    type: 'object',
    properties: {
      previousGenerationFamilies: { type: 'array', items: { type: 'string' }, uniqueItems: true },
      olderFamilies: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    },
    additionalProperties: false,
  },
  defaultOptions: {
    previousGenerationFamilies: ['t1', 'm1', 'm2', 'm3', 'c1', 'c3', 'cc1', 'cc2', 'cg1', 'cr1', 'g2', 'hi1', 'hs1', 'i2', 'r3'],
    olderFamilies: ['t2', 'm4', 'c4', 'r4', 'd2', 'i3', 'p2', 'g3', 'x1'],
  },
  messages: {
    previousGeneration: '{{subject}} uses the previous-generation instance type {{instanceType}}: a current family such as {{successor}} does more for the price.',
    olderFamily: '{{subject}} uses {{instanceType}}, an older family with a cheaper successor ({{successor}}).',
    defaultType: 'Instance {{logicalId}} sets neither InstanceType nor a launch template, so EC2 launches the previous-generation default m1.small.',
  },
  check(resource, ctx) {
    const id = resource.logicalId;
    switch (resource.type) {
      case 'AWS::EC2::Instance': {
        for (const [type, template] of combinations([
          ctx.value(resource, ['Properties', 'InstanceType']),
          ctx.value(resource, ['Properties', 'LaunchTemplate']),
        ])) {
          if (type!.kind === 'absent') {
            // The launch template supplies the type (checked there); without one EC2 falls back to m1.small.
            if (!isSet(template!)) ctx.report({ messageId: 'defaultType', at: type!, because: [template!] });
            continue;
          }
          checkType(ctx, type!, `Instance ${id}`, [template!]);
        }
        return;
      }
      case 'AWS::EC2::LaunchTemplate':
        checkSpec(ctx, resource, ['Properties', 'LaunchTemplateData'], `Launch template ${id}${launchTemplateUsers(ctx, resource)}`);
        return;
      case 'AWS::AutoScaling::LaunchConfiguration':
        checkSpec(ctx, resource, ['Properties'], `Launch configuration ${id}${launchTemplateUsers(ctx, resource)}`);
        return;
      case 'AWS::AutoScaling::AutoScalingGroup':
        eachElement(ctx, resource, ['Properties', 'MixedInstancesPolicy', 'LaunchTemplate', 'Overrides'], (override, n) =>
          checkSpec(ctx, override, [], `Auto Scaling group ${id} (instance type override ${n})`));
        return;
      case 'AWS::EC2::SpotFleet':
        eachElement(ctx, resource, ['Properties', 'SpotFleetRequestConfigData', 'LaunchSpecifications'], (spec, n) =>
          checkSpec(ctx, spec, [], `Spot Fleet ${id} (launch specification ${n})`));
        eachElement(ctx, resource, ['Properties', 'SpotFleetRequestConfigData', 'LaunchTemplateConfigs'], (config, n) =>
          eachElement(ctx, config, ['Overrides'], (override, m) =>
            checkSpec(ctx, override, [], `Spot Fleet ${id} (launch template config ${n}, override ${m})`)));
        return;
    }
  },
});

/** Calls `each` for every known element of a list, numbering them from 1 for messages. */
function eachElement(
  ctx: RuleContext<Options>,
  from: Resource | Variant,
  path: string[],
  each: (element: Variant, n: number) => void,
): void {
  for (const list of ctx.value(from, path)) {
    if (list.kind === 'unknown') {
      ctx.unknown(list, path[path.length - 1]!);
      continue;
    }
    if (list.kind !== 'literal' || !Array.isArray(list.value)) continue;
    list.value.forEach((_, i) => {
      for (const element of ctx.value(list, [i])) {
        if (element.kind === 'unknown') ctx.unknown(element, path[path.length - 1]!);
        else if (element.kind === 'literal') each(element, i + 1);
      }
    });
  }
}

/** InstanceType of a launch specification; attribute-based selection (InstanceRequirements) lets EC2 pick current types. */
function checkSpec(ctx: RuleContext<Options>, from: Resource | Variant, base: string[], subject: string): void {
  for (const [type, requirements] of combinations([
    ctx.value(from, [...base, 'InstanceType']),
    ctx.value(from, [...base, 'InstanceRequirements']),
  ])) {
    if (isSet(requirements!) || type!.kind === 'absent') continue;
    checkType(ctx, type!, subject, [requirements!]);
  }
}

function checkType(ctx: RuleContext<Options>, type: Variant, subject: string, because: Variant[]): void {
  if (type.kind === 'unknown') {
    ctx.unknown(type, 'the instance type');
    return;
  }
  const instanceType = asString(type);
  if (instanceType === undefined) return;
  const family = instanceType.split('.')[0]!.trim().toLowerCase();
  const lower = (list: string[]) => list.map((f) => f.toLowerCase());
  const successor = SUCCESSORS[family] ?? 'a current-generation family';
  if (lower(ctx.options.previousGenerationFamilies).includes(family)) {
    ctx.report({ messageId: 'previousGeneration', at: type, because, data: { subject, instanceType: valueText(instanceType), successor } });
  } else if (lower(ctx.options.olderFamilies).includes(family)) {
    ctx.report({ messageId: 'olderFamily', level: 'note', at: type, because, data: { subject, instanceType: valueText(instanceType), successor } });
  }
}
