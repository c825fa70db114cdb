// Keeps the rule set honest: names, folders, fixtures, messages, Well-Architected ids and generated files.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PILLARS } from '../src/engine/types.ts';
import { rules } from '../rules/index.ts';
import { lintCase } from '../src/testing/index.ts';
import { fixtureOptions, fixtureTemplates, ROOT } from './helpers.ts';

const ruleFiles = PILLARS.flatMap((pillar) => {
  const dir = path.join(ROOT, 'rules', pillar);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => ({ pillar, id: f.slice(0, -3) }))
    : [];
});

describe('rule set', () => {
  it('has one registered rule per file, named by its id, in its pillar folder', () => {
    expect(rules.map((r) => `${r.pillar}/${r.id}`).sort()).toEqual(ruleFiles.map((f) => `${f.pillar}/${f.id}`).sort());
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
  });

  it('generated files (rules/index.ts, src/engine/generated/wa-practices.ts and examples.ts, README rules table, the rule list of the config schema) are up to date', () => {
    expect(() => execFileSync(process.execPath, ['scripts/generate.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });

  it('cites only real Well-Architected best practices', () => {
    const known = new Set(
      readFileSync(path.join(ROOT, 'data/wa-best-practices.tsv'), 'utf8')
        .split('\n')
        .map((l) => l.split('\t')[0]),
    );
    for (const r of rules) {
      expect(r.wellArchitected.length, r.id).toBeGreaterThan(0);
      for (const id of r.wellArchitected) expect(known.has(id), `${r.id}: ${id}`).toBe(true);
    }
  });

  it('gives security rules a numeric security-severity', () => {
    for (const r of rules.filter((r) => r.pillar === 'security')) expect(Number(r.securitySeverity), r.id).toBeGreaterThan(0);
  });

  it('has pass and fail fixtures for every rule, and no fixture folder without a rule', () => {
    const ids = new Set(rules.map((r) => r.id));
    for (const r of rules) {
      const files = readdirSync(path.join(ROOT, 'fixtures', r.id));
      expect(
        files.some((f) => f.startsWith('pass')),
        `${r.id} pass`,
      ).toBe(true);
      expect(
        files.some((f) => f.startsWith('fail')),
        `${r.id} fail`,
      ).toBe(true);
    }
    const special = new Set(['hostile', 'templates', 'cdk', 'first-run', 'corpus-slice', 'LICENSES.md']);
    for (const dir of readdirSync(path.join(ROOT, 'fixtures'))) if (!special.has(dir)) expect(ids.has(dir), dir).toBe(true);
  });

  it('produces every messageId from some fail fixture or the non-compliant docs example', () => {
    for (const r of rules) {
      const dir = path.join(ROOT, 'fixtures', r.id);
      const produced = new Set<string>();
      const cases = [
        ...fixtureTemplates(dir)
          .filter((f) => f.startsWith('fail'))
          .map((f) => {
            const options = fixtureOptions(dir, f);
            return { fixture: path.join(dir, f), ...(options ? { options } : {}) };
          }),
        ...(r.docs ? [{ code: r.docs.noncompliant, ...(r.docs.options ? { options: r.docs.options } : {}) }] : []),
      ];
      for (const c of cases) for (const f of lintCase(r, c)) if (f.ruleId === r.id && f.messageId) produced.add(f.messageId);
      for (const messageId of Object.keys(r.messages)) expect(produced.has(messageId), `${r.id}.${messageId}`).toBe(true);
    }
  });

  it('documents every rule: examples written for people, and every option described', () => {
    for (const r of rules) {
      expect(r.docs, `${r.id} has no docs examples`).toBeDefined();
      expect(r.docs!.noncompliant.trim().length, r.id).toBeGreaterThan(0);
      expect(r.docs!.compliant).not.toBe(r.docs!.noncompliant);
      for (const [name, def] of Object.entries(r.options ?? {})) expect(def.description.length, `${r.id}.${name}`).toBeGreaterThan(10);
      // Options are declared once, with the kit's option builders: the schema and defaults come from them.
      if (r.optionsSchema) expect(r.options, `${r.id} declares optionsSchema by hand`).toBeDefined();
      expect(existsSync(path.join(ROOT, 'docs', 'rules', `${r.id}.md`)), r.id).toBe(true);
    }
  });

  it('decides nothing from the wording of an unknown value: rules and rule helpers read Variant.origin, never reason text', () => {
    // A reason is written for people; a verdict that parsed it would change when the sentence is reworded.
    const parsesReason = /\breason\??\.(includes|startsWith|endsWith|match|indexOf|search|split)\(|\.test\([^)]*\breason\b|\breason\s*[!=]==\s*['"`]/;
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (entry.name.endsWith('.ts'))
          readFileSync(file, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (parsesReason.test(line)) offenders.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
            });
      }
    };
    for (const dir of ['rules', 'src/rule-helpers', 'src/values']) walk(path.join(ROOT, dir));
    expect(offenders).toEqual([]);
  });
});
