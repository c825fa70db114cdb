import { defineRule } from '../../src/engine/rule.ts';
import { asBoolean, asString } from '../../src/values/coerce.ts';
import { combinations, type Variant } from '../../src/values/variant.ts';
import { valueText } from '../../src/values/quote.ts';

/** A load-balancer list counts as attached unless it is absent or literally empty (an imported ARN still attaches). */
function attached(list: Variant): boolean {
  if (list.kind === 'absent') return false;
  if (list.kind === 'literal') return !Array.isArray(list.value) || list.value.length > 0;
  return true;
}

export default defineRule({
  id: 'autoscaling-elb-health-check',
  pillar: 'reliability',
  level: 'warning',
  title: 'Auto Scaling groups behind a load balancer use ELB health checks',
  rationale:
    'With the default EC2 health check, Auto Scaling only replaces instances whose status checks fail. An instance whose ' +
    'application has stopped answering keeps receiving traffic from the load balancer and is never replaced.',
  remediation:
    'Set `HealthCheckType: ELB` and a grace period long enough for an instance to boot.\n\n' +
    '```yaml\nHealthCheckType: ELB\nHealthCheckGracePeriod: 300\nTargetGroupARNs: [!Ref WebTargetGroup]\n```',
  wellArchitected: ['REL11-BP03', 'REL11-BP01'],
  securityHub: ['AutoScaling.1'],
  appliesTo: ['AWS::AutoScaling::AutoScalingGroup'],
  tags: ['operational-excellence'],
  peers: {
    checkov: [],
    cfn_nag: [],
    cdk_nag: [
      // AS2: HealthCheckType ELB without HealthCheckGracePeriod. Not the health check type itself.
      { id: 'AwsSolutions-AS2', messages: ['noGracePeriod'] },
      // A group with target groups or classic load balancers whose HealthCheckType is not ELB (older packs spell it Autoscaling).
      { id: 'AutoScalingGroupELBHealthCheckRequired', messages: ['ec2Only'] },
      { id: 'AutoscalingGroupELBHealthCheckRequired', messages: ['ec2Only'] },
    ],
    guard: [{ id: 'AUTOSCALING_GROUP_ELB_HEALTHCHECK_REQUIRED', messages: ['ec2Only'] }],
  },
  messages: {
    ec2Only: 'Auto Scaling group {{logicalId}} is attached to a load balancer but uses {{state}}, so instances that fail the load balancer health check are not replaced.',
    noGracePeriod: 'Auto Scaling group {{logicalId}} uses ELB health checks without HealthCheckGracePeriod (default 0 s), so booting instances can be replaced before they are ready.',
    targetGroupDisabled: 'Target group {{targetGroup}} of Auto Scaling group {{logicalId}} has HealthCheckEnabled set to false, so the ELB health check never fails.',
  },
  check(group, ctx) {
    const prop = (name: string) => ctx.value(group, ['Properties', name]);
    for (const [targetGroups, classic, sources, type, grace] of combinations([
      prop('TargetGroupARNs'), prop('LoadBalancerNames'), prop('TrafficSources'), prop('HealthCheckType'), prop('HealthCheckGracePeriod'),
    ])) {
      const lists = [targetGroups!, classic!, sources!];
      // Without a load balancer only EC2 status checks exist: not applicable.
      if (!lists.some(attached)) continue;
      if (type!.kind === 'unknown') {
        ctx.unknown(type!, 'HealthCheckType');
        continue;
      }
      const types = (asString(type!) ?? '').split(',').map((t) => t.trim().toUpperCase());
      if (type!.kind === 'absent' || !types.includes('ELB')) {
        ctx.report({
          messageId: 'ec2Only',
          at: type!,
          because: lists,
          data: { state: type!.kind === 'absent' ? 'the default EC2 health check (HealthCheckType not set)' : `HealthCheckType ${valueText(asString(type!))}` },
          fix: type!.kind === 'literal' && asString(type!)?.toUpperCase() === 'EC2' ? { text: 'ELB', description: 'Use ELB health checks' } : undefined,
        });
        continue;
      }
      if (grace!.kind === 'absent') ctx.report({ messageId: 'noGracePeriod', at: grace!, because: [type!, ...lists] });
    }

    // Target groups reached through TargetGroupARNs or elbv2 TrafficSources.
    const targets = [
      ...ctx.items(group, ['Properties', 'TargetGroupARNs']),
      ...ctx.items(group, ['Properties', 'TrafficSources']).flatMap((source) =>
        combinations([ctx.value(source, ['Type']), ctx.value(source, ['Identifier'])])
          .filter(([t]) => t!.kind === 'absent' || asString(t!) === 'elbv2')
          .map(([, id]) => id!),
      ),
    ];
    for (const target of targets) {
      const resource = target.ref && ctx.template.resources.get(target.ref.logicalId);
      if (!resource || resource.type !== 'AWS::ElasticLoadBalancingV2::TargetGroup') continue;
      for (const enabled of ctx.value(resource, ['Properties', 'HealthCheckEnabled'])) {
        if (asBoolean(enabled) === false) {
          ctx.report({ messageId: 'targetGroupDisabled', at: target, because: [enabled], data: { targetGroup: resource.logicalId } });
        }
      }
    }
  },
});
