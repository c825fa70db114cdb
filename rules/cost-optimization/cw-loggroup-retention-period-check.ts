import { option, type OptionsOf } from '../../src/engine/options.ts';
import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { requireValue } from '../../src/rule-helpers/require.ts';
import type { Resource } from '../../src/template/model.ts';
import { asNumber, asString } from '../../src/values/coerce.ts';
import { isCdkFrameworkHandler, isCdkSingletonFunction } from '../../src/rule-helpers/resources.ts';

const LOG_GROUP = 'AWS::Logs::LogGroup';
/** The CDK's `logRetention` property: a custom resource that sets the retention of a function's log group. */
const CDK_LOG_RETENTION = 'Custom::LogRetention';

const options = {
  minRetentionDays: option.number({
    description:
      'Fewest days a log group must keep its events (for example 365 for an audit requirement); 0 accepts any retention. ' +
      'Only log groups with a RetentionInDays are measured against it.',
    default: 0,
    minimum: 0,
    integer: true,
  }),
  checkFunctions: option.boolean({
    description:
      'Also flag Lambda functions whose log group is not declared in the template (Lambda then creates one that never ' +
      'expires). Turn off when something outside the template sets the retention of new log groups.',
    default: true,
  }),
};

// Declared apart from the rule so that the functions below report with checked message ids.
const messages = {
  noRetention: 'Log group {{logicalId}} keeps its events forever: RetentionInDays is {{state}}, so storage is paid for indefinitely.',
  tooShort: 'Log group {{logicalId}} keeps its events {{state}} days, fewer than the {{min}} days required.',
  implicitLogGroup:
    'Lambda function {{logicalId}} writes to a log group that is not declared in the template: Lambda creates /aws/lambda/<name> itself, and it keeps events forever.',
} as const;

type Ctx = RuleContext<OptionsOf<typeof options>, typeof messages>;

export default defineRule({
  id: 'cw-loggroup-retention-period-check',
  pillar: 'cost-optimization',
  level: 'warning',
  title: 'CloudWatch log groups have a retention period',
  rationale:
    'A log group without a retention period keeps every event forever: storage cost grows every month, old logs that ' +
    'nobody reads take energy to keep, and personal data in logs outlives any retention policy. A Lambda function whose ' +
    'log group is not declared gets one from Lambda on its first run, with no retention and outside the stack.',
  remediation:
    'Set `RetentionInDays` on every log group to what operations and compliance need (for example 30, 90 or 365 days). ' +
    'For a Lambda function, declare its log group (`/aws/lambda/<function name>`, or the group named in ' +
    '`LoggingConfig.LogGroup`) with a retention, so the stack owns it.\n\n' +
    '```yaml\nFunctionLogGroup:\n  Type: AWS::Logs::LogGroup\n  Properties:\n    LogGroupName: !Sub /aws/lambda/${Function}\n    RetentionInDays: 30\n```',
  wellArchitected: ['COST04-BP05', 'SUS04-BP03', 'SEC07-BP04'],
  appliesTo: [LOG_GROUP, 'AWS::Lambda::Function', 'AWS::Serverless::Function'],
  tags: ['security', 'sustainability', 'operational-excellence'],
  peers: {
    // Each checks the RetentionInDays of log groups only.
    checkov: [{ id: 'CKV_AWS_66', resourceTypes: [LOG_GROUP], messages: ['noRetention'] }],
    cfn_nag: [{ id: 'W86', resourceTypes: [LOG_GROUP], messages: ['noRetention'] }],
    cdk_nag: [{ id: 'CloudWatchLogGroupRetentionPeriod', resourceTypes: [LOG_GROUP], messages: ['noRetention'] }],
  },
  options,
  messages,
  docs: {
    noncompliant: ['Resources:', '  ApiLogs:', '    Type: AWS::Logs::LogGroup', '    Properties:', '      LogGroupName: /acme/orders-api/access'].join('\n'),
    compliant: [
      'Resources:',
      '  ApiLogs:',
      '    Type: AWS::Logs::LogGroup',
      '    Properties:',
      '      LogGroupName: /acme/orders-api/access',
      '      RetentionInDays: 90',
    ].join('\n'),
    notes:
      'A Lambda function (also SAM) counts as having a declared log group when the template has an ' +
      '`AWS::Logs::LogGroup` whose `LogGroupName` refers to the function (`!Sub /aws/lambda/${Function}`, or a `Fn::Join`) ' +
      'or equals `/aws/lambda/` plus its `FunctionName`, when its `LoggingConfig.LogGroup` names a log group of the ' +
      'template, or when a CDK `Custom::LogRetention` (the `logRetention` property) sets the retention of its log group. ' +
      'That log group is then checked as a log group. A `LoggingConfig.LogGroup` naming a group that is not in the ' +
      'template is only known at deploy time (it may exist elsewhere): `--report-unknown` lists it. Functions get a ' +
      'note rather than a warning, and the handlers the CDK adds itself (custom resource providers, log retention, ' +
      'bucket deployments) and Lambda@Edge functions (associated with a CloudFront distribution, directly or through ' +
      'an `AWS::Lambda::Version`) are left out: their log groups are not yours to declare (an edge function logs to ' +
      '`/aws/lambda/<Region>.<name>` in every Region where it runs).\n\n' +
      'Options: `minRetentionDays` also flags log groups that keep events for fewer days than a requirement; ' +
      '`checkFunctions: false` turns off the check of Lambda functions, for accounts where something outside the ' +
      'template sets the retention of new log groups. A `RetentionInDays` only known at deploy time is not a finding.',
  },
  check(resource, ctx) {
    if (resource.type === LOG_GROUP) checkLogGroup(ctx, resource);
    else if (ctx.options.checkFunctions) checkFunction(ctx, resource);
  },
});

function checkLogGroup(ctx: Ctx, group: Resource): void {
  requireValue(ctx, group, {
    path: ['Properties', 'RetentionInDays'],
    what: 'RetentionInDays',
    ok: (v) => v.kind !== 'absent',
    messageId: 'noRetention',
  });
  const min = ctx.options.minRetentionDays;
  if (min <= 0) return;
  requireValue(ctx, group, {
    path: ['Properties', 'RetentionInDays'],
    what: 'RetentionInDays',
    ok: (v) => v.kind === 'absent' || (asNumber(v) ?? min) >= min,
    messageId: 'tooShort',
    data: { min },
  });
}

function checkFunction(ctx: Ctx, fn: Resource): void {
  if (isCdkSingletonFunction(fn)) return;
  if (ctx.value(fn, ['Properties', 'Handler']).some(isCdkFrameworkHandler)) return;
  if (isEdgeFunction(ctx, fn)) return;
  // A log group (or the CDK's log retention) whose name is built from a reference to the function.
  for (const type of [LOG_GROUP, CDK_LOG_RETENTION]) {
    if (ctx.graph.referrers(fn.logicalId, type, ['Properties', 'LogGroupName']).length) return;
  }
  let names: Set<string> | undefined;
  const declared = (name: string) => (names ??= declaredLogGroupNames(ctx)).has(name);
  for (const [target, name] of ctx.each(ctx.value(fn, ['Properties', 'LoggingConfig', 'LogGroup']), ctx.value(fn, ['Properties', 'FunctionName']))) {
    if (target.kind === 'absent') {
      const fnName = asString(name);
      if (fnName !== undefined && declared(`/aws/lambda/${fnName}`)) continue;
      ctx.report({ messageId: 'implicitLogGroup', at: ['Properties'], because: [target, name], level: 'note' });
      continue;
    }
    // A log group of the template (by reference or by name) is checked as a log group.
    if (target.ref && ctx.template.resources.get(target.ref.logicalId)?.type === LOG_GROUP) continue;
    const targetName = asString(target);
    if (targetName !== undefined && declared(targetName)) continue;
    ctx.unknown(target, 'LoggingConfig.LogGroup (a log group that is not declared in the template)');
  }
}

const DISTRIBUTION = 'AWS::CloudFront::Distribution';
const viaAssociations = (path: readonly unknown[]) => path.includes('LambdaFunctionAssociations');

/**
 * Lambda@Edge: CloudFront runs the function in many Regions, each with a log group `/aws/lambda/<Region>.<name>` of
 * that Region, which one stack cannot declare. Known by a distribution's association with the function or its version.
 */
function isEdgeFunction(ctx: Ctx, fn: Resource): boolean {
  const associated = (id: string) => ctx.graph.referrers(id, DISTRIBUTION).some(({ edge }) => viaAssociations(edge.path));
  if (associated(fn.logicalId)) return true;
  return ctx.graph.referrers(fn.logicalId, 'AWS::Lambda::Version').some(({ resource }) => associated(resource.logicalId));
}

/** The literal names of the template's log groups and CDK log retentions (ignoring those only known at deploy time). */
function declaredLogGroupNames(ctx: Ctx): Set<string> {
  const names = new Set<string>();
  for (const type of [LOG_GROUP, CDK_LOG_RETENTION]) {
    for (const group of ctx.graph.ofType(type)) {
      for (const name of ctx.value(group, ['Properties', 'LogGroupName'])) {
        const text = asString(name);
        if (text !== undefined) names.add(text);
      }
    }
  }
  return names;
}
