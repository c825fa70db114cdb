import { defineRule } from '../../src/engine/rule.ts';
import { asBoolean, asString, isSet } from '../../src/values/coerce.ts';
import type { Variant } from '../../src/values/variant.ts';

export default defineRule({
  id: 'ecs-task-definition-log-configuration',
  pillar: 'operational-excellence',
  level: 'warning',
  title: 'ECS containers send logs somewhere',
  rationale:
    'A container without a log configuration writes its output to the Docker default of the host it runs on: on Fargate ' +
    'that output is not kept at all, on EC2 it sits on one instance until the instance goes. The errors that explain a ' +
    'failed deployment or an incident are then nowhere to be read.',
  remediation:
    'Give every container a `LogConfiguration`, usually the `awslogs` driver with a log group declared in the template ' +
    '(so that its retention is set), or `awsfirelens` with a FireLens log router container in the same task.\n\n' +
    '```yaml\nLogConfiguration:\n  LogDriver: awslogs\n  Options:\n    awslogs-group: !Ref AppLogGroup\n' +
    '    awslogs-region: !Ref AWS::Region\n    awslogs-stream-prefix: app\n```',
  wellArchitected: ['OPS04-BP02', 'OPS08-BP02', 'SEC04-BP01'],
  securityHub: ['ECS.9'],
  securitySeverity: '3.0',
  appliesTo: ['AWS::ECS::TaskDefinition'],
  tags: ['security'],
  peers: {
    checkov: [],
    cfn_nag: [],
    // Every container has a LogConfiguration; not FireLens routers or log group retention.
    cdk_nag: [{ id: 'AwsSolutions-ECS7', messages: ['noLogs'] }],
  },
  messages: {
    noLogs: 'Container {{container}} of task definition {{logicalId}} has no LogConfiguration: its output is not kept on Fargate, and only on the host on EC2.',
    firelensWithoutRouter:
      'Container {{container}} of task definition {{logicalId}} logs through awsfirelens, but no container of the task has a FirelensConfiguration: ECS rejects the task definition.',
    createdGroup:
      'Container {{container}} of task definition {{logicalId}} lets awslogs create log group {{group}}, which is created without retention: its logs are kept, and paid for, forever.',
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
      '      ExecutionRoleArn: arn:aws:iam::123456789012:role/web-task-execution',
      '      ContainerDefinitions:',
      '        - Name: web',
      '          Image: public.ecr.aws/nginx/nginx:stable',
      '          PortMappings: [{ContainerPort: 80}]',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  WebLogs:',
      '    Type: AWS::Logs::LogGroup',
      '    Properties:',
      '      RetentionInDays: 30',
      '  WebTask:',
      '    Type: AWS::ECS::TaskDefinition',
      '    Properties:',
      '      RequiresCompatibilities: [FARGATE]',
      '      NetworkMode: awsvpc',
      '      Cpu: "512"',
      '      Memory: "1024"',
      '      ExecutionRoleArn: arn:aws:iam::123456789012:role/web-task-execution',
      '      ContainerDefinitions:',
      '        - Name: web',
      '          Image: public.ecr.aws/nginx/nginx:stable',
      '          PortMappings: [{ContainerPort: 80}]',
      '          LogConfiguration:',
      '            LogDriver: awslogs',
      '            Options:',
      '              awslogs-group: !Ref WebLogs',
      '              awslogs-region: !Ref AWS::Region',
      '              awslogs-stream-prefix: web',
    ].join('\n'),
    notes:
      'Every container definition is checked, the FireLens log router included (AWS recommends `awslogs` for it, so ' +
      'that its own failures can be read). A container using the `awsfirelens` driver also needs a container of the task ' +
      'with a `FirelensConfiguration`. A note is given when `awslogs-create-group` is true and `awslogs-group` does not ' +
      'name a log group declared in the template: the driver creates it with no retention (cw-loggroup-retention-period-check ' +
      'checks the retention of declared groups). A container list or log configuration known only at deploy time is not ' +
      'a finding; `--report-unknown` lists it.',
  },
  check(task, ctx) {
    const containers = ctx.items(task, ['Properties', 'ContainerDefinitions']);
    // A FireLens router anywhere in the task serves every awsfirelens container (in the same deployment).
    const routers = containers.filter((c) => c.kind === 'literal' && ctx.value(c, ['FirelensConfiguration']).some(isSet));
    for (const container of containers) {
      if (!ctx.known(container, 'ContainerDefinitions')) continue;
      // An entry dropped by AWS::NoValue (an optional sidecar switched off) is no container.
      if (container.kind === 'absent') continue;
      const name =
        ctx
          .value(container, ['Name'])
          .map(asString)
          .find((n) => n !== undefined) ?? 'without a name';
      for (const config of ctx.value(container, ['LogConfiguration'])) {
        if (!ctx.known(config, 'LogConfiguration')) continue;
        if (config.kind === 'absent') {
          ctx.report({ messageId: 'noLogs', at: container, because: [config], data: { container: name } });
          continue;
        }
        for (const driver of ctx.value(config, ['LogDriver'])) {
          if (!ctx.known(driver, 'LogDriver')) continue;
          const text = asString(driver);
          if (text === 'awsfirelens' && !routers.some((r) => ctx.each([r], [driver]).length > 0)) {
            ctx.report({ messageId: 'firelensWithoutRouter', at: driver, data: { container: name } });
          } else if (text === 'awslogs') {
            checkCreatedGroup(config, driver, name);
          }
        }
      }
    }

    function checkCreatedGroup(config: Variant, driver: Variant, container: string): void {
      for (const [create, group] of ctx.each(ctx.value(config, ['Options', 'awslogs-create-group']), ctx.value(config, ['Options', 'awslogs-group']), [
        driver,
      ])) {
        if (asBoolean(create) !== true) continue;
        // A group of the template (Ref, or a name built from one) is created by CloudFormation, with its own retention.
        if (group.ref || group.kind === 'unknown') continue;
        const groupName = asString(group);
        if (groupName !== undefined && declaredGroupNames().has(groupName)) continue;
        ctx.report({
          messageId: 'createdGroup',
          level: 'note',
          at: create,
          because: [group],
          data: { container, group: asString(group) ?? 'named by the driver' },
        });
      }
    }

    function declaredGroupNames(): Set<string> {
      const names = new Set<string>();
      for (const lg of ctx.graph.ofType('AWS::Logs::LogGroup')) {
        for (const n of ctx.value(lg, ['Properties', 'LogGroupName'])) {
          const s = asString(n);
          if (s !== undefined) names.add(s);
        }
      }
      return names;
    }
  },
});
