// --jobs N: a run on several threads writes the same reports, byte for byte, as a run on one.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeParts } from '../src/engine/parallel.ts';
import type { LintResult } from '../src/engine/types.ts';
import { HAS_SHARED, ROOT, SHARED } from './helpers.ts';

function cli(args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8', env, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Sixteen copies of the fixture slice (templates with nested stacks, a cloud assembly): enough for two threads. */
function bigProject(computedUrls = false): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-jobs-'));
  for (let i = 0; i < 16; i++) {
    cpSync(path.join(ROOT, 'fixtures/corpus-slice/templates'), path.join(dir, `team-${i}/templates`), { recursive: true });
    cpSync(path.join(ROOT, 'fixtures/templates/nested'), path.join(dir, `team-${i}/nested`), { recursive: true });
  }
  cpSync(path.join(ROOT, 'fixtures/corpus-slice/cdk'), path.join(dir, 'cdk'), { recursive: true });
  // A file that is not a template and one that cannot be parsed: listed and reported the same way too.
  writeFileSync(path.join(dir, 'team-0/settings.json'), '{"name": "not a template"}');
  writeFileSync(path.join(dir, 'team-1/broken.yaml'), 'Resources:\n  A: [\n');
  // A parent whose TemplateURL is computed (the pre-scan cannot see it): its child may fall to another thread, which
  // must not lint it a second time.
  for (let i = 0; i < (computedUrls ? 6 : 0); i++) {
    writeFileSync(
      path.join(dir, `team-${i}/computed-parent.yaml`),
      "Parameters:\n  Part:\n    Type: String\n    Default: computed-child\nResources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: !Sub './${Part}.yaml'\n",
    );
    writeFileSync(
      path.join(dir, `team-${i}/computed-child.yaml`),
      'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 10\n      AvailabilityZone: eu-west-1a\n',
    );
  }
  writeFileSync(
    path.join(dir, '.pillars-lint.yaml'),
    'rules:\n  ebs-volume-type-gp3: off\n  cfn-resource-required-tags: [warning, { requiredTags: [Owner] }]\n',
  );
  return dir;
}

describe('--jobs', () => {
  it('writes the same report on two threads as on one', () => {
    const dir = bigProject();
    // The other formats render the same result: json (files, findings, failures), SARIF (rules, artifacts) and the text
    // report cover what a thread could change.
    for (const format of ['json', 'sarif', 'stylish']) {
      const args = ['.', '-f', format, '--no-color', '--report-unknown', '--verbose'];
      const one = cli([...args, '--jobs', '1'], dir);
      const two = cli([...args, '--jobs', '2'], dir);
      expect(one.code, one.stderr).toBe(1);
      // --verbose says that the run did use two threads; nothing else differs.
      expect(two.stderr).toBe(`pillars-lint: linted on 2 threads\n${one.stderr}`);
      expect(two.stdout, format).toBe(one.stdout);
      expect(two.code).toBe(one.code);
      if (format === 'json') expect(JSON.parse(one.stdout).files.filter((f: { status: string }) => f.status === 'linted').length).toBeGreaterThan(300);
    }
    // A small run stays on one thread.
    expect(cli(['team-0', '-j', '2', '--verbose', '-f', 'compact'], dir).stderr).not.toContain('threads');
  }, 120_000);

  it('lints a template that a computed TemplateURL nests once, as one thread does, whichever threads its parent and it fall to', () => {
    const dir = bigProject(true);
    const one = cli(['.', '--jobs', '1', '-f', 'json'], dir);
    const two = cli(['.', '--jobs', '2', '-f', 'json'], dir);
    expect(two.stdout).toBe(one.stdout);
    const files = JSON.parse(one.stdout).files.map((f: { path: string }) => f.path);
    expect(files.filter((f: string) => f.endsWith('computed-child.yaml'))).toHaveLength(6);
    expect(new Set(files).size).toBe(files.length);
  }, 120_000);

  it('splits a shard over threads as well, and refuses a count that is not one', () => {
    const dir = bigProject();
    const one = cli(['.', '--shard', '1/2', '--jobs', '1', '-f', 'sarif'], dir);
    const two = cli(['.', '--shard', '1/2', '--jobs', '2', '-f', 'sarif'], dir);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(cli(['.', '--jobs', '0'], dir).stderr).toContain('--jobs expects a whole number from 1 to 256 (got "0")');
    expect(cli(['.', '-j', 'many'], dir).stderr).toContain('--jobs expects a whole number from 1 to 256 (got "many")');
  }, 120_000);

  it('merges the parts of threads into one thread’s order: files by visit, findings sorted, rules once', () => {
    const finding = (file: string, line: number, ruleId: string) =>
      ({
        file,
        ruleId,
        region: { startLine: line, startColumn: 1, endLine: line, endColumn: 2 },
        level: 'error',
        kind: 'fail',
        message: ruleId,
        pillar: 'security',
      }) as const;
    const rule = (id: string) => ({ id }) as LintResult['rules'][number];
    const part = (files: string[], calls: number[], findings: ReturnType<typeof finding>[], rules: string[]) => ({
      result: { cwd: '/p', files: files.map((file) => ({ file, status: 'linted' as const })), findings: [...findings], rules: rules.map(rule), failures: [] },
      order: { files: calls, failures: [] },
    });
    const merged = mergeParts(
      [
        part(['/p/skipped', '/p/a', '/p/a-child', '/p/c'], [-1, 0, 0, 2], [finding('/p/c', 3, 'r2'), finding('/p/a', 9, 'r1')], ['builtin', 'r1', 'r2']),
        part(['/p/b', '/p/d'], [1, 5], [finding('/p/b', 1, 'r3')], ['builtin', 'r1', 'r3']),
      ],
      '/p',
      [rule('r1'), rule('r2'), rule('r3')],
    );
    expect(merged.files.map((f) => f.file)).toEqual(['/p/skipped', '/p/a', '/p/a-child', '/p/b', '/p/c', '/p/d']);
    expect(merged.findings.map((f) => `${f.file}:${f.region.startLine}`)).toEqual(['/p/a:9', '/p/b:1', '/p/c:3']);
    expect(merged.rules.map((r) => r.id)).toEqual(['builtin', 'r1', 'r2', 'r3']);
  });
});

describe.skipIf(!HAS_SHARED)('--jobs on the shared corpus', () => {
  it('two threads write the one-thread SARIF of the corpus, byte for byte', () => {
    const corpus = path.join(SHARED, 'corpus');
    const one = cli(['templates', '-j', '1', '-f', 'sarif'], corpus);
    const two = cli(['templates', '-j', '2', '-f', 'sarif'], corpus);
    expect(one.stdout.length).toBeGreaterThan(1_000_000);
    expect(two.stdout === one.stdout).toBe(true);
  }, 120_000);
});
