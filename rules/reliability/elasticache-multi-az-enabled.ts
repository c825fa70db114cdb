import { defineRule, type KnownVariant, type RuleContext } from '../../src/engine/rule.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asNumber, asString } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import type { Variant } from '../../src/values/variant.ts';
import { listWords } from '../../src/words.ts';

const REPLICATION_GROUP = 'AWS::ElastiCache::ReplicationGroup';
const CACHE_CLUSTER = 'AWS::ElastiCache::CacheCluster';

// Declared apart from the rule so that the functions below report with checked message ids.
const messages = {
  replicationGroup: 'Replication group {{logicalId}} cannot fail over to another Availability Zone: {{problems}}.',
  singleNode:
    'Cache cluster {{logicalId}} is a single {{engine}} node with no replica or automatic failover; use an AWS::ElastiCache::ReplicationGroup with Multi-AZ instead.',
  memcachedSingleAz: 'Memcached cluster {{logicalId}} keeps its {{nodes}} nodes in one Availability Zone: AZMode is {{state}}.',
  memcachedSingleNode: 'Memcached cluster {{logicalId}} has a single node, so losing its Availability Zone empties the cache.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

/** One reason a replication group cannot fail over, with the value it comes from. */
interface Problem {
  text: string;
  at: Variant;
  /** The property, when it is a literal false that a single `true` fixes. */
  fixable?: string;
}

export default defineRule({
  id: 'elasticache-multi-az-enabled',
  pillar: 'reliability',
  level: 'warning',
  title: 'ElastiCache clusters survive the loss of an Availability Zone',
  rationale:
    'A cache whose nodes all sit in one Availability Zone, or a Redis/Valkey primary without a replica and automatic ' +
    'failover, goes down with that zone or node, and every request then falls through to the backing store. ' +
    'Multi-AZ with automatic failover promotes a replica in another zone within minutes.',
  remediation:
    'For Redis or Valkey use an `AWS::ElastiCache::ReplicationGroup` with `MultiAZEnabled: true`, `AutomaticFailoverEnabled: true` ' +
    'and at least one replica. For Memcached spread two or more nodes with `AZMode: cross-az`.\n\n' +
    '```yaml\nMultiAZEnabled: true\nAutomaticFailoverEnabled: true\nNumCacheClusters: 2\n# memcached CacheCluster: AZMode: cross-az, NumCacheNodes: 2\n```',
  wellArchitected: ['REL10-BP01', 'REL11-BP02'],
  securityHub: ['ElastiCache.3'],
  appliesTo: [REPLICATION_GROUP, CACHE_CLUSTER],
  peers: {
    checkov: [],
    cfn_nag: [],
    // AEC4: MultiAZEnabled not true on a replication group; not its failover or replicas.
    cdk_nag: [{ id: 'AwsSolutions-AEC4', messages: ['replicationGroup'], properties: ['Properties.MultiAZEnabled'] }],
  },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  SessionStore:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: Web session store',
      '      Engine: valkey',
      '      CacheNodeType: cache.r7g.large',
      '      NumCacheClusters: 1',
      '      CacheSubnetGroupName: !Ref CacheSubnets',
      '      TransitEncryptionEnabled: true',
      '  CacheSubnets:',
      '    Type: AWS::ElastiCache::SubnetGroup',
      '    Properties:',
      '      Description: Private subnets in two zones',
      '      SubnetIds: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  SessionStore:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: Web session store',
      '      Engine: valkey',
      '      CacheNodeType: cache.r7g.large',
      '      NumCacheClusters: 2',
      '      MultiAZEnabled: true',
      '      AutomaticFailoverEnabled: true',
      '      CacheSubnetGroupName: !Ref CacheSubnets',
      '      TransitEncryptionEnabled: true',
      '  CacheSubnets:',
      '    Type: AWS::ElastiCache::SubnetGroup',
      '    Properties:',
      '      Description: Private subnets in two zones',
      '      SubnetIds: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
    ].join('\n'),
    notes:
      'A replication group needs all three: `MultiAZEnabled` and `AutomaticFailoverEnabled` true (both default to false) ' +
      'and a replica (`NumCacheClusters` of 2 or more, `ReplicasPerNodeGroup` of 1 or more, or a `ReplicaCount` in every ' +
      'node group); the message lists every one that is missing. A Redis or Valkey `AWS::ElastiCache::CacheCluster` is ' +
      'one node and always fails, unless it is the primary of a replication group of the template (`PrimaryClusterId`). ' +
      'A Memcached cluster of several nodes fails without `AZMode: cross-az`; a single Memcached node is a note. Values ' +
      'known only at deploy time are not a finding (a definite problem next to them still is); `--report-unknown` lists ' +
      'them. `PreferredCacheClusterAZs` and `PreferredAvailabilityZones`, which the catalog names, are not read.',
  },
  check(resource, ctx) {
    if (resource.type === REPLICATION_GROUP) checkReplicationGroup(ctx, resource);
    else checkCacheCluster(ctx, resource);
  },
});

/** A flag that must be true; an unknown one is noted and is no problem. */
function flag(ctx: Ctx, v: Variant, name: string): Problem | undefined {
  if (!ctx.known(v, name) || asBoolean(v) === true) return undefined;
  return { text: `${name} is ${stateText(v, 'the default is false')}`, at: v, fixable: v.kind === 'literal' && asBoolean(v) === false ? name : undefined };
}

/** At least one replica: NumCacheClusters >= 2, ReplicasPerNodeGroup >= 1, or a replica in every node group. */
function replicas(ctx: Ctx, clusters: Variant, perGroup: Variant, nodeGroups: Variant): Problem | undefined {
  if (!ctx.known(clusters, 'NumCacheClusters')) return undefined;
  const n = asNumber(clusters);
  if (n !== undefined && n >= 2) return undefined;
  if (!ctx.known(perGroup, 'ReplicasPerNodeGroup')) return undefined;
  const r = asNumber(perGroup);
  if (r !== undefined && r >= 1) return undefined;
  if (!ctx.known(nodeGroups, 'NodeGroupConfiguration')) return undefined;
  const groups = ctx.items(nodeGroups, []).filter((g) => g.kind !== 'absent');
  if (groups.length > 0 && clusters.kind === 'absent') {
    let missing: KnownVariant | undefined;
    for (const g of groups) {
      if (!ctx.known(g, 'a node group')) return undefined;
      for (const rc of ctx.value(g, ['ReplicaCount'])) {
        if (!ctx.known(rc, 'the ReplicaCount of a node group')) return undefined;
        // A node group without ReplicaCount takes ReplicasPerNodeGroup (here below 1).
        const c = rc.kind === 'absent' ? (r ?? 0) : asNumber(rc);
        if (c === undefined || c < 1) missing ??= rc;
      }
    }
    if (!missing) return undefined;
    const text =
      missing.kind === 'absent'
        ? 'a node group has no replica (ReplicaCount not set)'
        : `a node group has no replica (ReplicaCount is ${valueText(missing.value)})`;
    return { text, at: missing };
  }
  // No replica settings: the group has only its primary.
  if (clusters.kind !== 'absent') return { text: `there is no replica (NumCacheClusters is ${valueText(clusters.value)})`, at: clusters };
  if (perGroup.kind !== 'absent') return { text: `there is no replica (ReplicasPerNodeGroup is ${valueText(perGroup.value)})`, at: perGroup };
  return { text: 'there is no replica (NumCacheClusters is not set, the default is 1)', at: clusters };
}

function checkReplicationGroup(ctx: Ctx, group: Resource): void {
  const prop = (name: string) => ctx.value(group, ['Properties', name]);
  for (const combination of ctx.each(
    prop('Engine'),
    prop('MultiAZEnabled'),
    prop('AutomaticFailoverEnabled'),
    prop('NumCacheClusters'),
    prop('ReplicasPerNodeGroup'),
    prop('NodeGroupConfiguration'),
  )) {
    const [engine, multiAz, failover, clusters, perGroup, nodeGroups] = combination;
    if (asString(engine)?.toLowerCase() === 'memcached') continue; // not a valid replication group engine
    // A definite problem fails the group whatever the unknown values are (they are noted); otherwise there is no verdict.
    const problems = [
      flag(ctx, multiAz, 'MultiAZEnabled'),
      flag(ctx, failover, 'AutomaticFailoverEnabled'),
      replicas(ctx, clusters, perGroup, nodeGroups),
    ].filter((p) => p !== undefined);
    const [first, ...others] = problems;
    if (!first) continue;
    ctx.report({
      messageId: 'replicationGroup',
      at: first.at,
      because: combination,
      data: { problems: listWords(problems.map((p) => p.text)) },
      fix: others.length === 0 && first.fixable ? { text: 'true', description: `Set ${first.fixable} to true` } : undefined,
    });
  }
}

function checkCacheCluster(ctx: Ctx, cluster: Resource): void {
  // The primary of a replication group gets its failover from the group.
  if (ctx.graph.referrers(cluster.logicalId, REPLICATION_GROUP, ['Properties', 'PrimaryClusterId']).length > 0) return;
  const prop = (name: string) => ctx.value(cluster, ['Properties', name]);
  for (const [engine, nodes, azMode] of ctx.each(prop('Engine'), prop('NumCacheNodes'), prop('AZMode'))) {
    if (!ctx.known(engine, 'the engine')) continue;
    const name = asString(engine)?.toLowerCase();
    if (name === 'redis' || name === 'valkey') {
      ctx.report({ messageId: 'singleNode', at: engine, data: { engine: valueText(asString(engine)) } });
      continue;
    }
    if (name !== 'memcached' || !ctx.known(nodes, 'NumCacheNodes')) continue;
    const n = asNumber(nodes);
    if (n === undefined) continue;
    if (n <= 1) {
      ctx.report({ messageId: 'memcachedSingleNode', level: 'note', at: nodes, because: [engine] });
      continue;
    }
    if (!ctx.known(azMode, 'AZMode')) continue;
    if (azMode.kind === 'literal' && asString(azMode)?.toLowerCase() === 'cross-az') continue;
    ctx.report({
      messageId: 'memcachedSingleAz',
      at: azMode,
      because: [engine, nodes],
      data: { nodes: n, state: stateText(azMode, 'the default is single-az') },
      fix: azMode.kind === 'literal' ? { text: '"cross-az"', description: 'Spread the nodes across zones' } : undefined,
    });
  }
}
