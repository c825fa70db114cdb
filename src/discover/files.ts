import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { globProblem, globToRegExp } from '../config/glob.ts';
import { UsageError } from '../errors.ts';
import { readCloudAssembly, type CloudAssembly, type CdkTemplate } from './cdk.ts';
import { toPosix } from './paths.ts';
import { fsErrorText, INSIDE_GIT, OUTSIDE_PROJECT, ProjectFiles } from './read.ts';

export interface DiscoveredFile {
  /**
   * Real path (symlinks resolved), so a file reached by several names is one file. For an entry that is not read
   * (`skipReason`), the path that leads to it: a symlink, a folder, the manifest that names it.
   */
  file: string;
  /** Named on the command line (not found by a directory scan or glob): a non-template is then reported. */
  explicit: boolean;
  /** Set for a stack template of a CDK cloud assembly. */
  cdk?: CdkTemplate;
  /** Why the entry is listed but not read: it leads outside the project, into .git/, or a folder cannot be read. */
  skipReason?: string;
}

const TEMPLATE_EXTENSION = /\.(ya?ml|json|template)$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules']);
const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Folders a scan does not enter: dependencies, cdk.out asset folders (bundled code), and hidden folders, as a shell's
 * `*` leaves them out: .git, .aws-sam (SAM's build output, a copy of every template), .github, editor settings.
 * Named explicitly, such a folder is scanned all the same (but never .git).
 */
function skipDirectory(name: string): boolean {
  return name.startsWith('.') || SKIPPED_DIRECTORIES.has(name) || name.startsWith('asset.');
}

/**
 * Files, directories (recursive) and globs → the template files to read, in a stable order, without duplicates.
 * Only files inside the project root are read: a path named outside it is a usage error, and a symlink, glob match
 * or manifest entry that leads outside is listed with a skip reason instead.
 */
export async function discoverFiles(inputs: string[], cwd: string, files = new ProjectFiles(cwd)): Promise<DiscoveredFile[]> {
  const seen = new Map<string, DiscoveredFile>();
  const assemblies = new AssemblyCache(files);
  const add = (file: string, explicit: boolean, cdk?: CdkTemplate) => {
    const existing = seen.get(file);
    if (!existing) seen.set(file, { file, explicit, ...(cdk ? { cdk } : {}) });
    else {
      if (explicit) existing.explicit = true;
      existing.cdk ??= cdk;
    }
  };
  const skip = (file: string, skipReason: string) => {
    const key = `${file}\0${skipReason}`;
    if (!seen.has(key)) seen.set(key, { file, explicit: false, skipReason });
  };
  // A file inside an assembly is one of its templates (linted with what the manifest says) or CDK's own
  // bookkeeping (tree.json, *.assets.json...), which a scan or glob leaves out and only a named file reports.
  const addFile = (file: string, explicit: boolean) => {
    const assembly = assemblies.at(path.dirname(file));
    const template = assembly?.templates.find((t) => t.file === file);
    if (assembly && !template && !explicit) return;
    add(file, explicit, template);
  };
  const addAssembly = (assembly: CloudAssembly, explicit: boolean) => {
    for (const t of assembly.templates) add(t.file, explicit, t);
    for (const r of assembly.refused) skip(r.file, r.reason);
  };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const { real, refusal } = files.locate(absolute);
    if (refusal && (real || !GLOB_CHARS.test(input))) throw refused(input, refusal);
    let stat;
    try {
      stat = real ? statSync(real) : undefined;
    } catch {
      stat = undefined;
    }
    if (real && stat?.isDirectory()) {
      for (const found of walk(real, assemblies, files)) {
        if (found.skipReason) skip(found.file, found.skipReason);
        else add(found.file, found.explicit, found.cdk);
      }
    } else if (real && stat) {
      // Naming an assembly's manifest.json means the assembly. Anything else named is read as a template, and a
      // FIFO or device is refused when it is read, never opened.
      const assembly = path.basename(real) === 'manifest.json' ? assemblies.at(path.dirname(real)) : undefined;
      if (assembly) addAssembly(assembly, true);
      else addFile(real, true);
    } else if (GLOB_CHARS.test(input)) {
      for (const found of glob(input, cwd, files)) {
        if (found.skipReason) skip(found.file, found.skipReason);
        else addFile(found.file, false);
      }
    } else {
      throw new UsageError(`no such file or directory: ${input}`);
    }
  }
  return [...seen.values()];
}

function refused(input: string, refusal: string): UsageError {
  if (refusal === INSIDE_GIT) return new UsageError(`${input} is inside .git/, which pillars-lint never reads`);
  return new UsageError(`${input} is outside the project root: lint from a folder that contains it, or pass --root DIR`);
}

/**
 * The files a glob matches: the folders below its fixed part are walked (symlinked folders are not entered, so every
 * walk ends) and each path is matched with the config's linear-time matcher (a pattern from a pull request cannot
 * make it backtrack). A symlink matched by name is followed only to a file inside the project; a pattern whose fixed
 * part lies outside the project, or that climbs out of it (`../x/*.yaml`, `{..,a}/*.yaml`), is refused like a named path.
 */
function glob(input: string, cwd: string, files: ProjectFiles): DiscoveredFile[] {
  const pattern = input.replace(/\\/g, '/');
  const problem = globProblem(pattern);
  if (problem) throw new UsageError(`the pattern "${input}" cannot be used: ${problem}`);
  const segments = pattern.split('/');
  const fixed = segments.slice(
    0,
    segments.findIndex((s) => GLOB_CHARS.test(s)),
  );
  if (segments.slice(fixed.length).some((s) => /(^|[{,])\.\.([},]|$)/.test(s))) throw refused(input, OUTSIDE_PROJECT);
  const base = path.resolve(cwd, fixed.join('/') || '.');
  const { real, refusal } = files.locate(base);
  if (refusal) throw refused(input, refusal);
  const matcher = globToRegExp(path.isAbsolute(pattern) ? pattern : path.posix.normalize(pattern), true);
  // Names starting with a dot are left out unless the pattern names them (`.github/**`), as a shell leaves them out.
  const dotNamed = /(^|\/)\.[^./]/.test(pattern);
  const out: DiscoveredFile[] = [];
  const stack = real ? [real] : [];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // a folder a glob passes through; the walk of a named folder reports unreadable ones
    }
    for (const entry of entries) {
      if (!dotNamed && entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipDirectory(entry.name)) stack.push(full);
        continue;
      }
      // Matched as typed: relative to the working directory, or absolute when the pattern is.
      const shown = path.isAbsolute(pattern) ? toPosix(full) : toPosix(path.relative(cwd, path.join(base, path.relative(real!, full))));
      if (!matcher.test(shown)) continue;
      const found = linkedEntry(full, entry, files, true);
      if (found) out.push(found);
    }
  }
  if (out.length === 0) throw new UsageError(`no files match the pattern "${input}"`);
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * A directory entry as a template to read: a regular file by its real path, a symlink by where it leads when that
 * is a file inside the project (else listed as not followed, under the link's own name). Folders and other entries
 * are left to the caller. `matched`: a glob matched this name, so a FIFO or device under it is listed too.
 */
function linkedEntry(
  file: string,
  dirent: Pick<Dirent, 'isFile' | 'isDirectory' | 'isSymbolicLink'>,
  files: ProjectFiles,
  matched: boolean,
): DiscoveredFile | undefined {
  if (dirent.isFile()) {
    // The folder was reached without symlinks only in a walk from a real path; a glob's cwd may hold one.
    const dir = matched ? files.realPath(path.dirname(file)) : path.dirname(file);
    if (dir === undefined) return undefined;
    const real = path.join(dir, path.basename(file));
    const refusal = matched ? files.refusal(real) : undefined;
    return refusal ? { file, explicit: false, skipReason: refusal } : { file: real, explicit: false };
  }
  if (dirent.isSymbolicLink()) {
    if (!matched && !TEMPLATE_EXTENSION.test(file)) return undefined;
    const { real, refusal } = files.locate(file);
    if (refusal) return { file, explicit: false, skipReason: refusal };
    if (!real) return undefined; // dangling
    try {
      // A link to a folder is not walked (a walk from the real folder reaches what it holds once).
      return statSync(real).isDirectory() ? undefined : { file: real, explicit: false };
    } catch {
      return undefined;
    }
  }
  if (dirent.isDirectory()) return undefined;
  // A FIFO, socket or device named like a template: listed, and refused when read without being opened.
  return matched || TEMPLATE_EXTENSION.test(file) ? { file, explicit: false } : undefined;
}

/** Assemblies read once per discovery, by directory. */
class AssemblyCache {
  private readonly byDir = new Map<string, CloudAssembly | undefined>();
  constructor(private readonly files: ProjectFiles) {}
  at(dir: string): CloudAssembly | undefined {
    if (!this.byDir.has(dir)) {
      // Nested assemblies (Stages) are read through their parent's manifest; reading one directly gives the same templates.
      this.byDir.set(dir, existsSync(path.join(dir, 'manifest.json')) ? readCloudAssembly(dir, this.files) : undefined);
    }
    return this.byDir.get(dir);
  }
}

/**
 * Iterative directory walk from a real path (no recursion limit to hit), sorted for stable output. Symlinked folders
 * are not entered, so every walk ends. A directory holding a cloud assembly manifest is read as CDK output: its stack
 * templates, in manifest order, and nothing else below it.
 */
function walk(root: string, assemblies: AssemblyCache, projectFiles: ProjectFiles): DiscoveredFile[] {
  const files: DiscoveredFile[] = [];
  const cdk: DiscoveredFile[] = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      files.push({ file: dir, explicit: false, skipReason: `folder cannot be read: ${fsErrorText(error)}` });
      continue;
    }
    const assembly = entries.some((e) => e.name === 'manifest.json' && e.isFile()) ? assemblies.at(dir) : undefined;
    if (assembly) {
      // A template the manifest lists but that cannot be read is still reported (lintFile reports read errors).
      for (const t of assembly.templates) cdk.push({ file: t.file, explicit: false, cdk: t });
      for (const r of assembly.refused) cdk.push({ file: r.file, explicit: false, skipReason: r.reason });
      continue;
    }
    const subdirs: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipDirectory(entry.name)) subdirs.push(full);
      } else if (entry.name.startsWith('.')) {
        // Hidden files (.pillars-lint.yaml, .cfnlintrc.yaml...) are settings, not templates.
      } else if (entry.isFile() ? TEMPLATE_EXTENSION.test(entry.name) : true) {
        const found = linkedEntry(full, entry, projectFiles, false);
        if (found) files.push(found);
      }
    }
    stack.push(...subdirs.sort().reverse());
  }
  return [...files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), ...cdk];
}
