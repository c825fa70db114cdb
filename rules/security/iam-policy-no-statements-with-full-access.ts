import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { hasMarker, markerUnknown, POLICY_HOLDERS, visitPolicies, type PolicyStatement } from '../../src/rule-helpers/iam-policy.ts';
import { asString } from '../../src/values/coerce.ts';
import { clip, valueText } from '../../src/values/quote.ts';
import { variantWith, type Variant } from '../../src/values/variant.ts';

/** Every action of one service: "s3:*", "dynamodb:*" (the bare "*" is iam-policy-no-statements-with-admin-access's). */
const SERVICE_WILDCARD = /^\s*([^:*\s]+):\*\s*$/;

const MESSAGES = {
  serviceWildcard: 'Statement {{statement}} in {{where}} allows every {{service}} action ({{action}}) on {{resources}}.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof MESSAGES>;

export default defineRule({
  id: 'iam-policy-no-statements-with-full-access',
  pillar: 'security',
  level: 'warning',
  title: 'IAM policies do not grant service-wide wildcard actions',
  rationale:
    'An action such as `s3:*` or `dynamodb:*` grants every present and future action of the service: deleting buckets and ' +
    'tables, changing their policies, turning off encryption or versioning. A principal rarely needs more than a handful ' +
    'of them, and the rest turn one leaked credential or one exploited function into a data-loss incident.',
  remediation:
    'List the actions the principal needs (IAM Access Analyzer can generate them from CloudTrail activity) and scope the ' +
    'resources.\n\n' +
    '```yaml\nAction: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query]   # instead of dynamodb:*\nResource: !GetAtt Table.Arn\n```',
  wellArchitected: ['SEC03-BP02', 'SEC03-BP04'],
  securityHub: ['IAM.21'],
  securitySeverity: '6.5',
  appliesTo: Object.keys(POLICY_HOLDERS),
  peers: {
    checkov: [],
    // Allowed "*" or "service:*" actions: F3 in a role's policies, F4 in a policy, F5 in a managed policy.
    cfn_nag: [
      { id: 'F3', resourceTypes: ['AWS::IAM::Role'] },
      { id: 'F4', resourceTypes: ['AWS::IAM::Policy'] },
      { id: 'F5', resourceTypes: ['AWS::IAM::ManagedPolicy'] },
    ],
    cdk_nag: [
      // IAM5: any wildcard in a policy document; the compliance packs' check looks for "service:*" actions.
      { id: 'AwsSolutions-IAM5', resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'] },
      { id: 'IAMPolicyNoStatementsWithFullAccess', resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::Group', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'] },
    ],
    // "service:*" (or NotAction) in inline policies and AWS::IAM::Policy.
    guard: [
      { id: 'IAM_INLINE_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS', resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Policy'] },
    ],
  },
  messages: MESSAGES,
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersFunctionRole:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal: {Service: lambda.amazonaws.com}',
      '            Action: sts:AssumeRole',
      '      Policies:',
      '        - PolicyName: orders-table',
      '          PolicyDocument:',
      '            Version: "2012-10-17"',
      '            Statement:',
      '              - Effect: Allow',
      '                Action: dynamodb:*',
      '                Resource: arn:aws:dynamodb:eu-west-1:123456789012:table/orders',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersFunctionRole:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal: {Service: lambda.amazonaws.com}',
      '            Action: sts:AssumeRole',
      '      Policies:',
      '        - PolicyName: orders-table',
      '          PolicyDocument:',
      '            Version: "2012-10-17"',
      '            Statement:',
      '              - Effect: Allow',
      '                Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query]',
      '                Resource: arn:aws:dynamodb:eu-west-1:123456789012:table/orders',
    ].join('\n'),
    notes:
      'Checked: the inline policies of roles, users and groups, `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy` documents, ' +
      'and policy documents in the `Policies` of SAM functions (SAM policy templates such as `S3ReadPolicy` are scoped by ' +
      'design and pass). An `Allow` statement fails for each action of the form `service:*`, whatever its resources (the ' +
      'message names them); partial wildcards such as `s3:Get*` pass, and the bare `*` and `NotAction` are ' +
      "iam-policy-no-statements-with-admin-access's findings. Trust policies are not checked. An action or document only " +
      'known at deploy time is not a finding; `--report-unknown` lists it.\n\n' +
      'The catalog also asked for a second message on `Resource: "*"` combined with write actions. It is left out: telling ' +
      'write actions apart, and knowing which of them support resource-level permissions at all (many, such as ' +
      '`cloudwatch:PutMetricData` or `ec2:CreateNetworkInterface`, can only be granted on `"*"`), needs the IAM service ' +
      'authorization reference, which pillars-lint does not ship; a name-based guess would flag statements a team cannot ' +
      'narrow. The catalog\'s checkov peer `CKV_AWS_63` checks the bare `"*"` action only, so it is not listed here.',
  },
  check(resource, ctx) {
    visitPolicies(ctx, resource, {
      statement: (statement) => checkStatement(ctx, statement),
    });
  },
});

function checkStatement(ctx: Ctx, { fields, where, index }: PolicyStatement): void {
  for (const [sid, effect, action, resource] of ctx.each(fields.Sid, fields.Effect, fields.Action, fields.Resource)) {
    if (effect.kind === 'unknown' || hasMarker(asString(effect))) {
      const unknown = effect.kind === 'unknown' ? effect : variantWith(effect, { kind: 'unknown', reason: 'a ${...} of Fn::Sub text' });
      ctx.unknown(unknown, 'the Effect of a policy statement');
      continue;
    }
    if (asString(effect) !== 'Allow' || action.kind === 'absent') continue;
    const name = asString(sid);
    const base = { statement: name ? JSON.stringify(clip(name)) : String(index), where, resources: resourceText(ctx, resource) };
    const actions = action.kind === 'literal' && Array.isArray(action.value) ? ctx.items(action, []) : [action];
    for (const element of actions) {
      const text = asString(element);
      if (element.kind === 'unknown') {
        // A Ref or GetAtt of a template resource is never an action; anything else might be "s3:*".
        if (!element.ref) ctx.unknown(element, 'an action of an Allow statement');
        continue;
      }
      if (text === undefined) continue;
      const marker = markerUnknown(element, text);
      if (marker) {
        ctx.unknown(marker, 'an action of an Allow statement');
        continue;
      }
      const service = SERVICE_WILDCARD.exec(text)?.[1];
      if (!service) continue;
      ctx.report({ messageId: 'serviceWildcard', at: element, because: [effect, sid, resource], data: { ...base, service, action: valueText(text.trim()) } });
    }
  }
}

/** "every resource (\"*\")", "arn:aws:s3:::b/*", "3 resources", for the message. */
function resourceText(ctx: Ctx, resource: Variant): string {
  if (resource.kind === 'absent') return 'every resource outside its NotResource list';
  if (resource.kind === 'unknown') return 'resources only known at deploy time';
  const elements = Array.isArray(resource.value) ? ctx.items(resource, []) : [resource];
  const texts = elements.map((e) => asString(e));
  if (texts.some((t) => t?.trim() === '*')) return 'every resource ("*")';
  const [first] = texts;
  if (elements.length === 1) return first !== undefined && !hasMarker(first) ? valueText(first) : 'one resource';
  return `${elements.length} resources`;
}
