// JUnit XML for the test tabs of Jenkins, GitLab and Azure DevOps: one testsuite per linted file, one testcase per
// rule and resource (a resource a rule flags twice is one failing test with both messages), and a passing testcase
// for a clean file so the tab counts it. An engine failure is an <error>: the file's report is incomplete.
import type { Finding, LintResult } from '../engine/types.ts';
import { failureReason, guarded, missingText, placeholderText } from './failures.ts';
import { reportable } from './order.ts';
import { displayPath } from './paths.ts';
import { textOf } from './text.ts';
import type { Formatter } from './types.ts';

/** Characters XML 1.0 cannot hold at all (controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g;

function xml(text: string): string {
  return text
    .replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

interface TestCase {
  name: string;
  line?: number;
  failures: string[];
  firstMessage?: string;
  level?: string;
  error?: string;
}

export const junit: Formatter = (result: LintResult, options) => {
  const help = new Map(result.rules.map((r) => [r.id, r.helpUri]));
  const suites = new Map<string, Map<string, TestCase>>();
  const suiteOf = (file: string) => {
    let suite = suites.get(file);
    if (!suite) suites.set(file, (suite = new Map()));
    return suite;
  };
  for (const f of result.files) if (f.status === 'linted') suiteOf(f.file);
  for (const finding of reportable(result.findings)) {
    if (finding.kind === 'review') continue;
    guarded(
      finding,
      options.onRenderError,
      (f: Finding) => {
        const file = displayPath(f.file, options.cwd);
        const name = `${f.ruleId}${f.logicalId !== undefined ? ` ${f.logicalId}` : ''}`;
        const suite = suiteOf(f.file);
        let test = suite.get(name);
        if (!test) suite.set(name, (test = { name, line: f.region.startLine, failures: [], level: f.level }));
        const message = textOf(f.message, f.ruleId);
        test.firstMessage ??= message;
        const link = help.get(f.ruleId);
        test.failures.push(`${file}:${f.region.startLine}:${f.region.startColumn} ${f.level} ${message}${link ? `\nhelp: ${link}` : ''}`);
      },
      (failure) => {
        const suite = suiteOf(failure.file ?? '');
        suite.set(`render-error ${suite.size}`, { name: failure.ruleId, failures: [], error: placeholderText(failure, options.cwd) });
      },
    );
  }
  for (const failure of result.failures) {
    const suite = suiteOf(failure.file ?? '');
    suite.set(`internal-error ${suite.size}`, {
      name: failure.ruleId ?? 'pillars-lint',
      failures: [],
      error: `${missingText(failure)}: ${failureReason(failure.error, options.cwd)}`,
    });
  }

  let tests = 0;
  let failed = 0;
  let errors = 0;
  const body: string[] = [];
  for (const [file, cases] of suites) {
    const shown = file === '' ? 'pillars-lint' : displayPath(file, options.cwd);
    const list = cases.size ? [...cases.values()] : [{ name: 'pillars-lint', failures: [] } as TestCase];
    const suiteFailed = list.filter((c) => c.failures.length).length;
    const suiteErrors = list.filter((c) => c.error !== undefined).length;
    tests += list.length;
    failed += suiteFailed;
    errors += suiteErrors;
    body.push(`  <testsuite name="${xml(shown)}" tests="${list.length}" failures="${suiteFailed}" errors="${suiteErrors}">`);
    for (const c of list) {
      const attrs = `classname="${xml(shown)}" name="${xml(c.name)}" file="${xml(shown)}"${c.line !== undefined ? ` line="${c.line}"` : ''}`;
      if (c.error !== undefined) {
        body.push(`    <testcase ${attrs}>`, `      <error message="${xml(c.error)}">${xml(c.error)}</error>`, '    </testcase>');
      } else if (c.failures.length) {
        body.push(
          `    <testcase ${attrs}>`,
          `      <failure message="${xml(c.firstMessage ?? '')}" type="${c.level}">${xml(c.failures.join('\n\n'))}</failure>`,
          '    </testcase>',
        );
      } else body.push(`    <testcase ${attrs} />`);
    }
    body.push('  </testsuite>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="pillars-lint" tests="${tests}" failures="${failed}" errors="${errors}">`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
};

export default junit;
