import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { zoneKey, zoneLabel } from '../../src/rule-helpers/availability.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString, isSet } from '../../src/values/coerce.ts';
import { absentVariant, combinations, variantWith, type Variant } from '../../src/values/variant.ts';
import { listWords } from '../../src/words.ts';

const INSTANCE = 'AWS::RDS::DBInstance';

// Declared apart from the rule so that the functions below report with checked message ids.
const messages = {
  singleInstance:
    'Aurora cluster {{logicalId}} has {{instances}}, so there is no replica in another Availability Zone to fail over to: when that zone or the instance fails, the database is down until a new instance is created.',
  sameZone:
    'Aurora cluster {{logicalId}} pins all its DB instances ({{members}}) to one Availability Zone ({{zone}}), so a failure of that zone takes every instance down.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

/** One DB instance that may belong to the cluster: the readings in which it does (its DBClusterIdentifier). */
interface Member {
  resource: Resource;
  /** One variant per reading; those in `joins` are readings in which the instance is a member of this cluster. */
  readings: Variant[];
  joins: Set<Variant>;
}

export default defineRule({
  id: 'rds-cluster-multi-az-enabled',
  pillar: 'reliability',
  level: 'warning',
  title: 'Aurora clusters have DB instances in more than one Availability Zone',
  rationale:
    "An Aurora cluster's storage is spread over three Availability Zones, but its compute is its DB instances. With a " +
    'single instance, a zone failure or an instance failure leaves the cluster without a writer until Aurora creates a ' +
    'new one, which takes much longer than promoting a replica (typically well under a minute). Replicas pinned to the ' +
    "writer's zone do not help when that zone fails.",
  remediation:
    'Add at least one Aurora replica (a second `AWS::RDS::DBInstance` with the same `DBClusterIdentifier`), and leave ' +
    '`AvailabilityZone` unset so that RDS places it in another zone (or pin the instances to different zones).\n\n' +
    '```yaml\nReaderInstance:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    DBClusterIdentifier: !Ref AuroraCluster\n    Engine: aurora-postgresql\n    DBInstanceClass: db.r7g.large\n```',
  wellArchitected: ['REL10-BP01', 'REL11-BP02'],
  securityHub: ['RDS.15'],
  appliesTo: ['AWS::RDS::DBCluster'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersCluster:',
      '    Type: AWS::RDS::DBCluster',
      '    DeletionPolicy: Snapshot',
      '    Properties:',
      '      Engine: aurora-postgresql',
      '      MasterUsername: orders',
      '      ManageMasterUserPassword: true',
      '      StorageEncrypted: true',
      '  WriterInstance:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      DBClusterIdentifier: !Ref OrdersCluster',
      '      Engine: aurora-postgresql',
      '      DBInstanceClass: db.r7g.large',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersCluster:',
      '    Type: AWS::RDS::DBCluster',
      '    DeletionPolicy: Snapshot',
      '    Properties:',
      '      Engine: aurora-postgresql',
      '      MasterUsername: orders',
      '      ManageMasterUserPassword: true',
      '      StorageEncrypted: true',
      '  WriterInstance:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      DBClusterIdentifier: !Ref OrdersCluster',
      '      Engine: aurora-postgresql',
      '      DBInstanceClass: db.r7g.large',
      '  ReaderInstance:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      DBClusterIdentifier: !Ref OrdersCluster',
      '      Engine: aurora-postgresql',
      '      DBInstanceClass: db.r7g.large',
    ].join('\n'),
    notes:
      'Applies to Aurora clusters (`Engine` starting with `aurora`) in provisioned mode (Aurora Serverless v2 instances ' +
      'count like any other). Not applicable: Aurora Serverless v1 (`EngineMode: serverless`, which has no instances of ' +
      'its own) and Multi-AZ DB clusters (`DBClusterInstanceClass` set, always three zones). The members are the ' +
      '`AWS::RDS::DBInstance` resources whose `DBClusterIdentifier` refers to the cluster (by `Ref`, or by the same ' +
      'literal identifier); a member created only under a condition counts only when the condition holds, and the finding ' +
      'names the condition. Members without `AvailabilityZone` pass: RDS spreads them. A cluster with no member in the ' +
      'template (instances created by another stack) and values known only at deploy time are not findings; ' +
      '`--report-unknown` lists them. The finding is on the cluster, where a suppression goes; the catalog also lists ' +
      'DB instances among the resource types, which are read as members only.',
  },
  check(cluster, ctx) {
    const prop = (name: string) => ctx.value(cluster, ['Properties', name]);
    for (const [engine, mode, instanceClass, identifier] of ctx.each(
      prop('Engine'),
      prop('EngineMode'),
      prop('DBClusterInstanceClass'),
      prop('DBClusterIdentifier'),
    )) {
      if (!ctx.known(engine, 'the engine') || !asString(engine)?.toLowerCase().startsWith('aurora')) continue;
      // A Multi-AZ DB cluster always has three instances in three zones.
      if (isSet(instanceClass)) continue;
      if (!ctx.known(mode, 'EngineMode') || asString(mode)?.toLowerCase() === 'serverless') continue;
      const members = membersOf(ctx, cluster, identifier);
      if (members.length === 0) {
        ctx.unknown(engine, 'the DB instances of the cluster (none in this template: they may be created by another stack)');
        continue;
      }
      checkMembers(ctx, members, engine, [engine, mode, instanceClass, identifier]);
    }
  },
});

/** The DB instances that refer to the cluster, by Ref or by its literal identifier. */
function membersOf(ctx: Ctx, cluster: Resource, identifier: Variant): Member[] {
  const name = asString(identifier)?.toLowerCase();
  const out: Member[] = [];
  for (const instance of ctx.graph.ofType(INSTANCE)) {
    const readings = [...ctx.value(instance, ['Properties', 'DBClusterIdentifier'])];
    const joins = new Set(readings.filter((v) => v.ref?.logicalId === cluster.logicalId || (name !== undefined && asString(v)?.toLowerCase() === name)));
    if (joins.size === 0) continue;
    // A member created only under a condition the template leaves open: in the other branch it does not exist.
    if (instance.condition && readings.some((v) => v.assumptions.some((a) => a.kind === 'condition' && a.name === instance.condition && a.value))) {
      readings.push(absentVariant([], false, [{ kind: 'condition', name: instance.condition, value: false }]));
    }
    out.push({ resource: instance, readings, joins });
  }
  return out;
}

function checkMembers(ctx: Ctx, members: Member[], engine: Variant, because: Variant[]): void {
  const fixed = because.map((v) => [v]);
  for (const combo of combinations([...fixed, ...members.map((m) => m.readings)])) {
    const readings = combo.slice(fixed.length);
    const present = members.filter((m, i) => {
      const reading = readings[i];
      return reading !== undefined && m.joins.has(reading);
    });
    const [first, second] = present;
    if (!second) {
      const instances = first ? `one DB instance, ${first.resource.logicalId}` : 'no DB instance';
      ctx.report({ messageId: 'singleInstance', at: [], because: combo, data: { instances } });
      continue;
    }
    checkZones(ctx, present, engine, combo);
  }
}

/** Members that all pin the same AvailabilityZone; any member left to RDS (no zone) passes. */
function checkZones(ctx: Ctx, present: Member[], engine: Variant, context: Variant[]): void {
  const zoneLists = present.map((m) => ctx.value(m.resource, ['Properties', 'AvailabilityZone']));
  for (const combo of combinations([...context.map((v) => [v]), ...zoneLists])) {
    const zones = combo.slice(context.length);
    if (zones.some((z) => z.kind === 'absent')) continue;
    const keys = new Set<string>();
    let label: string | undefined;
    let unknown: Variant | undefined;
    for (const z of zones) {
      const key = zoneKey(z);
      if (key === undefined) unknown ??= z;
      else {
        keys.add(key);
        label ??= zoneLabel(z);
      }
    }
    if (keys.size > 1) continue;
    if (unknown) {
      // Noted on the cluster, where the verdict is (the zone is written in another resource).
      const onCluster = variantWith(engine, {
        kind: 'unknown',
        value: undefined,
        reason: unknown.reason,
        origin: unknown.origin,
        assumptions: unknown.assumptions,
      });
      ctx.unknown(onCluster, 'the Availability Zone of a DB instance of the cluster');
      continue;
    }
    ctx.report({
      messageId: 'sameZone',
      at: [],
      because: combo,
      data: { members: listWords(present.map((m) => m.resource.logicalId)), zone: label ?? 'one zone' },
    });
  }
}
