// Nested stacks with a local TemplateURL: followed once per template, with what the parent passes; cycles and
// missing files are findings at the TemplateURL; remote and computed URLs are listed as not followed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineRule } from '../src/engine/rule.ts';
import { lint } from '../src/engine/lint.ts';
import sarif from '../src/report/sarif.ts';
import { rules } from '../rules/index.ts';
import { ROOT, sarifValidator } from './helpers.ts';

const DIR = 'fixtures/templates/nested';
const ebs = rules.filter((r) => r.id === 'ebs-volume-encrypted');

/** Reports what a Volume's tag values resolve to, to see the parameters a nested template received. */
const probe = defineRule({
  id: 'probe-tag-values',
  pillar: 'operational-excellence',
  level: 'note',
  title: 'probe',
  rationale: '',
  remediation: '',
  wellArchitected: ['OPS05-BP02'],
  appliesTo: ['AWS::EC2::Volume'],
  messages: { value: '{{key}}={{value}}' },
  check(resource, ctx) {
    for (const tag of ctx.items(resource, ['Properties', 'Tags'])) {
      for (const v of ctx.value(tag, ['Value'])) {
        const key = ctx.value(tag, ['Key'])[0]!.value as string;
        ctx.report({ messageId: 'value', at: v, data: { key, value: v.kind === 'literal' ? String(v.value) : `unknown (${v.reason})` } });
      }
    }
  },
});

describe('nested stacks', () => {
  it('with `only`, lints the accepted files of a scan and still follows what they nest', async () => {
    const asked: string[] = [];
    const only = (file: string) => {
      asked.push(path.basename(file));
      return file.endsWith('parent.yaml');
    };
    const result = await lint({ paths: [DIR], cwd: ROOT, rules: ebs, only });
    expect(asked).toContain('storage.yaml');
    expect(result.files.map((f) => path.basename(f.file))).toEqual(['parent.yaml', 'storage.yaml']);
    expect(result.files[1]!.nestedIn?.logicalId).toBe('Storage');
  });

  it('follows a local TemplateURL with the parameters the parent passes', async () => {
    const result = await lint({ paths: [`${DIR}/parent.yaml`], cwd: ROOT, rules: [...ebs, probe] });
    expect(result.failures).toEqual([]);
    expect(result.files.map((f) => [path.relative(ROOT, f.file), f.nestedIn && `${path.basename(f.nestedIn.file)}#${f.nestedIn.logicalId}`])).toEqual([
      [`${DIR}/parent.yaml`, undefined],
      [`${DIR}/storage.yaml`, 'parent.yaml#Storage'],
    ]);
    const storage = result.findings.filter((f) => f.file.endsWith('storage.yaml')).map((f) => f.message);
    // Encrypted: 'false' from the parent beats the Default; Env follows the parent's own Default; VpcId is the
    // parent's VPC resource, so the child's Default must not stand in for it.
    expect(storage).toEqual([
      'EBS volume Data is not encrypted: Encrypted is false (with parameter Encrypted = "false").',
      'Env=dev (with parameter Env = "dev").',
      'Vpc=unknown (parameter VpcId has no Default)',
    ]);
  });

  it('lists what it did not follow, and reports a missing local template at its TemplateURL', async () => {
    const result = await lint({ paths: [`${DIR}/parent.yaml`], cwd: ROOT, rules: ebs });
    const parent = result.files.find((f) => f.file.endsWith('parent.yaml'))!;
    expect(parent.nestedStacks!.map((n) => [n.logicalId, n.followed, n.reason])).toEqual([
      ['Storage', true, undefined],
      ['Monitoring', false, 'not followed: a remote template'],
      ['Shared', false, 'not followed: its TemplateURL is only known at deploy time (Fn::Sub over parameter TemplateBucket has no Default)'],
      ['Legacy', false, 'no such file'],
    ]);
    expect(parent.nestedStacks![1]!.templateUrl).toBe('https://s3.amazonaws.com/example-templates/monitoring.yaml');
    const missing = result.findings.filter((f) => f.ruleId === 'nested-stack-template-missing');
    expect(missing.map((f) => `${f.region.startLine}:${f.region.startColumn} ${f.level} ${f.logicalId}: ${f.message}`)).toEqual([
      `34:20 error Legacy: Nested stack Legacy points at ./legacy/missing.yaml, which is not a file (${DIR}/legacy/missing.yaml).`,
    ]);
    expect(result.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['nested-stack-cycle', 'nested-stack-template-missing']));
  });

  it('lints a nested template once in a folder scan, through its parent, even when it sorts first', async () => {
    const result = await lint({ paths: [DIR], cwd: ROOT, rules: ebs });
    const files = result.files.map((f) => path.relative(ROOT, f.file));
    // Parents first, each followed by what it nests; templates that only nest each other come after.
    expect(files).toEqual([`${DIR}/parent.yaml`, `${DIR}/storage.yaml`, `${DIR}/cycle-a.yaml`, `${DIR}/cycle-b.yaml`]);
    expect(result.findings.filter((f) => f.ruleId === 'ebs-volume-encrypted').map((f) => f.message)).toEqual([
      'EBS volume Data is not encrypted: Encrypted is false (with parameter Encrypted = "false").',
    ]);
    // On its own, the nested template's Defaults pass.
    expect((await lint({ paths: [`${DIR}/storage.yaml`], cwd: ROOT, rules: ebs })).findings).toEqual([]);
  });

  it('reports a cycle at the TemplateURL that closes it, and still lints both templates', async () => {
    const result = await lint({ paths: [`${DIR}/cycle-a.yaml`], cwd: ROOT, rules: ebs });
    expect(result.files.map((f) => path.basename(f.file))).toEqual(['cycle-a.yaml', 'cycle-b.yaml']);
    expect(result.findings.map((f) => `${path.basename(f.file)} ${f.region.startLine}:${f.region.startColumn} ${f.ruleId}: ${f.message}`)).toEqual([
      'cycle-b.yaml 5:20 nested-stack-cycle: Nested stack A deploys cycle-a.yaml, which nests this template again (cycle-a.yaml → cycle-b.yaml → cycle-a.yaml).',
    ]);
    const b = result.files.find((f) => f.file.endsWith('cycle-b.yaml'))!;
    expect(b.nestedStacks).toEqual([
      {
        logicalId: 'A',
        templateUrl: './cycle-a.yaml',
        file: path.join(ROOT, DIR, 'cycle-a.yaml'),
        followed: false,
        reason: 'a cycle: the template nests one of its ancestors',
      },
    ]);
  });

  it('puts nested templates in SARIF artifacts, with the parent and the stacks not followed in their properties', async () => {
    const result = await lint({ paths: [`${DIR}/parent.yaml`], cwd: ROOT, rules: ebs });
    const log = JSON.parse(sarif(result, { color: false, cwd: ROOT, toolVersion: '0.0.0' }));
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const artifacts = log.runs[0].artifacts;
    expect(artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual([`${DIR}/parent.yaml`, `${DIR}/storage.yaml`]);
    expect(artifacts[1].properties).toEqual({ nestedIn: { uri: `${DIR}/parent.yaml`, logicalId: 'Storage' } });
    expect(artifacts[0].properties.nestedStacks[1]).toEqual({
      logicalId: 'Monitoring',
      templateUrl: 'https://s3.amazonaws.com/example-templates/monitoring.yaml',
      followed: false,
      reason: 'not followed: a remote template',
    });
  });

  it('says in the text report which nested stacks were not followed: a count, and the list with --verbose', () => {
    const run = (...extra: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), `${DIR}/parent.yaml`, '--rule', 'ebs-volume-encrypted', ...extra], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' },
      });
    expect(run().stdout).toContain('\n2 nested stacks not followed (1: a remote template; 1: its TemplateURL is only known at deploy time');
    expect(run().stdout).toContain('); --verbose lists them\n');
    const r = run('--verbose');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      `2 nested stacks not followed:\n  ${DIR}/parent.yaml: Monitoring (https://s3.amazonaws.com/example-templates/monitoring.yaml): a remote template\n`,
    );
    expect(r.stdout).toContain(`${DIR}/storage.yaml`);
  });
});
