import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import {
  CLASS_PROPERTIES,
  elastiCacheEngineWithoutGraviton,
  familyFacts,
  familyOf,
  rdsEngineWithoutGraviton,
  unknownFamily,
} from '../../src/rule-helpers/instance-families.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import { type Variant, variantWith } from '../../src/values/variant.ts';

export default defineRule({
  id: 'rds-instance-class-graviton',
  pillar: 'sustainability',
  level: 'note',
  title: 'RDS and ElastiCache use Graviton node classes',
  rationale:
    'Graviton DB instance classes and cache node types cost less than comparable x86 ones (AWS quotes up to 35% better ' +
    'price-performance for RDS) and use less energy for the same work. The engine runs the same either way: moving is a ' +
    'class change, not a code change.',
  remediation:
    'Modify the class to the Graviton class of the same kind (db.m5 → db.m7g, db.r5 → db.r7g, db.t3 → db.t4g, ' +
    'cache.r5 → cache.r7g); it applies with a short outage (a failover for Multi-AZ), like any class change.\n\n' +
    '```yaml\nDBInstanceClass: db.r7g.large\n# ElastiCache: CacheNodeType: cache.r7g.large\n```',
  wellArchitected: ['SUS05-BP03', 'SUS05-BP02', 'COST06-BP02'],
  appliesTo: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::ElastiCache::CacheCluster', 'AWS::ElastiCache::ReplicationGroup'],
  tags: ['cost-optimization', 'performance-efficiency'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    x86: '{{noun}} {{logicalId}} uses the x86 {{what}} {{instanceClass}}: the Graviton {{what}} {{equivalent}} costs less for the same work and uses less energy.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersDatabase:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      DBInstanceClass: db.r5.large',
      '      AllocatedStorage: "100"',
      '      MasterUsername: orders',
      '      ManageMasterUserPassword: true',
      '      StorageEncrypted: true',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersDatabase:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      DBInstanceClass: db.r7g.large',
      '      AllocatedStorage: "100"',
      '      MasterUsername: orders',
      '      ManageMasterUserPassword: true',
      '      StorageEncrypted: true',
    ].join('\n'),
    notes:
      "The Graviton class named comes from pillars-lint's instance-family facts (`src/rule-helpers/instance-families.ts`, " +
      'checked against the RDS "DB instance class types" and "Supported DB engines for DB instance classes" pages and the ' +
      'ElastiCache "Supported node types" page on the date it names); a family the facts do not list is listed by ' +
      '`--report-unknown`, never flagged. Checked: `DBInstanceClass` of DB instances, `DBClusterInstanceClass` of Multi-AZ ' +
      'DB clusters (Aurora clusters have none: their DB instances are checked), and `CacheNodeType` of cache clusters and ' +
      'replication groups. Not applicable: RDS for SQL Server, Oracle and Db2 and RDS Custom (no Graviton classes), ' +
      'ElastiCache engine versions older than Redis OSS 5.0.6 or Memcached 1.5.16 (the first with Graviton node types), ' +
      '`db.serverless`, and x86 classes with no Graviton counterpart (high-frequency db.z1d and db.x2iezn). A read ' +
      "replica without `Engine` takes its source's engine when the source is in the template; otherwise its engine is " +
      'unknown and it is listed by `--report-unknown`, as is a class only known at deploy time.',
  },
  check(resource, ctx) {
    const spec = CLASS_PROPERTIES[resource.type];
    if (!spec) return;
    const prop = (name: string) => ctx.value(resource, ['Properties', name]);
    const engines = spec.service === 'rds' ? rdsEngines(ctx, resource) : prop('Engine');
    for (const [value, engine, version] of ctx.each(prop(spec.property), engines, prop('EngineVersion'))) {
      if (value.kind === 'absent' || !ctx.known(value, spec.property)) continue;
      const instanceClass = asString(value);
      if (instanceClass === undefined || /^db\.serverless$/i.test(instanceClass.trim())) continue;
      const facts = familyFacts(spec.service, instanceClass);
      if (!facts) {
        ctx.unknown(unknownFamily(value, familyOf(spec.service, instanceClass)), spec.property);
        continue;
      }
      if (facts.graviton || !facts.gravitonEquivalent) continue;
      if (spec.service === 'rds') {
        // Without a known engine, SQL Server or Oracle (no Graviton classes) cannot be ruled out.
        if (!ctx.known(engine, 'the engine')) continue;
        const name = asString(engine);
        if (name === undefined || rdsEngineWithoutGraviton(name)) continue;
      } else {
        if (!ctx.known(engine, 'Engine') || !ctx.known(version, 'EngineVersion')) continue;
        // A replication group's engine defaults to Redis OSS.
        const name = asString(engine) ?? (resource.type === 'AWS::ElastiCache::ReplicationGroup' ? 'redis' : undefined);
        if (name === undefined || elastiCacheEngineWithoutGraviton(name, asString(version))) continue;
      }
      ctx.report({
        messageId: 'x86',
        at: value,
        because: [engine, version],
        data: { noun: spec.noun, what: spec.what, instanceClass: valueText(instanceClass), equivalent: facts.gravitonEquivalent },
      });
    }
  },
});

/** The engine of an RDS database: its own Engine, or for a read replica without one, its source's in this template. */
function rdsEngines(ctx: RuleContext<any, any>, db: Resource): Variant[] {
  const own = ctx.value(db, ['Properties', 'Engine']);
  if (db.type !== 'AWS::RDS::DBInstance') return own;
  return own.flatMap((engine) => {
    if (engine.kind !== 'absent') return [engine];
    for (const source of ctx.value(db, ['Properties', 'SourceDBInstanceIdentifier'])) {
      const target = source.ref && ctx.template.resources.get(source.ref.logicalId);
      if (target?.type === 'AWS::RDS::DBInstance') return ctx.value(target, ['Properties', 'Engine']);
    }
    // No engine and no source here: a restore from a snapshot or a replica of something elsewhere.
    return [variantWith(engine, { kind: 'unknown', reason: 'Engine is not set and the source database is not in this template', origin: { kind: 'other' } })];
  });
}
