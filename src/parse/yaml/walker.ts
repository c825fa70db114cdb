// The walker: one pass over js-yaml's flat event list, an explicit stack, no recursion. It builds the value, records
// the location of every node and the diagnostics (tags, duplicate and merge keys, aliases, multiple documents).
import {
  CHOMPING_MODE,
  COLLECTION_STYLE,
  EVENT_ID,
  SCALAR_STYLE,
  getScalarValue,
  type AliasEvent,
  type Event,
  type MappingEvent,
  type ScalarEvent,
  type SequenceEvent,
} from 'js-yaml';
import { isBreak } from '../locate.ts';
import { NodeLocations } from '../locations.ts';
import { MAX_DEPTH, setOwn } from '../shared.ts';
import type { ParseDiagnostic } from '../types.ts';
import { WORDS, constructFloat, constructInt, resolvePlainScalar } from './scalars.ts';
import { T_BOOL, T_FLOAT, T_INT, T_INTRINSIC, T_MAP, T_NONSPECIFIC, T_NULL, T_OTHER, T_SEQ, T_STR, T_UNKNOWN_LOCAL, tagInfo, type TagInfo } from './tags.ts';

/** Total nodes that alias expansion may add to one document (alias bombs stop here). */
export const ALIAS_NODE_BUDGET = 10_000;

const { DOCUMENT: EV_DOC, SEQUENCE: EV_SEQ, MAPPING: EV_MAP, SCALAR: EV_SCALAR, ALIAS: EV_ALIAS, POP: EV_POP } = EVENT_ID;
const { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL_BLOCK } = SCALAR_STYLE;
const { STRIP } = CHOMPING_MODE;
const FLOW = COLLECTION_STYLE.FLOW;

const hasOwn = Object.prototype.hasOwnProperty;

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
    /** This collection's recorded node, its children's parent (-1 when not recorded: a complex key). */
    readonly node: number,
    /** The `{Fn::X: ...}` wrapper's node when this collection carries a short-form tag, else -1. */
    readonly outer: number,
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
  /** The node the expansion records first: the alias's own (-1 when none is recorded). */
  node: number;
  aliasStart: number;
  aliasEnd: number;
  parent: Frame | null;
}

export class Walker {
  readonly locations = new NodeLocations();
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

  constructor(
    private readonly src: string,
    private readonly events: Event[],
  ) {}

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

  /** Records a node under `parent`; nothing inside a complex key is recorded (-1). */
  private record(parent: number, key: string | undefined, start: number, end: number, keyStart: number, keyEnd: number): number {
    return this.discard === 0 ? this.locations.add(parent, key, start, end, keyStart, keyEnd) : -1;
  }

  private top(): Frame | null {
    return this.sp > 0 ? this.stack[this.sp - 1]! : null;
  }

  /** The recorded parent of the next child of `top`, and the child's mapping key (undefined for an item). */
  private parentNode(top: Frame | null): number {
    return top === null ? -1 : top.node;
  }

  private childName(top: Frame | null): string | undefined {
    return top?.isMap ? top.key! : undefined;
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

    if (top?.isMap && top.key === null) {
      if (start < 0) {
        const after = Math.max(e.tagEnd, e.anchorEnd);
        start = end = after >= 0 ? after : top.lastEnd;
      }
      this.setKey(top, text, start, end, style === PLAIN && e.tagStart < 0);
      return;
    }

    const parent = this.parentNode(top);
    const name = this.childName(top);
    const ks = top?.isMap ? top.keyStart : -1;
    const ke = top?.isMap ? top.keyEnd : -1;
    if (start < 0) start = end = this.emptyPos(top, e.tagEnd, e.anchorEnd);

    let value: unknown;
    if (e.tagStart < 0) {
      value = style === PLAIN ? resolvePlainScalar(text) : text;
      this.record(parent, name, start, end, ks, ke);
    } else {
      const tagText = src.slice(e.tagStart, e.tagEnd);
      const tag = tagInfo(tagText);
      const kind = tag.kind;
      if (kind === T_INTRINSIC || kind === T_UNKNOWN_LOCAL) {
        if (kind === T_UNKNOWN_LOCAL) this.tagDiag(`Unknown tag ${tagText}; read as ${tag.key}`, e.tagStart, e.tagEnd);
        const fn = tag.key;
        const outer = this.record(parent, name, e.tagStart, end, ks, ke);
        const innerNode = this.record(outer, fn, start, end, e.tagStart, e.tagEnd);
        let inner: unknown = text;
        if (fn === 'Fn::GetAtt') {
          const dot = text.indexOf('.');
          if (dot >= 0) {
            inner = [text.slice(0, dot), text.slice(dot + 1)];
            // Sub-ranges only when the text maps 1:1 onto the source (no escapes or folding).
            const direct = vs >= 0 && (e.fast || src.slice(vs, e.valueEnd) === text);
            const split = vs + dot;
            this.record(innerNode, undefined, direct ? vs : start, direct ? split : end, -1, -1);
            this.record(innerNode, undefined, direct ? split + 1 : start, direct ? e.valueEnd : end, -1, -1);
          }
        }
        value = fn === 'Ref' ? { Ref: inner } : fn === 'Condition' ? { Condition: inner } : { [fn]: inner };
      } else {
        value = this.standardScalar(kind, text, tagText, e.tagStart, e.tagEnd);
        this.record(parent, name, start, end, ks, ke);
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

    if (top?.isMap && top.key === null) {
      this.discard++;
      this.push(new Frame(isMap, container, -1, -1, closer, start, lastEnd, true, anchor, idx, nodeCountAtOpen));
      return;
    }

    const parent = this.parentNode(top);
    const name = this.childName(top);
    const ks = top?.isMap ? top.keyStart : -1;
    const ke = top?.isMap ? top.keyEnd : -1;
    let value: unknown = container;
    let outer = -1;
    let node: number;
    let tag: TagInfo | null = null;
    if (e.tagStart >= 0) {
      const tagText = src.slice(e.tagStart, e.tagEnd);
      tag = tagInfo(tagText);
      if (tag.kind === T_UNKNOWN_LOCAL) this.tagDiag(`Unknown tag ${tagText}; read as ${tag.key}`, e.tagStart, e.tagEnd);
      else if (tag.kind === T_OTHER) this.tagDiag(`Unsupported tag ${tagText}; the plain ${isMap ? 'mapping' : 'sequence'} is used`, e.tagStart, e.tagEnd);
      else if (tag.kind !== T_INTRINSIC && tag.kind !== T_NONSPECIFIC && tag.kind !== (isMap ? T_MAP : T_SEQ)) {
        this.tagDiag(
          `Tag ${tagText} does not apply to a ${isMap ? 'mapping' : 'sequence'}; the plain ${isMap ? 'mapping' : 'sequence'} is used`,
          e.tagStart,
          e.tagEnd,
        );
      }
    }
    if (tag !== null && (tag.kind === T_INTRINSIC || tag.kind === T_UNKNOWN_LOCAL)) {
      const fn = tag.key;
      outer = this.record(parent, name, e.tagStart, -1, ks, ke);
      node = this.record(outer, fn, start, -1, e.tagStart, e.tagEnd);
      value = fn === 'Ref' ? { Ref: container } : fn === 'Condition' ? { Condition: container } : { [fn]: container };
    } else {
      node = this.record(parent, name, start, -1, ks, ke);
    }
    // Attached now (objects are references); the parent's end is settled when this pops.
    this.put(top, value, -1, -1);
    this.push(new Frame(isMap, container, node, outer, closer, start, lastEnd, false, anchor, idx, nodeCountAtOpen));
  }

  private push(f: Frame): void {
    this.stack[this.sp++] = f;
  }

  private pop(nextIdx: number): void {
    const f = this.stack[--this.sp]!;
    const end = f.closer !== 0 ? this.findCloser(f.lastEnd, f.closer) : f.lastEnd;
    if (f.node >= 0) this.locations.setEnd(f.node, end);
    if (f.outer >= 0) this.locations.setEnd(f.outer, end);
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

    if (top?.isMap && top.key === null) {
      const ev = anchor !== undefined ? this.events[anchor.startIdx] : undefined;
      const key = ev !== undefined && ev.type === EV_SCALAR ? getScalarValue(src, ev) : src.slice(aStart, aEnd);
      this.setKey(top, key, aStart, aEnd, false);
      return null;
    }

    const ks = top?.isMap ? top.keyStart : -1;
    const ke = top?.isMap ? top.keyEnd : -1;
    if (anchor !== undefined && this.discard === 0) {
      if (this.expanded + anchor.nodes <= ALIAS_NODE_BUDGET && this.sp + anchor.height <= MAX_DEPTH) {
        this.expanded += anchor.nodes;
        // The expansion's first recorded node is the alias's own.
        const node = this.locations.nodeCount;
        return { startIdx: anchor.startIdx, endIdx: anchor.endIdx, resumeAt, resumeEnd, node, aliasStart: aStart, aliasEnd: aEnd, parent: top };
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
    this.record(this.parentNode(top), this.childName(top), aStart, aEnd, ks, ke);
    this.put(top, null, aEnd, 0);
    return null;
  }

  /** The expanded node keeps its inner locations (the anchored text) but itself points at the alias. */
  private finishReplay(r: Replay): void {
    if (this.discard === 0 && r.node < this.locations.nodeCount) this.locations.setRange(r.node, r.aliasStart, r.aliasEnd);
    if (r.parent !== null && r.aliasEnd > r.parent.lastEnd) r.parent.lastEnd = r.aliasEnd;
  }

  private multipleDocuments(from: number): void {
    const docEnd = this.locations.nodeCount > 0 ? Math.max(0, this.locations.end(0)) : 0;
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
