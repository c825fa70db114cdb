// Property-based robustness: real templates, mutated (lines dropped or duplicated, files truncated, tags swapped,
// nodes dropped, retyped or wrapped in intrinsics), must always lint to a result and valid SARIF — never throw.
// Short by default; a long run: FUZZ_RUNS=20000 npx vitest run test/fuzz.test.ts (FUZZ_SEED=n to replay).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/engine/lint.ts';
import { BUILTIN_RULES } from '../src/engine/builtin.ts';
import { ruleMeta } from '../src/engine/registry.ts';
import type { LintResult } from '../src/engine/types.ts';
import { parseDocument } from '../src/parse/index.ts';
import sarif from '../src/report/sarif.ts';
import { rules } from '../rules/index.ts';
import { waPractices } from '../src/engine/generated/wa-practices.ts';
import { HAS_SHARED, ROOT, SHARED, sarifValidator } from './helpers.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

function seeds(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const id of readdirSync(path.join(ROOT, 'fixtures'))) {
    const dir = path.join(ROOT, 'fixtures', id);
    if (id === 'hostile' || id === 'templates' || !statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir)
      .filter((f) => /^fail.*\.(ya?ml|json)$/.test(f))
      .slice(0, 2)) {
      out.push({ name: `${id}/${f}`, text: readFileSync(path.join(dir, f), 'utf8') });
    }
  }
  if (HAS_SHARED) {
    for (const f of [
      'quickstart-aws-vpc/templates/aws-vpc.template.yaml',
      'widdix-aws-cf-templates/state/rds-postgres.yaml',
      'aws-cloudformation-templates/EC2/EC2InstanceWithSecurityGroupSample.json',
    ]) {
      try {
        out.push({ name: f, text: readFileSync(path.join(SHARED, 'corpus/templates', f), 'utf8') });
      } catch {
        // a corpus file that moved is not a reason to fail
      }
    }
  }
  return out;
}

const TAGS = [
  '!Ref',
  '!GetAtt',
  '!Sub',
  '!If',
  '!Equals',
  '!And',
  '!Or',
  '!Not',
  '!Condition',
  '!FindInMap',
  '!Join',
  '!Select',
  '!Split',
  '!Base64',
  '!Cidr',
  '!GetAZs',
  '!ImportValue',
  '!Transform',
  '!Length',
  '!ToJsonString',
  '!Bogus',
];
const INTRINSICS = [
  'Ref',
  'Fn::GetAtt',
  'Fn::Sub',
  'Fn::If',
  'Fn::FindInMap',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::ImportValue',
  'Condition',
  'Fn::Cidr',
  'Fn::GetAZs',
];

/** Every [container, key] pair in a parsed value, for value-level mutations. */
function slots(value: unknown): Array<[Record<string, unknown> | unknown[], string | number]> {
  const out: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const stack = [value];
  while (stack.length && out.length < 5000) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push([node, i]);
        stack.push(child);
      });
    } else if (node && typeof node === 'object') {
      for (const [k, child] of Object.entries(node)) {
        out.push([node as Record<string, unknown>, k]);
        stack.push(child);
      }
    }
  }
  return out;
}

type Mutation = (text: string) => string;

const textMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((r) => (t: string) => t.slice(0, Math.floor(t.length * r))),
  fc.nat().map((n) => (t: string) => {
    const lines = t.split('\n');
    lines.splice(n % Math.max(1, lines.length), 1);
    return lines.join('\n');
  }),
  fc.nat().map((n) => (t: string) => {
    const lines = t.split('\n');
    const i = n % Math.max(1, lines.length);
    lines.splice(i, 0, lines[i] ?? '');
    return lines.join('\n');
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...TAGS)).map(([n, tag]) => (t: string) => {
    const found = [...t.matchAll(/!\w+/g)];
    if (found.length === 0) return t;
    const m = found[n % found.length]!;
    return t.slice(0, m.index) + tag + t.slice(m.index! + m[0].length);
  }),
  fc.tuple(fc.nat(), fc.string({ maxLength: 12 })).map(([n, junk]) => (t: string) => {
    const i = n % Math.max(1, t.length);
    return t.slice(0, i) + junk + t.slice(i);
  }),
);

const valueMutation: fc.Arbitrary<Mutation> = fc
  .tuple(fc.nat(), fc.constantFrom('drop', 'retype', 'wrap', 'duplicate'), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...INTRINSICS))
  .map(([n, op, replacement, intrinsic]) => (t: string) => {
    const doc = parseDocument(t);
    if (doc.value === undefined) return t;
    const all = slots(doc.value);
    if (all.length === 0) return JSON.stringify(replacement);
    const [container, key] = all[n % all.length]!;
    const holder = container as Record<string | number, unknown>;
    if (op === 'drop') Array.isArray(container) ? container.splice(key as number, 1) : delete holder[key];
    else if (op === 'retype') holder[key] = replacement;
    else if (op === 'wrap') holder[key] = { [intrinsic]: intrinsic === 'Fn::If' ? ['Cond', holder[key], replacement] : holder[key] };
    else if (Array.isArray(container)) container.push(container[key as number]);
    else holder[`${String(key)}Copy`] = holder[key];
    return JSON.stringify(doc.value, null, 1);
  });

describe('fuzz', () => {
  const inputs = seeds();
  const validate = sarifValidator();
  const metas = [...BUILTIN_RULES, ...rules.map((r) => ruleMeta(r, waPractices))];

  it(`lints ${RUNS} mutated templates to a result and valid SARIF (seeds: ${inputs.length})`, () => {
    expect(inputs.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.oneof(textMutation, valueMutation), { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const seed = inputs[which % inputs.length]!;
        const text = mutations.reduce((t, m) => m(t), seed.text);
        const file = path.join(ROOT, 'fuzz', seed.name);
        const outcome = lintFile(file, Buffer.from(text), true, rules, { reportUnknown: true, allRules: rules });
        const result: LintResult = { cwd: ROOT, files: [outcome.report], findings: outcome.findings, rules: metas, failures: [] };
        const log = JSON.parse(sarif(result, { color: false, cwd: ROOT, toolVersion: '0.0.0' }));
        if (!validate(log)) throw new Error(`invalid SARIF for a mutation of ${seed.name}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
