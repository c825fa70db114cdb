import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import { asString } from '../../src/values/coerce.ts';

export default defineRule({
  id: 'ecs-task-definition-arm64-architecture',
  pillar: 'sustainability',
  level: 'note',
  title: 'Fargate task definitions run on ARM64',
  rationale:
    'Fargate tasks on ARM64 (AWS Graviton) cost about 20% less per vCPU-hour and GB-hour than X86_64 tasks and use less ' +
    'energy for the same work. Whether the containers can switch depends on their images (multi-architecture or arm64 ' +
    'builds), which a template does not show, so this is a note.',
  remediation:
    'Build the container images for arm64 (or multi-architecture, e.g. `docker buildx build --platform ' +
    'linux/amd64,linux/arm64`), then set the task definition to ARM64.\n\n' +
    '```yaml\nRuntimePlatform:\n  CpuArchitecture: ARM64\n  OperatingSystemFamily: LINUX\n```',
  wellArchitected: ['SUS05-BP02', 'COST06-BP02'],
  appliesTo: ['AWS::ECS::TaskDefinition'],
  tags: ['cost-optimization'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    x86: 'Task definition {{logicalId}} runs on Fargate on X86_64 ({{state}}): ARM64 tasks cost about 20% less, once the container images have arm64 builds.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  WebTask:',
      '    Type: AWS::ECS::TaskDefinition',
      '    Properties:',
      '      RequiresCompatibilities: [FARGATE]',
      '      NetworkMode: awsvpc',
      '      Cpu: "512"',
      '      Memory: "1024"',
      '      ContainerDefinitions:',
      '        - Name: web',
      '          Image: public.ecr.aws/nginx/nginx:stable',
      '          PortMappings: [{ContainerPort: 80}]',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  WebTask:',
      '    Type: AWS::ECS::TaskDefinition',
      '    Properties:',
      '      RequiresCompatibilities: [FARGATE]',
      '      RuntimePlatform:',
      '        CpuArchitecture: ARM64',
      '        OperatingSystemFamily: LINUX',
      '      NetworkMode: awsvpc',
      '      Cpu: "512"',
      '      Memory: "1024"',
      '      ContainerDefinitions:',
      '        - Name: web',
      '          Image: public.ecr.aws/nginx/nginx:stable',
      '          PortMappings: [{ContainerPort: 80}]',
    ].join('\n'),
    notes:
      'A note: whether the container images run on arm64 is not in the template. Checked: task definitions whose ' +
      '`RequiresCompatibilities` includes `FARGATE` (what the CDK writes for a `FargateTaskDefinition`), where an absent ' +
      '`RuntimePlatform.CpuArchitecture` means X86_64. Not applicable: Windows tasks (`OperatingSystemFamily` ' +
      '`WINDOWS_SERVER_*`: Fargate runs them on X86_64 only), and task definitions for the EC2, EXTERNAL or ' +
      'MANAGED_INSTANCES launch types only (or with no `RequiresCompatibilities`, which means EC2): their tasks run on ' +
      'the architecture of the container instances, which ec2-instance-type-graviton checks; and task definitions that a ' +
      "service of the template runs on Fargate Spot (its capacity provider strategy, or its cluster's default one, names " +
      '`FARGATE_SPOT`), as Fargate Spot has no ARM64 capacity. A value only known at deploy ' +
      'time is not a finding; `--report-unknown` lists it.',
  },
  check(resource, ctx) {
    if (onFargateSpot(ctx, resource)) return;
    const prop = (...path: string[]) => ctx.value(resource, ['Properties', ...path]);
    for (const [compatibilities, os, arch] of ctx.each(
      prop('RequiresCompatibilities'),
      prop('RuntimePlatform', 'OperatingSystemFamily'),
      prop('RuntimePlatform', 'CpuArchitecture'),
    )) {
      // Only tasks that can run on Fargate: elsewhere the instances decide the architecture.
      if (!ctx.known(compatibilities, 'RequiresCompatibilities') || compatibilities.kind === 'absent') continue;
      const launchTypes = ctx.items(compatibilities, []);
      if (!launchTypes.every((t) => ctx.known(t, 'RequiresCompatibilities'))) continue;
      if (!launchTypes.some((t) => asString(t)?.toUpperCase() === 'FARGATE')) continue;
      if (!ctx.known(os, 'OperatingSystemFamily') || /^WINDOWS/i.test(asString(os) ?? '')) continue;
      if (!ctx.known(arch, 'CpuArchitecture') || asString(arch)?.toUpperCase() === 'ARM64') continue;
      ctx.report({
        messageId: 'x86',
        at: arch,
        because: [compatibilities, os],
        data: {
          state: arch.kind === 'absent' ? 'CpuArchitecture is not set, and the default is X86_64' : `CpuArchitecture is ${stateText(arch)}`,
        },
        fix: arch.kind === 'literal' ? { text: 'ARM64', description: 'Run the task on ARM64' } : undefined,
      });
    }
  },
});

const SPOT = 'FARGATE_SPOT';

/**
 * Whether a service of this template runs the task definition on Fargate Spot, which has no ARM64 capacity: by its own
 * capacity provider strategy, or (with neither a strategy nor a launch type) by its cluster's default strategy.
 */
function onFargateSpot(ctx: RuleContext<any, any>, taskDefinition: Resource): boolean {
  const names = (from: Resource, path: string[]) =>
    ctx.value(from, path).flatMap((list) => ctx.items(list, []).flatMap((item) => ctx.value(item, ['CapacityProvider']).map(asString)));
  for (const { resource: service, edge } of ctx.graph.referrers(taskDefinition.logicalId, 'AWS::ECS::Service')) {
    if (edge.path[1] !== 'TaskDefinition') continue;
    const own = names(service, ['Properties', 'CapacityProviderStrategy']);
    if (own.includes(SPOT)) return true;
    if (own.length || ctx.value(service, ['Properties', 'LaunchType']).some((v) => v.kind !== 'absent')) continue;
    for (const cluster of ctx.value(service, ['Properties', 'Cluster'])) {
      const id = cluster.ref?.logicalId;
      if (!id) continue;
      const target = ctx.template.resources.get(id);
      if (target?.type === 'AWS::ECS::Cluster' && names(target, ['Properties', 'DefaultCapacityProviderStrategy']).includes(SPOT)) return true;
      for (const { resource: association } of ctx.graph.referrers(id, 'AWS::ECS::ClusterCapacityProviderAssociations')) {
        if (names(association, ['Properties', 'DefaultCapacityProviderStrategy']).includes(SPOT)) return true;
      }
    }
  }
  return false;
}
