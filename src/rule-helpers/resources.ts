import type { RuleContext } from '../engine/rule.ts';
import type { Resource } from '../template/model.ts';
import { samGlobalsOrigin } from '../template/sam.ts';
import type { Variant } from '../values/variant.ts';
import { named } from '../words.ts';

/** Where each resource type keeps its EBS block device mappings. */
export const BLOCK_DEVICE_MAPPINGS: Record<string, string[]> = {
  'AWS::EC2::LaunchTemplate': ['Properties', 'LaunchTemplateData', 'BlockDeviceMappings'],
  'AWS::AutoScaling::LaunchConfiguration': ['Properties', 'BlockDeviceMappings'],
  'AWS::EC2::Instance': ['Properties', 'BlockDeviceMappings'],
};

/** Whether a value of a serverless resource came from SAM Globals (merged by the template stage). */
export function fromSamGlobals(ctx: RuleContext<any>, resource: Resource, v: Variant): boolean {
  return samGlobalsOrigin(ctx.template, resource.logicalId, v.path) !== undefined;
}

// Kept until every rule uses launchers.ts (the rule kit conversion removes them).
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
    if (ids.length) parts.push(named(word, ids));
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
