// What pillars-lint may read: files whose real path lies inside the project root, outside .git/, regular (not a
// FIFO, socket or device) and no larger than the size cap. Templates in a pull request are untrusted: a TemplateURL,
// a cdk.out manifest or a committed symlink can name any path on the machine, so every read goes through here.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export const OUTSIDE_PROJECT = 'not followed: outside the project';
export const INSIDE_GIT = 'not followed: inside .git/';
export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;

/** A read refused by policy (size, file type) rather than failed: a scan skips such a file quietly, with the reason. */
export class ReadRefusal extends Error {}

/** Where a path leads: its real path when it may be read, `refusal` when it may not, neither when it does not exist. */
export interface Located {
  real?: string;
  refusal?: string;
}

export class ProjectFiles {
  /** Real path of the project root. */
  readonly root: string;
  /** The root as given (a checkout reached through a symlink is inside it too, lexically). */
  private readonly given: string;
  private readonly reals = new Map<string, string | null>();

  /** Throws (ENOENT, ENOTDIR) when `root` is not a directory. */
  constructor(
    root: string,
    readonly maxBytes: number = DEFAULT_MAX_FILE_SIZE,
  ) {
    this.given = resolve(root);
    this.root = realpathSync.native(this.given);
    if (!statSync(this.root).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  }

  /** The real path (one realpath(3) per path, cached), or undefined when it does not resolve (missing, dangling, a loop). */
  realPath(file: string): string | undefined {
    const absolute = resolve(file);
    let real = this.reals.get(absolute);
    if (real === undefined) {
      try {
        real = realpathSync.native(absolute);
      } catch {
        real = null;
      }
      this.reals.set(absolute, real);
    }
    return real ?? undefined;
  }

  /**
   * Where `file` leads. A path that does not exist is refused when it lies outside the root as written, so that the
   * answer never tells whether a file outside exists.
   */
  locate(file: string): Located {
    const absolute = resolve(file);
    const real = this.realPath(absolute);
    if (real === undefined) {
      if (!this.contains(absolute)) return { refusal: OUTSIDE_PROJECT };
      const rel = this.inside(absolute, this.given) ?? this.inside(absolute, this.root)!;
      return rel.split(sep).includes('.git') ? { refusal: INSIDE_GIT } : {};
    }
    const refusal = this.refusal(real);
    return refusal ? { refusal } : { real };
  }

  /** Whether a path lies inside the root as written (no symlinks resolved). */
  contains(file: string): boolean {
    const absolute = resolve(file);
    return this.inside(absolute, this.given) !== undefined || this.inside(absolute, this.root) !== undefined;
  }

  /** Why a real path may not be read, if it may not. */
  refusal(real: string): string | undefined {
    const rel = this.inside(real, this.root);
    if (rel === undefined) return OUTSIDE_PROJECT;
    return rel.split(sep).includes('.git') ? INSIDE_GIT : undefined;
  }

  /**
   * The bytes of a regular file of at most maxBytes, else an Error (a ReadRefusal for size and type) whose message
   * names no path. The type and size are checked before the file is opened (opening a FIFO blocks, a device may act
   * on open), and again on the open descriptor, which is what is read.
   */
  read(file: string): Buffer | Error {
    let fd: number | undefined;
    try {
      const refused = this.check(statSync(file));
      if (refused) return refused;
      // O_NONBLOCK: should the path have become a FIFO since the stat, opening it does not wait for a writer.
      fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      const stat = fstatSync(fd);
      const changed = this.check(stat);
      if (changed) return changed;
      const bytes = Buffer.allocUnsafe(stat.size);
      let length = 0;
      while (length < bytes.length) {
        const n = readSync(fd, bytes, length, bytes.length - length, null);
        if (n === 0) break;
        length += n;
      }
      return length === bytes.length ? bytes : bytes.subarray(0, length);
    } catch (error) {
      return new Error(fsErrorText(error));
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  private check(stat: Stats): ReadRefusal | undefined {
    if (!stat.isFile()) return new ReadRefusal(`not a regular file (${fileKind(stat)})`);
    if (stat.size > this.maxBytes) return new ReadRefusal(`${formatSize(stat.size)}, over the ${formatSize(this.maxBytes)} size limit (--max-file-size)`);
    return undefined;
  }

  private inside(target: string, base: string): string | undefined {
    const rel = relative(base, target);
    return rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel) ? undefined : rel;
  }
}

function fileKind(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a file';
}

/** An fs error as a short reason without the path (Node's messages carry the absolute path). */
export function fsErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'EISDIR':
      return 'a directory';
    case 'ELOOP':
      return 'a symlink loop (ELOOP)';
    case undefined:
      return (error as Error).message ?? String(error);
    default:
      return code;
  }
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** `50MB`, `10 KB`, `1.5GB`, `2048` (bytes): units are binary (1KB = 1024 bytes). Undefined when not a size. */
export function parseSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|KiB|MB|MiB|GB|GiB|TB|TiB)?\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = (match[2] ?? 'B').toUpperCase().replace('IB', 'B');
  const bytes = Math.floor(Number(match[1]) * 1024 ** UNITS.indexOf(unit as (typeof UNITS)[number]));
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** 2048 → `2 KB`, 1073741824 → `1 GB`, 1536 → `1.5 KB`. */
export function formatSize(bytes: number): string {
  let unit = 0;
  let value = bytes;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = value >= 100 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${UNITS[unit]}`;
}
