// Bounded, safe output: the report file is written whole or not at all and never over an input; a closed pipe is
// not an error; files the user names are read only when they are regular files of a sane size; config globs cannot
// hang the run; template text cannot drive a terminal or a log, nor ping, link or reference anything in a summary.
import { spawn } from 'node:child_process';
import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { globProblem, globToRegExp, matchesAny } from '../../src/config/glob.ts';
import type { Finding, LintResult } from '../../src/engine/types.ts';
import { jobSummary } from '../../src/report/markdown.ts';
import { ROOT } from '../helpers.ts';
import { cli, expectBounded, expectNoSecret, machine, put, type Machine, type Run, OPEN_SSH } from './harness.ts';

const isSsh = (f: { ruleId: string }) => f.ruleId === 'ec2-sg-ssh-restricted';

/** A template with `n` open security groups: a run with a big report that takes a moment. */
function manyGroups(n: number): string {
  const lines = ['Resources:'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `  Group${i}:`,
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      `      GroupDescription: group ${i}`,
      '      SecurityGroupIngress:',
      '        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}',
    );
  }
  return lines.join('\n') + '\n';
}

/** Ran in time, with a documented exit code, no stack trace and no secret anywhere. */
function checked(m: Machine, run: Run, codes?: number[]): Run {
  expectBounded(run, codes);
  expectNoSecret(m, run.stdout, run.stderr);
  return run;
}

/** Exit 2 with exactly one line on stderr, matching `pattern`. */
function expectOneLine(run: Run, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
}

describe('-o FILE', () => {
  it('writes the whole report through a temporary file that does not stay behind', () => {
    const m = machine();
    put(m, 'infra/app.yaml', OPEN_SSH);
    const run = checked(m, cli(['infra', '-f', 'json', '-o', 'reports/out.json'], m.repo), [1]);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(m.repo, 'reports/out.json'), 'utf8')).findings.filter(isSsh)).toHaveLength(1);
    expect(readdirSync(path.join(m.repo, 'reports'))).toEqual(['out.json']);
  });

  it('leaves the old report or a complete new one when the run is killed, never a truncated one', async () => {
    const m = machine();
    put(m, 'big.yaml', manyGroups(3000));
    const report = put(m, 'report.json', 'OLD');
    for (const delay of [150, 400, 800, 1500]) {
      const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'big.yaml', '-f', 'json', '-o', 'report.json'], { cwd: m.repo, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      const text = readFileSync(report, 'utf8');
      if (text !== 'OLD') expect(JSON.parse(text).findings.filter(isSsh)).toHaveLength(3000);
    }
  });

  it('keeps two runs writing the same file from interleaving', async () => {
    const m = machine();
    put(m, 'big.yaml', manyGroups(1500));
    const runs = ['json', 'sarif'].map((format) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'big.yaml', '-f', format, '-o', 'report.json'], { cwd: m.repo, stdio: 'ignore' });
      return new Promise<number | null>((resolve) => child.once('exit', resolve));
    });
    expect(await Promise.all(runs)).toEqual([1, 1]);
    const doc = JSON.parse(readFileSync(path.join(m.repo, 'report.json'), 'utf8'));
    expect((doc.findings ?? doc.runs[0].results).filter(isSsh)).toHaveLength(1500);
    expect(readdirSync(m.repo).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to write over an input of the run, however it is named', () => {
    const m = machine();
    const template = put(m, 'infra/app.yaml', OPEN_SSH);
    const config = put(m, 'lint.yaml', 'rules: {}\n');
    symlinkSync(template, path.join(m.repo, 'link.json'));
    linkSync(template, path.join(m.repo, 'hard.json'));
    for (const [args, shown] of [
      [['infra', '-o', 'infra/app.yaml'], 'infra/app.yaml'],
      [['infra/app.yaml', '-o', './infra//app.yaml'], './infra//app.yaml'],
      [['infra', '-o', 'link.json'], 'link.json'],
      [['infra', '-o', 'hard.json'], 'hard.json'],
      [['infra', '-c', 'lint.yaml', '-o', 'lint.yaml'], 'lint.yaml'],
    ] as const) {
      const run = checked(m, cli([...args], m.repo));
      expectOneLine(
        run,
        new RegExp(`^pillars-lint: refusing to write the report to ${shown.replace(/[./]/g, '\\$&')}: it is one of the files this run reads\\n$`),
      );
      expect(readFileSync(template, 'utf8')).toBe(OPEN_SSH);
      expect(readFileSync(config, 'utf8')).toBe('rules: {}\n');
    }
    expect(readdirSync(path.join(m.repo, 'infra'))).toEqual(['app.yaml']);
  });

  it('fails at once, before linting, where no file can be written', () => {
    const m = machine();
    put(m, 'notes.txt', 'a file, not a folder');
    // The missing input would be the error if the run went as far as linting.
    const cases: Array<[string, RegExp]> = [
      ['notes.txt/report.json', /^pillars-lint: cannot write notes\.txt\/report\.json: a folder on its path is a file\n$/],
      ['.', /^pillars-lint: cannot write \.: it is a folder\n$/],
    ];
    if (process.platform === 'linux') {
      cases.push(['/proc/self/report.json', /^pillars-lint: cannot write \/proc\/self\/report\.json: /]);
      cases.push(['/proc/self/status', /^pillars-lint: cannot write \/proc\/self\/status: /]);
    }
    for (const [output, pattern] of cases) {
      const run = checked(m, cli(['missing.yaml', '-o', output], m.repo, { budgetMs: 10_000 }));
      expectOneLine(run, pattern);
    }
  });
});

describe('a closed pipe', () => {
  it('ends the run quietly, with the exit code the run would have had', async () => {
    const m = machine();
    put(m, 'big.yaml', manyGroups(2000));
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'big.yaml', '-f', 'json'], {
      cwd: m.repo,
      env: { ...process.env, NO_COLOR: '1', CI: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // `| head -c 1`: read one chunk, then go away.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});

describe('files the user names', () => {
  it('refuses a FIFO, a socket or a device as config, baseline or parameters file at once', async () => {
    const m = machine();
    put(m, 'app.yaml', OPEN_SSH);
    const fifo = path.join(m.repo, 'fifo');
    const mkfifo = spawn('mkfifo', [fifo]);
    await new Promise((resolve) => mkfifo.once('exit', resolve));
    const socket = path.join(m.repo, 'sock');
    const server = createServer().listen(socket);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      for (const [flag, what] of [
        ['-c', 'config file'],
        ['--baseline', 'baseline'],
        ['--parameters-file', 'parameters file'],
      ] as const) {
        for (const [file, kind] of [
          ['fifo', 'a named pipe'],
          ['sock', 'a socket'],
          ['/dev/zero', 'a device'],
        ] as const) {
          const run = checked(m, cli(['app.yaml', flag, file], m.repo, { budgetMs: 10_000 }));
          expectOneLine(run, new RegExp(`^pillars-lint: cannot read ${what} ${file.replace(/[./]/g, '\\$&')}: it is ${kind}, not a regular file\\n$`));
        }
      }
    } finally {
      server.close();
    }
  });

  it('refuses a config that is a FIFO even when found by default, a folder, or a file over 50 MB', async () => {
    const m = machine();
    put(m, 'app.yaml', OPEN_SSH);
    const mkfifo = spawn('mkfifo', [path.join(m.repo, '.pillars-lint.yaml')]);
    await new Promise((resolve) => mkfifo.once('exit', resolve));
    expectOneLine(
      checked(m, cli(['app.yaml'], m.repo, { budgetMs: 10_000 })),
      /^pillars-lint: cannot read config file \.pillars-lint\.yaml: it is a named pipe, not a regular file\n$/,
    );
    rmSync(path.join(m.repo, '.pillars-lint.yaml'));

    mkdirSync(path.join(m.repo, 'conf.d'));
    expectOneLine(checked(m, cli(['app.yaml', '-c', 'conf.d'], m.repo)), /^pillars-lint: cannot read config file conf\.d: it is a folder, not a file\n$/);

    // Sparse: costs nothing on disk.
    const huge = put(m, 'huge.json', '');
    truncateSync(huge, 60 * 1024 * 1024);
    for (const [flag, what] of [
      ['-c', 'config file'],
      ['--baseline', 'baseline'],
      ['--parameters-file', 'parameters file'],
    ] as const) {
      expectOneLine(
        checked(m, cli(['app.yaml', flag, 'huge.json'], m.repo)),
        new RegExp(`^pillars-lint: cannot read ${what} huge\\.json: it is larger than 50 MB\\n$`),
      );
    }
  });

  it('refuses a config found by default that links out of the project, and quotes nothing from it', () => {
    const m = machine();
    put(m, 'app.yaml', OPEN_SSH);
    for (const secret of m.secrets.filter((f) => !f.startsWith(m.repo))) {
      rmSync(path.join(m.repo, '.pillars-lint.yaml'), { force: true });
      symlinkSync(secret, path.join(m.repo, '.pillars-lint.yaml'));
      expectOneLine(checked(m, cli(['app.yaml'], m.repo)), /^pillars-lint: config file \.pillars-lint\.yaml links to a file outside the project: /);
    }
    // A link inside the project is the project's own file.
    put(m, 'conf/lint.yaml', 'rules: {}\n');
    rmSync(path.join(m.repo, '.pillars-lint.yaml'));
    symlinkSync('conf/lint.yaml', path.join(m.repo, '.pillars-lint.yaml'));
    checked(m, cli(['app.yaml'], m.repo), [1]);
  });

  it('reads a SARIF baseline that starts with a byte order mark', () => {
    const m = machine();
    put(m, 'app.yaml', OPEN_SSH);
    checked(m, cli(['app.yaml', '-f', 'sarif', '-o', 'base.sarif'], m.repo), [1]);
    const file = path.join(m.repo, 'base.sarif');
    writeFileSync(file, '\uFEFF' + readFileSync(file, 'utf8'));
    const run = checked(m, cli(['app.yaml', '--baseline', 'base.sarif'], m.repo), [0]);
    expect(run.stdout).toMatch(/^✔ No problems found in 1 file \(1 unchanged since baseline\)$/m);
  });
});

describe('config globs', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['exclude: ["{a,{b,{c"]\n', 'exclude.0', /unbalanced braces: the "\{" at column 7 is not closed/],
    ['include: "x}"\n', 'include', /unbalanced braces: the "\}" at column 2 closes no "\{"/],
    [`overrides:\n  - files: ["ok/**", "${'{a,'.repeat(10)}b${'}'.repeat(10)}"]\n    rules: {}\n`, 'overrides.0.files.1', /braces nested more than 5 deep/],
    [`exclude:\n  - "${'**/'.repeat(10)}x"\n`, 'exclude.0', /more than 8 "\*\*"/],
    [`exclude: ["${'{a,b,c,d}'.repeat(6)}"]\n`, 'exclude.0', /expands to more than 32 patterns/],
    [`exclude: ["${'x'.repeat(5000)}"]\n`, 'exclude.0', /longer than 1000 characters/],
    ['exclude: ["**a**a**a**b"]\n', 'exclude.0', /more than 2 "\*\*" inside a name/],
    [`exclude: ["${'*a'.repeat(40)}"]\n`, 'exclude.0', /more than 32 wildcards/],
  ];
  it('refuses unbalanced or pathological globs at load time, with the file, line, column and key', () => {
    const m = machine();
    put(m, 'app.yaml', OPEN_SSH);
    for (const [config, key, reason] of cases) {
      put(m, '.pillars-lint.yaml', config);
      const run = checked(m, cli(['app.yaml'], m.repo, { budgetMs: 10_000 }));
      expectOneLine(run, new RegExp(`^pillars-lint: \\.pillars-lint\\.yaml:\\d+:\\d+: ${key.replace(/\./g, '\\.')}: this glob cannot be used: `));
      expect(run.stderr).toMatch(reason);
    }
  });

  it('match in time linear in the path, whatever the glob', () => {
    const slashes = 'a/'.repeat(500_000) + 'c';
    const name = 'a'.repeat(1_000_000);
    const globs = [
      '**/a/**/a/**/a/**/a/**/b',
      '*a*a*a*a*a*a*a*a*b',
      '**/*a*a*a*b',
      'a/**/a/**/**/b',
      '{a,b}{a,c}{a,d}{a,e}{a,f}b',
      '{a,b/}{a,c/}{a,d/}{a,e/}{a,f/}/**/x',
      '{a,b}**{c,d}**x',
      '**/a**a**b/**/c',
      '{*,*/*}{a,b}{c,d}{e,f}{g,h}*x*y',
      '{**/a,**/b,**/c,**/d}{e,f}{g,h}{i,j}/**/*/**/*/**/*/**/x',
      '{a,*/}{a,*/}{a,*/}{a,*/}{a,*/}/**/a*a*a*a*a*a*x',
      '**/?????????????????b',
      '*/*/*/*/*/*/*/*/x',
      '{**/a,**/a/**}/b',
      '**/**/**/**/**/**/**/**/b',
    ];
    for (const glob of globs) {
      expect(globProblem(glob), glob).toBeUndefined();
      const re = globToRegExp(glob);
      for (const subject of [slashes, name]) {
        const started = performance.now();
        expect(re.test(subject)).toBe(false);
        expect(performance.now() - started, glob).toBeLessThan(400);
      }
    }
  });

  it('keep their meaning', () => {
    const yes: Array<[string, string]> = [
      ['*.yaml', 'a/b/x.yaml'],
      ['sandbox/**', 'sandbox/a/b.yaml'],
      ['sandbox/', 'sandbox/x.yaml'],
      ['a/**/b', 'a/b'],
      ['a/**/b', 'a/x/y/b'],
      ['a/**/b/**/c', 'a/x/b/y/c'],
      ['*.{yaml,yml}', 'x.yml'],
      ['infra/**.yaml', 'infra/a/b.yaml'],
      ['x?z.yaml', 'xyz.yaml'],
      ['*test*', 'mytestfile'],
      ['**', 'any/thing'],
      ['a*b*c', 'aXbYc'],
      ['{a,b}/**', 'b/c'],
    ];
    const no: Array<[string, string]> = [
      ['sandbox/**', 'sandboxes/x'],
      ['a/**/b', 'a/b/c'],
      ['x?z.yaml', 'x/z.yaml'],
      ['infra/*/x.json', 'infra/p/q/x.json'],
      ['a*b*c', 'a/b/c'],
      ['*.yaml', 'x.yml'],
      ['{a,b}/**', 'c/a'],
    ];
    for (const [glob, file] of yes) expect(matchesAny(file, [glob]), `${glob} ~ ${file}`).toBe(true);
    for (const [glob, file] of no) expect(matchesAny(file, [glob]), `${glob} !~ ${file}`).toBe(false);
  });
});

describe('template text in the output', () => {
  // ESC starts terminal sequences, U+202E reverses what follows, U+0085 is a C1 line break.
  const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('cannot drive a terminal or a log through compact or github output', () => {
    const m = machine();
    const name = 'evil\u001b[31m\u202e.yaml';
    // YAML escapes in a double-quoted key: ESC, BEL, RIGHT-TO-LEFT OVERRIDE, NEXT LINE.
    put(m, name, OPEN_SSH.replace('Bastion:', String.raw`"Bas\e]0;pwned\ation\u202e\N":`));
    for (const format of ['compact', 'github']) {
      const run = checked(m, cli([name, '-f', format], m.repo), [1]);
      expect(run.stdout).toMatch(/Bas\\u001b\]0;pwned\\u0007tion\\u202e\\u0085/);
      expect(run.stdout).toContain('evil\\u001b[31m\\u202e.yaml');
      expect(run.stdout.replace(/\n/g, '')).not.toMatch(CONTROL);
    }
  });

  it('cannot mention, reference or link anything from the Markdown summary', () => {
    const m = machine();
    const name = '@octocat #12 www.evil.example GH-7.yaml';
    put(m, name, OPEN_SSH);
    const run = checked(m, cli([name, '-f', 'markdown'], m.repo), [1]);
    const cells = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('| ') && l.includes('octocat'))
      .join('\n');
    expect(cells).toContain('\u200d');
    expect(cells).not.toMatch(/@[A-Za-z0-9]|#\d|\bwww\.|GH-\d/i);

    const finding: Finding = {
      ruleId: 'r',
      level: 'error',
      pillar: 'security',
      file: path.join(m.repo, 'a.yaml'),
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 },
      kind: 'fail',
      logicalId: 'L',
      message: 'Ask @octocat or @org/team about #123, owner/repo#45, see https://evil.example/x and http://a.b and www.c.d, mail a@b.example.',
    };
    const result: LintResult = { cwd: m.repo, files: [], findings: [finding], rules: [], failures: [] };
    const row = jobSummary(result, { root: m.repo })
      .split('\n')
      .find((l) => l.includes('octocat'))!;
    expect(row).not.toMatch(/@[A-Za-z0-9]|#\d|https?:\/\/|\bwww\./i);
    // Read back without the joiners, the text is the template's.
    expect(row.replace(/\u200d/g, '')).toContain(
      'Ask @octocat or @org/team about #123, owner/repo#45, see https://evil.example/x and http://a.b and www.c.d, mail a@b.example.',
    );
  });
});
