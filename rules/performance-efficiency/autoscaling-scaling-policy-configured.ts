import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { asNumber, asString } from '../../src/values/coerce.ts';
import { literalVariant, combinations, variantWith, type Variant } from '../../src/values/variant.ts';
import { valueText } from '../../src/values/quote.ts';

const GROUP = 'AWS::AutoScaling::AutoScalingGroup';
const POLICY = 'AWS::AutoScaling::ScalingPolicy';
const SCHEDULED = 'AWS::AutoScaling::ScheduledAction';
const ALARM_TYPES = ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm'];
const ALARM_ACTIONS = ['AlarmActions', 'OKActions', 'InsufficientDataActions'];

export default defineRule({
  id: 'autoscaling-scaling-policy-configured',
  pillar: 'performance-efficiency',
  level: 'warning',
  title: 'Auto Scaling groups that can scale have a scaling policy',
  rationale:
    'A group whose MaxSize is above its MinSize only changes size when something tells it to. Without a scaling policy or ' +
    'a scheduled action it stays at its desired capacity: short of capacity under load, paying for idle instances otherwise.',
  remediation:
    'Attach a scaling policy to the group (target tracking is the simplest default), or scheduled actions for known load ' +
    'patterns. Step and simple scaling policies also need a CloudWatch alarm that lists them in `AlarmActions`.\n\n' +
    '```yaml\nCpuTarget:\n  Type: AWS::AutoScaling::ScalingPolicy\n  Properties:\n    AutoScalingGroupName: !Ref WebAsg\n' +
    '    PolicyType: TargetTrackingScaling\n    TargetTrackingConfiguration:\n' +
    '      PredefinedMetricSpecification: {PredefinedMetricType: ASGAverageCPUUtilization}\n      TargetValue: 50\n```',
  wellArchitected: ['PERF02-BP05', 'REL07-BP01', 'COST09-BP03', 'SUS02-BP01'],
  appliesTo: [GROUP, POLICY, SCHEDULED],
  tags: ['cost-optimization', 'sustainability', 'reliability'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    noPolicy: 'Auto Scaling group {{logicalId}} can run {{min}} to {{max}} instances, but no scaling policy or scheduled action targets it, so it never changes size with load.',
    noAlarm: 'Scaling policy {{logicalId}} ({{policyType}}) is not an action of any CloudWatch alarm in this template, so it never runs.',
  },
  check(resource, ctx) {
    if (resource.type === GROUP) checkGroup(resource, ctx);
    else if (resource.type === POLICY) checkPolicy(resource, ctx);
    // Scheduled actions have nothing of their own to check: they count as scaling for their group.
  },
});

function checkGroup(group: Resource, ctx: RuleContext): void {
  const targeting = scalers(group, ctx);
  if (targeting === 'yes') return;
  for (const [min, max] of combinations([
    ctx.value(group, ['Properties', 'MinSize']),
    ctx.value(group, ['Properties', 'MaxSize']),
  ])) {
    if (min!.kind === 'unknown' || max!.kind === 'unknown') {
      ctx.unknown(min!.kind === 'unknown' ? min! : max!, 'the size range');
      continue;
    }
    const lo = asNumber(min!);
    const hi = asNumber(max!);
    // A fixed-size group only replaces unhealthy instances; one of at most one instance (0..1) is an on/off switch.
    if (lo === undefined || hi === undefined || hi <= lo || hi <= 1) continue;
    if (targeting !== 'no') {
      ctx.unknown(targeting, 'the scaling policies');
      continue;
    }
    ctx.report({ messageId: 'noPolicy', at: max!, because: [min!], data: { min: lo, max: hi } });
  }
}

/**
 * Whether something in the template scales the group: 'yes', 'no', or the unknown value that may point at it
 * (a policy whose AutoScalingGroupName is imported, a capacity provider whose managed scaling we cannot read).
 */
function scalers(group: Resource, ctx: RuleContext): 'yes' | 'no' | Variant {
  let doubt: Variant | undefined;
  const names = ctx.value(group, ['Properties', 'AutoScalingGroupName']).map(asString).filter((n): n is string => n !== undefined);
  for (const type of [POLICY, SCHEDULED]) {
    for (const other of ctx.graph.ofType(type)) {
      const targets = ctx.value(other, ['Properties', 'AutoScalingGroupName']);
      if (targets.length === 0) continue; // never created
      // A Ref, or one inside Fn::Sub / Fn::Join, names a resource of this template: the graph says which.
      const refs = ctx.graph.edgesFrom(other.logicalId).filter((e) => e.path[0] === 'Properties' && e.path[1] === 'AutoScalingGroupName');
      if (refs.length > 0) {
        if (refs.some((e) => e.to === group.logicalId)) return 'yes';
        continue;
      }
      for (const target of targets) {
        if (target.kind === 'literal' && names.includes(String(target.value))) return 'yes';
        if (target.kind === 'unknown') doubt ??= target;
      }
    }
  }
  // ECS managed scaling runs its own target tracking policy on the group.
  for (const { resource: provider } of ctx.graph.referrers(group.logicalId, 'AWS::ECS::CapacityProvider', ['Properties', 'AutoScalingGroupProvider'])) {
    for (const status of ctx.value(provider, ['Properties', 'AutoScalingGroupProvider', 'ManagedScaling', 'Status'])) {
      const text = asString(status)?.toUpperCase();
      if (text === 'ENABLED') return 'yes';
      // The API does not document the default when Status is left out.
      if (text !== 'DISABLED') doubt ??= status.kind === 'absent' ? variantWith(status, { kind: 'unknown', reason: 'the ECS managed scaling default' }) : status;
    }
  }
  // A scaling plan that names the group scales it.
  if (ctx.graph.referrers(group.logicalId, 'AWS::AutoScalingPlans::ScalingPlan').length > 0) return 'yes';
  return doubt ?? 'no';
}

function checkPolicy(policy: Resource, ctx: RuleContext): void {
  for (const type of ctx.value(policy, ['Properties', 'PolicyType'])) {
    if (type.kind === 'unknown') {
      ctx.unknown(type, 'PolicyType');
      continue;
    }
    const name = type.kind === 'absent' ? 'SimpleScaling' : asString(type) ?? '';
    // Target tracking and predictive policies create and watch their own metrics.
    if (name !== 'SimpleScaling' && name !== 'StepScaling') continue;
    const triggered = ALARM_TYPES.some((alarmType) =>
      ALARM_ACTIONS.some((key) => ctx.graph.referrers(policy.logicalId, alarmType, ['Properties', key]).length > 0));
    if (triggered) continue;
    // Handed to code (a function's environment, a custom resource) or to another stack, it may be executed from there.
    const handedOn = ctx.graph.referrers(policy.logicalId).some(({ edge }) => edge.kind !== 'DependsOn');
    if (handedOn || exported(policy, ctx)) {
      ctx.unknown(variantWith(type, { kind: 'unknown', reason: 'passed to another resource or stack, which may execute it' }), 'the trigger');
      continue;
    }
    ctx.report({
      messageId: 'noAlarm',
      at: type,
      data: { policyType: type.kind === 'absent' ? 'SimpleScaling, the default' : valueText(name) },
    });
  }
}

/** Whether an output hands the policy's ARN to another stack (e.g. one that holds the alarms). */
function exported(policy: Resource, ctx: RuleContext): boolean {
  const outputs: Variant = literalVariant(ctx.template.root, [], true, []);
  for (const section of ctx.value(outputs, ['Outputs'])) {
    if (section.kind !== 'literal' || typeof section.value !== 'object' || section.value === null) continue;
    for (const name of Object.keys(section.value)) {
      if (ctx.value(section, [name, 'Value']).some((v) => v.ref?.logicalId === policy.logicalId)) return true;
    }
  }
  return false;
}
