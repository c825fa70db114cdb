// CDK cloud assemblies (cdk.out): stack templates from the manifest, nested assemblies (Stages), nested stacks,
// construct paths, creation sites and CDK's own plumbing. The shipped fixture runs everywhere; the six corpus
// assemblies run when ../shared is present.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstUserFrame, isCdkPlumbingPath, readCloudAssembly } from '../src/discover/cdk.ts';
import { discoverFiles } from '../src/discover/files.ts';
import { ProjectFiles } from '../src/discover/read.ts';
import { lint } from '../src/engine/lint.ts';
import { HAS_SHARED, ROOT, SHARED, sarifValidator } from './helpers.ts';

function cli(args: string[], cwd = ROOT) {
  const env = { ...process.env, NO_COLOR: '', FORCE_COLOR: '' };
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type SarifRun = {
  artifacts: Array<{ location: { uri: string }; properties?: Record<string, unknown> }>;
  results: Array<{
    ruleId: string;
    locations: Array<{ physicalLocation: { artifactLocation: { uri: string } }; logicalLocations?: Array<{ name: string; fullyQualifiedName: string }> }>;
    relatedLocations?: Array<{
      physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn?: number } };
      message: { text: string };
    }>;
    properties?: Record<string, unknown>;
  }>;
};

function sarifRun(args: string[], cwd = ROOT): SarifRun {
  const r = cli([...args, '-f', 'sarif'], cwd);
  expect(r.stderr).toBe('');
  const log = JSON.parse(r.stdout);
  const validate = sarifValidator();
  expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return log.runs[0];
}

const FIXTURE = 'fixtures/cdk/deliberate-problems/cdk.out';
const HEADLINE = ['ec2-sg-ssh-restricted', 'ebs-volume-encrypted', 'rds-multi-az-enabled', 'autoscaling-elb-health-check'].flatMap((id) => ['--rule', id]);
// The VPC's default-security-group custom resource: its provider Lambda and role come from aws-cdk-lib.
const PLUMBING = [
  'CustomVpcRestrictDefaultSGCustomResourceProviderRole26592FE0',
  'CustomVpcRestrictDefaultSGCustomResourceProviderHandlerDC833E5E',
  'CDKMetadata',
];

describe('cdk.out (shipped fixture: deliberate-problems)', () => {
  it('reports the headline problems with construct paths in the text report', () => {
    const r = cli([FIXTURE, ...HEADLINE]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('fixtures/cdk/deliberate-problems/cdk.out/ProblemStack.template.json');
    expect(r.stdout).toMatch(
      /313:6\s+error\s+The security group AdminSg34EB5EC7 allows SSH \(port 22\) from 0\.0\.0\.0\/0\. \[ProblemStack\/AdminSg\/Resource\]\s+ec2-sg-ssh-restricted/,
    );
    expect(r.stdout).toMatch(/352:15\s+error\s+Ingress rule LegacyAllTcp opens SSH .* \[ProblemStack\/LegacyAllTcp\]/);
    expect(r.stdout).toMatch(/459:18\s+error\s+EBS volume DataVolume175940C2 is not encrypted: Encrypted is false\. \[ProblemStack\/DataVolume\/Resource\]/);
    expect(r.stdout).toMatch(/481:4\s+error\s+EBS volume ScratchVolume is not encrypted.* \[ProblemStack\/ScratchVolume\]/);
    expect(r.stdout).toMatch(/604:16\s+error\s+DB instance Db5D02A0A9 runs in a single Availability Zone: MultiAZ is false\. \[ProblemStack\/Db\/Resource\]/);
    // The Workers group has HealthCheckType EC2 but no load balancer, so the ELB health-check rule does not apply
    // (web-tier, below, has the case); the creation site in the app is shown under each finding.
    expect(r.stdout).not.toContain('autoscaling-elb-health-check');
    expect(r.stdout).toContain('↳ Where the CDK app creates this resource: /home/dev/cdk-app/apps/problems.js:22:5');
    // Only the stack template is a file of the report: manifest.json, tree.json, *.assets.json... are CDK's bookkeeping.
    expect(r.stdout).not.toMatch(/skipped/);
  });

  it('gives SARIF logicalLocations the construct path, lists only the template, and keeps creation sites outside the checkout out of relatedLocations', () => {
    const run = sarifRun([FIXTURE, ...HEADLINE]);
    expect(run.artifacts.map((a) => a.location.uri)).toEqual([`${FIXTURE}/ProblemStack.template.json`]);
    expect(run.artifacts[0]!.properties).toEqual({ cdkStack: 'ProblemStack' });
    const byRule = (id: string) => run.results.filter((x) => x.ruleId === id).map((x) => x.locations[0]!.logicalLocations![0]);
    expect(byRule('rds-multi-az-enabled')).toEqual([{ name: 'Db5D02A0A9', fullyQualifiedName: 'ProblemStack/Db/Resource', kind: 'resource' }]);
    // The bastion and the workers' launch template map no block devices: their root volumes come from the AMI, unencrypted.
    expect(byRule('ebs-volume-encrypted').map((l) => l!.fullyQualifiedName)).toEqual([
      'ProblemStack/Bastion/Resource',
      'ProblemStack/DataVolume/Resource',
      'ProblemStack/ScratchVolume',
      'ProblemStack/Workers/LaunchTemplate/Resource',
    ]);
    expect(byRule('ec2-sg-ssh-restricted').map((l) => l!.fullyQualifiedName)).toEqual([
      'ProblemStack/AdminSg/Resource',
      'ProblemStack/AdminSg/Resource',
      'ProblemStack/LegacyAllTcp',
    ]);
    // /home/dev/cdk-app is not under the working directory: GitHub rejects absolute file URIs, so only a property says it.
    const db = run.results.find((x) => x.ruleId === 'rds-multi-az-enabled')!;
    expect(db.relatedLocations).toBeUndefined();
    expect(db.properties!.related).toEqual(['Where the CDK app creates this resource: /home/dev/cdk-app/apps/problems.js:48:5']);
  });

  it('skips findings about CDK plumbing: the custom-resource provider Lambda and role, and the CDKMetadata resource', () => {
    const all = JSON.parse(cli([FIXTURE, '-f', 'json']).stdout);
    const ids = new Set(all.findings.map((f: { logicalId?: string }) => f.logicalId));
    for (const id of PLUMBING) expect(ids.has(id), id).toBe(false);
    // Named inside its assembly, the template still gets what the manifest says.
    const named = JSON.parse(cli([`${FIXTURE}/ProblemStack.template.json`, '-f', 'json']).stdout);
    expect(named.findings.some((f: { logicalId?: string }) => PLUMBING.includes(f.logicalId!))).toBe(false);
    // A copy outside the assembly has no construct paths: the provider's findings (tags) come back, except for
    // CDKMetadata, which is skipped by its type everywhere.
    const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-loose-'));
    writeFileSync(path.join(dir, 'ProblemStack.template.json'), readFileSync(path.join(ROOT, FIXTURE, 'ProblemStack.template.json')));
    writeFileSync(path.join(dir, '.pillars-lint.yaml'), 'rules:\n  cfn-resource-required-tags: [warning, { requiredTags: [Owner] }]\n');
    const loose = JSON.parse(cli(['ProblemStack.template.json', '-f', 'json'], dir).stdout);
    expect(loose.findings.some((f: { logicalId?: string }) => f.logicalId === PLUMBING[0])).toBe(true);
    expect(loose.findings.some((f: { logicalId?: string }) => f.logicalId === 'CDKMetadata')).toBe(false);
  });

  it('reads the assembly through a scan of a parent folder, a named manifest.json, or a glob, never reporting its bookkeeping files', async () => {
    const viaParent = await discoverFiles(['fixtures/cdk'], ROOT);
    expect(viaParent.map((d) => path.relative(ROOT, d.file))).toEqual([`${FIXTURE}/ProblemStack.template.json`]);
    expect(viaParent[0]!.cdk?.stack).toBe('ProblemStack');
    const viaManifest = await discoverFiles([`${FIXTURE}/manifest.json`], ROOT);
    expect(viaManifest.map((d) => path.basename(d.file))).toEqual(['ProblemStack.template.json']);
    const viaGlob = await discoverFiles([`${FIXTURE}/*.json`], ROOT);
    expect(viaGlob.map((d) => path.basename(d.file))).toEqual(['ProblemStack.template.json']);
    expect(viaGlob[0]!.cdk?.constructPaths.get('Db5D02A0A9')).toBe('ProblemStack/Db/Resource');
  });
});

/** A small assembly written by hand: inline manifest metadata (older CDK), creation stacks, a Stage, nested stacks by asset path. */
function syntheticAssembly(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-cdk-'));
  const out = path.join(dir, 'cdk.out');
  mkdirSync(path.join(out, 'assembly-Beta'), { recursive: true });
  mkdirSync(path.join(dir, 'lib'));
  writeFileSync(path.join(dir, 'lib', 'app-stack.ts'), '// the app\n');
  const json = (file: string, value: unknown) => writeFileSync(path.join(out, file), JSON.stringify(value, null, 1));
  const trace = (own: string) => [
    'new Function (/work/app/node_modules/aws-cdk-lib/aws-lambda/lib/function.js:1:1234)',
    'Module._compile (node:internal/modules/cjs/loader:1105:14)',
    '...node internals...',
    `new AppStack (${path.join(dir, own)})`,
    `Object.<anonymous> (${path.join(dir, 'bin', 'app.ts')}:9:1)`,
  ];
  const id = (logicalId: string, extra: object[] = []) => [{ type: 'aws:cdk:logicalId', data: logicalId }, ...extra];
  const fn = {
    Type: 'AWS::Lambda::Function',
    Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Role: 'arn:aws:iam::123456789012:role/x', Code: { ZipFile: 'x' } },
  };
  json('manifest.json', {
    version: '36.0.0',
    artifacts: {
      AppStack: {
        type: 'aws:cloudformation:stack',
        environment: 'aws://unknown-account/unknown-region',
        properties: { templateFile: 'AppStack.template.json' },
        metadata: {
          '/AppStack': [{ type: 'aws:cdk:templateFile', data: 'AppStack.template.json' }],
          '/AppStack/Fn/Resource': id('Fn9270CBC0', [{ type: 'aws:cdk:creationStack', data: trace('lib/app-stack.ts:12:5') }]),
          '/AppStack/Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C/Resource': id(
            'CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C81C01536',
          ),
          '/AppStack/AWS679f53fac002430cb0da5b7982bd2287/Resource': id('AWS679f53fac002430cb0da5b7982bd22872D164C4C'),
          '/AppStack/LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a/Resource': id('LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8aFD4BFC8A'),
          '/AppStack/Provider/framework-onEvent/Resource': id('ProviderframeworkonEvent83C1D0A7'),
          '/AppStack/Handlers': [{ type: 'aws:cdk:is-custom-resource-handler-singleton', data: true }],
          '/AppStack/Handlers/Resource': id('Handlers1B2C3D4E'),
          '/AppStack/CDKMetadata/Default': id('CDKMetadata'),
          '/AppStack/Network': [{ type: 'aws:cdk:templateFile', data: 'AppStackNetwork1A2B3C4D.nested.template.json' }],
          '/AppStack/Network/Data/Resource': id('Data3C2A1B0F', [{ type: 'aws:cdk:creationStack', data: trace('lib/app-stack.ts:20:7') }]),
        },
      },
      'assembly-Beta': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Beta', displayName: 'Beta' } },
      Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
    },
  });
  json('tree.json', { version: 'tree-0.1', tree: { id: 'App', path: '' } });
  json('AppStack.template.json', {
    Parameters: {
      BootstrapVersion: {
        Type: 'AWS::SSM::Parameter::Value<String>',
        Default: '/cdk-bootstrap/hnb659fds/version',
        Description: 'Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter Store. [cdk:skip]',
      },
    },
    Resources: {
      Fn9270CBC0: fn,
      CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C81C01536: fn,
      AWS679f53fac002430cb0da5b7982bd22872D164C4C: fn,
      LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8aFD4BFC8A: fn,
      ProviderframeworkonEvent83C1D0A7: fn,
      Handlers1B2C3D4E: fn,
      CDKMetadata: { Type: 'AWS::CDK::Metadata', Properties: { Analytics: 'v2:deflate64:H4sIAAAAAAAA' } },
      NetworkNestedStackResource: {
        Type: 'AWS::CloudFormation::Stack',
        Properties: {
          TemplateURL: { 'Fn::Join': ['', ['https://s3.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/cdk-assets/1a2b3c.json']] },
          Parameters: { Mode: 'strict', referencetoAppStackFnArn: { 'Fn::GetAtt': ['Fn9270CBC0', 'Arn'] } },
        },
        Metadata: {
          'aws:cdk:path': 'AppStack/Network.NestedStack/Network.NestedStackResource',
          'aws:asset:path': 'AppStackNetwork1A2B3C4D.nested.template.json',
        },
      },
    },
    Rules: {
      CheckBootstrapVersion: { Assertions: [{ Assert: { 'Fn::Not': [{ 'Fn::Contains': [['1', '2', '3', '4', '5'], { Ref: 'BootstrapVersion' }] }] } }] },
    },
  });
  // Mode is 'relaxed' unless the parent passes 'strict': the volume is encrypted only in the strict case.
  json('AppStackNetwork1A2B3C4D.nested.template.json', {
    Parameters: { Mode: { Type: 'String', Default: 'relaxed' }, referencetoAppStackFnArn: { Type: 'String' } },
    Conditions: { Strict: { 'Fn::Equals': [{ Ref: 'Mode' }, 'strict'] } },
    Resources: {
      Data3C2A1B0F: { Type: 'AWS::EC2::Volume', Properties: { AvailabilityZone: 'eu-west-1a', Size: 10, Encrypted: { 'Fn::If': ['Strict', true, false] } } },
    },
  });
  writeFileSync(
    path.join(out, 'assembly-Beta', 'manifest.json'),
    JSON.stringify({
      version: '36.0.0',
      artifacts: {
        BetaStack0A1B2C3D: { type: 'aws:cloudformation:stack', displayName: 'Beta/Stack', properties: { templateFile: 'BetaStack0A1B2C3D.template.json' } },
      },
    }),
  );
  // No manifest metadata here: construct paths come from aws:cdk:path resource metadata, as `cdk synth` writes by default.
  writeFileSync(
    path.join(out, 'assembly-Beta', 'BetaStack0A1B2C3D.template.json'),
    JSON.stringify({
      Resources: {
        Vol: {
          Type: 'AWS::EC2::Volume',
          Properties: { AvailabilityZone: 'eu-west-1a', Size: 10, Encrypted: false },
          Metadata: { 'aws:cdk:path': 'Beta/Stack/Vol/Resource' },
        },
      },
    }),
  );
  return dir;
}

describe('cdk.out (synthetic assembly)', () => {
  const rules = ['--rule', 'lambda-function-arm64-architecture', '--rule', 'ebs-volume-encrypted'];

  it('reads Stages, follows nested stacks by asset path with the parameters passed, and skips plumbing', () => {
    const dir = syntheticAssembly();
    const report = JSON.parse(cli(['cdk.out', ...rules, '-f', 'json'], dir).stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual([
      'cdk.out/AppStack.template.json',
      'cdk.out/AppStackNetwork1A2B3C4D.nested.template.json',
      'cdk.out/assembly-Beta/BetaStack0A1B2C3D.template.json',
    ]);
    const found = report.findings.map((f: { ruleId: string; logicalId: string; constructPath?: string }) => `${f.ruleId} ${f.logicalId} ${f.constructPath}`);
    // Only the app's own function; the nested volume is encrypted because the parent passes Mode: strict.
    expect(found).toEqual(['lambda-function-arm64-architecture Fn9270CBC0 AppStack/Fn/Resource', 'ebs-volume-encrypted Vol Beta/Stack/Vol/Resource']);
  });

  it("with --cdk-location template, links the first frame of the app's own code as a SARIF relatedLocation, relative to the working directory", () => {
    const dir = syntheticAssembly();
    const run = sarifRun(['cdk.out', '--cdk-location', 'template', ...rules], dir);
    const fn = run.results.find((x) => x.ruleId === 'lambda-function-arm64-architecture')!;
    expect(fn.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'lib/app-stack.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, startColumn: 5 } },
        message: { text: 'Where the CDK app creates this resource' },
      },
    ]);
    expect(fn.properties!.related).toBeUndefined();
    const nested = run.artifacts.find((a) => a.location.uri === 'cdk.out/AppStackNetwork1A2B3C4D.nested.template.json')!;
    expect(nested.properties).toEqual({
      cdkStack: 'AppStack/Network',
      nestedIn: { uri: 'cdk.out/AppStack.template.json', logicalId: 'NetworkNestedStackResource' },
    });
    expect(run.artifacts.find((a) => a.location.uri === 'cdk.out/assembly-Beta/BetaStack0A1B2C3D.template.json')!.properties).toEqual({
      cdkStack: 'Beta/Stack',
    });
  });

  it('without the parent, the nested template is linted on its own, with its Default', async () => {
    const dir = syntheticAssembly();
    const result = await lint({ paths: ['cdk.out/AppStackNetwork1A2B3C4D.nested.template.json'], cwd: dir, ids: ['ebs-volume-encrypted'] });
    expect(result.findings.map((f) => `${f.ruleId} ${f.constructPath}`)).toEqual(['ebs-volume-encrypted AppStack/Network/Data/Resource']);
  });

  it('reads the assembly model: templates, construct paths, creation frames, plumbing', () => {
    const dir = syntheticAssembly();
    const assembly = readCloudAssembly(path.join(dir, 'cdk.out'), new ProjectFiles(dir))!;
    expect(assembly.templates.map((t) => [path.basename(t.file), t.stack, t.parent && path.basename(t.parent)])).toEqual([
      ['AppStack.template.json', 'AppStack', undefined],
      ['AppStackNetwork1A2B3C4D.nested.template.json', 'AppStack/Network', 'AppStack.template.json'],
      ['BetaStack0A1B2C3D.template.json', 'Beta/Stack', undefined],
    ]);
    const [app, network] = assembly.templates;
    expect(app!.creation.get('Fn9270CBC0')).toEqual({ file: path.join(dir, 'lib', 'app-stack.ts'), line: 12, column: 5 });
    expect(network!.constructPaths.get('Data3C2A1B0F')).toBe('AppStack/Network/Data/Resource');
    expect([...app!.plumbing].sort()).toEqual([
      'AWS679f53fac002430cb0da5b7982bd22872D164C4C',
      'CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C81C01536',
      'Handlers1B2C3D4E',
      'LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8aFD4BFC8A',
      'ProviderframeworkonEvent83C1D0A7',
    ]);
  });
});

describe('creation stacks and plumbing paths', () => {
  it.each([
    [['new Stack (/app/lib/stack.ts:3:9)'], { file: '/app/lib/stack.ts', line: 3, column: 9 }],
    [['    at new Stack (/app/lib/stack.ts:3:9)'], { file: '/app/lib/stack.ts', line: 3, column: 9 }],
    [['...new Vpc2 in aws-cdk-lib...', 'Array.forEach (:)', '<anonymous> (/app/bin/app.js:75:1)'], { file: '/app/bin/app.js', line: 75, column: 1 }],
    [
      ['.../app/node_modules/aws-cdk-lib/aws-ec2/lib/vpc.js:1:291 in aws-cdk-lib...', 'Object.<anonymous> (file:///app/bin/app.mjs:4:1)'],
      { file: '/app/bin/app.mjs', line: 4, column: 1 },
    ],
    [
      ['Module._compile (node:internal/modules/cjs/loader:1105:14)', 'new Construct (/app/node_modules/constructs/lib/construct.js:9:1)', '/app/bin/app.js:2'],
      { file: '/app/bin/app.js', line: 2 },
    ],
    [['...aws-cdk-lib...', '(no user code in 10 frames, use --stack-trace-limit to capture more)'], undefined],
  ])('%j → %j', (trace, frame) => {
    expect(firstUserFrame(trace, '/elsewhere')).toEqual(frame);
  });

  it.each([
    ['App/Custom::VpcRestrictDefaultSGCustomResourceProvider/Handler', true],
    ['App/Custom::S3AutoDeleteObjectsCustomResourceProvider/Role', true],
    ['App/Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C/ServiceRole/Resource', true],
    ['App/AWS679f53fac002430cb0da5b7982bd2287/Resource', true],
    ['App/LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a/ServiceRole/DefaultPolicy/Resource', true],
    ['App/Orders/Provider/framework-onEvent/Resource', true],
    ['App/@aws-cdk--aws-eks.ClusterResourceProvider.NestedStack/Resource', true],
    ['App/Orders/Handler/Resource', false],
    ['App/Vpc/RestrictDefaultSecurityGroupCustomResource/Default', false],
    ['App/CustomerApi/Resource', false],
  ])('%s is plumbing: %s', (p, expected) => {
    expect(isCdkPlumbingPath(p)).toBe(expected);
  });
});

describe.skipIf(!HAS_SHARED)('cdk.out (the six corpus assemblies)', () => {
  const corpus = path.join(SHARED, 'corpus', 'cdk');

  it('lints every stack and nested template of every assembly, and nothing else, with construct paths on every finding', async () => {
    const result = await lint({ paths: [corpus], cwd: corpus });
    expect(result.failures).toEqual([]);
    // Files are named by their real path, and ../shared may be a link.
    const real = realpathSync(corpus);
    expect(result.files.map((f) => `${path.relative(real, f.file)} ${f.status} ${f.cdkStack}`)).toEqual([
      'deliberate-problems/cdk.out/ProblemStack.template.json linted ProblemStack',
      'ecs-fargate/cdk.out/FargateServiceStack.template.json linted FargateServiceStack',
      'nested-stacks/cdk.out/ParentStack.template.json linted ParentStack',
      'nested-stacks/cdk.out/ParentStackNetworkCCC8275D.nested.template.json linted ParentStack/Network',
      'nested-stacks/cdk.out/ParentStackDataDFC1A18A.nested.template.json linted ParentStack/Data',
      'serverless-orders/cdk.out/assembly-Prod/ProdOrdersData26A3260D.template.json linted Prod/OrdersData',
      'serverless-orders/cdk.out/assembly-Prod/ProdOrdersApi10A829A3.template.json linted Prod/OrdersApi',
      'static-site/cdk.out/StaticSiteStack.template.json linted StaticSiteStack',
      'web-tier/cdk.out/WebTierStack.template.json linted WebTierStack',
    ]);
    for (const f of result.findings) expect(f.constructPath, `${f.ruleId} ${f.logicalId}`).toMatch(/^[A-Za-z]/);
    // No finding about CDK's custom-resource providers, analytics metadata or bootstrap version.
    for (const f of result.findings) {
      expect(f.constructPath, f.ruleId).not.toMatch(/Custom::.*Provider|CDKMetadata/);
      expect(f.logicalId).not.toMatch(/BootstrapVersion/);
    }
    // The headline rules across the assemblies (the ELB health check is web-tier's: its group is behind the ALB).
    const at = (id: string) => result.findings.filter((f) => f.ruleId === id).map((f) => f.constructPath);
    expect(at('autoscaling-elb-health-check')).toEqual(['WebTierStack/AppAsg/ASG']);
    expect(at('rds-multi-az-enabled')).toEqual(expect.arrayContaining(['ProblemStack/Db/Resource']));
    expect(at('ebs-volume-encrypted')).toEqual([
      'ProblemStack/Bastion/Resource',
      'ProblemStack/DataVolume/Resource',
      'ProblemStack/ScratchVolume',
      'ProblemStack/Workers/LaunchTemplate/Resource',
    ]);
    expect(at('ec2-sg-ssh-restricted')).toEqual(['ProblemStack/AdminSg/Resource', 'ProblemStack/AdminSg/Resource', 'ProblemStack/LegacyAllTcp']);
    // Nested stack templates are findings of their own file, with paths below the parent stack.
    const nestedFindings = result.findings.filter((f) => f.file.endsWith('.nested.template.json'));
    expect(nestedFindings.length).toBeGreaterThan(0);
    for (const f of nestedFindings) expect(f.constructPath).toMatch(/^ParentStack\/(Network|Data)\//);
  });

  it('lists the nested templates of nested-stacks as SARIF artifacts, each naming its parent', () => {
    const run = sarifRun([path.join(corpus, 'nested-stacks', 'cdk.out')], corpus);
    expect(run.artifacts.map((a) => [a.location.uri, a.properties?.nestedIn])).toEqual([
      ['nested-stacks/cdk.out/ParentStack.template.json', undefined],
      [
        'nested-stacks/cdk.out/ParentStackNetworkCCC8275D.nested.template.json',
        { uri: 'nested-stacks/cdk.out/ParentStack.template.json', logicalId: 'NetworkNestedStackNetworkNestedStackResource0124E108' },
      ],
      [
        'nested-stacks/cdk.out/ParentStackDataDFC1A18A.nested.template.json',
        { uri: 'nested-stacks/cdk.out/ParentStack.template.json', logicalId: 'DataNestedStackDataNestedStackResourceEC94013D' },
      ],
    ]);
    expect(run.artifacts[0]!.properties!.nestedStacks).toEqual([
      {
        logicalId: 'NetworkNestedStackNetworkNestedStackResource0124E108',
        uri: 'nested-stacks/cdk.out/ParentStackNetworkCCC8275D.nested.template.json',
        followed: true,
      },
      {
        logicalId: 'DataNestedStackDataNestedStackResourceEC94013D',
        uri: 'nested-stacks/cdk.out/ParentStackDataDFC1A18A.nested.template.json',
        followed: true,
      },
    ]);
  });

  it('reads the Stage assembly of serverless-orders and names its stacks as the app does', () => {
    const r = cli([path.join(corpus, 'serverless-orders', 'cdk.out'), '-f', 'json'], corpus);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual([
      'serverless-orders/cdk.out/assembly-Prod/ProdOrdersData26A3260D.template.json',
      'serverless-orders/cdk.out/assembly-Prod/ProdOrdersApi10A829A3.template.json',
    ]);
    const paths = report.findings.map((f: { constructPath: string }) => f.constructPath);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(p).toMatch(/^Prod\/Orders(Data|Api)\//);
  });

  it('the whole corpus folder gives valid SARIF', () => {
    sarifRun([corpus], corpus);
  });
});

describe('aws:cdk:path metadata outside an assembly', () => {
  it('gives construct paths to a synthesized template saved anywhere, and skips plumbing by path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-cdkpath-'));
    const file = path.join(dir, 'template.json');
    writeFileSync(
      file,
      readFileSync(path.join(ROOT, FIXTURE, 'ProblemStack.template.json'), 'utf8')
        .replace('"Type": "AWS::EC2::Volume",', '"Type": "AWS::EC2::Volume", "Metadata": {"aws:cdk:path": "ProblemStack/DataVolume/Resource"},')
        .replace(
          '"Type": "AWS::IAM::Role",',
          '"Type": "AWS::IAM::Role", "Metadata": {"aws:cdk:path": "ProblemStack/Custom::VpcRestrictDefaultSGCustomResourceProvider/Role"},',
        ),
    );
    const report = JSON.parse(cli([file, '-f', 'json'], dir).stdout);
    const volume = report.findings.find(
      (f: { ruleId: string; logicalId: string }) => f.ruleId === 'ebs-volume-encrypted' && f.logicalId === 'DataVolume175940C2',
    );
    expect(volume.constructPath).toBe('ProblemStack/DataVolume/Resource');
    expect(report.findings.some((f: { logicalId: string }) => f.logicalId === PLUMBING[0])).toBe(false);
  });
});
