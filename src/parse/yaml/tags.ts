// CloudFormation short-form tags (`!Ref`, `!Sub`...) and YAML's standard tags, classified once per spelling.

export const T_NONSPECIFIC = 0; // `!` alone: plain value, no resolution
export const T_INTRINSIC = 1; // a CloudFormation short form
export const T_UNKNOWN_LOCAL = 2; // `!Foo`: reported, converted like an intrinsic (Fn::Foo)
export const T_STR = 3;
export const T_INT = 4;
export const T_FLOAT = 5;
export const T_BOOL = 6;
export const T_NULL = 7;
export const T_MAP = 8;
export const T_SEQ = 9;
export const T_OTHER = 10; // any other global tag (`!!binary`, `!<tag:x>`): reported, plain value kept

export interface TagInfo {
  kind: number;
  /** Long-form key for intrinsics and unknown local tags. */
  key: string;
}

const INTRINSIC_NAMES = [
  'GetAtt',
  'Sub',
  'If',
  'Equals',
  'And',
  'Or',
  'Not',
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
  // Rules functions
  'Contains',
  'EachMemberEquals',
  'EachMemberIn',
  'RefAll',
  'ValueOf',
  'ValueOfAll',
];
const INTRINSIC_KEYS = new Map<string, string>([
  ['Ref', 'Ref'],
  ['Condition', 'Condition'],
]);
for (const n of INTRINSIC_NAMES) INTRINSIC_KEYS.set(n, 'Fn::' + n);

const STANDARD_KINDS = new Map<string, number>([
  ['str', T_STR],
  ['int', T_INT],
  ['float', T_FLOAT],
  ['bool', T_BOOL],
  ['null', T_NULL],
  ['map', T_MAP],
  ['seq', T_SEQ],
]);

function standardTag(name: string): TagInfo {
  return { kind: STANDARD_KINDS.get(name) ?? T_OTHER, key: '' };
}

function localTag(name: string): TagInfo {
  const key = INTRINSIC_KEYS.get(name);
  return key !== undefined ? { kind: T_INTRINSIC, key } : { kind: T_UNKNOWN_LOCAL, key: 'Fn::' + name };
}

function classifyTag(text: string): TagInfo {
  if (text === '!') return { kind: T_NONSPECIFIC, key: '' };
  if (text.charCodeAt(1) === 60 /* < */) {
    const inner = text.slice(2, text.endsWith('>') ? -1 : undefined);
    if (inner.startsWith('tag:yaml.org,2002:')) return standardTag(inner.slice(18));
    if (inner.startsWith('!')) return localTag(inner.slice(1));
    return { kind: T_OTHER, key: '' };
  }
  if (text.charCodeAt(1) === 33 /* ! */) return standardTag(text.slice(2));
  return localTag(text.slice(1));
}

// Tag spellings repeat constantly (`!Ref`, `!Sub`); classify each once. Capped so odd input cannot grow it forever.
const tagCache = new Map<string, TagInfo>();
export function tagInfo(text: string): TagInfo {
  let info = tagCache.get(text);
  if (info === undefined) {
    info = classifyTag(text);
    if (tagCache.size < 512) tagCache.set(text, info);
  }
  return info;
}
