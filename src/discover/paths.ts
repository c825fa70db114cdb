import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * A file's path relative to the working directory, `/`-separated, or undefined when it lies outside (or on another
 * drive). The one way findings, SARIF URIs, config globs and baselines name a file.
 *
 * The process's working directory is always the real path, while the paths a user types or a script builds from
 * $PWD keep the symlinks they went through (macOS's /tmp, a linked home or checkout). When the paths as given do not
 * nest, their real paths are compared.
 */
export function relativeInside(file: string, cwd: string): string | undefined {
  const base = resolve(cwd);
  const target = resolve(cwd, file);
  return nested(base, target) ?? nested(realPath(base), realPath(target));
}

/** A URI (stack://REGION/NAME, file://, https://): an in-memory template or a remote one, not a path. */
export function isUri(file: string): boolean {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(file);
}

/** Starts with a scheme (https:, s3:); a Windows drive letter (C:) is one character, so it is not one. */
export function hasScheme(url: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(url);
}

/** Relative to cwd when inside it, else relative all the same (`../x`), `/`-separated: what config globs match. */
export function relativeForMatching(file: string, cwd: string): string {
  return relativeInside(file, cwd) ?? toPosix(relative(cwd, file));
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

function nested(base: string, target: string): string | undefined {
  const rel = relative(base, target);
  if (rel === '' || isAbsolute(rel) || rel === '..' || rel.startsWith('..' + sep)) return undefined;
  return toPosix(rel);
}

const realPaths = new Map<string, string>();

/**
 * The real path, symlinks and /tmp-style aliases resolved (cached: a report asks for every finding's file), or the
 * absolute path when the file does not exist.
 */
export function realPath(file: string): string {
  const absolute = resolve(file);
  let real = realPaths.get(absolute);
  if (real === undefined) {
    try {
      real = realpathSync.native(absolute);
    } catch {
      real = absolute;
    }
    realPaths.set(absolute, real);
  }
  return real;
}
