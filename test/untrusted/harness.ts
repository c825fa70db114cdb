// The untrusted-input suite's harness: a temporary "machine" with a repository inside and secret files outside it,
// each holding a unique marker, and runners for the CLI and the Action bundle with a wall-clock budget. Every test
// of the suite asserts that no marker reaches any output and that every run ends in time with exit 0, 1 or 2.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../helpers.ts';

export interface Machine {
  /** The temporary folder holding everything. */
  base: string;
  /** The project root: the working directory of the runs. */
  repo: string;
  /** A folder outside the repository with secret files in it (fake home). */
  home: string;
  /** The marker written into every secret file; it must never appear in any output. */
  marker: string;
  /** Absolute paths of the secret files. */
  secrets: string[];
}

/** A fresh machine: `repo/` (with a `.git/config` holding a token) and `home/` with credentials files. */
export function machine(): Machine {
  const base = mkdtempSync(path.join(tmpdir(), 'pillars-lint-untrusted-'));
  const repo = path.join(base, 'repo');
  const home = path.join(base, 'home');
  const marker = `SECRET_${randomBytes(8).toString('hex')}`;
  mkdirSync(path.join(repo, '.git'), { recursive: true });
  mkdirSync(path.join(home, '.aws'), { recursive: true });
  const secrets = [path.join(home, '.aws', 'credentials'), path.join(home, '.git-credentials'), path.join(home, '.npmrc'), path.join(repo, '.git', 'config')];
  writeFileSync(secrets[0]!, `[default]\naws_access_key_id = AKIA${marker}\naws_secret_access_key = ${marker}\n`);
  writeFileSync(secrets[1]!, `https://x-access-token:${marker}@github.com\n`);
  writeFileSync(secrets[2]!, `//registry.npmjs.org/:_authToken=${marker}\n`);
  // YAML-shaped on purpose: a reader that parses it would print it in a code frame.
  writeFileSync(secrets[3]!, `Resources:\n  Token:\n    Type: ${marker}\n[http]\n\textraheader = AUTHORIZATION: basic ${marker}\n`);
  return { base, repo, home, marker, secrets };
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function finish(r: SpawnSyncReturns<string>, started: number): Run {
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - started };
}

/** Runs the shipped CLI bundle in `cwd`; the run is killed after `budgetMs` (and the test then fails on the signal). */
export function cli(args: string[], cwd: string, options: { budgetMs?: number; env?: NodeJS.ProcessEnv; input?: string } = {}): Run {
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: options.budgetMs ?? 30_000,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
    input: options.input,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', CI: '1', ...options.env },
  });
  return finish(r, started);
}

export interface ActionRun extends Run {
  /** What the step wrote to GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, and the SARIF file if any. */
  outputs: string;
  summary: string;
  sarif?: string;
}

/**
 * Runs the Action from the sources' bundle (action/index.js is rebuilt into a temp file so the suite tests the
 * current code) with the runner's environment: INPUT_* (action.yml defaults), GITHUB_WORKSPACE = `workspace`.
 */
export function action(workspace: string, inputs: Record<string, string> = {}, options: { budgetMs?: number } = {}): ActionRun {
  const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-untrusted-action-'));
  const bundle = actionBundle();
  const outputs = path.join(dir, 'output');
  const summary = path.join(dir, 'summary');
  writeFileSync(outputs, '');
  writeFileSync(summary, '');
  const defaults: Record<string, string> = {
    path: '.',
    config: '',
    'sarif-file': 'pillars-lint.sarif',
    'fail-on': '',
    annotations: 'true',
    summary: 'true',
    'only-changed': 'false',
    category: '',
    parameters: '',
    'allow-plugins': 'false',
  };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputs,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_EVENT_NAME: 'push',
  };
  for (const [name, value] of Object.entries({ ...defaults, ...inputs })) env[`INPUT_${name.toUpperCase()}`] = value;
  const started = Date.now();
  const r = spawnSync(process.execPath, [bundle], {
    cwd: workspace,
    encoding: 'utf8',
    env,
    timeout: options.budgetMs ?? 30_000,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
  });
  const sarifFile = path.resolve(workspace, inputs['sarif-file'] ?? 'pillars-lint.sarif');
  return {
    ...finish(r, started),
    outputs: readFileSync(outputs, 'utf8'),
    summary: readFileSync(summary, 'utf8'),
    ...(existsSync(sarifFile) ? { sarif: readFileSync(sarifFile, 'utf8') } : {}),
  };
}

let bundlePath: string | undefined;
/** The Action bundled from the current sources, once per test file. */
function actionBundle(): string {
  if (bundlePath) return bundlePath;
  const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-untrusted-bundle-'));
  bundlePath = path.join(dir, 'index.js');
  spawnSync(process.execPath, ['scripts/build.mjs', '--action-outfile', bundlePath], { cwd: ROOT, stdio: 'inherit' });
  return bundlePath;
}

/** The run ended by itself, in time, with one of the documented exit codes. */
export function expectBounded(run: Run, codes: readonly number[] = [0, 1, 2]): void {
  expect(run.signal, `killed after ${run.ms} ms (over budget); stderr: ${run.stderr.slice(0, 500)}`).toBeNull();
  expect(codes, `exit ${run.code}; stderr: ${run.stderr.slice(0, 500)}`).toContain(run.code);
  expect(run.stderr, 'a stack trace on stderr').not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}

/** No secret marker in any of the texts (stdout, stderr, report files, Action outputs...). */
export function expectNoSecret(m: Machine, ...texts: Array<string | undefined>): void {
  for (const text of texts) {
    if (text === undefined) continue;
    const at = text.indexOf(m.marker);
    expect(at, `the secret marker leaked: …${text.slice(Math.max(0, at - 200), at + 60)}…`).toBe(-1);
  }
}

/** Writes a file below the repository, creating its folders. */
export function put(m: Machine, relative: string, text: string): string {
  const file = path.join(m.repo, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** A security group open to the world on SSH: the finding the suites expect to survive whatever else goes wrong. */
export const OPEN_SSH = `Resources:
  Bastion:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: bastion
      VpcId: vpc-0a1b2c3d4e5f60718
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
`;
