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
      real = realpathSync(absolute);
    } catch {
      real = absolute;
    }
    realPaths.set(absolute, real);
  }
  return real;
}
