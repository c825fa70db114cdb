// Untrusted templates cannot make value evaluation or message text unbounded: each hostile template below used to
// overflow the stack, run for minutes or exhaust memory. Each run must end well within its budget with a valid
// report, the other rules on the same file must still report, and a plain file beside it must keep its findings.
import { describe, expect, it } from 'vitest';
import { cli, expectBounded, expectNoSecret, machine, put, type Machine } from './harness.ts';

const BUDGET_MS = 10_000;

interface JsonFinding {
  ruleId: string;
  level: string;
  message: string;
  file: string;
  logicalId?: string;
  kind: string;
}

const ALLOWED = (name: string, values: string[], def = 'v0') =>
  `  ${name}:\n    Type: String\n    Default: ${def}\n    AllowedValues: [${values.join(', ')}]\n`;
const VALUES = Array.from({ length: 24 }, (_, i) => `v${i}`);

/** A security group whose SSH ingress CIDR is `cidr` (a YAML value): the SSH rule reads it; the tags rule does not. */
const sshGroup = (id: string, cidr: string) =>
  `  ${id}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: g\n      VpcId: vpc-0a1b2c3d4e5f60718\n      SecurityGroupIngress:\n` +
  `        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: ${cidr}\n`;

/** Nested Fn::If over conditions that each compare two 24-valued parameters (576 combinations each). */
function nestedIfOverParameterPairs(levels = 5): string {
  let params = '';
  for (let i = 0; i < 2 * levels; i++) params += ALLOWED(`P${i}`, ['0.0.0.0/0', ...VALUES]);
  let conditions = '';
  for (let i = 0; i < levels; i++) conditions += `  C${i}: !Equals [!Ref P${2 * i}, !Ref P${2 * i + 1}]\n`;
  let value = 'x';
  for (let i = 0; i < levels; i++) value = `!If [C${i}, ${value}, 0.0.0.0/0]`;
  return `Parameters:\n${params}Conditions:\n${conditions}Resources:\n${sshGroup('Group', value)}`;
}

/** Mappings whose entries look up the next mapping with a key that is not known (24 entries per level). */
function mappingChain(levels = 6): string {
  let maps = '';
  for (let m = 0; m < levels; m++) {
    maps += `  M${m}:\n`;
    for (let t = 0; t < 24; t++) maps += `    k${t}: {s: ${m + 1 < levels ? `!FindInMap [M${m + 1}, !Ref AWS::Region, s]` : `v${t}`}}\n`;
  }
  return maps;
}

/** Conditions that each read the one before through an Fn::If, over 30 parameters with 24 values each. */
function chainedConditions(levels = 30): { parameters: string; conditions: string; value: string } {
  let parameters = '';
  for (let i = 0; i < levels; i++) parameters += ALLOWED(`P${i}`, VALUES);
  let conditions = '';
  for (let i = 0; i < levels; i++) conditions += `  C${i}: !Equals [!Ref P${i}, ${i ? `!If [C${i - 1}, v1, v2]` : 'v1'}]\n`;
  let value = 'x';
  for (let i = 0; i < levels; i++) value = `!If [C${i}, !Ref P${i}, ${value}]`;
  return { parameters, conditions, value };
}

/** Runs the CLI on the whole repository with a plain template beside the hostile ones. */
function lint(m: Machine, args: string[] = []): { findings: JsonFinding[]; run: ReturnType<typeof cli> } {
  put(m, 'plain.yaml', `Resources:\n${sshGroup('Plain', '0.0.0.0/0')}`);
  // The tag rule is the other rule that must keep reporting on a costly file; it needs its tags configured.
  put(m, '.pillars-lint.yaml', 'rules:\n  cfn-resource-required-tags: [warning, { requiredTags: [Owner, Environment, Project] }]\n');
  const run = cli(['.', '-f', 'json', '--report-unknown', ...args], m.repo, { budgetMs: BUDGET_MS });
  expectBounded(run, [1]);
  expectNoSecret(m, run.stdout, run.stderr);
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { files: Array<{ path: string; status: string }>; findings: JsonFinding[] };
  for (const file of report.files) expect(file.status, file.path).toBe('linted');
  const findings = report.findings;
  // The plain file is unaffected.
  expect(findings.some((f) => f.file === 'plain.yaml' && f.ruleId === 'ec2-sg-ssh-restricted' && f.kind === 'fail')).toBe(true);
  return { findings, run };
}

const of = (findings: JsonFinding[], file: string, ruleId: string) => findings.filter((f) => f.file === file && f.ruleId === ruleId);

describe('bounded evaluation', () => {
  it('nested Fn::If over conditions with hundreds of outcomes (a stack overflow before) still finds the open CIDR', () => {
    const m = machine();
    put(m, 'if-pairs.yaml', nestedIfOverParameterPairs());
    const { findings } = lint(m);
    expect(of(findings, 'if-pairs.yaml', 'ec2-sg-ssh-restricted').some((f) => f.kind === 'fail')).toBe(true);
    expect(of(findings, 'if-pairs.yaml', 'cfn-resource-required-tags')).toHaveLength(1);
  });

  it('mappings that fan out into each other (hours before) end as an unknown value, and the other rules still run', () => {
    const m = machine();
    put(m, 'map-chain.yaml', `Mappings:\n${mappingChain()}Resources:\n${sshGroup('Group', '!FindInMap [M0, !Ref AWS::Region, s]')}`);
    const { findings, run } = lint(m);
    expect(run.ms).toBeLessThan(BUDGET_MS);
    const ssh = of(findings, 'map-chain.yaml', 'ec2-sg-ssh-restricted');
    expect(ssh.map((f) => f.kind)).toEqual(['review']);
    expect(ssh[0]!.message).toMatch(/\((too complex to evaluate|too many combinations of parameters and conditions)\)/);
    expect(of(findings, 'map-chain.yaml', 'cfn-resource-required-tags')).toHaveLength(1);
  });

  it('a value over its work budget is a review item "too complex to evaluate", never an error', () => {
    const m = machine();
    const { parameters, conditions, value } = chainedConditions();
    put(m, 'conditions.yaml', `Parameters:\n${parameters}Conditions:\n${conditions}Resources:\n${sshGroup('Group', value)}`);
    const { findings } = lint(m);
    const ssh = of(findings, 'conditions.yaml', 'ec2-sg-ssh-restricted');
    expect(ssh).toHaveLength(1);
    expect(ssh[0]).toMatchObject({ kind: 'review', level: 'note' });
    expect(ssh[0]!.message).toContain('(too complex to evaluate)');
    expect(of(findings, 'conditions.yaml', 'cfn-resource-required-tags')).toHaveLength(1);
    // Without --report-unknown the value is simply not judged.
    const quiet = cli(['conditions.yaml', '-f', 'json'], m.repo, { budgetMs: BUDGET_MS });
    expectBounded(quiet, [0]);
    expect(JSON.parse(quiet.stdout).findings.map((f: JsonFinding) => f.ruleId)).toEqual(['cfn-resource-required-tags']);
  });

  it('a template full of costly values is bounded by its own budget', () => {
    const m = machine();
    const { parameters, conditions, value } = chainedConditions();
    let resources = '';
    for (let i = 0; i < 100; i++) resources += sshGroup(`Group${i}`, value);
    put(m, 'many.yaml', `Parameters:\n${parameters}Conditions:\n${conditions}Resources:\n${resources}`);
    let maps = '';
    for (let i = 0; i < 100; i++) maps += sshGroup(`Group${i}`, '!FindInMap [M0, !Ref AWS::Region, s]');
    put(m, 'many-maps.yaml', `Mappings:\n${mappingChain()}Resources:\n${maps}`);
    const { findings } = lint(m);
    for (const file of ['many.yaml', 'many-maps.yaml']) {
      expect(of(findings, file, 'ec2-sg-ssh-restricted')).toHaveLength(100);
      expect(of(findings, file, 'cfn-resource-required-tags')).toHaveLength(100);
    }
  });

  it('a world-open CIDR beside a branch that spends the whole budget is still reported', () => {
    const m = machine();
    const costly = '!Join ["", [!FindInMap [M0, !Ref AWS::Region, s], !FindInMap [M0, !Ref AWS::Region, s]]]';
    put(
      m,
      'evasion.yaml',
      `Parameters:\n  Open:\n    Type: String\n    Default: 0.0.0.0/0\nConditions:\n  C: !Equals [!Ref AWS::Region, us-east-1]\n` +
        `Mappings:\n${mappingChain()}Resources:\n${sshGroup('ByRef', `!If [C, ${costly}, !Ref Open]`)}${sshGroup('ByText', `!If [C, ${costly}, 0.0.0.0/0]`)}`,
    );
    const { findings } = lint(m);
    for (const id of ['ByRef', 'ByText']) {
      const ssh = of(findings, 'evasion.yaml', 'ec2-sg-ssh-restricted').filter((f) => f.logicalId === id);
      expect(ssh.find((f) => f.kind === 'fail')?.message, id).toMatch(/allows SSH \(port 22\) from 0\.0\.0\.0\/0 \(when condition C is false/);
      expect(ssh.find((f) => f.kind === 'review')?.message, id).toContain('too complex to evaluate');
    }
  });

  it('conditions chained through deeply nested intrinsics (a stack overflow before) share one depth limit', () => {
    const m = machine();
    let conditions = '';
    for (let i = 0; i < 200; i++) {
      let inner = i + 1 < 200 ? `{"Fn::If": [C${i + 1}, a, b]}` : 'a';
      for (let k = 0; k < 60; k++) inner = `{"Fn::Select": [0, [${inner}]]}`;
      conditions += `  C${i}: {"Fn::Equals": [${inner}, a]}\n`;
    }
    put(m, 'deep-conditions.yaml', `Conditions:\n${conditions}Resources:\n${sshGroup('Group', '!If [C0, 0.0.0.0/0, 10.0.0.0/8]')}`);
    const { findings } = lint(m);
    expect(of(findings, 'deep-conditions.yaml', 'ec2-sg-ssh-restricted').length).toBeGreaterThan(0);
    expect(of(findings, 'deep-conditions.yaml', 'cfn-resource-required-tags')).toHaveLength(1);
  });

  it('Fn::Join and Fn::Sub over 200,000 parts (a stack overflow before), and over a forked part, end in time', () => {
    const m = machine();
    const items = Array.from({ length: 200_000 }, () => 'a').join(',');
    put(
      m,
      'wide.yaml',
      `Conditions:\n  C: !Equals [!Ref AWS::Region, us-east-1]\nResources:\n` +
        sshGroup('Joined', `{"Fn::Join": ["", [${items}]]}`) +
        sshGroup('Forked', `{"Fn::Join": ["", [{"Fn::If": ["C", "x", "y"]}, ${items}]]}`) +
        sshGroup('Substituted', `{"Fn::Sub": "${'${AWS::Region}'.repeat(200_000)}"}`),
    );
    const { findings } = lint(m);
    expect(of(findings, 'wide.yaml', 'cfn-resource-required-tags')).toHaveLength(3);
    const reviews = of(findings, 'wide.yaml', 'ec2-sg-ssh-restricted').filter((f) => f.kind === 'review');
    expect(reviews.map((f) => f.logicalId).sort()).toEqual(['Forked', 'Substituted']);
  });
});

describe('bounded output of values', () => {
  it('a 4 MB Default named by 200 findings is quoted clipped, in every format', () => {
    const m = machine();
    const big = 'A'.repeat(4 * 1024 * 1024);
    let resources = '';
    for (let i = 0; i < 200; i++) resources += sshGroup(`Group${i}`, '!If [Open, 0.0.0.0/0, !Ref Big]');
    put(
      m,
      'big.yaml',
      `Parameters:\n  Big:\n    Type: String\n    Default: "${big}"\nConditions:\n  Open: !Not [!Equals [!Ref Big, ""]]\nResources:\n${resources}`,
    );
    const { findings } = lint(m);
    const ssh = of(findings, 'big.yaml', 'ec2-sg-ssh-restricted');
    expect(ssh).toHaveLength(200);
    for (const f of ssh) {
      expect(f.message).toMatch(/^The security group Group\d+ allows SSH \(port 22\) from 0\.0\.0\.0\/0 \(with parameter Big default "A{199}…"\)\.$/);
    }
    for (const format of ['sarif', 'stylish', 'github', 'markdown', 'compact']) {
      const run = cli(['big.yaml', '-f', format], m.repo, { budgetMs: BUDGET_MS });
      expectBounded(run, [1]);
      expect(run.stdout.length, format).toBeLessThan(2 * 1024 * 1024);
      expect(run.stdout, format).toContain('A…');
    }
  });

  it('a mapping or a list in a message is short JSON, never [object Object]', () => {
    const m = machine();
    const long = `{Nested: [${Array.from({ length: 2000 }, (_, i) => `"item${i}"`).join(', ')}]}`;
    put(
      m,
      'objects.yaml',
      `Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      MultiAZ: {Nested: [1, 2]}\n` +
        `  Vol:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: a\n      Encrypted: ${long}\n` +
        `  Ingress:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupName: {Nested: x}\n      IpProtocol: tcp\n` +
        `      FromPort: 22\n      ToPort: 22\n      CidrIp: 0.0.0.0/0\n`,
    );
    const { findings, run } = lint(m);
    expect(run.stdout).not.toContain('[object Object]');
    const message = (ruleId: string) => of(findings, 'objects.yaml', ruleId).find((f) => f.kind === 'fail')?.message;
    expect(message('rds-multi-az-enabled')).toContain('MultiAZ is {"Nested":[1,2]}.');
    expect(message('ec2-sg-ssh-restricted')).toContain('of security group {"Nested":"x"} to 0.0.0.0/0');
    const encrypted = message('ebs-volume-encrypted')!;
    expect(encrypted).toMatch(/Encrypted is \{"Nested":\["item0","item1",.*…\.$/);
    expect(encrypted.length).toBeLessThan(300);
  });
});
