// --shard I/N and `pillars-lint merge`: the parts of a run lint every unit exactly once, keep nested templates and
// cloud assemblies with their parents, and merge back into the results of the unsharded run.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.ts';
import { Families, inShard, parseShard } from '../src/engine/shard.ts';
import type { Finding } from '../src/engine/types.ts';
import { HAS_SHARED, ROOT, SHARED } from './helpers.ts';

function cli(args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A project with plain templates, a parent with the templates it nests (one nested by two parents), and a cloud assembly. */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-shard-'));
  cpSync(path.join(ROOT, 'fixtures/corpus-slice/templates'), path.join(dir, 'templates'), { recursive: true });
  cpSync(path.join(ROOT, 'fixtures/corpus-slice/cdk'), path.join(dir, 'cdk'), { recursive: true });
  cpSync(path.join(ROOT, 'fixtures/templates/nested'), path.join(dir, 'nested'), { recursive: true });
  writeFileSync(
    path.join(dir, 'nested/second-parent.yaml'),
    'Resources:\n  Storage:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./storage.yaml\n',
  );
  return dir;
}

const key = (f: Finding) => `${f.file}|${f.region.startLine}:${f.region.startColumn}|${f.ruleId}|${f.message}`;

describe('--shard I/N', () => {
  it('reads I/N and says what is wrong with anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(() => parseShard('0/4')).toThrow('the part must be 1 to 4');
    expect(() => parseShard('5/4')).toThrow('the part must be 1 to 4');
    expect(() => parseShard('1/0')).toThrow('the number of parts must be 1 to 256');
    expect(() => parseShard('2-4')).toThrow('is not I/N');
    expect(() => parseShard('a/b')).toThrow('is not I/N');
  });

  it('puts every key in exactly one part, the same part every time, and spreads keys over the parts', () => {
    const keys = Array.from({ length: 400 }, (_, i) => `infra/stack-${i}/template.yaml`);
    const sizes = [1, 2, 3, 4].map((index) => keys.filter((k) => inShard(k, { index, count: 4 })).length);
    expect(sizes.reduce((a, b) => a + b)).toBe(400);
    for (const size of sizes) expect(size).toBeGreaterThan(60);
    for (const k of keys) expect([1, 2, 3, 4].filter((index) => inShard(k, { index, count: 4 }))).toHaveLength(1);
  });

  it('names a family by its first member in the run order, however it was joined', () => {
    const families = new Families(['a', 'b', 'c', 'd']);
    families.join('d', 'c');
    families.join('c', 'b');
    expect(['b', 'c', 'd'].map((f) => families.find(f))).toEqual(['b', 'b', 'b']);
    expect(families.find('a')).toBe('a');
  });

  it('the parts of a run lint every unit once, with nested templates and assemblies in their parent’s part', async () => {
    const dir = project();
    const full = await lint({ paths: ['.'], cwd: dir, reportUnknown: true });
    const linted = (files: typeof full.files) => files.filter((f) => f.status === 'linted').map((f) => f.file);
    const parts = [];
    for (let index = 1; index <= 3; index++) parts.push(await lint({ paths: ['.'], cwd: dir, reportUnknown: true, shard: { index, count: 3 } }));

    // Each file is linted by one part, and the parts together lint what the whole run lints.
    const perPart = parts.map((p) => linted(p.files));
    expect(perPart.flat().sort()).toEqual(linted(full.files).sort());
    expect(new Set(perPart.flat()).size).toBe(perPart.flat().length);
    expect(
      parts
        .map((p) => p.findings.map(key))
        .flat()
        .sort(),
    ).toEqual(full.findings.map(key).sort());
    for (const p of parts) expect(p.shard?.totalUnits).toBe(parts[0]!.shard?.totalUnits);
    expect(parts.reduce((n, p) => n + p.shard!.units, 0)).toBe(parts[0]!.shard!.totalUnits);

    // The templates parent.yaml and second-parent.yaml nest are linted in the part that lints the parents.
    const partOf = (file: string) => perPart.findIndex((files) => files.includes(path.join(dir, file)));
    expect(partOf('nested/storage.yaml')).toBe(partOf('nested/parent.yaml'));
    expect(partOf('nested/second-parent.yaml')).toBe(partOf('nested/parent.yaml'));
    expect(partOf('nested/cycle-a.yaml')).toBe(partOf('nested/cycle-b.yaml'));
    // As in the whole run, the nested template is linted through a parent, not on its own.
    const storage = (files: typeof full.files) => files.find((f) => f.file === path.join(dir, 'nested/storage.yaml'));
    expect(storage(parts[partOf('nested/storage.yaml')]!.files)?.nestedIn).toEqual(storage(full.files)?.nestedIn);
    const stacks = full.files.filter((f) => f.cdkStack).map((f) => f.file);
    expect(stacks.length).toBeGreaterThan(1);
    expect(new Set(stacks.map(partOf)).size).toBe(1);
  });
});

describe('pillars-lint merge', () => {
  /** Results with artifact and rule indexes replaced by what they point at: equal when the runs say the same. */
  function results(log: Sarif.Log): string[] {
    const run = log.runs[0]!;
    const uriOf = (l?: Sarif.ArtifactLocation) => (l?.index !== undefined ? run.artifacts![l.index]!.location!.uri : l?.uri);
    return run.results!.map((r) =>
      JSON.stringify({
        ...r,
        ruleIndex: run.tool.driver.rules![r.ruleIndex!]!.id,
        locations: r.locations?.map((l) => ({
          ...l,
          physicalLocation: { ...l.physicalLocation, artifactLocation: uriOf(l.physicalLocation?.artifactLocation) },
        })),
        fixes: r.fixes?.map((f) => f.artifactChanges.map((c) => uriOf(c.artifactLocation))),
      }),
    );
  }
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Sarif.Log;

  it('joins the parts into the results, rules and files of the unsharded run, each part under its own category', () => {
    const dir = project();
    expect(cli(['.', '-f', 'sarif', '-o', 'full.sarif'], dir).code).toBe(1);
    for (let i = 1; i <= 3; i++) {
      const part = cli(['.', '--shard', `${i}/3`, '-f', 'sarif', '-o', `part-${i}.sarif`], dir);
      expect(part.code, part.stderr).not.toBe(2);
      expect(part.stderr).toMatch(new RegExp(`shard ${i}/3 lints \\d+ of the \\d+ templates`));
    }
    const parts = [1, 2, 3].map((i) => read(path.join(dir, `part-${i}.sarif`)));
    expect(parts.map((p) => p.runs[0]!.automationDetails?.id)).toEqual([
      'pillars-lint/shard-1-of-3/',
      'pillars-lint/shard-2-of-3/',
      'pillars-lint/shard-3-of-3/',
    ]);

    const merged = cli(['merge', 'part-1.sarif', 'part-2.sarif', 'part-3.sarif', '-o', 'merged.sarif'], dir);
    expect(merged.code, merged.stderr).toBe(1);
    expect(merged.stderr).toBe('');
    const full = read(path.join(dir, 'full.sarif'));
    const log = read(path.join(dir, 'merged.sarif'));
    expect(log.runs).toHaveLength(1);
    expect(results(log)).toEqual(results(full));
    expect(results(log).length).toBeGreaterThan(20);
    expect(log.runs[0]!.tool.driver.rules).toEqual(full.runs[0]!.tool.driver.rules);
    const uris = (l: Sarif.Log) => l.runs[0]!.artifacts!.map((a) => JSON.stringify(a)).sort();
    expect(uris(log)).toEqual(uris(full));
    expect(log.runs[0]!.automationDetails).toBeUndefined();
    expect(log.runs[0]!.properties).toBeUndefined();
  });

  it('renders the merged run in the other formats, keeps the run’s category and fails on --fail-on', () => {
    const dir = project();
    const full = cli(['.', '-f', 'json'], dir);
    for (let i = 1; i <= 2; i++) cli(['.', '--shard', `${i}/2`, '--category', 'infra', '-f', 'sarif', '-o', `p${i}.sarif`], dir);
    expect(read(path.join(dir, 'p1.sarif')).runs[0]!.automationDetails?.id).toBe('infra/shard-1-of-2/');
    cli(['merge', 'p1.sarif', 'p2.sarif', '-o', 'merged.sarif'], dir);
    expect(read(path.join(dir, 'merged.sarif')).runs[0]!.automationDetails?.id).toBe('infra/');

    const total = JSON.parse(full.stdout).summary;
    const stylish = cli(['merge', 'p1.sarif', 'p2.sarif', '-f', 'stylish', '--no-color'], dir);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain(
      `✖ ${total.errors + total.warnings + total.notes} problems (${total.errors} errors, ${total.warnings} warnings, ${total.notes} notes)`,
    );
    const failures = (xml: string) => (xml.match(/<failure [^>]*>/g) ?? []).sort();
    const junit = cli(['merge', 'p1.sarif', 'p2.sarif', '-f', 'junit'], dir).stdout;
    expect(failures(junit)).toEqual(failures(cli(['.', '-f', 'junit'], dir).stdout));
    expect(failures(junit).length).toBeGreaterThan(10);
    expect(cli(['merge', 'p1.sarif', 'p2.sarif', '-f', 'markdown'], dir).stdout).toContain('| pillar |');
    expect(cli(['merge', 'p1.sarif', 'p2.sarif', '--fail-on', 'none', '-f', 'compact'], dir).code).toBe(0);
  });

  it('refuses what it cannot join, and says when a part is missing', () => {
    const dir = project();
    for (let i = 1; i <= 3; i++) cli(['.', '--shard', `${i}/3`, '-f', 'sarif', '-o', `part-${i}.sarif`], dir);
    cli(['.', '--shard', '1/2', '-f', 'sarif', '-o', 'other.sarif'], dir);
    writeFileSync(path.join(dir, 'foreign.sarif'), JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'checkov' } }, results: [] }] }));
    writeFileSync(path.join(dir, 'broken.sarif'), '{');

    const missing = cli(['merge', 'part-1.sarif', 'part-3.sarif', '-o', 'm.sarif'], dir);
    expect(missing.stderr).toContain('pillars-lint: merge: part 2 of 3 missing: the merged report covers 2 of 3 parts');
    expect(missing.code).toBe(1);
    const twice = cli(['merge', 'part-1.sarif', 'part-1.sarif'], dir);
    expect([twice.code, twice.stderr.trim()]).toEqual([2, 'pillars-lint: part-1.sarif and part-1.sarif are both part 1 of 3']);
    expect(cli(['merge', 'part-1.sarif', 'other.sarif'], dir).stderr).toContain('is part 1 of 2, but an earlier log is a part of 3');
    expect(cli(['merge', 'foreign.sarif'], dir).stderr).toContain('holds a run of "checkov", not pillars-lint');
    expect(cli(['merge', 'broken.sarif'], dir).stderr).toContain('broken.sarif is not JSON, so not a SARIF log');
    expect(cli(['merge', 'nope.sarif'], dir).stderr).toContain('cannot read nope.sarif: no such file');
    expect(cli(['merge'], dir).stderr).toContain('merge needs the SARIF files to join');
    expect(cli(['merge', 'part-1.sarif', '--rule', 'ebs-volume-encrypted'], dir).stderr).toContain('--rule does not apply to merge');
    expect(cli(['.', '--shard', '4/3'], dir).stderr).toContain('--shard 4/3: the part must be 1 to 3');
  });
});

describe.skipIf(!HAS_SHARED)('--shard on the shared corpus', () => {
  it('three parts lint the corpus once between them: their findings are the whole run’s', async () => {
    const corpus = path.join(SHARED, 'corpus');
    const full = await lint({ paths: ['templates'], cwd: corpus });
    const parts = [];
    for (let index = 1; index <= 3; index++) parts.push(await lint({ paths: ['templates'], cwd: corpus, shard: { index, count: 3 } }));
    expect(parts.flatMap((p) => p.findings.map(key)).sort()).toEqual(full.findings.map(key).sort());
    const sizes = parts.map((p) => p.shard!.units);
    expect(sizes.reduce((a, b) => a + b)).toBe(parts[0]!.shard!.totalUnits);
    // Evenly enough that a matrix gains from it: no part more than a fifth above the average.
    for (const size of sizes) expect(size).toBeLessThan((parts[0]!.shard!.totalUnits / 3) * 1.2);
  });
});
