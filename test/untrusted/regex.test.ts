// No regular expression over template, config, manifest, Action input or server text may take super-linear time.
// Each one is called through the real code with a 1 MB string of the worst shape for it (blank lines for `^\s*`
// under the m flag, runs of an opening delimiter that never closes, long digit runs before a failing anchor...), and
// must finish well under a second: the quadratic ones took from seconds to hours. The ones that were quadratic
// (looksLikeCloudFormation, the IAM rule's Fn::Sub markers, config globs) also get an end-to-end CLI run.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/report/github.ts';
import { escapeMarkdown } from '../../src/report/markdown.ts';
import { MARKERS } from '../../rules/security/iam-policy-no-statements-with-admin-access.ts';
import { InputError, Runner } from '../../src/action/runner.ts';
import { parseParameters, splitPaths } from '../../src/action/run.ts';
import { globToRegExp } from '../../src/config/glob.ts';
import { firstUserFrame, isCdkPlumbingPath } from '../../src/discover/cdk.ts';
import { describeError, printable, safeStackFileName } from '../../src/discover/stack.ts';
import { looksLikeCloudFormation } from '../../src/engine/lint.ts';
import { literalLocalTemplates } from '../../src/engine/nested.ts';
import { parseDocument, resolvePlainScalar } from '../../src/parse/index.ts';
import { isWorldCidr } from '../../src/rule-helpers/ingress.ts';
import { cidrSubnets } from '../../src/values/resolver.ts';
import { cli, expectBounded, expectNoSecret, machine as newMachine, put, type Machine } from './harness.ts';

const globMatcher = (glob: string) => (path: string) => globToRegExp(glob).test(path);

const MB = 1 << 20;
/**
 * One call on 1 MB ends within a second (20–480 ms measured on an idle machine, where a million replacements is the
 * slowest case; the test machines share their cores), and on its first 64 KB within 200 ms: the quadratic versions
 * took 7–8 s there.
 */
const LIMIT_MS = 1000;
const PREFIX = 64 * 1024;
const PREFIX_LIMIT_MS = 200;

/** How many times a linear pass over the same text a function may take (the quadratic versions took 40–50 times). */
const SLOWDOWN_ALLOWED = 8;

/** The time of one linear pass over a text (a regex replacement with a callback per character), in ms. */
function linearPass(input: unknown): number {
  if (typeof input !== 'string') return 0;
  const started = performance.now();
  input.replace(/[\s\S]/g, (c) => c);
  return performance.now() - started;
}

/** `unit` repeated up to 1 MB, then `tail`. */
const mb = (unit: string, tail = '') => unit.repeat(Math.ceil(MB / unit.length)) + tail;

/**
 * Runs `fn` on every input and fails on the first one that takes too long. A text is tried on its first 64 KB
 * before the whole of it, so that a quadratic regression fails in seconds instead of blocking the suite for hours.
 */
function expectFast<T>(name: string, inputs: readonly T[], fn: (input: T) => unknown): void {
  for (const input of inputs) {
    const tries = typeof input === 'string' && input.length > PREFIX ? [input.slice(0, PREFIX) as T, input] : [input];
    for (const attempt of tries) {
      const started = performance.now();
      fn(attempt);
      const ms = performance.now() - started;
      const prefix = typeof attempt === 'string' && attempt.length === PREFIX && attempt !== input;
      const shown =
        typeof attempt === 'string' ? `${JSON.stringify(attempt.slice(0, 24))}… (${attempt.length} characters)` : JSON.stringify(attempt).slice(0, 40);
      // A machine shared with other work is slower for everything: the limit grows with a linear pass over the same
      // text measured now (one callback per character), so only a worse-than-linear function fails.
      const limit = Math.max(prefix ? PREFIX_LIMIT_MS : LIMIT_MS, SLOWDOWN_ALLOWED * linearPass(attempt));
      expect(ms, `${name} on ${shown} took ${ms.toFixed(0)} ms (limit ${limit.toFixed(0)} ms)`).toBeLessThan(limit);
    }
  }
}

describe('template text', () => {
  it('looksLikeCloudFormation (a scanned file that does not parse) is linear and keeps its meaning', () => {
    const looks = (source: string) => looksLikeCloudFormation({ source });
    expectFast(
      'looksLikeCloudFormation',
      [
        mb('\n'),
        mb(' '),
        mb('{'),
        mb('"'),
        mb('\r\n'),
        mb(' \n'),
        mb('{\n'),
        mb('\n{ '),
        mb('\t'),
        mb('\u2028'),
        mb('a:'),
        mb('${'),
        `Resources${mb(' ')}`,
        mb('Resources\n'),
        mb('"Resources"'),
        mb('\n"Resources" '),
        mb('\n', 'Resources:'),
        mb('{', 'x'),
      ],
      looks,
    );
    // The same answers as before: a top-level-looking Resources or AWSTemplateFormatVersion key, maybe JSON-quoted.
    expect(looks(`${mb('\n')}Resources:`)).toBe(true);
    expect(looks('{\n  "Resources": {}')).toBe(true);
    expect(looks('{ {"AWSTemplateFormatVersion"\n  : "2010-09-09"')).toBe(true);
    expect(looks('x: 1\r  Resources :')).toBe(true);
    expect(looks('\u00a0Resources:')).toBe(true);
    expect(looks('# Resources:')).toBe(false);
    expect(looks('x Resources:')).toBe(false);
    expect(looks('Resources')).toBe(false);
    expect(looks('Resource:')).toBe(false);
  });

  it('literalLocalTemplates (nested stacks read ahead) is linear', () => {
    expectFast(
      'literalLocalTemplates',
      [
        mb('TemplateURL'),
        mb('"TemplateURL" '),
        `TemplateURL:${mb(' ')}`,
        mb('TemplateURL        \n'),
        mb('"'),
        mb("'"),
        mb('Location:"'),
        `TemplateURL: ${mb('a')}`,
        mb('TemplateURL:\n'),
        mb('"Location":'),
      ],
      (text) => literalLocalTemplates('/repo/parent.yaml', Buffer.from(text)),
    );
  });

  it("the IAM rule's Fn::Sub markers are linear", () => {
    expectFast('MARKERS', [mb('\uE000'), mb('\uE000a'), `\uE000${mb('a')}`, mb('\uE000\uE001'), mb('\uE001\uE000')], (text) => text.replace(MARKERS, ''));
    expect('a\uE000Region\uE001b'.replace(MARKERS, '<$1>')).toBe('a<Region>b');
  });

  it('YAML plain scalars (PyYAML int and float resolvers) are linear', () => {
    expectFast(
      'resolvePlainScalar',
      [
        mb('1', 'x'),
        `1${mb(':55')}x`,
        `0${mb('_')}9x`,
        `1${mb(':5')}.x`,
        `0b${mb('1')}`,
        `0x${mb('f')}g`,
        `-.${mb('9')}e`,
        `.${mb('0')}e+`,
        mb('1_'),
        `+${mb('0')}.`,
        mb('1:'),
        mb('.'),
      ],
      resolvePlainScalar,
    );
  });

  it('a YAML text with many almost-document markers before a second document is linear', () => {
    expectFast('parseDocument', [`a: 1\n${mb('\n--')}\n---\nb: 2\n`, `a: 1\n${mb('\n-- ')}\n--- b\n`], parseDocument);
  });

  it('CIDR blocks (security group rules, Fn::Cidr) are linear', () => {
    const cidrs = [mb('0', '.0.0.0/0'), `${mb('0')}.${mb('0')}`, mb(':'), mb('0:'), mb('0.'), mb('1'), mb(' '), mb('1.'), mb('1', '/')];
    expectFast('isWorldCidr', cidrs, isWorldCidr);
    expectFast('cidrSubnets', cidrs, (block) => cidrSubnets(block, 2, 8));
  });
});

describe('config, manifest and Action input text', () => {
  it('config globs match in linear time, whatever the glob', () => {
    // The most complex globs a config may hold, against the longest path a system gives.
    expectFast(
      'globMatcher',
      [
        // Small enough first that a backtracking matcher fails here in about a second rather than hanging below.
        ['*a'.repeat(4) + '*b', 'a'.repeat(150)],
        // The most a config glob may hold (see GLOB_LIMITS): 32 wildcards, 8 globstars, 32 patterns once expanded.
        ['*a'.repeat(31) + '*b', 'a'.repeat(4096)],
        ['**/'.repeat(8) + 'x', 'a/'.repeat(2048)],
        ['**a'.repeat(2) + '*b', 'a'.repeat(4096)],
        ['{a,a}'.repeat(5) + '*b', 'a'.repeat(4096)],
        ['?*'.repeat(31) + '/', 'a'.repeat(4096)],
      ] as const,
      ([glob, path]) => globMatcher(glob)(path),
    );
    expect(globMatcher(`${'*a'.repeat(10)}*b`)('a'.repeat(200))).toBe(false);
    expect(globMatcher(`${'*a'.repeat(10)}*b`)(`${'a'.repeat(200)}b`)).toBe(true);
    expect(globMatcher('**/*.yaml')('a/b/c.yaml')).toBe(true);
    expect(globMatcher('sandbox/')('sandbox/x/y.json')).toBe(true);
    expect(globMatcher('{infra,app}/**/t?.json')('app/x/y/t1.json')).toBe(true);
    expect(globMatcher('*.yaml')('deep/dir/t.yaml')).toBe(true);
    expect(globMatcher('dir/*.yaml')('dir/sub/t.yaml')).toBe(false);
  });

  it('CDK manifests: creation-stack frames and construct paths are linear', () => {
    expectFast(
      'firstUserFrame',
      [
        mb('a:1', 'x'),
        `a:${mb('1')}x`,
        mb(':'),
        mb('1:'),
        `at ${mb(' ')}`,
        mb('('),
        `f (${mb('a:1')})`,
        mb('/node_modules'),
        `file://${mb('%')}:1`,
        `x (${mb(':')}`,
      ],
      (frame) => firstUserFrame([frame], '/repo'),
    );
    expectFast(
      'isCdkPlumbingPath',
      [`Custom::${mb('Provider')}x`, mb('/'), mb('Custom::'), `LogRetention${mb('0')}`, mb('@aws-cdk-'), mb('framework-onEvent')],
      isCdkPlumbingPath,
    );
  });

  it('Action inputs (paths, parameters) and log lines are linear', () => {
    expectFast('splitPaths', [mb('"'), mb('"a '), mb('\'" '), mb(' \n'), mb('a\n'), mb('\r'), mb("'")], (text) => splitPaths(text, '/nonexistent'));
    // A prefix may end in half a line, which is an input error: the time is what is measured.
    expectFast('parseParameters', [mb('a=b\n'), mb('a=b\r\n'), `a=${mb(' ')}`, `a=${mb('=')}`, mb('\n', 'x')], (text) => {
      try {
        parseParameters(text);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
      }
    });
    const runner = new Runner({}, () => {});
    expectFast('Runner.log', [mb('\n'), mb(' ', '::'), mb('\r\n'), mb(' \n')], (text) => runner.log(text));
  });

  it('report escapes of messages and names are linear', () => {
    const texts = [mb('\r\n'), mb('`'), mb('\\'), mb('%'), mb(':,'), mb('|'), mb('\u2028')];
    expectFast('escapeMarkdown', texts, escapeMarkdown);
    expectFast('escapeData', texts, escapeData);
    expectFast('escapeProperty', texts, escapeProperty);
  });
});

describe('server text (deployed stacks)', () => {
  it('stack names and error messages are made printable in linear time', () => {
    expectFast('printable', [mb('\u001b'), mb('\u001b[31m'), mb('\u202e'), mb('a')], printable);
    expectFast('safeStackFileName', [mb('.'), mb('../'), mb('-'), mb('\u0000'), mb('con')], safeStackFileName);
    expectFast('describeError', [mb('\n'), mb(' '), mb('could not load credentials '), mb('\r'), mb('.'), `x${mb(' ')}\n`], (message) =>
      describeError(Object.assign(new Error(message), { name: mb('\u001b') }), 'eu-west-1', undefined, mb('s')),
    );
  });
});

describe('end to end through the CLI', () => {
  // Their megabyte files are not left behind in the temp folder.
  const machines: Machine[] = [];
  const machine = () => {
    const m = newMachine();
    machines.push(m);
    return m;
  };
  afterAll(() => {
    for (const m of machines) rmSync(m.base, { recursive: true, force: true });
  });

  it('a scanned file of blank lines that does not parse is skipped in time', () => {
    const m = machine();
    put(m, 'scan/blank.yaml', `${mb('\n')}a: [\n`);
    put(m, 'scan/spaces.json', `${mb(' ')}{"x": [`);
    put(m, 'scan/real.yaml', `${mb('\n')}Resources: [\n`);
    const r = cli(['scan', '-f', 'json'], m.repo, { budgetMs: 20_000 });
    expectBounded(r, [1]);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string; status: string }) => `${f.path} ${f.status}`)).toEqual([
      'scan/blank.yaml skipped',
      'scan/real.yaml linted',
      'scan/spaces.json skipped',
    ]);
    expect(report.findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`)).toEqual(['scan/real.yaml template-parse-error']);
    expectNoSecret(m, r.stdout, r.stderr);
  });

  it('an IAM policy whose Action is 1 MB of Fn::Sub marker characters is checked in time', () => {
    const m = machine();
    put(
      m,
      'iam.json',
      JSON.stringify({
        Resources: {
          Policy: {
            Type: 'AWS::IAM::ManagedPolicy',
            Properties: { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: mb('\uE000'), Resource: '*' }] } },
          },
        },
      }),
    );
    const r = cli(['iam.json', '--rule', 'iam-policy-no-statements-with-admin-access', '-f', 'json'], m.repo, { budgetMs: 20_000 });
    expectBounded(r, [0]);
    expect(JSON.parse(r.stdout).files[0].status).toBe('linted');
  });

  it('config globs built to backtrack end in time, and a glob over 1000 characters is a config error', () => {
    const m = machine();
    put(m, `${'a'.repeat(200)}.yaml`, 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n');
    put(m, 'deep/' + 'a/'.repeat(60) + 'b.yaml', 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n');
    put(m, '.pillars-lint.yaml', `exclude: ['${'*a'.repeat(20)}*b', '${'**/'.repeat(8)}x']\noverrides:\n  - files: ['${'*a'.repeat(30)}*c']\n    rules: {}\n`);
    const r = cli(['.', '-f', 'json'], m.repo, { budgetMs: 20_000 });
    expectBounded(r, [0]);
    expect(JSON.parse(r.stdout).files.filter((f: { status: string }) => f.status === 'linted')).toHaveLength(2);

    put(m, '.pillars-lint.yaml', `exclude: ['${mb('*a')}']\n`);
    const long = cli(['.', '-f', 'json'], m.repo, { budgetMs: 20_000 });
    expectBounded(long, [2]);
    expect(long.stderr).toMatch(/^pillars-lint: \.pillars-lint\.yaml:1:\d+: exclude\.0: this glob cannot be used: it is longer than 1000 characters/);
    expect(long.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('globs on the command line', () => {
  const machine = newMachine;
  it('match in linear time against long names, and a glob past the limits is one usage error', () => {
    const m = machine();
    put(m, `${'a'.repeat(200)}.yaml`, 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n');
    put(m, 'infra/b.yaml', 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n');
    const slow = cli([`${'*a'.repeat(30)}*b`, '-f', 'json'], m.repo, { budgetMs: 20_000 });
    expectBounded(slow, [2]);
    expect(slow.stderr.trim()).toMatch(/^pillars-lint: no files match the pattern/);
    const tooMany = cli([`${'*a'.repeat(40)}*b`], m.repo, { budgetMs: 20_000 });
    expectBounded(tooMany, [2]);
    expect(tooMany.stderr.trim()).toMatch(/^pillars-lint: the pattern ".*" cannot be used: it has more than 32 wildcards$/);
  });

  it('mean what a shell means: `*.yaml` is this folder, `**/*.yaml` every folder', () => {
    const m = machine();
    put(m, 'top.yaml', 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n');
    put(m, 'infra/b.yaml', 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n');
    const files = (args: string[]) => JSON.parse(cli([...args, '-f', 'json'], m.repo).stdout).files.map((f: { path: string }) => f.path);
    expect(files(['*.yaml'])).toEqual(['top.yaml']);
    expect(files(['**/*.yaml'])).toEqual(['infra/b.yaml', 'top.yaml']);
    expect(files(['./infra/*.{yaml,yml}'])).toEqual(['infra/b.yaml']);
  });
});
