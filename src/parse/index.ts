import { parseJson } from './json.ts';
import type { ParseDiagnostic, ParsedDocument, SourceFormat } from './types.ts';
import { parseYaml } from './yaml.ts';

export * from './types.ts';
export * from './locate.ts';
export { NodeLocations } from './locations.ts';
export { parseYaml, resolvePlainScalar, MAX_DEPTH, ALIAS_NODE_BUDGET } from './yaml.ts';
export { parseJson, findDeepBracket } from './json.ts';

/**
 * JSON when the first real character (after a BOM, blanks and any `//` or `/* *\/` comments) is `{` or
 * `[`, else YAML. JSON is also YAML, but only the JSON parser gives JSON's errors.
 */
export function detectFormat(source: string): SourceFormat {
  const n = source.length;
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 47 && source.charCodeAt(i + 1) === 47) {
      while (i < n && source.charCodeAt(i) !== 10 && source.charCodeAt(i) !== 13) i++;
    } else if (c === 47 && source.charCodeAt(i + 1) === 42) {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) return 'yaml';
      i = close + 2;
    } else return c === 123 || c === 91 ? 'json' : 'yaml';
  }
  return 'yaml';
}

/**
 * JSON text is parsed as JSON, so its errors are JSON's. When strict JSON fails, the text is tried as YAML, of which
 * JSON is a subset: prettier-formatted templates (trailing commas, single quotes, unquoted keys) are YAML flow
 * mappings that CloudFormation accepts. Comments are the exception: `//` reads as YAML text, so the JSON error stands.
 */
export function parseDocument(source: string): ParsedDocument {
  if (detectFormat(source) !== 'json') return parseYaml(source);
  const json = parseJson(source);
  if (!json.diagnostics.some((d) => d.fatal) || json.diagnostics.some((d) => d.code === 'JSON_COMMENT' || d.code === 'DEPTH_LIMIT')) return json;
  const yaml = parseYaml(source);
  return yaml.value !== undefined && !yaml.diagnostics.some((d) => d.fatal) ? yaml : json;
}

const NUL_SCAN_BYTES = 8192;

/** Index of the first byte that starts an invalid UTF-8 sequence, else -1 (WHATWG rules). */
function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    const c1 = b[i + 1]!;
    if (c1 < lo || c1 > hi) return i;
    for (let k = 2; k <= need; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

function charOffset(bytes: Uint8Array, byteIndex: number): number {
  return new TextDecoder('utf-8').decode(bytes.subarray(0, byteIndex)).length;
}

/** File bytes to text: UTF-8 (BOM dropped) or UTF-16 with a BOM; binary and invalid UTF-8 are fatal. */
export function decodeSource(bytes: Uint8Array): { text: string } | { error: ParseDiagnostic } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes) };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(bom);
  const nul = body.subarray(0, NUL_SCAN_BYTES).indexOf(0);
  if (nul >= 0) {
    const at = charOffset(body, nul);
    return { error: { code: 'BINARY', message: `binary file (a NUL byte at byte ${nul + bom}), not a template`, start: at, end: at + 1, fatal: true } };
  }
  try {
    // ignoreBOM: the one BOM is already gone; anything after it is content.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(body));
    const at = charOffset(body, bad);
    return {
      error: { code: 'ENCODING', message: `invalid UTF-8 at byte ${bad + bom}; CloudFormation templates must be UTF-8`, start: at, end: at + 1, fatal: true },
    };
  }
}
