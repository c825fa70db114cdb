import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { attachesLoadBalancer, autoScalingZones, loadBalancerLists } from '../../src/rule-helpers/availability.ts';
import { launchersOf, usedBy } from '../../src/rule-helpers/launchers.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import { mergeAssumptions, variantWith, type Variant } from '../../src/values/variant.ts';

const PLACEMENT_GROUP = 'AWS::EC2::PlacementGroup';
const ASG = 'AWS::AutoScaling::AutoScalingGroup';
const INSTANCE = 'AWS::EC2::Instance';
const LAUNCH_TEMPLATE = 'AWS::EC2::LaunchTemplate';

/** Where each workload type names its placement group. */
const GROUP_PATH: Readonly<Record<string, readonly string[]>> = {
  [ASG]: ['Properties', 'PlacementGroup'],
  [INSTANCE]: ['Properties', 'PlacementGroupName'],
  [LAUNCH_TEMPLATE]: ['Properties', 'LaunchTemplateData', 'Placement', 'GroupName'],
};

// Declared apart from the rule so that the functions below report with checked message ids.
const messages = {
  cluster:
    '{{what}} is placed in cluster placement group {{group}}, which keeps its instances in one Availability Zone and largely one rack: a single failure there takes them all down.',
  clusterMultiAz:
    'Auto Scaling group {{asg}}{{via}} lists subnets in {{zones}} Availability Zones but is placed in cluster placement group {{group}}, which lives in one zone: launches in the other zones fail.',
  clusterLoadBalanced:
    '{{what}} serves a load balancer but is placed in cluster placement group {{group}}, so one zone or rack failure takes every target down.',
  unusedCluster: 'Placement group {{logicalId}} uses the cluster strategy: every instance launched into it shares one Availability Zone and largely one rack.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

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
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  PackedGroup:',
      '    Type: AWS::EC2::PlacementGroup',
      '    Properties:',
      '      Strategy: cluster',
      '  CacheNode:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      ImageId: ami-0a1b2c3d4e5f60718',
      '      InstanceType: r7g.xlarge',
      '      SubnetId: subnet-0a1b2c3d4e5f60718',
      '      PlacementGroupName: !Ref PackedGroup',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  SpreadGroup:',
      '    Type: AWS::EC2::PlacementGroup',
      '    Properties:',
      '      Strategy: spread',
      '      SpreadLevel: rack',
      '  CacheNode:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      ImageId: ami-0a1b2c3d4e5f60718',
      '      InstanceType: r7g.xlarge',
      '      SubnetId: subnet-0a1b2c3d4e5f60718',
      '      PlacementGroupName: !Ref SpreadGroup',
    ].join('\n'),
    notes:
      'The finding is a note, since tightly coupled HPC jobs want a cluster group. It is a warning when the workload ' +
      'contradicts it: an Auto Scaling group (placed directly or through its launch template) that lists subnets in two ' +
      'or more zones or serves a load balancer, or an instance registered in a target group or Classic Load Balancer. ' +
      'A launch template is reported on itself, naming what launches from it, unless an Auto Scaling group using it shows the ' +
      'contradiction (a group that names its own `PlacementGroup` does not count). A cluster group that nothing in the ' +
      'template uses is reported on itself. Placement groups of another stack or account, a `Strategy` known only at ' +
      'deploy time, and a group without `Strategy` (the API does not document its default) are not a finding; ' +
      '`--report-unknown` lists them.',
  },
  check(resource, ctx) {
    if (resource.type === PLACEMENT_GROUP) {
      checkStandaloneGroup(ctx, resource);
      return;
    }
    const path = GROUP_PATH[resource.type];
    if (!path) return;
    for (const group of ctx.value(resource, path)) {
      if (group.kind === 'absent') continue;
      const pg = group.ref && ctx.template.resources.get(group.ref.logicalId);
      if (!pg || pg.type !== PLACEMENT_GROUP) {
        const outside =
          group.kind === 'literal'
            ? variantWith(group, { kind: 'unknown', reason: `placement group ${valueText(asString(group) ?? '?')}, which is not declared in this template` })
            : group;
        ctx.unknown(outside, 'the placement group strategy');
        continue;
      }
      for (const strategy of ctx.value(pg, ['Properties', 'Strategy'])) {
        if (isCluster(ctx, strategy, group)) reportWorkload(ctx, resource, group, strategy, pg.logicalId);
      }
    }
  },
});

/** True for a cluster strategy; absent or unknown strategies are noted at the workload's reference (the API default is not documented). */
function isCluster(ctx: Ctx, strategy: Variant, at: Variant): boolean {
  if (strategy.kind === 'literal') return asString(strategy)?.toLowerCase() === 'cluster';
  const reason = strategy.kind === 'absent' ? 'not set, and the API default is not documented' : strategy.reason;
  const assumptions = mergeAssumptions(at.assumptions, strategy.assumptions) ?? at.assumptions;
  ctx.unknown(variantWith(at, { kind: 'unknown', reason, assumptions }), 'the placement strategy');
  return false;
}

function reportWorkload(ctx: Ctx, resource: Resource, group: Variant, strategy: Variant, pgId: string): void {
  if (resource.type === ASG) {
    if (reportAsg(ctx, resource, group, pgId, [strategy], '')) return;
    ctx.report({ messageId: 'cluster', at: group, because: [strategy], data: { group: pgId, what: `Auto Scaling group ${resource.logicalId}` } });
    return;
  }
  if (resource.type === INSTANCE) {
    const balanced = servesLoadBalancer(ctx, resource);
    ctx.report({
      messageId: balanced ? 'clusterLoadBalanced' : 'cluster',
      level: balanced ? 'warning' : undefined,
      at: group,
      because: [strategy],
      data: { group: pgId, what: `Instance ${resource.logicalId}` },
    });
    return;
  }
  // Launch template: the contradiction shows in the Auto Scaling groups that use it (unless they pick their own group).
  for (const asg of launchersOf(ctx, resource)) {
    if (asg.type !== ASG || ctx.value(asg, ['Properties', 'PlacementGroup']).some((v) => v.kind !== 'absent')) continue;
    if (reportAsg(ctx, asg, group, pgId, [strategy], ` (through launch template ${resource.logicalId})`)) return;
  }
  ctx.report({
    messageId: 'cluster',
    at: group,
    because: [strategy],
    data: { group: pgId, what: `Launch template ${resource.logicalId}${usedBy(ctx, resource)}` },
  });
}

/** Reports at warning level when the group also lists subnets in two or more zones, or serves a load balancer. */
function reportAsg(ctx: Ctx, asg: Resource, group: Variant, pgId: string, because: Variant[], via: string): boolean {
  for (const outcome of autoScalingZones(ctx, asg)) {
    if (outcome.kind !== 'zones' || outcome.zones.length < 2) continue;
    ctx.report({
      messageId: 'clusterMultiAz',
      level: 'warning',
      at: group,
      because: [...because, ...outcome.because],
      data: { group: pgId, zones: outcome.zones.length, via, asg: asg.logicalId },
    });
    return true;
  }
  for (const lists of ctx.each(...loadBalancerLists(ctx, asg))) {
    if (!lists.some(attachesLoadBalancer)) continue;
    ctx.report({
      messageId: 'clusterLoadBalanced',
      level: 'warning',
      at: group,
      because: [...because, ...lists],
      data: { group: pgId, what: `Auto Scaling group ${asg.logicalId}${via}` },
    });
    return true;
  }
  return false;
}

/** An instance registered in a target group or a Classic load balancer of this template. */
function servesLoadBalancer(ctx: Ctx, instance: Resource): boolean {
  return (
    ctx.graph.referrers(instance.logicalId, 'AWS::ElasticLoadBalancingV2::TargetGroup', ['Properties', 'Targets']).length > 0 ||
    ctx.graph.referrers(instance.logicalId, 'AWS::ElasticLoadBalancing::LoadBalancer', ['Properties', 'Instances']).length > 0
  );
}

/** A cluster group that no workload of this template uses is reported on itself (its instances live elsewhere). */
function checkStandaloneGroup(ctx: Ctx, pg: Resource): void {
  const used = Object.entries(GROUP_PATH).some(([type, path]) => ctx.graph.referrers(pg.logicalId, type, path).length > 0);
  if (used) return;
  for (const strategy of ctx.value(pg, ['Properties', 'Strategy'])) {
    if (strategy.kind === 'absent') {
      ctx.unknown(variantWith(strategy, { reason: 'not set, and the API default is not documented' }), 'the placement strategy');
      continue;
    }
    if (!ctx.known(strategy, 'the placement strategy') || asString(strategy)?.toLowerCase() !== 'cluster') continue;
    // No fix offered: spread, partition or keeping cluster depends on the workload.
    ctx.report({ messageId: 'unusedCluster', at: strategy });
  }
}
