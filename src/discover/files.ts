import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.ts';
import { readCloudAssembly, type CloudAssembly, type CdkTemplate } from './cdk.ts';

export interface DiscoveredFile {
  /** Absolute path. */
  file: string;
  /** Named on the command line (not found by a directory scan or glob): a non-template is then reported. */
  explicit: boolean;
  /** Set for a stack template of a CDK cloud assembly. */
  cdk?: CdkTemplate;
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
  const assemblies = new AssemblyCache();
  const add = (file: string, explicit: boolean, cdk?: CdkTemplate) => {
    const existing = seen.get(file);
    if (!existing) seen.set(file, { file, explicit, ...(cdk ? { cdk } : {}) });
    else {
      if (explicit) existing.explicit = true;
      existing.cdk ??= cdk;
    }
  };
  // A file inside an assembly is one of its templates (linted with what the manifest says) or CDK's own
  // bookkeeping (tree.json, *.assets.json...), which a scan or glob leaves out and only a named file reports.
  const addFile = (file: string, explicit: boolean) => {
    const assembly = assemblies.at(path.dirname(file));
    const template = assembly?.templates.find((t) => t.file === file);
    if (assembly && !template && !explicit) return;
    add(file, explicit, template);
  };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      // Naming an assembly's manifest.json means the assembly.
      const assembly = path.basename(absolute) === 'manifest.json' ? assemblies.at(path.dirname(absolute)) : undefined;
      if (assembly) for (const t of assembly.templates) add(t.file, true, t);
      else addFile(absolute, true);
    } else if (stat?.isDirectory()) for (const found of walk(absolute, assemblies)) add(found.file, found.explicit, found.cdk);
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
      for (const file of matches.sort()) addFile(path.normalize(file), false);
    } else {
      throw new UsageError(`no such file or directory: ${input}`);
    }
  }
  return [...seen.values()];
}

/** Assemblies read once per discovery, by directory. */
class AssemblyCache {
  private readonly byDir = new Map<string, CloudAssembly | undefined>();
  at(dir: string): CloudAssembly | undefined {
    if (!this.byDir.has(dir)) {
      // Nested assemblies (Stages) are read through their parent's manifest; reading one directly gives the same templates.
      this.byDir.set(dir, existsSync(path.join(dir, 'manifest.json')) ? readCloudAssembly(dir) : undefined);
    }
    return this.byDir.get(dir);
  }
}

/**
 * Iterative directory walk (no recursion limit to hit), sorted for stable output. A directory holding a cloud
 * assembly manifest is read as CDK output: its stack templates, in manifest order, and nothing else below it.
 */
function walk(root: string, assemblies: AssemblyCache): DiscoveredFile[] {
  const files: DiscoveredFile[] = [];
  const cdk: DiscoveredFile[] = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folders are not ours to report
    }
    const assembly = entries.some((e) => e.name === 'manifest.json' && e.isFile()) ? assemblies.at(dir) : undefined;
    if (assembly) {
      // A template the manifest lists but that cannot be read is still reported (lintFile reports read errors).
      for (const t of assembly.templates) cdk.push({ file: t.file, explicit: false, cdk: t });
      continue;
    }
    const subdirs: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipDirectory(entry.name)) subdirs.push(full);
      } else if (entry.isFile() && TEMPLATE_EXTENSION.test(entry.name)) {
        files.push({ file: full, explicit: false });
      }
    }
    stack.push(...subdirs.sort().reverse());
  }
  return [...files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), ...cdk];
}
