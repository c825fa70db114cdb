// Bounded input: a file over the size cap is never read whole, a FIFO, socket or device is never opened, and a
// folder a scan cannot read is reported. Each case is built in a temp repository and run through the CLI (and the
// Action where it has its own route), with a wall-clock budget.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { action, cli, expectBounded, expectNoSecret, machine, put, type Machine, type Run } from './harness.ts';

const BUCKET = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n';
const GIB = 1024 ** 3;
/** A run that reads 1 GiB, or waits on a FIFO, does not finish in this budget. */
const BUDGET = { budgetMs: 10_000 };

interface JsonReport {
  files: Array<{ path: string; status: string; skipReason?: string }>;
  findings: Array<{ ruleId: string; file: string; line: number; column: number; message: string }>;
}

function json(run: Run): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}

function nesting(url: string): string {
  return `Resources:\n  Net:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ${url}\n`;
}

/** A sparse file: 1 GiB long, no blocks on disk. */
function sparse(m: Machine, name: string, size = GIB): string {
  const file = put(m, name, '');
  truncateSync(file, size);
  return file;
}

function lint(m: Machine, args: string[], code: number): JsonReport {
  const run = cli([...args, '-f', 'json'], m.repo, BUDGET);
  expectBounded(run, [code]);
  expectNoSecret(m, run.stdout, run.stderr);
  return json(run);
}

describe('a size cap per file, checked before reading', () => {
  it('a 1 GiB file named explicitly is one located finding, not read', () => {
    const m = machine();
    sparse(m, 'big.yaml');
    const report = lint(m, ['big.yaml'], 1);
    expect(report.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.message])).toEqual([
      ['template-parse-error', 'big.yaml', 1, 1, 'The file was not read: 1 GB, over the 50 MB size limit (--max-file-size).'],
    ]);
    expect(report.files).toEqual([{ path: 'big.yaml', status: 'skipped', skipReason: 'not read: 1 GB, over the 50 MB size limit (--max-file-size)' }]);
  });

  it('a 1 GiB file found by a scan is skipped with the reason; the other files are linted', () => {
    const m = machine();
    sparse(m, 'big.yaml');
    put(m, 'app.yaml', BUCKET);
    const report = lint(m, ['.'], 0);
    expect(report.files).toEqual([
      { path: 'app.yaml', status: 'linted' },
      { path: 'big.yaml', status: 'skipped', skipReason: 'not read: 1 GB, over the 50 MB size limit (--max-file-size)' },
    ]);
    expect(report.findings.every((f) => f.file === 'app.yaml')).toBe(true);
    // The Action's default path: the same, and the run passes.
    const run = action(m.repo, {}, BUDGET);
    expectBounded(run, [0]);
    expect(run.sarif).toContain('"reason": "not read: 1 GB, over the 50 MB size limit (--max-file-size)"');
  });

  it('a 1 GiB nested template, a glob match and a symlink to one are not read either', () => {
    const m = machine();
    sparse(m, 'big.yaml');
    symlinkSync('big.yaml', path.join(m.repo, 'alias.yaml'));
    put(m, 'parent.yaml', nesting('./alias.yaml'));
    const nested = lint(m, ['parent.yaml'], 1);
    expect(nested.findings.filter((f) => f.file === 'big.yaml').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '1:1 The file was not read: 1 GB, over the 50 MB size limit (--max-file-size).',
    ]);
    // The glob reaches big.yaml as a file of its own (skipped) and as parent.yaml's nested template (a finding).
    const globbed = lint(m, ['*.yaml'], 1);
    expect(globbed.files).toContainEqual({ path: 'big.yaml', status: 'skipped', skipReason: 'not read: 1 GB, over the 50 MB size limit (--max-file-size)' });
  });

  it('--max-file-size 1KB refuses a 2 KB template; 4KB and 4096 let it through; a bad value is a usage error', () => {
    const m = machine();
    put(m, 't.yaml', BUCKET + `# ${'x'.repeat(2048)}\n`);
    const capped = lint(m, ['t.yaml', '--max-file-size', '1KB', '--rule', 's3-lifecycle-policy-check'], 1);
    expect(capped.findings.map((f) => f.message)).toEqual(['The file was not read: 2 KB, over the 1 KB size limit (--max-file-size).']);
    for (const size of ['4KB', '4096', '0.5MB']) {
      const report = lint(m, ['t.yaml', '--max-file-size', size, '--rule', 's3-lifecycle-policy-check'], 0);
      expect(report.findings.map((f) => f.ruleId)).toEqual(['s3-lifecycle-policy-check']);
    }
    for (const bad of ['ten', '10XB', '0', '-1']) {
      const run = cli(['t.yaml', `--max-file-size=${bad}`], m.repo);
      expectBounded(run, [2]);
      expect(run.stderr).toBe(`pillars-lint: --max-file-size expects a size such as 10MB, 512KB or 2048 (got "${bad}")\n`);
    }
    expect(cli(['--help'], m.repo).stdout).toMatch(/--max-file-size N +do not read files larger than N: bytes, or with a unit, e\.g\. 10MB/);
  });

  it('180 MB of newlines (a V8 fatal error before) is refused under the default cap', () => {
    const m = machine();
    const file = put(m, 'nl.yaml', '');
    writeFileSync(file, Buffer.alloc(180 * 1024 * 1024, 10));
    const report = lint(m, ['nl.yaml'], 1);
    expect(report.findings.map((f) => f.message)).toEqual(['The file was not read: 180 MB, over the 50 MB size limit (--max-file-size).']);
  });

  it('cdk.out manifests and metadata files over the cap are not read', () => {
    const m = machine();
    put(m, 'cdk.out/App.template.json', JSON.stringify({ Resources: { B: { Type: 'AWS::S3::Bucket' } } }));
    sparse(m, 'cdk.out/App.metadata.json');
    put(
      m,
      'cdk.out/manifest.json',
      JSON.stringify({
        version: '36.0.0',
        artifacts: {
          App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'App.template.json' }, additionalMetadataFile: 'App.metadata.json' },
        },
      }),
    );
    const report = lint(m, ['cdk.out'], 0);
    expect(report.files).toContainEqual({
      path: 'cdk.out/manifest.json',
      status: 'skipped',
      skipReason: 'not read: 1 GB, over the 50 MB size limit (--max-file-size) (the additionalMetadataFile of App)',
    });
    expect(report.files).toContainEqual({ path: 'cdk.out/App.template.json', status: 'linted' });
    // A manifest over the cap is not read as an assembly: the scan lists it as skipped.
    sparse(m, 'cdk.out/manifest.json');
    const big = lint(m, ['.'], 0);
    expect(big.files).toContainEqual({
      path: 'cdk.out/manifest.json',
      status: 'skipped',
      skipReason: 'not read: 1 GB, over the 50 MB size limit (--max-file-size)',
    });
  });
});

describe('a FIFO, socket or device is never opened', () => {
  const fifo = (m: Machine, name: string) => {
    const file = path.join(m.repo, name);
    mkdirSync(path.dirname(file), { recursive: true });
    execFileSync('mkfifo', [file]);
    return file;
  };
  const REASON = 'not read: not a regular file (a FIFO)';

  it('named explicitly: a located finding', () => {
    const m = machine();
    fifo(m, 'f.yaml');
    const report = lint(m, ['f.yaml'], 1);
    expect(report.findings.map((f) => `${f.ruleId} ${f.file} ${f.line}:${f.column} ${f.message}`)).toEqual([
      'template-parse-error f.yaml 1:1 The file was not read: not a regular file (a FIFO).',
    ]);
  });

  it('found by a scan or a glob, or through a symlink: skipped with the reason', () => {
    const m = machine();
    fifo(m, 'f.yaml');
    symlinkSync('f.yaml', path.join(m.repo, 'link.yaml'));
    put(m, 'app.yaml', BUCKET);
    for (const args of [['.'], ['*.yaml'], ['*']]) {
      const report = lint(m, args, 0);
      expect(report.files.filter((f) => f.status === 'skipped')).toEqual([{ path: 'f.yaml', status: 'skipped', skipReason: REASON }]);
    }
    expect(lint(m, ['link.yaml'], 1).findings.map((f) => f.file)).toEqual(['f.yaml']);
    const run = action(m.repo, {}, BUDGET);
    expectBounded(run, [0]);
  });

  it('as a nested TemplateURL: reported as not a file, never opened', () => {
    const m = machine();
    fifo(m, 'f.yaml');
    put(m, 'parent.yaml', nesting('./f.yaml'));
    const report = lint(m, ['parent.yaml'], 1);
    expect(report.findings.filter((f) => f.ruleId === 'nested-stack-template-missing').map((f) => f.message)).toEqual([
      'Nested stack Net points at ./f.yaml, which is not a file (f.yaml).',
    ]);
  });

  it('as a cdk.out template or manifest', () => {
    const m = machine();
    fifo(m, 'cdk.out/App.template.json');
    put(
      m,
      'cdk.out/manifest.json',
      JSON.stringify({ version: '36.0.0', artifacts: { App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'App.template.json' } } } }),
    );
    // Nothing else to lint: the run checked nothing, which is a usage error that says why.
    const alone = cli(['cdk.out'], m.repo, BUDGET);
    expectBounded(alone, [2]);
    expect(alone.stderr).toBe(`pillars-lint: no CloudFormation templates found in "cdk.out" (1 file skipped: ${REASON})\n`);
    put(m, 'app.yaml', BUCKET);
    expect(lint(m, ['cdk.out', 'app.yaml'], 0).files).toEqual([
      { path: 'cdk.out/App.template.json', status: 'skipped', skipReason: REASON },
      { path: 'app.yaml', status: 'linted' },
    ]);
    const other = machine();
    put(other, 'cdk.out/App.template.json', BUCKET);
    fifo(other, 'cdk.out/manifest.json');
    lint(other, ['cdk.out/App.template.json'], 0);
    lint(other, ['.'], 0);
  });

  it('a device reached through a symlink is outside the project; a socket is listed, not read', async () => {
    const m = machine();
    symlinkSync('/dev/zero', path.join(m.repo, 'zero.yaml'));
    put(m, 'app.yaml', BUCKET);
    expect(lint(m, ['.'], 0).files).toEqual([
      { path: 'zero.yaml', status: 'skipped', skipReason: 'not followed: outside the project' },
      { path: 'app.yaml', status: 'linted' },
    ]);
    expect(cli(['zero.yaml'], m.repo, BUDGET).stderr).toContain('zero.yaml is outside the project root');
    // A Unix socket named like a template, held open by this process while the CLI runs.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path.join(m.repo, 'sock.yaml'), resolve));
    try {
      expect(lint(m, ['.'], 0).files).toContainEqual({ path: 'sock.yaml', status: 'skipped', skipReason: 'not read: not a regular file (a socket)' });
      expect(lint(m, ['sock.yaml'], 1).findings.map((f) => f.message)).toEqual(['The file was not read: not a regular file (a socket).']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('an unreadable folder in a scan is reported', () => {
  it('listed as skipped with the reason (a folder too deep for its path to be opened)', () => {
    const m = machine();
    put(m, 'app.yaml', BUCKET);
    // 20 folders of 250 characters: the innermost path is over PATH_MAX, so readdir fails even for root.
    const name = 'd'.repeat(250);
    execFileSync('bash', ['-c', `for i in $(seq 1 20); do mkdir ${name} && cd ${name} || exit 1; done; echo 'Resources: {}' > t.yaml`], { cwd: m.repo });
    const report = lint(m, ['.'], 0);
    const skipped = report.files.filter((f) => f.status === 'skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.path.startsWith(`${name}/${name}/`)).toBe(true);
    expect(skipped[0]!.skipReason).toBe('folder cannot be read: ENAMETOOLONG');
    expect(report.files).toContainEqual({ path: 'app.yaml', status: 'linted' });
  });

  it('listed as skipped with the reason (needs a non-root user: permissions do not bind root)', (context) => {
    if (process.getuid?.() === 0) {
      console.warn('[untrusted/input] skipped: running as root, chmod 000 cannot make a folder unreadable');
      context.skip();
    }
    const m = machine();
    put(m, 'app.yaml', BUCKET);
    put(m, 'locked/t.yaml', BUCKET);
    chmodSync(path.join(m.repo, 'locked'), 0o000);
    try {
      const report = lint(m, ['.'], 0);
      expect(report.files).toContainEqual({ path: 'locked', status: 'skipped', skipReason: 'folder cannot be read: permission denied (EACCES)' });
    } finally {
      chmodSync(path.join(m.repo, 'locked'), 0o755);
    }
  });
});
