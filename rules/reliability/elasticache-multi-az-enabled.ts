import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asNumber, asString } from '../../src/values/coerce.ts';
import { combinations, type Variant } from '../../src/values/variant.ts';
import { valueText } from '../../src/values/quote.ts';
import { listWords } from '../../src/words.ts';

const REPLICATION_GROUP = 'AWS::ElastiCache::ReplicationGroup';
const CACHE_CLUSTER = 'AWS::ElastiCache::CacheCluster';

type Ctx = RuleContext<Record<string, never>>;

/** One reason a replication group cannot fail over, with the value it comes from. */
interface Problem {
  text: string;
  at: Variant;
  /** The property, when it is a literal false that a single `true` fixes. */
  fixable?: string;
}

type Verdict = { kind: 'ok' } | { kind: 'unknown'; variant: Variant; what: string } | { kind: 'problem'; problem: Problem };

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
  messages: {
    replicationGroup: 'Replication group {{logicalId}} cannot fail over to another Availability Zone: {{problems}}.',
    singleNode: 'Cache cluster {{logicalId}} is a single {{engine}} node with no replica or automatic failover; use an AWS::ElastiCache::ReplicationGroup with Multi-AZ instead.',
    memcachedSingleAz: 'Memcached cluster {{logicalId}} keeps its {{nodes}} nodes in one Availability Zone: AZMode is {{state}}.',
    memcachedSingleNode: 'Memcached cluster {{logicalId}} has a single node, so losing its Availability Zone empties the cache.',
  },
  check(resource, ctx) {
    if (resource.type === REPLICATION_GROUP) checkReplicationGroup(resource, ctx);
    else checkCacheCluster(resource, ctx);
  },
});

function state(v: Variant, fallback: string): string {
  return v.kind === 'absent' ? `not set (the default is ${fallback})` : valueText(v.value);
}

function flag(v: Variant, name: string): Verdict {
  if (v.kind === 'unknown') return { kind: 'unknown', variant: v, what: name };
  if (asBoolean(v) === true) return { kind: 'ok' };
  return { kind: 'problem', problem: { text: `${name} is ${state(v, 'false')}`, at: v, fixable: v.kind === 'literal' && asBoolean(v) === false ? name : undefined } };
}

function count(v: Variant): number | undefined | 'unknown' {
  if (v.kind === 'unknown') return 'unknown';
  return asNumber(v);
}

/** At least one replica: NumCacheClusters >= 2, ReplicasPerNodeGroup >= 1, or a replica in every node group. */
function replicas(clusters: Variant, perGroup: Variant, nodeGroups: Variant, ctx: Ctx): Verdict {
  const n = count(clusters);
  if (n === 'unknown') return { kind: 'unknown', variant: clusters, what: 'NumCacheClusters' };
  if (n !== undefined && n >= 2) return { kind: 'ok' };
  const r = count(perGroup);
  if (r === 'unknown') return { kind: 'unknown', variant: perGroup, what: 'ReplicasPerNodeGroup' };
  if (r !== undefined && r >= 1) return { kind: 'ok' };
  if (nodeGroups.kind === 'unknown') return { kind: 'unknown', variant: nodeGroups, what: 'NodeGroupConfiguration' };
  const groups = ctx.items(nodeGroups, []).filter((g) => g.kind !== 'absent');
  if (groups.length > 0 && clusters.kind === 'absent') {
    let missing: Variant | undefined;
    for (const g of groups) {
      if (g.kind === 'unknown') return { kind: 'unknown', variant: g, what: 'a node group' };
      for (const rc of ctx.value(g, ['ReplicaCount'])) {
        // A node group without ReplicaCount takes ReplicasPerNodeGroup (here below 1).
        const c = rc.kind === 'absent' ? r ?? 0 : count(rc);
        if (c === 'unknown') return { kind: 'unknown', variant: rc, what: 'the ReplicaCount of a node group' };
        if (c === undefined || c < 1) missing ??= rc;
      }
    }
    if (!missing) return { kind: 'ok' };
    const text = missing.kind === 'absent' ? 'a node group has no replica (ReplicaCount not set)' : `a node group has no replica (ReplicaCount is ${valueText(missing.value)})`;
    return { kind: 'problem', problem: { text, at: missing } };
  }
  // No replica settings: the group has only its primary.
  if (clusters.kind !== 'absent') return { kind: 'problem', problem: { text: `there is no replica (NumCacheClusters is ${valueText(clusters.value)})`, at: clusters } };
  if (perGroup.kind !== 'absent') return { kind: 'problem', problem: { text: `there is no replica (ReplicasPerNodeGroup is ${valueText(perGroup.value)})`, at: perGroup } };
  return { kind: 'problem', problem: { text: 'there is no replica (NumCacheClusters is not set, the default is 1)', at: clusters } };
}

function checkReplicationGroup(group: Resource, ctx: Ctx): void {
  const prop = (name: string) => ctx.value(group, ['Properties', name]);
  for (const [engine, multiAz, failover, clusters, perGroup, nodeGroups] of combinations([
    prop('Engine'), prop('MultiAZEnabled'), prop('AutomaticFailoverEnabled'),
    prop('NumCacheClusters'), prop('ReplicasPerNodeGroup'), prop('NodeGroupConfiguration'),
  ])) {
    if (asString(engine!)?.toLowerCase() === 'memcached') continue; // not a valid replication group engine
    const verdicts = [
      flag(multiAz!, 'MultiAZEnabled'),
      flag(failover!, 'AutomaticFailoverEnabled'),
      replicas(clusters!, perGroup!, nodeGroups!, ctx),
    ];
    const problems = verdicts.flatMap((v) => (v.kind === 'problem' ? [v.problem] : []));
    // A definite problem fails the group whatever the unknown values are; otherwise unknown means no verdict.
    for (const v of verdicts) if (v.kind === 'unknown') ctx.unknown(v.variant, v.what);
    if (problems.length === 0) continue;
    const first = problems[0]!;
    ctx.report({
      messageId: 'replicationGroup',
      at: first.at,
      because: [engine!, multiAz!, failover!, clusters!, perGroup!, nodeGroups!],
      data: { problems: listWords(problems.map((p) => p.text)) },
      fix: problems.length === 1 && first.fixable ? { text: 'true', description: `Set ${first.fixable} to true` } : undefined,
    });
  }
}

function checkCacheCluster(cluster: Resource, ctx: Ctx): void {
  // The primary of a replication group gets its failover from the group.
  if (ctx.graph.referrers(cluster.logicalId, REPLICATION_GROUP, ['Properties', 'PrimaryClusterId']).length > 0) return;
  const prop = (name: string) => ctx.value(cluster, ['Properties', name]);
  for (const [engine, nodes, azMode] of combinations([prop('Engine'), prop('NumCacheNodes'), prop('AZMode')])) {
    if (engine!.kind === 'unknown') {
      ctx.unknown(engine!, 'the engine');
      continue;
    }
    const name = asString(engine!)?.toLowerCase();
    if (name === 'redis' || name === 'valkey') {
      ctx.report({ messageId: 'singleNode', at: engine!, data: { engine: valueText(asString(engine!)) } });
      continue;
    }
    if (name !== 'memcached') continue;
    const n = count(nodes!);
    if (n === 'unknown') {
      ctx.unknown(nodes!, 'NumCacheNodes');
      continue;
    }
    if (n === undefined) continue;
    if (n <= 1) {
      ctx.report({ messageId: 'memcachedSingleNode', level: 'note', at: nodes!, because: [engine!] });
      continue;
    }
    if (azMode!.kind === 'unknown') {
      ctx.unknown(azMode!, 'AZMode');
      continue;
    }
    if (azMode!.kind === 'literal' && asString(azMode!)?.toLowerCase() === 'cross-az') continue;
    ctx.report({
      messageId: 'memcachedSingleAz',
      at: azMode!,
      because: [engine!, nodes!],
      data: { nodes: n, state: state(azMode!, 'single-az') },
      fix: azMode!.kind === 'literal' ? { text: '"cross-az"', description: 'Spread the nodes across zones' } : undefined,
    });
  }
}

