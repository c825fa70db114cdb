import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { asNumber, asString } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import { variantWith, type Variant } from '../../src/values/variant.ts';

const GROUP = 'AWS::AutoScaling::AutoScalingGroup';
const POLICY = 'AWS::AutoScaling::ScalingPolicy';
const SCHEDULED = 'AWS::AutoScaling::ScheduledAction';
const ALARM_TYPES = ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm'];
const ALARM_ACTIONS = ['AlarmActions', 'OKActions', 'InsufficientDataActions'];

// Declared apart from the rule so that the functions below report with checked message ids.
const messages = {
  noPolicy:
    'Auto Scaling group {{logicalId}} can run {{min}} to {{max}} instances, but no scaling policy or scheduled action targets it, so it never changes size with load.',
  noAlarm: 'Scaling policy {{logicalId}} ({{policyType}}) is not an action of any CloudWatch alarm in this template, so it never runs.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

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
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  WebGroup:',
      '    Type: AWS::AutoScaling::AutoScalingGroup',
      '    Properties:',
      '      MinSize: "2"',
      '      MaxSize: "10"',
      '      LaunchTemplate:',
      '        LaunchTemplateId: lt-0a1b2c3d4e5f60718',
      '        Version: "7"',
      '      VPCZoneIdentifier: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  WebGroup:',
      '    Type: AWS::AutoScaling::AutoScalingGroup',
      '    Properties:',
      '      MinSize: "2"',
      '      MaxSize: "10"',
      '      LaunchTemplate:',
      '        LaunchTemplateId: lt-0a1b2c3d4e5f60718',
      '        Version: "7"',
      '      VPCZoneIdentifier: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '  WebCpuTarget:',
      '    Type: AWS::AutoScaling::ScalingPolicy',
      '    Properties:',
      '      AutoScalingGroupName: !Ref WebGroup',
      '      PolicyType: TargetTrackingScaling',
      '      TargetTrackingConfiguration:',
      '        PredefinedMetricSpecification:',
      '          PredefinedMetricType: ASGAverageCPUUtilization',
      '        TargetValue: 50',
    ].join('\n'),
    notes:
      'A group scales when a scaling policy or scheduled action of the template names it (by `Ref`, or by its literal ' +
      '`AutoScalingGroupName`), when an ECS capacity provider with managed scaling `ENABLED` uses it, or when a scaling ' +
      'plan names it. Fixed-size groups (`MaxSize` not above `MinSize`) and on/off groups of at most one instance are not ' +
      'checked; the catalog does not mention the latter. Step and simple scaling policies are reported when no CloudWatch ' +
      'alarm of the template lists them among its actions; one handed to another resource or exported to another stack ' +
      'may be run from there and is not a finding. Sizes, policy types and targets known only at deploy time are not a ' +
      'finding; `--report-unknown` lists them.',
  },
  check(resource, ctx) {
    if (resource.type === GROUP) checkGroup(ctx, resource);
    else if (resource.type === POLICY) checkPolicy(ctx, resource);
    // Scheduled actions have nothing of their own to check: they count as scaling for their group.
  },
});

function checkGroup(ctx: Ctx, group: Resource): void {
  const targeting = scalers(ctx, group);
  if (targeting === 'yes') return;
  for (const [min, max] of ctx.each(ctx.value(group, ['Properties', 'MinSize']), ctx.value(group, ['Properties', 'MaxSize']))) {
    if (!ctx.known(min, 'the size range') || !ctx.known(max, 'the size range')) continue;
    const lo = asNumber(min);
    const hi = asNumber(max);
    // A fixed-size group only replaces unhealthy instances; one of at most one instance (0..1) is an on/off switch.
    if (lo === undefined || hi === undefined || hi <= lo || hi <= 1) continue;
    if (targeting !== 'no') {
      ctx.unknown(targeting, 'the scaling policies');
      continue;
    }
    ctx.report({ messageId: 'noPolicy', at: max, because: [min], data: { min: lo, max: hi } });
  }
}

/**
 * Whether something in the template scales the group: 'yes', 'no', or the unknown value that may point at it
 * (a policy whose AutoScalingGroupName is imported, a capacity provider whose managed scaling we cannot read).
 */
function scalers(ctx: Ctx, group: Resource): 'yes' | 'no' | Variant {
  let doubt: Variant | undefined;
  const names = ctx
    .value(group, ['Properties', 'AutoScalingGroupName'])
    .map(asString)
    .filter((n): n is string => n !== undefined);
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
      if (text !== 'DISABLED')
        doubt ??= status.kind === 'absent' ? variantWith(status, { kind: 'unknown', reason: 'the ECS managed scaling default' }) : status;
    }
  }
  // A scaling plan that names the group scales it.
  if (ctx.graph.referrers(group.logicalId, 'AWS::AutoScalingPlans::ScalingPlan').length > 0) return 'yes';
  return doubt ?? 'no';
}

function checkPolicy(ctx: Ctx, policy: Resource): void {
  for (const type of ctx.value(policy, ['Properties', 'PolicyType'])) {
    if (!ctx.known(type, 'PolicyType')) continue;
    const name = type.kind === 'absent' ? 'SimpleScaling' : (asString(type) ?? '');
    // Target tracking and predictive policies create and watch their own metrics.
    if (name !== 'SimpleScaling' && name !== 'StepScaling') continue;
    const triggered = ALARM_TYPES.some((alarmType) =>
      ALARM_ACTIONS.some((key) => ctx.graph.referrers(policy.logicalId, alarmType, ['Properties', key]).length > 0),
    );
    if (triggered) continue;
    // Handed to code (a function's environment, a custom resource) or to another stack, it may be executed from there.
    const handedOn = ctx.graph.referrers(policy.logicalId).some(({ edge }) => edge.kind !== 'DependsOn');
    if (handedOn || ctx.graph.referencedByOutputs(policy.logicalId)) {
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
