import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { asNumber, asString, isSet } from '../../src/values/coerce.ts';
import type { Variant } from '../../src/values/variant.ts';
import { listWords } from '../../src/words.ts';

const GROUP = 'AWS::AutoScaling::AutoScalingGroup';
const POLICY = 'AWS::AutoScaling::ScalingPolicy';
/** Policy types that use an instance warm-up (simple scaling uses cooldowns, predictive scaling launches ahead). */
const DYNAMIC = new Set(['TargetTrackingScaling', 'StepScaling']);

const messages = {
  noWarmup:
    'Auto Scaling group {{logicalId}} declares no instance warm-up: DefaultInstanceWarmup is not set and {{policies}} no EstimatedInstanceWarmup. Scaling takes the cooldown ({{cooldown}}) as the time an instance needs to be ready, and booting instances feed the scaling metrics.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

export default defineRule({
  id: 'autoscaling-instance-warmup-configured',
  pillar: 'performance-efficiency',
  level: 'note',
  title: 'Auto Scaling groups declare an instance warm-up',
  rationale:
    'A new instance needs time to boot and start its application. Until then its CPU and request metrics are not those ' +
    'of a working instance: counted too early, they make target tracking and step scaling add or remove capacity on ' +
    'wrong numbers, so the group over- or under-scales. An instance warm-up tells Amazon EC2 Auto Scaling how long to ' +
    'wait; without one the policies fall back to the cooldown, which is rarely the real start-up time.',
  remediation:
    'Set `DefaultInstanceWarmup` on the group to roughly the time from launch until an instance serves traffic (AWS ' +
    'recommends turning it on for every group), or `EstimatedInstanceWarmup` on each target tracking and step scaling ' +
    'policy.\n\n```yaml\nDefaultInstanceWarmup: 180   # seconds: boot + application start\n```',
  wellArchitected: ['PERF02-BP05', 'REL07-BP03'],
  appliesTo: [GROUP],
  tags: ['cost-optimization'],
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
    compliant: [
      'Resources:',
      '  WebGroup:',
      '    Type: AWS::AutoScaling::AutoScalingGroup',
      '    Properties:',
      '      MinSize: "2"',
      '      MaxSize: "10"',
      '      DefaultInstanceWarmup: 180',
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
      'Only groups scaled by a target tracking or step scaling policy of the template (named by `Ref` or by its literal ' +
      '`AutoScalingGroupName`) are checked; simple scaling policies use cooldowns and predictive scaling launches ahead ' +
      'of time. A group passes with `DefaultInstanceWarmup` (0 counts: it turns the feature on), or when every such ' +
      'policy sets `EstimatedInstanceWarmup`. The finding points at the group and names the policies without a warm-up. ' +
      "cdk-nag's AwsSolutions-AS1 checks the group's cooldown, a different setting, and is not treated as a peer. A " +
      'value only known at deploy time (an import, a parameter without a Default) is not a finding; `--report-unknown` ' +
      'lists it.',
  },
  check(group, ctx) {
    const policies = scalingPolicies(ctx, group);
    if (policies.length === 0) return;
    for (const [warmup, cooldown] of ctx.each(ctx.value(group, ['Properties', 'DefaultInstanceWarmup']), ctx.value(group, ['Properties', 'Cooldown']))) {
      if (!ctx.known(warmup, 'DefaultInstanceWarmup')) continue;
      // -1 is how the API turns the default warm-up off again.
      if (warmup.kind === 'literal' && (asNumber(warmup) ?? -1) >= 0) continue;
      const missing: string[] = [];
      const because: Variant[] = [];
      let doubt = false;
      for (const policy of policies) {
        for (const [type, estimate] of ctx.each(ctx.value(policy, ['Properties', 'PolicyType']), ctx.value(policy, ['Properties', 'EstimatedInstanceWarmup']), [
          warmup,
        ])) {
          if (!ctx.known(type, 'PolicyType') || !DYNAMIC.has(asString(type) ?? 'SimpleScaling')) continue;
          if (estimate.kind === 'unknown') {
            ctx.unknown(estimate, 'EstimatedInstanceWarmup');
            doubt = true;
            continue;
          }
          if (isSet(estimate)) continue;
          if (!missing.includes(policy.logicalId)) missing.push(policy.logicalId);
          because.push(type);
        }
      }
      if (doubt || missing.length === 0) continue;
      const seconds = asNumber(cooldown);
      const cooldownText = cooldown.kind === 'absent' ? '300 seconds, the default' : seconds === undefined ? "the group's Cooldown" : `${seconds} seconds`;
      ctx.report({
        messageId: 'noWarmup',
        at: warmup,
        because: [...because, cooldown],
        data: {
          policies: missing.length === 1 ? `scaling policy ${missing[0]} sets` : `scaling policies ${listWords(missing)} set`,
          cooldown: cooldownText,
        },
      });
    }
  },
});

/** The scaling policies of the template that name the group: by Ref (also inside Fn::Sub / Fn::Join), or by its literal name. */
function scalingPolicies(ctx: Ctx, group: Resource): Resource[] {
  const found = ctx.graph.referrers(group.logicalId, POLICY, ['Properties', 'AutoScalingGroupName']).map(({ resource }) => resource);
  const names = ctx
    .value(group, ['Properties', 'AutoScalingGroupName'])
    .map(asString)
    .filter((n): n is string => n !== undefined);
  if (names.length === 0) return found;
  for (const policy of ctx.graph.ofType(POLICY)) {
    if (found.includes(policy)) continue;
    if (ctx.value(policy, ['Properties', 'AutoScalingGroupName']).some((v) => v.kind === 'literal' && names.includes(String(v.value)))) found.push(policy);
  }
  return found;
}
