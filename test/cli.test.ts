// The CLI contract, run against the shipped bundle (dist/cli.js, built by the global setup) as a user runs it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { ROOT, sarifValidator } from './helpers.ts';

function cli(args: string[], cwd = ROOT) {
  const env = { ...process.env, NO_COLOR: '', FORCE_COLOR: '' };
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The example stack also trips newer rules; these assertions are about the four headline ones.
const HEADLINE = [
  '--rule',
  'ec2-sg-ssh-restricted',
  '--rule',
  'ebs-volume-encrypted',
  '--rule',
  'rds-multi-az-enabled',
  '--rule',
  'autoscaling-elb-health-check',
];

const COMPACT = /^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$/;

describe('cli', () => {
  it('prints help and version', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage:');
    expect(help.stdout).toContain('--fail-on');
    expect(cli(['--version']).stdout.trim()).toBe(pkg.version);
  });

  it('reports the example stack with locations, rule ids, pillars, code frames and a summary, exit 1', () => {
    const r = cli(['examples/web-stack.yaml', ...HEADLINE]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('examples/web-stack.yaml');
    expect(r.stdout).toMatch(/34:11\s+error\s+.*SSH.*ec2-sg-ssh-restricted\s+\(security\)/);
    expect(r.stdout).toMatch(/53:26\s+error\s+.*ebs-volume-encrypted/);
    expect(r.stdout).toMatch(/77:24\s+warning\s+.*autoscaling-elb-health-check/);
    expect(r.stdout).toMatch(/102:35\s+error\s+.*with parameter Env default "dev".*rds-multi-az-enabled/);
    expect(r.stdout).toContain('> 53 |');
    expect(r.stdout).toContain('4 problems (3 errors, 1 warning');
    expect(r.stdout).not.toContain('\x1b['); // no colours when stdout is not a terminal
  });

  it('uses --parameter and --parameters-file values', () => {
    expect(cli(['examples/web-stack.yaml', '--rule', 'rds-multi-az-enabled', '--parameter', 'Env=prod']).code).toBe(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-'));
    const file = path.join(dir, 'params.json');
    writeFileSync(file, JSON.stringify([{ ParameterKey: 'Env', ParameterValue: 'prod' }]));
    expect(cli(['examples/web-stack.yaml', '--rule', 'rds-multi-az-enabled', '--parameters-file', file]).code).toBe(0);
  });

  it('exits 0 on a clean template and says so', () => {
    const r = cli(['fixtures/templates/clean.json', '--rule', 'ebs-volume-encrypted']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No problems/);
  });

  it('fails on warnings only with --fail-on warning, and never with --fail-on none', () => {
    expect(cli(['fixtures/templates/warning-only.yaml', '--rule', 'autoscaling-elb-health-check']).code).toBe(0);
    expect(cli(['fixtures/templates/warning-only.yaml', '--rule', 'autoscaling-elb-health-check', '--fail-on', 'warning']).code).toBe(1);
    expect(cli(['examples/web-stack.yaml', '--fail-on', 'none']).code).toBe(0);
  });

  it('filters by --pillar and --rule', () => {
    const json = (args: string[]) => JSON.parse(cli(['examples/web-stack.yaml', '-f', 'json', ...args]).stdout);
    expect(new Set(json(['--pillar', 'reliability']).findings.map((f: { pillar: string }) => f.pillar))).toEqual(new Set(['reliability']));
    expect(json(['--rule', 'ebs-volume-encrypted']).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['ebs-volume-encrypted']);
  });

  it.each([
    [['--bogus'], /^pillars-lint: unknown option --bogus \(see --help\)\n$/],
    [['no/such/file.yaml'], /no such file or directory: no\/such\/file.yaml/],
    [['examples/web-stack.yaml', '--fail-on', 'sometimes'], /--fail-on must be one of error, warning, note, none/],
    [['examples/web-stack.yaml', '-f', 'xml'], /Unknown format "xml"/],
    [['examples/web-stack.yaml', '--rule', 'rds-multi-az-enable'], /unknown rule "rds-multi-az-enable" \(did you mean "rds-multi-az-enabled"\?\)/],
    [['examples/web-stack.yaml', '--pillar', 'speed'], /unknown pillar "speed"/],
    [['examples/web-stack.yaml', '--parameter', 'novalue'], /--parameter expects Key=Value/],
    [['examples/web-stack.yaml', '--parameters-file', 'missing.json'], /cannot read parameters file .*missing.json: no such file/],
    [['fixtures/templates/*.nothing'], /no files match the pattern/],
    [[], /no templates given/],
  ])('exits 2 with a one-line error for %j', (args, message) => {
    const r = cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('lints every file of a directory: a broken one is a located finding, the rest still linted, non-templates skipped', () => {
    const r = cli(['fixtures/templates', '-f', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const parse = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'template-parse-error');
    expect(parse).toHaveLength(1);
    expect(parse[0]).toMatchObject({ file: 'fixtures/templates/broken.yaml', line: 7, level: 'error' });
    expect(
      report.findings.some((f: { file: string; ruleId: string }) => f.file === 'fixtures/templates/with space.yaml' && f.ruleId === 'ebs-volume-encrypted'),
    ).toBe(true);
    const skipped = report.files.find((f: { path: string }) => f.path === 'fixtures/templates/not-a-template.yaml');
    expect(skipped.status).toBe('skipped');
    expect(report.findings.some((f: { file: string }) => f.file === 'fixtures/templates/not-a-template.yaml')).toBe(false);
  });

  it('reports a non-template named explicitly', () => {
    const r = cli(['fixtures/templates/not-a-template.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/not a CloudFormation template/);
  });

  it('writes valid SARIF with relative, percent-encoded URIs and every file read as an artifact', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-'));
    const out = path.join(dir, '.sarif', 'pillars-lint.sarif');
    const r = cli(['fixtures/templates', 'examples', '-f', 'sarif', '-o', out, '--report-unknown']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const log = JSON.parse(readFileSync(out, 'utf8'));
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0];
    const uris = run.artifacts.map((a: { location: { uri: string } }) => a.location.uri);
    expect(uris).toEqual(expect.arrayContaining(['fixtures/templates/with%20space.yaml', 'fixtures/templates/not-a-template.yaml', 'examples/web-stack.yaml']));
    const skipped = run.artifacts.find((a: { location: { uri: string } }) => a.location.uri.endsWith('not-a-template.yaml'));
    expect(skipped.properties.reason).toMatch(/not a CloudFormation template/);
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(['template-parse-error', 'rds-multi-az-enabled']));
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'ebs-volume-encrypted');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: expect.any(Number), startColumn: expect.any(Number) });
    expect(result.locations[0].logicalLocations[0]).toMatchObject({ name: expect.any(String), kind: 'resource' });
    expect(run.results.every((x: { partialFingerprints?: unknown }) => x.partialFingerprints === undefined)).toBe(true);
    expect(run.automationDetails).toBeUndefined();
  });

  it('writes results: [] for a clean run', () => {
    const log = JSON.parse(cli(['fixtures/templates/clean.json', '-f', 'sarif', '--rule', 'ebs-volume-encrypted']).stdout);
    expect(log.runs[0].results).toEqual([]);
  });

  it('prints compact lines that the $eslint-compact problem matcher reads', () => {
    const r = cli(['examples/web-stack.yaml', '-f', 'compact', ...HEADLINE]);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(COMPACT);
    const [, file, line, col, severity, , code] = COMPACT.exec(lines[1]!)!;
    expect(file).toBe(path.join(ROOT, 'examples/web-stack.yaml'));
    expect([line, col, severity, code]).toEqual(['53', '26', 'Error', 'ebs-volume-encrypted']);
  });

  it('names files relative to a working directory reached through a symlink, for SARIF, config globs and baselines', (t) => {
    // The process sees the real directory; the paths a user passes ($PWD/infra) keep the link.
    const real = mkdtempSync(path.join(tmpdir(), 'pillars-lint-real-'));
    mkdirSync(path.join(real, 'infra'));
    writeFileSync(path.join(real, 'infra', 'stack.yaml'), readFileSync(path.join(ROOT, 'examples/web-stack.yaml')));
    writeFileSync(path.join(real, '.pillars-lint.yaml'), 'overrides:\n  - files: ["infra/**"]\n    rules: { ebs-volume-encrypted: off }\n');
    const linked = path.join(mkdtempSync(path.join(tmpdir(), 'pillars-lint-link-')), 'checkout');
    try {
      symlinkSync(real, linked, 'dir');
    } catch {
      t.skip(); // Windows without the symlink privilege
    }
    const sarif = cli([path.join(linked, 'infra'), '-f', 'sarif'], linked);
    expect(sarif.code).toBe(1);
    const run = JSON.parse(sarif.stdout).runs[0];
    expect(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual(['infra/stack.yaml']);
    const results = run.results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri))).toEqual(new Set(['infra/stack.yaml']));
    // The config's override for infra/** applied.
    expect(results.map((r) => r.ruleId)).toContain('rds-multi-az-enabled');
    expect(results.map((r) => r.ruleId)).not.toContain('ebs-volume-encrypted');
    writeFileSync(path.join(real, 'baseline.sarif'), sarif.stdout);
    expect(cli([path.join(linked, 'infra'), '--baseline', 'baseline.sarif'], linked).code).toBe(0);
  });

  it('lists rules with their metadata', () => {
    const rules = JSON.parse(cli(['rules', '--format', 'json']).stdout);
    const rds = rules.find((r: { id: string }) => r.id === 'rds-multi-az-enabled');
    expect(rds).toMatchObject({ pillar: 'reliability', level: 'error', wellArchitected: ['REL10-BP01', 'REL11-BP02'], securityHub: ['RDS.5'] });
    // Each rule's own docs page in the repository (package.json's homepage is the one place the URL lives).
    expect(rds.helpUri).toBe('https://github.com/pillars-lint/pillars-lint/blob/main/docs/rules/rds-multi-az-enabled.md');
    const text = cli(['rules']).stdout;
    expect(text).toMatch(/ec2-sg-ssh-restricted\s+security\s+error/);
  });
});

describe('pillars-lint rules', () => {
  it('prints one rule in full: what, why, the fix with an example, options with defaults, ids elsewhere, docs link', () => {
    const r = cli(['rules', 'rds-automated-backups-enabled']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^rds-automated-backups-enabled — /);
    for (const part of [
      'Why:',
      'Fix:',
      'Non-compliant:',
      'Compliant:',
      'Options:',
      'minRetentionDays (default 7): ',
      'Well-Architected:',
      'Docs: https://github.com/pillars-lint/pillars-lint/blob/main/docs/rules/rds-automated-backups-enabled.md',
    ]) {
      expect(r.stdout).toContain(part);
    }
  });

  it('filters by pillar, and refuses an unknown rule or pillar with a suggestion', () => {
    const lines = cli(['rules', '--pillar', 'sustainability']).stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ rules?$/);
    for (const line of lines.slice(0, -2)) expect(line).toMatch(/\ssustainability\s/);
    expect(cli(['rules', 'ebs-volume-encryptd'])).toMatchObject({
      code: 2,
      stderr: 'pillars-lint: unknown rule "ebs-volume-encryptd" (did you mean "ebs-volume-encrypted"?)\n',
    });
    expect(cli(['rules', '--pillar', 'speed']).code).toBe(2);
  });
});
