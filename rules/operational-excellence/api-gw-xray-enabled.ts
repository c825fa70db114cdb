import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { fromSamGlobals } from '../../src/rule-helpers/resources.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asString, isSet } from '../../src/values/coerce.ts';
import { literalVariant, type Variant } from '../../src/values/variant.ts';

const STAGE = 'AWS::ApiGateway::Stage';
const DEPLOYMENT = 'AWS::ApiGateway::Deployment';
const SAM_API = 'AWS::Serverless::Api';
const SAM_FUNCTION = 'AWS::Serverless::Function';

const messages = {
  stage:
    'API Gateway stage {{logicalId}} is not traced with X-Ray: TracingEnabled is {{state}}, so requests cannot be followed into the services behind the API.',
  deploymentStage:
    'Deployment {{logicalId}} creates stage {{stage}} without X-Ray tracing: StageDescription.TracingEnabled is {{state}}, so requests cannot be followed into the services behind the API.',
  samApi: 'Serverless API {{logicalId}} is not traced with X-Ray: {{state}}, so requests cannot be followed into the services behind the API.',
  implicitApi:
    'The REST API SAM creates for the Api events of {{logicalId}} (ServerlessRestApi) is not traced with X-Ray: Globals.Api.TracingEnabled is {{state}}.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

export default defineRule({
  id: 'api-gw-xray-enabled',
  pillar: 'operational-excellence',
  level: 'note',
  title: 'API Gateway REST stages have X-Ray tracing',
  rationale:
    'With active tracing on a REST API stage, API Gateway samples requests and sends traces to X-Ray, so the latency and ' +
    'errors of one request can be followed from the API into the functions and services behind it. Without it a slow ' +
    'request is only visible as a number in the stage metrics.',
  remediation:
    'Set `TracingEnabled: true` on the stage (`AWS::ApiGateway::Stage`), in the `StageDescription` of a deployment that ' +
    'creates its stage, or on the SAM API (`Globals.Api` covers every SAM API, including the implicit one).\n\n' +
    '```yaml\nTracingEnabled: true\n# SAM: Globals: {Api: {TracingEnabled: true}}\n```',
  wellArchitected: ['OPS04-BP05', 'REL06-BP07'],
  securityHub: ['APIGateway.3'],
  appliesTo: [STAGE, DEPLOYMENT, SAM_API, SAM_FUNCTION],
  tags: ['performance-efficiency'],
  peers: {
    // TracingEnabled on AWS::ApiGateway::Stage and AWS::Serverless::Api.
    checkov: [{ id: 'CKV_AWS_73', resourceTypes: [STAGE, SAM_API] }],
    cfn_nag: [],
    // TracingEnabled on AWS::ApiGateway::Stage (NIST 800-53 and PCI DSS packs).
    cdk_nag: [{ id: 'APIGWXrayEnabled', resourceTypes: [STAGE] }],
  },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersApi:',
      '    Type: AWS::ApiGateway::RestApi',
      '    Properties:',
      '      Name: orders',
      '  OrdersDeployment:',
      '    Type: AWS::ApiGateway::Deployment',
      '    DependsOn: OrdersGetMethod',
      '    Properties:',
      '      RestApiId: !Ref OrdersApi',
      '  OrdersProdStage:',
      '    Type: AWS::ApiGateway::Stage',
      '    Properties:',
      '      RestApiId: !Ref OrdersApi',
      '      DeploymentId: !Ref OrdersDeployment',
      '      StageName: prod',
      '  OrdersGetMethod:',
      '    Type: AWS::ApiGateway::Method',
      '    Properties:',
      '      RestApiId: !Ref OrdersApi',
      '      ResourceId: !GetAtt OrdersApi.RootResourceId',
      '      HttpMethod: GET',
      '      AuthorizationType: AWS_IAM',
      '      Integration: {Type: MOCK}',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersApi:',
      '    Type: AWS::ApiGateway::RestApi',
      '    Properties:',
      '      Name: orders',
      '  OrdersDeployment:',
      '    Type: AWS::ApiGateway::Deployment',
      '    DependsOn: OrdersGetMethod',
      '    Properties:',
      '      RestApiId: !Ref OrdersApi',
      '  OrdersProdStage:',
      '    Type: AWS::ApiGateway::Stage',
      '    Properties:',
      '      RestApiId: !Ref OrdersApi',
      '      DeploymentId: !Ref OrdersDeployment',
      '      StageName: prod',
      '      TracingEnabled: true',
      '  OrdersGetMethod:',
      '    Type: AWS::ApiGateway::Method',
      '    Properties:',
      '      RestApiId: !Ref OrdersApi',
      '      ResourceId: !GetAtt OrdersApi.RootResourceId',
      '      HttpMethod: GET',
      '      AuthorizationType: AWS_IAM',
      '      Integration: {Type: MOCK}',
    ].join('\n'),
    notes:
      'Checked: `AWS::ApiGateway::Stage`, the stage a `AWS::ApiGateway::Deployment` creates when it names a `StageName` ' +
      '(its `StageDescription.TracingEnabled`; the catalog says such stages cannot be traced, but `StageDescription` has ' +
      'the property, as the CreateDeployment API does), `AWS::Serverless::Api` (its own `TracingEnabled` or ' +
      "`Globals.Api`), and the implicit `ServerlessRestApi` SAM creates for functions' `Api` events, reported once per " +
      'template on the first such function. Not applicable: HTTP and WebSocket APIs (`AWS::ApiGatewayV2::*`, ' +
      '`AWS::Serverless::HttpApi`), which do not support X-Ray tracing, and deployments without a `StageName` (they create ' +
      'no stage). A value known only at deploy time is not a finding; `--report-unknown` lists it.',
  },
  check(resource, ctx) {
    if (resource.type === STAGE) requireTracing(ctx, resource, ['Properties', 'TracingEnabled'], 'stage', {});
    else if (resource.type === SAM_API) checkSamApi(ctx, resource);
    else if (resource.type === DEPLOYMENT) checkDeployment(ctx, resource);
    else if (resource.type === SAM_FUNCTION) checkImplicitApi(ctx, resource);
  },
});

function requireTracing(
  ctx: Ctx,
  from: Resource | Variant,
  path: string[],
  messageId: 'stage' | 'deploymentStage',
  data: Record<string, unknown>,
  because: Variant[] = [],
): void {
  for (const [value] of ctx.each(ctx.value(from, path), ...because.map((b) => [b]))) {
    if (!ctx.known(value, 'TracingEnabled') || asBoolean(value) === true) continue;
    ctx.report({
      messageId,
      at: value,
      because,
      data: { ...data, state: stateText(value, 'the default is false') },
      fix: value.kind === 'literal' ? { text: 'true', description: 'Turn on X-Ray tracing' } : undefined,
    } as Parameters<Ctx['report']>[0]);
  }
}

function checkDeployment(ctx: Ctx, deployment: Resource): void {
  for (const name of ctx.value(deployment, ['Properties', 'StageName'])) {
    // Without a StageName the deployment creates no stage: an AWS::ApiGateway::Stage carries the setting.
    if (!isSet(name)) continue;
    const stage = asString(name) ?? 'of the deployment';
    requireTracing(ctx, deployment, ['Properties', 'StageDescription', 'TracingEnabled'], 'deploymentStage', { stage }, [name]);
  }
}

function checkSamApi(ctx: Ctx, api: Resource): void {
  for (const value of ctx.value(api, ['Properties', 'TracingEnabled'])) {
    if (!ctx.known(value, 'TracingEnabled') || asBoolean(value) === true) continue;
    const state =
      value.kind === 'absent'
        ? 'TracingEnabled is not set (the default is false)'
        : fromSamGlobals(ctx, api, value)
          ? `Globals sets TracingEnabled to ${stateText(value)}`
          : `TracingEnabled is ${stateText(value)}`;
    ctx.report({
      messageId: 'samApi',
      at: value,
      data: { state },
      fix: value.kind === 'literal' ? { text: 'true', description: 'Turn on X-Ray tracing' } : undefined,
    });
  }
}

/** The implicit ServerlessRestApi: reported once, on the first function of the template with an Api event of its own. */
function checkImplicitApi(ctx: Ctx, fn: Resource): void {
  const first = ctx.graph.ofType(SAM_FUNCTION).find((f) => implicitApiEvents(ctx, f).length > 0);
  if (first !== fn) return;
  const events = implicitApiEvents(ctx, fn);
  const root = literalVariant(ctx.template.root, [], true, []);
  for (const value of ctx.value(root, ['Globals', 'Api', 'TracingEnabled'])) {
    if (!ctx.known(value, 'Globals.Api.TracingEnabled') || asBoolean(value) === true) continue;
    ctx.report({ messageId: 'implicitApi', at: events[0], because: [value], data: { state: stateText(value, 'the default is false') } });
  }
}

/** The function's events of type Api that name no RestApiId, i.e. that SAM wires to its implicit REST API. */
function implicitApiEvents(ctx: Ctx, fn: Resource): Variant[] {
  const found: Variant[] = [];
  for (const events of ctx.value(fn, ['Properties', 'Events'])) {
    if (events.kind !== 'literal' || typeof events.value !== 'object' || events.value === null || Array.isArray(events.value)) continue;
    for (const name of Object.keys(events.value)) {
      const type = ctx.value(events, [name, 'Type']);
      if (!type.some((t) => asString(t) === 'Api')) continue;
      if (ctx.value(events, [name, 'Properties', 'RestApiId']).some(isSet)) continue;
      found.push(...ctx.value(events, [name, 'Type']));
    }
  }
  return found;
}
