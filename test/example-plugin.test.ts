// The example plugin (examples/plugin/) as a third party builds and ships one: it type-checks against the packed
// pillars-lint package (its exports and declarations) and runs through the CLI, named by path and by package name.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

let base: string;
let project: string;

const QUEUES = 'Resources:\n  Orders:\n    Type: AWS::SQS::Queue\n    Properties:\n      MessageRetentionPeriod: 86400\n  Audit:\n    Type: AWS::SQS::Queue\n';

function cli(args: string[], cwd = project) {
  return spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'pillars-lint-plugin-'));
  // The package as npm would publish it: declarations built, then packed (files, exports, types).
  execFileSync(process.execPath, ['scripts/build.mjs', '--declarations'], { cwd: ROOT, stdio: 'pipe' });
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', base], { cwd: ROOT, stdio: 'pipe' });
  const tarball = readdirSync(base).find((f) => f.endsWith('.tgz'))!;
  const installed = path.join(base, 'node_modules', 'pillars-lint');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(base, tarball), '-C', installed, '--strip-components=1']);
  // Its dependencies, as an install would have put them (the project's own copies: no network here).
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(installed, 'node_modules'));
  // The plugin's sources, compiled with its own tsconfig against the installed package.
  const plugin = path.join(base, 'plugin');
  cpSync(path.join(ROOT, 'examples/plugin'), plugin, { recursive: true, filter: (f) => !f.includes(`${path.sep}dist`) });
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', plugin], { stdio: 'pipe' });
  symlinkSync(plugin, path.join(base, 'node_modules', 'pillars-lint-plugin-queues'));
  project = path.join(base, 'project');
  mkdirSync(project);
  writeFileSync(path.join(project, 'queues.yaml'), QUEUES);
}, 180_000);

describe('the example plugin', () => {
  it('type-checks against the packed package and runs through the CLI by path, its rules namespaced', () => {
    const r = cli(['queues.yaml', '--plugin', '../plugin', '--rule', 'queues/sqs-retention-period', '-f', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0); // a warning: below the default fail-on level
    const findings = JSON.parse(r.stdout).findings.map(
      (f: { ruleId: string; logicalId: string; message: string }) => `${f.ruleId} ${f.logicalId}: ${f.message}`,
    );
    expect(findings).toEqual([
      'queues/sqs-retention-period Orders: Queue Orders keeps messages 1 days, fewer than 7.',
      'queues/sqs-retention-period Audit: Queue Audit keeps messages 4 days (MessageRetentionPeriod is not set), fewer than 7.',
    ]);
  });

  it('loads by package name from the config, with its preset and options, and gives SARIF its own help link', () => {
    writeFileSync(
      path.join(project, '.pillars-lint.yaml'),
      [
        'plugins: [pillars-lint-plugin-queues]',
        'extends: [plugin:queues/recommended]',
        'rules:',
        '  queues/sqs-retention-period: [error, { minDays: 2 }]',
        '',
      ].join('\n'),
    );
    const r = cli(['queues.yaml', '-f', 'sarif']);
    expect(r.status).toBe(1);
    const run = JSON.parse(r.stdout).runs[0];
    expect(run.results.map((x: { ruleId: string; level: string }) => `${x.ruleId} ${x.level}`)).toEqual(['queues/sqs-retention-period error']);
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'queues/sqs-retention-period');
    expect(rule.helpUri).toBe('https://github.com/pillars-lint/pillars-lint/blob/main/examples/plugin/README.md');
  });

  it('says in one line what is wrong with a plugin or a preset name', () => {
    writeFileSync(path.join(project, '.pillars-lint.yaml'), 'plugins: [pillars-lint-plugin-nope]\n');
    expect(cli(['queues.yaml']).stderr).toBe(
      'pillars-lint: cannot load plugin pillars-lint-plugin-nope: it is not installed (npm install --save-dev pillars-lint-plugin-nope)\n',
    );
    writeFileSync(path.join(project, '.pillars-lint.yaml'), 'plugins: [pillars-lint-plugin-queues]\nextends: [plugin:queues/recomended]\n');
    const r = cli(['queues.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^pillars-lint: \.pillars-lint\.yaml:2:\d+: extends\.0: unknown plugin preset "plugin:queues\/recomended" \(did you mean "plugin:queues\/recommended"\?\)\n$/,
    );
  });
});
