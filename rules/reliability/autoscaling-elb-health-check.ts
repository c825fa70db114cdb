import { defineRule } from '../../src/engine/rule.ts';
import { attachesLoadBalancer, loadBalancerLists } from '../../src/rule-helpers/availability.ts';
import { asBoolean, asString } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';

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
    ec2Only:
      'Auto Scaling group {{logicalId}} is attached to a load balancer but uses {{state}}, so instances that fail the load balancer health check are not replaced.',
    noGracePeriod:
      'Auto Scaling group {{logicalId}} uses ELB health checks without HealthCheckGracePeriod (default 0 s), so booting instances can be replaced before they are ready.',
    targetGroupDisabled:
      'Target group {{targetGroup}} of Auto Scaling group {{logicalId}} has HealthCheckEnabled set to false, so the ELB health check never fails.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  WebTargetGroup:',
      '    Type: AWS::ElasticLoadBalancingV2::TargetGroup',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      Port: 8080',
      '      Protocol: HTTP',
      '      HealthCheckPath: /healthz',
      '  WebGroup:',
      '    Type: AWS::AutoScaling::AutoScalingGroup',
      '    Properties:',
      '      MinSize: "2"',
      '      MaxSize: "6"',
      '      LaunchTemplate:',
      '        LaunchTemplateId: lt-0a1b2c3d4e5f60718',
      '        Version: "4"',
      '      VPCZoneIdentifier: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '      TargetGroupARNs: [!Ref WebTargetGroup]',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  WebTargetGroup:',
      '    Type: AWS::ElasticLoadBalancingV2::TargetGroup',
      '    Properties:',
      '      VpcId: vpc-0a1b2c3d4e5f60718',
      '      Port: 8080',
      '      Protocol: HTTP',
      '      HealthCheckPath: /healthz',
      '  WebGroup:',
      '    Type: AWS::AutoScaling::AutoScalingGroup',
      '    Properties:',
      '      MinSize: "2"',
      '      MaxSize: "6"',
      '      LaunchTemplate:',
      '        LaunchTemplateId: lt-0a1b2c3d4e5f60718',
      '        Version: "4"',
      '      VPCZoneIdentifier: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '      TargetGroupARNs: [!Ref WebTargetGroup]',
      '      HealthCheckType: ELB',
      '      HealthCheckGracePeriod: 300',
    ].join('\n'),
    notes:
      'Groups without `TargetGroupARNs`, `LoadBalancerNames` or `TrafficSources` have only EC2 status checks and are not ' +
      'checked; an imported or parameter ARN counts as attached. `HealthCheckType` is a comma-separated list: any list ' +
      'that contains `ELB` passes. A `HealthCheckType` known only at deploy time is not a finding; `--report-unknown` ' +
      'lists it. A target group of the template with `HealthCheckEnabled: false` is reported on the group that uses it. ' +
      "The catalog also names the target group's `HealthCheckPath` and the Classic Load Balancer's `HealthCheck`; " +
      'neither is checked.',
  },
  check(group, ctx) {
    const prop = (name: string) => ctx.value(group, ['Properties', name]);
    for (const [targetGroups, classic, sources, type, grace] of ctx.each(
      ...loadBalancerLists(ctx, group),
      prop('HealthCheckType'),
      prop('HealthCheckGracePeriod'),
    )) {
      const lists = [targetGroups, classic, sources];
      // Without a load balancer only EC2 status checks exist: not applicable.
      if (!lists.some(attachesLoadBalancer) || !ctx.known(type, 'HealthCheckType')) continue;
      const types = (asString(type) ?? '').split(',').map((t) => t.trim().toUpperCase());
      if (type.kind === 'absent' || !types.includes('ELB')) {
        ctx.report({
          messageId: 'ec2Only',
          at: type,
          because: lists,
          data: { state: type.kind === 'absent' ? 'the default EC2 health check (HealthCheckType not set)' : `HealthCheckType ${valueText(type.value)}` },
          fix: type.kind === 'literal' && asString(type)?.toUpperCase() === 'EC2' ? { text: 'ELB', description: 'Use ELB health checks' } : undefined,
        });
        continue;
      }
      if (grace.kind === 'absent') ctx.report({ messageId: 'noGracePeriod', at: grace, because: [type, ...lists] });
    }

    // Target groups reached through TargetGroupARNs or elbv2 TrafficSources.
    const targets = [
      ...ctx.items(group, ['Properties', 'TargetGroupARNs']),
      ...ctx.items(group, ['Properties', 'TrafficSources']).flatMap((source) =>
        ctx
          .each(ctx.value(source, ['Type']), ctx.value(source, ['Identifier']))
          .filter(([type]) => type.kind === 'absent' || asString(type) === 'elbv2')
          .map(([, identifier]) => identifier),
      ),
    ];
    for (const target of targets) {
      const resource = target.ref && ctx.template.resources.get(target.ref.logicalId);
      if (resource?.type !== 'AWS::ElasticLoadBalancingV2::TargetGroup') continue;
      for (const enabled of ctx.value(resource, ['Properties', 'HealthCheckEnabled'])) {
        if (asBoolean(enabled) === false) {
          ctx.report({ messageId: 'targetGroupDisabled', at: target, because: [enabled], data: { targetGroup: resource.logicalId } });
        }
      }
    }
  },
});
