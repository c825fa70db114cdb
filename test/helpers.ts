import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintFile } from '../src/engine/lint.ts';
import type { RuleDefinition } from '../src/engine/rule.ts';
import type { Finding } from '../src/engine/types.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** ../shared exists on developer machines and in CI, not in a user's clone. */
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const HAS_SHARED = existsSync(path.join(SHARED, 'corpus'));
if (!HAS_SHARED) console.warn(`[pillars-lint tests] ${SHARED} is absent: corpus and shared-tool tests are skipped.`);

/** Lints template text as if it were a file named `name` in the repo root. */
export function lintText(
  text: string,
  rules: readonly RuleDefinition[],
  options: { parameters?: Record<string, string>; reportUnknown?: boolean; name?: string; ruleOptions?: ReadonlyMap<string, Record<string, unknown>> } = {},
): Finding[] {
  const file = path.join(ROOT, options.name ?? 'template.yaml');
  return lintFile(file, Buffer.from(text), true, rules, options).findings;
}

export function lintFixture(
  file: string,
  rules: readonly RuleDefinition[],
  options: { reportUnknown?: boolean; ruleOptions?: ReadonlyMap<string, Record<string, unknown>> } = {},
): Finding[] {
  return lintFile(file, readFileSync(file), true, rules, options).findings;
}

/** The pass* and fail* templates of a rule's fixture folder, in name order (not their .options.json files). */
export function fixtureTemplates(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^(pass|fail).*\.(ya?ml|json|template)$/.test(f) && !f.endsWith('.options.json'))
    .sort();
}

/**
 * The options one fixture is linted with: the folder's options.json (for every fixture of the folder), with the
 * fixture's own `<name>.options.json` over it (e.g. `pass-central.yaml` and `pass-central.options.json`).
 */
export function fixtureOptions(dir: string, name: string): Record<string, unknown> | undefined {
  const read = (file: string) => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined);
  const folder = read(path.join(dir, 'options.json'));
  const own = read(path.join(dir, `${name.replace(/\.[^.]+$/, '')}.options.json`));
  return folder || own ? { ...folder, ...own } : undefined;
}

/** A finding as one line: what the snapshots and assertions compare. */
export function render(f: Finding): string {
  return `${f.region.startLine}:${f.region.startColumn} ${f.level} ${f.ruleId} ${f.logicalId ?? '-'}: ${f.message}`;
}

/** The SARIF 2.1.0 schema (schemas/sarif-2.1.0.json) compiled with ajv's 2020-12 dialect, as upload-sarif checks it. */
export function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/sarif-2.1.0.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true });
  // ajv-formats is CommonJS: under NodeNext its default import is module.exports, whose .default is the plugin.
  ajvFormats.default(ajv);
  return ajv.compile(schema);
}
