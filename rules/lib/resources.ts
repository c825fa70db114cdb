import type { RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { combinations, mergeAssumptions, type Variant } from '../../src/values/variant.ts';

/** Where each resource type keeps its EBS block device mappings. */
export const BLOCK_DEVICE_MAPPINGS: Record<string, string[]> = {
  'AWS::EC2::LaunchTemplate': ['Properties', 'LaunchTemplateData', 'BlockDeviceMappings'],
  'AWS::AutoScaling::LaunchConfiguration': ['Properties', 'BlockDeviceMappings'],
  'AWS::EC2::Instance': ['Properties', 'BlockDeviceMappings'],
};

/** The SAM Globals section that applies to each serverless type. */
const SAM_GLOBAL_SECTIONS: Record<string, string> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
};

/**
 * The whole template as a variant, for values outside any resource (SAM Globals). It is external, so a report
 * at one of its values points at the resource being checked rather than into another section.
 */
function templateRoot(ctx: RuleContext<any>): Variant {
  return { kind: 'literal', value: ctx.template.root, path: [], external: true, assumptions: [] };
}

/** The SAM Globals value of `property` for a serverless resource ([] when none applies). */
export function samGlobal(ctx: RuleContext<any>, resource: Resource, property: string): Variant[] {
  const section = SAM_GLOBAL_SECTIONS[resource.type];
  if (!section || ctx.template.root.Globals === undefined) return [];
  return ctx.value(templateRoot(ctx), ['Globals', section, property]);
}

/** Whether a variant from withSamGlobal came from Globals (their values sit at the template root, path []). */
export function fromSamGlobals(ctx: RuleContext<any>, resource: Resource, v: Variant): boolean {
  return (v.external && v.path.length === 0) || ctx.template.samGlobalsOrigin?.(resource.logicalId, v.path) !== undefined;
}

/** A property of a resource, falling back to SAM Globals where the resource leaves it out (as SAM merges them). */
export function withSamGlobal(ctx: RuleContext<any>, resource: Resource, property: string): Variant[] {
  const own = ctx.value(resource, ['Properties', property]);
  const global = samGlobal(ctx, resource, property);
  if (global.length === 0) return own;
  const out: Variant[] = [];
  for (const v of own) {
    if (v.kind !== 'absent') {
      out.push(v);
      continue;
    }
    for (const [, g] of combinations([[v], global])) {
      if (g!.kind === 'absent') out.push(v);
      else out.push({ ...g!, assumptions: mergeAssumptions(v.assumptions, g!.assumptions)! });
    }
  }
  return out;
}

const USER_KINDS: Array<[string, string]> = [
  ['AWS::AutoScaling::AutoScalingGroup', 'Auto Scaling group'],
  ['AWS::EC2::Instance', 'instance'],
  ['AWS::EC2::SpotFleet', 'Spot Fleet'],
];

/** " (used by Auto Scaling group A, B; instance C)" for a launch template or configuration, so a message says what it affects. */
export function launchTemplateUsers(ctx: RuleContext<any>, resource: Resource): string {
  if (resource.type !== 'AWS::EC2::LaunchTemplate' && resource.type !== 'AWS::AutoScaling::LaunchConfiguration') return '';
  const parts: string[] = [];
  for (const [type, word] of USER_KINDS) {
    const ids = [...new Set(ctx.graph.referrers(resource.logicalId, type).map((r) => r.resource.logicalId))];
    if (ids.length) parts.push(`${word} ${ids.join(', ')}`);
  }
  return parts.length ? ` (used by ${parts.join('; ')})` : '';
}

/** The launch templates of this template that an Auto Scaling group or instance launches from. */
export function launchTemplatesOf(ctx: RuleContext<any>, resource: Resource): Resource[] {
  const specs: string[][] = resource.type === 'AWS::AutoScaling::AutoScalingGroup'
    ? [['Properties', 'LaunchTemplate'], ['Properties', 'MixedInstancesPolicy', 'LaunchTemplate', 'LaunchTemplateSpecification']]
    : [['Properties', 'LaunchTemplate']];
  const found = new Map<string, Resource>();
  for (const spec of specs) {
    for (const key of ['LaunchTemplateId', 'LaunchTemplateName']) {
      for (const v of ctx.value(resource, [...spec, key])) {
        const target = v.ref && ctx.template.resources.get(v.ref.logicalId);
        if (target && target.type === 'AWS::EC2::LaunchTemplate') found.set(target.logicalId, target);
      }
    }
  }
  return [...found.values()];
}
