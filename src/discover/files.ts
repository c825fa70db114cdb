import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.ts';

export interface DiscoveredFile {
  /** Absolute path. */
  file: string;
  /** Named on the command line (not found by a directory scan or glob): a non-template is then reported. */
  explicit: boolean;
}

const TEMPLATE_EXTENSION = /\.(ya?ml|json|template)$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const GLOB_CHARS = /[*?[\]{}]/;

/** cdk.out asset folders hold bundled code, not templates. */
function skipDirectory(name: string): boolean {
  return SKIPPED_DIRECTORIES.has(name) || name.startsWith('asset.');
}

/** Files, directories (recursive) and globs → the template files to read, in a stable order, without duplicates. */
export async function discoverFiles(inputs: string[], cwd: string): Promise<DiscoveredFile[]> {
  const seen = new Map<string, DiscoveredFile>();
  const add = (file: string, explicit: boolean) => {
    const existing = seen.get(file);
    if (!existing) seen.set(file, { file, explicit });
    else if (explicit) existing.explicit = true;
  };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) add(absolute, true);
    else if (stat?.isDirectory()) for (const file of walk(absolute)) add(file, false);
    else if (GLOB_CHARS.test(input)) {
      // Loaded only when a glob is given: it is the slowest import on the start-up path.
      const { default: fg } = await import('fast-glob');
      const matches = await fg(input.replace(/\\/g, '/'), {
        cwd,
        absolute: true,
        onlyFiles: true,
        dot: false,
        ignore: ['**/node_modules/**', '**/.git/**', '**/asset.*/**'],
      });
      if (matches.length === 0) throw new UsageError(`no files match the pattern "${input}"`);
      for (const file of matches.sort()) add(path.normalize(file), false);
    } else {
      throw new UsageError(`no such file or directory: ${input}`);
    }
  }
  return [...seen.values()];
}

/** Iterative directory walk (no recursion limit to hit), sorted for stable output. */
function walk(root: string): string[] {
  const files: string[] = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folders are not ours to report
    }
    const subdirs: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipDirectory(entry.name)) subdirs.push(full);
      } else if (entry.isFile() && TEMPLATE_EXTENSION.test(entry.name)) {
        files.push(full);
      }
    }
    stack.push(...subdirs.sort().reverse());
  }
  return files.sort();
}
