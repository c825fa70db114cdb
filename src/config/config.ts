import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { relativeForMatching, relativeInside, toPosix } from '../discover/paths.ts';
import { UsageError } from '../errors.ts';
import type { RuleDefinition } from '../engine/rule.ts';
import { closest } from '../engine/registry.ts';
import { PILLARS, type Level } from '../engine/types.ts';
import { decodeSource, parseDocument } from '../parse/index.ts';
import { findingRegion, locate, positionOf } from '../parse/locate.ts';
import type { NodePath, ParsedDocument } from '../parse/types.ts';
import { globProblem, matchesAny } from './glob.ts';
import { loadPlugin } from './plugins.ts';
import { readUserFile } from './user-file.ts';
import configSchema from '../../schemas/pillars-lint.schema.json' with { type: 'json' };

export const CONFIG_FILES = ['.pillars-lint.yaml', '.pillars-lint.yml', '.pillars-lint.json'];

type Setting = Level | 'off' | [Level | 'off', Record<string, unknown>?];
type RuleSettings = Record<string, Setting>;

interface RawConfig {
  plugins?: string[];
  extends?: string | string[];
  rules?: RuleSettings;
  overrides?: Array<{ files: string | string[]; rules?: RuleSettings }>;
  parameters?: Record<string, string | number | boolean>;
  include?: string | string[];
  exclude?: string | string[];
  baseline?: string;
  'fail-on'?: Level | 'none';
}

/** What runs on one file: the rules, the levels the user set for them, and their options. */
export interface RuleSetup {
  rules: RuleDefinition[];
  levels: Map<string, Level>;
  options: Map<string, Record<string, unknown>>;
}

/** The effective configuration: the config file (if any) applied to the registered rules. */
export class ResolvedConfig {
  private readonly cache = new Map<string, RuleSetup>();

  constructor(
    private readonly all: readonly RuleDefinition[],
    private readonly raw: RawConfig = {},
    /** The config file, when one was read. */
    readonly file?: string,
    /** Plugin presets: `plugin:name/preset` → the rule ids it enables. */
    private readonly presets: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  ) {}

  /** Every rule known to this configuration: the built-in ones and those of its plugins. */
  get rules(): readonly RuleDefinition[] {
    return this.all;
  }

  get parameters(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.raw.parameters ?? {}).map(([k, v]) => [k, String(v)]));
  }

  get failOn(): Level | 'none' | undefined {
    return this.raw['fail-on'];
  }

  /**
   * `include` as paths for the working directory: the config's globs are relative to the config file's folder, so
   * one config serves however a run is started.
   */
  includeFrom(cwd: string): string[] {
    const base = toPosix(path.relative(cwd, this.base ?? cwd));
    return list(this.raw.include).map((glob) => (base ? path.posix.join(base, glob) : glob));
  }

  /** Globs of files not to lint, relative to the config's folder; a folder named without a wildcard means all of it. */
  get exclude(): string[] {
    return list(this.raw.exclude).flatMap((glob) => {
      // A name without wildcards may be a folder: it stands for everything in it too.
      if (/[*?[\]{}]/.test(glob)) return [glob];
      const plain = glob.replace(/\/+$/, '');
      return [plain, `${plain}/**`];
    });
  }

  /** The baseline file the config names, as an absolute path (it is relative to the config's folder). */
  get baseline(): string | undefined {
    return this.raw.baseline !== undefined ? path.resolve(this.base ?? '.', this.raw.baseline) : undefined;
  }

  /** The folder include, exclude and overrides' files are relative to: the config file's, else the working directory. */
  get base(): string | undefined {
    return this.file !== undefined ? path.dirname(this.file) : undefined;
  }

  /** A file's path as the config's globs see it: relative to the config's folder (or `cwd`), with `/`. */
  pathForMatching(file: string, cwd: string): string {
    return relativeForMatching(file, this.base ?? cwd);
  }

  /** Whether the rules can differ between files (without overrides, forFile ignores the path). */
  get hasOverrides(): boolean {
    return (this.raw.overrides?.length ?? 0) > 0;
  }

  /** Rules for a file (path relative to the working directory, forward slashes): presets, then rules, then matching overrides. */
  forFile(relativePath: string): RuleSetup {
    const applicable = (this.raw.overrides ?? []).filter((o) => matchesAny(relativePath, list(o.files)));
    const key = applicable.map((o) => this.raw.overrides!.indexOf(o)).join(',');
    const cached = this.cache.get(key);
    if (cached) return cached;
    // `level` is set only where the user chose one: unset means the rule's own (or its report's) level.
    const enabled = new Map<string, { level?: Level; options: Record<string, unknown> }>();
    for (const rule of this.all) if (inPresets(rule, list(this.raw.extends ?? 'recommended'), this.presets)) enabled.set(rule.id, { options: {} });
    for (const settings of [this.raw.rules ?? {}, ...applicable.map((o) => o.rules ?? {})]) {
      for (const [id, setting] of Object.entries(settings)) {
        const [level, options] = Array.isArray(setting) ? setting : [setting, undefined];
        if (level === 'off') enabled.delete(id);
        else enabled.set(id, { level, options: options ?? enabled.get(id)?.options ?? {} });
      }
    }
    const setup: RuleSetup = {
      rules: this.all.filter((r) => enabled.has(r.id)),
      levels: new Map([...enabled].flatMap(([id, s]) => (s.level ? [[id, s.level] as const] : []))),
      options: new Map([...enabled].map(([id, s]) => [id, s.options])),
    };
    this.cache.set(key, setup);
    return setup;
  }
}

/** Built-in presets take built-in rules; a plugin's rules run through its own presets, `all`, or being set in `rules`. */
function inPresets(rule: RuleDefinition, names: string[], plugins: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  const builtIn = !rule.id.includes('/');
  return names.some(
    (p) => p === 'all' || (builtIn && ((p === 'recommended' && !rule.experimental) || p === `pillar:${rule.pillar}`)) || plugins.get(p)?.has(rule.id) === true,
  );
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * The config file to use: the one named, else the first of CONFIG_FILES in the working directory. One found by
 * itself comes with the repository, so it must be a file of the repository: a link out of it (to a credentials
 * file, say) would have its keys quoted in the error messages.
 */
export function findConfigFile(cwd: string, named?: string): string | undefined {
  if (named !== undefined) {
    const file = path.resolve(cwd, named);
    if (!existsSync(file)) throw new UsageError(`config file not found: ${named}`);
    return file;
  }
  const found = CONFIG_FILES.map((f) => path.join(cwd, f)).find((f) => existsSync(f));
  if (found !== undefined && relativeInside(realpathSync.native(found), realpathSync.native(cwd)) === undefined) {
    throw new UsageError(
      `config file ${path.basename(found)} links to a file outside the project: name it explicitly (--config, or the Action's config input) to use it`,
    );
  }
  return found;
}

/** Plugins named in the config (relative to its folder) and on the command line (relative to cwd), loaded once each. */
async function withPlugins(
  builtIn: readonly RuleDefinition[],
  specs: Array<{ spec: string; base: string; root?: string }>,
): Promise<{ all: RuleDefinition[]; presets: Map<string, Set<string>> }> {
  const all = [...builtIn];
  const presets = new Map<string, Set<string>>();
  const names = new Set<string>();
  for (const { spec, base, root } of specs) {
    const plugin = await loadPlugin(spec, base, root);
    if (names.has(plugin.name)) continue;
    names.add(plugin.name);
    all.push(...plugin.rules);
    for (const [name, members] of plugin.presets) presets.set(name, members);
  }
  return { all, presets };
}

/**
 * Reads and validates a config file; every problem is an error naming the file, the line and the key. Plugins (the
 * config's `plugins`, and `extraPlugins` from the command line) are loaded first, so their rules can be configured.
 */
export interface PluginPolicy {
  /** Plugins the config names by path must be files of this project (real path inside it). */
  root?: string;
  /**
   * Whether the config may name plugins. Plugins are code: where the config comes from a pull request (the Action),
   * loading them is the workflow's decision (`allow-plugins`), and `refusal` says how to make it.
   */
  allowConfigPlugins?: boolean;
  refusal?: string;
}

export async function loadConfig(
  file: string | undefined,
  builtIn: readonly RuleDefinition[],
  cwd: string,
  extraPlugins: readonly string[] = [],
  policy: PluginPolicy = {},
): Promise<ResolvedConfig> {
  const fromCli = extraPlugins.map((spec) => ({ spec, base: cwd }));
  if (file === undefined) {
    if (fromCli.length === 0) return new ResolvedConfig(builtIn);
    const { all, presets } = await withPlugins(builtIn, fromCli);
    return new ResolvedConfig(all, {}, undefined, presets);
  }
  // As the user would name it: relative inside the project, else (a file named outside it) as it is.
  const shown = relativeInside(file, cwd) ?? (path.resolve(file) === path.resolve(cwd) ? '.' : file);
  const decoded = decodeSource(readUserFile(file, 'config file', shown));
  if ('error' in decoded) throw new UsageError(`${shown}: ${decoded.error.message}`);
  const doc = parseDocument(decoded.text);
  const fatal = doc.diagnostics.find((d) => d.fatal) ?? doc.diagnostics.find((d) => d.code === 'DUPLICATE_KEY');
  if (fatal) {
    const at = positionAt(doc, fatal.start);
    throw new UsageError(`${shown}:${at.startLine}:${at.startColumn}: ${fatal.message}`);
  }
  const data = normalizeOff(doc.value ?? {});
  const problems: Problem[] = [];

  // ajv is loaded only when a config file exists: it is not on the start-up path of a plain run.
  const { default: Ajv } = await import('ajv');
  const ajv = new (Ajv as unknown as typeof import('ajv').default)({ allErrors: true, strict: false, verbose: true });
  // The schema lists every built-in rule for editors; the loader checks rule ids and options itself (plugins' rules
  // included), with messages that name the rule, so it validates the rest of the file against the schema without them.
  const validate = ajv.compile(withoutRuleList(configSchema));
  if (!validate(data)) problems.push(...schemaProblems(validate.errors ?? []));

  if (problems.length === 0) problems.push(...globProblems(data as RawConfig));
  // Plugins load before the rule settings are checked: their rules are among the ids the settings may name.
  // The config's plugins by path must be files of the project; one the user names on the command line is theirs to name.
  const fromConfig = ((data as RawConfig).plugins ?? []).map((spec) => ({ spec, base: path.dirname(file), root: policy.root }));
  if (problems.length === 0 && fromConfig.length && policy.allowConfigPlugins === false) {
    problems.push({
      path: ['plugins'],
      message: `plugins are code, and this run does not load those a config names: ${policy.refusal ?? 'name them on the command line'}`,
      atKey: true,
    });
  }
  const { all, presets } =
    problems.length === 0 ? await withPlugins(builtIn, [...fromConfig, ...fromCli]) : { all: [...builtIn], presets: new Map<string, Set<string>>() };
  if (problems.length === 0) {
    for (const [i, preset] of list((data as RawConfig).extends).entries()) {
      if (preset.startsWith('plugin:') && !presets.has(preset)) {
        const hint = closest(preset, [...presets.keys()]);
        problems.push({
          path: Array.isArray((data as RawConfig).extends) ? ['extends', i] : ['extends'],
          message: `unknown plugin preset "${preset}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
        });
      }
    }
  }
  if (problems.length === 0) {
    const raw = data as RawConfig;
    const known = new Map(all.map((r) => [r.id, r]));
    const settingsBlocks: Array<{ at: NodePath; settings: RuleSettings }> = [
      { at: ['rules'], settings: raw.rules ?? {} },
      ...(raw.overrides ?? []).map((o, i) => ({ at: ['overrides', i, 'rules'] as NodePath, settings: o.rules ?? {} })),
    ];
    for (const { at, settings } of settingsBlocks) {
      for (const [id, setting] of Object.entries(settings)) {
        const rule = known.get(id);
        if (!rule) {
          const hint = closest(id, [...known.keys()]);
          problems.push({ path: [...at, id], message: `unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`, atKey: true });
          continue;
        }
        const options = Array.isArray(setting) ? setting[1] : undefined;
        if (options === undefined) continue;
        if (!rule.optionsSchema) {
          problems.push({ path: [...at, id, 1], message: `rule ${id} takes no options` });
          continue;
        }
        const check = ajv.compile(rule.optionsSchema);
        if (!check(options)) problems.push(...schemaProblems(check.errors ?? [], [...at, id, 1]));
      }
    }
  }
  if (problems.length > 0) {
    // Every problem, one line each in file order, so one edit fixes them all.
    const lines = problems
      .map((problem) => ({ problem, where: problemRegion(doc, problem) }))
      .sort((a, b) => a.where.startLine - b.where.startLine || a.where.startColumn - b.where.startColumn)
      .map(({ problem, where }) => {
        const key = problem.path.length ? problem.path.join('.') : '(top level)';
        return `${shown}:${where.startLine}:${where.startColumn}: ${key}: ${problem.message}`;
      });
    throw new UsageError(lines.join('\n'));
  }
  return new ResolvedConfig(all, data as RawConfig, file, presets);
}

function withoutRuleList(schema: typeof configSchema): object {
  const { properties: _listed, ...ruleSettings } = schema.definitions.ruleSettings;
  return { ...schema, definitions: { ...schema.definitions, ruleSettings } };
}

/** Globs the matcher refuses (unbalanced braces, past the limits that keep matching linear), each at its place. */
function globProblems(raw: RawConfig): Problem[] {
  const fields: Array<{ at: NodePath; globs: string | string[] | undefined }> = [
    { at: ['include'], globs: raw.include },
    { at: ['exclude'], globs: raw.exclude },
    ...(raw.overrides ?? []).map((o, i) => ({ at: ['overrides', i, 'files'] as NodePath, globs: o.files })),
  ];
  const problems: Problem[] = [];
  for (const { at, globs } of fields) {
    const each = Array.isArray(globs) ? globs.map((g, i) => ({ glob: g, at: [...at, i] })) : globs === undefined ? [] : [{ glob: globs, at }];
    for (const { glob, at: where } of each) {
      const problem = globProblem(glob);
      if (problem) problems.push({ path: where, message: `this glob cannot be used: ${problem}` });
    }
  }
  return problems;
}

/** YAML 1.1 reads an unquoted `off` as false: in rule settings it means "off". */
function normalizeOff(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const fix = (settings: unknown) => {
    if (typeof settings !== 'object' || settings === null) return;
    const map = settings as Record<string, unknown>;
    for (const [id, value] of Object.entries(map)) {
      if (value === false) map[id] = 'off';
      else if (Array.isArray(value) && value[0] === false) value[0] = 'off';
    }
  };
  const raw = data as Record<string, unknown>;
  fix(raw.rules);
  if (Array.isArray(raw.overrides)) for (const o of raw.overrides) if (o && typeof o === 'object') fix((o as Record<string, unknown>).rules);
  return data;
}

interface Problem {
  path: NodePath;
  message: string;
  /** Point at the key (an unknown key or rule id), not at its value. */
  atKey?: boolean;
}

function problemRegion(doc: ParsedDocument, problem: Problem): { startLine: number; startColumn: number } {
  const found = problem.atKey ? locate(doc, problem.path) : undefined;
  if (found?.exact && found.location.keyStart >= 0) return positionAt(doc, found.location.keyStart);
  return findingRegion(doc, problem.path);
}

function positionAt(doc: ParsedDocument, offset: number): { startLine: number; startColumn: number } {
  const p = positionOf(doc.lineStarts, offset);
  return { startLine: p.line, startColumn: p.column };
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
  /** The value that failed (ajv's verbose mode). */
  data?: unknown;
}

/** ajv errors as located problems, the most specific first (oneOf wrappers dropped when a branch explains more). */
function schemaProblems(errors: AjvError[], base: NodePath = []): Problem[] {
  const toPath = (pointer: string): NodePath =>
    pointer
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const out: Array<Problem & { depth: number }> = [];
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'if') continue;
    let p = [...base, ...toPath(e.instancePath)];
    let message = e.message ?? 'is not valid';
    let atKey = false;
    if (e.keyword === 'additionalProperties') {
      const key = String(e.params.additionalProperty);
      p = [...p, key];
      message = `unknown key "${key}"`;
      atKey = true;
      if (p.length === 1)
        message += ` (expected one of: ${Object.keys(configSchema.properties)
          .filter((k) => k !== '$schema')
          .join(', ')})`;
    } else if (e.keyword === 'enum') {
      message = `must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
    } else if (e.keyword === 'pattern' && p[0] === 'extends') {
      const hint = typeof e.data === 'string' ? closest(e.data, ['recommended', 'all', ...PILLARS.map((x) => `pillar:${x}`)]) : undefined;
      message = hint
        ? `unknown preset "${e.data}" (did you mean "${hint}"?)`
        : `unknown preset (expected recommended, all, pillar:<${PILLARS.join('|')}> or plugin:<plugin>/<preset>)`;
    } else if (e.keyword === 'type') {
      message = `must be ${e.params.type}`;
    }
    out.push({ path: p, message, atKey, depth: p.length });
  }
  // Prefer enum/unknown-key messages over the type errors of other oneOf branches at the same place.
  const rank = (m: string) => (m.startsWith('must be one of') || m.startsWith('unknown') ? 0 : 1);
  out.sort((a, b) => b.depth - a.depth || rank(a.message) - rank(b.message));
  const seen = new Set<string>();
  const unique = out.filter((p) => {
    const k = p.path.join('/');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  // "extends: must be string" is the other branch of a oneOf whose list branch has the real problem inside it.
  const inside = (outer: NodePath, inner: NodePath) => inner.length > outer.length && outer.every((seg, i) => seg === inner[i]);
  return unique.filter((p) => !(p.message.startsWith('must be ') && unique.some((q) => inside(p.path, q.path))));
}
