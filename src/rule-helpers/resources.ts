import type { RuleContext } from '../engine/rule.ts';
import type { Resource } from '../template/model.ts';
import { samGlobalsOrigin } from '../template/sam.ts';
import type { Variant } from '../values/variant.ts';

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
