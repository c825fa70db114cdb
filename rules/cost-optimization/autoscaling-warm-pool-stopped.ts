import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import type { Resource } from '../../src/template/model.ts';
import { asNumber, asString } from '../../src/values/coerce.ts';
import type { Variant } from '../../src/values/variant.ts';

const messages = {
  running:
    'Warm pool {{logicalId}} keeps its instances running (PoolState {{state}}): idle warm instances are billed at the full instance price, while Stopped or Hibernated ones cost only their EBS volumes.',
  unbounded:
    'Warm pool {{logicalId}} sets neither MaxGroupPreparedCapacity nor MinSize, so it holds {{size}}: set MaxGroupPreparedCapacity to the few instances a scale-out needs at once.',
} as const;

type Context = RuleContext<Record<string, never>, typeof messages>;

export default defineRule({
  id: 'autoscaling-warm-pool-stopped',
  pillar: 'cost-optimization',
  level: 'note',
  title: 'Warm pools keep instances stopped, not running',
  rationale:
    'A warm pool keeps pre-initialized instances ready for an Auto Scaling group to scale out fast. Running warm ' +
    'instances are billed like any running instance while they wait; stopped or hibernated ones cost only their EBS ' +
    'volumes (and Elastic IPs). Without a size limit the pool holds every instance between the desired capacity and the ' +
    'maximum size, which can be many more than a scale-out needs.',
  remediation:
    'Keep the pool `Stopped` (or `Hibernated` where the instances support it), and bound its size.\n\n' +
    '```yaml\nPoolState: Stopped\nMaxGroupPreparedCapacity: 2\n```',
  wellArchitected: ['COST09-BP03', 'SUS02-BP03'],
  appliesTo: ['AWS::AutoScaling::WarmPool'],
  tags: ['sustainability', 'performance-efficiency'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  WebGroup:',
      '    Type: AWS::AutoScaling::AutoScalingGroup',
      '    Properties:',
      '      MinSize: "2"',
      '      MaxSize: "20"',
      '      VPCZoneIdentifier: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]',
      '      LaunchTemplate:',
      '        LaunchTemplateId: lt-0123456789abcdef0',
      '        Version: "3"',
      '  WebWarmPool:',
      '    Type: AWS::AutoScaling::WarmPool',
      '    Properties:',
      '      AutoScalingGroupName: !Ref WebGroup',
      '      PoolState: Running',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  WebGroup:',
      '    Type: AWS::AutoScaling::AutoScalingGroup',
      '    Properties:',
      '      MinSize: "2"',
      '      MaxSize: "20"',
      '      VPCZoneIdentifier: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]',
      '      LaunchTemplate:',
      '        LaunchTemplateId: lt-0123456789abcdef0',
      '        Version: "3"',
      '  WebWarmPool:',
      '    Type: AWS::AutoScaling::WarmPool',
      '    Properties:',
      '      AutoScalingGroupName: !Ref WebGroup',
      '      PoolState: Stopped',
      '      MaxGroupPreparedCapacity: 2',
    ].join('\n'),
    notes:
      '`PoolState` defaults to `Stopped`, which passes, as does `Hibernated`. A pool with neither ' +
      "`MaxGroupPreparedCapacity` nor `MinSize` holds the group's `MaxSize` minus its desired capacity; when the group is " +
      'in the same template the message says how many instances that is at deployment (its `DesiredCapacity`, else ' +
      '`MinSize`), and a group whose maximum is no more than its desired capacity needs no note. A value only known at ' +
      'deploy time is not a finding; `--report-unknown` lists it. Whether a warm pool is needed at all (slow instance ' +
      'start-up against scale-out speed) is not in the template.',
  },
  check(resource, ctx) {
    const prop = (name: string) => ctx.value(resource, ['Properties', name]);
    for (const state of prop('PoolState')) {
      if (!ctx.known(state, 'PoolState') || asString(state)?.toLowerCase() !== 'running') continue;
      ctx.report({ messageId: 'running', at: state, data: { state: stateText(state) } });
    }
    for (const [max, min] of ctx.each(prop('MaxGroupPreparedCapacity'), prop('MinSize'))) {
      if (max.kind !== 'absent' || min.kind !== 'absent') continue;
      for (const size of poolSizes(ctx, resource)) {
        ctx.report({ messageId: 'unbounded', at: max, because: [min, ...size.because], data: { size: size.text } });
      }
    }
  },
});

/**
 * What the pool holds without a limit, once per reading of the group: its MaxSize minus its desired capacity, counted
 * when the group is in this template (none when that is zero or less).
 */
function poolSizes(ctx: Context, pool: Resource): Array<{ text: string; because: Variant[] }> {
  const group = ctx
    .value(pool, ['Properties', 'AutoScalingGroupName'])
    .map((name) => name.ref && ctx.template.resources.get(name.ref.logicalId))
    .find((r): r is Resource => r?.type === 'AWS::AutoScaling::AutoScalingGroup');
  if (!group) return [{ text: "the group's MaxSize minus its desired capacity", because: [] }];
  const prop = (name: string) => ctx.value(group, ['Properties', name]);
  const sizes: Array<{ text: string; because: Variant[] }> = [];
  for (const [maxSize, desired, minSize] of ctx.each(prop('MaxSize'), prop('DesiredCapacity'), prop('MinSize'))) {
    const start = desired.kind === 'absent' ? minSize : desired;
    if (!ctx.known(maxSize, "the group's MaxSize") || !ctx.known(start, "the group's desired capacity")) continue;
    const max = asNumber(maxSize);
    const from = asNumber(start);
    if (max === undefined || from === undefined || max - from <= 0) continue;
    const n = max - from;
    sizes.push({
      text: `${n} instance${n === 1 ? '' : 's'} (group ${group.logicalId}'s MaxSize ${max} minus its desired capacity ${from} at deployment)`,
      because: [maxSize, desired, minSize],
    });
  }
  return sizes;
}
