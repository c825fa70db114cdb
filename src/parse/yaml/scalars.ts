// Plain scalars, resolved as PyYAML (YAML 1.1) does, which is what aws-cli and cfn-lint see.

export const WORDS = new Map<string, null | boolean>([
  ['~', null],
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['yes', true],
  ['Yes', true],
  ['YES', true],
  ['no', false],
  ['No', false],
  ['NO', false],
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
  ['on', true],
  ['On', true],
  ['ON', true],
  ['off', false],
  ['Off', false],
  ['OFF', false],
]);

// PyYAML's implicit resolvers (resolver.py), unchanged.
const INT_RE = /^[-+]?(?:0b[01_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT_RE =
  /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function sexagesimal(body: string, parse: (s: string) => number): number {
  let value = 0;
  for (const part of body.split(':')) value = value * 60 + parse(part);
  return value;
}

/** PyYAML construct_yaml_int; NaN when the text is not an int. */
export function constructInt(text: string): number {
  let s = text.replace(/_/g, '');
  let sign = 1;
  const c = s.charCodeAt(0);
  if (c === 45 /* - */) sign = -1;
  if (c === 45 || c === 43) s = s.slice(1);
  let v: number;
  if (s === '0') return 0;
  if (s.startsWith('0b')) v = s.length > 2 && /^[01]+$/.test(s.slice(2)) ? parseInt(s.slice(2), 2) : NaN;
  else if (s.startsWith('0x')) v = s.length > 2 && /^[0-9a-fA-F]+$/.test(s.slice(2)) ? parseInt(s.slice(2), 16) : NaN;
  else if (s.charCodeAt(0) === 48) v = /^[0-7]+$/.test(s) ? parseInt(s, 8) : NaN;
  else if (s.includes(':')) v = /^[0-9:]+$/.test(s) ? sexagesimal(s, (p) => parseInt(p, 10)) : NaN;
  else v = /^[0-9]+$/.test(s) ? parseInt(s, 10) : NaN;
  return v === 0 ? 0 : sign * v;
}

/** PyYAML construct_yaml_float; NaN (with ok=false) when the text is not a float. */
export function constructFloat(text: string): number {
  let s = text.replace(/_/g, '').toLowerCase();
  let sign = 1;
  const c = s.charCodeAt(0);
  if (c === 45) sign = -1;
  if (c === 45 || c === 43) s = s.slice(1);
  if (s === '.inf') return sign * Infinity;
  if (s === '.nan') return NaN;
  if (s.includes(':')) return sign * sexagesimal(s, (p) => (p === '' ? NaN : Number(p)));
  return s === '' ? NaN : sign * Number(s);
}

/** Value of an untagged plain scalar. */
export function resolvePlainScalar(s: string): unknown {
  const n = s.length;
  if (n === 0) return null;
  const c = s.charCodeAt(0);
  // First-character dispatch: most scalars are names and leave here without a regex.
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (INT_RE.test(s)) {
      const v = constructInt(s);
      return Number.isNaN(v) ? s : v;
    }
    if (FLOAT_RE.test(s)) return constructFloat(s);
    return s;
  }
  if (n <= 5) {
    switch (c) {
      case 126:
      case 110:
      case 78:
      case 121:
      case 89:
      case 116:
      case 84:
      case 102:
      case 70:
      case 111:
      case 79: {
        const w = WORDS.get(s);
        if (w !== undefined) return w;
      }
    }
  }
  return s;
}
