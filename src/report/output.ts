// `-o FILE`: the report goes to a temporary file in the same folder, renamed over FILE once complete, so a killed
// run leaves no truncated report and two runs never interleave. The temporary file is created before linting, so
// a place that cannot take a file (a path under /proc, a parent that is a file, a read-only folder) fails at once.
import { closeSync, fchmodSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { isUri } from '../discover/paths.ts';
import { UsageError } from '../errors.ts';

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a folder on its path is a file';
  if (code === 'ENOENT') return 'no file can be created there';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'EISDIR') return 'it is a folder';
  return code ?? (error as Error).message;
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

export class OutputFile {
  private fd: number | undefined;
  /** The temporary file while it exists; a device or pipe (`/dev/stdout`, `>(gzip)`) is written directly. */
  private temp: string | undefined;
  private readonly onExit = () => this.discard();

  private constructor(
    /** As the user gave it, for messages. */
    private readonly shown: string,
    private readonly target: string,
  ) {}

  /** Opens the place the report will go; a UsageError when it cannot take one. */
  static open(output: string, cwd: string): OutputFile {
    const out = new OutputFile(output, path.resolve(cwd, output));
    const fail = (error: unknown) => new UsageError(`cannot write ${output}: ${reasonOf(error)}`);
    const existing = statOrUndefined(out.target);
    if (existing?.isDirectory()) throw fail({ code: 'EISDIR' });
    try {
      if (existing && !existing.isFile()) {
        out.fd = openSync(out.target, 'w');
        return out;
      }
      mkdirSync(path.dirname(out.target), { recursive: true });
      const temp = path.join(path.dirname(out.target), `.${path.basename(out.target)}.${process.pid}-${Date.now().toString(36)}.tmp`);
      out.fd = openSync(temp, 'wx');
      out.temp = temp;
      // The report replaces the file, not its permissions.
      if (existing) fchmodSync(out.fd, existing.mode & 0o7777);
    } catch (error) {
      throw fail(error);
    }
    // Whatever ends the run before the report is complete (an error, a usage error found late), no temporary file stays.
    process.once('exit', out.onExit);
    return out;
  }

  /**
   * Refuses to write over one of the run's inputs (a template, the config, the baseline), however it is named: by
   * a symlink, a hard link, `./x`. Files are compared as the system identifies them (device and inode).
   */
  refuseInputs(files: Iterable<string>): void {
    const target = statOrUndefined(this.target);
    if (!target?.isFile()) return;
    for (const file of files) {
      if (isUri(file)) continue;
      const input = statOrUndefined(file);
      if (input && input.ino === target.ino && input.dev === target.dev) {
        this.discard();
        throw new UsageError(`refusing to write the report to ${this.shown}: it is one of the files this run reads`);
      }
    }
  }

  /** Writes the whole report, then puts it in place. */
  write(text: string): void {
    try {
      const bytes = Buffer.from(text, 'utf8');
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd!, bytes, done);
      closeSync(this.fd!);
      this.fd = undefined;
      if (this.temp) {
        // rename replaces a symlink at the target rather than writing through it to wherever it points.
        renameSync(this.temp, this.target);
        this.temp = undefined;
      }
      process.off('exit', this.onExit);
    } catch (error) {
      this.discard();
      // A pipe whose reader went away (`-o /dev/stdout | head`): as on stdout, not an error of the run.
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
      throw new UsageError(`cannot write ${this.shown}: ${reasonOf(error)}`);
    }
  }

  /** Closes and removes the temporary file, if any; the target is left as it was. */
  discard(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = undefined;
    }
    if (this.temp) {
      try {
        unlinkSync(this.temp);
      } catch {
        // already gone
      }
      this.temp = undefined;
    }
    process.off('exit', this.onExit);
  }
}
