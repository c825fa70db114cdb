import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isUri, relativeInside } from '../discover/paths.ts';
import type { Finding } from '../engine/types.ts';

/** What a person reads: relative to cwd with `/`, else the absolute path; URIs unchanged. */
export function displayPath(file: string, cwd: string): string {
  if (isUri(file)) return file;
  return relativeInside(file, cwd) ?? resolve(cwd, file);
}

/** Absolute file path for tools that need one (the `$eslint-compact` matcher); URIs unchanged. */
export function absolutePath(file: string, cwd: string): string {
  return isUri(file) ? file : resolve(cwd, file);
}

/**
 * SARIF artifactLocation.uri: relative to cwd (resolved against %SRCROOT%), `/`-separated, each segment
 * percent-encoded; files outside cwd become absolute file:// URIs, other URIs are kept as they are.
 */
export function artifactUri(file: string, cwd: string): string {
  if (isUri(file)) return file;
  const rel = relativeInside(file, cwd);
  if (rel === undefined) return pathToFileURL(resolve(cwd, file)).href;
  return rel.split('/').map(encodeURIComponent).join('/');
}

/**
 * The line of the CDK app that creates a finding's resource, when the finding should be placed there: `source`
 * placement, and the app's file lies in the project (GitHub cannot show a location elsewhere).
 */
export function cdkSourceOf(
  f: Finding,
  root: string,
  placement: 'source' | 'template' | undefined,
): { file: string; line: number; column?: number } | undefined {
  if (placement === 'template') return undefined;
  const frame = f.related?.find((r) => r.creation);
  return frame && !isUri(frame.file) && relativeInside(frame.file, root) !== undefined ? frame : undefined;
}

/** True when artifactUri() gave a reference relative to %SRCROOT%. */
export function isRelativeUri(uri: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(uri);
}
