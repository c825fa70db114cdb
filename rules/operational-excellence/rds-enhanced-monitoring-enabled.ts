import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { rdsKind } from '../../src/rule-helpers/rds.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import type { Resource } from '../../src/template/model.ts';
import { asNumber, asString, isSet } from '../../src/values/coerce.ts';
import type { Variant } from '../../src/values/variant.ts';

const INSTANCE = 'AWS::RDS::DBInstance';
const CLUSTER = 'AWS::RDS::DBCluster';

const messages = {
  off: '{{kind}} {{logicalId}} has no enhanced monitoring: MonitoringInterval is {{state}}, so the OS metrics behind a slow database (CPU steal, memory, I/O per process) are not collected.',
  memberOff:
    'Cluster member {{logicalId}} has no enhanced monitoring: MonitoringInterval is {{state}} on the instance and its cluster {{cluster}} does not set one, so its OS metrics are not collected.',
  noRole:
    '{{kind}} {{logicalId}} sets MonitoringInterval to {{interval}} without a MonitoringRoleArn: RDS rejects the request, because only the console creates the monitoring role itself.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

export default defineRule({
  id: 'rds-enhanced-monitoring-enabled',
  pillar: 'operational-excellence',
  level: 'note',
  title: 'RDS enhanced monitoring is on',
  rationale:
    'CloudWatch shows what the hypervisor sees of a DB instance. Enhanced monitoring adds what its operating system sees, ' +
    'every 1 to 60 seconds: CPU by process, memory, swap, file system and disk I/O. Without it a slow or stalled database ' +
    'is diagnosed from averages after the fact.',
  remediation:
    'Set `MonitoringInterval` (1, 5, 10, 15, 30 or 60 seconds) and a `MonitoringRoleArn` for a role that trusts ' +
    '`monitoring.rds.amazonaws.com` and has the `AmazonRDSEnhancedMonitoringRole` managed policy. For Aurora, set them on ' +
    'each DB instance or once on the DB cluster.\n\n```yaml\nMonitoringInterval: 60\nMonitoringRoleArn: !GetAtt RdsMonitoringRole.Arn\n```',
  wellArchitected: ['OPS04-BP02', 'REL06-BP01', 'PERF03-BP03'],
  securityHub: ['RDS.6'],
  appliesTo: [INSTANCE, CLUSTER],
  tags: ['performance-efficiency'],
  peers: {
    // MonitoringInterval set on AWS::RDS::DBInstance; not the role.
    checkov: [{ id: 'CKV_AWS_118', resourceTypes: [INSTANCE], messages: ['off', 'memberOff'] }],
    cfn_nag: [],
    // MonitoringInterval on AWS::RDS::DBInstance (HIPAA and NIST packs).
    cdk_nag: [{ id: 'RDSEnhancedMonitoringEnabled', resourceTypes: [INSTANCE], messages: ['off', 'memberOff'] }],
  },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersDb:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      DBInstanceClass: db.m7g.large',
      '      AllocatedStorage: "100"',
      '      MultiAZ: true',
      '      StorageEncrypted: true',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersDb:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      DBInstanceClass: db.m7g.large',
      '      AllocatedStorage: "100"',
      '      MultiAZ: true',
      '      StorageEncrypted: true',
      '      MonitoringInterval: 60',
      '      MonitoringRoleArn: !GetAtt RdsMonitoringRole.Arn',
      '  RdsMonitoringRole:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal: {Service: monitoring.rds.amazonaws.com}',
      '            Action: sts:AssumeRole',
      '      ManagedPolicyArns:',
      '        - arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole',
    ].join('\n'),
    notes:
      'Enhanced monitoring is collected per DB instance. Standalone instances and read replicas are checked on their own ' +
      '`MonitoringInterval`. A member of a DB cluster passes with its own interval or with one set on its cluster (the ' +
      'CreateDBCluster API accepts it for Aurora and Multi-AZ DB clusters); a DB cluster is checked itself when it is a ' +
      'Multi-AZ DB cluster (no DB instances of its own) or when no member instance is in the template. Not applicable: ' +
      'Aurora Serverless v1 clusters (`EngineMode: serverless`) and RDS Custom (`custom-*` engines), which do not ' +
      'support it. An interval without `MonitoringRoleArn` is reported as an error: the API refuses it. The catalog also ' +
      'asks for a second note on Performance Insights; it is left to a rule of its own (support depends on engine, ' +
      'version and instance class). Values known only at deploy time are not a finding; `--report-unknown` lists them.',
  },
  check(db, ctx) {
    if (db.type === CLUSTER) checkCluster(ctx, db);
    else checkInstance(ctx, db);
  },
});

function checkCluster(ctx: Ctx, cluster: Resource): void {
  const prop = (name: string) => ctx.value(cluster, ['Properties', name]);
  for (const [engine, mode, instanceClass] of ctx.each(prop('Engine'), prop('EngineMode'), prop('DBClusterInstanceClass'))) {
    if (asString(mode)?.toLowerCase() === 'serverless') continue;
    if (!ctx.known(engine, 'the engine')) continue;
    const aurora = asString(engine)?.toLowerCase().startsWith('aurora') ?? false;
    // Aurora members in the template are checked themselves (the cluster's interval counts for them).
    if (aurora && !isSet(instanceClass) && members(ctx, cluster).length > 0) continue;
    checkInterval(ctx, cluster, 'DB cluster', [engine, mode, instanceClass]);
  }
}

function checkInstance(ctx: Ctx, db: Resource): void {
  for (const reading of rdsKind(ctx, db)) {
    if (reading.kind === 'unknown') {
      ctx.unknown(reading.by, 'the engine');
      continue;
    }
    const engines = ctx.value(db, ['Properties', 'Engine']);
    if (engines.some((e) => asString(e)?.toLowerCase().startsWith('custom-'))) continue;
    if (reading.kind !== 'cluster-member') {
      checkInterval(ctx, db, reading.kind === 'read-replica' ? 'Read replica' : 'DB instance', reading.because);
      continue;
    }
    const cluster = clusterOf(ctx, reading.by);
    if (cluster?.type !== CLUSTER) {
      // The cluster is not in the template: its interval cannot be read, so only the instance's own one decides.
      if (ctx.value(db, ['Properties', 'MonitoringInterval']).some((v) => (asNumber(v) ?? 0) > 0)) checkInterval(ctx, db, 'Cluster member', reading.because);
      else ctx.unknown(reading.by, 'the cluster of the instance');
      continue;
    }
    if (ctx.value(cluster, ['Properties', 'EngineMode']).some((m) => asString(m)?.toLowerCase() === 'serverless')) continue;
    for (const clusterInterval of ctx.value(cluster, ['Properties', 'MonitoringInterval'])) {
      if (!ctx.known(clusterInterval, 'the cluster MonitoringInterval')) continue;
      if ((asNumber(clusterInterval) ?? 0) > 0) continue; // the cluster's role is checked on the cluster
      checkInterval(ctx, db, 'Cluster member', [...reading.because, clusterInterval], cluster.logicalId);
    }
  }
}

/** Reports an interval that is off, or one that is on without a role. */
function checkInterval(ctx: Ctx, db: Resource, kind: string, because: Variant[], cluster?: string): void {
  const prop = (name: string) => ctx.value(db, ['Properties', name]);
  for (const [interval, role, ...rest] of ctx.each(prop('MonitoringInterval'), prop('MonitoringRoleArn'), ...because.map((b) => [b]))) {
    if (!ctx.known(interval, 'MonitoringInterval')) continue;
    const seconds = asNumber(interval) ?? 0;
    if (seconds > 0) {
      if (!isSet(role)) ctx.report({ messageId: 'noRole', level: 'error', at: interval, because: [role, ...rest], data: { kind, interval: seconds } });
      continue;
    }
    // One value fixes it only when the monitoring role is there: an interval without a role is refused by the API.
    const fix = interval.kind === 'literal' && isSet(role) ? { text: '60', description: 'Collect enhanced monitoring every 60 seconds' } : undefined;
    const state = stateText(interval, 'the default is 0, off');
    if (cluster) ctx.report({ messageId: 'memberOff', at: interval, because: rest, data: { state, cluster }, fix });
    else ctx.report({ messageId: 'off', at: interval, because: rest, data: { kind, state }, fix });
  }
}

/** The DB cluster of the template a member names, by Ref or by its literal DBClusterIdentifier (RDS ignores case). */
function clusterOf(ctx: Ctx, by: Variant): Resource | undefined {
  if (by.ref) return ctx.template.resources.get(by.ref.logicalId);
  const name = asString(by)?.toLowerCase();
  if (name === undefined) return undefined;
  return ctx.graph.ofType(CLUSTER).find((c) => ctx.value(c, ['Properties', 'DBClusterIdentifier']).some((v) => asString(v)?.toLowerCase() === name));
}

/** DB instances of the template that are members of the cluster. */
function members(ctx: Ctx, cluster: Resource): Resource[] {
  return ctx.graph.ofType(INSTANCE).filter((db) => ctx.value(db, ['Properties', 'DBClusterIdentifier']).some((v) => isSet(v) && clusterOf(ctx, v) === cluster));
}
