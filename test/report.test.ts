import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sarifValidator } from './helpers.ts';
import type * as Sarif from 'sarif';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileReport, Finding, LintResult, RuleMeta } from '../src/engine/types.ts';
import compact from '../src/report/compact.ts';
import { FORMATS, getFormatter } from '../src/report/index.ts';
import github, { annotations } from '../src/report/github.ts';
import json from '../src/report/json.ts';
import markdown, { escapeMarkdown, jobSummary } from '../src/report/markdown.ts';
import { artifactUri, displayPath } from '../src/report/paths.ts';
import sarif from '../src/report/sarif.ts';
import stylish from '../src/report/stylish.ts';
import type { FormatOptions } from '../src/report/types.ts';

// ---- a small builder for hand-made lint results ------------------------------------------------

const cwd = resolve('/repo');
const abs = (rel: string): string => resolve(cwd, rel);

function rule(id: string, over: Partial<RuleMeta> = {}): RuleMeta {
  return {
    id,
    pillar: 'reliability',
    level: 'error',
    title: `Title of ${id}`,
    rationale: `Why ${id} matters.`,
    remediation: `Fix ${id}.`,
    wellArchitected: [],
    securityHub: [],
    appliesTo: [],
    tags: [],
    peers: {},
    helpUri: `https://example.com/rules/${id}`,
    ...over,
  };
}

function finding(ruleId: string, file: string, region: [number, number, number, number], over: Partial<Finding> = {}): Finding {
  const [startLine, startColumn, endLine, endColumn] = region;
  return {
    ruleId,
    level: 'error',
    pillar: 'reliability',
    message: `Finding of ${ruleId}.`,
    file: abs(file),
    region: { startLine, startColumn, endLine, endColumn },
    kind: 'fail',
    ...over,
  };
}

const APP = [
  "AWSTemplateFormatVersion: '2010-09-09'", // 1
  'Resources:', // 2
  '  MyBucket:', // 3
  '    Type: AWS::S3::Bucket', // 4
  '    Properties:', // 5
  '      BucketName: data', // 6
  '  MyDb:', // 7
  '    Type: AWS::RDS::DBInstance', // 8
  '    Properties:', // 9
  '      MultiAZ: false', // 10
  '      Engine: postgres', // 11
  '  Queue:', // 12
  '    Type: AWS::SQS::Queue', // 13
  '',
].join('\n');

// Tab-indented JSON (valid JSON; the code frame must keep the tabs).
const CDK = [
  '{', // 1
  '\t"Resources": {', // 2
  '\t\t"Fn": {', // 3
  '\t\t\t"Type": "AWS::Lambda::Function",', // 4
  '\t\t\t"Properties": { "Runtime": "python3.8" }', // 5
  '\t\t}', // 6
  '\t}', // 7
  '}', // 8
  '',
].join('\n');
const CDK_FILE = 'infra/my stack.template.json';
const runtimeCol = CDK.split('\n')[4]!.indexOf('"Runtime"') + 1;

const RULES: RuleMeta[] = [
  rule('template-parse-error', { pillar: 'operational-excellence', builtin: true }),
  rule('s3-bucket-encryption', {
    pillar: 'security',
    securitySeverity: '7.5',
    wellArchitected: ['SEC08-BP02'],
    securityHub: ['S3.4'],
    tags: ['data-protection'],
  }),
  rule('rds-multi-az-enabled', {
    wellArchitected: ['REL10-BP01'],
    examples: {
      fail: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: false\n',
      pass: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: true\n',
    },
  }),
  rule('sqs-queue-encryption', { pillar: 'security', level: 'warning', securitySeverity: '5.0' }),
  rule('sqs-queue-dlq', { level: 'warning', rationale: 'x'.repeat(600) + ' ' + 'y'.repeat(1400) }),
  rule('lambda-runtime-current', { pillar: 'sustainability', level: 'note' }),
  rule('ec2-ebs-gp3', { pillar: 'cost-optimization', level: 'note' }), // never fires
];

function files(): FileReport[] {
  return [
    { file: abs('docs/readme.yaml'), status: 'skipped', skipReason: 'not a CloudFormation template' },
    { file: abs('infra/app.yaml'), status: 'linted', source: APP, format: 'yaml' },
    { file: abs(CDK_FILE), status: 'linted', source: CDK, format: 'json' },
  ];
}

function dirtyResult(): LintResult {
  const fixStart = APP.indexOf('false');
  const findings: Finding[] = [
    // multi-line region: the Properties mapping of MyBucket
    finding('s3-bucket-encryption', 'infra/app.yaml', [5, 5, 6, 23], {
      pillar: 'security',
      message: 'Bucket MyBucket has no default encryption.',
      logicalId: 'MyBucket',
      resourceType: 'AWS::S3::Bucket',
      propertyPath: ['Properties'],
    }),
    finding('rds-multi-az-enabled', 'infra/app.yaml', [10, 7, 10, 21], {
      message: 'DB instance MyDb runs in a single Availability Zone.',
      logicalId: 'MyDb',
      resourceType: 'AWS::RDS::DBInstance',
      propertyPath: ['Properties', 'MultiAZ'],
      fix: {
        description: 'Set MultiAZ to true.',
        region: { startLine: 10, startColumn: 16, endLine: 10, endColumn: 21 },
        start: fixStart,
        end: fixStart + 5,
        text: 'true',
      },
    }),
    finding('sqs-queue-encryption', 'infra/app.yaml', [12, 3, 12, 8], {
      pillar: 'security',
      level: 'warning',
      message: 'Queue Queue is not encrypted.',
      logicalId: 'Queue',
      resourceType: 'AWS::SQS::Queue',
      suppression: { justification: 'Holds only public events.', source: 'pillars-lint' },
    }),
    finding('sqs-queue-dlq', 'infra/app.yaml', [12, 3, 12, 8], {
      level: 'warning',
      kind: 'review',
      message: 'RedrivePolicy of Queue is unknown.\nIt comes from an imported value.',
      logicalId: 'Queue',
      resourceType: 'AWS::SQS::Queue',
      propertyPath: ['Properties', 'RedrivePolicy'],
    }),
    finding('lambda-runtime-current', CDK_FILE, [5, runtimeCol, 5, runtimeCol + 9], {
      pillar: 'sustainability',
      level: 'note',
      message: 'Function Fn uses the deprecated runtime python3.8.',
      logicalId: 'Fn',
      resourceType: 'AWS::Lambda::Function',
      propertyPath: ['Properties', 'Runtime'],
      constructPath: 'MyStack/Fn/Resource',
      baselineState: 'new',
    }),
  ];
  return { cwd, files: files(), findings, rules: RULES, failures: [] };
}

function cleanResult(): LintResult {
  return { cwd, files: files(), findings: [], rules: RULES, failures: [] };
}

const opts = (over: Partial<FormatOptions> = {}): FormatOptions => ({ color: false, cwd, toolVersion: '0.1.0', ...over });
const ANSI = /\u001b\[/;

// ---- paths -------------------------------------------------------------------------------------

describe('paths', () => {
  it('displays paths relative to cwd, absolute outside it, URIs unchanged', () => {
    expect(displayPath(abs('infra/a b.yaml'), cwd)).toBe('infra/a b.yaml');
    expect(displayPath(resolve('/elsewhere/t.yaml'), cwd)).toBe(resolve('/elsewhere/t.yaml'));
    expect(displayPath(resolve('/repo-other/t.yaml'), cwd)).toBe(resolve('/repo-other/t.yaml'));
    expect(displayPath('stack://eu-west-1/prod-api', cwd)).toBe('stack://eu-west-1/prod-api');
  });

  it('percent-encodes each segment of a relative artifact URI', () => {
    expect(artifactUri(abs('infra/my stack.yaml'), cwd)).toBe('infra/my%20stack.yaml');
    expect(artifactUri(abs('100%/a#b?.yaml'), cwd)).toBe('100%25/a%23b%3F.yaml');
    expect(artifactUri(resolve('/elsewhere/a b.yaml'), cwd)).toBe('file:///elsewhere/a%20b.yaml');
  });
});

// ---- stylish -----------------------------------------------------------------------------------

describe('stylish', () => {
  const out = stylish(dirtyResult(), opts());
  const lines = out.split('\n');

  it('has no ANSI codes without colour', () => {
    expect(out).not.toMatch(ANSI);
  });

  it('lists findings under a file header with line:col, level, rule and pillar', () => {
    expect(lines).toContain('infra/app.yaml');
    expect(lines).toContain(CDK_FILE);
    const row = lines.find((l) => l.includes('rds-multi-az-enabled'))!;
    expect(row).toMatch(/^ {2}10:7 +error +DB instance MyDb runs in a single Availability Zone\. +rds-multi-az-enabled {2}\(reliability\)$/);
    expect(lines.find((l) => l.includes('s3-bucket-encryption'))).toMatch(/^ {3}5:5 +error .*\(security\)$/);
  });

  it('aligns the columns of one file', () => {
    const appRows = lines.filter((l) => / (s3-bucket-encryption|rds-multi-az-enabled|sqs-queue-dlq) /.test(l));
    expect(appRows).toHaveLength(3);
    const ruleStart = appRows.map((l) => l.search(/(s3-bucket-encryption|rds-multi-az-enabled|sqs-queue-dlq)/));
    expect(new Set(ruleStart).size).toBe(1);
  });

  it('shows the construct path after the message and review findings on one line', () => {
    expect(lines.find((l) => l.includes('lambda-runtime-current'))).toContain('python3.8. [MyStack/Fn/Resource]');
    const review = lines.find((l) => l.includes('sqs-queue-dlq'))!;
    expect(review).toContain('review');
    expect(review).toContain('RedrivePolicy of Queue is unknown. It comes from an imported value.');
  });

  it('prints a code frame with context, a > gutter and a caret marker', () => {
    const at = lines.findIndex((l) => l.includes('rds-multi-az-enabled'));
    expect(lines.slice(at + 1, at + 5)).toEqual([
      '       8 |     Type: AWS::RDS::DBInstance',
      '       9 |     Properties:',
      '    > 10 |       MultiAZ: false',
      '         |       ^^^^^^^^^^^^^^',
    ]);
  });

  it('marks a multi-line region to the end of its first line', () => {
    const at = lines.findIndex((l) => l.includes('s3-bucket-encryption'));
    expect(lines.slice(at + 1, at + 5)).toEqual([
      '      3 |   MyBucket:',
      '      4 |     Type: AWS::S3::Bucket',
      '    > 5 |     Properties:',
      '        |     ^^^^^^^^^^^',
    ]);
  });

  it('keeps tabs in the code frame so the marker lines up', () => {
    const at = lines.findIndex((l) => l.includes('lambda-runtime-current'));
    expect(lines[at + 3]).toBe('    > 5 | \t\t\t"Properties": { "Runtime": "python3.8" }');
    expect(lines[at + 4]).toBe('        | \t\t\t' + ' '.repeat(runtimeCol - 4) + '^'.repeat(9));
  });

  it('does not list suppressed findings but counts them, and counts skipped files', () => {
    expect(out).not.toContain('sqs-queue-encryption');
    expect(out).toContain('1 file skipped (1: not a CloudFormation template); --verbose lists them');
    expect(out).not.toContain('  docs/readme.yaml');
    expect(stylish(dirtyResult(), opts({ verbose: true }))).toContain('1 file skipped: not a CloudFormation template\n  docs/readme.yaml\n');
    expect(lines.at(-2)).toBe('✖ 3 problems (2 errors, 0 warnings, 1 note) (1 to review, 1 suppressed)');
    expect(out.endsWith('\n')).toBe(true);
  });

  it('prints a per-pillar summary table', () => {
    const header = lines.findIndex((l) => /^ {2}pillar +errors +warnings +notes$/.test(l));
    expect(header).toBeGreaterThan(0);
    const table = lines.slice(header + 1, header + 7);
    expect(table.map((l) => l.trim().split(/\s+/)[0])).toEqual([
      'security',
      'reliability',
      'performance-efficiency',
      'cost-optimization',
      'operational-excellence',
      'sustainability',
    ]);
    expect(table[0]!.trim().split(/\s+/)).toEqual(['security', '1', '0', '0']);
    expect(table[1]!.trim().split(/\s+/)).toEqual(['reliability', '1', '0', '0']);
    expect(table[5]!.trim().split(/\s+/)).toEqual(['sustainability', '0', '0', '1']);
  });

  it('says so when clean', () => {
    expect(stylish(cleanResult(), opts())).toBe('1 file skipped (1: not a CloudFormation template); --verbose lists them\n✔ No problems found in 2 files\n');
  });

  it('uses ANSI colours only when asked', () => {
    const coloured = stylish(dirtyResult(), opts({ color: true }));
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[31m'); // red for errors
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(out);
  });

  it('neutralises control characters from templates', () => {
    const r = dirtyResult();
    r.files[1]!.source = APP.replace('AWS::RDS::DBInstance', 'AWS::RDS::\u001b[2JDBInstance');
    expect(stylish(r, opts())).not.toMatch(ANSI);
  });
});

// ---- compact -----------------------------------------------------------------------------------

describe('compact', () => {
  const ESLINT_COMPACT = /^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$/;
  const lines = compact(dirtyResult(), opts()).trimEnd().split('\n');

  it('prints one $eslint-compact line per unsuppressed finding', () => {
    expect(lines).toHaveLength(4);
    const groups = lines.map((l) => ESLINT_COMPACT.exec(l)?.slice(1));
    expect(groups).toEqual([
      [abs('infra/app.yaml'), '5', '5', 'Error', 'Bucket MyBucket has no default encryption.', 's3-bucket-encryption'],
      [abs('infra/app.yaml'), '10', '7', 'Error', 'DB instance MyDb runs in a single Availability Zone.', 'rds-multi-az-enabled'],
      [abs('infra/app.yaml'), '12', '3', 'Info', 'RedrivePolicy of Queue is unknown. It comes from an imported value.', 'sqs-queue-dlq'],
      [abs(CDK_FILE), '5', String(runtimeCol), 'Info', 'Function Fn uses the deprecated runtime python3.8.', 'lambda-runtime-current'],
    ]);
  });

  it('maps warnings to Warning and prints nothing when clean', () => {
    const r = dirtyResult();
    r.findings = [finding('sqs-queue-dlq', 'infra/app.yaml', [12, 3, 12, 8], { level: 'warning' })];
    expect(compact(r, opts())).toMatch(/, Warning - /);
    expect(compact(cleanResult(), opts())).toBe('');
  });
});

// ---- json --------------------------------------------------------------------------------------

describe('json', () => {
  const text = json(dirtyResult(), opts());
  const doc = JSON.parse(text);

  it('is pretty-printed with a trailing newline', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"version": 1,$/);
  });

  it('lists files with display paths and skip reasons', () => {
    expect(doc.files).toEqual([
      { path: 'docs/readme.yaml', status: 'skipped', skipReason: 'not a CloudFormation template' },
      { path: 'infra/app.yaml', status: 'linted' },
      { path: CDK_FILE, status: 'linted' },
    ]);
  });

  it('lists every finding, suppressed ones marked', () => {
    expect(doc.findings).toHaveLength(5);
    expect(doc.findings[1]).toEqual({
      ruleId: 'rds-multi-az-enabled',
      level: 'error',
      pillar: 'reliability',
      message: 'DB instance MyDb runs in a single Availability Zone.',
      file: 'infra/app.yaml',
      line: 10,
      column: 7,
      endLine: 10,
      endColumn: 21,
      logicalId: 'MyDb',
      resourceType: 'AWS::RDS::DBInstance',
      propertyPath: ['Properties', 'MultiAZ'],
      kind: 'fail',
    });
    expect(doc.findings[2].suppressed).toEqual({ justification: 'Holds only public events.', source: 'pillars-lint' });
    expect(doc.findings[3].kind).toBe('review');
    expect(doc.findings[4]).toMatchObject({ constructPath: 'MyStack/Fn/Resource', baselineState: 'new', file: CDK_FILE });
  });

  it('summarises by level and pillar', () => {
    expect(doc.summary).toEqual({
      errors: 2,
      warnings: 0,
      notes: 1,
      review: 1,
      suppressed: 1,
      unchanged: 0,
      byPillar: {
        security: { errors: 1, warnings: 0, notes: 0 },
        reliability: { errors: 1, warnings: 0, notes: 0 },
        'performance-efficiency': { errors: 0, warnings: 0, notes: 0 },
        'cost-optimization': { errors: 0, warnings: 0, notes: 0 },
        'operational-excellence': { errors: 0, warnings: 0, notes: 0 },
        sustainability: { errors: 0, warnings: 0, notes: 1 },
      },
      template: { errors: 0, warnings: 0, notes: 0 },
    });
  });
});

// ---- sarif -------------------------------------------------------------------------------------

describe('sarif', () => {
  const validate = sarifValidator();
  const emit = (r: LintResult, over: Partial<FormatOptions> = {}): Sarif.Log => {
    const text = sarif(r, opts(over));
    expect(text.endsWith('}\n')).toBe(true);
    return JSON.parse(text);
  };
  const log = emit(dirtyResult());
  const run = log.runs[0]!;

  if (process.env.SARIF_SAMPLE) writeFileSync(process.env.SARIF_SAMPLE, sarif(dirtyResult(), opts({ includeSuppressed: true })));

  it.each([
    ['default', dirtyResult(), {}],
    ['include-suppressed', dirtyResult(), { includeSuppressed: true }],
    ['category', dirtyResult(), { category: 'pillars-lint' }],
    ['clean', cleanResult(), {}],
  ] as const)('is valid SARIF 2.1.0 (%s)', (_name, r, over) => {
    const ok = validate(emit(r, over));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('has the header GitHub expects', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'pillars-lint', semanticVersion: '0.1.0', version: '0.1.0' });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds!['%SRCROOT%']!.uri).toBe('file:///repo/');
    expect(run.invocations![0]!.executionSuccessful).toBe(true);
  });

  it('lists every rule in order, with the metadata GitHub uses', () => {
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    const s3 = rules[1]!;
    expect(s3).toMatchObject({
      name: 'S3BucketEncryption',
      shortDescription: { text: 'Title of s3-bucket-encryption' },
      fullDescription: { text: 'Why s3-bucket-encryption matters.' },
      helpUri: 'https://example.com/rules/s3-bucket-encryption',
      defaultConfiguration: { level: 'error' },
    });
    expect(s3.properties!['security-severity']).toBe('7.5');
    expect(s3.properties!['problem.severity']).toBeUndefined();
    expect(s3.properties!.tags).toEqual(['security', 'well-architected/security', 'SEC08-BP02', 'data-protection']);
    expect(s3.properties!.precision).toBe('high');
    for (const r of rules) {
      const ss = r.properties!['security-severity'];
      if (ss !== undefined) expect(ss).toMatch(/^\d+(\.\d+)?$/);
      expect(r.properties!.tags!.length).toBeLessThanOrEqual(20);
      expect(r.fullDescription!.text.length).toBeLessThanOrEqual(1024);
      expect(r.help!.text).toBeTruthy();
    }
    expect(rules[2]!.properties!['problem.severity']).toBe('error');
    expect(rules[5]!.properties!['problem.severity']).toBe('recommendation');
  });

  it('truncates long descriptions and puts examples in help.markdown', () => {
    const dlq = run.tool.driver.rules![4]!;
    expect(dlq.fullDescription!.text.length).toBeLessThanOrEqual(1024);
    expect(dlq.fullDescription!.text.endsWith('…')).toBe(true);
    expect(dlq.fullDescription!.markdown).toBeUndefined();
    expect(dlq.help!.text.length).toBeGreaterThan(1024);
    const rds = run.tool.driver.rules![2]!;
    expect(rds.help!.markdown).toContain('```yaml\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: false\n```');
    expect(rds.help!.markdown).toContain('**Remediation**\n\nFix rds-multi-az-enabled.');
  });

  it('writes relative, percent-encoded URIs with index into artifacts', () => {
    const cdk = run.results!.find((r) => r.ruleId === 'lambda-runtime-current')!;
    const loc = cdk.locations![0]!.physicalLocation!.artifactLocation!;
    expect(loc).toEqual({ uri: 'infra/my%20stack.template.json', uriBaseId: '%SRCROOT%', index: 2 });
    expect(run.artifacts![2]!.location).toEqual({ uri: 'infra/my%20stack.template.json', uriBaseId: '%SRCROOT%' });
    for (const r of run.results!) {
      const l = r.locations![0]!.physicalLocation!.artifactLocation!;
      expect(l.uri).not.toMatch(/^\/|\s|\\/);
      expect(run.artifacts![l.index!]!.location!.uri).toBe(l.uri);
      expect(r.locations).toHaveLength(1);
      expect(run.tool.driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
    }
  });

  it('lists skipped files among the artifacts', () => {
    expect(run.artifacts![0]).toEqual({
      location: { uri: 'docs/readme.yaml', uriBaseId: '%SRCROOT%' },
      properties: { skipped: true, reason: 'not a CloudFormation template' },
    });
    expect(run.artifacts).toHaveLength(3);
  });

  it('writes regions, logical locations, fixes, baseline state and properties', () => {
    const [s3, rds, review, cdk] = run.results!;
    expect(s3!.locations![0]!.physicalLocation!.region).toEqual({ startLine: 5, startColumn: 5, endLine: 6, endColumn: 23 });
    expect(rds!.locations![0]!.logicalLocations).toEqual([{ name: 'MyDb', fullyQualifiedName: 'Resources.MyDb', kind: 'resource' }]);
    expect(cdk!.locations![0]!.logicalLocations).toEqual([{ name: 'Fn', fullyQualifiedName: 'MyStack/Fn/Resource', kind: 'resource' }]);
    expect(rds!.fixes).toEqual([
      {
        description: { text: 'Set MultiAZ to true.' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'infra/app.yaml', uriBaseId: '%SRCROOT%', index: 1 },
            replacements: [{ deletedRegion: { startLine: 10, startColumn: 16, endLine: 10, endColumn: 21 }, insertedContent: { text: 'true' } }],
          },
        ],
      },
    ]);
    expect(rds!.properties).toEqual({ pillar: 'reliability', resourceType: 'AWS::RDS::DBInstance', propertyPath: 'Properties.MultiAZ' });
    expect(rds!.level).toBe('error');
    expect(rds!.kind).toBeUndefined();
    expect(review).toMatchObject({ ruleId: 'sqs-queue-dlq', kind: 'review', level: 'none' });
    expect(cdk!.baselineState).toBe('new');
    expect(rds!.baselineState).toBeUndefined();
  });

  it('leaves suppressed findings out unless asked', () => {
    expect(run.results!.map((r) => r.ruleId)).not.toContain('sqs-queue-encryption');
    expect(run.results).toHaveLength(4);
    const all = emit(dirtyResult(), { includeSuppressed: true }).runs[0]!.results!;
    expect(all).toHaveLength(5);
    const suppressed = all.find((r) => r.ruleId === 'sqs-queue-encryption')!;
    expect(suppressed.suppressions).toEqual([{ kind: 'inSource', justification: 'Holds only public events.' }]);
    expect(all.filter((r) => r.suppressions)).toHaveLength(1);
  });

  it('writes results: [] when clean, with every rule and artifact', () => {
    const clean = emit(cleanResult()).runs[0]!;
    expect(clean.results).toEqual([]);
    expect(clean.tool.driver.rules).toHaveLength(RULES.length);
    expect(clean.artifacts).toHaveLength(3);
  });

  it('never writes partialFingerprints, and automationDetails only with a category', () => {
    expect(sarif(dirtyResult(), opts({ includeSuppressed: true }))).not.toContain('partialFingerprints');
    expect(run.automationDetails).toBeUndefined();
    expect(emit(dirtyResult(), { category: 'pillars-lint' }).runs[0]!.automationDetails).toEqual({ id: 'pillars-lint/' });
  });

  it('uses file:// URIs (no uriBaseId) for files outside cwd', () => {
    const r = cleanResult();
    r.files.push({ file: resolve('/elsewhere/t.yaml'), status: 'linted', source: '' });
    r.findings.push(finding('rds-multi-az-enabled', '/elsewhere/t.yaml', [1, 1, 1, 2]));
    const out = emit(r);
    expect(out.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'file:///elsewhere/t.yaml', index: 3 });
    expect(validate(out)).toBe(true);
  });

  it('is deterministic', () => {
    expect(sarif(dirtyResult(), opts())).toBe(sarif(dirtyResult(), opts()));
  });
});

// ---- index -------------------------------------------------------------------------------------

describe('getFormatter', () => {
  it('loads every format lazily', async () => {
    expect(FORMATS).toEqual(['stylish', 'sarif', 'json', 'compact', 'github', 'markdown', 'junit']);
    for (const name of FORMATS) expect(typeof (await getFormatter(name))).toBe('function');
    expect(await getFormatter('sarif')).toBe(sarif);
  });

  it('names the valid formats for an unknown one', async () => {
    await expect(getFormatter('xml')).rejects.toThrow('Unknown format "xml". Valid formats: stylish, sarif, json, compact, github, markdown, junit.');
  });
});

// ---- github ------------------------------------------------------------------------------------

// The formatters read GITHUB_* variables; a CI runner sets them, so the tests pin them.
function pinGithubEnv(over: Record<string, string> = {}): void {
  for (const name of ['GITHUB_WORKSPACE', 'GITHUB_SERVER_URL', 'GITHUB_REPOSITORY', 'GITHUB_SHA']) vi.stubEnv(name, over[name] ?? '');
}

function errors(n: number, level: Finding['level'] = 'error', file = 'infra/many.yaml'): Finding[] {
  return Array.from({ length: n }, (_, i) => finding('rds-multi-az-enabled', file, [i + 1, 1, i + 1, 5], { level, message: `${level} ${i + 1}` }));
}

describe('github', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('annotates most severe first, columns only on one line, inclusive endColumn, title with the rule id', () => {
    expect(annotations(dirtyResult().findings, { root: cwd }).lines).toEqual([
      '::error file=infra/app.yaml,line=5,endLine=6,title=s3-bucket-encryption (security)::Bucket MyBucket has no default encryption.',
      '::error file=infra/app.yaml,line=10,endLine=10,col=7,endColumn=20,title=rds-multi-az-enabled (reliability)::DB instance MyDb runs in a single Availability Zone.',
      `::notice file=infra/my stack.template.json,line=5,endLine=5,col=${runtimeCol},endColumn=${runtimeCol + 8},title=lambda-runtime-current (sustainability)::Function Fn uses the deprecated runtime python3.8.`,
      '::notice file=infra/app.yaml,line=12,endLine=12,col=3,endColumn=7,title=sqs-queue-dlq (review)::RedrivePolicy of Queue is unknown.%0AIt comes from an imported value.',
    ]);
  });

  it('shows at most 10 per level (or the limit given) and counts the rest in one notice', () => {
    const findings = [...errors(12), ...errors(3, 'warning'), ...errors(10, 'note')];
    const out = annotations(findings, { root: cwd, moreIn: 'the job summary' });
    const count = (level: string) => out.lines.filter((l) => l.startsWith(`::${level} `)).length;
    // The closing notice needs a notice slot, so one note gives way.
    expect([count('error'), count('warning'), count('notice')]).toEqual([10, 3, 10]);
    expect(out.hidden).toEqual({ error: 2, warning: 0, notice: 1 });
    expect(out.shown).toEqual({ error: 10, warning: 3, notice: 10 });
    expect(out.lines.at(-1)).toBe(
      '::notice title=pillars-lint::3 more findings (2 errors, 1 note) are not shown as annotations, because GitHub shows only 10 of each level per step: see the job summary.',
    );
    expect(annotations(findings, { root: cwd, limits: { error: 9 } }).hidden.error).toBe(3);
    // Exactly ten notes and nothing else hidden: all ten shown, no closing notice.
    const notes = annotations(errors(10, 'note'), { root: cwd });
    expect(notes.lines).toHaveLength(10);
    expect(notes.lines.every((l) => l.startsWith('::notice file='))).toBe(true);
  });

  it('leaves out suppressed and baseline findings, writes files outside the root absolute and stacks without a file', () => {
    const r = dirtyResult();
    r.findings = [
      finding('rds-multi-az-enabled', 'a.yaml', [1, 1, 1, 2], { baselineState: 'unchanged' }),
      finding('rds-multi-az-enabled', '../elsewhere/b.yaml', [2, 1, 2, 2]),
      { ...finding('rds-multi-az-enabled', 'x', [3, 1, 3, 2]), file: 'stack://eu-west-1/web' },
    ];
    expect(annotations(r.findings, { root: cwd }).lines).toEqual([
      `::error file=${resolve(cwd, '../elsewhere/b.yaml')},line=2,endLine=2,col=1,endColumn=1,title=rds-multi-az-enabled (reliability)::Finding of rds-multi-az-enabled.`,
      '::error title=rds-multi-az-enabled (reliability)::Finding of rds-multi-az-enabled.',
    ]);
  });

  it('is the github format: paths relative to GITHUB_WORKSPACE, else cwd; nothing when clean', () => {
    pinGithubEnv();
    expect(github(dirtyResult(), opts()).split('\n')[0]).toMatch(/^::error file=infra\/app\.yaml,line=5,/);
    pinGithubEnv({ GITHUB_WORKSPACE: abs('infra') });
    expect(github(dirtyResult(), opts()).split('\n')[0]).toMatch(/^::error file=app\.yaml,line=5,/);
    expect(github(cleanResult(), opts())).toBe('');
  });
});

// ---- markdown ----------------------------------------------------------------------------------

describe('markdown', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const doc = jobSummary(dirtyResult(), { root: cwd, blobUrl: 'https://github.com/octo/infra/blob/abc123', notes: ['Only changed files were linted.'] });
  const lines = doc.split('\n');

  it('starts with the totals, notes and a pillar × level table', () => {
    expect(lines.slice(0, 6)).toEqual([
      '## pillars-lint',
      '',
      '**3 problems** (2 errors, 0 warnings, 1 note) in 2 templates (1 to review, 1 suppressed, 1 file skipped).',
      '',
      'Only changed files were linted.',
      '',
    ]);
    const table = lines.slice(6, 15);
    expect(table[0]).toBe('| pillar | errors | warnings | notes |');
    expect(table.slice(2)).toEqual([
      '| security | 1 | 0 | 0 |',
      '| reliability | 1 | 0 | 0 |',
      '| performance-efficiency | 0 | 0 | 0 |',
      '| cost-optimization | 0 | 0 | 0 |',
      '| operational-excellence | 0 | 0 | 0 |',
      '| sustainability | 0 | 0 | 1 |',
      '| **total** | **2** | **0** | **1** |',
    ]);
  });

  it('groups findings by rule, most severe first, linked to the line and to the rule help, without suppressed ones', () => {
    const groups = lines.filter((l) => l.startsWith('<details'));
    expect(groups).toEqual([
      '<details open><summary><b>s3-bucket-encryption</b> — Title of s3-bucket-encryption — 1 finding</summary>',
      '<details><summary><b>rds-multi-az-enabled</b> — Title of rds-multi-az-enabled — 1 finding</summary>',
      '<details><summary><b>lambda-runtime-current</b> — Title of lambda-runtime-current — 1 finding</summary>',
      '<details><summary><b>sqs-queue-dlq</b> — Title of sqs-queue-dlq — 1 finding</summary>',
    ]);
    expect(lines).toContain('[How to fix](https://example.com/rules/s3-bucket-encryption)');
    expect(lines.filter((l) => l === '| file:line | level | message |')).toHaveLength(4);
    expect(lines.filter((l) => /^\| \[/.test(l))).toEqual([
      '| [infra/app.yaml:5](https://github.com/octo/infra/blob/abc123/infra/app.yaml#L5-L6) | error | Bucket MyBucket has no default encryption. |',
      '| [infra/app.yaml:10](https://github.com/octo/infra/blob/abc123/infra/app.yaml#L10) | error | DB instance MyDb runs in a single Availability Zone. |',
      '| [infra/my stack.template.json:5](https://github.com/octo/infra/blob/abc123/infra/my%20stack.template.json#L5) | note | Function Fn uses the deprecated runtime python3.8. |',
      '| [infra/app.yaml:12](https://github.com/octo/infra/blob/abc123/infra/app.yaml#L12) | review | RedrivePolicy of Queue is unknown.<br>It comes from an imported value. |',
    ]);
    expect(lines.filter((l) => l === '</details>')).toHaveLength(4);
    expect(doc).not.toContain('Queue is not encrypted');
    expect(doc).not.toContain('cut to stay under');
  });

  it('keeps template text from becoming markup', () => {
    expect(escapeMarkdown('a | b <script>*x*</script> [l](u) `c` &amp;\nnext')).toBe(
      'a \\| b &lt;script&gt;\\*x\\*&lt;/script&gt; \\[l\\](u) \\`c\\` &amp;amp;<br>next',
    );
    const r = dirtyResult();
    r.rules = r.rules.map((x) => (x.id === 'rds-multi-az-enabled' ? { ...x, helpUri: 'javascript:alert(1)' } : x));
    const unsafe = jobSummary(r, { root: cwd });
    expect(unsafe).toContain('| infra/app.yaml:10 | error | DB instance MyDb');
    expect(unsafe).not.toContain('javascript:');
  });

  it('says so when clean, without a findings table', () => {
    const clean = jobSummary(cleanResult(), { root: cwd });
    expect(clean).toContain('**No problems** in 2 templates (1 file skipped).');
    expect(clean).not.toContain('### Findings');
  });

  it('stays under the size limit: every rule gets the same number of rows, and what is left out is counted', () => {
    const r = dirtyResult();
    const flood = errors(30_000).map((f) => ({ ...f, message: 'x'.repeat(300) }));
    const few = errors(3).map((f) => ({ ...f, ruleId: 's3-bucket-encryption', message: 'few' }));
    r.findings = [...flood, ...few];
    const big = jobSummary(r, { root: cwd, limitName: "GitHub's 1 MiB limit for a job summary" });
    expect(Buffer.byteLength(big)).toBeLessThan(1024 * 1024);
    const left = /_(\d+) more findings of this rule not listed\._/.exec(big);
    expect(left).not.toBeNull();
    const listed = big.split('\n').filter((l) => l.startsWith('| infra/many.yaml:') && l.includes('xxx')).length;
    expect(listed + Number(left![1])).toBe(30_000);
    // The flood does not hide the small rule.
    expect(big.split('\n').filter((l) => l.endsWith('| few |'))).toHaveLength(3);
    expect(big).toContain("_This report is cut to stay under GitHub's 1 MiB limit for a job summary;");
    const small = jobSummary(r, { root: cwd, maxBytes: 4000 });
    expect(Buffer.byteLength(small)).toBeLessThanOrEqual(4000);
  });

  it('fits a pull-request comment by default as -f markdown, and --markdown-limit raises it', () => {
    pinGithubEnv();
    const r = dirtyResult();
    r.findings = errors(5_000).map((f) => ({ ...f, message: 'y'.repeat(200) }));
    const comment = markdown(r, opts());
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(comment).toContain("GitHub's 65,536-character limit for a pull-request comment (--markdown-limit raises it)");
    const summary = markdown(r, opts({ markdownLimit: 1024 * 1024 }));
    expect(summary.length).toBeGreaterThan(65_536);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(1024 * 1024);
  });

  it('is the markdown format, linking to GITHUB_SHA when the variables are set', () => {
    pinGithubEnv();
    expect(markdown(dirtyResult(), opts())).toContain('| infra/app.yaml:10 | error |');
    pinGithubEnv({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc' });
    expect(markdown(dirtyResult(), opts())).toContain('| [infra/app.yaml:10](https://github.com/o/r/blob/abc/infra/app.yaml#L10) | error |');
  });
});
