import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { familyFacts, familyOf, unknownFamily } from '../../src/rule-helpers/instance-families.ts';
import { instanceTypeOverridden, launchTemplatesOf, runsWindows, usedBy } from '../../src/rule-helpers/launchers.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString, isSet } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import type { Variant } from '../../src/values/variant.ts';
import { listWords } from '../../src/words.ts';

const messages = {
  x86: '{{subject}} uses the x86 instance type {{instanceType}}: the Graviton family {{equivalent}} does the same work for less money and energy, once the AMI and software are built for arm64.',
  overrides:
    'Auto Scaling group {{logicalId}} lists only x86 instance types in its overrides ({{instanceTypes}}): adding Graviton types ({{equivalents}}) with an arm64 launch template lets it run for less money and energy.',
} as const;

type Context = RuleContext<Record<string, never>, typeof messages>;

/** What a finding needs to know of one instance type value: its Graviton equivalent, or nothing to say. */
type Verdict = { kind: 'graviton' } | { kind: 'x86'; equivalent: string } | { kind: 'not-applicable' } | { kind: 'unknown' };

export default defineRule({
  id: 'ec2-instance-type-graviton',
  pillar: 'sustainability',
  level: 'note',
  title: 'EC2 instance types use Graviton where the workload allows',
  rationale:
    'AWS Graviton (arm64) instances give up to 40% better price-performance than comparable x86 instances and use up to ' +
    '60% less energy for the same work. Most Linux software, containers and managed runtimes run on arm64; what cannot ' +
    '(Windows, x86-only binaries or licences) is not visible in a template, so this is a note.',
  remediation:
    'Move to the Graviton family of the same kind (m5 → m7g, c5 → c7g, r5 → r7g, t3 → t4g) with an arm64 AMI, after ' +
    'checking that the software has arm64 builds.\n\n```yaml\nInstanceType: m7g.large\n' +
    "ImageId: '{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64}}'\n```",
  wellArchitected: ['SUS05-BP02', 'COST06-BP02', 'PERF02-BP01'],
  appliesTo: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::AutoScaling::AutoScalingGroup'],
  tags: ['cost-optimization', 'performance-efficiency'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  AppServer:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      "      ImageId: '{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}'",
      '      InstanceType: m5.large',
      '      SubnetId: subnet-0123456789abcdef0',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  AppServer:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      "      ImageId: '{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64}}'",
      '      InstanceType: m7g.large',
      '      SubnetId: subnet-0123456789abcdef0',
    ].join('\n'),
    notes:
      'A note: whether the software runs on arm64 is not in the template. The message names the Graviton family that does ' +
      "the same job, from pillars-lint's instance-family facts (`src/rule-helpers/instance-families.ts`, with the AWS pages " +
      'it comes from and its date); a family missing from them is listed by `--report-unknown`, never flagged. Checked: ' +
      'instances, launch templates and launch configurations (their messages name what launches from them), and the ' +
      "instance type overrides of an Auto Scaling group's mixed instances policy, which pass when at least one of them is " +
      "Graviton and are not checked when the group's launch template runs Windows. Not applicable: families without a " +
      'Graviton equivalent (GPU and other accelerators, Mac, high-frequency ' +
      'z1d/m5zn/r7iz/x2iezn, dense HDD storage, high-memory u-*), Windows instances, as far as the template tells (an AMI ' +
      'name or AMI parameter description that says Windows, such as an SSM parameter under `ami-windows-latest`, or ' +
      'PowerShell user data or cfn-init commands), since Windows has no arm64 builds on EC2; attribute-based selection (`InstanceRequirements`), an ' +
      'instance without `InstanceType` (its launch template is checked; without one the default m1.small is ' +
      "ec2-instance-type-current-generation's finding), and a launch template whose every user overrides its instance type " +
      '(the overrides are checked). An instance type from a parameter is checked for its Default (and AllowedValues as ' +
      'notes); one only known at deploy time is listed by `--report-unknown`.',
  },
  check(resource, ctx) {
    const id = resource.logicalId;
    switch (resource.type) {
      case 'AWS::EC2::Instance': {
        if (runsWindows(ctx, resource, ['Properties'])) return;
        // Without InstanceType the launch template's type applies (checked there), or EC2's default m1.small.
        checkSpec(ctx, resource, ['Properties'], `Instance ${id}`);
        return;
      }
      case 'AWS::EC2::LaunchTemplate':
        if (runsWindows(ctx, resource, ['Properties', 'LaunchTemplateData'])) return;
        if (instanceTypeOverridden(ctx, resource)) return;
        checkSpec(ctx, resource, ['Properties', 'LaunchTemplateData'], `Launch template ${id}${usedBy(ctx, resource)}`);
        return;
      case 'AWS::AutoScaling::LaunchConfiguration':
        if (runsWindows(ctx, resource, ['Properties'])) return;
        checkSpec(ctx, resource, ['Properties'], `Launch configuration ${id}${usedBy(ctx, resource)}`);
        return;
      case 'AWS::AutoScaling::AutoScalingGroup':
        // Overrides launch from the group's launch template: a Windows one has no arm64 build to move to.
        if (launchTemplatesOf(ctx, resource).some((lt) => runsWindows(ctx, lt, ['Properties', 'LaunchTemplateData']))) return;
        checkOverrides(ctx, resource);
        return;
    }
  },
});

/** The verdict on one known instance type value. */
function verdictOf(ctx: Context, type: Variant): Verdict {
  const instanceType = asString(type);
  if (instanceType === undefined) return { kind: 'not-applicable' };
  const facts = familyFacts('ec2', instanceType);
  if (!facts) {
    ctx.unknown(unknownFamily(type, familyOf('ec2', instanceType)), 'the instance type');
    return { kind: 'unknown' };
  }
  if (facts.graviton) return { kind: 'graviton' };
  return facts.gravitonEquivalent ? { kind: 'x86', equivalent: facts.gravitonEquivalent } : { kind: 'not-applicable' };
}

/** InstanceType of an instance, launch template or configuration; attribute-based selection is not applicable. */
function checkSpec(ctx: Context, from: Resource, base: string[], subject: string): void {
  for (const [type, requirements] of ctx.each(ctx.value(from, [...base, 'InstanceType']), ctx.value(from, [...base, 'InstanceRequirements']))) {
    if (isSet(requirements) || type.kind === 'absent' || !ctx.known(type, 'the instance type')) continue;
    const verdict = verdictOf(ctx, type);
    if (verdict.kind !== 'x86') continue;
    ctx.report({
      messageId: 'x86',
      at: type,
      because: [requirements],
      data: { subject, instanceType: valueText(asString(type)), equivalent: verdict.equivalent },
    });
  }
}

/** A mixed instances policy passes when one override is Graviton (or attribute-based); one note when all are x86. */
function checkOverrides(ctx: Context, group: Resource): void {
  for (const list of ctx.value(group, ['Properties', 'MixedInstancesPolicy', 'LaunchTemplate', 'Overrides'])) {
    if (!ctx.known(list, 'Overrides') || list.kind !== 'literal' || !Array.isArray(list.value)) continue;
    const slots = ctx.items(list, []).map((override) => ctx.value(override, ['InstanceType']));
    const requirements = ctx.items(list, []).map((override) => ctx.value(override, ['InstanceRequirements']));
    for (const combo of ctx.each(...slots, ...requirements)) {
      const types = combo.slice(0, slots.length);
      if (combo.slice(slots.length).some(isSet)) continue;
      const known = types.filter((t) => t.kind !== 'absent');
      if (known.length === 0) continue;
      const verdicts = known.map((t) => (ctx.known(t, 'the instance type override') ? verdictOf(ctx, t) : ({ kind: 'unknown' } as const)));
      // One Graviton type in the mix, or one we cannot judge, and the group is not all x86 as far as we know.
      if (verdicts.some((v) => v.kind !== 'x86' && v.kind !== 'not-applicable')) continue;
      const equivalents = [...new Set(verdicts.flatMap((v) => (v.kind === 'x86' ? [v.equivalent] : [])))];
      if (equivalents.length === 0) continue;
      ctx.report({
        messageId: 'overrides',
        at: list,
        because: combo,
        data: { instanceTypes: listWords(known.map((t) => valueText(asString(t)))), equivalents: listWords(equivalents) },
      });
    }
  }
}
