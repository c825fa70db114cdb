import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asString, isSet } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import type { Variant } from '../../src/values/variant.ts';

const PERMISSION = 'AWS::Lambda::Permission';
const URL = 'AWS::Lambda::Url';

// Declared apart from the rule so that the functions below report with checked message ids.
const messages = {
  publicPermission:
    'Permission {{logicalId}} lets anyone invoke {{function}}: Principal is {{principal}} and no SourceArn, SourceAccount or PrincipalOrgID limits it.',
  serviceWithoutSource:
    'Permission {{logicalId}} lets {{principal}} invoke {{function}} for resources in any account: {{missing}}, so another account can point its own resource at the function.',
  publicUrl: 'Function URL {{where}} has AuthType NONE: Lambda does not authenticate its requests, so anyone who has the URL can invoke {{function}}.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

export default defineRule({
  id: 'lambda-function-public-access-prohibited',
  pillar: 'security',
  level: 'error',
  title: 'Lambda functions cannot be invoked by anyone',
  rationale:
    "A function whose resource-based policy grants `lambda:InvokeFunction` to `*`, or whose function URL has `AuthType: NONE`, can be invoked by anyone who finds it: they run your code with your function's role, read what it returns, and run up your bill. A service principal without a source condition is a confused deputy: another account can point its own bucket or topic at your function.",
  remediation:
    'Grant the permission to a specific account, organization or service, and tie a service principal to the resource that ' +
    'calls the function with `SourceArn` (and `SourceAccount` for Amazon S3). For function URLs use `AuthType: AWS_IAM`, ' +
    'and put Amazon CloudFront with origin access control in front when browsers must reach it.\n\n' +
    '```yaml\nPrincipal: s3.amazonaws.com\nSourceArn: !GetAtt UploadBucket.Arn\nSourceAccount: !Ref AWS::AccountId\n```',
  wellArchitected: ['SEC03-BP07', 'SEC03-BP02'],
  securityHub: ['Lambda.1'],
  securitySeverity: '9.1',
  appliesTo: [PERMISSION, URL, 'AWS::Serverless::Function'],
  peers: {
    checkov: [
      // Any *.amazonaws.com principal without SourceArn or SourceAccount (not Principal "*").
      { id: 'CKV_AWS_364', resourceTypes: [PERMISSION], messages: ['serviceWithoutSource'] },
      { id: 'CKV_AWS_258', resourceTypes: [URL], messages: ['publicUrl'] }, // AuthType NONE on AWS::Lambda::Url
    ],
    cfn_nag: [{ id: 'F13', resourceTypes: [PERMISSION], messages: ['publicPermission'] }], // Principal "*"
    // A Principal with a wildcard.
    cdk_nag: [{ id: 'LambdaFunctionPublicAccessProhibited', resourceTypes: [PERMISSION], messages: ['publicPermission'] }],
  },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  ThumbnailFunction:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Runtime: python3.13',
      '      Handler: app.handler',
      '      Role: arn:aws:iam::123456789012:role/thumbnail-function',
      '      Code: { S3Bucket: artifacts-123456789012, S3Key: thumbnail.zip }',
      '  UploadPermission:',
      '    Type: AWS::Lambda::Permission',
      '    Properties:',
      '      FunctionName: !Ref ThumbnailFunction',
      '      Action: lambda:InvokeFunction',
      '      Principal: "*"',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  ThumbnailFunction:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Runtime: python3.13',
      '      Handler: app.handler',
      '      Role: arn:aws:iam::123456789012:role/thumbnail-function',
      '      Code: { S3Bucket: artifacts-123456789012, S3Key: thumbnail.zip }',
      '  UploadPermission:',
      '    Type: AWS::Lambda::Permission',
      '    Properties:',
      '      FunctionName: !Ref ThumbnailFunction',
      '      Action: lambda:InvokeFunction',
      '      Principal: s3.amazonaws.com',
      '      SourceArn: arn:aws:s3:::uploads-123456789012',
      '      SourceAccount: !Ref AWS::AccountId',
    ].join('\n'),
    notes:
      'Three things are checked. An `AWS::Lambda::Permission` whose `Principal` is `*` (or holds a wildcard) with none of ' +
      '`SourceArn`, `SourceAccount` and `PrincipalOrgID` is public (an error). A permission for a service principal ' +
      '(`*.amazonaws.com`) without `SourceArn` or `SourceAccount`, or for `s3.amazonaws.com` without `SourceAccount` (bucket ' +
      'ARNs name no account), is a warning: AWS Config counts the S3 case as public access, and AWS warns that without a ' +
      'source other accounts can configure their resources to invoke the function. A function URL with `AuthType: NONE` ' +
      '(`AWS::Lambda::Url`, or `FunctionUrlConfig` of a SAM function) is an error: AWS documents that Lambda then performs ' +
      'no authentication and the URL is public, provided the resource-based policy grants public access (which such a URL ' +
      'needs to work; since October 2025 new URLs need both `lambda:InvokeFunctionUrl` and `lambda:InvokeFunction`). The ' +
      'permission that grants that access (`FunctionUrlAuthType: NONE`, or `InvokedViaFunctionUrl: true`) is not reported ' +
      'again when the URL is declared in the same template. The catalog would lower a `NONE` URL behind CloudFront to a ' +
      'note; that is not done, because CloudFront origin access control for Lambda needs `AuthType: AWS_IAM`, so a `NONE` ' +
      'URL stays reachable directly. A principal, URL auth type or function known only at deploy time is not a finding; ' +
      '`--report-unknown` lists it.',
  },
  check(resource, ctx) {
    if (resource.type === PERMISSION) checkPermission(ctx, resource);
    else if (resource.type === URL) checkUrl(ctx, resource);
    else checkSamFunction(ctx, resource);
  },
});

/** "function Foo" for a function of this template, else its name or ARN, else "the function". */
function functionName(v: Variant): string {
  if (v.ref) return `function ${v.ref.logicalId}`;
  const text = asString(v);
  return text ? `function ${text}` : 'the function';
}

function checkPermission(ctx: Ctx, permission: Resource): void {
  const prop = (name: string) => ctx.value(permission, ['Properties', name]);
  for (const [principal, sourceArn, sourceAccount, orgId, fn, urlAuthType, viaUrl] of ctx.each(
    prop('Principal'),
    prop('SourceArn'),
    prop('SourceAccount'),
    prop('PrincipalOrgID'),
    prop('FunctionName'),
    prop('FunctionUrlAuthType'),
    prop('InvokedViaFunctionUrl'),
  )) {
    if (!ctx.known(principal, 'Principal')) continue;
    const name = asString(principal) ?? '';
    const because = [sourceArn, sourceAccount, orgId];
    if (name === '' || name.includes('*')) {
      if (isSet(sourceArn) || isSet(sourceAccount) || isSet(orgId)) continue;
      // The statement that opens an AuthType NONE URL: reported once, on the URL, when the template declares it.
      const forPublicUrl = asString(urlAuthType)?.toUpperCase() === 'NONE' || asBoolean(viaUrl) === true;
      if (forPublicUrl && fn.ref && publicUrlDeclared(ctx, fn.ref.logicalId)) continue;
      ctx.report({ messageId: 'publicPermission', at: principal, because, data: { function: functionName(fn), principal: valueText(name) } });
      continue;
    }
    if (!/\.amazonaws\.com(\.cn)?$/i.test(name)) continue;
    const s3 = /^s3\.amazonaws\.com/i.test(name);
    const missing = s3
      ? isSet(sourceAccount)
        ? undefined
        : 'SourceAccount is not set (a bucket ARN names no account)'
      : isSet(sourceArn) || isSet(sourceAccount)
        ? undefined
        : 'neither SourceArn nor SourceAccount is set';
    if (!missing) continue;
    ctx.report({ messageId: 'serviceWithoutSource', level: 'warning', at: principal, because, data: { function: functionName(fn), principal: name, missing } });
  }
}

/** Whether the template declares an AuthType NONE function URL for the function (reported by this rule). */
function publicUrlDeclared(ctx: Ctx, functionId: string): boolean {
  for (const { resource: url } of ctx.graph.referrers(functionId, URL, ['Properties', 'TargetFunctionArn'])) {
    if (ctx.value(url, ['Properties', 'AuthType']).some((v) => asString(v)?.toUpperCase() === 'NONE')) return true;
  }
  return false;
}

function checkUrl(ctx: Ctx, url: Resource): void {
  for (const [authType, target] of ctx.each(ctx.value(url, ['Properties', 'AuthType']), ctx.value(url, ['Properties', 'TargetFunctionArn']))) {
    if (!ctx.known(authType, 'AuthType') || asString(authType)?.toUpperCase() !== 'NONE') continue;
    ctx.report({
      messageId: 'publicUrl',
      at: authType,
      because: [target],
      data: { where: url.logicalId, function: functionName(target) },
      fix: { text: 'AWS_IAM', description: 'Require IAM authentication' },
    });
  }
}

function checkSamFunction(ctx: Ctx, fn: Resource): void {
  // SAM Globals are already merged into the function's Properties by the template stage.
  for (const authType of ctx.value(fn, ['Properties', 'FunctionUrlConfig', 'AuthType'])) {
    if (authType.kind === 'absent' || !ctx.known(authType, 'FunctionUrlConfig.AuthType')) continue;
    if (asString(authType)?.toUpperCase() !== 'NONE') continue;
    ctx.report({
      messageId: 'publicUrl',
      at: authType,
      data: { where: `of ${fn.logicalId}`, function: `function ${fn.logicalId}` },
      fix: { text: 'AWS_IAM', description: 'Require IAM authentication' },
    });
  }
}
