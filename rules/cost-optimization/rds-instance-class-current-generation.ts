import { defineRule } from '../../src/engine/rule.ts';
import {
  CLASS_PROPERTIES,
  elastiCacheEngineWithoutGraviton,
  familyFacts,
  familyOf,
  rdsEngineWithoutGraviton,
  unknownFamily,
} from '../../src/rule-helpers/instance-families.ts';
import { asString } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import { listWords } from '../../src/words.ts';

export default defineRule({
  id: 'rds-instance-class-current-generation',
  pillar: 'cost-optimization',
  level: 'note',
  title: 'RDS and ElastiCache node classes are current generation',
  rationale:
    'Previous-generation DB instance classes and cache node types cost more for the same work than current ones, run on ' +
    'older, less efficient hardware, and lose support for new engine versions. Older current classes such as db.t2, ' +
    'db.m4 or cache.r4 also have cheaper successors.',
  remediation:
    'Modify the class to a current one of the same kind (a Graviton `g` class where the engine supports it); RDS applies ' +
    'it in the next maintenance window or at once, with a short outage (a failover for Multi-AZ).\n\n' +
    '```yaml\nDBInstanceClass: db.m7g.large   # was db.m4.large\n# ElastiCache: CacheNodeType: cache.r7g.large   # was cache.r3.large\n```',
  wellArchitected: ['COST06-BP02', 'COST01-BP07', 'SUS05-BP02'],
  appliesTo: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::ElastiCache::CacheCluster', 'AWS::ElastiCache::ReplicationGroup'],
  tags: ['performance-efficiency', 'sustainability'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    previousGeneration:
      '{{noun}} {{logicalId}} uses the previous-generation {{what}} {{instanceClass}}: a current one such as {{successor}} does more for the price.',
    olderClass: '{{noun}} {{logicalId}} uses {{instanceClass}}, an older {{what}} with a cheaper successor ({{successor}}).',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersDatabase:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      DBInstanceClass: db.m3.large',
      '      AllocatedStorage: "100"',
      '      MasterUsername: orders',
      '      ManageMasterUserPassword: true',
      '      StorageEncrypted: true',
      '      MultiAZ: true',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersDatabase:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      DBInstanceClass: db.m7g.large',
      '      AllocatedStorage: "100"',
      '      MasterUsername: orders',
      '      ManageMasterUserPassword: true',
      '      StorageEncrypted: true',
      '      MultiAZ: true',
    ].join('\n'),
    notes:
      'All findings are notes: AWS still runs previous-generation classes, and changing a class means a short outage. The ' +
      "family is the text after `db.` or `cache.` (`db.r5.large.tpc2.mem2x` is r5). The families come from pillars-lint's " +
      'instance-family facts (`src/rule-helpers/instance-families.ts`, checked against the RDS "DB instance class types" ' +
      'and ElastiCache "Supported node types" pages on the date it names): previous generation are db.t1, db.m1, db.m2, ' +
      'db.m3, db.r3 and cache.t1, cache.m1, cache.m2, cache.m3, cache.c1, cache.r3; db.t2, db.m4, db.r4, cache.t2, cache.m4 ' +
      'and cache.r4 are current but have cheaper successors. The successor named for SQL Server, Oracle, Db2 and RDS Custom ' +
      'is an x86 class, as these engines have no Graviton classes, and so is the one for ElastiCache engine versions older ' +
      'than Redis OSS 5.0.6 or Memcached 1.5.16. Checked: `DBInstanceClass` of DB instances, ' +
      '`DBClusterInstanceClass` of Multi-AZ DB clusters (Aurora clusters have none: their DB instances are checked) and ' +
      '`CacheNodeType` of cache clusters and replication groups. `db.serverless` passes. A class from a parameter is ' +
      'checked for its Default and each AllowedValue (as notes naming them); one only known at deploy time, and a family ' +
      'the facts do not list, are listed by `--report-unknown`, never flagged.',
  },
  check(resource, ctx) {
    const spec = CLASS_PROPERTIES[resource.type];
    if (!spec) return;
    const prop = (name: string) => ctx.value(resource, ['Properties', name]);
    for (const value of prop(spec.property)) {
      if (value.kind === 'absent' || !ctx.known(value, spec.property)) continue;
      const instanceClass = asString(value);
      if (instanceClass === undefined || /^db\.serverless$/i.test(instanceClass.trim())) continue;
      const facts = familyFacts(spec.service, instanceClass);
      if (!facts) {
        ctx.unknown(unknownFamily(value, familyOf(spec.service, instanceClass)), spec.property);
        continue;
      }
      if (facts.generation === 'current' && !facts.older) continue;
      for (const [engine, version] of ctx.each(prop('Engine'), prop('EngineVersion'), [value])) {
        // Engines (and engine versions) without Graviton classes are offered the x86 successor only.
        const x86Only = withoutGraviton(spec.service, asString(engine), asString(version), resource.type);
        const successors = (facts.successors ?? []).filter((s) => !x86Only || !familyFacts(spec.service, `${s}.large`)?.graviton);
        ctx.report({
          messageId: facts.generation === 'previous' ? 'previousGeneration' : 'olderClass',
          at: value,
          because: [engine, version],
          data: { noun: spec.noun, what: spec.what, instanceClass: valueText(instanceClass), successor: listWords(successors, 'or') },
        });
      }
    }
  },
});

/** Whether the engine (or its version) has no Graviton classes; an engine not known here is assumed to have them. */
function withoutGraviton(service: string, engine: string | undefined, version: string | undefined, type: string): boolean {
  if (service === 'rds') return engine !== undefined && rdsEngineWithoutGraviton(engine);
  // A replication group's engine defaults to Redis OSS.
  const cacheEngine = engine ?? (type === 'AWS::ElastiCache::ReplicationGroup' ? 'redis' : undefined);
  return cacheEngine !== undefined && elastiCacheEngineWithoutGraviton(cacheEngine, version);
}
