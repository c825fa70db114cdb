import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString } from '../../src/values/coerce.ts';
import { combinations, mergeAssumptions, variantWith, type Variant } from '../../src/values/variant.ts';
import { attachesLoadBalancer, autoScalingZones, loadBalancerLists } from '../../src/rule-helpers/availability.ts';
import { valueText } from '../../src/values/quote.ts';
import { named } from '../../src/words.ts';

const PLACEMENT_GROUP = 'AWS::EC2::PlacementGroup';
const ASG = 'AWS::AutoScaling::AutoScalingGroup';
const INSTANCE = 'AWS::EC2::Instance';
const LAUNCH_TEMPLATE = 'AWS::EC2::LaunchTemplate';

/** Where each workload type names its placement group. */
const GROUP_PATH: Record<string, string[]> = {
  [ASG]: ['Properties', 'PlacementGroup'],
  [INSTANCE]: ['Properties', 'PlacementGroupName'],
  [LAUNCH_TEMPLATE]: ['Properties', 'LaunchTemplateData', 'Placement', 'GroupName'],
};

type Ctx = RuleContext<Record<string, never>>;

export default defineRule({
  id: 'ec2-placement-group-not-cluster',
  pillar: 'reliability',
  level: 'note',
  title: 'Cluster placement groups are flagged for single-AZ availability risk',
  rationale:
    'A cluster placement group packs its instances close together in one Availability Zone, often on the same rack, for ' +
    'low-latency networking. One zone or rack failure then takes every instance down, so it suits tightly coupled HPC jobs ' +
    'but not workloads that must stay available.',
  remediation:
    'Use the `spread` or `partition` strategy for workloads that must survive hardware or zone failures; keep `cluster` only ' +
    'for tightly coupled HPC and accept the single-zone risk (and then do not give the group subnets in other zones).\n\n' +
    '```yaml\nPlacementGroup:\n  Type: AWS::EC2::PlacementGroup\n  Properties:\n    Strategy: spread   # or partition; keep cluster only for tightly coupled HPC and accept single-AZ risk\n```',
  wellArchitected: ['REL10-BP01', 'REL10-BP03'],
  appliesTo: [PLACEMENT_GROUP, ASG, INSTANCE, LAUNCH_TEMPLATE],
  tags: ['performance-efficiency'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    cluster: '{{what}} is placed in cluster placement group {{group}}, which keeps its instances in one Availability Zone and largely one rack: a single failure there takes them all down.',
    clusterMultiAz: 'Auto Scaling group {{asg}}{{via}} lists subnets in {{zones}} Availability Zones but is placed in cluster placement group {{group}}, which lives in one zone: launches in the other zones fail.',
    clusterLoadBalanced: '{{what}} serves a load balancer but is placed in cluster placement group {{group}}, so one zone or rack failure takes every target down.',
    unusedCluster: 'Placement group {{logicalId}} uses the cluster strategy: every instance launched into it shares one Availability Zone and largely one rack.',
  },
  check(resource, ctx) {
    if (resource.type === PLACEMENT_GROUP) {
      checkStandaloneGroup(resource, ctx);
      return;
    }
    for (const group of ctx.value(resource, GROUP_PATH[resource.type]!)) {
      if (group.kind === 'absent') continue;
      const pg = group.ref && ctx.template.resources.get(group.ref.logicalId);
      if (!pg || pg.type !== PLACEMENT_GROUP) {
        const reason = group.kind === 'literal' ? `placement group ${valueText(asString(group) ?? '?')}, which is not declared in this template` : group.reason;
        ctx.unknown(variantWith(group, { kind: 'unknown', reason }), 'the placement group strategy');
        continue;
      }
      for (const strategy of ctx.value(pg, ['Properties', 'Strategy'])) {
        if (!isCluster(strategy, group, ctx)) continue;
        reportWorkload(resource, group, strategy, pg.logicalId, ctx);
      }
    }
  },
});

/** True for a cluster strategy; absent or unknown strategies are noted (the API default is not documented). */
function isCluster(strategy: Variant, at: Variant, ctx: Ctx): boolean {
  if (strategy.kind === 'absent') {
    ctx.unknown(variantWith(at, { reason: 'not set, and the API default is not documented', assumptions: mergeAssumptions(at.assumptions, strategy.assumptions) ?? at.assumptions }), 'the placement strategy');
    return false;
  }
  if (strategy.kind === 'unknown') {
    ctx.unknown(variantWith(at, { kind: 'unknown', reason: strategy.reason, assumptions: mergeAssumptions(at.assumptions, strategy.assumptions) ?? at.assumptions }), 'the placement strategy');
    return false;
  }
  return asString(strategy)?.toLowerCase() === 'cluster';
}

function reportWorkload(resource: Resource, group: Variant, strategy: Variant, pgId: string, ctx: Ctx): void {
  const data = { group: pgId };
  if (resource.type === ASG) {
    if (reportAsg(resource, group, [strategy], '', ctx)) return;
    ctx.report({ messageId: 'cluster', at: group, because: [strategy], data: { ...data, what: `Auto Scaling group ${resource.logicalId}` } });
    return;
  }
  if (resource.type === INSTANCE) {
    const balanced = servesLoadBalancer(resource, ctx);
    ctx.report({
      messageId: balanced ? 'clusterLoadBalanced' : 'cluster', level: balanced ? 'warning' : undefined,
      at: group, because: [strategy], data: { ...data, what: `Instance ${resource.logicalId}` },
    });
    return;
  }
  // Launch template: the contradiction shows in the Auto Scaling groups that use it (unless they pick their own group).
  const users = ctx.graph.referrers(resource.logicalId, ASG).map((r) => r.resource);
  const unique = [...new Map(users.map((u) => [u.logicalId, u])).values()];
  for (const asg of unique) {
    if (ctx.value(asg, ['Properties', 'PlacementGroup']).some((v) => v.kind !== 'absent')) continue;
    if (reportAsg(asg, group, [strategy], ` (through launch template ${resource.logicalId})`, ctx)) return;
  }
  const what = `Launch template ${resource.logicalId}${unique.length ? ` (used by ${named('Auto Scaling group', unique.map((u) => u.logicalId))})` : ''}`;
  ctx.report({ messageId: 'cluster', at: group, because: [strategy], data: { ...data, what } });
}

/** Reports at warning level when the group also lists subnets in two or more zones, or serves a load balancer. */
function reportAsg(asg: Resource, group: Variant, because: Variant[], via: string, ctx: Ctx): boolean {
  const pgId = group.ref!.logicalId;
  for (const outcome of autoScalingZones(ctx, asg)) {
    if (outcome.kind !== 'zones' || outcome.zones.length < 2) continue;
    ctx.report({
      messageId: 'clusterMultiAz', level: 'warning', at: group, because: [...because, ...outcome.because],
      data: { group: pgId, zones: outcome.zones.length, via, asg: asg.logicalId },
    });
    return true;
  }
  for (const lists of combinations(loadBalancerLists(ctx, asg))) {
    if (!lists.some(attachesLoadBalancer)) continue;
    ctx.report({
      messageId: 'clusterLoadBalanced', level: 'warning', at: group, because: [...because, ...lists],
      data: { group: pgId, what: `Auto Scaling group ${asg.logicalId}${via}` },
    });
    return true;
  }
  return false;
}

/** An instance registered in a target group or a Classic load balancer of this template. */
function servesLoadBalancer(instance: Resource, ctx: Ctx): boolean {
  return ctx.graph.referrers(instance.logicalId, 'AWS::ElasticLoadBalancingV2::TargetGroup', ['Properties', 'Targets']).length > 0
    || ctx.graph.referrers(instance.logicalId, 'AWS::ElasticLoadBalancing::LoadBalancer', ['Properties', 'Instances']).length > 0;
}

/** A cluster group that no workload of this template uses is reported on itself (its instances live elsewhere). */
function checkStandaloneGroup(pg: Resource, ctx: Ctx): void {
  const used = Object.entries(GROUP_PATH).some(([type, path]) => ctx.graph.referrers(pg.logicalId, type, path).length > 0);
  if (used) return;
  for (const strategy of ctx.value(pg, ['Properties', 'Strategy'])) {
    if (strategy.kind === 'absent') {
      ctx.unknown(variantWith(strategy, { reason: 'not set, and the API default is not documented' }), 'the placement strategy');
      continue;
    }
    if (strategy.kind === 'unknown') {
      ctx.unknown(strategy, 'the placement strategy');
      continue;
    }
    if (asString(strategy)?.toLowerCase() !== 'cluster') continue;
    // No fix offered: spread, partition or keeping cluster depends on the workload.
    ctx.report({ messageId: 'unusedCluster', at: strategy });
  }
}
