// One table-driven test over every rule's fixtures: pass* files give no finding of the rule, fail* files give at least
// one, and the rendered findings match the committed snapshot beside the fixture (fixtures/<id>/snapshots/). Options in
// fixtures/<id>/options.json apply to every fixture of the folder.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.ts';
import { fixtureOptions, lintFixture, render, ROOT } from './helpers.ts';

for (const rule of rules) {
  const dir = path.join(ROOT, 'fixtures', rule.id);
  // A rule without a fixture folder fails in the meta-test; here it simply has no cases.
  const files = (existsSync(dir) ? readdirSync(dir) : []).filter((f) => /^(pass|fail).*\.(ya?ml|json|template)$/.test(f)).sort();
  const ruleOptions = fixtureOptions(dir, rule.id);
  describe(rule.id, () => {
    for (const name of files) {
      it(name, async () => {
        const findings = lintFixture(path.join(dir, name), [rule], { ruleOptions });
        expect(findings.filter((f) => f.ruleId === 'template-parse-error').map(render)).toEqual([]);
        const own = findings.filter((f) => f.ruleId === rule.id).map(render);
        if (name.startsWith('pass')) expect(own).toEqual([]);
        else {
          expect(own.length).toBeGreaterThan(0);
          await expect(own.join('\n') + '\n').toMatchFileSnapshot(path.join(dir, 'snapshots', `${name}.txt`));
        }
      });
    }
  });
}
