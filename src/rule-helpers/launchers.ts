// One answer to "which resources launch instances from this launch template or configuration", and "which launch
// templates does this resource launch from": by Ref or Fn::GetAtt (a graph edge) or by LaunchTemplateName, as
// CloudFormation accepts either.
import type { RuleContext } from '../engine/rule.ts';
import type { Edge } from '../graph/graph.ts';
import type { NodePath } from '../parse/types.ts';
import { valueAt } from '../template/intrinsics.ts';
import type { Resource } from '../template/model.ts';
import { asString, isSet } from '../values/coerce.ts';
import type { Variant } from '../values/variant.ts';
import { listWords, named } from '../words.ts';
import { perRun } from './per-run.ts';
import { inTemplateOrder } from './resources.ts';

export const LAUNCH_TEMPLATE = 'AWS::EC2::LaunchTemplate';
export const LAUNCH_CONFIGURATION = 'AWS::AutoScaling::LaunchConfiguration';

/** Resource types that launch instances from a launch template (or configuration), and what a message calls them. */
export const LAUNCHERS: Readonly<Record<string, string>> = {
  'AWS::AutoScaling::AutoScalingGroup': 'Auto Scaling group',
  'AWS::EC2::Instance': 'instance',
  'AWS::EKS::Nodegroup': 'EKS node group',
  'AWS::EC2::EC2Fleet': 'EC2 Fleet',
  'AWS::EC2::SpotFleet': 'Spot Fleet',
  'AWS::Batch::ComputeEnvironment': 'Batch compute environment',
};

/** Where each launcher type names its launch template (or configuration). */
const SPECS: Readonly<Record<string, ReadonlyArray<readonly string[]>>> = {
  'AWS::AutoScaling::AutoScalingGroup': [
    ['Properties', 'LaunchTemplate'],
    ['Properties', 'MixedInstancesPolicy', 'LaunchTemplate', 'LaunchTemplateSpecification'],
  ],
  'AWS::EC2::Instance': [['Properties', 'LaunchTemplate']],
  'AWS::EKS::Nodegroup': [['Properties', 'LaunchTemplate']],
  'AWS::Batch::ComputeEnvironment': [['Properties', 'ComputeResources', 'LaunchTemplate']],
};

/** The key that holds the launch template's name, where it is not LaunchTemplateName (EKS says Id and Name). */
const NAME_KEYS: Readonly<Record<string, string>> = { 'AWS::EKS::Nodegroup': 'Name' };

/** Properties through which a launcher names what it launches from (at any depth: fleets list theirs). */
const LAUNCH_PROPERTIES = new Set<unknown>(['LaunchTemplate', 'LaunchTemplateSpecification', 'LaunchConfigurationName']);

/** Whether a reference is a launch from a template, not a DependsOn, a tag or a mention in user data. */
function launchesFrom(edge: Edge): boolean {
  return edge.path[0] === 'Properties' && edge.path.some((segment) => LAUNCH_PROPERTIES.has(segment));
}

/** The launch templates of this template that `launcher` launches from, by reference or by name, in template order. */
export function launchTemplatesOf(ctx: RuleContext<any, any>, launcher: Resource): readonly Resource[] {
  return templatesOfLauncher(ctx, launcher, () => findLaunchTemplates(ctx, launcher));
}
const templatesOfLauncher = perRun<Resource, readonly Resource[]>();

function findLaunchTemplates(ctx: RuleContext<any, any>, launcher: Resource): Resource[] {
  const found = new Set<Resource>();
  for (const { resource, edge } of ctx.graph.targets(launcher.logicalId, LAUNCH_TEMPLATE)) if (launchesFrom(edge)) found.add(resource);
  for (const spec of SPECS[launcher.type] ?? []) {
    for (const name of ctx.value(launcher, [...spec, NAME_KEYS[launcher.type] ?? 'LaunchTemplateName'])) {
      const wanted = asString(name);
      if (wanted === undefined) continue;
      for (const lt of ctx.graph.ofType(LAUNCH_TEMPLATE)) {
        if (ctx.value(lt, ['Properties', 'LaunchTemplateName']).some((n) => asString(n) === wanted)) found.add(lt);
      }
    }
  }
  return inTemplateOrder(ctx, found);
}

/** The resources that launch from a launch template or configuration, in template order. */
export function launchersOf(ctx: RuleContext<any, any>, template: Resource): readonly Resource[] {
  if (template.type !== LAUNCH_TEMPLATE && template.type !== LAUNCH_CONFIGURATION) return [];
  // Asked by six rules, and by some twice (the instance type, then the message's "used by").
  return launchersOfTemplate(ctx, template, () => findLaunchers(ctx, template));
}
const launchersOfTemplate = perRun<Resource, readonly Resource[]>();

function findLaunchers(ctx: RuleContext<any, any>, template: Resource): Resource[] {
  const found = new Set<Resource>();
  for (const type in LAUNCHERS) {
    for (const { resource, edge } of ctx.graph.referrers(template.logicalId, type)) if (launchesFrom(edge)) found.add(resource);
  }
  if (template.type === LAUNCH_TEMPLATE) {
    // A launcher may name the template instead of referencing it.
    for (const type in SPECS) {
      for (const launcher of ctx.graph.ofType(type)) if (!found.has(launcher) && launchTemplatesOf(ctx, launcher).includes(template)) found.add(launcher);
    }
  }
  return inTemplateOrder(ctx, found);
}

/**
 * " (used by Auto Scaling groups Web and Api, and instance Bastion)" for a launch template or configuration, so that a
 * message says what the finding affects; empty for anything else, or when nothing in the template uses it.
 */
export function usedBy(ctx: RuleContext<any, any>, template: Resource): string {
  const byKind = new Map<string, string[]>();
  for (const launcher of launchersOf(ctx, template)) {
    const kind = LAUNCHERS[launcher.type]!;
    byKind.set(kind, [...(byKind.get(kind) ?? []), launcher.logicalId]);
  }
  return byKind.size ? ` (used by ${listWords([...byKind].map(([kind, ids]) => named(kind, ids)))})` : '';
}

/** Text that only Windows instances run: PowerShell or batch user data, the Windows cfn-init and cfn-signal, C:\ paths. */
const WINDOWS_SCRIPT = /<powershell>|<script>|powershell\.exe|cfn-(init|signal)\.exe|[Cc]:\\/i;

/**
 * Whether the instances an instance, launch template or launch configuration launches run Windows, as far as the
 * template tells: the AMI's name (a public SSM parameter path such as /aws/service/ami-windows-latest/..., as a literal,
 * a parameter's Default or a `{{resolve:ssm:...}}` reference), an AMI parameter described as Windows, or user data and
 * cfn-init metadata written for Windows (PowerShell, cfn-init.exe). An AMI id alone says nothing. Windows has no arm64
 * builds on EC2, so Graviton advice does not apply to these.
 */
export function runsWindows(ctx: RuleContext<any, any>, resource: Resource, spec: NodePath): boolean {
  // Three rules ask of the same instances and templates, and the user data can be long.
  const bySpec = windowsBySpec(ctx, resource, () => new Map<string, boolean>());
  const key = spec.join('.');
  let answer = bySpec.get(key);
  if (answer === undefined) bySpec.set(key, (answer = readsAsWindows(ctx, resource, spec)));
  return answer;
}
const windowsBySpec = perRun<Resource, Map<string, boolean>>();

function readsAsWindows(ctx: RuleContext<any, any>, resource: Resource, spec: NodePath): boolean {
  for (const image of ctx.value(resource, [...spec, 'ImageId'])) {
    const texts: unknown[] = [];
    if (image.kind === 'literal') texts.push(image.value);
    else if (image.origin?.kind === 'parameter') {
      const parameter = ctx.template.parameters.get(image.origin.name);
      texts.push(parameter?.default, valueAt(ctx.template.root, ['Parameters', image.origin.name, 'Description']));
    } else if (image.origin?.kind === 'dynamic-reference') texts.push(valueAt(resource.node, image.path));
    if (texts.some((text) => typeof text === 'string' && /windows/i.test(text))) return true;
  }
  const userData = valueAt(resource.node, [...spec, 'UserData']);
  const init = resource.metadata?.['AWS::CloudFormation::Init'];
  return [userData, init].some((node) => node !== undefined && WINDOWS_SCRIPT.test(JSON.stringify(node)));
}

/**
 * Whether every resource of the template that launches from this launch template replaces its instance type: Auto
 * Scaling groups whose mixed instances policy lists instance type overrides (or attribute-based requirements). Such a
 * template's own InstanceType is never used, so the groups' overrides are what to check. False when nothing uses it.
 */
export function instanceTypeOverridden(ctx: RuleContext<any, any>, template: Resource): boolean {
  const launchers = launchersOf(ctx, template);
  return (
    launchers.length > 0 &&
    launchers.every(
      (launcher) =>
        launcher.type === 'AWS::AutoScaling::AutoScalingGroup' &&
        ctx.value(launcher, ['Properties', 'MixedInstancesPolicy', 'LaunchTemplate', 'Overrides']).every((list) => {
          if (list.kind !== 'literal' || !Array.isArray(list.value) || list.value.length === 0) return false;
          const set = (o: Variant, key: string) => ctx.value(o, [key]).every(isSet);
          return ctx.items(list, []).every((o) => set(o, 'InstanceType') || set(o, 'InstanceRequirements'));
        }),
    )
  );
}
