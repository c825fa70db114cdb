// Reads stay inside the project root, and every traversal ends. Each case builds a repository whose templates,
// symlinks or cdk.out manifest lead to a secret outside it (or into .git/), runs the CLI in every format and the
// Action, and asserts that the secret reaches no output, that no output names a place on the machine, that the run
// ends in time, and that what was not followed is reported as such.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { action, cli, expectBounded, expectNoSecret, machine, put, type Machine, type Run } from './harness.ts';

const FORMATS = ['stylish', 'json', 'sarif', 'compact', 'github', 'markdown'] as const;
const OUTSIDE = 'not followed: outside the project';

const BUCKET = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n';
function nesting(urls: string[], type = 'AWS::CloudFormation::Stack', property = 'TemplateURL'): string {
  const head = type.startsWith('AWS::Serverless') ? 'Transform: AWS::Serverless-2016-10-31\n' : '';
  return head + 'Resources:\n' + urls.map((url, i) => `  Nested${i}:\n    Type: ${type}\n    Properties:\n      ${property}: ${url}\n`).join('');
}

/**
 * A secret outside the repository shaped like a template with a syntax error: a reader that followed a path to it
 * would print it in a code frame.
 */
function yamlSecret(m: Machine): string {
  const file = path.join(m.home, 'secret.yaml');
  writeFileSync(file, `Resources:\n  Token:\n    Type: ${m.marker}\n[http]\n\textraheader = ${m.marker}\n`);
  return file;
}

/**
 * No output names a place on the machine: the only absolute path allowed is the project root itself, as SARIF's
 * %SRCROOT% and workingDirectory, and as compact's file paths (the $eslint-compact matcher needs absolute ones).
 */
function expectNoMachinePath(m: Machine, text: string, format?: string): void {
  let rest = text.split(`file://${m.repo}/`).join('');
  if (format === 'compact') rest = rest.split(`${m.repo}/`).join('');
  const at = rest.indexOf(m.base);
  expect(at, `an absolute path in the ${format ?? ''} output: …${rest.slice(Math.max(0, at - 100), at + 100)}…`).toBe(-1);
  expect(rest, 'a file:// URI in the output').not.toContain('file://');
}

/** Lints `args` in the repository in every format; each run ends in time with `code` and shows nothing it must not. */
function lintAll(m: Machine, args: string[], code: number, formats: readonly (typeof FORMATS)[number][] = FORMATS): Record<(typeof FORMATS)[number], Run> {
  const runs = {} as Record<(typeof FORMATS)[number], Run>;
  for (const format of formats) {
    // --verbose: the text report lists what it left out, which these tests look for.
    const run = cli([...args, '-f', format, '--verbose'], m.repo, { budgetMs: 15_000 });
    expectBounded(run, [code]);
    expectNoSecret(m, run.stdout, run.stderr);
    expectNoMachinePath(m, run.stdout + run.stderr, format);
    runs[format] = run;
  }
  return runs;
}

/** The same through the Action: log, summary, outputs and SARIF file. */
function actionRun(m: Machine, inputs: Record<string, string> = {}, code = 0) {
  const run = action(m.repo, inputs, { budgetMs: 15_000 });
  expectBounded(run, [code]);
  expectNoSecret(m, run.stdout, run.stderr, run.summary, run.outputs, run.sarif);
  for (const text of [run.stdout, run.stderr, run.summary, run.outputs, run.sarif ?? '']) expectNoMachinePath(m, text);
  return run;
}

interface SarifLog {
  runs: Array<{ artifacts: Array<{ location: { uri: string }; properties?: { reason?: string; nestedStacks?: Array<{ reason?: string }> } }> }>;
}

/** Every reason SARIF gives for what it did not read: skipped artifacts and nested stacks not followed. */
function sarifReasons(run: Run | string): string[] {
  const log = JSON.parse(typeof run === 'string' ? run : run.stdout) as SarifLog;
  return log.runs[0]!.artifacts.flatMap((a) => [a.properties?.reason, ...(a.properties?.nestedStacks ?? []).map((n) => n.reason)]).filter(
    (r): r is string => !!r,
  );
}

function jsonFiles(run: Run): Array<{ path: string; status: string; skipReason?: string }> {
  return JSON.parse(run.stdout).files;
}

describe('nested templates are followed only inside the project', () => {
  const routes: Array<[string, (m: Machine) => string]> = [
    ['a relative TemplateURL out of the repository', () => nesting(['../../home/.aws/credentials'])],
    ['an absolute TemplateURL', (m) => nesting([path.join(m.home, '.aws', 'credentials')])],
    ['a file:// TemplateURL', (m) => nesting([`file://${path.join(m.home, '.git-credentials')}`])],
    ['a SAM Application Location', () => nesting(['../../home/.npmrc'], 'AWS::Serverless::Application', 'Location')],
  ];
  for (const [name, template] of routes) {
    it(`${name}: not read, reported as not followed, in every format and the Action`, () => {
      const m = machine();
      put(m, 'infra/parent.yaml', template(m));
      const runs = lintAll(m, ['infra/parent.yaml'], 0);
      expect(runs.stylish.stdout).toMatch(/1 nested stack not followed:\n {2}infra\/parent\.yaml: Nested0.*: outside the project\n/);
      expect(sarifReasons(runs.sarif)).toEqual([OUTSIDE]);
      // Only the parent was read.
      expect(jsonFiles(runs.json)).toEqual([{ path: 'infra/parent.yaml', status: 'linted' }]);
      const act = actionRun(m);
      expect(sarifReasons(act.sarif!)).toEqual([OUTSIDE]);
    });
  }

  it('a relative TemplateURL is kept in the report; an absolute one is not repeated', () => {
    const m = machine();
    put(m, 'parent.yaml', nesting(['../home/.aws/credentials', path.join(m.home, '.npmrc')]));
    const { stylish } = lintAll(m, ['parent.yaml'], 0);
    expect(stylish.stdout).toContain('parent.yaml: Nested0 (../home/.aws/credentials): outside the project');
    expect(stylish.stdout).toContain('parent.yaml: Nested1: outside the project');
  });
});

describe('a committed symlink that leads outside is not followed', () => {
  const linked = (m: Machine) => {
    symlinkSync(yamlSecret(m), path.join(m.repo, 'network.yaml'));
    put(m, 'app.yaml', BUCKET);
  };

  it('used as a nested template (./network.yaml)', () => {
    const m = machine();
    linked(m);
    put(m, 'parent.yaml', nesting(['./network.yaml']));
    const runs = lintAll(m, ['parent.yaml'], 0);
    expect(runs.stylish.stdout).toContain('parent.yaml: Nested0 (./network.yaml): outside the project');
    expect(sarifReasons(runs.sarif)).toEqual([OUTSIDE]);
  });

  for (const [how, args] of [
    ['found by a directory scan', ['.']],
    ['matched by a glob', ['**/*.yaml']],
  ] as const) {
    it(`${how}: listed as skipped under the link's own name`, () => {
      const m = machine();
      linked(m);
      const runs = lintAll(m, [...args], 0);
      expect(jsonFiles(runs.json)).toEqual([
        { path: 'network.yaml', status: 'skipped', skipReason: OUTSIDE },
        { path: 'app.yaml', status: 'linted' },
      ]);
      expect(runs.stylish.stdout).toContain(`1 file skipped: ${OUTSIDE}\n  network.yaml\n`);
      expect(sarifReasons(runs.sarif)).toEqual([OUTSIDE]);
      actionRun(m, { path: args[0] });
    });
  }

  it('named explicitly: refused with one line that suggests --root (exit 2)', () => {
    const m = machine();
    linked(m);
    const runs = lintAll(m, ['network.yaml'], 2, ['stylish', 'sarif']);
    expect(runs.stylish.stdout).toBe('');
    expect(runs.stylish.stderr).toBe('pillars-lint: network.yaml is outside the project root: lint from a folder that contains it, or pass --root DIR\n');
    const act = actionRun(m, { path: 'network.yaml' }, 1);
    expect(act.stdout).toContain('::error::pillars-lint: network.yaml is outside the project root');
  });

  it('a symlinked folder that leads outside is not entered by a scan or a glob', () => {
    const m = machine();
    yamlSecret(m);
    symlinkSync(m.home, path.join(m.repo, 'vendor'));
    put(m, 'app.yaml', BUCKET);
    for (const args of [['.'], ['**/*.yaml']]) {
      const { json } = lintAll(m, args, 0, ['json', 'stylish']);
      expect(jsonFiles(json)).toEqual([{ path: 'app.yaml', status: 'linted' }]);
    }
    // Named, it is outside.
    expect(lintAll(m, ['vendor'], 2, ['stylish']).stylish.stderr).toContain('vendor is outside the project root');
    expect(lintAll(m, ['vendor/*.yaml'], 2, ['stylish']).stylish.stderr).toContain('vendor/*.yaml is outside the project root');
  });
});

describe('paths named outside the project root', () => {
  it('a file or folder outside is refused with one line (exit 2); --root widens the project', () => {
    const m = machine();
    mkdirSync(path.join(m.base, 'other'));
    writeFileSync(path.join(m.base, 'other', 't.yaml'), BUCKET);
    for (const named of ['../home/.aws/credentials', path.join(m.home, '.aws', 'credentials'), '../other', '../other/*.yaml']) {
      const run = cli([named], m.repo);
      expectBounded(run, [2]);
      expectNoSecret(m, run.stdout, run.stderr);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/is outside the project root: .*--root DIR/);
    }
    // With the base folder as the root, ../other is inside, and named relative to the root.
    const run = cli(['../other/t.yaml', '--root', '..', '-f', 'json'], m.repo);
    expectBounded(run, [0]);
    expect(jsonFiles(run)).toEqual([{ path: 'other/t.yaml', status: 'linted' }]);
    expect(JSON.parse(run.stdout).findings.map((f: { file: string }) => f.file)).toContain('other/t.yaml');
    // A missing root is a usage error.
    const missing = cli(['.', '--root', 'nope'], m.repo);
    expectBounded(missing, [2]);
    expect(missing.stderr).toBe('pillars-lint: the project root is not a directory: nope\n');
  });

  it('a config include outside the project is refused the same way, in the CLI and the Action', () => {
    const m = machine();
    put(m, '.pillars-lint.yaml', 'include: ["../home/.aws"]\n');
    const run = cli([], m.repo);
    expectBounded(run, [2]);
    expectNoSecret(m, run.stdout, run.stderr);
    expect(run.stderr).toBe('pillars-lint: ../home/.aws is outside the project root: lint from a folder that contains it, or pass --root DIR\n');
    const act = actionRun(m, { path: '' }, 1);
    expect(act.stdout).toContain('::error::pillars-lint: ../home/.aws is outside the project root');
  });

  it('the Action refuses a path input outside the workspace', () => {
    const m = machine();
    const run = actionRun(m, { path: '../home' }, 1);
    expect(run.stdout).toContain('::error::pillars-lint: ../home is outside the project root');
  });

  it('--root is in the help', () => {
    const run = cli(['--help'], process.cwd());
    expect(run.stdout).toMatch(/--root DIR +the project root \(default: the working directory\)/);
  });
});

describe('.git/ is never read, by any route', () => {
  it('named explicitly, or by a glob into it: refused (exit 2)', () => {
    const m = machine();
    for (const named of ['.git/config', '.git', './.git/../.git/config', '.git/*']) {
      const run = cli([named], m.repo);
      expectBounded(run, [2]);
      expectNoSecret(m, run.stdout, run.stderr);
      expect(run.stderr).toMatch(/inside \.git\/, which pillars-lint never reads\n$/);
    }
  });

  it('scans and globs do not enter it', () => {
    const m = machine();
    put(m, 'app.yaml', BUCKET);
    for (const args of [['.'], ['**/*'], ['**/config'], ['{.git,x}/*']]) {
      const run = cli([...args, '-f', 'json'], m.repo);
      expectBounded(run, [0, 2]);
      expectNoSecret(m, run.stdout, run.stderr);
    }
  });

  it('through a nested TemplateURL, a symlink (scanned, globbed, nested, named) or a symlinked folder', () => {
    const m = machine();
    symlinkSync('.git/config', path.join(m.repo, 'cfg.yaml'));
    symlinkSync('.git', path.join(m.repo, 'g'));
    put(m, 'parent.yaml', nesting(['.git/config', './sub/../.git/config', './cfg.yaml', 'g/config']));
    const runs = lintAll(m, ['.'], 0);
    expect(runs.stylish.stdout).toContain('1 file skipped: not followed: inside .git/\n  cfg.yaml\n');
    expect(sarifReasons(runs.sarif).sort()).toEqual(Array(5).fill('not followed: inside .git/'));
    const globbed = lintAll(m, ['*.yaml'], 0, ['json', 'sarif']);
    expect(jsonFiles(globbed.json)).toContainEqual({ path: 'cfg.yaml', status: 'skipped', skipReason: 'not followed: inside .git/' });
    for (const named of ['cfg.yaml', 'g/config']) expect(lintAll(m, [named], 2, ['stylish']).stylish.stderr).toContain('inside .git/');
    actionRun(m);
  });

  it('through a cdk.out manifest', () => {
    const m = machine();
    put(m, 'cdk.out/manifest.json', stackManifest({ templateFile: '../.git/config' }));
    // A template beside it is linted: a run that lints nothing at all is a usage error (exit 2).
    put(m, 'app.yaml', BUCKET);
    expect(lintAll(m, ['cdk.out'], 2, ['stylish']).stylish.stderr).toMatch(
      /^pillars-lint: no CloudFormation templates found in "cdk.out" \(1 file skipped: not followed: inside \.git\/ \(the template of stack App\)\)\n$/,
    );
    const runs = lintAll(m, ['cdk.out', 'app.yaml'], 0);
    expect(runs.stylish.stdout).toContain('1 file skipped: not followed: inside .git/ (the template of stack App)\n  cdk.out/manifest.json\n');
    actionRun(m);
  });
});

function stackManifest(properties: Record<string, unknown>, extra: Record<string, unknown> = {}, artifacts: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: '36.0.0',
    artifacts: { App: { type: 'aws:cloudformation:stack', environment: 'aws://111111111111/us-east-1', properties, ...extra }, ...artifacts },
  });
}

describe('cdk.out manifest paths are followed only inside the project', () => {
  const nestedStack = (extra: Record<string, unknown>) =>
    JSON.stringify({
      Resources: { Net: { Type: 'AWS::CloudFormation::Stack', ...extra, Properties: { TemplateURL: 'https://s3.us-east-1.amazonaws.com/b/abc123.json' } } },
    });
  const cases: Array<[string, (m: Machine) => void, string]> = [
    [
      'templateFile ../../',
      (m) => {
        yamlSecret(m);
        put(m, 'cdk.out/manifest.json', stackManifest({ templateFile: '../../home/secret.yaml' }));
      },
      `${OUTSIDE} (the template of stack App)`,
    ],
    [
      'templateFile absolute',
      (m) => {
        put(m, 'cdk.out/manifest.json', stackManifest({ templateFile: yamlSecret(m) }));
      },
      `${OUTSIDE} (the template of stack App)`,
    ],
    [
      'directoryName of a nested assembly',
      (m) => {
        yamlSecret(m);
        mkdirSync(path.join(m.home, 'asm'));
        writeFileSync(path.join(m.home, 'asm', 'manifest.json'), stackManifest({ templateFile: '../secret.yaml' }));
        put(
          m,
          'cdk.out/manifest.json',
          JSON.stringify({ version: '36.0.0', artifacts: { Stage: { type: 'cdk:cloud-assembly', properties: { directoryName: '../../home/asm' } } } }),
        );
      },
      `${OUTSIDE} (the directoryName of Stage)`,
    ],
    [
      'additionalMetadataFile',
      (m) => {
        put(m, 'cdk.out/App.template.json', JSON.stringify({ Resources: {} }));
        put(
          m,
          'cdk.out/manifest.json',
          stackManifest({ templateFile: 'App.template.json' }, { additionalMetadataFile: path.join(m.home, '.aws', 'credentials') }),
        );
      },
      `${OUTSIDE} (the additionalMetadataFile of App)`,
    ],
    [
      'the file of an asset manifest',
      (m) => {
        put(m, 'cdk.out/App.template.json', nestedStack({}));
        writeFileSync(path.join(m.home, 'App.assets.json'), JSON.stringify({ files: { abc123: { source: { path: 'secret.yaml' } } }, marker: m.marker }));
        put(
          m,
          'cdk.out/manifest.json',
          stackManifest(
            { templateFile: 'App.template.json' },
            { dependencies: ['App.assets'] },
            {
              'App.assets': { type: 'cdk:asset-manifest', properties: { file: '../../home/App.assets.json' } },
            },
          ),
        );
      },
      `${OUTSIDE} (the asset manifest App.assets)`,
    ],
    [
      'an asset source path (a nested stack template)',
      (m) => {
        yamlSecret(m);
        put(m, 'cdk.out/App.template.json', nestedStack({}));
        put(m, 'cdk.out/App.assets.json', JSON.stringify({ files: { abc123: { source: { path: '../../home/secret.yaml' } } } }));
        put(
          m,
          'cdk.out/manifest.json',
          stackManifest(
            { templateFile: 'App.template.json' },
            { dependencies: ['App.assets'] },
            {
              'App.assets': { type: 'cdk:asset-manifest', properties: { file: 'App.assets.json' } },
            },
          ),
        );
      },
      OUTSIDE,
    ],
    [
      'aws:asset:path metadata',
      (m) => {
        put(m, 'cdk.out/App.template.json', nestedStack({ Metadata: { 'aws:asset:path': path.relative(path.join(m.repo, 'cdk.out'), yamlSecret(m)) } }));
        put(m, 'cdk.out/manifest.json', stackManifest({ templateFile: 'App.template.json' }));
      },
      OUTSIDE,
    ],
    [
      'aws:cdk:templateFile metadata of a nested stack',
      (m) => {
        put(m, 'cdk.out/App.template.json', JSON.stringify({ Resources: {} }));
        put(
          m,
          'cdk.out/manifest.json',
          stackManifest(
            { templateFile: 'App.template.json' },
            {
              metadata: { '/App/Net': [{ type: 'aws:cdk:templateFile', data: yamlSecret(m) }] },
            },
          ),
        );
      },
      `${OUTSIDE} (the template of nested stack App/Net)`,
    ],
  ];
  for (const [name, build, reason] of cases) {
    it(`${name}: not read, reported as not followed`, () => {
      const m = machine();
      build(m);
      put(m, 'app.yaml', BUCKET);
      expect(sarifReasons(lintAll(m, ['cdk.out', 'app.yaml'], 0).sarif)).toContain(reason);
      // The same through a scan and the named manifest.
      for (const args of [['.'], ['cdk.out/manifest.json', 'app.yaml']])
        expect(sarifReasons(lintAll(m, args, 0, ['sarif', 'stylish']).sarif)).toContain(reason);
      const act = actionRun(m);
      expect(sarifReasons(act.sarif!)).toContain(reason);
    });
  }
});

describe('every traversal ends, and each real file is linted once', () => {
  /** `l -> .` and `m -> .`, and a template that nests itself through both. */
  function selfLinks(m: Machine): void {
    symlinkSync('.', path.join(m.repo, 'l'));
    symlinkSync('.', path.join(m.repo, 'm'));
    put(m, 't.yaml', nesting(['l/t.yaml', 'm/l/t.yaml']));
    put(m, 'app.yaml', BUCKET);
  }

  for (const args of [['.'], ['**/*.yaml'], ['l/m/**/*.yaml'], ['t.yaml', 'l/t.yaml', 'm/l/t.yaml', './t.yaml']]) {
    it(`self-symlinks l -> . and m -> . (${args.join(' ')}): bounded, each file once, the loop a cycle finding`, () => {
      const m = machine();
      selfLinks(m);
      const run = cli([...args, '-f', 'json'], m.repo, { budgetMs: 10_000 });
      expectBounded(run, [1]);
      expect(run.ms).toBeLessThan(10_000);
      const files = jsonFiles(run)
        .map((f) => f.path)
        .sort();
      expect(files).toEqual(args.length > 1 ? ['t.yaml'] : ['app.yaml', 't.yaml']);
      const cycles = JSON.parse(run.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'nested-stack-cycle');
      expect(cycles.map((f: { file: string }) => f.file)).toEqual(['t.yaml', 't.yaml']);
    });
  }

  it("self-symlinks with the Action's default path: bounded, each file once", () => {
    const m = machine();
    selfLinks(m);
    const run = action(m.repo, {}, { budgetMs: 10_000 });
    expectBounded(run, [1]);
    const log = JSON.parse(run.sarif!) as SarifLog;
    expect(log.runs[0]!.artifacts.map((a) => a.location.uri).sort()).toEqual(['app.yaml', 't.yaml']);
  });

  it('a file reached by several names (symlinks, globs, folders) is linted once, under its real name', () => {
    const m = machine();
    put(m, 'stacks/t.yaml', BUCKET);
    symlinkSync('stacks/t.yaml', path.join(m.repo, 'a.yaml'));
    mkdirSync(path.join(m.repo, 'dir'));
    symlinkSync('../stacks/t.yaml', path.join(m.repo, 'dir', 'b.yaml'));
    const run = cli(['.', '**/*.yaml', 'a.yaml', 'dir/b.yaml', 'stacks', '-f', 'json'], m.repo);
    expectBounded(run, [0]);
    expect(jsonFiles(run)).toEqual([{ path: 'stacks/t.yaml', status: 'linted' }]);
    const findings = JSON.parse(run.stdout).findings as Array<{ file: string; ruleId: string }>;
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set(['stacks/t.yaml']));
    expect(findings.length).toBe(new Set(findings.map((f) => f.ruleId)).size);
  });

  it('at most 1,000 nested templates are followed in a run, and the rest are reported', () => {
    const m = machine();
    const children = Array.from({ length: 1100 }, (_, i) => `c/${i}.yaml`);
    for (const child of children) put(m, child, BUCKET);
    put(m, 'parent.yaml', nesting(children.map((c) => `./${c}`)));
    const run = cli(['parent.yaml', '-f', 'json', '--rule', 's3-lifecycle-policy-check'], m.repo, { budgetMs: 30_000 });
    expectBounded(run, [0]);
    expect(jsonFiles(run)).toHaveLength(1001);
    const stylish = cli(['parent.yaml', '--rule', 's3-lifecycle-policy-check', '--verbose'], m.repo, { budgetMs: 30_000 });
    expect(stylish.stdout).toContain('100 nested stacks not followed:');
    expect(stylish.stdout).toContain('parent.yaml: Nested1000 (./c/1000.yaml): over 1,000 nested templates in this run');
  });

  it('a chain of 1,100 nested templates: bounded, each linted once, the limits reported', () => {
    const m = machine();
    for (let i = 0; i < 1100; i++) put(m, `c${i}.yaml`, i < 1099 ? nesting([`./c${i + 1}.yaml`]) : BUCKET);
    const run = cli(['.', '-f', 'json', '--rule', 's3-lifecycle-policy-check'], m.repo, { budgetMs: 30_000 });
    expectBounded(run, [0]);
    const files = jsonFiles(run);
    expect(files).toHaveLength(1100);
    expect(new Set(files.map((f) => f.path)).size).toBe(1100);
    const stylish = cli(['.', '--rule', 's3-lifecycle-policy-check'], m.repo, { budgetMs: 30_000 });
    expect(stylish.stdout).toContain('over 1,000 nested templates in this run');
    expect(stylish.stdout).toContain('nested more than 32 levels deep');
  });
});

describe('plugins are code: a config cannot make a run execute it unasked', () => {
  const pluginSource = (marker: string) =>
    `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default { name: 'evil', rules: [] };\n`;

  it('the Action refuses a config that names plugins unless allow-plugins is true', () => {
    const m = machine();
    const ran = path.join(m.base, 'plugin-ran');
    put(m, 'evil.mjs', pluginSource(ran));
    put(m, '.pillars-lint.yaml', 'plugins: [./evil.mjs]\n');
    put(m, 'app.yaml', BUCKET);
    const refused = action(m.repo);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/plugins are code, and this run does not load those a config names: set the action input allow-plugins: true/);
    expect(existsSync(ran)).toBe(false);
    const allowed = action(m.repo, { 'allow-plugins': 'true' });
    expect(allowed.code).toBe(0);
    expect(existsSync(ran)).toBe(true);
  });

  it('a plugin path outside the project is refused, in the CLI too', () => {
    const m = machine();
    const ran = path.join(m.base, 'plugin-ran');
    writeFileSync(path.join(m.home, 'evil.mjs'), pluginSource(ran));
    put(m, '.pillars-lint.yaml', `plugins: [${JSON.stringify(path.join(m.home, 'evil.mjs'))}]\n`);
    put(m, 'app.yaml', BUCKET);
    const run = cli(['app.yaml'], m.repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot load plugin .*evil\.mjs: it is outside the project/);
    expect(existsSync(ran)).toBe(false);
  });
});
