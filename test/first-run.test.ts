// What a new user meets on a real repository: valid templates are linted, broken ones give one located error.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/parse/index.ts';
import { ResolvedConfig } from '../src/config/config.ts';
import { lint, lintFile } from '../src/engine/lint.ts';
import { rules } from '../rules/index.ts';
import { lintFixture, lintText, render, ROOT } from './helpers.ts';
import { action, cli, machine, put } from './untrusted/harness.ts';

const requiredTagsRule = rules.find((r) => r.id === 'cfn-resource-required-tags')!;

const fixture = (name: string) => path.join(ROOT, 'fixtures/first-run', name);

describe('JSON-looking YAML', () => {
  it('is parsed as YAML when strict JSON fails, with exact positions', () => {
    const doc = parseDocument(readFileSync(fixture('prettier-installer.template'), 'utf8'));
    expect(doc.diagnostics).toEqual([]);
    expect(doc.format).toBe('yaml');
    expect(doc.value).toMatchObject({ Resources: { BuildCache: { Properties: { Encrypted: false } } } });
  });

  it('is linted like any template: its findings, no parse error', () => {
    const findings = lintFixture(fixture('prettier-installer.template'), rules).map(render);
    expect(findings.filter((f) => f.includes('template-parse-error'))).toEqual([]);
    expect(findings).toContain('18:20 error ebs-volume-encrypted BuildCache: EBS volume BuildCache is not encrypted: Encrypted is false.');
  });

  it('keeps the JSON error for comments, which YAML would read as text', () => {
    const doc = parseDocument('{\n  // note\n  "Resources": {}\n}\n');
    expect(doc.format).toBe('json');
    expect(doc.diagnostics[0]).toMatchObject({ code: 'JSON_COMMENT', fatal: true });
  });

  it('keeps strict JSON for valid JSON', () => {
    expect(parseDocument('{"Resources": {"A": {"Type": "AWS::SNS::Topic"}}}').format).toBe('json');
  });
});

describe('a broken file', () => {
  it('gives exactly one parse error, at the first problem', () => {
    const findings = lintFixture(fixture('broken-string.json'), rules);
    expect(findings.map(render)).toEqual([expect.stringMatching(/^7:22 error template-parse-error -: /)]);
  });
});

describe('the tag rule', () => {
  const requiredTags = new Map([['cfn-resource-required-tags', { requiredTags: ['Owner', 'CostCenter'] }]]);
  const untagged = 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n';

  it('reports nothing until requiredTags is configured', () => {
    expect(lintText(untagged, [requiredTagsRule])).toEqual([]);
    expect(lintText(untagged, [requiredTagsRule], { ruleOptions: requiredTags }).map(render)).toEqual([
      '2:3 warning cfn-resource-required-tags Topic: AWS::SNS::Topic Topic lacks the required tags Owner and CostCenter.',
    ]);
  });

  it('counts a CDK stack’s own tags (manifest tags) as present on its resources', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-cdk-tags-'));
    cpSync(path.join(ROOT, 'fixtures/cdk/deliberate-problems/cdk.out'), dir, { recursive: true });
    const run = async () => {
      const config = new ResolvedConfig(rules, { rules: { 'cfn-resource-required-tags': ['warning', { requiredTags: ['Owner', 'CostCenter'] }] } });
      const result = await lint({ paths: [dir], cwd: dir, config, ids: ['cfn-resource-required-tags'] });
      return result.findings.filter((f) => f.ruleId === 'cfn-resource-required-tags').map((f) => f.message);
    };
    const before = await run();
    expect(before.some((m) => m.includes('Owner and CostCenter'))).toBe(true);

    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.artifacts.ProblemStack.properties.tags = { Owner: 'team-payments' };
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const after = await run();
    expect(after.length).toBe(before.length);
    expect(after.every((m) => !m.includes('Owner'))).toBe(true);
    expect(after.every((m) => m.includes('CostCenter'))).toBe(true);
  });
});

describe('root volumes', () => {
  const ebs = rules.find((r) => r.id === 'ebs-volume-encrypted')!;
  const instance = 'Resources:\n  Server:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n';

  it('an instance without BlockDeviceMappings has an unencrypted root volume', () => {
    expect(lintText(instance, [ebs]).map(render)).toEqual([
      expect.stringMatching(/^4:5 error ebs-volume-encrypted Server: The root volume of Server is not set to be encrypted/),
    ]);
  });

  it('assumeAccountDefaultEncryption turns it off, as it does for mappings without Encrypted', () => {
    const ruleOptions = new Map([['ebs-volume-encrypted', { assumeAccountDefaultEncryption: true }]]);
    expect(lintText(instance, [ebs], { ruleOptions })).toEqual([]);
  });
});

describe('Fn::ForEach', () => {
  const file = fixture('foreach.yaml');

  it('expands loops over literals and parameter defaults, nested loops too, with ids and values filled in', () => {
    const findings = lintFixture(file, rules)
      .filter((f) => ['ec2-sg-ssh-restricted', 'ebs-volume-encrypted'].includes(f.ruleId))
      .map(render);
    expect(findings).toEqual([
      '22:15 error ec2-sg-ssh-restricted AdminSg22: The security group AdminSg22 allows SSH (port 22) from 0.0.0.0/0.',
      '36:22 error ebs-volume-encrypted Dataa: EBS volume Dataa is not encrypted: Encrypted is false.',
      '36:22 error ebs-volume-encrypted Datab: EBS volume Datab is not encrypted: Encrypted is false.',
      // `!Ref Env` in the body is the item, so the mapping lookup is decided: only the dev volumes are unencrypted.
      '46:93 error ebs-volume-encrypted Scratchdevweb: EBS volume Scratchdevweb is not encrypted: Encrypted is false.',
      '46:93 error ebs-volume-encrypted Scratchdevdb: EBS volume Scratchdevdb is not encrypted: Encrypted is false.',
    ]);
  });

  it('lists a loop whose collection is unknown, and under --report-unknown makes it a review item', () => {
    const plain = lintFile(file, readFileSync(file), true, rules, {});
    expect(plain.report.unexpandedLoops).toEqual([{ name: 'TeamBuckets', reason: 'its collection, parameter Teams, has no Default' }]);
    expect(plain.findings.filter((f) => f.ruleId === 'foreach-not-expanded')).toEqual([]);
    const review = lintFile(file, readFileSync(file), true, rules, { reportUnknown: true }).findings.filter((f) => f.ruleId === 'foreach-not-expanded');
    expect(review.map(render)).toEqual([
      '48:5 note foreach-not-expanded -: The resources of loop TeamBuckets are not linted: its collection, parameter Teams, has no Default.',
    ]);
    expect(review[0]!.kind).toBe('review');
    // Given a value, it is expanded.
    const given = lintFile(file, readFileSync(file), true, rules, { parameters: { Teams: 'red,blue' } });
    expect(given.report.unexpandedLoops).toBeUndefined();
  });
});

describe('alternatives', () => {
  const generation = rules.find((r) => r.id === 'ec2-instance-type-current-generation')!;
  const findings = () => lintFixture(fixture('region-map.yaml'), [generation]).map(render);

  it('a value that fails for every key of a mapping keeps the rule level', () => {
    expect(findings().filter((f) => f.includes(' EveryRegion:'))).toEqual([
      expect.stringMatching(/^16:21 warning ec2-instance-type-current-generation EveryRegion: .*m3\.medium.*\(for every key of RegionMap\)\.$/),
    ]);
  });

  it('a value that fails for some keys only is a note naming them once', () => {
    expect(findings().filter((f) => f.includes(' SomeRegions:'))).toEqual([
      expect.stringMatching(/^21:21 note .* SomeRegions: .*\(when the RegionMap key is "us-east-1"\)\.$/),
    ]);
  });

  it('repeated alternatives of one parameter collapse into one clause', () => {
    expect(findings().filter((f) => f.includes(' ByParameter:'))).toEqual([
      expect.stringMatching(/ByParameter: .*\(when parameter DbClass is "r4\.xlarge", "r4\.2xlarge" or "r4\.4xlarge"\)\.$/),
    ]);
  });
});

describe('what a scan counts as a template', () => {
  const appspec = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: arn\n';

  it('skips a CodeDeploy appspec.yml (Resources as a list) found by a scan; named, it is an error', () => {
    const m = machine();
    put(m, 'deploy/appspec.yml', appspec);
    put(m, 'infra/app.yaml', 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n');
    const scan = cli(['.', '-f', 'json'], m.repo);
    expect(scan.code).toBe(0);
    expect(JSON.parse(scan.stdout).files).toContainEqual({
      path: 'deploy/appspec.yml',
      status: 'skipped',
      skipReason: 'not a CloudFormation template: its Resources is not a mapping of resources',
    });
    const named = cli(['deploy/appspec.yml', '-f', 'json'], m.repo);
    expect(named.code).toBe(1);
    expect(JSON.parse(named.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['template-parse-error']);
  });

  it('leaves out hidden folders: .aws-sam build output is not linted twice', () => {
    const m = machine();
    const sam =
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {Runtime: python3.12, Handler: a.b, CodeUri: .}\n';
    put(m, 'template.yaml', sam);
    put(m, '.aws-sam/build/template.yaml', sam);
    const scan = JSON.parse(cli(['.', '-f', 'json'], m.repo).stdout);
    expect(scan.files.map((f: { path: string }) => f.path)).toEqual(['template.yaml']);
  });
});

describe('linting nothing', () => {
  it('is a usage error, in the CLI and in the Action', () => {
    const m = machine();
    mkdirSync(path.join(m.repo, 'empty'));
    put(m, 'docs/settings.yaml', 'name: not a template\n');
    const empty = cli(['empty'], m.repo);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('pillars-lint: no CloudFormation templates found in "empty"\n');
    const docs = cli(['docs'], m.repo);
    expect(docs.code).toBe(2);
    expect(docs.stderr).toBe(
      'pillars-lint: no CloudFormation templates found in "docs" (1 file skipped: not a CloudFormation template: no Resources section and no AWSTemplateFormatVersion)\n',
    );
    const run = action(m.repo, { path: 'docs' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::pillars-lint: no CloudFormation templates found in "docs"');
    expect(run.sarif).toBeUndefined();
  });
});

describe('the summary', () => {
  it('counts parse errors and other template problems apart from the six pillars', () => {
    const m = machine();
    put(m, 'broken.json', readFileSync(fixture('broken-string.json'), 'utf8'));
    const run = cli(['broken.json'], m.repo);
    expect(run.code).toBe(1);
    const table = run.stdout
      .split('\n')
      .filter((l) => /^ {2}[a-z]/.test(l))
      .map((l) => l.trim().split(/ {2,}/));
    expect(table).toContainEqual(['operational-excellence', '0', '0', '0']);
    expect(table).toContainEqual(['template problems', '1', '0', '0']);
    const doc = JSON.parse(cli(['broken.json', '-f', 'json'], m.repo).stdout);
    expect(doc.summary.template).toEqual({ errors: 1, warnings: 0, notes: 0 });
    expect(doc.summary.byPillar['operational-excellence']).toEqual({ errors: 0, warnings: 0, notes: 0 });
    expect(cli(['broken.json', '-f', 'markdown'], m.repo).stdout).toContain('| _template problems_ | 1 | 0 | 0 |');
  });
});

describe('most important first', () => {
  it('an admin-access IAM error comes before seven unencrypted volumes, in annotations and the text report', () => {
    const m = machine();
    const volumes = Array.from(
      { length: 7 },
      (_, i) => `  Volume${i}:\n    Type: AWS::EC2::Volume\n    Properties: {AvailabilityZone: a, Size: 1, VolumeType: gp3, Encrypted: false}\n`,
    ).join('');
    put(m, 'a-storage.yaml', `Resources:\n${volumes}`);
    put(
      m,
      'b-iam.yaml',
      'Resources:\n  Admin:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: all\n      PolicyDocument:\n        Statement: [{Effect: Allow, Action: "*", Resource: "*"}]\n',
    );
    const rules = ['--rule', 'ebs-volume-encrypted', '--rule', 'iam-policy-no-statements-with-admin-access'];
    const annotations = cli(['.', '-f', 'github', ...rules], m.repo)
      .stdout.split('\n')
      .filter((l) => l.startsWith('::error'));
    expect(annotations[0]).toContain('title=iam-policy-no-statements-with-admin-access');
    const text = cli(['.', ...rules], m.repo).stdout;
    expect(text.indexOf('b-iam.yaml')).toBeLessThan(text.indexOf('a-storage.yaml'));
  });
});

describe('the qualifier names what the failing value rests on', () => {
  it('not what the resource’s own existence rests on (its Condition over a parameter default)', () => {
    const text = [
      'Parameters:',
      '  BackupDays: {Type: String, Default: "30"}',
      '  Size: {Type: String, Default: "db.m5.large"}',
      'Conditions:',
      '  HasBackup: !Not [!Equals [!Ref BackupDays, "0"]]',
      'Resources:',
      '  BackupVolume:',
      '    Type: AWS::EC2::Volume',
      '    Condition: HasBackup',
      '    Properties: {AvailabilityZone: a, Size: 1, VolumeType: gp3, Encrypted: false}',
      '  Db:',
      '    Type: AWS::RDS::DBInstance',
      '    Condition: HasBackup',
      '    Properties: {DBInstanceClass: !Ref Size, Engine: mysql, MultiAZ: !If [HasBackup, false, true]}',
    ].join('\n');
    const ebs = rules.find((r) => r.id === 'ebs-volume-encrypted')!;
    expect(lintText(text, [ebs]).map((f) => f.message)).toEqual(['EBS volume BackupVolume is not encrypted: Encrypted is false.']);
    const multiAz = rules.find((r) => r.id === 'rds-multi-az-enabled')!;
    expect(lintText(text, [multiAz]).map((f) => f.message)).toEqual([expect.not.stringMatching(/BackupDays|HasBackup/)]);
  });
});

describe('CDK findings land where code scanning can show them', () => {
  function cdkRepo() {
    const m = machine();
    cpSync(path.join(ROOT, 'fixtures/cdk/deliberate-problems/cdk.out'), path.join(m.repo, 'cdk.out'), { recursive: true });
    const metadata = path.join(m.repo, 'cdk.out/ProblemStack.metadata.json');
    // As if the app had been synthesized in this checkout: its creation stacks point into the repository.
    writeFileSync(metadata, readFileSync(metadata, 'utf8').split('/home/dev/cdk-app/').join(`${m.repo}/`));
    put(m, 'apps/problems.js', '// the CDK app\n');
    return m;
  }
  const rule = ['--rule', 'rds-multi-az-enabled'];

  it('SARIF and annotations point at the app line that creates the resource, the template a related location', () => {
    const m = cdkRepo();
    const log = JSON.parse(cli(['cdk.out', '-f', 'sarif', ...rule], m.repo).stdout);
    const [result] = log.runs[0].results;
    expect(result.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'apps/problems.js' }, region: { startLine: 48, startColumn: 5 } });
    expect(result.relatedLocations[0]).toMatchObject({
      physicalLocation: { artifactLocation: { uri: 'cdk.out/ProblemStack.template.json' } },
      message: { text: 'The resource in the synthesized template' },
    });
    expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toBe('ProblemStack/Db/Resource');
    expect(cli(['cdk.out', '-f', 'github', ...rule], m.repo).stdout).toMatch(/^::error file=apps\/problems\.js,line=48,col=5,title=rds-multi-az-enabled/m);
    // The text report keeps both: the template with its code frame, and the app's line under it.
    const text = cli(['cdk.out', ...rule], m.repo).stdout;
    expect(text).toContain('cdk.out/ProblemStack.template.json');
    expect(text).toContain('↳ Where the CDK app creates this resource: apps/problems.js:48:5');
  });

  it('--cdk-location template keeps them on the template, and a baseline matches either way', () => {
    const m = cdkRepo();
    const log = JSON.parse(cli(['cdk.out', '-f', 'sarif', '--cdk-location', 'template', ...rule], m.repo).stdout);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('cdk.out/ProblemStack.template.json');
    expect(cli(['cdk.out', '-f', 'sarif', '-o', 'base.sarif', ...rule], m.repo).code).toBe(1);
    expect(cli(['cdk.out', '--baseline', 'base.sarif', ...rule], m.repo).code).toBe(0);
    expect(cli(['cdk.out', '--cdk-location', 'nowhere'], m.repo).stderr).toBe('pillars-lint: --cdk-location must be source or template (got "nowhere")\n');
  });
});

describe('Rain templates', () => {
  it('are one finding at the first directive, not one per tag and per resource it types', () => {
    const text =
      'Resources:\n  Network:\n    Type: !Rain::Module ../modules/vpc.yml\n  Site:\n    Type: !Rain::Module ../modules/site.yml\n  Script:\n    Type: AWS::SSM::Document\n    Properties:\n      Content: !Rain::Embed script.sh\n';
    expect(
      lintText(text, rules)
        .filter((f) => f.ruleId === 'template-parse-error')
        .map(render),
    ).toEqual([
      '3:11 error template-parse-error -: Rain::Module is a Rain directive: CloudFormation cannot deploy this template until `rain pkg` expands it; the parts Rain adds are not checked.',
    ]);
  });
});
