// Hostile input, all in one run: every file gets a located finding or is listed as skipped with its reason,
// nothing crashes, no stack trace, SARIF stays valid, and a 5,000-volume template has every volume flagged.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unencryptedVolumes } from '../bench/generate.mjs';
import { ROOT, sarifValidator } from './helpers.ts';

const DEPTH = 20_000;

function hostileFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-hostile-'));
  cpSync(path.join(ROOT, 'fixtures/hostile'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'deep.yaml'), `Resources: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`);
  writeFileSync(path.join(dir, 'deep.json'), `{"Resources": ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}\n`);
  writeFileSync(path.join(dir, 'deep-mapping.json'), `{"Resources": ${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}\n`);
  writeFileSync(path.join(dir, 'volumes-5000.yaml'), unencryptedVolumes(5000));
  return dir;
}

describe('hostile input', () => {
  it('lints the whole folder in one run without a crash', () => {
    const dir = hostileFolder();
    const out = path.join(dir, 'out', 'report.sarif');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), '.', '-f', 'sarif', '-o', out], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);

    const log = JSON.parse(readFileSync(out, 'utf8'));
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0];
    const results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> =
      run.results;
    const byUri = new Map<string, typeof results>();
    for (const x of results) {
      const uri = x.locations[0]!.physicalLocation.artifactLocation.uri;
      byUri.set(uri, [...(byUri.get(uri) ?? []), x]);
    }

    // Every file is accounted for: findings, or an artifact marked skipped with a reason.
    const artifacts = new Map<string, { properties?: { skipped?: boolean; reason?: string } }>(
      run.artifacts.map((a: { location: { uri: string } }) => [a.location.uri, a]),
    );
    const files = readdirSync(dir).filter((f) => /\.(ya?ml|json|template)$/.test(f));
    for (const f of files) {
      const artifact = artifacts.get(f);
      expect(artifact, f).toBeDefined();
      if (artifact!.properties?.skipped) expect(artifact!.properties.reason, f).toMatch(/\w/);
    }

    const parseErrors = (f: string) => (byUri.get(f) ?? []).filter((x) => x.ruleId === 'template-parse-error');
    for (const f of [
      'alias-bomb.yaml',
      'duplicate-keys.yaml',
      'comments.json',
      'resources-list.yaml',
      'resource-without-type.yaml',
      'deep.yaml',
      'deep.json',
      'deep-mapping.json',
      'tabs-and-crlf.yaml',
      'multiple-documents.yaml',
    ]) {
      expect(parseErrors(f).length, f).toBeGreaterThan(0);
      for (const x of parseErrors(f)) expect(x.locations[0]!.physicalLocation.region.startLine, f).toBeGreaterThanOrEqual(1);
    }
    expect(parseErrors('invalid-utf8.yaml').length + (artifacts.get('invalid-utf8.yaml')?.properties?.skipped ? 1 : 0)).toBeGreaterThan(0);
    expect(artifacts.get('binary.template')?.properties?.skipped).toBe(true);
    expect(artifacts.get('empty.yaml')?.properties?.skipped).toBe(true);

    // Files that are fine apart from their encoding are linted like any other.
    expect((byUri.get('utf16-bom.yaml') ?? []).map((x) => x.ruleId)).toContain('ebs-volume-encrypted');
    expect((byUri.get('crlf.yaml') ?? []).map((x) => x.ruleId)).toContain('ebs-volume-encrypted');
    expect((byUri.get('resource-without-type.yaml') ?? []).map((x) => x.ruleId)).toContain('ebs-volume-encrypted');
    // Trailing commas are not JSON, but they are YAML, as CloudFormation reads the file.
    expect(parseErrors('trailing-comma.json')).toEqual([]);
    expect(artifacts.get('trailing-comma.json')?.properties?.skipped).toBeUndefined();

    const volumes = (byUri.get('volumes-5000.yaml') ?? []).filter((x) => x.ruleId === 'ebs-volume-encrypted');
    expect(volumes).toHaveLength(5000);
  });

  it.each(readdirSync(path.join(ROOT, 'fixtures/hostile')).filter((f) => f !== 'README.md'))('names %s explicitly without a crash', (name) => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), name, '-f', 'json'], { cwd: path.join(ROOT, 'fixtures/hostile'), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.status);
    const report = JSON.parse(r.stdout);
    if (r.status === 1) expect(report.findings.length).toBeGreaterThan(0);
  });
});

describe("template values that name Object's members", () => {
  it('are plain text to every rule: no native code in a message, no internal error', () => {
    const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
    const resources = names.flatMap((name, i) => [
      `  Listener${i}:`,
      '    Type: AWS::ElasticLoadBalancingV2::Listener',
      `    Properties: {Protocol: HTTPS, Port: 443, LoadBalancerArn: arn:x, SslPolicy: ${name}, DefaultActions: [{Type: fixed-response}]}`,
      `  Bucket${i}:`,
      '    Type: AWS::S3::Bucket',
      `    Properties: {AccessControl: ${name}}`,
      `  Group${i}:`,
      '    Type: AWS::EC2::SecurityGroup',
      `    Properties: {GroupDescription: x, VpcId: vpc-1, SecurityGroupIngress: [{IpProtocol: ${name}, FromPort: 1, ToPort: 2, CidrIp: 0.0.0.0/0}]}`,
      `  Balancer${i}:`,
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      `    Properties: {Type: ${name}, Subnets: [subnet-1, subnet-2]}`,
      `  Instance${i}:`,
      '    Type: AWS::EC2::Instance',
      `    Properties: {ImageId: ami-1, InstanceType: ${name}.large, SubnetId: subnet-1}`,
      `  Distribution${i}:`,
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        Enabled: true',
      `        ViewerCertificate: {AcmCertificateArn: arn:c, MinimumProtocolVersion: ${name}, SslSupportMethod: sni-only}`,
      `        DefaultCacheBehavior: {TargetOriginId: o, ViewerProtocolPolicy: https-only, CachePolicyId: ${name}}`,
      '        Origins: [{Id: o, DomainName: b.s3.amazonaws.com, S3OriginConfig: {}}]',
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'pillars-lint-keys-'));
    writeFileSync(path.join(dir, 'keys.yaml'), ['Resources:', ...resources, ''].join('\n'));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'keys.yaml', '-f', 'json', '--report-unknown'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { findings: Array<{ message: string }>; failures: unknown[] };
    expect(report.failures).toEqual([]);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(f.message).not.toMatch(/native code|function \w*\(|\(\s*for\s*\)/);
  });
});
