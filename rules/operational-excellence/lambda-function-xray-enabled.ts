import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { fromSamGlobals, isCdkFrameworkHandler, isCdkSingletonFunction } from '../../src/rule-helpers/resources.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString } from '../../src/values/coerce.ts';
import type { Variant } from '../../src/values/variant.ts';

/** AWS managed policies that allow xray:PutTraceSegments and xray:PutTelemetryRecords. */
const XRAY_MANAGED_POLICIES = /:policy\/(AWSXRayDaemonWriteAccess|AWSXrayWriteOnlyAccess|AWSXrayFullAccess|AdministratorAccess|PowerUserAccess)$/;

const messages = {
  notTraced: 'Lambda function {{logicalId}} is not traced with X-Ray: {{state}}, so its calls cannot be followed across services.',
  roleCannotTrace:
    'Lambda function {{logicalId}} has active tracing, but its execution role {{role}} does not allow xray:PutTraceSegments: Lambda rejects the function when it is created or updated.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

export default defineRule({
  id: 'lambda-function-xray-enabled',
  pillar: 'operational-excellence',
  level: 'note',
  title: 'Lambda functions have active X-Ray tracing',
  rationale:
    'With active tracing Lambda samples requests and sends a trace of each invocation to X-Ray, so a slow or failing request ' +
    'can be followed through API Gateway, the function and the services it calls. Without it the only trail is the logs of ' +
    'each service, matched by hand.',
  remediation:
    'Set `TracingConfig.Mode: Active` (SAM: `Tracing: Active`, once in `Globals` for every function) and give the execution ' +
    'role the `AWSXRayDaemonWriteAccess` managed policy (SAM adds it to the roles it creates).\n\n' +
    '```yaml\nTracingConfig:\n  Mode: Active\n# SAM: Globals: {Function: {Tracing: Active}}\n```',
  wellArchitected: ['OPS04-BP05', 'REL06-BP07'],
  appliesTo: ['AWS::Lambda::Function', 'AWS::Serverless::Function'],
  tags: ['performance-efficiency', 'reliability'],
  peers: {
    checkov: [],
    cfn_nag: [],
    // TracingConfig.Mode Active on AWS::Lambda::Function (NIST 800-53 rev 5 pack); not the role.
    cdk_nag: [{ id: 'LambdaTracing', resourceTypes: ['AWS::Lambda::Function'], messages: ['notTraced'] }],
  },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  CheckoutFunction:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Runtime: python3.12',
      '      Handler: checkout.handler',
      '      Role: arn:aws:iam::123456789012:role/checkout-function',
      '      Code:',
      '        S3Bucket: acme-artifacts',
      '        S3Key: checkout/v17.zip',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  CheckoutFunction:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Runtime: python3.12',
      '      Handler: checkout.handler',
      '      Role: arn:aws:iam::123456789012:role/checkout-function',
      '      TracingConfig:',
      '        Mode: Active',
      '      Code:',
      '        S3Bucket: acme-artifacts',
      '        S3Key: checkout/v17.zip',
    ].join('\n'),
    notes:
      '`AWS::Lambda::Function` passes with `TracingConfig.Mode: Active`; `AWS::Serverless::Function` with `Tracing: Active` ' +
      'on the function or in `Globals.Function`. `PassThrough` (the default) only forwards a trace header that arrives ' +
      'with the request, so it is reported. Not applicable: the handlers the CDK adds itself (custom resource providers, ' +
      'log retention, bucket notifications and deployments), whose configuration is not yours to set. When tracing is ' +
      'active and the execution role is declared in the template, the rule also checks that the role, its inline ' +
      'policies, the `AWS::IAM::Policy`/`ManagedPolicy` resources attached to it and its managed policies allow ' +
      '`xray:PutTraceSegments`; a policy it cannot read (an imported ARN, a customer managed policy of another stack) ' +
      'gives no verdict. SAM functions without a `Role` get a role with X-Ray access from SAM. A mode known only at ' +
      'deploy time is not a finding; `--report-unknown` lists it.',
  },
  check(fn, ctx) {
    if (isCdkSingletonFunction(fn)) return;
    const sam = fn.type === 'AWS::Serverless::Function';
    const modePath = sam ? ['Properties', 'Tracing'] : ['Properties', 'TracingConfig', 'Mode'];
    for (const [handler, mode] of ctx.each(ctx.value(fn, ['Properties', 'Handler']), ctx.value(fn, modePath))) {
      if (isCdkFrameworkHandler(handler)) continue;
      if (!ctx.known(mode, sam ? 'Tracing' : 'TracingConfig.Mode')) continue;
      if (asString(mode) === 'Active') {
        checkRole(ctx, fn, mode);
        continue;
      }
      const name = sam ? 'Tracing' : 'TracingConfig.Mode';
      const state =
        mode.kind === 'absent'
          ? `${name} is not set (the default is PassThrough)`
          : sam && fromSamGlobals(ctx, fn, mode)
            ? `Globals sets Tracing to ${stateText(mode)}`
            : `${name} is ${stateText(mode)}`;
      ctx.report({
        messageId: 'notTraced',
        at: mode,
        because: [handler],
        data: { state },
        fix: mode.kind === 'literal' ? { text: 'Active', description: 'Turn on active tracing' } : undefined,
      });
    }
  },
});

/** Reports an active function whose execution role, declared in the template, clearly lacks X-Ray write access. */
function checkRole(ctx: Ctx, fn: Resource, mode: Variant): void {
  for (const roleRef of ctx.value(fn, ['Properties', 'Role'])) {
    // SAM creates a role with AWSXRayDaemonWriteAccess when the function names none and tracing is active.
    if (roleRef.kind !== 'unknown' || !roleRef.ref) continue;
    const role = ctx.template.resources.get(roleRef.ref.logicalId);
    if (role?.type !== 'AWS::IAM::Role') continue;
    if (roleAllowsXray(ctx, role) !== false) continue;
    ctx.report({ messageId: 'roleCannotTrace', level: 'warning', at: roleRef, because: [mode], data: { role: role.logicalId } });
  }
}

/** true, false, or undefined when some policy of the role cannot be read. */
function roleAllowsXray(ctx: Ctx, role: Resource): boolean | undefined {
  let doubt = false;
  const documents: Variant[] = [];
  for (const arn of ctx.items(role, ['Properties', 'ManagedPolicyArns'])) {
    const policy = arn.ref && ctx.template.resources.get(arn.ref.logicalId);
    if (policy?.type === 'AWS::IAM::ManagedPolicy') documents.push(...ctx.value(policy, ['Properties', 'PolicyDocument']));
    else if (arn.kind === 'literal') {
      const text = asString(arn) ?? '';
      if (XRAY_MANAGED_POLICIES.test(text)) return true;
      // A customer managed policy of the account: its statements are not in the template.
      if (!/:iam::aws:policy\//.test(text) && !text.includes('${AWS::Partition}:iam::aws:policy/')) doubt = true;
    } else doubt = true;
  }
  for (const inline of ctx.items(role, ['Properties', 'Policies'])) documents.push(...ctx.value(inline, ['PolicyDocument']));
  for (const type of ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']) {
    for (const { resource } of ctx.graph.referrers(role.logicalId, type, ['Properties', 'Roles'])) {
      documents.push(...ctx.value(resource, ['Properties', 'PolicyDocument']));
    }
  }
  for (const document of documents) {
    const verdict = documentAllowsXray(ctx, document);
    if (verdict === true) return true;
    if (verdict === undefined) doubt = true;
  }
  return doubt ? undefined : false;
}

function documentAllowsXray(ctx: Ctx, document: Variant): boolean | undefined {
  if (document.kind !== 'literal') return document.kind === 'absent' ? false : undefined;
  let doubt = false;
  for (const statement of ctx.items(document, ['Statement'])) {
    if (statement.kind !== 'literal') {
      doubt = true;
      continue;
    }
    const effect = ctx.value(statement, ['Effect']).map(asString);
    if (!effect.includes('Allow')) continue;
    const actions = ctx.value(statement, ['Action']).flatMap((a) => (a.kind === 'literal' && Array.isArray(a.value) ? ctx.items(a, []) : [a]));
    for (const action of actions) {
      const text = asString(action);
      if (text === undefined) doubt ||= action.kind === 'unknown';
      else if (globMatches(text, 'xray:PutTraceSegments')) return true;
    }
  }
  return doubt ? undefined : false;
}

/** IAM action patterns: case-insensitive, `*` and `?` wildcards. */
function globMatches(pattern: string, action: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i').test(action);
}
