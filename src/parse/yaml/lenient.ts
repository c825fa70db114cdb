// The lenient re-parse: continuation lines PyYAML accepts and js-yaml rejects are re-indented, and offsets in the
// patched text are mapped back to the source.
import { YAMLException, parseEvents, type Event } from 'js-yaml';
import { isBreak } from '../locate.ts';
import { MAX_DEPTH } from '../shared.ts';

/** Re-parses one file may spend on re-indenting (see parseEventsLenient) before its error is reported. */
const MAX_LENIENT_PARSES = 100;
/** ...and the characters those re-parses may read in total, so a large file cannot take seconds. */
const MAX_LENIENT_CHARS = 32_000_000;

/** Spaces inserted at patched offset `at`; `before` is the total inserted ahead of it. */
export interface Insert {
  at: number;
  len: number;
  before: number;
}

/** Maps offsets in the patched text back to the original source. */
export function offsetMapper(inserts: Insert[]): (q: number) => number {
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

export interface Patched {
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
export function parseEventsLenient(source: string): (Patched & { events: Event[] }) | { error: unknown; map: (q: number) => number } {
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
