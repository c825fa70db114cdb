import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { UsageError } from '../errors.ts';

/** Config, baseline and parameter files are small: a bigger one is a mistake, or a trap. */
export const MAX_USER_FILE_BYTES = 50 * 1024 * 1024;

const CHUNK = 1024 * 1024;

function kind(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'it is a folder, not a file';
  if (stat.isFIFO()) return 'it is a named pipe, not a regular file';
  if (stat.isSocket()) return 'it is a socket, not a regular file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'it is a device, not a regular file';
  return 'it is not a regular file';
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return code ?? (error as Error).message;
}

/**
 * The bytes of a file the user names: the config, a baseline, a parameters file. Only a regular file of at most
 * MAX_USER_FILE_BYTES is read, so a FIFO, socket or device cannot make the run wait or read without end: it is
 * checked before the open, and again on the open descriptor (opened non-blocking, so a FIFO swapped in meanwhile
 * does not block either). `what` and `shown` name the file in the one-line error: "config file .pillars-lint.yaml".
 */
export function readUserFile(file: string, what: string, shown: string): Buffer {
  const fail = (reason: string) => new UsageError(`cannot read ${what} ${shown}: ${reason}`);
  const check = (stat: Stats) => {
    const wrong = kind(stat);
    if (wrong) throw fail(wrong);
    if (stat.size > MAX_USER_FILE_BYTES) throw fail(`it is larger than ${MAX_USER_FILE_BYTES / 1024 / 1024} MB`);
  };
  let fd: number;
  try {
    check(statSync(file));
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw error instanceof UsageError ? error : fail(reasonOf(error));
  }
  try {
    check(fstatSync(fd));
    // Read to the end rather than to the size stat gave, within the cap: the file may grow meanwhile.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_USER_FILE_BYTES) throw fail(`it is larger than ${MAX_USER_FILE_BYTES / 1024 / 1024} MB`);
      chunks.push(n === CHUNK ? chunk : chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw error instanceof UsageError ? error : fail(reasonOf(error));
  } finally {
    closeSync(fd);
  }
}
