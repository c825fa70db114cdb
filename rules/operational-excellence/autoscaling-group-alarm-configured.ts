import { option, type OptionsOf } from '../../src/engine/options.ts';
import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { alarmActs, alarmsWatching, isScalingAction, templateHasAlarms, type WatchTarget } from '../../src/rule-helpers/alarms.ts';
import type { Resource } from '../../src/template/model.ts';
import type { Variant } from '../../src/values/variant.ts';

const GROUP = 'AWS::AutoScaling::AutoScalingGroup';
const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';
const CLASSIC_ELB = 'AWS::ElasticLoadBalancing::LoadBalancer';

const options = {
  alarmsManagedElsewhere: option.boolean({
    description:
      'The alarms for these groups live outside this template (another stack, a monitoring tool, an organization-wide setup): the rule reports nothing.',
    default: false,
  }),
};

const messages = {
  unmonitored:
    'Auto Scaling group {{logicalId}}{{others}} has no CloudWatch alarm: the template declares none. If the groups are watched from elsewhere, set the option alarmsManagedElsewhere.',
  noAlarm:
    'Auto Scaling group {{logicalId}} is watched by no CloudWatch alarm that notifies (on its AutoScalingGroupName dimension, or on the healthy hosts of its target groups): failing instances and unmet capacity go unnoticed.',
  scalingOnly:
    'Auto Scaling group {{logicalId}} is watched only by alarms that run scaling policies: nobody is told when its instances fail health checks or capacity cannot be met.',
} as const;

type Ctx = RuleContext<OptionsOf<typeof options>, typeof messages>;

export default defineRule({
  id: 'autoscaling-group-alarm-configured',
  pillar: 'operational-excellence',
  level: 'note',
  title: 'Auto Scaling groups and their target groups have health alarms',
  rationale:
    'An Auto Scaling group replaces failed instances quietly. When replacements keep failing (a bad AMI, an exhausted ' +
    'subnet, a broken dependency) or the healthy hosts behind the load balancer drop below what the service needs, only ' +
    'an alarm tells the team before users do. Scaling alarms do not: they resize the group and tell nobody.',
  remediation:
    "Add a CloudWatch alarm on the healthy host count of the target group (or on a metric with the group's " +
    '`AutoScalingGroupName` dimension, such as `GroupInServiceInstances`) with an action that reaches the team. If the ' +
    'groups are watched from another stack, set `alarmsManagedElsewhere: true`.\n\n' +
    '```yaml\nUnhealthyHosts:\n  Type: AWS::CloudWatch::Alarm\n  Properties:\n    Namespace: AWS/ApplicationELB\n' +
    '    MetricName: HealthyHostCount\n    Dimensions:\n      - {Name: TargetGroup, Value: !GetAtt WebTg.TargetGroupFullName}\n' +
    '      - {Name: LoadBalancer, Value: !GetAtt Alb.LoadBalancerFullName}\n    Statistic: Minimum\n    Period: 60\n' +
    '    EvaluationPeriods: 3\n    Threshold: 2\n    ComparisonOperator: LessThanThreshold\n    AlarmActions: [!Ref OpsTopic]\n```',
  wellArchitected: ['OPS08-BP04', 'REL06-BP03', 'REL11-BP06'],
  appliesTo: [GROUP],
  tags: ['reliability'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  options,
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  OpsTopic:',
      '    Type: AWS::SNS::Topic',
      '  WebTg:',
      '    Type: AWS::ElasticLoadBalancingV2::TargetGroup',
      '    Properties:',
      '      Port: 80',
      '      Protocol: HTTP',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '  WebGroup:',
      '    Type: AWS::AutoScaling::AutoScalingGroup',
      '    Properties:',
      '      MinSize: "2"',
      '      MaxSize: "6"',
      '      TargetGroupARNs: [!Ref WebTg]',
      '      LaunchTemplate:',
      '        LaunchTemplateId: lt-0a1b2c3d4e5f60718',
      '        Version: "7"',
      '      VPCZoneIdentifier: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '  QueueBacklog:',
      '    Type: AWS::CloudWatch::Alarm',
      '    Properties:',
      '      Namespace: AWS/SQS',
      '      MetricName: ApproximateAgeOfOldestMessage',
      '      Dimensions: [{Name: QueueName, Value: jobs}]',
      '      Statistic: Maximum',
      '      Period: 60',
      '      EvaluationPeriods: 5',
      '      Threshold: 600',
      '      ComparisonOperator: GreaterThanThreshold',
      '      AlarmActions: [!Ref OpsTopic]',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OpsTopic:',
      '    Type: AWS::SNS::Topic',
      '  WebTg:',
      '    Type: AWS::ElasticLoadBalancingV2::TargetGroup',
      '    Properties:',
      '      Port: 80',
      '      Protocol: HTTP',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '  WebGroup:',
      '    Type: AWS::AutoScaling::AutoScalingGroup',
      '    Properties:',
      '      MinSize: "2"',
      '      MaxSize: "6"',
      '      TargetGroupARNs: [!Ref WebTg]',
      '      LaunchTemplate:',
      '        LaunchTemplateId: lt-0a1b2c3d4e5f60718',
      '        Version: "7"',
      '      VPCZoneIdentifier: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '  QueueBacklog:',
      '    Type: AWS::CloudWatch::Alarm',
      '    Properties:',
      '      Namespace: AWS/SQS',
      '      MetricName: ApproximateAgeOfOldestMessage',
      '      Dimensions: [{Name: QueueName, Value: jobs}]',
      '      Statistic: Maximum',
      '      Period: 60',
      '      EvaluationPeriods: 5',
      '      Threshold: 600',
      '      ComparisonOperator: GreaterThanThreshold',
      '      AlarmActions: [!Ref OpsTopic]',
      '  WebHealthyHosts:',
      '    Type: AWS::CloudWatch::Alarm',
      '    Properties:',
      '      Namespace: AWS/ApplicationELB',
      '      MetricName: HealthyHostCount',
      '      Dimensions:',
      '        - {Name: TargetGroup, Value: !GetAtt WebTg.TargetGroupFullName}',
      '        - {Name: LoadBalancer, Value: app/web/0123456789abcdef}',
      '      Statistic: Minimum',
      '      Period: 60',
      '      EvaluationPeriods: 3',
      '      Threshold: 2',
      '      ComparisonOperator: LessThanThreshold',
      '      AlarmActions: [!Ref OpsTopic]',
    ].join('\n'),
    notes:
      'A group is watched by an alarm with an action that reaches someone (its own `AlarmActions`, or those of a composite ' +
      'alarm that includes it) on a metric, or a metric-math `MetricStat`, whose `AutoScalingGroupName` dimension names the ' +
      'group (by `Ref`, `Fn::Sub` or its literal name; any namespace, so CloudWatch agent metrics count), or whose ' +
      '`TargetGroup` dimension names one of its target groups (`AWS/ApplicationELB`, `AWS/NetworkELB`, `AWS/GatewayELB`), ' +
      'or whose `LoadBalancerName` names one of its classic load balancers (`AWS/ELB`). Alarms whose only actions are ' +
      'scaling policies do not count, and target tracking policies neither: they resize the group and tell nobody (the ' +
      'catalog leaves this open; the rule follows its graph note).\n\n' +
      '**A template without any alarm** gets one note, on its first group, rather than one per group: such a template is ' +
      'most likely watched from elsewhere or not yet at all. When monitoring lives in another stack or tool, set ' +
      '`alarmsManagedElsewhere: true` and the rule is off. A dimension known only at deploy time, or an alarm the ' +
      "parameters' Defaults leave out, is not a finding; `--report-unknown` lists it.",
  },
  check(group, ctx) {
    if (ctx.options.alarmsManagedElsewhere) return;
    if (!templateHasAlarms(ctx)) {
      const all = ctx.graph.ofType(GROUP);
      if (all[0] !== group) return;
      const others = all.length - 1;
      ctx.report({ messageId: 'unmonitored', data: { others: others === 0 ? '' : ` (and ${others} other group${others === 1 ? '' : 's'} of the template)` } });
      return;
    }
    const verdict = watched(ctx, group);
    if (verdict === 'scaling-only') ctx.report({ messageId: 'scalingOnly' });
    else if (verdict === false) ctx.report({ messageId: 'noAlarm' });
    else if (verdict !== true) ctx.unknown(verdict, 'the alarms watching it');
  },
});

/** What can name the group in an alarm: the group itself, its target groups, its classic load balancers. */
function targets(ctx: Ctx, group: Resource): WatchTarget[] {
  const found: WatchTarget[] = [{ resource: group, dimensions: ['AutoScalingGroupName'], nameProperty: 'AutoScalingGroupName' }];
  for (const tg of refsTo(ctx, group, 'TargetGroupARNs', TARGET_GROUP)) {
    found.push({ resource: tg, dimensions: ['TargetGroup'], namespaces: ['AWS/ApplicationELB', 'AWS/NetworkELB', 'AWS/GatewayELB'] });
  }
  for (const elb of refsTo(ctx, group, 'LoadBalancerNames', CLASSIC_ELB)) {
    found.push({ resource: elb, dimensions: ['LoadBalancerName'], nameProperty: 'LoadBalancerName', namespaces: ['AWS/ELB'] });
  }
  return found;
}

function refsTo(ctx: Ctx, group: Resource, property: string, type: string): Resource[] {
  return ctx.graph
    .targets(group.logicalId, type)
    .filter(({ edge }) => edge.path[0] === 'Properties' && edge.path[1] === property)
    .map(({ resource }) => resource);
}

function watched(ctx: Ctx, group: Resource): boolean | 'scaling-only' | Variant {
  let doubt: Variant | undefined;
  let scaling = false;
  for (const target of targets(ctx, group)) {
    const found = alarmsWatching(ctx, target);
    for (const alarm of found.alarms) {
      const notifies = alarmActs(ctx, alarm, (action) => !isScalingAction(ctx, action));
      if (notifies === true) return true;
      if (notifies !== false) doubt ??= notifies;
      else if (alarmActs(ctx, alarm) === true) scaling = true;
    }
    doubt ??= found.doubt;
  }
  return doubt ?? (scaling ? 'scaling-only' : false);
}
