import { defineRule } from '../../src/engine/rule.ts';
import { requireValue } from '../../src/rule-helpers/require.ts';
import { asNumber, asString } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';

export default defineRule({
  id: 'elasticache-automatic-backup-enabled',
  pillar: 'reliability',
  level: 'note',
  title: 'Redis/Valkey caches keep automatic snapshots',
  rationale:
    'A Redis or Valkey cache often holds data that exists nowhere else (sessions, queues, leaderboards, counters). Without ' +
    'automatic snapshots, losing the cluster or a bad write loses that data for good. Caches that only hold what can be ' +
    'rebuilt from a database need no backup (SUS04-BP08: back up only what is hard to recreate), so this is a note.',
  remediation:
    'Set `SnapshotRetentionLimit` to the number of days of daily snapshots to keep (1 to 35), and a `SnapshotWindow` outside ' +
    'busy hours. For a pure cache that can be rebuilt, suppress the finding with a reason.\n\n' +
    "```yaml\nSnapshotRetentionLimit: 7\nSnapshotWindow: '03:00-04:00'\n```",
  wellArchitected: ['REL09-BP03', 'SUS04-BP08'],
  securityHub: ['ElastiCache.1'],
  appliesTo: ['AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: ['ElastiCacheRedisClusterAutomaticBackup'] },
  messages: {
    noSnapshots:
      '{{kind}} {{logicalId}} ({{engine}}) keeps no automatic snapshots: SnapshotRetentionLimit is {{state}}, so its data cannot be restored if the cluster is lost.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  SessionStore:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: User sessions',
      '      Engine: valkey',
      '      CacheNodeType: cache.r7g.large',
      '      NumCacheClusters: 2',
      '      AutomaticFailoverEnabled: true',
      '      MultiAZEnabled: true',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  SessionStore:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: User sessions',
      '      Engine: valkey',
      '      CacheNodeType: cache.r7g.large',
      '      NumCacheClusters: 2',
      '      AutomaticFailoverEnabled: true',
      '      MultiAZEnabled: true',
      '      SnapshotRetentionLimit: 7',
      "      SnapshotWindow: '03:00-04:00'",
    ].join('\n'),
    notes:
      'Applies to Redis and Valkey replication groups (whose `Engine` defaults to redis) and cache clusters. Not applicable: ' +
      'Memcached, which has no persistence, and `cache.t1` nodes, which cannot take snapshots. An `Engine` or ' +
      '`SnapshotRetentionLimit` only known at deploy time (an import, a parameter without a Default) is not a finding; ' +
      '`--report-unknown` lists it. A cache that a custom resource (`Custom::*`) with a snapshot or retention setting refers to is treated as unknown: that custom resource sets the retention through the API. A note, because whether the data is worth keeping is not in the template: suppress the ' +
      'finding (with a reason) for caches that can be rebuilt from their source.',
  },
  check(cache, ctx) {
    // An older workaround: a custom resource that sets the snapshot settings through the API. What it sets is not in
    // the template, so the retention is only known at deploy time.
    const setter = ctx.graph
      .referrers(cache.logicalId)
      .find(({ resource }) => isCustomResource(resource.type) && Object.keys(resource.properties ?? {}).some((k) => /snapshot|retention/i.test(k)));
    if (setter) {
      for (const v of ctx.value(cache, ['Properties', 'SnapshotRetentionLimit'])) {
        ctx.unknown(v, `SnapshotRetentionLimit (custom resource ${setter.resource.logicalId} sets the snapshot settings)`);
      }
      return;
    }
    const group = cache.type === 'AWS::ElastiCache::ReplicationGroup';
    for (const [engine, nodeType] of ctx.each(ctx.value(cache, ['Properties', 'Engine']), ctx.value(cache, ['Properties', 'CacheNodeType']))) {
      // A replication group is Redis unless told otherwise; a cache cluster must name its engine.
      if (!ctx.known(engine, 'the cache engine')) continue;
      const name = engine.kind === 'absent' ? (group ? 'redis' : undefined) : asString(engine)?.toLowerCase();
      if (name !== 'redis' && name !== 'valkey') continue;
      if (asString(nodeType)?.startsWith('cache.t1.')) continue; // T1 nodes cannot take snapshots
      requireValue(ctx, cache, {
        path: ['Properties', 'SnapshotRetentionLimit'],
        what: 'SnapshotRetentionLimit',
        ok: (v) => (asNumber(v) ?? 0) > 0,
        messageId: 'noSnapshots',
        data: { kind: group ? 'Replication group' : 'Cache cluster', engine: engine.kind === 'absent' ? 'redis by default' : valueText(name) },
        absent: 'the default is 0, no snapshots',
        because: [engine],
        fix: { text: '7', description: 'Keep daily snapshots for 7 days' },
      });
    }
  },
});

function isCustomResource(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
}
