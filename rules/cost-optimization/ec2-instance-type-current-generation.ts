import { option, type OptionsOf } from '../../src/engine/options.ts';
import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { familyFacts, olderFamilies, previousGenerationFamilies, unknownFamily } from '../../src/rule-helpers/instance-families.ts';
import { usedBy } from '../../src/rule-helpers/launchers.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString, isSet } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import type { Variant } from '../../src/values/variant.ts';
import { listWords } from '../../src/words.ts';

const options = {
  previousGenerationFamilies: option.strings({
    description: "Instance families AWS lists as previous generation (the text before the first dot of the type): reported at the rule's level.",
    default: previousGenerationFamilies('ec2'),
  }),
  olderFamilies: option.strings({
    description: 'Current instance families that have a cheaper successor: reported as notes.',
    default: olderFamilies('ec2'),
  }),
};

const messages = {
  previousGeneration:
    '{{subject}} uses the previous-generation instance type {{instanceType}}: a current family such as {{successor}} does more for the price.',
  olderFamily: '{{subject}} uses {{instanceType}}, an older family with a cheaper successor ({{successor}}).',
  defaultType: 'Instance {{logicalId}} sets neither InstanceType nor a launch template, so EC2 launches the previous-generation default m1.small.',
} as const;

type Context = RuleContext<OptionsOf<typeof options>, typeof messages>;

export default defineRule({
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
  options,
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  BuildAgent:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      ImageId: ami-0123456789abcdef0',
      '      InstanceType: c3.xlarge',
      '      SubnetId: subnet-0123456789abcdef0',
      '      IamInstanceProfile: build-agent',
      '      Monitoring: true',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  BuildAgent:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      ImageId: ami-0123456789abcdef0',
      '      InstanceType: c7i.xlarge',
      '      SubnetId: subnet-0123456789abcdef0',
      '      IamInstanceProfile: build-agent',
      '      Monitoring: true',
    ].join('\n'),
    notes:
      'The family is the text before the first dot of the instance type. Previous-generation families are reported at the ' +
      "rule's level, older current families that have a cheaper successor as notes; both lists are options. Checked: " +
      'instances, launch templates and launch configurations (their messages name the groups and instances that launch ' +
      "from them), the instance type overrides of an Auto Scaling group's mixed instances policy, and a Spot Fleet's " +
      'launch specifications and launch template overrides. Attribute-based selection (`InstanceRequirements`) lets EC2 ' +
      "pick current types and passes. An instance with neither `InstanceType` nor a launch template gets EC2's default " +
      "`m1.small` and is flagged. An instance type from a parameter is checked for its Default (at the rule's level) and " +
      'for each AllowedValue (as notes); one only known at deploy time is not a finding, and `--report-unknown` lists it. ' +
      "The family lists and the successors a message names come from pillars-lint's instance-family facts " +
      '(`src/rule-helpers/instance-families.ts`, checked against the AWS EC2 instance type pages on the date it names); ' +
      'a family that is not in them (newer, or a typo) is listed by `--report-unknown`, never flagged.',
  },
  check(resource, ctx) {
    const id = resource.logicalId;
    switch (resource.type) {
      case 'AWS::EC2::Instance': {
        for (const [type, template] of ctx.each(ctx.value(resource, ['Properties', 'InstanceType']), ctx.value(resource, ['Properties', 'LaunchTemplate']))) {
          if (type.kind === 'absent') {
            // The launch template supplies the type (checked there); without one EC2 falls back to m1.small.
            if (!isSet(template)) ctx.report({ messageId: 'defaultType', at: type, because: [template] });
            continue;
          }
          checkType(ctx, type, `Instance ${id}`, [template]);
        }
        return;
      }
      case 'AWS::EC2::LaunchTemplate':
        checkSpec(ctx, resource, ['Properties', 'LaunchTemplateData'], `Launch template ${id}${usedBy(ctx, resource)}`);
        return;
      case 'AWS::AutoScaling::LaunchConfiguration':
        checkSpec(ctx, resource, ['Properties'], `Launch configuration ${id}${usedBy(ctx, resource)}`);
        return;
      case 'AWS::AutoScaling::AutoScalingGroup':
        eachElement(ctx, resource, ['Properties', 'MixedInstancesPolicy', 'LaunchTemplate', 'Overrides'], (override, n) =>
          checkSpec(ctx, override, [], `Auto Scaling group ${id} (instance type override ${n})`),
        );
        return;
      case 'AWS::EC2::SpotFleet':
        eachElement(ctx, resource, ['Properties', 'SpotFleetRequestConfigData', 'LaunchSpecifications'], (spec, n) =>
          checkSpec(ctx, spec, [], `Spot Fleet ${id} (launch specification ${n})`),
        );
        eachElement(ctx, resource, ['Properties', 'SpotFleetRequestConfigData', 'LaunchTemplateConfigs'], (config, n) =>
          eachElement(ctx, config, ['Overrides'], (override, m) =>
            checkSpec(ctx, override, [], `Spot Fleet ${id} (launch template config ${n}, override ${m})`),
          ),
        );
        return;
    }
  },
});

/** Calls `each` for every known element of a list, numbering them from 1 for messages. */
function eachElement(ctx: Context, from: Resource | Variant, path: string[], each: (element: Variant, n: number) => void): void {
  const what = path.at(-1) ?? 'the list';
  for (const list of ctx.value(from, path)) {
    if (!ctx.known(list, what) || list.kind !== 'literal' || !Array.isArray(list.value)) continue;
    list.value.forEach((_, i) => {
      for (const element of ctx.value(list, [i])) {
        if (ctx.known(element, what) && element.kind === 'literal') each(element, i + 1);
      }
    });
  }
}

/** InstanceType of a launch specification; attribute-based selection (InstanceRequirements) lets EC2 pick current types. */
function checkSpec(ctx: Context, from: Resource | Variant, base: string[], subject: string): void {
  for (const [type, requirements] of ctx.each(ctx.value(from, [...base, 'InstanceType']), ctx.value(from, [...base, 'InstanceRequirements']))) {
    if (isSet(requirements) || type.kind === 'absent') continue;
    checkType(ctx, type, subject, [requirements]);
  }
}

function checkType(ctx: Context, type: Variant, subject: string, because: Variant[]): void {
  if (!ctx.known(type, 'the instance type')) return;
  const instanceType = asString(type);
  if (instanceType === undefined) return;
  const [prefix = ''] = instanceType.split('.');
  const family = prefix.trim().toLowerCase();
  const has = (families: readonly string[]) => families.some((f) => f.toLowerCase() === family);
  // The successors come from the shared instance-family facts (src/rule-helpers/instance-families.ts).
  const successors = familyFacts('ec2', instanceType)?.successors;
  const successor = successors ? listWords(successors, 'or') : 'a current-generation family';
  const data = { subject, instanceType: valueText(instanceType), successor };
  if (has(ctx.options.previousGenerationFamilies)) {
    ctx.report({ messageId: 'previousGeneration', at: type, because, data });
  } else if (has(ctx.options.olderFamilies)) {
    ctx.report({ messageId: 'olderFamily', level: 'note', at: type, because, data });
  } else if (!familyFacts('ec2', instanceType)) {
    // A family pillars-lint does not know yet (or a typo) is neither current nor old: a review item.
    ctx.unknown(unknownFamily(type, family || undefined), 'the instance type');
  }
}
