import type { NodeLocations } from './locations.ts';

/** Where a path segment leads: a mapping key or a sequence index. */
export type PathSegment = string | number;
export type NodePath = readonly PathSegment[];

/** UTF-16 offsets into the source text, end-exclusive. keyStart/keyEnd are -1 for sequence items and the root. */
export interface NodeLocation {
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
}

/** 1-based lines and columns; endColumn is one past the last character (SARIF's convention). */
export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface ParseDiagnostic {
  /** Stable code, e.g. YAML_SYNTAX, DUPLICATE_KEY, YAML_ALIAS, UNKNOWN_TAG, JSON_SYNTAX. */
  code: string;
  message: string;
  start: number;
  end: number;
  /** A fatal diagnostic means no usable value could be built. */
  fatal: boolean;
}

export type SourceFormat = 'yaml' | 'json';

export interface ParsedDocument {
  format: SourceFormat;
  /** Plain value with intrinsics in long form ({Ref}, {"Fn::GetAtt": [A, B]}); undefined when parsing failed. */
  value: unknown;
  source: string;
  /** Offset of the first character of each line. */
  lineStarts: number[];
  /** Location of every node, looked up by its path. */
  locations: NodeLocations;
  diagnostics: ParseDiagnostic[];
}

/** The one way a node path becomes a map key. */
export function pathKey(path: NodePath): string {
  return path.join('\u0000');
}
