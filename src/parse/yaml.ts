import {
  CHOMPING_MODE,
  COLLECTION_STYLE,
  EVENT_ID,
  SCALAR_STYLE,
  YAMLException,
  getScalarValue,
  parseEvents,
  type AliasEvent,
  type Event,
  type MappingEvent,
  type ScalarEvent,
  type SequenceEvent,
} from 'js-yaml';
import { computeLineStarts } from './locate.ts';
import type { NodeLocation, ParseDiagnostic, ParsedDocument } from './types.ts';

/** Nesting limit handed to js-yaml; deeper input is a fatal DEPTH_LIMIT. */
export const MAX_DEPTH = 1000;
/** Total nodes that alias expansion may add to one document (alias bombs stop here). */
export const ALIAS_NODE_BUDGET = 10_000;

const { DOCUMENT: EV_DOC, SEQUENCE: EV_SEQ, MAPPING: EV_MAP, SCALAR: EV_SCALAR, ALIAS: EV_ALIAS, POP: EV_POP } = EVENT_ID;
const { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL_BLOCK } = SCALAR_STYLE;
const { STRIP } = CHOMPING_MODE;
const FLOW = COLLECTION_STYLE.FLOW;

// ---------------------------------------------------------------------------------------------
// Tags

const T_NONSPECIFIC = 0; // `!` alone: plain value, no resolution
const T_INTRINSIC = 1; // a CloudFormation short form
const T_UNKNOWN_LOCAL = 2; // `!Foo`: reported, converted like an intrinsic (Fn::Foo)
const T_STR = 3;
const T_INT = 4;
const T_FLOAT = 5;
const T_BOOL = 6;
const T_NULL = 7;
const T_MAP = 8;
const T_SEQ = 9;
const T_OTHER = 10; // any other global tag (`!!binary`, `!<tag:x>`): reported, plain value kept

interface TagInfo {
  kind: number;
  /** Long-form key for intrinsics and unknown local tags. */
  key: string;
}

const INTRINSIC_NAMES = [
  'GetAtt', 'Sub', 'If', 'Equals', 'And', 'Or', 'Not', 'FindInMap', 'Join', 'Select', 'Split', 'Base64', 'Cidr',
  'GetAZs', 'ImportValue', 'Transform', 'Length', 'ToJsonString',
  // Rules functions
  'Contains', 'EachMemberEquals', 'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll',
];
const INTRINSIC_KEYS = new Map<string, string>([['Ref', 'Ref'], ['Condition', 'Condition']]);
for (const n of INTRINSIC_NAMES) INTRINSIC_KEYS.set(n, 'Fn::' + n);

const STANDARD_KINDS = new Map<string, number>([
  ['str', T_STR], ['int', T_INT], ['float', T_FLOAT], ['bool', T_BOOL], ['null', T_NULL], ['map', T_MAP], ['seq', T_SEQ],
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
function tagInfo(text: string): TagInfo {
  let info = tagCache.get(text);
  if (info === undefined) {
    info = classifyTag(text);
    if (tagCache.size < 512) tagCache.set(text, info);
  }
  return info;
}

// ---------------------------------------------------------------------------------------------
// Plain scalars, resolved as PyYAML (YAML 1.1) does, which is what aws-cli and cfn-lint see.

const WORDS = new Map<string, null | boolean>([
  ['~', null], ['null', null], ['Null', null], ['NULL', null],
  ['yes', true], ['Yes', true], ['YES', true], ['no', false], ['No', false], ['NO', false],
  ['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false],
  ['on', true], ['On', true], ['ON', true], ['off', false], ['Off', false], ['OFF', false],
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
function constructInt(text: string): number {
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
function constructFloat(text: string): number {
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
      case 126: case 110: case 78: case 121: case 89: case 116: case 84: case 102: case 70: case 111: case 79: {
        const w = WORDS.get(s);
        if (w !== undefined) return w;
      }
    }
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Shared with the JSON parser

/** Sets an own property; `__proto__` goes through defineProperty so it never touches the prototype. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * After a duplicate key replaced a collection, locations recorded under the first value can name paths
 * that no longer exist. One pass at the end drops them (only run when that happened).
 */
export function pruneStaleLocations(root: unknown, locations: Map<string, NodeLocation>): void {
  for (const key of locations.keys()) {
    if (key === '') continue;
    let node: unknown = root;
    let ok = true;
    for (const seg of key.split('\u0000')) {
      if (Array.isArray(node)) {
        const i = Number(seg);
        if (!(Number.isInteger(i) && i >= 0 && i < node.length)) { ok = false; break; }
        node = node[i];
      } else if (node !== null && typeof node === 'object' && hasOwn.call(node, seg)) {
        node = (node as Record<string, unknown>)[seg];
      } else { ok = false; break; }
    }
    if (!ok) locations.delete(key);
  }
}

// ---------------------------------------------------------------------------------------------
// The walker: one pass over the flat event list, an explicit stack, no recursion.

class Frame {
  index = 0;
  /** Pending mapping key (null: the next node is a key). */
  key: string | null = null;
  keyStart = -1;
  keyEnd = -1;
  /** Height of this subtree, for bounding the depth alias expansion can reach. */
  height = 1;
  constructor(
    readonly isMap: boolean,
    readonly container: Record<string, unknown> | unknown[],
    /** Path key prefix of the children ('' at the root). */
    readonly prefix: string,
    readonly loc: NodeLocation | null,
    /** The `{Fn::X: ...}` wrapper's location when this collection carries a short-form tag. */
    readonly outer: NodeLocation | null,
    /** Closing bracket char code for bracketed flow collections, else 0. */
    readonly closer: number,
    readonly start: number,
    /** End of the last child or key seen; a block collection ends here. */
    public lastEnd: number,
    /** This collection is a complex mapping key (its text becomes the key). */
    readonly isKey: boolean,
    readonly anchor: string | null,
    readonly eventIndex: number,
    readonly nodeCountAtOpen: number,
  ) {}
}

interface Anchor {
  startIdx: number;
  endIdx: number;
  /** Nodes in the anchored text (aliases inside count once). */
  nodes: number;
  height: number;
}

interface Replay {
  startIdx: number;
  endIdx: number;
  resumeAt: number;
  resumeEnd: number;
  childKey: string;
  aliasStart: number;
  aliasEnd: number;
  parent: Frame | null;
}

class Walker {
  readonly locations = new Map<string, NodeLocation>();
  readonly diagnostics: ParseDiagnostic[] = [];
  root: unknown = null;
  private readonly stack: Frame[] = [];
  private sp = 0;
  private readonly anchors = new Map<string, Anchor>();
  private readonly replays: Replay[] = [];
  private discard = 0;
  private nodeCount = 0;
  private expanded = 0;
  private budgetReported = false;
  staleLocations = false;

  constructor(private readonly src: string, private readonly events: Event[]) {}

  run(): void {
    const events = this.events;
    let i = 0;
    let end = events.length;
    let docs = 0;
    for (;;) {
      if (i >= end) {
        const r = this.replays.pop();
        if (r === undefined) break;
        this.finishReplay(r);
        i = r.resumeAt;
        end = r.resumeEnd;
        continue;
      }
      const e = events[i++]!;
      switch (e.type) {
        case EV_SCALAR:
          this.scalar(e, i - 1);
          break;
        case EV_MAP:
        case EV_SEQ:
          this.open(e, i - 1);
          break;
        case EV_POP:
          if (this.sp > 0) this.pop(i);
          break;
        case EV_ALIAS: {
          const r = this.alias(e, i, end);
          if (r !== null) {
            this.replays.push(r);
            i = r.startIdx;
            end = r.endIdx;
          }
          break;
        }
        case EV_DOC:
          if (++docs > 1) {
            this.multipleDocuments(i);
            return;
          }
          break;
      }
    }
  }

  private diag(code: string, message: string, start: number, end: number, fatal = false): void {
    this.diagnostics.push({ code, message, start, end, fatal });
  }

  private setLoc(key: string, loc: NodeLocation): void {
    if (this.discard === 0) this.locations.set(key, loc);
  }

  private top(): Frame | null {
    return this.sp > 0 ? this.stack[this.sp - 1]! : null;
  }

  /** Path key of the next child of `top` (a mapping value or sequence item). */
  private childKey(top: Frame | null): string {
    if (top === null) return '';
    return top.isMap ? top.prefix + top.key! : top.prefix + top.index;
  }

  private put(top: Frame | null, value: unknown, end: number, height: number): void {
    if (top === null) {
      this.root = value;
      return;
    }
    if (top.isMap) {
      setOwn(top.container as Record<string, unknown>, top.key!, value);
      top.key = null;
    } else {
      (top.container as unknown[]).push(value);
      top.index++;
    }
    if (end > top.lastEnd) top.lastEnd = end;
    if (height >= top.height) top.height = height + 1;
  }

  private setKey(top: Frame, key: string, ks: number, ke: number, plain: boolean): void {
    const quiet = this.replays.length > 0;
    if (plain && key === '<<' && !quiet) {
      this.diag('MERGE_KEY', 'YAML merge keys (<<) are not allowed in CloudFormation templates; kept as a plain key', ks, ke);
    }
    const obj = top.container as Record<string, unknown>;
    if (hasOwn.call(obj, key)) {
      if (!quiet) this.diag('DUPLICATE_KEY', `Duplicate mapping key "${key}"; CloudFormation rejects it (the last value wins here)`, ks, ke);
      const old = obj[key];
      if (old !== null && typeof old === 'object') this.staleLocations = true;
    }
    top.key = key;
    top.keyStart = ks;
    top.keyEnd = ke;
    if (ke > top.lastEnd) top.lastEnd = ke;
  }

  private tagDiag(message: string, start: number, end: number): void {
    if (this.replays.length === 0) this.diag('UNKNOWN_TAG', message, start, end);
  }

  /** First `|`/`>` at or after `from` (skipping indicators, blanks and comments), else `fallback`. */
  private blockIndicator(from: number, fallback: number): number {
    const src = this.src;
    let p = from;
    while (p < fallback) {
      const c = src.charCodeAt(p);
      if (c === 124 || c === 62) return p;
      if (c === 35) {
        while (p < fallback && src.charCodeAt(p) !== 10 && src.charCodeAt(p) !== 13) p++;
      } else p++;
    }
    return fallback;
  }

  /** Where an empty value sits: after its key, tag or anchor, or just after its `-`. */
  private emptyPos(top: Frame | null, tagEnd: number, anchorEnd: number): number {
    const after = Math.max(tagEnd, anchorEnd);
    if (after >= 0) return after;
    if (top === null) return 0;
    if (top.isMap) return top.keyEnd >= 0 ? top.keyEnd : top.lastEnd;
    const src = this.src;
    let p = top.lastEnd;
    while (p < src.length) {
      const c = src.charCodeAt(p);
      if (c === 45) return p + 1;
      if (c === 32 || c === 9 || c === 10 || c === 13) p++;
      else if (c === 35) {
        while (p < src.length && src.charCodeAt(p) !== 10 && src.charCodeAt(p) !== 13) p++;
      } else break;
    }
    return top.lastEnd;
  }

  private scalar(e: ScalarEvent, idx: number): void {
    const src = this.src;
    const top = this.top();
    const vs = e.valueStart;
    const style = e.style;
    const inReplay = this.replays.length > 0;
    if (!inReplay) this.nodeCount++;
    let text = getScalarValue(src, e);
    // js-yaml ends a clipped/kept block scalar with a line break even when the file ends without one; PyYAML does not.
    if (style >= LITERAL_BLOCK && e.valueEnd === src.length && e.chomping !== STRIP && !isBreak(src.charCodeAt(src.length - 1)) && text.endsWith('\n')) {
      text = text.slice(0, -1);
    }
    let start: number;
    let end: number;
    if (vs < 0) start = end = -1;
    else if (style === SINGLE_QUOTED || style === DOUBLE_QUOTED) {
      start = vs - 1;
      end = e.valueEnd + 1;
    } else if (style >= LITERAL_BLOCK) {
      let from = top === null ? 0 : top.isMap && top.key !== null ? top.keyEnd : top.lastEnd;
      if (e.tagEnd > from) from = e.tagEnd;
      if (e.anchorEnd > from) from = e.anchorEnd;
      start = this.blockIndicator(from, vs);
      end = e.valueEnd;
    } else {
      start = vs;
      end = e.valueEnd;
    }
    if (e.anchorStart >= 0 && !inReplay) {
      this.anchors.set(src.slice(e.anchorStart, e.anchorEnd), { startIdx: idx, endIdx: idx + 1, nodes: 1, height: 0 });
    }

    if (top !== null && top.isMap && top.key === null) {
      if (start < 0) {
        const after = Math.max(e.tagEnd, e.anchorEnd);
        start = end = after >= 0 ? after : top.lastEnd;
      }
      this.setKey(top, text, start, end, style === PLAIN && e.tagStart < 0);
      return;
    }

    const childKey = this.childKey(top);
    const ks = top !== null && top.isMap ? top.keyStart : -1;
    const ke = top !== null && top.isMap ? top.keyEnd : -1;
    if (start < 0) start = end = this.emptyPos(top, e.tagEnd, e.anchorEnd);

    let value: unknown;
    if (e.tagStart < 0) {
      value = style === PLAIN ? resolvePlainScalar(text) : text;
      this.setLoc(childKey, { start, end, keyStart: ks, keyEnd: ke });
    } else {
      const tagText = src.slice(e.tagStart, e.tagEnd);
      const tag = tagInfo(tagText);
      const kind = tag.kind;
      if (kind === T_INTRINSIC || kind === T_UNKNOWN_LOCAL) {
        if (kind === T_UNKNOWN_LOCAL) this.tagDiag(`Unknown tag ${tagText}; read as ${tag.key}`, e.tagStart, e.tagEnd);
        const fn = tag.key;
        this.setLoc(childKey, { start: e.tagStart, end, keyStart: ks, keyEnd: ke });
        const innerKey = top === null ? fn : childKey + '\u0000' + fn;
        this.setLoc(innerKey, { start, end, keyStart: e.tagStart, keyEnd: e.tagEnd });
        let inner: unknown = text;
        if (fn === 'Fn::GetAtt') {
          const dot = text.indexOf('.');
          if (dot >= 0) {
            inner = [text.slice(0, dot), text.slice(dot + 1)];
            // Sub-ranges only when the text maps 1:1 onto the source (no escapes or folding).
            const direct = vs >= 0 && (e.fast || src.slice(vs, e.valueEnd) === text);
            const split = vs + dot;
            this.setLoc(innerKey + '\u00000', direct ? { start: vs, end: split, keyStart: -1, keyEnd: -1 } : { start, end, keyStart: -1, keyEnd: -1 });
            this.setLoc(innerKey + '\u00001', direct ? { start: split + 1, end: e.valueEnd, keyStart: -1, keyEnd: -1 } : { start, end, keyStart: -1, keyEnd: -1 });
          }
        }
        value = fn === 'Ref' ? { Ref: inner } : fn === 'Condition' ? { Condition: inner } : { [fn]: inner };
      } else {
        value = this.standardScalar(kind, text, tagText, e.tagStart, e.tagEnd);
        this.setLoc(childKey, { start, end, keyStart: ks, keyEnd: ke });
      }
    }
    this.put(top, value, end, 0);
  }

  private standardScalar(kind: number, text: string, tagText: string, ts: number, te: number): unknown {
    switch (kind) {
      case T_NONSPECIFIC:
      case T_STR:
        return text;
      case T_NULL:
        return null;
      case T_BOOL: {
        const w = WORDS.get(text.toLowerCase());
        if (typeof w === 'boolean') return w;
        break;
      }
      case T_INT: {
        const v = constructInt(text);
        if (!Number.isNaN(v)) return v;
        break;
      }
      case T_FLOAT: {
        const v = constructFloat(text);
        if (!Number.isNaN(v) || /^[-+]?\.nan$/i.test(text)) return v;
        break;
      }
      case T_MAP:
      case T_SEQ:
        this.tagDiag(`Tag ${tagText} does not apply to a scalar; the string is used`, ts, te);
        return text;
      default:
        this.tagDiag(`Unsupported tag ${tagText}; the string is used`, ts, te);
        return text;
    }
    if (this.replays.length === 0) this.diag('TAG_MISMATCH', `"${text}" is not a valid ${tagText} value; kept as a string`, ts, te);
    return text;
  }

  private open(e: MappingEvent | SequenceEvent, idx: number): void {
    const src = this.src;
    const top = this.top();
    const isMap = e.type === EV_MAP;
    const start = e.start;
    const container: Record<string, unknown> | unknown[] = isMap ? {} : [];
    const bracket = e.style === FLOW && src.charCodeAt(start) === (isMap ? 123 : 91);
    const closer = bracket ? (isMap ? 125 : 93) : 0;
    const lastEnd = bracket ? start + 1 : start;
    const inReplay = this.replays.length > 0;
    const anchor = e.anchorStart >= 0 && !inReplay ? src.slice(e.anchorStart, e.anchorEnd) : null;
    const nodeCountAtOpen = this.nodeCount;
    if (!inReplay) this.nodeCount++;

    if (top !== null && top.isMap && top.key === null) {
      this.discard++;
      this.push(new Frame(isMap, container, '', null, null, closer, start, lastEnd, true, anchor, idx, nodeCountAtOpen));
      return;
    }

    const childKey = this.childKey(top);
    const ks = top !== null && top.isMap ? top.keyStart : -1;
    const ke = top !== null && top.isMap ? top.keyEnd : -1;
    let value: unknown = container;
    let outer: NodeLocation | null = null;
    let loc: NodeLocation;
    let prefix: string;
    let tag: TagInfo | null = null;
    if (e.tagStart >= 0) {
      const tagText = src.slice(e.tagStart, e.tagEnd);
      tag = tagInfo(tagText);
      if (tag.kind === T_UNKNOWN_LOCAL) this.tagDiag(`Unknown tag ${tagText}; read as ${tag.key}`, e.tagStart, e.tagEnd);
      else if (tag.kind === T_OTHER) this.tagDiag(`Unsupported tag ${tagText}; the plain ${isMap ? 'mapping' : 'sequence'} is used`, e.tagStart, e.tagEnd);
      else if (tag.kind !== T_INTRINSIC && tag.kind !== T_NONSPECIFIC && tag.kind !== (isMap ? T_MAP : T_SEQ)) {
        this.tagDiag(`Tag ${tagText} does not apply to a ${isMap ? 'mapping' : 'sequence'}; the plain ${isMap ? 'mapping' : 'sequence'} is used`, e.tagStart, e.tagEnd);
      }
    }
    if (tag !== null && (tag.kind === T_INTRINSIC || tag.kind === T_UNKNOWN_LOCAL)) {
      const fn = tag.key;
      outer = { start: e.tagStart, end: -1, keyStart: ks, keyEnd: ke };
      this.setLoc(childKey, outer);
      const innerKey = top === null ? fn : childKey + '\u0000' + fn;
      loc = { start, end: -1, keyStart: e.tagStart, keyEnd: e.tagEnd };
      this.setLoc(innerKey, loc);
      prefix = innerKey + '\u0000';
      value = fn === 'Ref' ? { Ref: container } : fn === 'Condition' ? { Condition: container } : { [fn]: container };
    } else {
      loc = { start, end: -1, keyStart: ks, keyEnd: ke };
      this.setLoc(childKey, loc);
      prefix = top === null ? '' : childKey + '\u0000';
    }
    // Attached now (objects are references); the parent's end is settled when this pops.
    this.put(top, value, -1, -1);
    this.push(new Frame(isMap, container, prefix, loc, outer, closer, start, lastEnd, false, anchor, idx, nodeCountAtOpen));
  }

  private push(f: Frame): void {
    this.stack[this.sp++] = f;
  }

  private pop(nextIdx: number): void {
    const f = this.stack[--this.sp]!;
    const end = f.closer !== 0 ? this.findCloser(f.lastEnd, f.closer) : f.lastEnd;
    if (f.loc !== null) f.loc.end = end;
    if (f.outer !== null) f.outer.end = end;
    const parent = this.top();
    if (f.isKey) {
      this.discard--;
      if (this.replays.length === 0) {
        this.diag('COMPLEX_KEY', 'A collection used as a mapping key; its source text is used as the key', f.start, end);
      }
      this.setKey(parent!, this.src.slice(f.start, end), f.start, end, false);
    } else if (parent !== null) {
      if (end > parent.lastEnd) parent.lastEnd = end;
      if (f.height >= parent.height) parent.height = f.height + 1;
    }
    if (f.anchor !== null) {
      this.anchors.set(f.anchor, { startIdx: f.eventIndex, endIdx: nextIdx, nodes: this.nodeCount - f.nodeCountAtOpen, height: f.height });
    }
  }

  /** End of a bracketed flow collection: its closing bracket, found after the last child. */
  private findCloser(from: number, closer: number): number {
    const src = this.src;
    let p = from;
    while (p < src.length) {
      const c = src.charCodeAt(p);
      if (c === closer) return p + 1;
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 44 || c === 58 || c === 63) p++;
      else if (c === 35) {
        while (p < src.length && src.charCodeAt(p) !== 10 && src.charCodeAt(p) !== 13) p++;
      } else break;
    }
    return from;
  }

  /** Handles an alias; returns a replay record when its anchored events should be walked again here. */
  private alias(e: AliasEvent, resumeAt: number, resumeEnd: number): Replay | null {
    const src = this.src;
    const top = this.top();
    const aStart = e.anchorStart - 1;
    const aEnd = e.anchorEnd;
    const name = src.slice(e.anchorStart, e.anchorEnd);
    const anchor = this.anchors.get(name);
    const inReplay = this.replays.length > 0;
    if (!inReplay) {
      this.nodeCount++;
      this.diag(
        'YAML_ALIAS',
        anchor === undefined
          ? `Alias *${name} refers to no anchor; CloudFormation does not allow YAML aliases`
          : `YAML aliases (*${name}) are not allowed in CloudFormation templates; expanded here only for analysis`,
        aStart,
        aEnd,
      );
    }

    if (top !== null && top.isMap && top.key === null) {
      const ev = anchor !== undefined ? this.events[anchor.startIdx] : undefined;
      const key = ev !== undefined && ev.type === EV_SCALAR ? getScalarValue(src, ev) : src.slice(aStart, aEnd);
      this.setKey(top, key, aStart, aEnd, false);
      return null;
    }

    const childKey = this.childKey(top);
    const ks = top !== null && top.isMap ? top.keyStart : -1;
    const ke = top !== null && top.isMap ? top.keyEnd : -1;
    if (anchor !== undefined && this.discard === 0) {
      if (this.expanded + anchor.nodes <= ALIAS_NODE_BUDGET && this.sp + anchor.height <= MAX_DEPTH) {
        this.expanded += anchor.nodes;
        return { startIdx: anchor.startIdx, endIdx: anchor.endIdx, resumeAt, resumeEnd, childKey, aliasStart: aStart, aliasEnd: aEnd, parent: top };
      }
      // Once per document: past this point every alias would say the same.
      if (!this.budgetReported) {
        this.budgetReported = true;
        this.diag(
          'ALIAS_BUDGET',
          `Alias *${name} not expanded: alias expansion is limited to ${ALIAS_NODE_BUDGET} nodes and ${MAX_DEPTH} levels per document, so this and any further over-budget aliases are null here`,
          aStart,
          aEnd,
        );
      }
    }
    this.setLoc(childKey, { start: aStart, end: aEnd, keyStart: ks, keyEnd: ke });
    this.put(top, null, aEnd, 0);
    return null;
  }

  /** The expanded node keeps its inner locations (the anchored text) but itself points at the alias. */
  private finishReplay(r: Replay): void {
    const loc = this.discard === 0 ? this.locations.get(r.childKey) : undefined;
    if (loc !== undefined) {
      loc.start = r.aliasStart;
      loc.end = r.aliasEnd;
    }
    if (r.parent !== null && r.aliasEnd > r.parent.lastEnd) r.parent.lastEnd = r.aliasEnd;
  }

  private multipleDocuments(from: number): void {
    let docEnd = 0;
    const rootLoc = this.locations.get('');
    if (rootLoc !== undefined) docEnd = rootLoc.end;
    const marker = /^---/gm;
    marker.lastIndex = docEnd;
    const m = marker.exec(this.src);
    let start = m !== null ? m.index : -1;
    if (start < 0) {
      // No marker found: point at the second document's first node.
      for (let j = from; j < this.events.length && start < 0; j++) {
        const ev = this.events[j]!;
        if (ev.type === EV_SCALAR) start = ev.tagStart >= 0 ? ev.tagStart : ev.valueStart;
        else if (ev.type === EV_MAP || ev.type === EV_SEQ) start = ev.start;
        else if (ev.type === EV_ALIAS) start = ev.anchorStart - 1;
      }
      if (start < 0) start = this.src.length;
    }
    this.diag(
      'MULTIPLE_DOCUMENTS',
      'The file holds more than one YAML document; CloudFormation reads one template per file, so only the first is used',
      start,
      m !== null ? start + 3 : start,
    );
  }
}

function stripBom(source: string): string {
  return source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
}

/** Re-parses one file may spend on re-indenting (see parseEventsLenient) before its error is reported. */
const MAX_LENIENT_PARSES = 100;
/** ...and the characters those re-parses may read in total, so a large file cannot take seconds. */
const MAX_LENIENT_CHARS = 32_000_000;

/** Spaces inserted at patched offset `at`; `before` is the total inserted ahead of it. */
interface Insert {
  at: number;
  len: number;
  before: number;
}

/** Maps offsets in the patched text back to the original source. */
function offsetMapper(inserts: Insert[]): (q: number) => number {
  return (q) => {
    let lo = 0;
    let hi = inserts.length - 1;
    let j = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (inserts[mid]!.at <= q) {
        j = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (j < 0 || q < 0) return q;
    const ins = inserts[j]!;
    return q < ins.at + ins.len ? ins.at - ins.before : q - ins.before - ins.len;
  };
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

function lineStartOf(text: string, p: number): number {
  while (p > 0 && !isBreak(text.charCodeAt(p - 1))) p--;
  return p;
}

/** Start of the line after the one holding `p`. */
function nextLine(text: string, p: number): number {
  while (p < text.length && !isBreak(text.charCodeAt(p))) p++;
  if (text.charCodeAt(p) === 13) p++;
  if (text.charCodeAt(p) === 10) p++;
  return p;
}

function indentAt(text: string, lineStart: number): number {
  let p = lineStart;
  while (text.charCodeAt(p) === 32) p++;
  return p - lineStart;
}

function isBlankLine(text: string, lineStart: number): boolean {
  const p = lineStart + indentAt(text, lineStart);
  return p >= text.length || isBreak(text.charCodeAt(p));
}

/** Spaces line `ls` needs: one deeper than the previous non-blank line (what the parent key usually requires). */
function paddingFor(text: string, ls: number): number {
  let s = ls;
  while (s > 0) {
    s = lineStartOf(text, s - 1);
    if (!isBlankLine(text, s)) return Math.max(1, indentAt(text, s) + 1 - indentAt(text, ls));
  }
  return 1;
}

interface Patched {
  text: string;
  inserts: Insert[];
}

/** Inserts `len` spaces at the start of `count` non-blank lines from `ls`; returns the new state and the next line's start. */
function padLines(state: Patched, ls: number, count: number, len: number): Patched & { next: number } {
  const { text } = state;
  const at: number[] = [];
  let p = ls;
  while (at.length < count && p < text.length) {
    if (!isBlankLine(text, p)) at.push(p);
    p = nextLine(text, p);
  }
  while (p < text.length && isBlankLine(text, p)) p = nextLine(text, p);
  const pad = ' '.repeat(len);
  let out = '';
  let from = 0;
  for (const q of at) {
    out += text.slice(from, q) + pad;
    from = q;
  }
  out += text.slice(from);
  const shifted = state.inserts.map((ins) => {
    let k = 0;
    while (k < at.length && at[k]! <= ins.at) k++;
    return { at: ins.at + k * len, len: ins.len, before: 0 };
  });
  at.forEach((q, i) => shifted.push({ at: q + i * len, len, before: 0 }));
  shifted.sort((x, y) => x.at - y.at);
  let before = 0;
  for (const ins of shifted) {
    ins.before = before;
    before += ins.len;
  }
  return { text: out, inserts: shifted, next: p + at.length * len };
}

/**
 * js-yaml follows YAML 1.2 and rejects a continuation line of a quoted scalar or flow collection that is
 * indented no deeper than its parent key; PyYAML (aws-cli, cfn-lint) accepts it, and real templates do it
 * (a `}]` under `Key: [{`, a wrapped `'...'` value). Such lines are padded with spaces, which are
 * insignificant there, and the text is parsed again; offsets are mapped back afterwards. Consecutive
 * deficient lines are padded in growing runs to save re-parses; a run that overshoots the flow node (any
 * other error) is undone and redone line by line, so the result never depends on the guess.
 */
function parseEventsLenient(source: string): (Patched & { events: Event[] }) | { error: unknown; map: (q: number) => number } {
  let state: Patched = { text: source, inserts: [] };
  let saved: Patched | null = null; // state before a multi-line run, to undo an overshoot
  let lastLine = -1;
  let lastLen = 0;
  let expected = -1; // the line right after the last padded run
  let run = 1; // lines padded by the last run
  let limit = 64; // largest run to try; halved after each overshoot
  let retry = false; // the last run was undone: pad its first line again with a smaller run
  for (let parses = 1; ; parses++) {
    try {
      return { events: parseEvents(state.text, { maxDepth: MAX_DEPTH }), ...state };
    } catch (err) {
      const deficient = err instanceof YAMLException && err.reason === 'deficient indentation' && err.mark !== undefined;
      if (!deficient && saved !== null) {
        state = saved;
        saved = null;
        limit = Math.max(1, run >> 1);
        retry = true;
        continue;
      }
      if (!deficient || parses >= MAX_LENIENT_PARSES || parses * state.text.length > MAX_LENIENT_CHARS) return { error: err, map: offsetMapper(state.inserts) };
      const ls = lineStartOf(state.text, Math.min((err as YAMLException).mark!.position, state.text.length));
      // Nothing to pad (end of input: an unclosed quote or bracket), a tab (PyYAML rejects those too), or no progress.
      const first = state.text.charCodeAt(ls + indentAt(state.text, ls));
      if (isBlankLine(state.text, ls) || first === 9 || (ls === lastLine && !retry && lastLen >= 128)) {
        return { error: err, map: offsetMapper(state.inserts) };
      }
      let len: number;
      if (retry) {
        retry = false;
        len = lastLen;
        run = limit;
      } else if (ls === lastLine) {
        len = lastLen * 2; // still too shallow
        run = 1;
      } else {
        if (ls === expected) {
          // the same flow node continues: same padding, a longer run
          len = Math.max(lastLen, paddingFor(state.text, ls) - lastLen);
          run = Math.min(run * 2, limit);
        } else {
          len = paddingFor(state.text, ls);
          run = 1;
          limit = 64;
        }
      }
      saved = run > 1 ? state : null;
      const next = padLines(state, ls, run, len);
      state = { text: next.text, inserts: next.inserts };
      expected = next.next;
      lastLine = ls;
      lastLen = len;
    }
  }
}

export function parseYaml(input: string): ParsedDocument {
  const source = stripBom(input);
  const lineStarts = computeLineStarts(source);
  const parsed = parseEventsLenient(source);
  if ('error' in parsed) {
    const err = parsed.error;
    const position = err instanceof YAMLException && err.mark ? parsed.map(err.mark.position) : 0;
    let reason = err instanceof YAMLException ? err.reason : String((err as Error)?.message ?? err);
    if (reason === 'deficient indentation' && source.slice(position).trim() === '') {
      reason = 'unexpected end of input inside a quoted scalar or flow collection (is a closing quote or bracket missing?)';
    }
    const start = Math.max(0, Math.min(position, source.length));
    const end = Math.min(start + 1, source.length);
    const depth = reason.startsWith('nesting exceeded maxDepth');
    const diagnostic: ParseDiagnostic = depth
      ? { code: 'DEPTH_LIMIT', message: `Nesting deeper than ${MAX_DEPTH} levels is not supported`, start, end, fatal: true }
      : { code: 'YAML_SYNTAX', message: `YAML syntax error: ${reason}`, start, end, fatal: true };
    return { format: 'yaml', value: undefined, source, lineStarts, locations: new Map(), diagnostics: [diagnostic] };
  }
  const walker = new Walker(parsed.text, parsed.events);
  walker.run();
  if (walker.staleLocations) pruneStaleLocations(walker.root, walker.locations);
  if (parsed.inserts.length > 0) {
    const map = offsetMapper(parsed.inserts);
    for (const loc of walker.locations.values()) {
      loc.start = map(loc.start);
      loc.end = map(loc.end);
      loc.keyStart = map(loc.keyStart);
      loc.keyEnd = map(loc.keyEnd);
    }
    for (const d of walker.diagnostics) {
      d.start = map(d.start);
      d.end = map(d.end);
    }
  }
  return {
    format: 'yaml',
    value: walker.root,
    source,
    lineStarts,
    locations: walker.locations,
    diagnostics: walker.diagnostics,
  };
}
