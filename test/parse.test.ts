import { describe, expect, it } from 'vitest';
import {
  decodeSource,
  detectFormat,
  findingRegion,
  parseDocument,
  parseJson,
  parseYaml,
  regionOf,
  type NodePath,
  type ParsedDocument,
  type Region,
} from '../src/parse/index.ts';

// ---------------------------------------------------------------------------------------------
// helpers

/** Region as "line:col-line:col" (endColumn exclusive), so expectations read like an editor's ruler. */
function fmt(r: Region): string {
  return `${r.startLine}:${r.startColumn}-${r.endLine}:${r.endColumn}`;
}

function loc(doc: ParsedDocument, path: NodePath) {
  const l = doc.locations.get(path);
  if (!l) throw new Error(`no location for ${JSON.stringify(path)}`);
  return l;
}

/** Region of the node at exactly this path. */
function valueAt(doc: ParsedDocument, path: NodePath): string {
  const l = loc(doc, path);
  return fmt(regionOf(doc.source, doc.lineStarts, l.start, l.end));
}

/** Region of the key naming the node at this path. */
function keyAt(doc: ParsedDocument, path: NodePath): string {
  const l = loc(doc, path);
  expect(l.keyStart).toBeGreaterThanOrEqual(0);
  return fmt(regionOf(doc.source, doc.lineStarts, l.keyStart, l.keyEnd));
}

/** Source text of the node at this path. */
function textAt(doc: ParsedDocument, path: NodePath): string {
  const l = loc(doc, path);
  return doc.source.slice(l.start, l.end);
}

function codes(doc: ParsedDocument): string[] {
  return doc.diagnostics.map((d) => d.code);
}

function diagRegion(doc: ParsedDocument, code: string, nth = 0): string {
  const d = doc.diagnostics.filter((x) => x.code === code)[nth];
  if (!d) throw new Error(`no ${code} diagnostic in ${JSON.stringify(codes(doc))}`);
  return fmt(regionOf(doc.source, doc.lineStarts, d.start, d.end));
}

function allRegions(doc: ParsedDocument): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, l] of doc.locations) {
    out[k] =
      fmt(regionOf(doc.source, doc.lineStarts, l.start, l.end)) +
      (l.keyStart >= 0 ? ' key ' + fmt(regionOf(doc.source, doc.lineStarts, l.keyStart, l.keyEnd)) : '');
  }
  return out;
}

/** Node count without recursion (values here can be large). */
function countNodes(value: unknown): number {
  let n = 0;
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    n++;
    if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') stack.push(...Object.values(v));
  }
  return n;
}

const longKey = (name: string) => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);

const TAGS = [
  'Ref',
  'GetAtt',
  'Sub',
  'If',
  'Equals',
  'And',
  'Or',
  'Not',
  'Condition',
  'FindInMap',
  'Join',
  'Select',
  'Split',
  'Base64',
  'Cidr',
  'GetAZs',
  'ImportValue',
  'Transform',
  'Length',
  'ToJsonString',
  'Contains',
  'EachMemberEquals',
  'EachMemberIn',
  'RefAll',
  'ValueOf',
  'ValueOfAll',
];

// ---------------------------------------------------------------------------------------------

describe('YAML short-form tags', () => {
  for (const tag of TAGS) {
    const fn = longKey(tag);
    const tagEnd = 8 + tag.length + 1; // `!Tag` starts at column 8 of `  Key: !Tag ...`

    it(`!${tag} in scalar form`, () => {
      const doc = parseYaml(`Root:\n  Key: !${tag} value\n`);
      expect(doc.diagnostics).toEqual([]);
      expect(doc.value).toEqual({ Root: { Key: { [fn]: 'value' } } });
      // the intrinsic object: from the tag to the end of the value, keyed by `Key`
      expect(valueAt(doc, ['Root', 'Key'])).toBe(`2:8-2:${tagEnd + 6}`);
      expect(keyAt(doc, ['Root', 'Key'])).toBe('2:3-2:6');
      // its argument: the value, keyed by the tag itself
      expect(valueAt(doc, ['Root', 'Key', fn])).toBe(`2:${tagEnd + 1}-2:${tagEnd + 6}`);
      expect(keyAt(doc, ['Root', 'Key', fn])).toBe(`2:8-2:${tagEnd}`);
    });

    it(`!${tag} in flow sequence form`, () => {
      const doc = parseYaml(`Root:\n  Key: !${tag} [a, b]\n`);
      expect(doc.value).toEqual({ Root: { Key: { [fn]: ['a', 'b'] } } });
      expect(valueAt(doc, ['Root', 'Key'])).toBe(`2:8-2:${tagEnd + 7}`);
      expect(valueAt(doc, ['Root', 'Key', fn])).toBe(`2:${tagEnd + 1}-2:${tagEnd + 7}`);
      expect(keyAt(doc, ['Root', 'Key', fn])).toBe(`2:8-2:${tagEnd}`);
      expect(valueAt(doc, ['Root', 'Key', fn, 1])).toBe(`2:${tagEnd + 5}-2:${tagEnd + 6}`);
    });

    it(`!${tag} in block sequence form`, () => {
      const doc = parseYaml(`Root:\n  Key: !${tag}\n    - a\n    - bc\n`);
      expect(doc.value).toEqual({ Root: { Key: { [fn]: ['a', 'bc'] } } });
      expect(valueAt(doc, ['Root', 'Key'])).toBe('2:8-4:9');
      expect(valueAt(doc, ['Root', 'Key', fn])).toBe('3:5-4:9');
      expect(keyAt(doc, ['Root', 'Key', fn])).toBe(`2:8-2:${tagEnd}`);
      expect(valueAt(doc, ['Root', 'Key', fn, 0])).toBe('3:7-3:8');
    });

    it(`!${tag} in mapping form`, () => {
      const doc = parseYaml(`Root:\n  Key: !${tag}\n    A: 1\n  Flow: !${tag} {B: x}\n`);
      expect(doc.value).toEqual({ Root: { Key: { [fn]: { A: 1 } }, Flow: { [fn]: { B: 'x' } } } });
      expect(valueAt(doc, ['Root', 'Key'])).toBe('2:8-3:9');
      expect(valueAt(doc, ['Root', 'Key', fn])).toBe('3:5-3:9');
      expect(valueAt(doc, ['Root', 'Key', fn, 'A'])).toBe('3:8-3:9');
      expect(keyAt(doc, ['Root', 'Key', fn, 'A'])).toBe('3:5-3:6');
      const flowTag = 9 + tag.length + 1;
      expect(valueAt(doc, ['Root', 'Flow', fn])).toBe(`4:${flowTag + 1}-4:${flowTag + 7}`);
      expect(keyAt(doc, ['Root', 'Flow', fn, 'B'])).toBe(`4:${flowTag + 2}-4:${flowTag + 3}`);
    });
  }

  it('!GetAtt A.B.C splits at the first dot, with a region for each part', () => {
    const doc = parseYaml('Out: !GetAtt Bucket.Arn.Sub\n');
    expect(doc.value).toEqual({ Out: { 'Fn::GetAtt': ['Bucket', 'Arn.Sub'] } });
    expect(valueAt(doc, ['Out'])).toBe('1:6-1:28');
    expect(valueAt(doc, ['Out', 'Fn::GetAtt'])).toBe('1:14-1:28');
    expect(textAt(doc, ['Out', 'Fn::GetAtt', 0])).toBe('Bucket');
    expect(valueAt(doc, ['Out', 'Fn::GetAtt', 0])).toBe('1:14-1:20');
    expect(textAt(doc, ['Out', 'Fn::GetAtt', 1])).toBe('Arn.Sub');
    expect(valueAt(doc, ['Out', 'Fn::GetAtt', 1])).toBe('1:21-1:28');
  });

  it('!GetAtt quoted, as a list, and without a dot', () => {
    const doc = parseYaml('A: !GetAtt "R.Arn"\nB: !GetAtt [R, Arn]\nC: !GetAtt R\n');
    expect(doc.value).toEqual({
      A: { 'Fn::GetAtt': ['R', 'Arn'] },
      B: { 'Fn::GetAtt': ['R', 'Arn'] },
      // malformed, kept as written for a later stage to report
      C: { 'Fn::GetAtt': 'R' },
    });
    expect(textAt(doc, ['A', 'Fn::GetAtt'])).toBe('"R.Arn"');
    expect(textAt(doc, ['A', 'Fn::GetAtt', 1])).toBe('Arn');
    expect(textAt(doc, ['B', 'Fn::GetAtt', 1])).toBe('Arn');
  });

  it('nests tags and mixes them with long forms', () => {
    const src = [
      'Value: !If',
      '  - IsProd',
      '  - !Sub',
      '    - "${A}-x"',
      '    - A: !Ref Name',
      '  - Ref: AWS::NoValue',
      'Sel: !Select [0, !GetAZs ""]',
      'Eq: !Equals [!Ref Env, prod]',
      'Not: !Not [!Condition IsProd]',
      'Map: !FindInMap [M, !Ref AWS::Region, Id]',
      'Cidr: !Cidr [!GetAtt Vpc.CidrBlock, 6, 8]',
      'B64: !Base64 |',
      '  #!/bin/bash',
      '',
    ].join('\n');
    const doc = parseYaml(src);
    expect(doc.diagnostics).toEqual([]);
    expect(doc.value).toEqual({
      Value: { 'Fn::If': ['IsProd', { 'Fn::Sub': ['${A}-x', { A: { Ref: 'Name' } }] }, { Ref: 'AWS::NoValue' }] },
      Sel: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      Eq: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
      Not: { 'Fn::Not': [{ Condition: 'IsProd' }] },
      Map: { 'Fn::FindInMap': ['M', { Ref: 'AWS::Region' }, 'Id'] },
      Cidr: { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 6, 8] },
      B64: { 'Fn::Base64': '#!/bin/bash\n' },
    });
    expect(valueAt(doc, ['Value', 'Fn::If', 1, 'Fn::Sub', 1, 'A', 'Ref'])).toBe('5:15-5:19');
    expect(keyAt(doc, ['Value', 'Fn::If', 1, 'Fn::Sub', 1, 'A', 'Ref'])).toBe('5:10-5:14');
    expect(textAt(doc, ['Sel', 'Fn::Select', 1])).toBe('!GetAZs ""');
    expect(textAt(doc, ['Sel', 'Fn::Select', 1, 'Fn::GetAZs'])).toBe('""');
    expect(textAt(doc, ['B64', 'Fn::Base64']).startsWith('|')).toBe(true);
  });

  it('an empty tagged value is an empty string located at the tag', () => {
    const doc = parseYaml('AZs: !GetAZs\nNext: 1\n');
    expect(doc.value).toEqual({ AZs: { 'Fn::GetAZs': '' }, Next: 1 });
    expect(valueAt(doc, ['AZs'])).toBe('1:6-1:13');
  });

  it('reports unknown tags and converts them generically', () => {
    const doc = parseYaml('A: !Foo bar\nB: !Rain::Embed file.txt\nC: !Foo\n  - 1\n');
    expect(doc.value).toEqual({ A: { 'Fn::Foo': 'bar' }, B: { 'Fn::Rain::Embed': 'file.txt' }, C: { 'Fn::Foo': [1] } });
    expect(codes(doc)).toEqual(['UNKNOWN_TAG', 'UNKNOWN_TAG', 'UNKNOWN_TAG']);
    expect(doc.diagnostics.every((d) => !d.fatal)).toBe(true);
    expect(diagRegion(doc, 'UNKNOWN_TAG', 0)).toBe('1:4-1:8');
    expect(diagRegion(doc, 'UNKNOWN_TAG', 1)).toBe('2:4-2:16');
    expect(valueAt(doc, ['B', 'Fn::Rain::Embed'])).toBe('2:17-2:25');
  });

  it('handles the standard !! tags', () => {
    const doc = parseYaml(
      'S: !!str 123\nI: !!int "0x1F"\nF: !!float "1"\nB: !!bool "yes"\nN: !!null ""\nM: !!map {a: 1}\nQ: !!seq [1]\nX: !!binary aGk=\nV: !<tag:yaml.org,2002:str> 7\nL: !<!Ref> Name\nE: ! 12\n',
    );
    expect(doc.value).toEqual({ S: '123', I: 31, F: 1, B: true, N: null, M: { a: 1 }, Q: [1], X: 'aGk=', V: '7', L: { Ref: 'Name' }, E: '12' });
    expect(codes(doc)).toEqual(['UNKNOWN_TAG']);
    expect(diagRegion(doc, 'UNKNOWN_TAG')).toBe('8:4-8:12');
  });

  it('keeps the text of a value that does not fit its !! tag', () => {
    const doc = parseYaml('I: !!int abc\nB: !!bool maybe\n');
    expect(doc.value).toEqual({ I: 'abc', B: 'maybe' });
    expect(codes(doc)).toEqual(['TAG_MISMATCH', 'TAG_MISMATCH']);
    expect(diagRegion(doc, 'TAG_MISMATCH')).toBe('1:4-1:9');
  });
});

describe('YAML scalars (PyYAML / YAML 1.1 resolution)', () => {
  const table: [string, unknown][] = [
    ['~', null],
    ['null', null],
    ['Null', null],
    ['NULL', null],
    ['', null],
    ['nULL', 'nULL'],
    ['yes', true],
    ['Yes', true],
    ['YES', true],
    ['no', false],
    ['No', false],
    ['NO', false],
    ['on', true],
    ['On', true],
    ['ON', true],
    ['off', false],
    ['Off', false],
    ['OFF', false],
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['y', 'y'],
    ['Y', 'Y'],
    ['n', 'n'],
    ['N', 'N'],
    ['yEs', 'yEs'],
    ['tRUE', 'tRUE'],
    ['0', 0],
    ['12', 12],
    ['-12', -12],
    ['+12', 12],
    ['1_000', 1000],
    ['-0', 0],
    ['0777', 511],
    ['0_7', 7],
    ['08', '08'],
    ['012345678901', '012345678901'],
    ['123456789012', 123456789012],
    ['0x1F', 31],
    ['0xff', 255],
    ['-0x10', -16],
    ['0b101', 5],
    ['0b', '0b'],
    ['0o17', '0o17'],
    ['1:30', 90],
    ['1:30:00', 5400],
    ['-1:00', -60],
    ['1:60', '1:60'],
    ['1.5', 1.5],
    ['1.', 1],
    ['.5', 0.5],
    ['-2.5', -2.5],
    ['1_0.5', 10.5],
    ['1.0e+5', 100000],
    ['1.0E-2', 0.01],
    ['1e5', '1e5'],
    ['1.0e5', '1.0e5'],
    ['1E+5', '1E+5'],
    ['1:30.5', 90.5],
    ['.inf', Infinity],
    ['-.Inf', -Infinity],
    ['+.INF', Infinity],
    ['.nan', NaN],
    ['.NaN', NaN],
    ['2010-09-09', '2010-09-09'],
    ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
    ['3.2.1', '3.2.1'],
    ['10.0.0.0/16', '10.0.0.0/16'],
    ['-1-', '-1-'],
    ['+', '+'],
    ['.', '.'],
    ['<<', '<<'],
    ['=', '='],
    ['String', 'String'],
    ['t2.micro', 't2.micro'],
  ];
  for (const [text, expected] of table) {
    it(`plain ${JSON.stringify(text)} → ${String(expected)}`, () => {
      const doc = parseYaml(`V: ${text}\n`);
      expect(doc.diagnostics.filter((d) => d.code !== 'MERGE_KEY')).toEqual([]);
      expect((doc.value as { V: unknown }).V).toEqual(expected);
    });
  }

  it('quoted and block scalars are always strings', () => {
    const doc = parseYaml('A: \'yes\'\nB: "123"\nC: |\n  true\nD: >-\n  0777\nE: !Ref 12\n');
    expect(doc.value).toEqual({ A: 'yes', B: '123', C: 'true\n', D: '0777', E: { Ref: '12' } });
  });

  it('mapping keys are always strings', () => {
    const doc = parseYaml('yes: 1\n12: 2\n~: 3\n1.5: 4\n');
    expect(Object.keys(doc.value as object)).toEqual(['12', 'yes', '~', '1.5']);
    expect(doc.value).toEqual({ yes: 1, 12: 2, '~': 3, '1.5': 4 });
  });

  it('AWSTemplateFormatVersion stays a string', () => {
    expect(parseYaml('AWSTemplateFormatVersion: 2010-09-09\n').value).toEqual({ AWSTemplateFormatVersion: '2010-09-09' });
  });

  it('a block scalar at the end of a file without a final newline has no trailing newline (PyYAML)', () => {
    expect(parseYaml('A: |\n  x\n  y').value).toEqual({ A: 'x\ny' });
    expect(parseYaml('A: |\n  x\n').value).toEqual({ A: 'x\n' });
    expect(parseYaml('A: |+\n  x\n\n').value).toEqual({ A: 'x\n\n' });
  });
});

describe('YAML locations', () => {
  const src = [
    'Resources:', //                      1
    '  Bucket:', //                       2
    "    Type: 'AWS::S3::Bucket'", //     3
    '    Properties:', //                 4
    '      BucketName: "my-bucket"', //   5
    '      Tags: [{Key: a, Value: b}]', //6
    '      Policy: |-', //                7
    '        line one', //                8
    '        line two', //                9
    '      Empty:', //                    10
    '      Folded: > # comment', //       11
    '        text', //                    12
    '  "Quoted Key": 1', //               13
    '',
  ].join('\n');
  const doc = parseYaml(src);

  it('builds the plain value', () => {
    expect(doc.diagnostics).toEqual([]);
    expect(doc.value).toEqual({
      Resources: {
        Bucket: {
          Type: 'AWS::S3::Bucket',
          Properties: { BucketName: 'my-bucket', Tags: [{ Key: 'a', Value: 'b' }], Policy: 'line one\nline two', Empty: null, Folded: 'text\n' },
        },
        'Quoted Key': 1,
      },
    });
  });

  it('quoted scalars include their quotes', () => {
    expect(valueAt(doc, ['Resources', 'Bucket', 'Type'])).toBe('3:11-3:28');
    expect(valueAt(doc, ['Resources', 'Bucket', 'Properties', 'BucketName'])).toBe('5:19-5:30');
  });

  it('block scalars start at their indicator', () => {
    expect(valueAt(doc, ['Resources', 'Bucket', 'Properties', 'Policy'])).toBe('7:15-9:17');
    expect(valueAt(doc, ['Resources', 'Bucket', 'Properties', 'Folded'])).toBe('11:15-12:13');
  });

  it('mapping keys have key regions, quoted keys with their quotes', () => {
    expect(keyAt(doc, ['Resources'])).toBe('1:1-1:10');
    expect(keyAt(doc, ['Resources', 'Bucket'])).toBe('2:3-2:9');
    expect(keyAt(doc, ['Resources', 'Bucket', 'Properties', 'BucketName'])).toBe('5:7-5:17');
    expect(keyAt(doc, ['Resources', 'Quoted Key'])).toBe('13:3-13:15');
    expect(keyAt(doc, ['Resources', 'Bucket', 'Properties', 'Tags', 0, 'Value'])).toBe('6:23-6:28');
    expect(loc(doc, ['Resources', 'Bucket', 'Properties', 'Tags', 0]).keyStart).toBe(-1);
    expect(loc(doc, []).keyStart).toBe(-1);
  });

  it('an empty value sits at the end of its key', () => {
    const l = loc(doc, ['Resources', 'Bucket', 'Properties', 'Empty']);
    expect(l.start).toBe(l.end);
    expect(l.start).toBe(l.keyEnd);
    expect(keyAt(doc, ['Resources', 'Bucket', 'Properties', 'Empty'])).toBe('10:7-10:12');
  });

  it('collections end at their last child, flow collections at the closing bracket', () => {
    expect(valueAt(doc, ['Resources', 'Bucket'])).toBe('3:5-12:13');
    expect(valueAt(doc, ['Resources', 'Bucket', 'Properties', 'Tags'])).toBe('6:13-6:33');
    expect(valueAt(doc, ['Resources', 'Bucket', 'Properties', 'Tags', 0])).toBe('6:14-6:32');
    expect(valueAt(doc, [])).toBe('1:1-13:18');
  });

  it('findingRegion falls back to the key of the nearest existing node', () => {
    expect(fmt(findingRegion(doc, ['Resources', 'Bucket', 'Properties', 'Missing', 'Deeper']))).toBe('4:5-4:15');
    expect(fmt(findingRegion(doc, ['Resources', 'Bucket', 'Properties', 'BucketName']))).toBe('5:19-5:30');
  });

  it('flow collections with comments, empty collections and multi-line flow', () => {
    const d = parseYaml('A: [ ]\nB: {}\nC: [a, # note\n  b\n  ]\nD: [x: 1]\n');
    expect(d.value).toEqual({ A: [], B: {}, C: ['a', 'b'], D: [{ x: 1 }] });
    expect(valueAt(d, ['A'])).toBe('1:4-1:7');
    expect(valueAt(d, ['B'])).toBe('2:4-2:6');
    expect(valueAt(d, ['C'])).toBe('3:4-5:4');
    expect(valueAt(d, ['D', 0])).toBe('6:5-6:9');
  });

  it('sequence items with empty values', () => {
    const d = parseYaml('L:\n  -\n  - a\n  -\n');
    expect(d.value).toEqual({ L: [null, 'a', null] });
    expect(loc(d, ['L', 0]).start).toBe(6);
    expect(loc(d, ['L', 2]).start).toBe(16);
  });

  it('CRLF input gives the same values and regions as LF', () => {
    const crlf = parseYaml(src.replace(/\n/g, '\r\n'));
    expect(crlf.value).toEqual(doc.value);
    expect(allRegions(crlf)).toEqual(allRegions(doc));
  });

  it('a BOM is stripped and column 1 is the first real character', () => {
    const bom = parseYaml('\uFEFF' + src);
    expect(bom.source).toBe(src);
    expect(bom.value).toEqual(doc.value);
    expect(allRegions(bom)).toEqual(allRegions(doc));
    expect(keyAt(bom, ['Resources'])).toBe('1:1-1:10');
    const both = parseDocument('\uFEFF' + src.replace(/\n/g, '\r\n'));
    expect(allRegions(both)).toEqual(allRegions(doc));
  });

  it('multi-line plain and quoted scalars', () => {
    const d = parseYaml('A: one\n  two\nB: "x\n  y"\n');
    expect(d.value).toEqual({ A: 'one two', B: 'x y' });
    expect(valueAt(d, ['A'])).toBe('1:4-2:6');
    expect(valueAt(d, ['B'])).toBe('3:4-4:5');
  });

  it('accepts continuation lines indented like their key, as PyYAML does', () => {
    const d = parseYaml(
      [
        'Outputs:',
        '  Info:',
        "    Value: 'first part",
        "    second part'",
        '  Policy:',
        '    Statements: [{',
        '      "Effect": "Allow"',
        '    }]',
        '  After: !Ref X',
        '',
      ].join('\n'),
    );
    expect(d.diagnostics).toEqual([]);
    expect(d.value).toEqual({
      Outputs: { Info: { Value: 'first part second part' }, Policy: { Statements: [{ Effect: 'Allow' }] }, After: { Ref: 'X' } },
    });
    // regions are in the original text
    expect(valueAt(d, ['Outputs', 'Info', 'Value'])).toBe('3:12-4:17');
    expect(valueAt(d, ['Outputs', 'Policy', 'Statements'])).toBe('6:17-8:7');
    expect(keyAt(d, ['Outputs', 'Policy', 'Statements', 0, 'Effect'])).toBe('7:7-7:15');
    expect(valueAt(d, ['Outputs', 'After', 'Ref'])).toBe('9:15-9:16');
  });
});

describe('node locations: looked up by path', () => {
  // Wide mappings and sequences are looked up through an index built on first use; narrow ones by a scan.
  const wide = (n: number) => Array.from({ length: n }, (_, i) => `  K${i}: ${i}`).join('\n');

  it('finds every child of a wide mapping and sequence, where a narrow one finds it too', () => {
    for (const n of [3, 16, 17, 200]) {
      const doc = parseYaml(`M:\n${wide(n)}\nS:\n${Array.from({ length: n }, (_, i) => `  - v${i}`).join('\n')}\n`);
      for (const i of [0, Math.floor(n / 2), n - 1]) {
        expect(textAt(doc, ['M', `K${i}`])).toBe(String(i));
        expect(textAt(doc, ['S', i])).toBe(`v${i}`);
        expect(textAt(doc, ['S', String(i)])).toBe(`v${i}`);
      }
      expect(doc.locations.has(['M', `K${n}`])).toBe(false);
      expect(doc.locations.has(['S', n])).toBe(false);
      expect(doc.locations.has(['S', -1])).toBe(false);
      expect(doc.locations.has(['S', '01'])).toBe(false);
    }
  });

  it('a key given twice leads to its last value, in narrow and wide mappings', () => {
    for (const n of [2, 40]) {
      const doc = parseYaml(`M:\n  Dup: {A: 1}\n${wide(n)}\n  Dup: last\n`);
      expect(textAt(doc, ['M', 'Dup'])).toBe('last');
      expect(doc.locations.has(['M', 'Dup', 'A'])).toBe(false);
    }
  });

  it('keys that look like numbers are mapping keys, not positions', () => {
    const doc = parseYaml('M:\n  "1": one\n  "0": zero\n');
    expect(textAt(doc, ['M', '0'])).toBe('zero');
    expect(textAt(doc, ['M', 1])).toBe('one');
  });

  it('iterates the reachable nodes as path keys, and overrides move or remove a node for a rewritten template', () => {
    const doc = parseYaml('A:\n  B: 1\n  B: 2\nC: [x]\n');
    expect([...doc.locations].map(([k]) => k.split('\u0000').join('.'))).toEqual(['', 'A', 'A.B', 'C', 'C.0']);
    const moved = doc.locations.withOverrides();
    moved.set(['D', 'E'], doc.locations.get(['C', 0])!);
    moved.delete(['A', 'B']);
    expect(moved.get(['D', 'E'])).toEqual(doc.locations.get(['C', 0]));
    expect(moved.has(['A', 'B'])).toBe(false);
    expect(doc.locations.has(['A', 'B'])).toBe(true);
    expect(doc.locations.has(['D', 'E'])).toBe(false);
    expect(() => doc.locations.set(['X'], { start: 0, end: 1, keyStart: -1, keyEnd: -1 })).toThrow(/withOverrides/);
  });
});

describe('YAML diagnostics', () => {
  it('YAML_SYNTAX is fatal and located', () => {
    const doc = parseYaml('A:\n  B: 1\n C: 2\n');
    expect(doc.value).toBeUndefined();
    expect(codes(doc)).toEqual(['YAML_SYNTAX']);
    expect(doc.diagnostics[0]!.fatal).toBe(true);
    expect(doc.diagnostics[0]!.message).toMatch(/indentation/);
    expect(diagRegion(doc, 'YAML_SYNTAX')).toBe('3:2-3:3');
  });

  it('YAML_SYNTAX for an unterminated quote and for tabs', () => {
    const open = parseYaml('A: "abc\nB: 1\n');
    expect(codes(open)).toEqual(['YAML_SYNTAX']);
    expect(open.diagnostics[0]!.message).toMatch(/closing quote/);
    const tab = parseYaml('A:\n\tB: 1\n');
    expect(tab.diagnostics[0]!.code).toBe('YAML_SYNTAX');
    expect(tab.diagnostics[0]!.fatal).toBe(true);
  });

  it('DUPLICATE_KEY: located at the second key, the last value wins', () => {
    const doc = parseYaml('A:\n  X: 1\n  Y: {Z: 1}\n  X: 2\n  Y: 3\n');
    expect(doc.value).toEqual({ A: { X: 2, Y: 3 } });
    expect(codes(doc)).toEqual(['DUPLICATE_KEY', 'DUPLICATE_KEY']);
    expect(doc.diagnostics[0]!.fatal).toBe(false);
    expect(diagRegion(doc, 'DUPLICATE_KEY', 0)).toBe('4:3-4:4');
    expect(diagRegion(doc, 'DUPLICATE_KEY', 1)).toBe('5:3-5:4');
    expect(valueAt(doc, ['A', 'X'])).toBe('4:6-4:7');
    // nothing is left behind from the replaced value
    expect(doc.locations.has(['A', 'Y', 'Z'])).toBe(false);
  });

  it('YAML_ALIAS: reported once per alias, expanded, the alias node located at the alias', () => {
    const doc = parseYaml('Base: &tags\n  - Key: a\n    Value: b\nOne: *tags\nTwo: *tags\n');
    expect(doc.value).toEqual({ Base: [{ Key: 'a', Value: 'b' }], One: [{ Key: 'a', Value: 'b' }], Two: [{ Key: 'a', Value: 'b' }] });
    expect(codes(doc)).toEqual(['YAML_ALIAS', 'YAML_ALIAS']);
    expect(diagRegion(doc, 'YAML_ALIAS', 0)).toBe('4:6-4:11');
    expect(diagRegion(doc, 'YAML_ALIAS', 1)).toBe('5:6-5:11');
    expect(valueAt(doc, ['One'])).toBe('4:6-4:11');
    expect(keyAt(doc, ['One'])).toBe('4:1-4:4');
    // inside, the anchored text
    expect(keyAt(doc, ['One', 0, 'Value'])).toBe('3:5-3:10');
    // copies, not shared references
    const v = doc.value as { One: unknown[]; Two: unknown[] };
    expect(v.One).not.toBe(v.Two);
  });

  it('YAML_ALIAS for an alias to no anchor gives null', () => {
    const doc = parseYaml('A: *nothing\n');
    expect(doc.value).toEqual({ A: null });
    expect(codes(doc)).toEqual(['YAML_ALIAS']);
  });

  it('an alias bomb stops at the expansion budget', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) {
      const prev = names[i - 1]!;
      lines.push(
        `${names[i]}: &${names[i]} [${Array(9)
          .fill('*' + prev)
          .join(',')}]`,
      );
    }
    const doc = parseYaml(lines.join('\n') + '\n');
    expect(doc.diagnostics.filter((d) => d.code === 'YAML_ALIAS')).toHaveLength(72);
    expect(codes(doc)).toContain('ALIAS_BUDGET');
    expect(doc.diagnostics.every((d) => !d.fatal)).toBe(true);
    expect(countNodes(doc.value)).toBeLessThan(20_000);
    const budget = doc.diagnostics.find((d) => d.code === 'ALIAS_BUDGET')!;
    expect(doc.source.slice(budget.start, budget.end)).toMatch(/^\*[a-i]$/);
  });

  it('MERGE_KEY: reported and kept as a plain key', () => {
    const doc = parseYaml('Base: &b {A: 1}\nX:\n  <<: *b\n  B: 2\n');
    expect(doc.value).toEqual({ Base: { A: 1 }, X: { '<<': { A: 1 }, B: 2 } });
    expect(codes(doc)).toEqual(['MERGE_KEY', 'YAML_ALIAS']);
    expect(diagRegion(doc, 'MERGE_KEY')).toBe('3:3-3:5');
    // a quoted "<<" is an ordinary key
    expect(codes(parseYaml('"<<": 1\n'))).toEqual([]);
  });

  it('MULTIPLE_DOCUMENTS: the first document is used', () => {
    const doc = parseYaml('A: 1\n---\nB: 2\n');
    expect(doc.value).toEqual({ A: 1 });
    expect(codes(doc)).toEqual(['MULTIPLE_DOCUMENTS']);
    expect(doc.diagnostics[0]!.fatal).toBe(false);
    expect(diagRegion(doc, 'MULTIPLE_DOCUMENTS')).toBe('2:1-2:4');
    // one explicit document is fine
    expect(codes(parseYaml('---\nA: 1\n...\n'))).toEqual([]);
  });

  it('DEPTH_LIMIT for 20,000-deep flow and block YAML, without a stack overflow', () => {
    const flow = parseYaml('['.repeat(20_000) + ']'.repeat(20_000));
    expect(codes(flow)).toEqual(['DEPTH_LIMIT']);
    expect(flow.diagnostics[0]!.fatal).toBe(true);
    expect(flow.value).toBeUndefined();
    expect(diagRegion(flow, 'DEPTH_LIMIT')).toBe('1:1000-1:1001');
    const block = parseYaml('- '.repeat(20_000) + 'x\n');
    expect(codes(block)).toEqual(['DEPTH_LIMIT']);
    const map = parseYaml('a: {'.repeat(20_000) + '}'.repeat(20_000));
    expect(codes(map)).toEqual(['DEPTH_LIMIT']);
  });

  it('nesting below the limit parses', () => {
    const doc = parseYaml('['.repeat(900) + '1' + ']'.repeat(900));
    expect(doc.diagnostics).toEqual([]);
    expect(doc.locations.nodeCount).toBe(901);
  });

  it('COMPLEX_KEY: a collection key becomes its source text', () => {
    const doc = parseYaml('? [a, b]\n: 1\n');
    expect(doc.value).toEqual({ '[a, b]': 1 });
    expect(codes(doc)).toEqual(['COMPLEX_KEY']);
  });

  it('an empty document is null', () => {
    expect(parseYaml('').value).toBeNull();
    expect(parseYaml('# only a comment\n').value).toBeNull();
    expect(parseYaml('').diagnostics).toEqual([]);
  });
});

describe('__proto__ keys', () => {
  it('YAML: an own property, no prototype pollution', () => {
    const doc = parseYaml('__proto__:\n  polluted: yes\nA:\n  __proto__: [1]\n');
    const v = doc.value as Record<string, unknown>;
    expect(Object.hasOwn(v, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(v)).toEqual(['__proto__', 'A']);
    // biome-ignore lint/suspicious/noProto: the test is about a key named __proto__
    expect((v.A as Record<string, unknown>).__proto__).toEqual([1]);
    expect(keyAt(doc, ['__proto__'])).toBe('1:1-1:10');
  });

  it('JSON: an own property, no prototype pollution', () => {
    const doc = parseJson('{"__proto__": {"polluted": true}, "a": {"__proto__": 1}}');
    const v = doc.value as Record<string, unknown>;
    expect(Object.hasOwn(v, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(v)).toBe('{"__proto__":{"polluted":true},"a":{"__proto__":1}}');
  });
});

describe('JSON', () => {
  const src = [
    '{',
    '  "Resources": {',
    '    "Bucket": {',
    '      "Type": "AWS::S3::Bucket",',
    '      "Properties": {"Tags": [{"Key": "a", "Value": 1.5}], "On": true, "Off": null}',
    '    }',
    '  }',
    '}',
  ].join('\n');
  const doc = parseJson(src);

  it('values and locations', () => {
    expect(doc.format).toBe('json');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.value).toEqual({ Resources: { Bucket: { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'a', Value: 1.5 }], On: true, Off: null } } } });
    expect(valueAt(doc, [])).toBe('1:1-8:2');
    expect(valueAt(doc, ['Resources', 'Bucket'])).toBe('3:15-6:6');
    expect(keyAt(doc, ['Resources', 'Bucket'])).toBe('3:5-3:13');
    expect(valueAt(doc, ['Resources', 'Bucket', 'Type'])).toBe('4:15-4:32');
    expect(valueAt(doc, ['Resources', 'Bucket', 'Properties', 'Tags', 0, 'Value'])).toBe('5:53-5:56');
    expect(keyAt(doc, ['Resources', 'Bucket', 'Properties', 'Tags', 0, 'Value'])).toBe('5:44-5:51');
    expect(loc(doc, ['Resources', 'Bucket', 'Properties', 'Tags', 0]).keyStart).toBe(-1);
  });

  it('CRLF and BOM give the same regions', () => {
    const other = parseJson('\uFEFF' + src.replace(/\n/g, '\r\n'));
    expect(other.value).toEqual(doc.value);
    expect(allRegions(other)).toEqual(allRegions(doc));
  });

  it('comments are JSON_COMMENT, the first error fatal, the value still recovered', () => {
    const d = parseJson('{\n  // note\n  "A": 1, /* x */ "B": 2\n}');
    expect(codes(d)).toEqual(['JSON_COMMENT', 'JSON_COMMENT']);
    expect(d.diagnostics[0]!.fatal).toBe(true);
    expect(d.diagnostics[1]!.fatal).toBe(false);
    expect(d.diagnostics[0]!.message).toMatch(/[Cc]omments are not allowed in JSON templates/);
    expect(diagRegion(d, 'JSON_COMMENT', 0)).toBe('2:3-2:10');
    expect(diagRegion(d, 'JSON_COMMENT', 1)).toBe('3:11-3:18');
    expect(d.value).toEqual({ A: 1, B: 2 });
  });

  it('trailing commas are JSON_TRAILING_COMMA at the comma', () => {
    const d = parseJson('{\n  "A": [1, 2,],\n  "B": 3,\n}');
    expect(codes(d)).toEqual(['JSON_TRAILING_COMMA', 'JSON_TRAILING_COMMA']);
    expect(diagRegion(d, 'JSON_TRAILING_COMMA', 0)).toBe('2:13-2:14');
    expect(diagRegion(d, 'JSON_TRAILING_COMMA', 1)).toBe('3:9-3:10');
    expect(d.diagnostics[0]!.fatal).toBe(true);
    expect(d.value).toEqual({ A: [1, 2], B: 3 });
  });

  it('DUPLICATE_KEY: not fatal, located at the second key, last wins', () => {
    const d = parseJson('{"A": {"X": 1}, "B": 2, "A": 3}');
    expect(codes(d)).toEqual(['DUPLICATE_KEY']);
    expect(d.diagnostics[0]!.fatal).toBe(false);
    expect(diagRegion(d, 'DUPLICATE_KEY')).toBe('1:25-1:28');
    expect(d.value).toEqual({ A: 3, B: 2 });
    expect(d.locations.has(['A', 'X'])).toBe(false);
    expect(valueAt(d, ['A'])).toBe('1:30-1:31');
  });

  it('JSON_SYNTAX errors are all reported, the first fatal', () => {
    const d = parseJson('{\n  "A" 1,\n  "B": }\n');
    expect(codes(d)).toEqual(['JSON_SYNTAX', 'JSON_SYNTAX']);
    expect(d.diagnostics.map((x) => x.fatal)).toEqual([true, false]);
    expect(d.diagnostics[0]!.message).toBe('JSON syntax error: colon expected');
    expect(diagRegion(d, 'JSON_SYNTAX', 0)).toBe('2:7-2:8');
    expect(diagRegion(d, 'JSON_SYNTAX', 1)).toBe('3:8-3:9');
  });

  it('DEPTH_LIMIT for 20,000-deep JSON, located at the offending bracket', () => {
    const d = parseJson('['.repeat(20_000) + ']'.repeat(20_000));
    expect(codes(d)).toEqual(['DEPTH_LIMIT']);
    expect(d.diagnostics[0]!.fatal).toBe(true);
    expect(d.value).toBeUndefined();
    expect(diagRegion(d, 'DEPTH_LIMIT')).toBe('1:1001-1:1002');
    const obj = parseJson('{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000));
    expect(codes(obj)).toEqual(['DEPTH_LIMIT']);
  });

  it('brackets inside strings and comments do not count toward the depth', () => {
    const d = parseJson(`{"a": "${'['.repeat(5000)}", "b": "\\"${'{'.repeat(5000)}"}`);
    expect(d.diagnostics).toEqual([]);
    const c = parseJson(`{"a": 1 /* ${'['.repeat(5000)} */}`);
    expect(codes(c)).toEqual(['JSON_COMMENT']);
  });

  it('a string broken by a line break does not hide brackets from the depth scan', () => {
    const d = parseJson('{"a": "x\n' + '['.repeat(20_000));
    expect(codes(d)).toEqual(['DEPTH_LIMIT']);
  });
});

describe('format detection', () => {
  it('chooses from content, not extension', () => {
    expect(detectFormat('{"A": 1}')).toBe('json');
    expect(detectFormat('  \r\n\t[1]')).toBe('json');
    expect(detectFormat('\uFEFF{}')).toBe('json');
    expect(detectFormat('// comment\n{}')).toBe('json');
    expect(detectFormat('/* c */ {}')).toBe('json');
    expect(detectFormat('A: 1')).toBe('yaml');
    expect(detectFormat('# c\n{A: 1}')).toBe('yaml');
    expect(detectFormat('---\n{A: 1}')).toBe('yaml');
    expect(detectFormat('')).toBe('yaml');
  });

  it('JSON goes to the JSON parser, so JSON errors are JSON errors (unless the text is YAML)', () => {
    const d = parseDocument('{"A": 1,,}');
    expect(d.format).toBe('json');
    expect(codes(d)[0]).toBe('JSON_SYNTAX');
    // A trailing comma is fine in a YAML flow mapping, which CloudFormation accepts.
    expect(parseDocument('{"A": 1,}')).toMatchObject({ format: 'yaml', value: { A: 1 }, diagnostics: [] });
    const y = parseDocument('A: {"B": 1}');
    expect(y.format).toBe('yaml');
    expect(y.value).toEqual({ A: { B: 1 } });
  });
});

describe('decodeSource', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  it('UTF-8, with the BOM stripped', () => {
    expect(decodeSource(utf8('A: é\n'))).toEqual({ text: 'A: é\n' });
    expect(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('A: 1')]))).toEqual({ text: 'A: 1' });
  });

  it('UTF-16 LE and BE with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x3a, 0x00, 0x20, 0x00, 0xe9, 0x00]);
    expect(decodeSource(le)).toEqual({ text: 'A: é' });
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x00, 0x3a, 0x00, 0x20, 0x00, 0xe9]);
    expect(decodeSource(be)).toEqual({ text: 'A: é' });
  });

  it('invalid UTF-8 is a fatal ENCODING error at the first bad character', () => {
    const bytes = new Uint8Array([...utf8('A: é\nB: '), 0xc3, 0x28, ...utf8('\n')]);
    const r = decodeSource(bytes);
    expect('error' in r).toBe(true);
    if (!('error' in r)) return;
    expect(r.error.code).toBe('ENCODING');
    expect(r.error.fatal).toBe(true);
    // "A: é\nB: " is 8 characters (é is one UTF-16 unit, two bytes)
    expect(r.error.start).toBe(8);
    expect(r.error.message).toMatch(/byte 9/);
    // a lone continuation byte, an overlong form and a truncated sequence
    for (const bad of [[0x80], [0xc0, 0xaf], [0xe2, 0x82]]) {
      const x = decodeSource(new Uint8Array([0x41, ...bad]));
      expect('error' in x && x.error.code === 'ENCODING' && x.error.start === 1).toBe(true);
    }
  });

  it('a NUL byte in the first 8 KB is a fatal BINARY error', () => {
    const r = decodeSource(new Uint8Array([0x41, 0x42, 0x00, 0x43]));
    expect('error' in r && r.error.code).toBe('BINARY');
    if ('error' in r) {
      expect(r.error.fatal).toBe(true);
      expect(r.error.start).toBe(2);
      expect(r.error.message).toMatch(/binary file/);
    }
    const late = new Uint8Array(9000).fill(0x41);
    late[8500] = 0;
    expect('text' in decodeSource(late)).toBe(true);
  });
});

describe('lenient indentation: runs of deficient lines', () => {
  it('pads consecutive lines and never changes what the file means', () => {
    const body = Array.from({ length: 40 }, (_, i) => `    "k${i}": ${i},`).join('\n');
    const src = `A:\n  B: {\n${body.replace(/^ {4}/gm, '  ')}\n  "end": 1\n  }\n  C: 'x\n  y'\n  D: 1\n`;
    const doc = parseYaml(src);
    expect(doc.diagnostics).toEqual([]);
    const b: Record<string, number> = { end: 1 };
    for (let i = 0; i < 40; i++) b[`k${i}`] = i;
    expect(doc.value).toEqual({ A: { B: { ...b }, C: 'x y', D: 1 } });
    expect(Object.keys((doc.value as { A: { B: object } }).A.B)).toEqual([...Array.from({ length: 40 }, (_, i) => `k${i}`), 'end']);
    expect(keyAt(doc, ['A', 'B', 'k39'])).toBe('42:3-42:8');
    expect(valueAt(doc, ['A', 'D'])).toBe('47:6-47:7');
  });

  it('still reports a real error after padding', () => {
    const doc = parseYaml("A:\n  B: 'x\n  y'\n   C: 1\n");
    expect(codes(doc)).toEqual(['YAML_SYNTAX']);
    expect(diagRegion(doc, 'YAML_SYNTAX').startsWith('4:')).toBe(true);
  });
});
