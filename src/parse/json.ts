import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { computeLineStarts } from './locate.ts';
import { NodeLocations } from './locations.ts';
import type { ParseDiagnostic, ParsedDocument } from './types.ts';
import { MAX_DEPTH, setOwn } from './shared.ts';

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Offset of the first `{`/`[` nested deeper than `max`, else -1. jsonc-parser recurses per bracket, so
 * this runs first; strings and comments are skipped exactly as its scanner does (a string also ends at a
 * line break), so brackets hidden from this scan are hidden from the parser too.
 */
export function findDeepBracket(src: string, max: number): number {
  const n = src.length;
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    if (c === 34) {
      i++;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (d === 34) break;
        if (d === 92) i += 2;
        else if (d === 10 || d === 13) {
          i--; // the line break is scanned again as a token
          break;
        } else i++;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) {
      if (depth > 0) depth--;
    } else if (c === 47) {
      const d = src.charCodeAt(i + 1);
      if (d === 47) {
        i += 2;
        while (i < n && src.charCodeAt(i) !== 10 && src.charCodeAt(i) !== 13) i++;
      } else if (d === 42) {
        const close = src.indexOf('*/', i + 2);
        i = close < 0 ? n : close + 1;
      }
    }
  }
  return -1;
}

/** "CommaExpected" → "comma expected". */
function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function errorDiagnostics(src: string, errors: ParseError[]): ParseDiagnostic[] {
  const out: ParseDiagnostic[] = [];
  const seen = new Set<number>();
  for (const err of errors) {
    const code = printParseErrorCode(err.error);
    let start = err.offset;
    let end = err.offset + err.length;
    let diag: ParseDiagnostic;
    if (code === 'InvalidCommentToken') {
      diag = { code: 'JSON_COMMENT', message: 'Comments are not allowed in JSON templates; CloudFormation rejects the file', start, end, fatal: false };
    } else {
      // A value or name expected right at a closing bracket, after a comma: a trailing comma.
      const c = src.charCodeAt(start);
      let p = -1;
      if ((c === 93 || c === 125) && (code === 'ValueExpected' || code === 'PropertyNameExpected')) {
        p = start - 1;
        while (p >= 0 && (src.charCodeAt(p) === 32 || src.charCodeAt(p) === 9 || src.charCodeAt(p) === 10 || src.charCodeAt(p) === 13)) p--;
      }
      if (p >= 0 && src.charCodeAt(p) === 44) {
        start = p;
        end = p + 1;
        diag = { code: 'JSON_TRAILING_COMMA', message: 'Trailing commas are not allowed in JSON templates; remove this comma', start, end, fatal: false };
      } else {
        diag = { code: 'JSON_SYNTAX', message: `JSON syntax error: ${describe(code)}`, start, end, fatal: false };
      }
    }
    // jsonc-parser can report two errors at one spot (e.g. `,}`); keep the first.
    if (seen.has(start)) continue;
    seen.add(start);
    out.push(diag);
  }
  if (out.length > 0) out[0]!.fatal = true;
  return out;
}

export function parseJson(input: string): ParsedDocument {
  const source = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lineStarts = computeLineStarts(source);
  const locations = new NodeLocations();
  const deep = findDeepBracket(source, MAX_DEPTH);
  if (deep >= 0) {
    const diagnostic: ParseDiagnostic = {
      code: 'DEPTH_LIMIT',
      message: `Nesting deeper than ${MAX_DEPTH} levels is not supported`,
      start: deep,
      end: deep + 1,
      fatal: true,
    };
    return { format: 'json', value: undefined, source, lineStarts, locations, diagnostics: [diagnostic] };
  }

  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, { allowTrailingComma: false, disallowComments: true });
  const diagnostics = errorDiagnostics(source, errors);

  // Recursion is bounded: findDeepBracket capped the nesting at MAX_DEPTH.
  const build = (node: JsonNode, parent: number, key: string | undefined, ks: number, ke: number): unknown => {
    const id = locations.add(parent, key, node.offset, node.offset + node.length, ks, ke);
    switch (node.type) {
      case 'object': {
        const obj: Record<string, unknown> = {};
        for (const prop of node.children ?? []) {
          const kn = prop.children?.[0];
          const vn = prop.children?.[1];
          if (kn === undefined || vn === undefined) continue; // a broken pair; its error is already reported
          const name = String(kn.value);
          const kEnd = kn.offset + kn.length;
          if (hasOwn.call(obj, name)) {
            diagnostics.push({
              code: 'DUPLICATE_KEY',
              message: `Duplicate key "${name}"; CloudFormation rejects it (the last value wins here)`,
              start: kn.offset,
              end: kEnd,
              fatal: false,
            });
          }
          setOwn(obj, name, build(vn, id, name, kn.offset, kEnd));
        }
        return obj;
      }
      case 'array': {
        const children = node.children ?? [];
        const arr = new Array<unknown>(children.length);
        for (let i = 0; i < children.length; i++) arr[i] = build(children[i]!, id, undefined, -1, -1);
        return arr;
      }
      case 'null':
        return null;
      default:
        return node.value;
    }
  };

  const value = tree === undefined ? undefined : build(tree, -1, undefined, -1, -1);
  diagnostics.sort((a, b) => a.start - b.start);
  return { format: 'json', value, source, lineStarts, locations, diagnostics };
}
