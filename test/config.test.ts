// Configuration files, in-template suppressions and baselines, through the CLI as a team uses them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

/** A scratch project: files written relative to its root, the CLI run inside it. */
function project(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
  };
  return { dir, run, write: (name: string, text: string) => writeFileSync(path.join(dir, name), text) };
}

const TEMPLATE = `Parameters:
  Stage:
    Type: String
    Default: dev
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
  Bastion:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: bastion
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 10
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      MultiAZ: !If [IsProd, true, false]
`;

// The template also trips newer rules; these tests are about the four headline rules and the built-in ones.
const HEADLINE = ['ec2-sg-ssh-restricted', 'ebs-volume-encrypted', 'rds-multi-az-enabled', 'autoscaling-elb-health-check'];
const RULE_FLAGS = HEADLINE.flatMap((id) => ['--rule', id]);
const relevant = (id: string) => HEADLINE.includes(id) || !id.includes('-') || /suppression|parse-error/.test(id);
const ids = (report: { findings: Array<{ ruleId: string }> }) =>
  report.findings
    .map((f) => f.ruleId)
    .filter(relevant)
    .sort();

describe('config file', () => {
  it('turns rules off, changes levels and applies overrides by file glob (later entries win)', () => {
    const p = project({
      'stack.yaml': TEMPLATE,
      'sandbox/stack.yaml': TEMPLATE,
      '.pillars-lint.yaml': [
        'rules:',
        '  ebs-volume-encrypted: off',
        '  rds-multi-az-enabled: warning',
        'overrides:',
        '  - files: ["sandbox/**"]',
        '    rules: { rds-multi-az-enabled: off, ec2-sg-ssh-restricted: note }',
      ].join('\n'),
    });
    const report = p.run('.', '-f', 'json').json();
    const byFile = (file: string) =>
      report.findings
        .filter((f: { file: string; ruleId: string }) => f.file === file && relevant(f.ruleId))
        .map((f: { ruleId: string; level: string }) => `${f.ruleId}:${f.level}`)
        .sort();
    expect(byFile('stack.yaml')).toEqual(['ec2-sg-ssh-restricted:error', 'rds-multi-az-enabled:warning']);
    expect(byFile('sandbox/stack.yaml')).toEqual(['ec2-sg-ssh-restricted:note']);
  });

  it('takes parameters, extends and fail-on from the config; --config names another file', () => {
    const p = project({
      'stack.yaml': TEMPLATE,
      'ci.json': JSON.stringify({ extends: ['pillar:reliability'], parameters: { Stage: 'prod' }, 'fail-on': 'none' }),
    });
    const r = p.run('stack.yaml', '-c', 'ci.json', '-f', 'json');
    expect(r.code).toBe(0);
    expect(ids(r.json())).toEqual([]); // only reliability rules, and Stage=prod makes the database Multi-AZ
    expect(p.run('stack.yaml', '-f', 'json').code).toBe(1);
  });

  it('validates rule options against the rule schema', () => {
    const p = project({ 'stack.yaml': TEMPLATE, '.pillars-lint.yaml': 'rules:\n  ebs-volume-encrypted: [error, { assumeAccountDefaultEncryption: true }]\n' });
    expect(ids(p.run('stack.yaml', '-f', 'json').json())).not.toContain('ebs-volume-encrypted');
  });

  it.each([
    [
      'rulez:\n  x: off\n',
      /^\.pillars-lint\.yaml:1:1: rulez: unknown key "rulez" \(expected one of: plugins, extends, rules, overrides, parameters, include, exclude, baseline, fail-on\)$/,
    ],
    [
      'rules:\n  rds-multi-az-enable: off\n',
      /^\.pillars-lint\.yaml:2:3: rules\.rds-multi-az-enable: unknown rule "rds-multi-az-enable" \(did you mean "rds-multi-az-enabled"\?\)$/,
    ],
    ['rules:\n  rds-multi-az-enabled: warn\n', /^\.pillars-lint\.yaml:2:25: rules\.rds-multi-az-enabled: must be one of off, error, warning, note/],
    [
      'rules:\n  ebs-volume-encrypted: [error, { assumeAccountDefaultEncryption: "yes" }]\n',
      /:2:67: rules\.ebs-volume-encrypted\.1\.assumeAccountDefaultEncryption: must be boolean$/,
    ],
    ['rules:\n  ebs-volume-encrypted: [error, { colour: red }]\n', /rules\.ebs-volume-encrypted\.1\.colour: unknown key "colour"$/],
    ['extends: strict\n', /:1:10: extends: unknown preset/],
    ['fail-on: sometimes\n', /fail-on: must be one of error, warning, note, none$/],
    ['rules: [\n', /^\.pillars-lint\.yaml:\d+:\d+: /],
  ])('rejects %j with a located one-line error and exit 2', (config, message) => {
    const p = project({ 'stack.yaml': TEMPLATE, '.pillars-lint.yaml': config });
    const r = p.run('stack.yaml');
    expect(r.code).toBe(2);
    const line = r.stderr.trim().replace(/^pillars-lint: /, '');
    expect(line).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says when the named config file does not exist', () => {
    const r = project({ 'stack.yaml': TEMPLATE }).run('stack.yaml', '-c', 'nope.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/config file not found: nope.yaml/);
  });
});

describe('suppressions', () => {
  const suppress = (metadata: string) =>
    TEMPLATE.replace('  Bastion:\n    Type: AWS::EC2::SecurityGroup\n', `  Bastion:\n    Type: AWS::EC2::SecurityGroup\n    Metadata:\n${metadata}`);

  it('removes exactly the suppressed finding, counts it, leaves it out of SARIF unless asked', () => {
    const p = project({
      'stack.yaml': suppress('      pillars-lint:\n        ignore:\n          - id: ec2-sg-ssh-restricted\n            reason: Closed by the org firewall\n'),
    });
    const report = p.run('stack.yaml', '-f', 'json').json();
    expect(ids({ findings: report.findings.filter((f: { suppressed?: unknown }) => !f.suppressed) })).toEqual(['ebs-volume-encrypted', 'rds-multi-az-enabled']);
    expect(report.findings.find((f: { ruleId: string }) => f.ruleId === 'ec2-sg-ssh-restricted').suppressed.justification).toBe('Closed by the org firewall');
    expect(p.run('stack.yaml').stdout).toMatch(/1 suppressed/);
    const sarif = p.run('stack.yaml', '-f', 'sarif').json();
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).not.toContain('ec2-sg-ssh-restricted');
    const withSuppressed = p.run('stack.yaml', '-f', 'sarif', '--include-suppressed').json();
    const result = withSuppressed.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'ec2-sg-ssh-restricted');
    expect(result.suppressions).toEqual([{ kind: 'inSource', justification: 'Closed by the org firewall' }]);
  });

  it('does not suppress without a reason, and reports the entry', () => {
    const report = project({ 'stack.yaml': suppress('      pillars-lint:\n        ignore:\n          - id: ec2-sg-ssh-restricted\n') })
      .run('stack.yaml', '-f', 'json')
      .json();
    expect(ids(report)).toEqual(['ebs-volume-encrypted', 'ec2-sg-ssh-restricted', 'invalid-suppression', 'rds-multi-az-enabled']);
    expect(report.findings.find((f: { ruleId: string }) => f.ruleId === 'invalid-suppression')).toMatchObject({ line: 13, level: 'warning' });
  });

  it('reports an entry that matches nothing as unused-suppression, located at the entry', () => {
    const report = project({
      'stack.yaml': suppress('      pillars-lint:\n        ignore:\n          - id: rds-multi-az-enabled\n            reason: not a database\n'),
    })
      .run('stack.yaml', '-f', 'json')
      .json();
    const unused = report.findings.find((f: { ruleId: string }) => f.ruleId === 'unused-suppression');
    expect(unused).toMatchObject({ line: 13, column: 13, level: 'warning' });
    expect(unused.message).toMatch(/rds-multi-az-enabled matches no finding in resource Bastion/);
  });

  it.each([
    ['cfn_nag', '      cfn_nag:\n        rules_to_suppress:\n          - id: W2\n            reason: reviewed\n'],
    ['checkov', '      checkov:\n        skip:\n          - id: CKV_AWS_24\n            comment: reviewed\n'],
  ])('honours %s entries through the peer ids', (_tool, metadata) => {
    const report = project({ 'stack.yaml': suppress(metadata) })
      .run('stack.yaml', '-f', 'json')
      .json();
    const ssh = report.findings.find((f: { ruleId: string }) => f.ruleId === 'ec2-sg-ssh-restricted');
    expect(ssh.suppressed).toMatchObject({ justification: 'reviewed' });
  });

  it('applies template-level Metadata to the whole file', () => {
    const text = `Metadata:\n  pillars-lint:\n    ignore:\n      - id: ebs-volume-encrypted\n        reason: scratch volumes only\n${TEMPLATE}`;
    const report = project({ 'stack.yaml': text }).run('stack.yaml', '-f', 'json').json();
    expect(report.findings.find((f: { ruleId: string }) => f.ruleId === 'ebs-volume-encrypted').suppressed).toBeDefined();
  });
});

describe('baseline', () => {
  it("exits 0 against the run's own SARIF, survives edits above the findings, and flags exactly a new problem", () => {
    const p = project({ 'stack.yaml': TEMPLATE });
    expect(p.run('stack.yaml', ...RULE_FLAGS, '-f', 'sarif', '-o', 'baseline.sarif').code).toBe(1);
    const again = p.run('stack.yaml', ...RULE_FLAGS, '--baseline', 'baseline.sarif');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/3 unchanged since baseline/);

    // Lines inserted above every finding, and one new unencrypted volume.
    p.write(
      'stack.yaml',
      `# a comment\n# another\n${TEMPLATE}  Scratch:\n    Type: AWS::EC2::Volume\n    Properties: {AvailabilityZone: eu-west-1a, Size: 5}\n`,
    );
    const r = p.run('stack.yaml', ...RULE_FLAGS, '--baseline', 'baseline.sarif', '-f', 'sarif');
    expect(r.code).toBe(1);
    const results = r.json().runs[0].results;
    expect(
      results
        .filter((x: { baselineState: string }) => x.baselineState === 'new')
        .map((x: { locations: Array<{ logicalLocations: Array<{ name: string }> }> }) => x.locations[0]!.logicalLocations[0]!.name),
    ).toEqual(['Scratch']);
    expect(results.filter((x: { baselineState: string }) => x.baselineState === 'unchanged')).toHaveLength(3);
  });

  it('--write-baseline writes a small baseline of what matching needs, exits 0, and every format honours it', () => {
    const p = project({ 'infra/stack.yaml': TEMPLATE });
    const w = p.run('infra', ...RULE_FLAGS, '--write-baseline', 'base.sarif');
    expect(w.code).toBe(0);
    expect(w.stdout).toBe('');
    expect(w.stderr).toBe('pillars-lint: wrote 3 findings to baseline base.sarif; runs with --baseline base.sarif report new findings only\n');
    const text = readFileSync(path.join(p.dir, 'base.sarif'), 'utf8');
    const log = JSON.parse(text);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results).toHaveLength(3);
    // Only what matching reads: no absolute paths, no rule metadata, no regions.
    expect(text).not.toContain(p.dir);
    expect(text).not.toMatch(/originalUriBaseIds|"rules"|"region"|file:\/\//);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('infra/stack.yaml');

    p.write('infra/stack.yaml', `${TEMPLATE}  Scratch:\n    Type: AWS::EC2::Volume\n    Properties: {AvailabilityZone: eu-west-1a, Size: 5}\n`);
    const json = p.run('infra', ...RULE_FLAGS, '--baseline', 'base.sarif', '-f', 'json');
    expect(json.code).toBe(1);
    const summary = json.json().summary;
    // The counts say what fails the run: the new volume; the three old findings are counted apart.
    expect({ errors: summary.errors, warnings: summary.warnings, unchanged: summary.unchanged }).toEqual({ errors: 1, warnings: 0, unchanged: 3 });
    const compact = p
      .run('infra', ...RULE_FLAGS, '--baseline', 'base.sarif', '-f', 'compact')
      .stdout.trim()
      .split('\n');
    expect(compact).toHaveLength(1);
    expect(compact[0]).toMatch(/stack\.yaml: line \d+, col \d+, Error - .*Scratch.*\(ebs-volume-encrypted\)$/);
    for (const format of ['github', 'junit', 'markdown']) {
      const out = p.run('infra', ...RULE_FLAGS, '--baseline', 'base.sarif', '-f', format).stdout;
      expect(out, format).toContain('Scratch');
      expect(out, format).not.toContain('Bastion');
    }
  });

  it("the config's baseline key applies without the flag, relative to the config, and must be a file of the project", () => {
    const p = project({ 'infra/stack.yaml': TEMPLATE, 'ops/.keep': '' });
    expect(p.run('infra', ...RULE_FLAGS, '--write-baseline', 'ops/base.sarif').code).toBe(0);
    p.write('ops/lint.yaml', 'baseline: base.sarif\n');
    const r = p.run('infra', ...RULE_FLAGS, '-c', 'ops/lint.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 unchanged since baseline/);
    p.write('ops/lint.yaml', 'baseline: ../../../../../../../../etc/hostname\n');
    const outside = p.run('infra', ...RULE_FLAGS, '-c', 'ops/lint.yaml');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^pillars-lint: the baseline .* is not a file of the project/);
  });

  it('rejects a baseline that is not SARIF', () => {
    const p = project({ 'stack.yaml': TEMPLATE, 'b.sarif': '{"hello": 1}' });
    const r = p.run('stack.yaml', '--baseline', 'b.sarif');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/baseline b.sarif is not a SARIF file/);
    expect(readFileSync(path.join(p.dir, 'b.sarif'), 'utf8')).toBe('{"hello": 1}');
  });
});

describe('config paths and problems', () => {
  const OPEN =
    'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: x\n      VpcId: vpc-1\n      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}]\n';
  const linted = (out: string) => [...new Set((JSON.parse(out) as { findings: Array<{ file: string }> }).findings.map((f) => f.file))].sort();

  it('exclude names a folder without a glob; a trailing slash is the same', () => {
    for (const exclude of ['infra/sandbox', 'infra/sandbox/']) {
      const p = project({
        '.pillars-lint.yaml': `exclude: ["${exclude}"]\n`,
        'infra/app.yaml': OPEN,
        'infra/sandbox/try.yaml': OPEN,
        'infra/sandbox/deep/more.yaml': OPEN,
        'infra/sandbox-two/keep.yaml': OPEN,
      });
      expect(linted(p.run('.', '-f', 'json').stdout)).toEqual(['infra/app.yaml', 'infra/sandbox-two/keep.yaml']);
    }
  });

  it("include, exclude and overrides' files are relative to the config file's folder", () => {
    const p = project({
      'ops/lint.yaml': [
        'include: ["../infra/**/*.yaml"]',
        'exclude: ["../infra/old"]',
        'overrides:',
        '  - files: ["../infra/dev/**"]',
        '    rules: { ec2-sg-ssh-restricted: off }',
      ].join('\n'),
      'infra/app.yaml': OPEN,
      'infra/old/app.yaml': OPEN,
      'infra/dev/app.yaml': OPEN,
      'elsewhere/app.yaml': OPEN,
    });
    const r = p.run('-c', 'ops/lint.yaml', '-f', 'json');
    expect(r.stderr).toBe('');
    expect(linted(r.stdout)).toEqual(['infra/app.yaml']);
  });

  it('every problem of a config is listed, one line each in file order, and a mistyped preset gets a did-you-mean', () => {
    const p = project({
      '.pillars-lint.yaml': 'extends: [recomended]\nrules:\n  rds-multi-az-enable: warning\n  ebs-volume-encrypt: off\n',
      'app.yaml': OPEN,
    });
    const r = p.run('app.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('pillars-lint: .pillars-lint.yaml:1:11: extends.0: unknown preset "recomended" (did you mean "recommended"?)\n');
    p.write('.pillars-lint.yaml', 'rules:\n  rds-multi-az-enable: warning\n  ebs-volume-encrypt: off\n');
    const both = p.run('app.yaml');
    expect(both.stderr.split('\n').filter(Boolean)).toEqual([
      'pillars-lint: .pillars-lint.yaml:2:3: rules.rds-multi-az-enable: unknown rule "rds-multi-az-enable" (did you mean "rds-multi-az-enabled"?)',
      'pillars-lint: .pillars-lint.yaml:3:3: rules.ebs-volume-encrypt: unknown rule "ebs-volume-encrypt" (did you mean "ebs-volume-encrypted"?)',
    ]);
  });
});

describe('the config schema, as an editor uses it', () => {
  it('lists every rule with its options, their schema and defaults', async () => {
    const { Ajv } = await import('ajv');
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/pillars-lint.schema.json'), 'utf8'));
    const { rules } = await import('../rules/index.ts');
    const listed = schema.definitions.ruleSettings.properties as Record<string, { oneOf: Array<{ items?: unknown[] }> }>;
    expect(Object.keys(listed).sort()).toEqual(rules.map((r) => r.id).sort());
    for (const rule of rules.filter((r) => r.optionsSchema)) {
      const options = listed[rule.id]!.oneOf[1]!.items![1] as { properties: unknown; default: unknown };
      expect(options.properties).toEqual((rule.optionsSchema as { properties: unknown }).properties);
      expect(options.default).toEqual(rule.defaultOptions);
    }
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate({ rules: { 'cfn-resource-required-tags': ['warning', { requiredTags: ['Owner'] }] } })).toBe(true);
    expect(validate({ rules: { 'cfn-resource-required-tags': ['warning', { requiredTag: ['Owner'] }] } })).toBe(false);
    expect(validate({ rules: { 'ebs-volume-type-gp3': ['warning', { anything: 1 }] } })).toBe(false);
    // A plugin's rule is checked by pillars-lint itself, so the schema lets it through.
    expect(validate({ rules: { 'acme/tagged': 'error' } })).toBe(true);
  });
});
