// Keeps the rule set honest: names, folders, fixtures, messages, Well-Architected ids and generated files.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PILLARS } from '../src/engine/types.ts';
import { rules } from '../rules/index.ts';
import { fixtureOptions, lintFixture, ROOT } from './helpers.ts';

const ruleFiles = PILLARS.flatMap((pillar) => {
  const dir = path.join(ROOT, 'rules', pillar);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => ({ pillar, id: f.slice(0, -3) })) : [];
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('rule set', () => {
  it('has one registered rule per file, named by its id, in its pillar folder', () => {
    expect(rules.map((r) => `${r.pillar}/${r.id}`).sort()).toEqual(ruleFiles.map((f) => `${f.pillar}/${f.id}`).sort());
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
  });

  it('generated files (rules/index.ts, src/engine/generated/wa-practices.ts and examples.ts, README rules table) are up to date', () => {
    expect(() => execFileSync(process.execPath, ['scripts/generate.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });

  it('cites only real Well-Architected best practices', () => {
    const known = new Set(readFileSync(path.join(ROOT, 'data/wa-best-practices.tsv'), 'utf8').split('\n').map((l) => l.split('\t')[0]));
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
      expect(files.some((f) => f.startsWith('pass')), `${r.id} pass`).toBe(true);
      expect(files.some((f) => f.startsWith('fail')), `${r.id} fail`).toBe(true);
    }
    const special = new Set(['hostile', 'templates', 'cdk', 'first-run', 'LICENSES.md']);
    for (const dir of readdirSync(path.join(ROOT, 'fixtures'))) if (!special.has(dir)) expect(ids.has(dir), dir).toBe(true);
  });

  it('produces every messageId from some fail fixture', () => {
    for (const r of rules) {
      const dir = path.join(ROOT, 'fixtures', r.id);
      const produced = new Set<string>();
      const ruleOptions = fixtureOptions(dir, r.id);
      for (const f of readdirSync(dir).filter((f) => f.startsWith('fail'))) {
        for (const finding of lintFixture(path.join(dir, f), [r], { ruleOptions })) if (finding.ruleId === r.id) produced.add(finding.message);
      }
      for (const [messageId, text] of Object.entries(r.messages)) {
        // The message template as a pattern: placeholders match anything, a context suffix may follow.
        const pattern = new RegExp('^' + text.replace(/\.$/, '').split(/\{\{\s*\w+\s*\}\}/).map(escape).join('.*?'));
        expect([...produced].some((m) => pattern.test(m)), `${r.id}.${messageId}`).toBe(true);
      }
    }
  });
});
