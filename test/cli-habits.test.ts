// Habits users bring from cfn-lint, checkov and ESLint, through the built CLI as they run it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/parse/index.ts';
import { ROOT } from './helpers.ts';

const EXAMPLE = 'examples/web-stack.yaml';

function cli(args: string[], options: { input?: string; env?: Record<string, string | undefined>; cwd?: string } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: env as NodeJS.ProcessEnv,
    input: options.input ?? '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The rule ids of a json report's findings. */
function ruleIds(stdout: string): string[] {
  return (JSON.parse(stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId);
}

describe('selecting rules at the command line', () => {
  it('--skip-rule leaves a rule out without a config file', () => {
    const all = ruleIds(cli([EXAMPLE, '-f', 'json']).stdout);
    expect(all).toContain('ec2-sg-ssh-restricted');
    const r = cli([EXAMPLE, '-f', 'json', '--skip-rule', 'ec2-sg-ssh-restricted']);
    const skipped = ruleIds(r.stdout);
    expect(skipped).not.toContain('ec2-sg-ssh-restricted');
    expect(skipped.length).toBe(all.length - all.filter((id) => id === 'ec2-sg-ssh-restricted').length);
  });

  it("--rule and --skip-rule take a peer tool's check id and say which rules it meant", () => {
    const r = cli([EXAMPLE, '-f', 'json', '--rule', 'CKV_AWS_24']);
    expect(new Set(ruleIds(r.stdout))).toEqual(new Set(['ec2-sg-ssh-restricted']));
    expect(r.stderr).toContain('--rule CKV_AWS_24 (checkov) means ec2-sg-ssh-restricted');
    const skip = cli([EXAMPLE, '-f', 'json', '--skip-rule', 'W2']);
    expect(ruleIds(skip.stdout)).not.toContain('ec2-sg-ssh-restricted');
    expect(skip.stderr).toMatch(/--skip-rule W2 \(cfn_nag\) means .*ec2-sg-ssh-restricted/);
  });

  it('an unknown rule id is exit 2 with the nearest id, for --rule and --skip-rule alike', () => {
    for (const flag of ['--rule', '--skip-rule']) {
      const r = cli([EXAMPLE, flag, 'ec2-sg-ssh-restrictd']);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe('pillars-lint: unknown rule "ec2-sg-ssh-restrictd" (did you mean "ec2-sg-ssh-restricted"?)');
    }
    expect(cli([EXAMPLE, '--rule', 'CKV_AWS_2A']).stderr).toContain('did you mean "CKV_AWS_2');
  });
});

describe('options', () => {
  it('an unknown option is one line naming the nearest real one, exit 2', () => {
    const r = cli([EXAMPLE, '--paramter', 'Env=prod']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('pillars-lint: unknown option --paramter (did you mean --parameter?) (see --help)\n');
    const short = cli([EXAMPLE, '-i']);
    expect(short.code).toBe(2);
    expect(short.stderr).toBe('pillars-lint: unknown option -i (see --help)\n');
    expect(cli([EXAMPLE, '--format']).stderr).toBe('pillars-lint: --format needs a value (see --help)\n');
  });

  it('--quiet reports errors only; the exit code still follows --fail-on', () => {
    const r = cli([EXAMPLE, '-f', 'json', '--quiet']);
    const levels = (JSON.parse(r.stdout) as { findings: Array<{ level: string }> }).findings.map((f) => f.level);
    expect(levels.length).toBeGreaterThan(0);
    expect(new Set(levels)).toEqual(new Set(['error']));
    expect(cli([EXAMPLE, '--quiet']).stdout).not.toMatch(/\bwarning\s{2,}/);
    expect(r.code).toBe(1);
  });

  it('--max-warnings N fails the run when more than N warnings remain, counting warnings --quiet hides', () => {
    const args = [EXAMPLE, '--rule', 'autoscaling-elb-health-check', '--fail-on', 'error'];
    expect(cli(args).code).toBe(0);
    expect(cli([...args, '--max-warnings', '1']).code).toBe(0);
    const over = cli([...args, '--max-warnings', '0', '--quiet']);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('1 warning, more than --max-warnings 0');
    expect(cli([...args, '--max-warnings', 'many']).code).toBe(2);
  });
});

describe('standard input', () => {
  it('lints stdin as the file named by --stdin-filename', () => {
    const input = readFileSync(path.join(ROOT, EXAMPLE), 'utf8');
    const r = cli(['-', '--stdin-filename', 'infra/app.yaml', '-f', 'compact', '--rule', 'ec2-sg-ssh-restricted'], { input });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\/infra\/app\.yaml: line 34, col 11, Error - .*SSH/m);
  });

  it('a broken template on stdin is a located parse error, and a clean one exits 0', () => {
    const broken = cli(['-', '--stdin-filename', 'app.yaml', '-f', 'compact'], { input: 'Resources:\n  A: [\n' });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/\/app\.yaml: line \d+, col \d+, Error - .*template-parse-error/m);
    const clean = cli(['-'], { input: 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: alias/aws/sns\n' });
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
  });

  it('--stdin-filename without - is a usage error', () => {
    expect(cli([EXAMPLE, '--stdin-filename', 'x.yaml']).code).toBe(2);
  });
});

describe('colour', () => {
  const args = [EXAMPLE, '--rule', 'ec2-sg-ssh-restricted'];
  it('FORCE_COLOR colours a log that is not a terminal; NO_COLOR and --no-color win', () => {
    expect(cli(args).stdout).not.toContain('\x1b[');
    expect(cli(args, { env: { FORCE_COLOR: '1' } }).stdout).toContain('\x1b[');
    expect(cli(args, { env: { FORCE_COLOR: '0' } }).stdout).not.toContain('\x1b[');
    expect(cli(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\x1b[');
    expect(cli([...args, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\x1b[');
    expect(cli([...args, '--color']).stdout).toContain('\x1b[');
  });
});

describe('-f junit', () => {
  it('one testsuite per file, one testcase per rule and resource, failures with location and help link', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-junit-'));
    writeFileSync(path.join(dir, 'clean.yaml'), 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n');
    // Two open ranges on one group: one testcase with both messages; a group name with XML specials and a control.
    writeFileSync(
      path.join(dir, 'open.yaml'),
      [
        'Resources:',
        '  Sg:',
        '    Type: AWS::EC2::SecurityGroup',
        '    Properties:',
        '      GroupDescription: web',
        '      SecurityGroupIngress:',
        '        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}',
        '        - {IpProtocol: tcp, FromPort: 20, ToPort: 30, CidrIpv6: "::/0"}',
        '  Legacy:',
        '    Type: AWS::EC2::SecurityGroupIngress',
        '    Properties: {GroupName: "<a&b>\\u0001", IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}',
      ].join('\n'),
    );
    const r = cli(['.', '-f', 'junit', '--rule', 'ec2-sg-ssh-restricted'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="pillars-lint" tests="3" failures="2" errors="0">')).toBe(true);
    expect(out).toContain('<testsuite name="clean.yaml" tests="1" failures="0" errors="0">');
    expect(out).toContain('<testsuite name="open.yaml" tests="2" failures="2" errors="0">');
    expect(out).toContain('name="ec2-sg-ssh-restricted Legacy"');
    expect(out).toContain('security group &lt;a&amp;b&gt;');
    expect(out).toContain('<testcase classname="open.yaml" name="ec2-sg-ssh-restricted Sg" file="open.yaml" line="7">');
    const failure = /<failure message="([^"]*)" type="error">([^<]*)<\/failure>/.exec(out);
    expect(failure?.[2]).toMatch(
      /^open\.yaml:7:11 error .*0\.0\.0\.0\/0.*\nhelp: https:\/\/\S+\/docs\/rules\/ec2-sg-ssh-restricted\.md\n\nopen\.yaml:8:11 error .*::\/0/,
    );
    // Nothing but markup may hold < or a control character.
    expect(out.replace(/<\/?[a-z?][^<>]*>/g, '')).not.toMatch(/[<\u0000-\u0008]/);
    expect(out.match(/<testsuite /g)).toHaveLength(2);
    expect(out.match(/<\/testsuite>/g)).toHaveLength(2);
  });
});

describe('--init', () => {
  it('writes a commented starter config that loads, and never replaces one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-init-'));
    const r = cli(['--init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote .pillars-lint.yaml');
    const text = readFileSync(path.join(dir, '.pillars-lint.yaml'), 'utf8');
    expect(text).toMatch(/^\$schema: \.\/node_modules\/pillars-lint\/schemas\/pillars-lint\.schema\.json$/m);
    expect(text).toMatch(/^extends: \[recommended\]$/m);
    expect(text).toMatch(/^#\s+cfn-resource-required-tags: \[warning, \{ requiredTags: \[/m);
    // The file as written is a valid config, and so is the tag rule's line once uncommented.
    writeFileSync(path.join(dir, 'app.yaml'), readFileSync(path.join(ROOT, EXAMPLE)));
    expect(cli(['app.yaml', '-f', 'json'], { cwd: dir }).code).toBe(1);
    writeFileSync(path.join(dir, 'edited.yaml'), text.replace(/^# rules:/m, 'rules:').replace(/^#(\s+cfn-resource-required-tags)/m, '$1'));
    const edited = cli(['app.yaml', '-f', 'json', '-c', 'edited.yaml'], { cwd: dir });
    expect(edited.stderr).toBe('');
    expect(ruleIds(edited.stdout)).toContain('cfn-resource-required-tags');
    const again = cli(['--init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('pillars-lint: .pillars-lint.yaml already exists; --init does not replace it\n');
    expect(readFileSync(path.join(dir, '.pillars-lint.yaml'), 'utf8')).toBe(text);
  });
});

describe('parameter values are checked against the templates', () => {
  it('a value outside AllowedValues is a usage error listing them; an undeclared name is a warning', () => {
    const bad = cli([EXAMPLE, '--parameter', 'Env=qa']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('pillars-lint: parameter Env="qa" is not one of its AllowedValues: dev, prod (examples/web-stack.yaml)\n');
    const unknown = cli([EXAMPLE, '--parameter', 'Env=prod', '--parameter', 'Nope=1', '--rule', 'rds-multi-az-enabled']);
    expect(unknown.code).toBe(0);
    expect(unknown.stderr).toBe('pillars-lint: warning: no linted template declares parameter Nope; its value is not used\n');
  });

  it('AllowedPattern is matched against the whole value, list parameters element by element', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-params-'));
    writeFileSync(
      path.join(dir, 't.yaml'),
      [
        'Parameters:',
        '  Cidr: {Type: String, AllowedPattern: "\\\\d+\\\\.\\\\d+\\\\.\\\\d+\\\\.\\\\d+/\\\\d+"}',
        '  Zones: {Type: CommaDelimitedList, AllowedValues: [a, b, c]}',
        'Resources:',
        '  Topic: {Type: AWS::SNS::Topic}',
      ].join('\n'),
    );
    expect(cli(['t.yaml', '--parameter', 'Cidr=10.0.0.0/16', '--parameter', 'Zones=a,b'], { cwd: dir }).code).toBe(0);
    const pattern = cli(['t.yaml', '--parameter', 'Cidr=10.0.0.0/16x'], { cwd: dir });
    expect(pattern.code).toBe(2);
    expect(pattern.stderr).toContain('parameter Cidr="10.0.0.0/16x" does not match its AllowedPattern');
    expect(cli(['t.yaml', '--parameter', 'Zones=a,d'], { cwd: dir }).stderr).toContain('parameter Zones="a,d" is not one of its AllowedValues: a, b, c');
  });
});

describe('documentation', () => {
  it('docs/cli.md shows --help as it is, and every option is described there', () => {
    const help = cli(['--help']).stdout;
    const doc = readFileSync(path.join(ROOT, 'docs/cli.md'), 'utf8');
    const block = /```text\n([\s\S]*?)```/.exec(doc)![1]!;
    const options = (text: string) => [...text.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]);
    expect(options(block)).toEqual(options(help));
    for (const line of block.split('\n').filter((l) => l.trim())) expect(help).toContain(line);
  });
});

describe('pre-commit', () => {
  it('the hook passes staged files to pillars-lint, which lints the templates among them and skips the rest', () => {
    const hooks = parseDocument(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')).value as Array<Record<string, string>>;
    const hook = hooks.find((h) => h.id === 'pillars-lint')!;
    expect(hook.language).toBe('node');
    const [bin, ...args] = hook.entry!.split(' ');
    expect(bin).toBe('pillars-lint');
    const files = new RegExp(hook.files!);
    const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-hook-'));
    mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(path.join(dir, '.github/workflows/ci.yml'), 'on: push\njobs: {}\n');
    writeFileSync(path.join(dir, 'package.json'), '{"name": "infra"}\n');
    writeFileSync(path.join(dir, 'app.yaml'), readFileSync(path.join(ROOT, EXAMPLE)));
    writeFileSync(path.join(dir, 'README.md'), '# infra\n');
    const staged = ['.github/workflows/ci.yml', 'package.json', 'app.yaml', 'README.md'].filter((f) => files.test(f));
    expect(staged).toEqual(['.github/workflows/ci.yml', 'package.json', 'app.yaml']);
    const r = cli([...args, ...staged, '-f', 'compact'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('template-parse-error');
    expect(r.stdout).toContain('/app.yaml: line 34, col 11, Error');
    // A commit that stages no template passes.
    const none = cli([...args, '.github/workflows/ci.yml', 'package.json'], { cwd: dir });
    expect(none.code).toBe(0);
    expect(none.stderr).toBe('');
  });
});
