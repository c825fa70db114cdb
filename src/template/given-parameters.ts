// Parameter values given at the command line, checked against the template's declarations as CloudFormation would
// check them at deploy time: a value outside AllowedValues or AllowedPattern would never deploy, so linting with it
// would report on a stack that cannot exist.
import type { Template } from './model.ts';

export interface GivenParameterCheck {
  /** The given names this template declares. */
  used: string[];
  /** One line per value the template would refuse. */
  problems: string[];
}

/** A pattern whose group repeats under a quantifier can backtrack for ages; the template is not trusted, so skip it. */
const RISKY_PATTERN = /\)[*+?{]|\\[1-9]/;

export function checkGivenParameters(template: Template, given: ReadonlyMap<string, string>): GivenParameterCheck {
  const used: string[] = [];
  const problems: string[] = [];
  for (const [name, value] of given) {
    const param = template.parameters.get(name);
    if (!param) continue;
    used.push(name);
    // List types are checked element by element, as CloudFormation does.
    const values = param.type.startsWith('List<') || param.type === 'CommaDelimitedList' ? value.split(',').map((v) => v.trim()) : [value];
    const allowed = param.allowedValues?.map(String);
    const outside = allowed ? values.filter((v) => !allowed.includes(v)) : [];
    if (allowed && outside.length) {
      problems.push(`parameter ${name}=${JSON.stringify(value)} is not one of its AllowedValues: ${allowed.join(', ')}`);
      continue;
    }
    const pattern = param.allowedPattern;
    if (pattern === undefined || pattern.length > 500 || RISKY_PATTERN.test(pattern)) continue;
    let re: RegExp;
    try {
      // AllowedPattern must match the whole value.
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      continue;
    }
    if (values.some((v) => !re.test(v))) problems.push(`parameter ${name}=${JSON.stringify(value)} does not match its AllowedPattern ${pattern}`);
  }
  return { used, problems };
}
