import type { NodeLocation, NodePath, ParsedDocument, Region } from './types.ts';

/** Offsets of every line start; handles LF, CRLF and lone CR. */
export function computeLineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** 0-based line index of an offset (binary search). */
function lineIndexOf(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function positionOf(lineStarts: number[], offset: number): { line: number; column: number } {
  const index = lineIndexOf(lineStarts, offset);
  return { line: index + 1, column: offset - lineStarts[index]! + 1 };
}

/** Region of [start, end); trailing line breaks and blanks are trimmed so a region never ends on the next line. */
export function regionOf(source: string, lineStarts: number[], start: number, end: number): Region {
  let e = Math.max(start, end);
  while (e > start && /[\s]/.test(source[e - 1]!)) e--;
  const s = positionOf(lineStarts, start);
  if (e === start) return { startLine: s.line, startColumn: s.column, endLine: s.line, endColumn: s.column + 1 };
  const last = positionOf(lineStarts, e - 1);
  return { startLine: s.line, startColumn: s.column, endLine: last.line, endColumn: last.column + 1 };
}

export interface Located {
  /** The path that exists in the document (the requested one, or its nearest ancestor). */
  path: NodePath;
  location: NodeLocation;
  /** True when the requested path itself exists. */
  exact: boolean;
}

/** The node at path, else the nearest ancestor that exists (Spectral's habit). */
export function locate(doc: ParsedDocument, path: NodePath): Located | undefined {
  for (let n = path.length; n >= 0; n--) {
    const sub = n === path.length ? path : path.slice(0, n);
    const location = doc.locations.get(sub);
    if (location) return { path: sub, location, exact: n === path.length };
  }
  return undefined;
}

/**
 * The region to show for a finding at path: the value when it exists; for a missing path, the key of
 * its nearest existing ancestor (e.g. `Properties`, else the logical id), so the report points at a line
 * that names the thing.
 */
export function findingRegion(doc: ParsedDocument, path: NodePath): Region {
  return locatedRegion(doc, locate(doc, path));
}

/** findingRegion for a path already located. */
export function locatedRegion(doc: ParsedDocument, found: Located | undefined): Region {
  if (!found) return { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };
  const { location, exact } = found;
  if (!exact && location.keyStart >= 0) return regionOf(doc.source, doc.lineStarts, location.keyStart, location.keyEnd);
  return regionOf(doc.source, doc.lineStarts, location.start, location.end);
}

/** Region of a diagnostic or any raw offset range. */
export function offsetRegion(doc: Pick<ParsedDocument, 'source' | 'lineStarts'>, start: number, end: number): Region {
  return regionOf(doc.source, doc.lineStarts, start, end);
}
