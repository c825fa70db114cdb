// SAM: AWS::Serverless::* resources are linted as themselves, with Globals merged into their Properties the way
// the transform merges them, and merged values keep pointing at Globals.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.ts';
import { findingRegion, parseDocument } from '../src/parse/index.ts';
import { buildTemplate, type Template } from '../src/template/model.ts';
import { samGlobalsOrigin } from '../src/template/sam.ts';
import { rules } from '../rules/index.ts';
import { HAS_SHARED, SHARED, lintText, render } from './helpers.ts';

function template(yaml: string): Template {
  const built = buildTemplate(parseDocument(yaml), '/t/template.yaml');
  if (built.kind !== 'template') throw new Error(built.kind);
  return built.template;
}

const at = (t: Template, id: string, ...p: Array<string | number>) => {
  const r = findingRegion(t.doc, ['Resources', id, 'Properties', ...p]);
  return `${r.startLine}:${r.startColumn}`;
};

const SAM = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Architectures: [arm64]
    Timeout: 10
    Layers:
      - arn:aws:lambda:eu-west-1:123456789012:layer:shared:3
    Environment:
      Variables:
        STAGE: prod
        LOG_LEVEL: info
    Tags:
      Owner: orders
  Api:
    TracingEnabled: true
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Handler: orders.handler
      CodeUri: src/
      Timeout: 30
      Layers:
        - !Ref Local
      Environment:
        Variables:
          LOG_LEVEL: debug
      VpcConfig: !If [InVpc, {SubnetIds: [subnet-1]}, !Ref AWS::NoValue]
  Bare:
    Type: AWS::Serverless::Function
  Local:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layer/
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
  Plain:
    Type: AWS::Lambda::Function
    Properties:
      Handler: x
`;

describe('SAM Globals', () => {
  it("merges as the transform does: the resource wins for primitives, maps merge, lists are global items then the resource's", () => {
    const t = template(SAM);
    expect(t.resources.get('Orders')!.properties).toEqual({
      Runtime: 'python3.12',
      Architectures: ['arm64'],
      Timeout: 30,
      Layers: ['arn:aws:lambda:eu-west-1:123456789012:layer:shared:3', { Ref: 'Local' }],
      Environment: { Variables: { STAGE: 'prod', LOG_LEVEL: 'debug' } },
      Tags: { Owner: 'orders' },
      Handler: 'orders.handler',
      CodeUri: 'src/',
      VpcConfig: { 'Fn::If': ['InVpc', { SubnetIds: ['subnet-1'] }, { Ref: 'AWS::NoValue' }] },
    });
    // A resource without Properties gets all of them; other types and sections do not mix.
    expect(t.resources.get('Bare')!.properties).toMatchObject({ Runtime: 'python3.12', Architectures: ['arm64'], Timeout: 10 });
    expect(t.resources.get('Api')!.properties).toEqual({ TracingEnabled: true, StageName: 'prod' });
    expect(t.resources.get('Local')!.properties).toEqual({ ContentUri: 'layer/' });
    expect(t.resources.get('Plain')!.properties).toEqual({ Handler: 'x' });
    // The resource node the rules read is the merged one too.
    expect(t.resources.get('Bare')!.node.Properties).toBe(t.resources.get('Bare')!.properties);
  });

  it("keeps locations: values from Globals point at Globals, the resource's own values (also shifted list items) at the resource", () => {
    const t = template(SAM);
    expect(at(t, 'Orders', 'Runtime')).toBe('4:14');
    expect(at(t, 'Orders', 'Architectures', 0)).toBe('5:21');
    expect(at(t, 'Orders', 'Timeout')).toBe('23:16');
    expect(at(t, 'Orders', 'Layers', 0)).toBe('8:9');
    expect(at(t, 'Orders', 'Layers', 1)).toBe('25:11');
    expect(at(t, 'Orders', 'Environment', 'Variables', 'STAGE')).toBe('11:16');
    expect(at(t, 'Orders', 'Environment', 'Variables', 'LOG_LEVEL')).toBe('28:22');
    expect(at(t, 'Bare', 'Tags', 'Owner')).toBe('14:14');
    expect(at(t, 'Api', 'TracingEnabled')).toBe('16:21');
    expect(samGlobalsOrigin(t, 'Orders', ['Properties', 'Environment', 'Variables', 'STAGE'])).toEqual([
      'Globals',
      'Function',
      'Environment',
      'Variables',
      'STAGE',
    ]);
    expect(samGlobalsOrigin(t, 'Orders', ['Properties', 'Environment', 'Variables', 'LOG_LEVEL'])).toBeUndefined();
    expect(samGlobalsOrigin(t, 'Orders', ['Properties', 'Layers', 1])).toBeUndefined();
    // The merged template's table has the merged paths; the parsed document's own table is left as it was.
    const doc = parseDocument(SAM);
    const merged = buildTemplate(doc, '/t/template.yaml');
    const path = ['Resources', 'Orders', 'Properties', 'Environment', 'Variables', 'STAGE'];
    expect(merged.kind === 'template' && merged.template.doc.locations.has(path)).toBe(true);
    expect(doc.locations.has(path)).toBe(false);
    expect(doc.locations.has(['Globals', 'Function', 'Environment', 'Variables', 'STAGE'])).toBe(true);
  });

  it('leaves templates without the SAM transform alone, and reports a Globals section that is not a mapping', () => {
    const plain = template(SAM.replace('Transform: AWS::Serverless-2016-10-31\n', ''));
    expect(plain.resources.get('Bare')!.properties).toBeUndefined();
    const findings = lintText('Transform: [AWS::Serverless-2016-10-31]\nGlobals: [Function]\nResources:\n  F:\n    Type: AWS::Serverless::Function\n', []);
    expect(findings.map(render)).toEqual(['2:10 error template-parse-error -: Invalid template: Globals must be a mapping.']);
  });
});

const arm64 = rules.find((r) => r.id === 'lambda-function-arm64-architecture');
const iamAdmin = rules.find((r) => r.id === 'iam-policy-no-statements-with-admin-access');

describe('rules on SAM resources', () => {
  it('every rule that names a serverless type in appliesTo runs on a SAM template without a crash', () => {
    const samRules = rules.filter((r) => r.appliesTo.some((type) => type.startsWith('AWS::Serverless::')));
    expect(samRules.length).toBeGreaterThan(0);
    expect(() => lintText(SAM, samRules, { reportUnknown: true })).not.toThrow();
  });

  it.runIf(arm64)('a Global Architectures reaches the function: x86_64 in Globals is reported at Globals, arm64 there passes', () => {
    const x86 = SAM.replace('Architectures: [arm64]', 'Architectures: [x86_64]');
    const findings = lintText(x86, [arm64!]).filter((f) => f.ruleId === arm64!.id);
    expect(findings.map((f) => `${f.logicalId} ${f.region.startLine}:${f.region.startColumn}`).sort()).toEqual(['Bare 5:21', 'Orders 5:21']);
    expect(lintText(SAM, [arm64!]).filter((f) => f.ruleId === arm64!.id)).toEqual([]);
    // Without Globals, the SAM function is checked like AWS::Lambda::Function.
    const own = lintText(
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs22.x\n      Handler: i.h\n',
      [arm64!],
    );
    expect(own.map(render)).toEqual([expect.stringMatching(/^5:5 note lambda-function-arm64-architecture F: Lambda function F runs on x86_64/)]);
  });

  it.runIf(iamAdmin)('IAM statements in SAM Policies are checked', () => {
    const yaml =
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs22.x\n      Handler: i.h\n      Policies:\n        - Statement:\n            - Effect: Allow\n              Action: "*"\n              Resource: "*"\n';
    expect(lintText(yaml, [iamAdmin!]).map((f) => f.ruleId)).toEqual([iamAdmin!.id]);
  });
});

describe.skipIf(!HAS_SHARED)('serverless-patterns corpus', () => {
  it('lints every template without an internal failure, and SAM functions get Lambda findings', async () => {
    const root = path.join(SHARED, 'corpus', 'templates', 'serverless-patterns');
    const result = await lint({ paths: [root], cwd: root });
    expect(result.failures.map((f) => `${f.file}: ${f.error.message}`)).toEqual([]);
    expect(result.files.length).toBeGreaterThan(500);
    if (arm64) {
      const sam = result.findings.filter((f) => f.ruleId === arm64.id && f.resourceType === 'AWS::Serverless::Function');
      expect(sam.length).toBeGreaterThan(100);
    }
  });
});
