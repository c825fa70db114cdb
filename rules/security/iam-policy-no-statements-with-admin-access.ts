import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { hasMarker, markerUnknown, POLICY_HOLDERS, visitPolicies, type PolicyStatement } from '../../src/rule-helpers/iam-policy.ts';
import { isPlainObject } from '../../src/template/intrinsics.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString, isSet } from '../../src/values/coerce.ts';
import { variantWith, type Variant } from '../../src/values/variant.ts';
import { clip, valueText } from '../../src/values/quote.ts';

// Kept for the tests that exercise the marker pattern on hostile input.
export { MARKERS } from '../../src/rule-helpers/iam-policy.ts';

/** The AWS managed AdministratorAccess policy in any partition (also as written with the AWS::Partition placeholder). */
const ADMIN_ARN = /^arn:([a-z0-9-]+|\$\{AWS::Partition\}):iam::aws:policy\/AdministratorAccess$/;

// Declared before the rule so that the helpers below report with checked message ids too.
const MESSAGES = {
  allActions: 'Statement {{statement}} in {{where}} allows every action ("*") on every resource ("*"): full administrator access.',
  allActionsUnderConditions: 'Statement {{statement}} in {{where}} allows every action ("*") on every resource ("*"), under conditions ({{conditions}}).',
  notAction: 'Statement {{statement}} in {{where}} allows every action outside its NotAction list on every resource ("*").',
  adminManaged: '{{kind}} {{logicalId}} attaches the AWS managed policy AdministratorAccess{{arn}}.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof MESSAGES>;

export default defineRule({
  id: 'iam-policy-no-statements-with-admin-access',
  pillar: 'security',
  level: 'error',
  title: 'IAM policies do not grant full administrative access',
  rationale:
    'A statement that allows every action on every resource makes its holder an administrator of the account: one leaked ' +
    'credential or one exploited function is then enough to read every secret, delete every resource and create new users.',
  remediation:
    'Replace `Action: "*"` (or `NotAction`) on `Resource: "*"` with the actions and resources the principal needs, and ' +
    'detach `AdministratorAccess`; grant broad access only to break-glass roles outside application templates.\n\n' +
    "```yaml\nStatement:\n  - Effect: Allow\n    Action: [s3:GetObject, s3:PutObject]\n    Resource: !Sub '${DataBucket.Arn}/*'\n```",
  wellArchitected: ['SEC03-BP02'],
  securityHub: ['IAM.1'],
  securitySeverity: '8.6',
  appliesTo: Object.keys(POLICY_HOLDERS),
  peers: {
    checkov: [
      // CKV_AWS_62: Action "*" on Resource "*"; CKV_AWS_63: Action "*" on any resource. Inline policies and AWS::IAM::Policy.
      {
        id: 'CKV_AWS_62',
        messages: ['allActions', 'allActionsUnderConditions'],
        resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Policy'],
      },
      {
        id: 'CKV_AWS_63',
        messages: ['allActions', 'allActionsUnderConditions'],
        resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Policy'],
      },
    ],
    cfn_nag: [
      // Allowed "*" (or "service:*") actions: F3 in a role's policies, F4 in a policy, F5 in a managed policy.
      { id: 'F3', messages: ['allActions', 'allActionsUnderConditions'], resourceTypes: ['AWS::IAM::Role'] },
      { id: 'F4', messages: ['allActions', 'allActionsUnderConditions'], resourceTypes: ['AWS::IAM::Policy'] },
      { id: 'F5', messages: ['allActions', 'allActionsUnderConditions'], resourceTypes: ['AWS::IAM::ManagedPolicy'] },
      // Allow with NotAction: W15 role, W16 policy, W17 managed policy.
      { id: 'W15', messages: ['notAction'], resourceTypes: ['AWS::IAM::Role'] },
      { id: 'W16', messages: ['notAction'], resourceTypes: ['AWS::IAM::Policy'] },
      { id: 'W17', messages: ['notAction'], resourceTypes: ['AWS::IAM::ManagedPolicy'] },
      // W43: a role with the managed AdministratorAccess policy; not an inline statement.
      { id: 'W43', messages: ['adminManaged'], resourceTypes: ['AWS::IAM::Role'] },
    ],
    cdk_nag: [
      // IAM5: any "*" in a policy document; IAM4: any AWS managed policy attached to a user, role or group.
      {
        id: 'AwsSolutions-IAM5',
        messages: ['allActions', 'allActionsUnderConditions', 'notAction'],
        resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'],
      },
      { id: 'AwsSolutions-IAM4', messages: ['adminManaged'], resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'] },
      // Action "*", Allow, Resource "*" in policies, managed policies and the inline policies of roles and groups.
      {
        id: 'IAMPolicyNoStatementsWithAdminAccess',
        messages: ['allActions', 'allActionsUnderConditions'],
        resourceTypes: ['AWS::IAM::Role', 'AWS::IAM::Group', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'],
      },
    ],
    guard: [
      { id: 'IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS', messages: ['allActions', 'allActionsUnderConditions'], resourceTypes: ['AWS::IAM::Policy'] },
      { id: 'IAM_ROLE_ADMINISTRATOR_ACCESS_POLICY_RULE', messages: ['adminManaged'], resourceTypes: ['AWS::IAM::Role'] },
      // Allow with NotAction in a PolicyDocument property: policies and managed policies (roles have none of their own).
      { id: 'IAM_ROLE_OR_POLICY_NO_ALLOW_PLUS_NOT_ACTION', messages: ['notAction'], resourceTypes: ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'] },
    ],
  },
  messages: MESSAGES,
  docs: {
    noncompliant: [
      'Resources:',
      '  DeployRole:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal: {Service: codebuild.amazonaws.com}',
      '            Action: sts:AssumeRole',
      '      Policies:',
      '        - PolicyName: deploy',
      '          PolicyDocument:',
      '            Version: "2012-10-17"',
      '            Statement:',
      '              - Effect: Allow',
      '                Action: "*"',
      '                Resource: "*"',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  DeployRole:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal: {Service: codebuild.amazonaws.com}',
      '            Action: sts:AssumeRole',
      '      Policies:',
      '        - PolicyName: deploy',
      '          PolicyDocument:',
      '            Version: "2012-10-17"',
      '            Statement:',
      '              - Effect: Allow',
      '                Action: [s3:GetObject, s3:PutObject]',
      '                Resource: arn:aws:s3:::example-artifacts/*',
      '              - Effect: Allow',
      '                Action: cloudformation:UpdateStack',
      '                Resource: arn:aws:cloudformation:eu-west-1:123456789012:stack/app/*',
    ].join('\n'),
    notes:
      'Checked: the inline policies and managed policy ARNs of roles, users and groups, `AWS::IAM::Policy` and ' +
      '`AWS::IAM::ManagedPolicy` documents, and the `Policies` of SAM functions (a policy document, or the ' +
      '`AdministratorAccess` managed policy by name or ARN; SAM policy templates are scoped by design). A statement fails ' +
      'when it allows `Action: "*"`, or uses `NotAction`, on `Resource: "*"`; one with a `Condition` is reported as such, ' +
      'naming its condition keys. Trust policies (`AssumeRolePolicyDocument`) are not permissions and are not checked, ' +
      'and neither are service wildcards such as `s3:*`. A policy document written as `Fn::Sub` JSON text is read around ' +
      'its `${...}` references. An action, resource or document only known at deploy time is not a finding; ' +
      '`--report-unknown` lists it.',
  },
  check(resource, ctx) {
    visitPolicies(ctx, resource, {
      statement: (statement) => checkStatement(ctx, statement),
      managedArn: (arn, kind) => checkManagedArn(ctx, resource, arn, kind),
    });
  },
});

function checkManagedArn(ctx: Ctx, resource: Resource, arn: Variant, kind: string): void {
  if (arn.kind === 'absent') return;
  const text = asString(arn);
  if (arn.kind === 'unknown') {
    // A managed policy of this template is checked as a resource of its own.
    if (arn.ref) return;
    ctx.unknown(arn, 'a managed policy ARN');
    return;
  }
  if (text === undefined) return;
  // SAM also accepts the bare name of an AWS managed policy.
  const isAdmin = ADMIN_ARN.test(text) || (resource.type === 'AWS::Serverless::Function' && text === 'AdministratorAccess');
  // The ARN is worth quoting when it is one: SAM's bare name would only repeat it.
  if (isAdmin) ctx.report({ messageId: 'adminManaged', at: arn, data: { kind, arn: text === 'AdministratorAccess' ? '' : ` (${valueText(text)})` } });
}

interface Stars {
  /** The variants that are "*". */
  hits: Variant[];
  /** A value that may be "*" but cannot be known. */
  unknown?: Variant;
}

/** Which variants of an Action or Resource (a string or a list of strings) are the wildcard "*". */
function stars(ctx: Ctx, value: Variant): Stars {
  if (value.kind === 'unknown') return value.ref ? { hits: [] } : { hits: [], unknown: value };
  if (value.kind !== 'literal') return { hits: [] };
  const out: Stars = { hits: [] };
  const elements = Array.isArray(value.value) ? ctx.items(value, []) : [value];
  for (const element of elements) {
    const text = asString(element);
    // A Ref or GetAtt of a template resource is a name or ARN, never the wildcard.
    if (element.kind === 'unknown' && !element.ref) out.unknown ??= element;
    else if (text?.trim() === '*') out.hits.push(element);
    else if (text !== undefined && markerUnknown(element, text)) {
      // The whole value is one ${...} of a policy written as Fn::Sub JSON text.
      out.unknown ??= markerUnknown(element, text);
    }
  }
  return out;
}

function checkStatement(ctx: Ctx, { fields, where, index }: PolicyStatement): void {
  for (const [sid, effect, action, notAction, resource, condition] of ctx.each(
    fields.Sid,
    fields.Effect,
    fields.Action,
    fields.NotAction,
    fields.Resource,
    fields.Condition,
  )) {
    if (effect.kind === 'unknown' || hasMarker(asString(effect))) {
      const unknown = effect.kind === 'unknown' ? effect : variantWith(effect, { kind: 'unknown', reason: 'a ${...} of Fn::Sub text' });
      ctx.unknown(unknown, 'the Effect of a policy statement');
      continue;
    }
    if (asString(effect) !== 'Allow') continue;
    const name = asString(sid);
    const data = { statement: name ? JSON.stringify(clip(name)) : String(index), where };
    // NotAction allows everything it does not list, whatever it lists.
    const byNotAction = isSet(notAction);
    const actions: Stars = byNotAction ? { hits: [notAction] } : stars(ctx, action);
    const resources = stars(ctx, resource);
    if (actions.hits.length === 0 || resources.hits.length === 0) {
      // Admin access only if a value that cannot be known is "*": listed under --report-unknown, never failed.
      if (actions.hits.length === 0) {
        if (actions.unknown && (resources.hits.length > 0 || resources.unknown)) ctx.unknown(actions.unknown, 'the Action of an Allow statement');
      } else if (resources.unknown) {
        ctx.unknown(resources.unknown, 'the Resource of an Allow statement');
      }
      continue;
    }
    // A Condition narrows when the statement applies (MFA, source network...), not what it allows: still reported, as such.
    const conditions = byNotAction ? undefined : conditionKeys(condition);
    for (const [a, r] of ctx.each(actions.hits, resources.hits)) {
      const found = { at: a, because: [effect, r, sid, condition] };
      if (byNotAction) ctx.report({ messageId: 'notAction', ...found, data });
      else if (conditions) ctx.report({ messageId: 'allActionsUnderConditions', ...found, data: { ...data, conditions } });
      else ctx.report({ messageId: 'allActions', ...found, data });
    }
  }
}

/** "Bool aws:MultiFactorAuthPresent, IpAddress aws:SourceIp" for a statement's Condition; undefined without one. */
function conditionKeys(condition: Variant): string | undefined {
  if (condition.kind === 'absent') return undefined;
  if (condition.kind !== 'literal' || !isPlainObject(condition.value)) return 'not known before deployment';
  const parts: string[] = [];
  for (const [operator, keys] of Object.entries(condition.value)) {
    const names = isPlainObject(keys) ? Object.keys(keys) : [];
    parts.push(names.length ? names.map((k) => `${operator} ${k}`).join(', ') : operator);
  }
  return parts.length ? parts.join(', ') : undefined;
}
