// An internal failure is never a clean run: a file the engine throws on, or a finding a formatter throws on, must
// show in every report, fail the run, and never reach code scanning as a complete SARIF log (which would close
// that file's alerts as fixed). The throwing rule is a custom rule given through the public lint() API: no crash
// switch in the product.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/run.ts';
import { defineRule } from '../../src/engine/rule.ts';
import type { Finding, LintResult } from '../../src/engine/types.ts';
import { lint } from '../../src/index.ts';
import { gapLines, type RenderFailure } from '../../src/report/failures.ts';
import { FORMATS, getFormatter } from '../../src/report/index.ts';
import sarif from '../../src/report/sarif.ts';
import { rules } from '../../rules/index.ts';
import { sarifValidator } from '../helpers.ts';
import { machine, put, type Machine, OPEN_SSH } from './harness.ts';

const sshRule = rules.find((r) => r.id === 'ec2-sg-ssh-restricted')!;

/** Throws on every bucket: the stand-in for a bug in a rule. */
const throwingRule = defineRule({
  id: 'test-throws-on-buckets',
  pillar: 'reliability',
  level: 'error',
  title: 'Throws',
  rationale: 'A bug.',
  remediation: 'None.',
  wellArchitected: [],
  appliesTo: ['AWS::S3::Bucket'],
  messages: { never: 'never' },
  check() {
    throw new Error(`rule bug reading ${m.repo}/x\n    at check (rule.ts:1:1)`);
  },
});

// The same open SSH group, and a bucket the broken rule throws on: that rule's findings there are lost, not the file's.
const BROKEN = `${OPEN_SSH}  Data:
    Type: AWS::S3::Bucket
`;

const FORMAT = { color: false, toolVersion: '0.1.0' };
const STACK_LINE = /\n\s+at .+:\d+:\d+\)?/;

let m: Machine;
beforeEach(() => {
  m = machine();
  put(m, 'infra/broken.yaml', BROKEN);
  put(m, 'infra/good.yaml', OPEN_SSH);
});

async function lintWithBug(): Promise<LintResult> {
  return lint({ paths: ['infra'], cwd: m.repo, rules: [sshRule, throwingRule] });
}

/** The same run, as if the whole file had failed (an engine bug outside any rule). */
async function fileFailure(): Promise<LintResult> {
  const result = await lintWithBug();
  return { ...result, failures: result.failures.map(({ file, error }) => ({ file, error })) };
}

describe('a rule that fails on a resource', () => {
  it('costs that rule on that resource only: the open SSH group in the same file is still reported', async () => {
    const result = await lintWithBug();
    expect(result.failures.map((f) => [path.relative(m.repo, f.file), f.ruleId, f.logicalId])).toEqual([
      [path.join('infra', 'broken.yaml'), 'test-throws-on-buckets', 'Data'],
    ]);
    const ssh = result.findings.filter((f) => f.ruleId === 'ec2-sg-ssh-restricted').map((f) => path.relative(m.repo, f.file));
    expect(ssh).toEqual([path.join('infra', 'broken.yaml'), path.join('infra', 'good.yaml')]);
    const log = JSON.parse(sarif(result, { ...FORMAT, cwd: m.repo }));
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toBe(
      'rule test-throws-on-buckets failed on resource Data (internal error), so its findings there are missing: rule bug reading x',
    );
    expect(gapLines(result.failures, [], m.repo, false)).toEqual([
      'pillars-lint: infra/broken.yaml: rule test-throws-on-buckets failed on resource Data (internal error), so its findings there are missing: rule bug reading x (run with --debug for details)',
    ]);
    const doc = JSON.parse((await getFormatter('json'))(result, { ...FORMAT, cwd: m.repo }));
    expect(doc.failures).toEqual([
      { file: 'infra/broken.yaml', ruleId: 'test-throws-on-buckets', message: expect.stringMatching(/^rule test-throws-on-buckets failed on resource Data/) },
    ]);
  });
});

describe('a file the engine fails on', () => {
  it('makes the SARIF log say the run did not succeed, with one located error notification per failed file', async () => {
    const result = await fileFailure();
    expect(result.failures.map((f) => path.relative(m.repo, f.file))).toEqual([path.join('infra', 'broken.yaml')]);
    const log = JSON.parse(sarif(result, { ...FORMAT, cwd: m.repo }));
    expect(sarifValidator()(log)).toBe(true);
    const invocation = log.runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toHaveLength(1);
    const [note] = invocation.toolExecutionNotifications;
    expect(note.level).toBe('error');
    expect(note.locations[0].physicalLocation.artifactLocation).toMatchObject({ uri: 'infra/broken.yaml', uriBaseId: '%SRCROOT%' });
    // One line, no stack, no absolute path.
    expect(note.message.text).toMatch(/^pillars-lint failed on this file \(internal error\), so its findings are missing: rule bug reading x$/);
    expect(JSON.stringify(invocation.toolExecutionNotifications).includes(m.base)).toBe(false);
    // The other file is reported as usual.
    expect(log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri)).toContain('infra/good.yaml');
  });

  it('is listed in the json report, and in every format says where it failed', async () => {
    const result = await fileFailure();
    const doc = JSON.parse((await getFormatter('json'))(result, { ...FORMAT, cwd: m.repo }));
    expect(doc.failures).toEqual([{ file: 'infra/broken.yaml', message: expect.stringMatching(/^pillars-lint failed on this file.*: rule bug reading x$/) }]);
    const clean = JSON.parse((await getFormatter('json'))({ ...result, failures: [] }, { ...FORMAT, cwd: m.repo }));
    expect(clean.failures).toEqual([]);

    const githubText = (await getFormatter('github'))(result, { ...FORMAT, cwd: m.repo });
    expect(githubText).toContain(
      '::error title=pillars-lint internal error,file=infra/broken.yaml::pillars-lint failed on this file (internal error), so its findings are missing: rule bug reading x',
    );
    const md = (await getFormatter('markdown'))(result, { ...FORMAT, cwd: m.repo });
    expect(md).toContain('**Incomplete:** pillars-lint failed 1 time');
    expect(md).toMatch(/\| infra\/broken\.yaml \| pillars-lint failed on this file .* \| rule bug reading x \|/);
    for (const format of FORMATS) expect((await getFormatter(format))(result, { ...FORMAT, cwd: m.repo })).not.toMatch(STACK_LINE);
  });

  it('gives the CLI one stderr line per failed file, and makes it exit 2', async () => {
    const result = await fileFailure();
    const lines = gapLines(result.failures, [], m.repo, false);
    expect(lines).toEqual([
      'pillars-lint: infra/broken.yaml: pillars-lint failed on this file (internal error), so its findings are missing: rule bug reading x (run with --debug for details)',
    ]);
    expect(gapLines(result.failures, [], m.repo, true)[0]).toMatch(STACK_LINE);
    expect(gapLines([], [], m.repo, false)).toEqual([]);
  });
});

// ---- a finding a formatter cannot render ----------------------------------------------------------------------

/** Two findings; the first one's message throws when read (a bug), the second is sound. */
function brokenResult(cwd: string): LintResult {
  const region = { startLine: 2, startColumn: 3, endLine: 2, endColumn: 10 };
  const base = { level: 'error', pillar: 'security', file: path.join(cwd, 'infra/good.yaml'), region, kind: 'fail' } as const;
  const broken = { ...base, ruleId: 'ec2-sg-ssh-restricted', logicalId: 'Bastion' } as Finding;
  Object.defineProperty(broken, 'message', {
    enumerable: true,
    get: () => {
      throw new TypeError('cannot read message');
    },
  });
  const sound: Finding = { ...base, ruleId: 'ec2-sg-ssh-restricted', logicalId: 'Other', message: 'The security group allows SSH (port 22) from 0.0.0.0/0.' };
  const source = readFileSync(path.join(cwd, 'infra/good.yaml'), 'utf8');
  return { cwd, files: [{ file: base.file, status: 'linted', source, format: 'yaml' }], findings: [broken, sound], rules: [], failures: [] };
}

describe('a finding a formatter cannot render', () => {
  it('costs each format that finding only: a placeholder naming the rule and file, the others intact', async () => {
    for (const format of FORMATS) {
      const failures: RenderFailure[] = [];
      const text = (await getFormatter(format))(brokenResult(m.repo), { ...FORMAT, cwd: m.repo, onRenderError: (f) => failures.push(f) });
      expect(failures, format).toHaveLength(1);
      expect(failures[0]!.ruleId).toBe('ec2-sg-ssh-restricted');
      expect(text, format).toContain('ec2-sg-ssh-restricted');
      expect(text, format).toContain('could not render a finding of rule ec2-sg-ssh-restricted in infra/good.yaml');
      expect(text, format).toContain('allows SSH (port 22) from 0.0.0.0/0');
      expect(text, format).not.toMatch(STACK_LINE);
    }
  });

  it('makes SARIF incomplete (a notification, executionSuccessful false) and still valid, with the other result', () => {
    const log = JSON.parse(sarif(brokenResult(m.repo), { ...FORMAT, cwd: m.repo }));
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toMatch(
      /could not render a finding of rule ec2-sg-ssh-restricted in infra\/good\.yaml.*: cannot read message$/,
    );
    expect(log.runs[0].results).toHaveLength(1);
  });

  it('makes the CLI say so on stderr and exit 2', () => {
    const failures: RenderFailure[] = [];
    sarif(brokenResult(m.repo), { ...FORMAT, cwd: m.repo, onRenderError: (f) => failures.push(f) });
    expect(gapLines([], failures, m.repo, false)).toEqual([
      'pillars-lint: pillars-lint could not render a finding of rule ec2-sg-ssh-restricted in infra/good.yaml (internal error): cannot read message (run with --debug for details)',
    ]);
  });

  it('never prints [object Object] for a message that is not text', async () => {
    const result = brokenResult(m.repo);
    result.findings = result.findings.slice(1).map((f) => ({ ...f, message: { oops: true } as unknown as string }));
    for (const format of FORMATS) {
      const text = (await getFormatter(format))(result, { ...FORMAT, cwd: m.repo });
      expect(text, format).not.toContain('[object Object]');
      expect(text, format).toContain('ec2-sg-ssh-restricted');
    }
  });
});

// ---- the Action, in-process with the throwing rule -----------------------------------------------------------

function actionEnv(extra: Record<string, string> = {}): { env: Record<string, string>; outputs: string; summary: string } {
  const dir = path.join(m.base, 'runner');
  mkdirSync(dir, { recursive: true });
  const outputs = path.join(dir, 'output');
  const summary = path.join(dir, 'summary');
  writeFileSync(outputs, '');
  writeFileSync(summary, '');
  const env: Record<string, string> = {
    GITHUB_WORKSPACE: m.repo,
    GITHUB_OUTPUT: outputs,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_EVENT_NAME: 'push',
    INPUT_PATH: 'infra',
    'INPUT_SARIF-FILE': 'pillars-lint.sarif',
    INPUT_ANNOTATIONS: 'true',
    INPUT_SUMMARY: 'true',
    ...extra,
  };
  return { env, outputs, summary };
}

describe('the Action on an incomplete run', () => {
  it('fails the step, names the file, sets no output and leaves no SARIF file where the upload step looks', async () => {
    // A SARIF file from an earlier run must not be uploaded in this one's place either.
    put(m, 'pillars-lint.sarif', '{"stale": true}');
    const { env, outputs, summary } = actionEnv();
    let stdout = '';
    const code = await runAction(env, (text) => (stdout += text), { rules: [sshRule, throwingRule] });
    expect(code).toBe(1);
    expect(readFileSync(outputs, 'utf8')).toBe('');
    expect(existsSync(path.join(m.repo, 'pillars-lint.sarif'))).toBe(false);
    const kept = JSON.parse(readFileSync(path.join(m.repo, 'pillars-lint.sarif.incomplete'), 'utf8'));
    expect(kept.runs[0].invocations[0].executionSuccessful).toBe(false);
    // The good file's finding is still annotated, the failed file is named, and the closing error says why.
    const lines = stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::error title=pillars-lint internal error,file=infra\/broken\.yaml::rule test-throws-on-buckets failed on resource Data \(internal error\), so its findings there are missing: rule bug reading x$/,
      ),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=infra\/good\.yaml,line=8,/));
    expect(lines.at(-1)).toMatch(
      /^::error::pillars-lint: the run is incomplete \(pillars-lint failed 1 time; internal error\), so no SARIF file was offered for upload: pillars-lint\.sarif\.incomplete holds what was found\.$/,
    );
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('**Incomplete:**');
    expect(md).toContain('infra/broken.yaml');
    expect(md).toContain('kept as pillars-lint.sarif.incomplete');
    // Stacks go only to debug lines, which the runner hides unless step debugging is on.
    expect(
      stdout
        .split('\n')
        .filter((l) => !l.startsWith('::debug::'))
        .join('\n'),
    ).not.toMatch(STACK_LINE);
  });

  it('offers the SARIF file as before when nothing failed', async () => {
    const { env, outputs } = actionEnv();
    const code = await runAction(env, () => {}, { rules: [sshRule] });
    expect(code).toBe(1);
    expect(readFileSync(outputs, 'utf8')).toMatch(/^sarif-file=pillars-lint\.sarif$/m);
    expect(readFileSync(outputs, 'utf8')).toMatch(/^findings=2$/m);
    const log = JSON.parse(readFileSync(path.join(m.repo, 'pillars-lint.sarif'), 'utf8'));
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(true);
    expect(existsSync(path.join(m.repo, 'pillars-lint.sarif.incomplete'))).toBe(false);
  });
});
