// The run: discovery, the units to lint (files, deployed stacks) and their order (parents before the templates they
// nest, which are linted through them), and the one LintResult.
import path from 'node:path';
import { discoverFiles } from '../discover/files.ts';
import { isUri, toPosix } from '../discover/paths.ts';
import { ProjectFiles } from '../discover/read.ts';
import { UsageError } from '../errors.ts';
import type { StackOptions } from '../discover/stack.ts';
import { rules as registeredRules } from '../../rules/index.ts';
import { waPractices } from './generated/wa-practices.ts';
import { BUILTIN_RULES } from './builtin.ts';
import { ruleMeta, selectRules, type RuleSelection } from './registry.ts';
import type { RuleDefinition } from './rule.ts';
import { lintFile } from './lint-file.ts';
import { literalLocalTemplates, mentionsNestedStack } from './nested.ts';
import { NestedTraversal, type Unit } from './nested-traversal.ts';
import { Families, inShard, type Shard } from './shard.ts';
import { ResolvedConfig, type RuleSetup } from '../config/config.ts';
import { matchesAny } from '../config/glob.ts';
import type { FileReport, Finding, LintResult } from './types.ts';
import { plural } from '../words.ts';

// One file through the pipeline, for callers that lint a single template (the RuleTester, tests).
export { lintFile, looksLikeCloudFormation, type FileOptions } from './lint-file.ts';

export interface LintOptions extends RuleSelection {
  /** Files, directories and globs. */
  paths: string[];
  cwd?: string;
  /**
   * The project root (default: cwd): the only tree files are read from. A path, nested template, symlink or CDK
   * manifest entry leading outside it, or into .git/, is not read.
   */
  root?: string;
  /** Files larger than this many bytes are not read (default 50 MB). */
  maxFileSize?: number;
  /** Parameter values as deployed (--parameter, --parameters-file). */
  parameters?: Record<string, string>;
  /** Rules to run instead of the registered ones (tests, custom rules). */
  rules?: readonly RuleDefinition[];
  reportUnknown?: boolean;
  /** The configuration (presets, rule levels and options, overrides, exclude); the recommended rules without one. */
  config?: ResolvedConfig;
  /**
   * Of the files the paths lead to, lint only those this accepts (the Action's only-changed); it is asked once per
   * file found. Nested templates a linted parent names are still followed.
   */
  only?: (file: string) => boolean;
  /** Called after each file, for progress on long runs. */
  onProgress?: (done: number, total: number) => void;
  /** Deployed stacks to fetch and lint with their deployed parameter values (--stack, --all-stacks). */
  stacks?: StackOptions;
  /**
   * Treat files named in `paths` as a directory scan treats what it finds: one that is not a template is skipped
   * silently, and the config's exclude applies (--skip-non-templates: pre-commit passes every staged YAML file).
   */
  namedAsScanned?: boolean;
  /** A template given on standard input, linted as if it were this file (`-` with --stdin-filename). */
  stdin?: { file: string; bytes: Buffer };
  /** Lint only this part of the units (`--shard I/N`, one job of a CI matrix). */
  shard?: Shard;
  /**
   * Worker threads to lint with (default 1). More than one needs `workers`: what a thread needs to load the same
   * configuration (the `config` and `rules` given here cannot cross to a thread). A run too small to gain from
   * threads, or one of standard input, deployed stacks or `only`, stays on this thread. The result is the same either
   * way, in the same order.
   */
  jobs?: number;
  /** How a worker thread loads this run's configuration (the CLI's config file and --plugin names). */
  workers?: WorkerSetup;
}

/**
 * What a worker thread needs besides the options to lint as this thread would: the configuration's sources. A thread
 * loads them as loadConfig(configFile, the built-in rules, cwd, plugins) does; `config` and `rules` must be that.
 */
export interface WorkerSetup {
  configFile?: string;
  plugins: readonly string[];
}

/** One worker's share of a run: the families of units whose rank in the run's order is `index` modulo `count`. */
export interface Part {
  index: number;
  count: number;
}

/**
 * Where each file report and failure of a run comes in the order of a run on one thread: the top-level visit that
 * produced it (-1 for entries listed before linting). A worker's share, merged by these, reads as one run.
 */
export interface RunOrder {
  files: number[];
  failures: number[];
}

/** File contents held between the nested-stack scan and linting, so most files are read once. */
const KEEP_BYTES = 64 * 1024 * 1024;

/** The public entry: discover → parse → template → graph/values → rules → one LintResult. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const jobs = Math.max(1, Math.floor(options.jobs ?? 1));
  if (jobs > 1 && options.workers && !options.stdin && !options.stacks && !options.only) {
    // Only this path loads worker_threads.
    const { lintInWorkers } = await import('./parallel.ts');
    const result = await lintInWorkers(options, options.workers, jobs);
    if (result) return result;
  }
  return (await lintRun(options)).result;
}

/** A run on this thread: the whole of it, or one worker's part, with the order a merge of parts needs. */
export async function lintRun(options: LintOptions, part?: Part): Promise<{ result: LintResult; order: RunOrder }> {
  const cwd = options.cwd ?? process.cwd();
  const projectFiles = openProject(path.resolve(cwd, options.root ?? cwd), cwd, options.maxFileSize);
  const all = options.rules ?? registeredRules;
  const config = options.config ?? new ResolvedConfig(all);
  // The config caches one setup per set of matching overrides; the selection is worked out once per setup.
  // `ran` collects the rules of every setup a file used, for the SARIF rule list.
  const ran = new Set<string>();
  const chosenFor = new Map<RuleSetup, RuleSetup>();
  const byConfig = (file: string): RuleSetup => {
    // Without overrides every file gets the same setup, so its relative path is not needed.
    const setup = config.forFile(!config.hasOverrides || isUri(file) ? file : config.pathForMatching(file, cwd));
    let chosen = chosenFor.get(setup);
    if (!chosen) {
      // An explicit --rule runs even when the config turns it off; otherwise the config decides.
      const rules = options.ids?.length ? selectRules(all, options) : selectRules(setup.rules, { pillars: options.pillars, skip: options.skip });
      chosen = { ...setup, rules };
      chosenFor.set(setup, chosen);
      for (const r of rules) ran.add(r.id);
    }
    return chosen;
  };
  selectRules(all, options); // unknown --rule ids fail before any file is read
  const exclude = config.exclude;
  const excluded = (file: string) => exclude.length > 0 && matchesAny(config.pathForMatching(file, cwd), exclude);
  const discovered = options.paths.length ? await discoverFiles(options.paths, cwd, projectFiles) : [];
  const files: FileReport[] = [];
  const shard = options.shard;
  // A shard's key is a path relative to the project root, so that every job of a matrix agrees on it.
  const shardKey = (file: string) => (isUri(file) ? file : toPosix(path.relative(projectFiles.root, file)));
  // Entries listed but never read (outside the project, in .git/, an unreadable folder) are reported as skipped.
  const order: RunOrder = { files: [], failures: [] };
  // They go with the first part of a run split over threads.
  if (!part || part.index === 0) {
    for (const d of discovered) {
      if (d.skipReason && !excluded(d.file) && (!shard || inShard(shardKey(d.file), shard))) {
        files.push({ file: d.file, status: 'skipped', skipReason: d.skipReason });
        order.files.push(-1);
      }
    }
  }
  const units: Unit[] = discovered
    .map((d) => (options.namedAsScanned ? { ...d, explicit: false } : d))
    .filter((d) => !d.skipReason && (options.only?.(d.file) ?? true) && (d.explicit || !excluded(d.file)))
    .map((d) => ({ file: d.file, explicit: d.explicit, cdk: d.cdk }));
  if (options.stdin) units.push({ file: path.resolve(cwd, options.stdin.file), explicit: true, bytes: options.stdin.bytes });
  if (options.stacks) {
    // Only this path loads the AWS SDK.
    const { fetchStacks } = await import('../discover/stack.ts');
    for (const stack of await fetchStacks(options.stacks)) {
      // The deployed values are the truth; values given by the user fill in only what the stack does not report.
      units.push({
        file: stack.file,
        explicit: true,
        bytes: Buffer.from(stack.body, 'utf8'),
        parameters: { ...options.parameters, ...stack.parameters },
        unknownParameters: stack.masked,
      });
    }
  }

  const findings: Finding[] = [];
  const failures: LintResult['failures'] = [];
  const byFile = new Map(units.map((u) => [u.file, u]));
  // Templates that another one nests are linted through it, with the parameters it passes; so parents go first.
  const children = new Set<string>();
  const families = new Families(units.map((u) => u.file));
  let kept = 0;
  for (const u of units) {
    if (u.cdk?.parent && byFile.has(u.cdk.parent)) children.add(u.file);
    if (u.cdk || isUri(u.file)) continue;
    const bytes = u.bytes ?? projectFiles.read(u.file);
    if (bytes instanceof Error) {
      u.bytes = bytes;
      continue;
    }
    // Kept for the lint pass rather than read twice, up to a budget (the parents are kept regardless).
    const parent = mentionsNestedStack(bytes);
    if (parent || kept + bytes.byteLength <= KEEP_BYTES) {
      u.bytes = bytes;
      kept += bytes.byteLength;
    }
    if (!parent) continue;
    for (const named of literalLocalTemplates(u.file, bytes)) {
      const file = projectFiles.locate(named).real;
      if (file && file !== u.file && byFile.has(file)) {
        children.add(file);
        families.join(u.file, file);
      }
    }
  }
  // A shard lints whole families: a template with the ones it nests, a cloud assembly.
  const familyKey = (u: Unit) => (u.cdk ? shardKey(u.cdk.assembly) : shardKey(families.find(u.file)));
  const inThisShard = (u: Unit) => !shard || inShard(familyKey(u), shard);
  // A worker takes every count-th family of the shard, in the run's order: families of similar sizes alternate.
  const rank = new Map<string, number>();
  if (part) for (const u of units) if (inThisShard(u) && !rank.has(familyKey(u))) rank.set(familyKey(u), rank.size);
  const mine = (u: Unit) => inThisShard(u) && (!part || rank.get(familyKey(u))! % part.count === part.index);
  for (const u of units) if (!mine(u)) u.bytes = undefined;

  const traversal = new NestedTraversal(projectFiles, byFile, excluded, findings);
  const visit = (unit: Unit, chain: string[]): void => {
    if (!traversal.start(unit.file)) return;
    try {
      const setup = byConfig(unit.file);
      const outcome = lintFile(unit.file, unit.bytes ?? projectFiles.read(unit.file), unit.explicit, setup.rules, {
        parameters: unit.parameters ?? options.parameters,
        reportUnknown: options.reportUnknown,
        unknownParameters: unit.unknownParameters,
        cdk: unit.cdk,
        levels: setup.levels,
        ruleOptions: setup.options,
        allRules: all,
      });
      unit.bytes = undefined;
      if (unit.nestedIn) outcome.report.nestedIn = unit.nestedIn;
      files.push(outcome.report);
      order.files.push(call);
      for (const f of outcome.findings) findings.push(f);
      for (const f of outcome.failures ?? []) {
        failures.push({ file: unit.file, ...f });
        order.failures.push(call);
      }
      const nested = outcome.nested ?? [];
      if (nested.length) {
        outcome.report.nestedStacks = nested.map((ref) => {
          const step = traversal.follow(unit.file, ref, chain);
          if (step.next) visit(step.next.unit, step.next.chain);
          return step.report;
        });
      }
    } catch (error) {
      // A bug must not cost the user the other files' findings.
      failures.push({ file: unit.file, error: error instanceof Error ? error : new Error(String(error)) });
      order.failures.push(call);
      files.push({ file: unit.file, status: 'skipped', skipReason: 'pillars-lint failed on this file (internal error)' });
      order.files.push(call);
    }
    options.onProgress?.(traversal.count, Math.max(traversal.count, units.length));
  };

  // `call` numbers the top-level visits, which a run split over threads makes in the same order.
  let call = 0;
  for (const [i, unit] of units.entries()) {
    call = i;
    if (!children.has(unit.file) && mine(unit)) visit(unit, []);
  }
  // Nested templates no parent reached (it was excluded, or its TemplateURL is computed) are linted on their own.
  for (const [i, unit] of units.entries()) {
    call = units.length + i;
    if (mine(unit)) visit(unit, []);
  }

  const result: LintResult = {
    cwd,
    files,
    findings: sortFindings(findings),
    rules: [...BUILTIN_RULES, ...all.filter((r) => ran.has(r.id) || units.length === 0).map((r) => ruleMeta(r, waPractices))],
    failures,
    ...(shard ? { shard: { ...shard, units: units.filter(mine).length, totalUnits: units.length } } : {}),
  };
  return { result, order };
}

function openProject(root: string, cwd: string, maxFileSize: number | undefined): ProjectFiles {
  try {
    return new ProjectFiles(root, maxFileSize);
  } catch {
    throw new UsageError(`the project root is not a directory: ${toPosix(path.relative(cwd, root)) || '.'}`);
  }
}

/**
 * A run that linted no template has checked nothing, whatever it prints: a mistyped path or a folder without
 * templates must not pass for a clean one. Undefined when something was linted or reported.
 */
export function nothingLinted(result: LintResult, paths: readonly string[]): string | undefined {
  if (result.findings.length > 0 || result.failures.length > 0 || result.files.some((f) => f.status === 'linted')) return undefined;
  const where = paths.length ? paths.map((p) => JSON.stringify(p)).join(', ') : 'the given paths';
  // The commonest reason says why: not templates, outside the project, too large...
  const reasons = new Map<string, number>();
  for (const f of result.files) reasons.set(f.skipReason ?? 'skipped', (reasons.get(f.skipReason ?? 'skipped') ?? 0) + 1);
  const [top] = [...reasons].sort((a, b) => b[1] - a[1]);
  const skipped = result.files.length;
  const why = top ? ` (${plural(skipped, 'file')} skipped: ${top[0]}${reasons.size > 1 ? ', and other reasons' : ''})` : '';
  return `no CloudFormation templates found in ${where}${why}`;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.region.startLine - b.region.startLine ||
      a.region.startColumn - b.region.startColumn ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
