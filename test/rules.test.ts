// Every rule's cases, through the rule kit's own tester: the pass* fixtures and the compliant docs example are
// RuleTester valid cases; each fail* fixture's findings (message id, place, level, text) match the snapshot committed
// beside it (fixtures/<id>/snapshots/), and the non-compliant docs example is flagged. Options in
// fixtures/<id>/options.json apply to every fixture of the folder, and <fixture>.options.json to that fixture.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/engine/types.ts';
import { lintCase, RuleTester } from '../src/testing/index.ts';
import { rules } from '../rules/index.ts';
import { fixtureOptions, fixtureTemplates, ROOT } from './helpers.ts';

RuleTester.describe = describe;
RuleTester.it = it;

/** A finding as one snapshot line, its message id included. */
function snapshotLine(f: Finding): string {
  return `${f.region.startLine}:${f.region.startColumn} ${f.level} ${f.ruleId}[${f.messageId ?? 'review'}] ${f.logicalId ?? '-'}: ${f.message}`;
}

for (const rule of rules) {
  const dir = path.join(ROOT, 'fixtures', rule.id);
  // A rule without a fixture folder fails in the meta-test; here it simply has no cases.
  const files = fixtureTemplates(dir);
  const fixture = (name: string) => {
    const options = fixtureOptions(dir, name);
    return { fixture: path.join(dir, name), ...(options ? { options } : {}) };
  };

  new RuleTester().run(rule, {
    valid: [
      ...files.filter((f) => f.startsWith('pass')).map(fixture),
      ...(rule.docs ? [{ name: 'docs: compliant example', code: rule.docs.compliant, ...(rule.docs.options ? { options: rule.docs.options } : {}) }] : []),
    ],
    invalid: [],
  });

  describe(`${rule.id} (snapshots)`, () => {
    for (const name of files.filter((f) => f.startsWith('fail'))) {
      it(name, async () => {
        const findings = lintCase(rule, fixture(name));
        expect(findings.filter((f) => f.ruleId === 'template-parse-error').map(snapshotLine)).toEqual([]);
        const own = findings.filter((f) => f.ruleId === rule.id).map(snapshotLine);
        expect(own.length).toBeGreaterThan(0);
        await expect(own.join('\n') + '\n').toMatchFileSnapshot(path.join(dir, 'snapshots', `${name}.txt`));
      });
    }
    if (rule.docs) {
      it('docs: the non-compliant example is flagged', () => {
        const findings = lintCase(rule, { code: rule.docs!.noncompliant, ...(rule.docs!.options ? { options: rule.docs!.options } : {}) });
        expect(findings.filter((f) => f.ruleId === 'template-parse-error')).toEqual([]);
        expect(findings.filter((f) => f.ruleId === rule.id && f.kind === 'fail').length).toBeGreaterThan(0);
      });
    }
  });
}
