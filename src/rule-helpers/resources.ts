import type { RuleContext } from '../engine/rule.ts';
import type { Resource } from '../template/model.ts';
import { samGlobalsOrigin } from '../template/sam.ts';
import { asString } from '../values/coerce.ts';
import type { Variant } from '../values/variant.ts';
import { own } from './lookup.ts';
import { perRun } from './per-run.ts';

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

/**
 * Lambda functions the CDK framework adds (custom resource providers, log retention, bucket notifications and
 * deployments): their code and settings come from aws-cdk-lib, not the user. Known by CDK's singleton logical ids...
 */
const CDK_SINGLETON_IDS =
  /^(AWS679f53fac002430cb0da5b7982bd2287|LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a|BucketNotificationsHandler050a0587b7544547bf325f094a3db834|CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C)/;

export function isCdkSingletonFunction(fn: Resource): boolean {
  return CDK_SINGLETON_IDS.test(fn.logicalId);
}

/** ...or by the entry point of CDK's custom resource provider framework, as a function's Handler. */
export function isCdkFrameworkHandler(handler: Variant): boolean {
  return asString(handler) === '__entrypoint__.handler';
}

const LOAD_BALANCER_NAMES: Record<string, string> = {
  application: 'Application Load Balancer',
  network: 'Network Load Balancer',
  gateway: 'Gateway Load Balancer',
};

/** An ELBv2 load balancer's Type, lower case; absent is `application`, AWS's default. Undefined when unknown. */
export function loadBalancerType(type: Variant): string | undefined {
  return type.kind === 'absent' ? 'application' : asString(type)?.toLowerCase();
}

/** "Application Load Balancer" for a Type from loadBalancerType(), else "Load balancer". */
export function loadBalancerName(type: string | undefined): string {
  return (type && own(LOAD_BALANCER_NAMES, type)) ?? 'Load balancer';
}

/**
 * The resources of `found` in template order. Most sets hold one resource or none; a larger one is sorted by each
 * resource's position, worked out once per run (filtering every resource of the template per call made rules that ask
 * for each of 1,000 instances quadratic).
 */
export function inTemplateOrder(ctx: RuleContext<any, any>, found: ReadonlySet<Resource>): Resource[] {
  if (found.size <= 1) return [...found];
  const position = positions(ctx, ctx.template, () => new Map([...ctx.template.resources.values()].map((r, i) => [r, i])));
  return [...found].sort((a, b) => position.get(a)! - position.get(b)!);
}
const positions = perRun<object, Map<Resource, number>>();
