import { option, type OptionsOf } from '../../src/engine/options.ts';
import { perRun } from '../../src/rule-helpers/per-run.ts';
import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { alarmActs, alarmsWatching, notCreated, templateHasAlarms } from '../../src/rule-helpers/alarms.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asString, isSet } from '../../src/values/coerce.ts';
import type { Variant } from '../../src/values/variant.ts';

const INSTANCE = 'AWS::RDS::DBInstance';
const CLUSTER = 'AWS::RDS::DBCluster';
const SUBSCRIPTION = 'AWS::RDS::EventSubscription';

const options = {
  alarmsManagedElsewhere: option.boolean({
    description:
      'The alarms and RDS event subscriptions for these databases live outside this template (another stack, a monitoring tool, an organization-wide setup): the rule reports nothing.',
    default: false,
  }),
};

const messages = {
  unmonitored:
    '{{kind}} {{logicalId}}{{others}} has no CloudWatch alarm and no RDS event subscription: the template declares neither. If they are watched from elsewhere, set the option alarmsManagedElsewhere.',
  noAlarm:
    '{{kind}} {{logicalId}} is watched by no CloudWatch alarm that notifies or acts (on AWS/RDS metrics with its {{dimension}} dimension): storage running out, CPU saturation or connection exhaustion go unnoticed.',
  noEventSubscription:
    '{{kind}} {{logicalId}} is covered by no enabled RDS event subscription: failovers, reboots, maintenance and storage events reach nobody.',
} as const;

type Ctx = RuleContext<OptionsOf<typeof options>, typeof messages>;

export default defineRule({
  id: 'rds-instance-alarm-configured',
  pillar: 'operational-excellence',
  level: 'note',
  title: 'RDS databases have CloudWatch alarms',
  rationale:
    'A database runs out of storage, memory or connections gradually and then all at once. An alarm on FreeStorageSpace, ' +
    'CPUUtilization, FreeableMemory or DatabaseConnections warns while there is time to act, and an RDS event subscription ' +
    'tells the team about failovers, reboots and maintenance as they happen.',
  remediation:
    'Add CloudWatch alarms on the AWS/RDS metrics of the database (its `DBInstanceIdentifier`, or `DBClusterIdentifier` ' +
    'for a cluster) with an action that reaches the team, and an `AWS::RDS::EventSubscription` for it. If the database is ' +
    'watched from another stack, set `alarmsManagedElsewhere: true`.\n\n' +
    '```yaml\nDbFreeStorage:\n  Type: AWS::CloudWatch::Alarm\n  Properties:\n    Namespace: AWS/RDS\n    MetricName: FreeStorageSpace\n' +
    '    Dimensions: [{Name: DBInstanceIdentifier, Value: !Ref Database}]\n    Statistic: Minimum\n    Period: 300\n' +
    '    EvaluationPeriods: 1\n    Threshold: 5368709120\n    ComparisonOperator: LessThanThreshold\n    AlarmActions: [!Ref OpsTopic]\n```',
  wellArchitected: ['OPS08-BP04', 'REL06-BP03', 'PERF03-BP03'],
  securityHub: ['RDS.20', 'RDS.19'],
  appliesTo: [INSTANCE, CLUSTER],
  tags: ['reliability', 'performance-efficiency'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  options,
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  OpsTopic:',
      '    Type: AWS::SNS::Topic',
      '  OrdersDb:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      DBInstanceClass: db.m7g.large',
      '      AllocatedStorage: "100"',
      '  ApiErrors:',
      '    Type: AWS::CloudWatch::Alarm',
      '    Properties:',
      '      Namespace: AWS/ApiGateway',
      '      MetricName: 5XXError',
      '      Dimensions: [{Name: ApiName, Value: orders}]',
      '      Statistic: Sum',
      '      Period: 60',
      '      EvaluationPeriods: 5',
      '      Threshold: 10',
      '      ComparisonOperator: GreaterThanThreshold',
      '      AlarmActions: [!Ref OpsTopic]',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OpsTopic:',
      '    Type: AWS::SNS::Topic',
      '  OrdersDb:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      DBInstanceClass: db.m7g.large',
      '      AllocatedStorage: "100"',
      '  OrdersDbFreeStorage:',
      '    Type: AWS::CloudWatch::Alarm',
      '    Properties:',
      '      Namespace: AWS/RDS',
      '      MetricName: FreeStorageSpace',
      '      Dimensions: [{Name: DBInstanceIdentifier, Value: !Ref OrdersDb}]',
      '      Statistic: Minimum',
      '      Period: 300',
      '      EvaluationPeriods: 1',
      '      Threshold: 5368709120',
      '      ComparisonOperator: LessThanThreshold',
      '      AlarmActions: [!Ref OpsTopic]',
      '  OrdersDbEvents:',
      '    Type: AWS::RDS::EventSubscription',
      '    Properties:',
      '      SnsTopicArn: !Ref OpsTopic',
      '      SourceType: db-instance',
      '      SourceIds: [!Ref OrdersDb]',
      '      EventCategories: [failover, failure, maintenance, low storage]',
    ].join('\n'),
    notes:
      'A DB instance is watched by an alarm on an AWS/RDS metric whose `DBInstanceIdentifier` dimension names it (by ' +
      '`Ref`, `Fn::Sub` or its literal identifier, in any case), including the `MetricStat` metrics of a metric-math ' +
      'alarm; a DB cluster by an alarm on its `DBClusterIdentifier` or on one of its member instances. Only alarms that ' +
      'act count: their own `AlarmActions`, or those of a composite alarm that includes them (see ' +
      'cloudwatch-alarm-action-check). Event subscriptions count when enabled and when their `SourceType` (all types when ' +
      'left out) and `SourceIds` (every source of the type when left out) cover the database. Members of a DB cluster are ' +
      'covered by their cluster and not reported themselves.\n\n' +
      '**A template without any alarm or event subscription** gets one note, on its first database, rather than one per ' +
      'database: such a template is most likely watched from elsewhere or not yet at all, and one note says so. When ' +
      'monitoring lives in another stack or tool, set `alarmsManagedElsewhere: true` and the rule is off. A dimension or ' +
      'source id known only at deploy time is not a finding; `--report-unknown` lists it.',
  },
  check(db, ctx) {
    if (ctx.options.alarmsManagedElsewhere) return;
    if (db.type === INSTANCE && ctx.value(db, ['Properties', 'DBClusterIdentifier']).some(isSet)) return; // the cluster's
    const kind = db.type === CLUSTER ? 'DB cluster' : 'DB instance';
    if (!templateHasAlarms(ctx) && ctx.graph.ofType(SUBSCRIPTION).length === 0) {
      const all = subjects(ctx);
      if (all[0] !== db) return;
      const others = all.length - 1;
      ctx.report({
        messageId: 'unmonitored',
        data: { kind, others: others === 0 ? '' : ` (and ${others} other database${others === 1 ? '' : 's'} of the template)` },
      });
      return;
    }
    const alarmed = watched(ctx, db);
    if (alarmed === false)
      ctx.report({ messageId: 'noAlarm', data: { kind, dimension: db.type === CLUSTER ? 'DBClusterIdentifier' : 'DBInstanceIdentifier' } });
    else if (alarmed !== true) ctx.unknown(alarmed, 'the alarms watching it');
    const subscribed = subscription(ctx, db);
    if (subscribed === false) ctx.report({ messageId: 'noEventSubscription', data: { kind } });
    else if (subscribed !== true) ctx.unknown(subscribed, 'the RDS event subscriptions');
  },
});

/** The databases the rule reports on, in template order: DB clusters and DB instances that are not cluster members. */
function subjects(ctx: Ctx): readonly Resource[] {
  // Asked for each database of a template without alarms: worked out once per run.
  return subjectsOf(ctx, ctx.template, () =>
    [...ctx.template.resources.values()].filter(
      (r) => r.type === CLUSTER || (r.type === INSTANCE && !ctx.value(r, ['Properties', 'DBClusterIdentifier']).some(isSet)),
    ),
  );
}
const subjectsOf = perRun<object, readonly Resource[]>();

/** The DB instances of the template that are members of the cluster (by Ref or literal identifier). */
function members(ctx: Ctx, cluster: Resource): Resource[] {
  const names = identifiers(ctx, cluster, 'DBClusterIdentifier');
  return ctx.graph
    .ofType(INSTANCE)
    .filter((db) =>
      ctx.value(db, ['Properties', 'DBClusterIdentifier']).some((v) => v.ref?.logicalId === cluster.logicalId || names.has(asString(v)?.toLowerCase() ?? '')),
    );
}

function identifiers(ctx: Ctx, db: Resource, property: string): Set<string> {
  return new Set(
    ctx
      .value(db, ['Properties', property])
      .map((v) => asString(v)?.toLowerCase())
      .filter((n): n is string => n !== undefined),
  );
}

/** Whether an alarm that acts watches the database (a cluster: or one of its members). */
function watched(ctx: Ctx, db: Resource): boolean | Variant {
  const targets =
    db.type === CLUSTER
      ? [{ resource: db, dimensions: ['DBClusterIdentifier'], nameProperty: 'DBClusterIdentifier' }, ...members(ctx, db).map(instanceTarget)]
      : [instanceTarget(db)];
  let doubt: Variant | undefined;
  for (const target of targets) {
    const found = alarmsWatching(ctx, { ...target, ignoreCase: true, namespaces: ['AWS/RDS'] });
    for (const alarm of found.alarms) {
      const acts = alarmActs(ctx, alarm);
      if (acts === true) return true;
      if (acts !== false) doubt ??= acts;
    }
    doubt ??= found.doubt;
  }
  return doubt ?? false;
}

function instanceTarget(db: Resource) {
  return { resource: db, dimensions: ['DBInstanceIdentifier'], nameProperty: 'DBInstanceIdentifier' };
}

/** Whether an enabled RDS event subscription covers the database (a cluster: or one of its members). */
function subscription(ctx: Ctx, db: Resource): boolean | Variant {
  const covered =
    db.type === CLUSTER ? [{ db, type: 'db-cluster' }, ...members(ctx, db).map((m) => ({ db: m, type: 'db-instance' }))] : [{ db, type: 'db-instance' }];
  let doubt: Variant | undefined;
  for (const sub of ctx.graph.ofType(SUBSCRIPTION)) {
    const optional = notCreated(ctx, sub);
    if (optional) {
      doubt ??= optional;
      continue;
    }
    for (const [enabled, sourceType, ids] of ctx.each(
      ctx.value(sub, ['Properties', 'Enabled']),
      ctx.value(sub, ['Properties', 'SourceType']),
      ctx.value(sub, ['Properties', 'SourceIds']),
    )) {
      if (asBoolean(enabled) === false) continue;
      if (enabled.kind === 'unknown' || sourceType.kind === 'unknown' || ids.kind === 'unknown') {
        doubt ??= [enabled, sourceType, ids].find((v) => v.kind === 'unknown');
        continue;
      }
      const type = asString(sourceType);
      for (const { db: source, type: wanted } of covered) {
        if (type !== undefined && type !== wanted) continue;
        const list = ids.kind === 'literal' ? ctx.items(ids, []).filter(isSet) : [];
        if (list.length === 0) return true; // every source of the type
        const names = identifiers(ctx, source, wanted === 'db-cluster' ? 'DBClusterIdentifier' : 'DBInstanceIdentifier');
        for (const id of list) {
          if (id.ref?.logicalId === source.logicalId || names.has(asString(id)?.toLowerCase() ?? '')) return true;
          if (id.kind === 'unknown' && !id.ref) doubt ??= id;
        }
      }
    }
  }
  return doubt ?? false;
}
