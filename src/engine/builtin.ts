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
  peers: { 'cfn-lint': ['E0000', 'E0001'] },
  helpUri: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html',
  builtin: true,
};

export const BUILTIN_RULES: readonly RuleMeta[] = [PARSE_ERROR_RULE];
