// The GitHub Action, run as the runner runs it: `node action/index.js` from a checkout without node_modules, in
// GITHUB_WORKSPACE, with INPUT_* variables (action.yml's defaults filled in), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files
// and a pull-request event payload.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../src/parse/index.ts';
import { parseParameters, splitPaths } from '../src/action/run.ts';
import { Runner } from '../src/action/runner.ts';
import { escapeData, escapeProperty, workflowCommand } from '../src/report/github.ts';
import { rules } from '../rules/index.ts';
import { ROOT, sarifValidator } from './helpers.ts';

interface ActionYml {
  name: string;
  author: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}
const actionYml = parseDocument(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')).value as ActionYml;

describe('workflow command escaping', () => {
  const nasty = 'a,b: 100% done\r\nnext::line';

  it('escapes %, CR and LF in data, and also : and , in properties, as @actions/core does', () => {
    expect(escapeData(nasty)).toBe('a,b: 100%25 done%0D%0Anext::line');
    expect(escapeProperty(nasty)).toBe('a%2Cb%3A 100%25 done%0D%0Anext%3A%3Aline');
    // % first, so an existing escape is not decoded by the runner.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('builds one-line commands that keep the message and properties apart', () => {
    const line = workflowCommand('error', { file: 'a,b.yaml', line: 3, col: undefined, title: 'x: y' }, nasty);
    expect(line).toBe('::error file=a%2Cb.yaml,line=3,title=x%3A y::a,b: 100%25 done%0D%0Anext::line');
    expect(line).not.toMatch(/[\r\n]/);
    expect(workflowCommand('notice', {}, 'plain')).toBe('::notice::plain');
  });
});

describe('action inputs', () => {
  it('splits paths on lines and spaces, keeps quoted and existing paths with spaces whole', () => {
    expect(splitPaths('infra\n  templates/*.yaml other.json \n\n', ROOT)).toEqual(['infra', 'templates/*.yaml', 'other.json']);
    expect(splitPaths('"my stack.yaml" b', ROOT)).toEqual(['my stack.yaml', 'b']);
    expect(splitPaths('fixtures/templates/with space.yaml', ROOT)).toEqual(['fixtures/templates/with space.yaml']);
    expect(splitPaths('', ROOT)).toEqual([]);
  });

  it('reads Key=Value parameter lines', () => {
    expect(parseParameters('Env=prod\n\n AdminCidr = 10.0.0.0/8 \nUrl=https://x?a=b')).toEqual({ Env: 'prod', AdminCidr: '10.0.0.0/8', Url: 'https://x?a=b' });
    expect(() => parseParameters('Env')).toThrow(/Key=Value/);
  });

  it('reads INPUT_ variables by the runner’s naming and writes multi-line outputs with a delimiter', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-runner-'));
    const out = path.join(dir, 'output');
    writeFileSync(out, '');
    const runner = new Runner({ 'INPUT_FAIL-ON': ' warning ', 'INPUT_ONLY-CHANGED': 'True', INPUT_SUMMARY: 'nope', GITHUB_OUTPUT: out }, () => {});
    expect(runner.input('fail-on')).toBe('warning');
    expect(runner.booleanInput('only-changed', false)).toBe(true);
    expect(runner.booleanInput('annotations', true)).toBe(true);
    expect(() => runner.booleanInput('summary', true)).toThrow('input summary must be true or false (got "nope")');
    runner.setOutput('errors', '3');
    runner.setOutput('list', 'a\nb');
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines[0]).toBe('errors=3');
    const delimiter = /^list<<(ghadelimiter_[0-9a-f-]+)$/.exec(lines[1]!)![1];
    expect(lines.slice(2, 5)).toEqual(['a', 'b', delimiter]);
  });
});

describe('action.yml', () => {
  it('describes a node24 action bundled in action/index.js', () => {
    expect(actionYml).toMatchObject({
      name: 'pillars-lint',
      author: 'pillars-lint',
      branding: { icon: 'shield', color: 'orange' },
      runs: { using: 'node24', main: 'action/index.js' },
    });
  });

  it('declares every input the action reads, with a description and a default', () => {
    // The inputs the sources read are the ones action.yml declares.
    const source = readFileSync(path.join(ROOT, 'src/action/run.ts'), 'utf8');
    const read = [...source.matchAll(/runner\.(?:input|booleanInput)\('([\w-]+)'/g)].map((m) => m[1]);
    expect(Object.keys(actionYml.inputs).sort()).toEqual([...new Set(read)].sort());
    expect(Object.keys(actionYml.inputs)).toEqual(expect.arrayContaining(['path', 'sarif-file', 'fail-on', 'only-changed', 'shard', 'merge']));
    for (const [name, input] of Object.entries(actionYml.inputs)) {
      expect(input.description, name).toBeTruthy();
      expect(typeof input.default, name).toBe('string');
    }
    expect(actionYml.inputs['sarif-file']!.default).toBe('pillars-lint.sarif');
    expect(actionYml.inputs.path!.default).toBe('.');
    expect(Object.keys(actionYml.outputs)).toEqual(expect.arrayContaining(['sarif-file', 'findings', 'errors']));
  });
});

describe('the committed bundle', () => {
  it('is what `npm run build` makes from the sources (run it and commit action/index.js)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-bundle-'));
    const fresh = path.join(dir, 'index.js');
    execFileSync(process.execPath, ['scripts/build.mjs', '--action-outfile', fresh], { cwd: ROOT });
    const same = readFileSync(fresh).equals(readFileSync(path.join(ROOT, 'action/index.js')));
    expect(same, 'action/index.js is stale: run `npm run build` and commit it').toBe(true);
  });
});

// ---- the bundle run like the runner runs it ----------------------------------------------------

// Only these rules run in the workspace, so other rules being added do not change the counts.
const KEPT = ['ec2-sg-ssh-restricted', 'ebs-volume-encrypted', 'rds-multi-az-enabled', 'autoscaling-elb-health-check'];
const ODD = 'notes/odd,name:1%.yaml';

/** Where the example stack's unencrypted block device is (the example may be edited; the test follows it). */
function exampleEncryptedFalse(): { line: number; col: number } {
  const lines = readFileSync(path.join(ROOT, 'examples/web-stack.yaml'), 'utf8').split('\n');
  const index = lines.findIndex((l) => /^\s*Encrypted: false\b/.test(l));
  return { line: index + 1, col: lines[index]!.indexOf('false') + 1 };
}

function volumes(n: number): string {
  const out = ['Resources:'];
  for (let i = 1; i <= n; i++) {
    out.push(
      `  Volume${i}:`,
      '    Type: AWS::EC2::Volume',
      '    Properties:',
      '      AvailabilityZone: eu-west-1a',
      '      Size: 10',
      '      Encrypted: false',
    );
  }
  return out.join('\n') + '\n';
}

let temp: string;
let ws: string;
let bundle: string;
let base: string;

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: ws,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: temp, GIT_CONFIG_NOSYSTEM: '1' },
  }).trim();
}

beforeAll(() => {
  temp = mkdtempSync(path.join(tmpdir(), 'pillars-lint-action-'));
  // The runner downloads the repository, not node_modules: the bundle must be enough.
  const checkout = path.join(temp, 'checkout');
  mkdirSync(path.join(checkout, 'action'), { recursive: true });
  copyFileSync(path.join(ROOT, 'action/index.js'), path.join(checkout, 'action/index.js'));
  writeFileSync(path.join(checkout, 'package.json'), JSON.stringify({ type: 'module' }));
  bundle = path.join(checkout, 'action/index.js');

  ws = path.join(temp, 'workspace');
  const put = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    writeFileSync(path.join(ws, rel), text);
  };
  const copy = (from: string, rel: string) => put(rel, readFileSync(path.join(ROOT, from), 'utf8'));
  copy('examples/web-stack.yaml', 'infra/web-stack.yaml');
  copy('fixtures/templates/warning-only.yaml', 'infra/warning-only.yaml');
  copy('fixtures/templates/clean.json', 'infra/clean.json');
  copy('fixtures/templates/not-a-template.yaml', 'config/settings.yaml');
  put('many/volumes.yaml', volumes(13));
  put(ODD, volumes(11));
  const off = rules.filter((r) => !KEPT.includes(r.id)).map((r) => `  ${r.id}: off`);
  put('.pillars-lint.yaml', ['rules:', ...off, 'overrides:', '  - files: ["notes/**"]', '    rules:', '      ebs-volume-encrypted: note', ''].join('\n'));
  put('README.md', '# infra\n');

  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  base = git('rev-parse', 'HEAD');
  // The pull request: one template changed (its findings move down a line), plus a non-template and a README.
  put('infra/warning-only.yaml', '# autoscaling for the web tier\n' + readFileSync(path.join(ROOT, 'fixtures/templates/warning-only.yaml'), 'utf8'));
  put('config/settings.yaml', 'name: changed\n');
  put('README.md', '# infra, changed\n');
  git('commit', '-q', '-am', 'change');
});

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
  outputs: Record<string, string>;
  summary: string;
  sarif: any;
}

let runs = 0;

/** The runner's environment: every input of action.yml with its default, overridden by `inputs`. */
function runAction(inputs: Record<string, string> = {}, event: { name?: string; payload?: unknown } = {}): Run {
  const dir = path.join(temp, `run-${++runs}`);
  mkdirSync(dir);
  const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary.md'), event: path.join(dir, 'event.json') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, JSON.stringify(event.payload ?? {}));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: temp,
    GIT_CONFIG_NOSYSTEM: '1',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ws,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_NAME: event.name ?? 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'octo/infra',
    GITHUB_SHA: 'f'.repeat(40),
  };
  for (const [name, input] of Object.entries(actionYml.inputs)) env[`INPUT_${name.toUpperCase()}`] = input.default ?? '';
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const r = spawnSync(process.execPath, [bundle], { cwd: ws, env, encoding: 'utf8' });
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(files.output, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  let sarif: unknown;
  try {
    sarif = JSON.parse(readFileSync(path.join(ws, inputs['sarif-file'] ?? 'pillars-lint.sarif'), 'utf8'));
  } catch {
    sarif = undefined;
  }
  rmSync(path.join(ws, 'pillars-lint.sarif'), { force: true });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    lines: r.stdout.split('\n').filter(Boolean),
    outputs,
    summary: readFileSync(files.summary, 'utf8'),
    sarif,
  };
}

const pullRequest = () => ({ payload: { pull_request: { number: 7, base: { sha: base }, head: { sha: git('rev-parse', 'HEAD') } } } });
const level = (run: Run, name: string) => run.lines.filter((l) => l.startsWith(`::${name} `) || l.startsWith(`::${name}::`));

describe('the action bundle', () => {
  let full: Run;
  beforeAll(() => {
    full = runAction();
  });

  it('annotates findings on the right file and line, escaping file names, with the rule id as title', () => {
    expect(full.stderr).toBe('');
    const { line, col } = exampleEncryptedFalse();
    expect(full.lines).toContain(
      `::error file=infra/web-stack.yaml,line=${line},endLine=${line},col=${col},endColumn=${col + 4},title=ebs-volume-encrypted (security)::` +
        'Block device /dev/xvda of WebLaunchTemplate is not encrypted: Encrypted is false (used by Auto Scaling group WebGroup).',
    );
    // A multi-line region has lines but no columns.
    expect(full.lines.find((l) => l.includes('title=ec2-sg-ssh-restricted'))).toMatch(
      /^::error file=infra\/web-stack\.yaml,line=(\d+),endLine=(?!\1,)\d+,title=/,
    );
    expect(full.lines.find((l) => l.includes('title=autoscaling-elb-health-check') && l.includes('warning-only'))).toMatch(
      /^::warning file=infra\/warning-only\.yaml,line=8,endLine=8,col=24,endColumn=26,title=autoscaling-elb-health-check \(reliability\)::Auto Scaling group WebGroup/,
    );
    expect(level(full, 'notice')[0]).toMatch(
      /^::notice file=notes\/odd%2Cname%3A1%25\.yaml,line=7,endLine=7,col=18,endColumn=22,title=ebs-volume-encrypted \(security\)::/,
    );
    expect(full.lines.some((l) => l.includes('config/settings.yaml'))).toBe(false);
  });

  it('keeps to 10 annotations per level, most severe first, and counts the rest in one notice', () => {
    // 16 errors, 2 warnings, 11 notes; one error slot is kept for the failure message, one notice for the count.
    const errors = level(full, 'error');
    expect(errors).toHaveLength(10);
    // Within a level, by security-severity: the open SSH port (8.6) first, then the unencrypted volumes (5.5); the
    // single-AZ database, a reliability finding without one, would come after them all.
    expect(errors.slice(0, 3).map((l) => /title=([\w-]+)/.exec(l)![1])).toEqual(['ec2-sg-ssh-restricted', 'ebs-volume-encrypted', 'ebs-volume-encrypted']);
    expect(errors.some((l) => l.includes('title=rds-multi-az-enabled'))).toBe(false);
    expect(errors.at(-1)).toBe('::error::pillars-lint: 16 findings at or above fail-on level error (16 errors).');
    expect(level(full, 'warning')).toHaveLength(2);
    const notices = level(full, 'notice');
    expect(notices).toHaveLength(10);
    expect(notices.at(-1)).toMatch(
      /^::notice title=pillars-lint::9 more findings \(7 errors, 2 notes\) are not shown as annotations, .*see the job summary\.$/,
    );
    const first = (name: string) => full.lines.findIndex((l) => l.startsWith(`::${name} file=`));
    expect(first('error')).toBeLessThan(first('warning'));
    expect(first('warning')).toBeLessThan(first('notice'));
  });

  it('writes the outputs and fails the step on errors (fail-on defaults to error)', () => {
    expect(full.outputs).toMatchObject({ 'sarif-file': 'pillars-lint.sarif', findings: '29', errors: '16', warnings: '2', notes: '11' });
    expect(full.code).toBe(1);
  });

  it('writes a job summary: totals, a pillar × level table, the findings with links to lines and rule help', () => {
    const s = full.summary;
    expect(s).toMatch(/^## pillars-lint\n/);
    expect(s).toContain('**29 problems** (16 errors, 2 warnings, 11 notes) in 5 templates (1 file skipped).');
    expect(s).toContain('| pillar | errors | warnings | notes |');
    expect(s).toContain('| security | 15 | 0 | 11 |');
    expect(s).toContain('| reliability | 1 | 2 | 0 |');
    expect(s).toContain('| **total** | **16** | **2** | **11** |');
    expect(s).toContain('| file:line | level | message |');
    expect(s).toContain('[How to fix](https://github.com/pillars-lint/pillars-lint/blob/main/docs/rules/ebs-volume-encrypted.md)');
    const { line } = exampleEncryptedFalse();
    expect(s).toMatch(
      new RegExp(
        `\\| \\[infra/web-stack\\.yaml:${line}\\]\\(https://github\\.com/octo/infra/blob/f{40}/infra/web-stack\\.yaml#L${line}\\) \\| error \\| Block device`,
      ),
    );
    expect(s).toContain(`(https://github.com/octo/infra/blob/${'f'.repeat(40)}/notes/odd%2Cname%3A1%25.yaml#L7)`);
    const rows = s.split('\n').filter((l) => /^\| .*:\d+/.test(l));
    expect(rows).toHaveLength(29);
    const levels = rows.map((r) => r.split(' | ')[1]);
    // Grouped by rule, the rule of the most severe finding first; within a rule, most severe first.
    expect(levels.filter((l) => l === 'error')).toHaveLength(16);
    expect(levels.filter((l) => l === 'warning')).toHaveLength(2);
    expect(levels.filter((l) => l === 'note')).toHaveLength(11);
    expect(levels[0]).toBe('error');
    expect(s.indexOf('<details open>')).toBe(s.indexOf('<details'));
  });

  it('writes valid SARIF with every finding', () => {
    const validate = sarifValidator();
    expect(validate(full.sarif), JSON.stringify(validate.errors)).toBe(true);
    const results = full.sarif.runs[0].results;
    expect(results).toHaveLength(29);
    expect(results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri)).toContain('notes/odd%2Cname%3A1%25.yaml');
    expect(full.sarif.runs[0].automationDetails).toBeUndefined();
  });

  it('passes with fail-on none and fails on warnings with fail-on warning', () => {
    const none = runAction({ 'fail-on': 'none' });
    expect(none.code).toBe(0);
    expect(level(none, 'error')).toHaveLength(10); // no failure message, so all ten slots are findings
    expect(none.lines.some((l) => l.startsWith('::error::'))).toBe(false);

    const warnings = runAction({ path: 'infra/warning-only.yaml', 'fail-on': 'warning' });
    expect(warnings.code).toBe(1);
    expect(warnings.lines.at(-1)).toBe('::error::pillars-lint: 1 finding at or above fail-on level warning (1 warning).');
    expect(runAction({ path: 'infra/warning-only.yaml' }).code).toBe(0);
    expect(runAction({ path: 'infra/warning-only.yaml', 'fail-on': 'note' }).code).toBe(1);
  });

  it('lints only the templates a pull request changes with only-changed', () => {
    const r = runAction({ 'only-changed': 'true', 'fail-on': 'warning' }, pullRequest());
    expect(r.stderr).toBe('');
    expect(r.lines.filter((l) => /^::(error|warning|notice) file=/.test(l))).toEqual([
      expect.stringMatching(/^::warning file=infra\/warning-only\.yaml,line=8,/),
    ]);
    expect(r.outputs).toMatchObject({ findings: '1', errors: '0', warnings: '1' });
    expect(r.code).toBe(1);
    // The changed non-template found by the folder scan is still skipped silently, not reported.
    expect(r.stdout).toContain('Only files changed in this pull request were linted: 2 of the 6 candidate files.');
    expect(r.summary).toContain('Only files changed in this pull request were linted');
    expect(r.summary).toContain('in 1 template (1 file skipped).');
    const uris = r.sarif.runs[0].artifacts.map((a: any) => a.location.uri);
    expect(uris.sort()).toEqual(['config/settings.yaml', 'infra/warning-only.yaml']);
  });

  it('lints everything, and says so, when only-changed cannot diff', () => {
    const r = runAction({ 'only-changed': 'true' }, { payload: { pull_request: { base: { sha: '0'.repeat(40) } } } });
    expect(level(r, 'warning')[0]).toMatch(
      /^::warning::pillars-lint: only-changed: git diff 000000000000\.\.\.HEAD failed \(.+\)\. Every template is linted instead/,
    );
    expect(r.outputs.findings).toBe('29');
    expect(level(r, 'warning')).toHaveLength(3);
    expect(r.summary).toContain('only-changed: git diff');

    const push = runAction({ 'only-changed': 'true' }, { name: 'push' });
    expect(push.stdout).toContain('only-changed applies to pull requests; this is a push event, so every template is linted.');
    expect(push.outputs.findings).toBe('29');
  });

  it('takes paths, parameters and category, and can leave out annotations and the summary', () => {
    const r = runAction({
      path: 'infra/web-stack.yaml\n"infra/warning-only.yaml" many/*.yaml',
      parameters: 'Env=prod',
      category: 'pillars-lint',
      'sarif-file': 'reports/out.sarif',
      annotations: 'false',
      summary: 'false',
    });
    expect(r.lines.filter((l) => l.startsWith('::') && !l.startsWith('::debug::'))).toEqual([
      '::error::pillars-lint: 15 findings at or above fail-on level error (15 errors).',
    ]);
    expect(r.summary).toBe('');
    // With Env=prod the database is Multi-AZ: 2 + 13 errors, 2 warnings.
    expect(r.outputs).toMatchObject({ 'sarif-file': 'reports/out.sarif', findings: '17', errors: '15' });
    expect(r.sarif.runs[0].automationDetails).toEqual({ id: 'pillars-lint/' });
  });

  it('takes a baseline: its findings neither annotate nor fail the step, only new ones do', () => {
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'infra/web-stack.yaml', '--write-baseline', 'base.sarif'], {
      cwd: ws,
      encoding: 'utf8',
    });
    expect(cli.status).toBe(0);
    try {
      const r = runAction({ path: 'infra/web-stack.yaml', baseline: 'base.sarif' });
      expect(r.code).toBe(0);
      expect(r.outputs).toMatchObject({ errors: '0', warnings: '0', notes: '0' });
      expect(r.lines.filter((l) => /^::(error|warning|notice) file=/.test(l))).toEqual([]);
      const states = r.sarif.runs[0].results.map((x: { baselineState: string }) => x.baselineState);
      expect(states.length).toBeGreaterThan(0);
      expect(new Set(states)).toEqual(new Set(['unchanged']));
      const missing = runAction({ baseline: 'nope.sarif' });
      expect(missing.code).toBe(1);
      expect(missing.lines).toContain('::error::pillars-lint: cannot read baseline nope.sarif: no such file');
    } finally {
      rmSync(path.join(ws, 'base.sarif'), { force: true });
    }
  });

  it('fails the step with one ::error:: line on bad input', () => {
    for (const [inputs, message] of [
      [{ 'fail-on': 'sometimes' }, 'pillars-lint: input fail-on must be one of error, warning, note, none (got "sometimes")'],
      [{ annotations: 'yes' }, 'pillars-lint: input annotations must be true or false (got "yes")'],
      [{ path: 'missing/' }, 'pillars-lint: no such file or directory: missing/'],
      [{ config: 'nope.yaml' }, 'pillars-lint: config file not found: nope.yaml'],
      [{ parameters: 'Env' }, 'pillars-lint: input parameters expects one Key=Value per line (got "Env")'],
      [{ shard: '3/2' }, 'pillars-lint: input shard 3/2: the part must be 1 to 2'],
      [{ merge: 'parts-nowhere' }, 'pillars-lint: input merge: cannot read parts-nowhere: no such file'],
      [
        { merge: 'README.md', shard: '1/2' },
        'pillars-lint: input merge reports the parts other jobs linted: it lints nothing, so shard and only-changed do not apply',
      ],
    ] as const) {
      const r = runAction(inputs);
      expect(r.code, message).toBe(1);
      expect(r.lines).toEqual([`::error::${message}`]);
      expect(r.outputs).toEqual({});
    }
  });
});

describe('a sharded run in a matrix', () => {
  /** The annotation lines of a run, without the closing count of the step (its wording names the run). */
  const annotationLines = (run: Run) => run.lines.filter((l) => /^::(error|warning|notice) file=/.test(l));

  it('each part lints its share and writes only its SARIF file; the merge step reports them as one whole run', () => {
    const whole = runAction();
    const parts = [1, 2].map((i) =>
      runAction({ shard: `${i}/2`, 'sarif-file': `parts/part-${i}.sarif`, annotations: 'false', summary: 'false', 'fail-on': 'none' }),
    );
    try {
      for (const part of parts) {
        expect(part.code, part.stdout).toBe(0);
        expect(annotationLines(part)).toEqual([]);
        expect(part.summary).toBe('');
        expect(part.lines.some((l) => /^Shard [12]\/2: \d+ of the \d+ templates found were linted here\.$/.test(l))).toBe(true);
        expect(part.outputs['sarif-file']).toMatch(/^parts\/part-[12]\.sarif$/);
      }
      expect(parts.map((p) => p.sarif.runs[0].automationDetails.id)).toEqual(['pillars-lint/shard-1-of-2/', 'pillars-lint/shard-2-of-2/']);

      const merged = runAction({ merge: 'parts' });
      expect(merged.code).toBe(whole.code);
      expect(annotationLines(merged)).toEqual(annotationLines(whole));
      for (const name of ['findings', 'errors', 'warnings', 'notes']) expect(merged.outputs[name]).toBe(whole.outputs[name]);
      expect(merged.outputs['sarif-file']).toBe('pillars-lint.sarif');
      const results = (log: any) =>
        log.runs[0].results.map(
          (r: any) =>
            `${log.runs[0].artifacts[r.locations[0].physicalLocation.artifactLocation.index].location.uri}:${r.locations[0].physicalLocation.region.startLine} ${r.ruleId} ${r.message.text}`,
        );
      expect(results(merged.sarif)).toEqual(results(whole.sarif));
      expect(sarifValidator()(merged.sarif)).toBe(true);
      // The job summary's totals are the whole run's.
      const totals = (summary: string) => summary.split('\n').find((l) => /\d+ errors?/.test(l));
      expect(totals(merged.summary)).toBe(totals(whole.summary));

      rmSync(path.join(ws, 'parts/part-2.sarif'));
      const incomplete = runAction({ merge: 'parts', 'fail-on': 'none' });
      expect(incomplete.lines).toContain('::warning::pillars-lint: merge: part 2 of 2 missing: the merged report covers 1 of 2 parts');
      expect(incomplete.summary).toContain('part 2 of 2 missing');
    } finally {
      rmSync(path.join(ws, 'parts'), { recursive: true, force: true });
    }
  });
});
