// Plugins: rules that live in a package of their own. A plugin is a module exporting `{ name, rules, presets? }`; it is
// loaded only because the user named it (`plugins:` in the config, `--plugin`) — nothing in a template can load code.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { relativeInside } from '../discover/paths.ts';
import { UsageError } from '../errors.ts';
import type { RuleDefinition } from '../engine/rule.ts';
import { PILLARS, LEVELS } from '../engine/types.ts';

/** What a plugin module exports (as its default export, or as named exports). */
export interface Plugin {
  /** Lower-case and dashes: its rules are named `name/rule-id`. */
  name: string;
  rules: readonly RuleDefinition[];
  /** Named sets of its rule ids, enabled by `extends: [plugin:name/preset]`. */
  presets?: Readonly<Record<string, readonly string[]>>;
}

/** A plugin as loaded: its rules with their ids namespaced, and its presets by `plugin:name/preset`. */
export interface LoadedPlugin {
  name: string;
  rules: RuleDefinition[];
  presets: Map<string, Set<string>>;
}

export const PLUGIN_NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * A plugin named by a path (relative to `base`; with `root`, it must be a file of the project, by its real path) or by
 * an installed package's name, resolved from `base` upward.
 */
export function resolvePlugin(spec: string, base: string, root?: string): string {
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    const target = path.resolve(base, spec);
    if (!existsSync(target)) throw new UsageError(`cannot load plugin ${spec}: no such file or folder`);
    if (root !== undefined && relativeInside(realpathSync.native(target), realpathSync.native(root)) === undefined) {
      throw new UsageError(`cannot load plugin ${spec}: it is outside the project (install it as a package, or pass --root)`);
    }
    return statSync(target).isDirectory() ? packageEntry(target, spec) : target;
  }
  for (let dir = path.resolve(base); ; dir = path.dirname(dir)) {
    const folder = path.join(dir, 'node_modules', spec);
    if (existsSync(path.join(folder, 'package.json'))) return packageEntry(folder, spec);
    if (path.dirname(dir) === dir) break;
  }
  throw new UsageError(`cannot load plugin ${spec}: it is not installed (npm install --save-dev ${spec})`);
}

/** A package's entry point for `import`: exports["."] (import or default condition), else main, else index.js. */
function packageEntry(folder: string, spec: string): string {
  let pkg: { exports?: unknown; main?: unknown } = {};
  try {
    pkg = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
  } catch {
    // a folder without a readable package.json: index.js
  }
  const dot = typeof pkg.exports === 'object' && pkg.exports !== null && '.' in pkg.exports ? (pkg.exports as Record<string, unknown>)['.'] : pkg.exports;
  const target = typeof dot === 'string' ? dot : (conditional(dot) ?? (typeof pkg.main === 'string' ? pkg.main : 'index.js'));
  const file = path.resolve(folder, target);
  if (!existsSync(file)) throw new UsageError(`cannot load plugin ${spec}: its entry point ${path.relative(folder, file)} does not exist (is it built?)`);
  return file;
}

function conditional(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const condition of ['import', 'node', 'default']) {
    const v = (value as Record<string, unknown>)[condition];
    if (typeof v === 'string') return v;
    const nested = conditional(v);
    if (nested) return nested;
  }
  return undefined;
}

/** Loads and checks a plugin; every problem is one line naming the plugin. */
export async function loadPlugin(spec: string, base: string, root?: string): Promise<LoadedPlugin> {
  const file = resolvePlugin(spec, base, root);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`cannot load plugin ${spec}: ${(error as Error).message.split('\n')[0]}`);
  }
  const plugin = (mod.default && typeof mod.default === 'object' && 'rules' in mod.default ? mod.default : mod) as Partial<Plugin>;
  const bad = (why: string) => new UsageError(`plugin ${spec} ${why}`);
  if (typeof plugin.name !== 'string' || !PLUGIN_NAME.test(plugin.name)) throw bad('must export a name of lower-case letters, digits and dashes');
  if (!Array.isArray(plugin.rules)) throw bad('must export rules (a list of rules made with defineRule)');
  const ids = new Set<string>();
  const rules = plugin.rules.map((rule: RuleDefinition, i: number) => {
    if (!rule || typeof rule.id !== 'string' || typeof rule.check !== 'function' || typeof rule.messages !== 'object')
      throw bad(`rule ${i + 1} is not a rule made with defineRule`);
    if (!PILLARS.includes(rule.pillar)) throw bad(`rule ${rule.id} has an unknown pillar "${String(rule.pillar)}"`);
    if (!LEVELS.includes(rule.level)) throw bad(`rule ${rule.id} has an unknown level "${String(rule.level)}"`);
    const local = rule.id.startsWith(`${plugin.name}/`) ? rule.id.slice(plugin.name!.length + 1) : rule.id;
    if (ids.has(local)) throw bad(`has two rules named ${local}`);
    ids.add(local);
    return { ...rule, id: `${plugin.name}/${local}` };
  });
  const presets = new Map<string, Set<string>>();
  for (const [preset, list] of Object.entries(plugin.presets ?? {})) {
    const members = new Set<string>();
    for (const id of list) {
      const local = id.startsWith(`${plugin.name}/`) ? id.slice(plugin.name.length + 1) : id;
      if (!ids.has(local)) throw bad(`preset ${preset} names ${id}, which is not one of its rules`);
      members.add(`${plugin.name}/${local}`);
    }
    presets.set(`plugin:${plugin.name}/${preset}`, members);
  }
  return { name: plugin.name, rules, presets };
}
