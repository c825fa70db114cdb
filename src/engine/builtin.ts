import type { RuleMeta } from './types.ts';

/** Rules the engine itself reports; they are not files in rules/ and cannot be turned off. */
export const PARSE_ERROR_RULE: RuleMeta = {
  id: 'template-parse-error',
  pillar: 'operational-excellence',
  level: 'error',
  title: 'Templates parse and have a valid CloudFormation structure',
  rationale:
    'CloudFormation rejects a template it cannot parse (YAML or JSON syntax, duplicate keys, aliases, unknown tags) ' +
    'or whose structure is wrong (Resources not a mapping, a resource without Type). Nothing else in the file can be checked reliably until it is fixed.',
  remediation: 'Fix the syntax or structure at the reported location. Run `pillars-lint` again to see the other findings of the file.',
  wellArchitected: ['OPS05-BP02'],
  securityHub: [],
  appliesTo: [],
  tags: [],
  // cfn-lint E0000: JSON/YAML parse errors. (E0001 is a failed SAM transform, which pillars-lint does not report.)
  peers: { 'cfn-lint': [{ id: 'E0000' }] },
  helpUri: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html',
  builtin: true,
};

const suppressionMeta: Omit<RuleMeta, 'id' | 'title' | 'rationale' | 'remediation'> = {
  pillar: 'operational-excellence',
  level: 'warning',
  wellArchitected: ['OPS05-BP02'],
  securityHub: [],
  appliesTo: [],
  tags: [],
  peers: {},
  helpUri: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/metadata-section-structure.html',
  builtin: true,
};

export const INVALID_SUPPRESSION_RULE: RuleMeta = {
  ...suppressionMeta,
  id: 'invalid-suppression',
  title: 'Suppressions name a known rule and give a reason',
  rationale:
    'A suppression is a decision others must be able to audit later. An entry without a reason, or for a rule that does not exist, ' +
    'hides nothing and suggests a problem is handled when it is not.',
  remediation:
    'Give the entry a reason, and use a rule id from `pillars-lint rules`.\n\n```yaml\nMetadata:\n  pillars-lint:\n    ignore:\n      - id: ec2-sg-ssh-restricted\n        reason: Bastion ingress is closed by the org-wide firewall policy\n```',
};

export const UNUSED_SUPPRESSION_RULE: RuleMeta = {
  ...suppressionMeta,
  id: 'unused-suppression',
  title: 'Suppressions still match a finding',
  rationale: 'A suppression that matches nothing is stale: the problem was fixed or moved, and the entry would silently hide a future one.',
  remediation: 'Remove the entry from the Metadata.',
};

export const NESTED_STACK_CYCLE_RULE: RuleMeta = {
  id: 'nested-stack-cycle',
  pillar: 'operational-excellence',
  level: 'error',
  title: 'Nested stacks do not nest their own ancestors',
  rationale:
    'A nested stack whose template (directly or through other nested stacks) deploys the template that contains it would ' +
    "create stacks without end: packaging or deployment fails, or runs into the account's stack quota.",
  remediation: 'Point the TemplateURL at the template meant to be nested, and break the loop.',
  wellArchitected: ['OPS05-BP02'],
  securityHub: [],
  appliesTo: ['AWS::CloudFormation::Stack', 'AWS::Serverless::Application'],
  tags: [],
  peers: {},
  helpUri: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-nested-stacks.html',
  builtin: true,
};

export const NESTED_STACK_MISSING_RULE: RuleMeta = {
  ...NESTED_STACK_CYCLE_RULE,
  id: 'nested-stack-template-missing',
  title: 'Local nested stack templates exist',
  rationale:
    'A nested stack with a local TemplateURL is uploaded by `aws cloudformation package` (or `sam package`); a path that ' +
    'leads to no file fails the packaging, and nothing in the nested stack can be checked.',
  remediation: 'Fix the path (it is relative to the folder of the template that contains it), or add the template.',
};

export const LOOP_NOT_EXPANDED_RULE: RuleMeta = {
  id: 'foreach-not-expanded',
  pillar: 'operational-excellence',
  level: 'note',
  title: 'Fn::ForEach loops can be expanded before deployment',
  rationale:
    'pillars-lint expands AWS::LanguageExtensions loops as CloudFormation does, so the resources they make are checked like ' +
    'any other. A loop whose collection is only known at deploy time (a parameter without a Default, an import, a mapping key ' +
    'that depends on the region) cannot be expanded here, and none of its resources is checked.',
  remediation: 'Give the collection parameter a Default, or pass its value (`--parameter Name=a,b`), so the loop can be expanded and its resources linted.',
  wellArchitected: ['OPS05-BP02'],
  securityHub: [],
  appliesTo: [],
  tags: [],
  peers: {},
  helpUri: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-foreach.html',
  builtin: true,
};

export const BUILTIN_RULES: readonly RuleMeta[] = [
  PARSE_ERROR_RULE,
  INVALID_SUPPRESSION_RULE,
  UNUSED_SUPPRESSION_RULE,
  NESTED_STACK_CYCLE_RULE,
  NESTED_STACK_MISSING_RULE,
  LOOP_NOT_EXPANDED_RULE,
];
