// The intrinsic policy (docs/value-model.md) as a table: each case is a template snippet, the property to read,
// and the variants that must come out (kind, value, and the assumptions that name where it came from).
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/parse/index.ts';
import { buildTemplate } from '../src/template/model.ts';
import { interpolate } from '../src/engine/run-rules.ts';
import { clip, valueText } from '../src/values/quote.ts';
import { TOO_COMPLEX, ValueResolver, cidrSubnets } from '../src/values/resolver.ts';
import { combinations, describeAssumption, literalVariant, mergeAssumptionLists, Opaque, type Assumption, type Variant } from '../src/values/variant.ts';

function resolve(yaml: string, property = 'Value', given: Record<string, string> = {}): string[] {
  const built = buildTemplate(parseDocument(yaml), 't.yaml');
  if (built.kind !== 'template') throw new Error(built.kind);
  const resolver = new ValueResolver(built.template, new Map(Object.entries(given)));
  const resource = built.template.resources.get('R')!;
  return resolver.navigate(resolver.roots(resource), ['Properties', ...property.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s))]).map(show);
}

function show(v: Variant): string {
  const context = v.assumptions.map(describeAssumption).join('; ');
  const ref = v.ref ? ` (ref ${v.ref.logicalId}${v.ref.attribute ? '.' + v.ref.attribute : ''})` : '';
  const body =
    v.kind === 'literal' ? JSON.stringify(v.value) + (v.symbolic ? ' (symbolic)' : '') : v.kind === 'unknown' ? `unknown: ${v.reason}${ref}` : 'absent';
  return context ? `${body} | ${context}` : body;
}

const resource = (value: string, extra = '') => `${extra}\nResources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      Value: ${value}\n`;

const cases: Array<{ name: string; yaml: string; given?: Record<string, string>; expected: string[] }> = [
  { name: 'a literal', yaml: resource('42'), expected: ['42'] },
  { name: 'an absent property', yaml: resource('1').replace('Value: 1', 'Other: 1'), expected: ['absent'] },
  { name: 'AWS::NoValue is absent', yaml: resource('!Ref AWS::NoValue'), expected: ['absent'] },
  {
    name: 'Ref to a parameter uses its Default',
    yaml: resource('!Ref P', 'Parameters:\n  P:\n    Type: String\n    Default: a'),
    expected: ['"a" | with parameter P default "a"'],
  },
  {
    name: 'AllowedValues other than the Default are alternatives',
    yaml: resource('!Ref P', 'Parameters:\n  P:\n    Type: String\n    Default: a\n    AllowedValues: [a, b]'),
    expected: ['"a" | with parameter P default "a"', '"b" | when parameter P is "b"'],
  },
  {
    name: 'a given value wins over the Default and the alternatives',
    yaml: resource('!Ref P', 'Parameters:\n  P:\n    Type: String\n    Default: a\n    AllowedValues: [a, b]'),
    given: { P: 'b' },
    expected: ['"b" | with parameter P = "b"'],
  },
  {
    name: 'a parameter without Default is unknown',
    yaml: resource('!Ref P', 'Parameters:\n  P:\n    Type: String'),
    expected: ['unknown: parameter P has no Default'],
  },
  {
    name: 'an SSM parameter type is unknown',
    yaml: resource('!Ref P', 'Parameters:\n  P:\n    Type: AWS::SSM::Parameter::Value<String>\n    Default: /x'),
    expected: ['unknown: parameter P is read from SSM at deploy time'],
  },
  {
    name: 'a CommaDelimitedList parameter is a list',
    yaml: resource('!Ref P', 'Parameters:\n  P:\n    Type: CommaDelimitedList\n    Default: "a, b"'),
    expected: ['["a","b"] | with parameter P default "a, b"'],
  },
  { name: 'a pseudo parameter is unknown', yaml: resource('!Ref AWS::Region'), expected: ['unknown: the pseudo parameter AWS::Region'] },
  {
    name: 'Ref to a resource is an edge, not a value',
    yaml: resource('!Ref Other'),
    expected: ['unknown: Ref to Other, which is not defined in the template'],
  },
  { name: 'Fn::ImportValue is unknown', yaml: resource('!ImportValue shared'), expected: ['unknown: an Fn::ImportValue from another stack'] },
  { name: 'a dynamic reference is unknown', yaml: resource('"{{resolve:ssm:/a/b}}"'), expected: ['unknown: a dynamic reference, resolved at deploy time'] },
  {
    name: 'Fn::If on a condition decided by literals',
    yaml: resource('!If [C, yes-branch, no-branch]', 'Conditions:\n  C: !Equals [a, a]'),
    expected: ['"yes-branch"'],
  },
  {
    name: 'Fn::If on a condition decided by a parameter default',
    yaml: resource('!If [C, 1, 2]', 'Parameters:\n  Env:\n    Type: String\n    Default: dev\nConditions:\n  C: !Equals [!Ref Env, prod]'),
    expected: ['2 | with parameter Env default "dev"'],
  },
  {
    name: 'Fn::If on an undecidable condition gives both branches, labelled',
    yaml: resource('!If [C, 1, 2]', 'Parameters:\n  Env:\n    Type: String\nConditions:\n  C: !Equals [!Ref Env, prod]'),
    expected: ['1 | when condition C is true', '2 | when condition C is false'],
  },
  {
    name: 'Fn::If with AWS::NoValue in a branch',
    yaml: resource('!If [C, !Ref AWS::NoValue, 2]', 'Conditions:\n  C: !Equals [!Ref AWS::Region, us-east-1]'),
    expected: ['absent | when condition C is true', '2 | when condition C is false'],
  },
  {
    name: 'Fn::And, Fn::Or, Fn::Not and Condition references',
    yaml: resource(
      '!If [All, enabled, disabled]',
      'Conditions:\n  A: !Equals [x, x]\n  B: !Not [!Equals [x, y]]\n  Either: !Or [!Condition A, !Equals [1, 2]]\n  All: !And [!Condition Either, !Condition B]',
    ),
    expected: ['"enabled"'],
  },
  {
    name: 'Fn::FindInMap with literal keys',
    yaml: resource('!FindInMap [M, k1, k2]', 'Mappings:\n  M:\n    k1:\n      k2: found'),
    expected: ['"found"'],
  },
  {
    name: 'Fn::FindInMap keyed by a parameter default',
    yaml: resource(
      '!FindInMap [M, !Ref Env, size]',
      'Parameters:\n  Env:\n    Type: String\n    Default: dev\nMappings:\n  M:\n    dev: {size: small}\n    prod: {size: large}',
    ),
    expected: ['"small" | with parameter Env default "dev"'],
  },
  {
    name: 'Fn::FindInMap keyed by an unknown value enumerates entries as alternatives',
    yaml: resource('!FindInMap [M, !Ref AWS::Region, ami]', 'Mappings:\n  M:\n    us-east-1: {ami: ami-1}\n    eu-west-1: {ami: ami-2}'),
    expected: ['"ami-1" | when the M key is "us-east-1"', '"ami-2" | when the M key is "eu-west-1"'],
  },
  {
    name: 'Fn::FindInMap with a missing key is unknown',
    yaml: resource('!FindInMap [M, a, b]', 'Mappings:\n  M:\n    x: {b: 1}'),
    expected: ['unknown: key a is not in mapping M'],
  },
  {
    name: 'Fn::Sub with parameters and literals',
    yaml: resource('!Sub "${A}-${!Literal}-x"', 'Parameters:\n  A:\n    Type: String\n    Default: one'),
    expected: ['"one-${Literal}-x" | with parameter A default "one"'],
  },
  { name: 'Fn::Sub with a variable map', yaml: resource('!Sub ["${V}/16", {V: 10.0.0.0}]'), expected: ['"10.0.0.0/16"'] },
  {
    name: 'Fn::Sub keeps a pseudo parameter as a placeholder (symbolic)',
    yaml: resource('!Sub "arn:${AWS::Partition}:iam::aws:policy/X"'),
    expected: ['"arn:${AWS::Partition}:iam::aws:policy/X" (symbolic)'],
  },
  {
    name: 'Fn::Join keeps a pseudo parameter as a placeholder (symbolic)',
    yaml: resource('!Join ["-", [!Ref AWS::Region, a]]'),
    expected: ['"${AWS::Region}-a" (symbolic)'],
  },
  {
    name: 'a condition on a symbolic value is undecidable',
    yaml: resource('!If [C, 1, 2]', 'Conditions:\n  C: !Equals [!Sub "${AWS::Region}", us-east-1]'),
    expected: ['1 | when condition C is true', '2 | when condition C is false'],
  },
  {
    name: 'Fn::Sub of a single resource attribute is that reference',
    yaml: resource('!Sub "${Other.Arn}"', '').replace('Resources:', 'Resources:\n  Other:\n    Type: AWS::S3::Bucket'),
    expected: ['unknown: Fn::Sub over an attribute of resource Other (ref Other.Arn)'],
  },
  { name: 'Fn::Join', yaml: resource('!Join ["-", [a, b, 3]]'), expected: ['"a-b-3"'] },
  { name: 'Fn::Select', yaml: resource('!Select [1, [a, b, c]]'), expected: ['"b"'] },
  { name: 'Fn::Select out of range is unknown', yaml: resource('!Select [5, [a]]'), expected: ['unknown: Fn::Select index 5 is out of range'] },
  { name: 'Fn::Split', yaml: resource('!Split [",", "a,b"]'), expected: ['["a","b"]'] },
  { name: 'Fn::Select over Fn::Split', yaml: resource('!Select [1, !Split [",", "a,b"]]'), expected: ['"b"'] },
  { name: 'Fn::Select over Fn::GetAZs is an opaque zone', yaml: resource('!Select [0, !GetAZs ""]'), expected: ['unknown: Availability Zone 1 of the region'] },
  { name: 'Fn::Cidr', yaml: resource('!Cidr [10.0.0.0/16, 3, 8]'), expected: ['["10.0.0.0/24","10.0.1.0/24","10.0.2.0/24"]'] },
  { name: 'Fn::GetAtt is an edge', yaml: resource('!GetAtt Other.Arn'), expected: ['unknown: an attribute of resource Other (ref Other.Arn)'] },
  {
    name: 'a nested Fn::If inside a list is reached by walking into it',
    yaml: resource('[a, !If [C, b, c]]', 'Conditions:\n  C: !Equals [1, 1]'),
    expected: ['["a",{"Fn::If":["C","b","c"]}]'],
  },
];

describe('intrinsic policy', () => {
  for (const c of cases) {
    it(c.name, () => expect(resolve(c.yaml, 'Value', c.given)).toEqual(c.expected));
  }

  it('walks into list elements through intrinsics', () => {
    expect(resolve(resource('[a, !If [C, b, c]]', 'Conditions:\n  C: !Equals [1, 1]'), 'Value.1')).toEqual(['"b"']);
  });

  it('drops combinations that contradict (one parameter, two values)', () => {
    const yaml = resource(
      '!Join ["", [!Ref P, !If [IsB, "-b", "-other"]]]',
      'Parameters:\n  P:\n    Type: String\n    Default: a\n    AllowedValues: [a, b]\nConditions:\n  IsB: !Equals [!Ref P, b]',
    );
    expect(resolve(yaml)).toEqual(['"a-other" | with parameter P default "a"', '"b-b" | when parameter P is "b"']);
  });

  it('treats a resource whose condition is false as never created', () => {
    const built = buildTemplate(parseDocument('Conditions:\n  Never: !Equals [a, b]\nResources:\n  R:\n    Type: AWS::X::Y\n    Condition: Never\n'), 't');
    if (built.kind !== 'template') throw new Error();
    expect(new ValueResolver(built.template, new Map()).roots(built.template.resources.get('R')!)).toEqual([]);
  });

  it('survives conditions that refer to each other in a cycle', () => {
    expect(resolve(resource('!If [A, 1, 2]', 'Conditions:\n  A: !Condition B\n  B: !Condition A'))).toEqual([
      '1 | when condition A is true',
      '2 | when condition A is false',
    ]);
  });

  it('walks a whole path the same as one segment at a time (values, paths, missing keys, outside values)', () => {
    const yaml = [
      'Parameters:\n  P:\n    Type: String\n    Default: a',
      'Mappings:\n  M:\n    k:\n      v: {Deep: {Er: 1}}',
      'Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:',
      '      Plain: {A: {B: [x, {C: y}]}}',
      '      Via: {A: !Ref P, B: {C: !FindInMap [M, k, v]}}',
      '      Scalar: 1',
    ].join('\n');
    const built = buildTemplate(parseDocument(yaml), 't.yaml');
    if (built.kind !== 'template') throw new Error(built.kind);
    const resolver = new ValueResolver(built.template, new Map());
    const roots = resolver.roots(built.template.resources.get('R')!);
    const paths = [
      ['Properties', 'Plain', 'A', 'B', 1, 'C'],
      ['Properties', 'Plain', 'A', 'Missing', 'C'],
      ['Properties', 'Plain', 'A', 'B', 5],
      ['Properties', 'Via', 'A'],
      ['Properties', 'Via', 'B', 'C', 'Deep', 'Er'],
      ['Properties', 'Via', 'B', 'C', 'Deep', 'None', 'X'],
      ['Properties', 'Scalar', 'X'],
    ];
    for (const path of paths) {
      const stepwise = path.reduce((vs, segment) => resolver.navigate(vs, [segment]), roots);
      const whole = resolver.navigate(roots, path);
      expect(whole, path.join('.')).toEqual(stepwise);
    }
    const [deep] = resolver.navigate(roots, ['Properties', 'Via', 'B', 'C', 'Deep', 'Er']);
    expect(deep).toMatchObject({ kind: 'literal', value: 1, external: true });
    const [missing] = resolver.navigate(roots, ['Properties', 'Plain', 'A', 'Missing', 'C']);
    expect(missing).toMatchObject({ kind: 'absent', path: ['Properties', 'Plain', 'A', 'Missing'] });
  });

  it('computes Fn::Cidr blocks', () => {
    expect(cidrSubnets('10.0.0.0/16', 2, 12)).toEqual(['10.0.0.0/20', '10.0.16.0/20']);
    expect(cidrSubnets('10.0.0.0/24', 2, 12)).toBeUndefined();
  });
});

describe('conditions over mappings', () => {
  it('a region-keyed condition on which every entry agrees is decided', () => {
    const yaml = resource(
      '!If [Agree, a, b]',
      'Mappings:\n  M:\n    us-east-1: {x: "1"}\n    eu-west-1: {x: "1"}\nConditions:\n  Agree: !Equals [!FindInMap [M, !Ref AWS::Region, x], "1"]',
    );
    expect(resolve(yaml)).toEqual(['"a"']);
  });

  it('an undecidable region-keyed condition gives both branches as ordinary (not alternative) cases', () => {
    const yaml = resource(
      '!If [Differ, c, d]',
      'Mappings:\n  M:\n    us-east-1: {y: "1"}\n    eu-west-1: {y: "2"}\nConditions:\n  Differ: !Equals [!FindInMap [M, !Ref AWS::Region, y], "1"]',
    );
    expect(resolve(yaml)).toEqual(['"c" | when condition Differ is true', '"d" | when condition Differ is false']);
  });
});

/** The resolver of a template, and a reader of R's properties (Properties.<name>). */
function resolverOf(yaml: string): { resolver: ValueResolver; read: (property: string) => Variant[] } {
  const built = buildTemplate(parseDocument(yaml), 't.yaml');
  if (built.kind !== 'template') throw new Error(built.kind);
  const resolver = new ValueResolver(built.template, new Map());
  const resource = built.template.resources.get('R')!;
  return { resolver, read: (property) => resolver.navigate(resolver.roots(resource), ['Properties', property]) };
}

const VALUES = Array.from({ length: 24 }, (_, i) => `v${i}`);
const param = (name: string) => `  ${name}:\n    Type: String\n    Default: v0\n    AllowedValues: [${VALUES.join(', ')}]\n`;

/** 30 parameters of 24 values, conditions that each read the one before through Fn::If, and an Fn::If over all. */
function chainedConditions(): { header: string; value: string } {
  let parameters = '';
  let conditions = '';
  let value = 'x';
  for (let i = 0; i < 30; i++) {
    parameters += param(`P${i}`);
    conditions += `  C${i}: !Equals [!Ref P${i}, ${i ? `!If [C${i - 1}, v1, v2]` : 'v1'}]\n`;
    value = `!If [C${i}, !Ref P${i}, ${value}]`;
  }
  return { header: `Parameters:\n${parameters}Conditions:\n${conditions}`, value };
}

describe('bounded evaluation', () => {
  it('a value over its work budget is one unknown, too complex to evaluate; plain values and Refs still read', () => {
    const { header, value } = chainedConditions();
    const { read } = resolverOf(
      `${header}Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      Costly: ${value}\n      Plain: 1\n      Param: !Ref P3\n`,
    );
    const started = Date.now();
    expect(read('Costly').map(show)).toEqual([`unknown: ${TOO_COMPLEX}`]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(read('Plain').map(show)).toEqual(['1']);
    expect(read('Param')).toHaveLength(24);
  });

  it('each value has a budget of its own, and the template one for all: past it plain values still read', () => {
    const { header, value } = chainedConditions();
    let properties = '';
    for (let i = 0; i < 40; i++) properties += `      Costly${i}: ${value}\n`;
    const { read } = resolverOf(
      `${header}Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n${properties}      Plain: 1\n      Join: !Join [",", [a, b]]\n`,
    );
    const started = Date.now();
    for (let i = 0; i < 40; i++) expect(read(`Costly${i}`).map(show)).toEqual([`unknown: ${TOO_COMPLEX}`]);
    expect(Date.now() - started).toBeLessThan(5000);
    // The template's budget is spent: intrinsics are unknown from here on, plain values are not.
    expect(read('Join').map(show)).toEqual([`unknown: ${TOO_COMPLEX}`]);
    expect(read('Plain').map(show)).toEqual(['1']);
  });

  it('an Fn::If over a costly branch keeps its other branches', () => {
    const { header, value } = chainedConditions();
    const { read } = resolverOf(
      `${header.replace('Conditions:\n', 'Conditions:\n  Open: !Equals [!Ref AWS::Region, us-east-1]\n')}` +
        `Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      Value: !If [Open, ${value}, 0.0.0.0/0]\n`,
    );
    const [costly, open, ...rest] = read('Value').map(show);
    expect(costly).toMatch(new RegExp(`^unknown: ${TOO_COMPLEX}`));
    expect(open).toBe('"0.0.0.0/0" | when condition Open is false');
    expect(rest).toEqual([]);
  });

  it('Fn::If over conditions with hundreds of outcomes is capped at every step', () => {
    let header = 'Parameters:\n';
    for (let i = 0; i < 10; i++) header += param(`P${i}`);
    header += 'Conditions:\n';
    let value = 'x';
    for (let i = 0; i < 5; i++) {
      header += `  C${i}: !Equals [!Ref P${2 * i}, !Ref P${2 * i + 1}]\n`;
      value = `!If [C${i}, ${value}, y]`;
    }
    const { read } = resolverOf(`${header}Resources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      Value: ${value}\n`);
    const started = Date.now();
    const variants = read('Value');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(variants.length).toBeLessThanOrEqual(64);
  });

  it('Fn::And / Fn::Or drop contradicting combinations before counting them', () => {
    const az =
      'Parameters:\n  N:\n    Type: String\n    Default: "3"\n    AllowedValues: ["2", "3", "4", "5", "6"]\nConditions:\n' +
      ['3', '4', '5', '6'].map((n) => `  Is${n}: !Equals ["${n}", !Ref N]\n`).join('') +
      '  AtLeast4: !Or [!Condition Is4, !Condition Is5, !Condition Is6]\n  Wide: !Or [!Condition Is3, !Condition AtLeast4]\n';
    expect(resolve(resource('!If [AtLeast4, big, small]', az))).toEqual([
      '"small" | with parameter N default "3"',
      '"small" | when parameter N is "2"',
      '"big" | when parameter N is "4"',
      '"big" | when parameter N is "5"',
      '"big" | when parameter N is "6"',
    ]);
    expect(resolve(resource('!If [Wide, big, small]', az)).filter((v) => v.startsWith('"big"'))).toHaveLength(4);
  });

  it('conditions that chain through nested intrinsics share one depth limit (no stack overflow)', () => {
    let conditions = 'Conditions:\n';
    for (let i = 0; i < 300; i++) {
      let inner = `{"Fn::If": [C${i + 1}, a, b]}`;
      for (let k = 0; k < 60; k++) inner = `{"Fn::Select": [0, [${inner}]]}`;
      conditions += `  C${i}: {"Fn::Equals": [${inner}, a]}\n`;
    }
    conditions += '  C300: true\n';
    expect(() => resolve(resource('!If [C0, 1, 2]', conditions))).not.toThrow();
  });

  it('Fn::Join and Fn::Sub over 200,000 parts, and a text past 1 MiB', () => {
    const items = Array.from({ length: 200_000 }, () => 'a').join(',');
    expect(resolve(resource(`{"Fn::Join": ["", [${items}]]}`))).toEqual([JSON.stringify('a'.repeat(200_000))]);
    const [sub] = resolve(resource(`{"Fn::Sub": "${'${AWS::Region}'.repeat(200_000)}"}`));
    expect(sub).toBe('unknown: a text longer than 1 MiB');
    const big = 'A'.repeat(600_000);
    expect(resolve(resource('!Join ["", [!Ref Big, !Ref Big]]', `Parameters:\n  Big:\n    Type: String\n    Default: ${big}`))[0]).toMatch(
      /^unknown: a text longer than 1 MiB/,
    );
  });
});

describe('combinations and merges', () => {
  const v = (assumptions: Assumption[] = []) => literalVariant('x', [], false, assumptions);
  const p = (value: string): Assumption => ({ kind: 'parameter', name: 'P', value, source: 'allowed' });

  it('keep at most `limit` combinations, dropping contradicting ones first', () => {
    const list = VALUES.map((value) => v([p(value)]));
    expect(combinations([list, list], 100)).toHaveLength(24);
    const free = VALUES.map(() => v());
    expect(combinations([free, free, free], 65)).toHaveLength(65);
  });

  it('extend long combinations without copying them (a forked part in a 100,000-part list)', () => {
    const lists = [[v(), v()], ...Array.from({ length: 100_000 }, () => [v()])];
    const started = Date.now();
    const combos = combinations(lists);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(combos).toHaveLength(2);
    expect(combos[0]).toHaveLength(100_001);
  });

  it('merge any number of lists without spreading them into arguments', () => {
    const lists = Array.from({ length: 200_000 }, () => [p('a')]);
    expect(mergeAssumptionLists(lists)).toEqual([p('a')]);
  });
});

describe('quoting values in messages', () => {
  it('clips to the length with an ellipsis, never between the halves of a surrogate pair', () => {
    expect(clip('short')).toBe('short');
    const long = clip('x'.repeat(5000));
    expect(long).toHaveLength(200);
    expect(long.endsWith('x…')).toBe(true);
    const emoji = clip(`${'x'.repeat(198)}😀😀`);
    expect(emoji).toBe(`${'x'.repeat(198)}…`);
    expect(clip(`${'x'.repeat(197)}😀😀`)).toBe(`${'x'.repeat(197)}😀…`);
  });

  it('writes lists and mappings as short JSON, built only as far as it is shown', () => {
    expect(valueText({ a: [1, 'b'] })).toBe('{"a":[1,"b"]}');
    expect(valueText([true, null])).toBe('[true,null]');
    expect(valueText(42)).toBe('42');
    expect(valueText(new Opaque('az:0', 'Availability Zone 1 of the region'))).toBe('Availability Zone 1 of the region');
    let deep: unknown = 'x';
    for (let i = 0; i < 5000; i++) deep = { k: [deep] };
    const huge = { list: Array.from({ length: 1_000_000 }, (_, i) => i), deep };
    const started = Date.now();
    const text = valueText(huge);
    expect(Date.now() - started).toBeLessThan(100);
    expect(text).toHaveLength(200);
    expect(text.startsWith('{"list":[0,1,2,')).toBe(true);
  });

  it('describes a megabyte parameter Default clipped', () => {
    const text = describeAssumption({ kind: 'parameter', name: 'Big', value: 'A'.repeat(4 << 20), source: 'default' });
    expect(text).toBe(`with parameter Big default "${'A'.repeat(199)}…"`);
  });

  it('fills message placeholders with clipped text, and mappings as JSON rather than [object Object]', () => {
    expect(interpolate('{{a}} is {{b}}; {{c}}', { a: { x: 1 }, b: 3, c: 'y'.repeat(5000) })).toBe(`{"x":1} is 3; ${'y'.repeat(999)}…`);
  });
});
