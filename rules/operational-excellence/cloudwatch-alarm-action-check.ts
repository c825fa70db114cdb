import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { COMPOSITE_ALARM, compositesIncluding, METRIC_ALARM } from '../../src/rule-helpers/alarms.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asString, isSet } from '../../src/values/coerce.ts';

const messages = {
  noActions:
    '{{kind}} {{logicalId}} has no alarm actions: AlarmActions is {{state}}, so when it goes into ALARM nobody is told and nothing happens (no composite alarm or other resource of the template uses it).',
  disabled: '{{kind}} {{logicalId}} has ActionsEnabled set to {{state}}: its actions never run, so when it goes into ALARM nobody is told.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

/** Resources that name alarms by their literal AlarmName and act on their state (a deployment rolls back). */
const USES_ALARM_NAME: Record<string, string[]> = {
  'AWS::CodeDeploy::DeploymentGroup': ['Properties', 'AlarmConfiguration', 'Alarms'],
};

export default defineRule({
  id: 'cloudwatch-alarm-action-check',
  pillar: 'operational-excellence',
  level: 'warning',
  title: 'CloudWatch alarms notify or act',
  rationale:
    'An alarm without actions changes state in the console and nowhere else: nobody is paged, no ticket is opened, no ' +
    'runbook or scaling runs. Teams then believe a failure mode is covered when it is not.',
  remediation:
    'List at least one action in `AlarmActions` (an SNS topic that reaches the on-call, an SSM OpsItem or incident, a ' +
    'scaling policy) and leave `ActionsEnabled` unset or true. An alarm that only feeds a composite alarm needs no ' +
    'actions of its own.\n\n```yaml\nAlarmActions: [!Ref OpsTopic]\nActionsEnabled: true\n```',
  wellArchitected: ['OPS08-BP04', 'REL06-BP03', 'REL06-BP04'],
  appliesTo: [METRIC_ALARM, COMPOSITE_ALARM],
  tags: ['reliability'],
  peers: {
    checkov: [],
    cfn_nag: [],
    // AlarmActions set and ActionsEnabled not false on AWS::CloudWatch::Alarm (HIPAA, NIST and PCI packs).
    cdk_nag: [{ id: 'CloudWatchAlarmAction', resourceTypes: [METRIC_ALARM] }],
  },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  QueueBacklogAlarm:',
      '    Type: AWS::CloudWatch::Alarm',
      '    Properties:',
      '      Namespace: AWS/SQS',
      '      MetricName: ApproximateAgeOfOldestMessage',
      '      Dimensions:',
      '        - {Name: QueueName, Value: orders}',
      '      Statistic: Maximum',
      '      Period: 60',
      '      EvaluationPeriods: 5',
      '      Threshold: 600',
      '      ComparisonOperator: GreaterThanThreshold',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OpsTopic:',
      '    Type: AWS::SNS::Topic',
      '  QueueBacklogAlarm:',
      '    Type: AWS::CloudWatch::Alarm',
      '    Properties:',
      '      Namespace: AWS/SQS',
      '      MetricName: ApproximateAgeOfOldestMessage',
      '      Dimensions:',
      '        - {Name: QueueName, Value: orders}',
      '      Statistic: Maximum',
      '      Period: 60',
      '      EvaluationPeriods: 5',
      '      Threshold: 600',
      '      ComparisonOperator: GreaterThanThreshold',
      '      AlarmActions: [!Ref OpsTopic]',
    ].join('\n'),
    notes:
      'Metric and composite alarms are checked. Not a finding: an alarm that a composite alarm of the template includes ' +
      '(by `Fn::GetAtt Arn`, `Ref` or its name in the rule; the composite carries the action), one that another resource ' +
      'references (a CodeDeploy deployment group that rolls back on it, a Route 53 health check, an AppConfig monitor, ' +
      'also by literal name for CodeDeploy), and one whose ARN or name is exported by an output (another stack may act ' +
      'on it). `OKActions` and `InsufficientDataActions` alone do not count: nothing happens when the alarm fires. An action ' +
      'whose ARN is only known at deploy time (an import, a parameter) counts as an action; an `AlarmActions` list or ' +
      '`ActionsEnabled` known only at deploy time is not a finding, and `--report-unknown` lists it.',
  },
  check(alarm, ctx) {
    const kind = alarm.type === COMPOSITE_ALARM ? 'Composite alarm' : 'Alarm';
    for (const [enabled, list] of ctx.each(ctx.value(alarm, ['Properties', 'ActionsEnabled']), ctx.value(alarm, ['Properties', 'AlarmActions']))) {
      if (!ctx.known(enabled, 'ActionsEnabled') || !ctx.known(list, 'AlarmActions')) continue;
      // An entry known only at deploy time (an imported topic ARN, a parameter) is still an action.
      const actions = list.kind === 'literal' ? ctx.items(list, []).filter(isSet) : [];
      if (actions.length > 0) {
        if (asBoolean(enabled) === false) {
          ctx.report({
            messageId: 'disabled',
            at: enabled,
            because: [list],
            data: { kind, state: stateText(enabled) },
            fix: enabled.kind === 'literal' ? { text: 'true', description: 'Enable the alarm actions' } : undefined,
          });
        }
        continue;
      }
      if (usedElsewhere(ctx, alarm)) continue;
      ctx.report({ messageId: 'noActions', at: list, because: [enabled], data: { kind, state: stateText(list) } });
    }
  },
});

/** Whether a composite alarm, another resource or an output of the template uses the alarm (and may act on it). */
function usedElsewhere(ctx: Ctx, alarm: Resource): boolean {
  if (compositesIncluding(ctx, alarm).length > 0) return true;
  if (ctx.graph.referrers(alarm.logicalId).some(({ edge }) => edge.kind !== 'DependsOn')) return true;
  const names = ctx
    .value(alarm, ['Properties', 'AlarmName'])
    .map(asString)
    .filter((n): n is string => n !== undefined);
  if (names.length > 0) {
    for (const [type, path] of Object.entries(USES_ALARM_NAME)) {
      for (const user of ctx.graph.ofType(type)) {
        if (ctx.items(user, path).some((entry) => ctx.value(entry, ['Name']).some((n) => names.includes(asString(n) ?? '')))) return true;
      }
    }
  }
  return ctx.graph.referencedByOutputs(alarm.logicalId);
}
