// RuleTester: a rule's cases in one table — templates it must not flag, and templates it must flag with the expected
// message ids and places — run through the real engine (parse, template, values, suppressions), one test per case.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintFile } from '../engine/lint.ts';
import type { RuleDefinition } from '../engine/rule.ts';
import type { Finding, Level } from '../engine/types.ts';

export interface ValidCase {
  /** Shown as the test's name; defaults to the fixture's file name or the first line of the code. */
  name?: string;
  /** The template text (YAML or JSON)... */
  code?: string;
  /** ...or a template file (absolute, or relative to the working directory). */
  fixture?: string;
  /** The rule's options for this case (merged over its defaults). */
  options?: Record<string, unknown>;
  /** Parameter values, as `--parameter` gives them. */
  parameters?: Record<string, string>;
}

export interface ExpectedError {
  messageId: string;
  line?: number;
  column?: number;
  level?: Level;
  logicalId?: string;
  /** The whole message, or a pattern it must match. */
  message?: string | RegExp;
}

export interface InvalidCase extends ValidCase {
  /** The rule's findings, in file order (line, then column). */
  errors: ExpectedError[];
}

export interface Cases {
  valid: Array<ValidCase | string>;
  invalid: InvalidCase[];
}

type TestFunction = (name: string, fn: () => void) => void;

/** The findings of `rule` on one case's template (other rules do not run); parse errors are returned too. */
export function lintCase(rule: RuleDefinition, testCase: ValidCase): Finding[] {
  const file = testCase.fixture ? path.resolve(testCase.fixture) : path.resolve(`${caseName(rule, testCase).replace(/[^\w.-]+/g, '_')}.yaml`);
  const bytes = testCase.fixture ? readFileSync(file) : Buffer.from(testCase.code ?? '', 'utf8');
  const ruleOptions = testCase.options ? new Map([[rule.id, testCase.options]]) : undefined;
  return lintFile(file, bytes, true, [rule], { parameters: testCase.parameters, ruleOptions }).findings;
}

function caseName(rule: RuleDefinition, testCase: ValidCase): string {
  if (testCase.name) return testCase.name;
  if (testCase.fixture) return path.basename(testCase.fixture);
  const first = (testCase.code ?? '').split('\n').find((l) => l.trim() && !/^(Resources|AWSTemplateFormatVersion)\s*:/.test(l.trim()));
  return `${rule.id}: ${first?.trim() ?? '(empty)'}`;
}

function describeFinding(f: Finding): string {
  return `${f.region.startLine}:${f.region.startColumn} ${f.level} ${f.messageId ?? f.ruleId} ${f.logicalId ?? '-'}: ${f.message}`;
}

/**
 * Checks one case and returns what is wrong with the rule's behaviour (empty when it does as expected): a valid case
 * gets no finding of the rule, an invalid one exactly the expected findings, and neither a parse error.
 */
export function verifyCase(rule: RuleDefinition, testCase: ValidCase | InvalidCase): string[] {
  const findings = lintCase(rule, testCase);
  const problems: string[] = [];
  const parse = findings.filter((f) => f.ruleId === 'template-parse-error');
  for (const f of parse) problems.push(`the template does not parse: ${describeFinding(f)}`);
  const own = findings.filter((f) => f.ruleId === rule.id && f.kind === 'fail');
  const errors = 'errors' in testCase ? testCase.errors : [];
  if (own.length !== errors.length) {
    problems.push(`expected ${errors.length} finding(s) of ${rule.id}, got ${own.length}${own.length ? `:\n  ${own.map(describeFinding).join('\n  ')}` : ''}`);
    return problems;
  }
  own.forEach((f, i) => {
    const e = errors[i]!;
    const at = `finding ${i + 1} (${describeFinding(f)})`;
    if (f.messageId !== e.messageId) problems.push(`${at}: messageId is ${f.messageId}, expected ${e.messageId}`);
    if (e.line !== undefined && f.region.startLine !== e.line) problems.push(`${at}: line is ${f.region.startLine}, expected ${e.line}`);
    if (e.column !== undefined && f.region.startColumn !== e.column) problems.push(`${at}: column is ${f.region.startColumn}, expected ${e.column}`);
    if (e.level !== undefined && f.level !== e.level) problems.push(`${at}: level is ${f.level}, expected ${e.level}`);
    if (e.logicalId !== undefined && f.logicalId !== e.logicalId) problems.push(`${at}: logicalId is ${f.logicalId}, expected ${e.logicalId}`);
    if (typeof e.message === 'string' && f.message !== e.message) problems.push(`${at}: message differs, expected "${e.message}"`);
    if (e.message instanceof RegExp && !e.message.test(f.message)) problems.push(`${at}: message does not match ${e.message}`);
  });
  return problems;
}

/**
 * A table of cases for one rule, in the manner of ESLint's RuleTester. `run()` registers one test per case with the
 * test framework's `describe` and `it` (vitest, jest, mocha and node:test all work: set RuleTester.describe and
 * RuleTester.it when they are not globals). The table itself is checked first: a duplicate case, or an expected
 * messageId the rule does not declare, is an error in the test file, not a passing test.
 */
export class RuleTester {
  static describe: TestFunction | undefined;
  static it: TestFunction | undefined;

  run(rule: RuleDefinition, cases: Cases): void {
    const describe = RuleTester.describe ?? (globalThis as { describe?: TestFunction }).describe;
    const it = RuleTester.it ?? (globalThis as { it?: TestFunction }).it;
    if (!describe || !it) throw new Error('RuleTester needs describe() and it(): set RuleTester.describe and RuleTester.it');
    const valid = cases.valid.map((c) => (typeof c === 'string' ? { code: c } : c));
    checkTable(rule, valid, cases.invalid);
    describe(rule.id, () => {
      if (valid.length) {
        describe('valid', () => {
          for (const c of valid) it(caseName(rule, c), () => fail(verifyCase(rule, c)));
        });
      }
      if (cases.invalid.length) {
        describe('invalid', () => {
          for (const c of cases.invalid) it(caseName(rule, c), () => fail(verifyCase(rule, c)));
        });
      }
    });
  }
}

function fail(problems: string[]): void {
  if (problems.length) throw new Error(problems.join('\n'));
}

function checkTable(rule: RuleDefinition, valid: ValidCase[], invalid: InvalidCase[]): void {
  const seen = new Set<string>();
  for (const c of [...valid, ...invalid]) {
    if (c.code === undefined && c.fixture === undefined) throw new Error(`${rule.id}: a case needs code or a fixture`);
    const key = JSON.stringify([c.code, c.fixture && path.resolve(c.fixture), c.options, c.parameters]);
    if (seen.has(key)) throw new Error(`${rule.id}: duplicate case ${caseName(rule, c)}`);
    seen.add(key);
  }
  for (const c of invalid) {
    if (c.errors.length === 0) throw new Error(`${rule.id}: invalid case ${caseName(rule, c)} expects no finding (make it a valid case)`);
    for (const e of c.errors) {
      if (!(e.messageId in rule.messages))
        throw new Error(`${rule.id}: case ${caseName(rule, c)} expects messageId "${e.messageId}", which the rule does not declare`);
    }
  }
}
