#!/usr/bin/env node
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './errors.ts';
import { lint, nothingLinted } from './engine/lint.ts';
import { parseShard } from './engine/shard.ts';
import { defaultJobs, MIN_UNITS_PER_WORKER } from './engine/parallel.ts';
import { fsErrorText, parseSize } from './discover/read.ts';
import type { StackOptions } from './discover/stack.ts';
import { PILLARS, LEVELS, type Finding, type Level, type LintResult, type Pillar } from './engine/types.ts';
import { plural, thousands } from './words.ts';
import { FORMATS, getFormatter } from './report/index.ts';
import { mergeSarif, resultFromSarif } from './report/merge.ts';
import { describeRule, listRules, pickRules } from './report/rules-list.ts';
import { PROJECT_URL, VERSION } from './version.ts';
import { CONFIG_FILES, findConfigFile, loadConfig } from './config/config.ts';
import { readUserFile } from './config/user-file.ts';
import { applyBaseline, readBaseline } from './engine/baseline.ts';
import { failureReason, gapLines, type RenderFailure } from './report/failures.ts';
import { OutputFile } from './report/output.ts';
import { baselineLog } from './report/baseline.ts';
import { displayPath } from './report/paths.ts';
import { escapeControls } from './report/text.ts';
import { rules } from '../rules/index.ts';
import { waPractices } from './engine/generated/wa-practices.ts';
import { closest, resolveRuleRefs } from './engine/registry.ts';
import type { RuleDefinition } from './engine/rule.ts';

const HELP = `pillars-lint ${VERSION} — Well-Architected checks for AWS CloudFormation

Usage:
  pillars-lint [paths|globs...] [options]     lint templates, directories (recursive), globs and cdk.out folders
  pillars-lint - --stdin-filename FILE        lint standard input as FILE (editors, pipes, pre-commit)
  pillars-lint --stack NAME | --all-stacks    lint deployed stacks (--region R, --profile P)
  pillars-lint rules [ID...] [--pillar P]     list the rules (--format json for their metadata); with ids, each in full
  pillars-lint merge FILE.sarif... [-o F]     join the SARIF logs of the parts of a --shard run (or of separate
                                              runs) into one SARIF log; -f renders it in another format
  pillars-lint --init                         write a commented .pillars-lint.yaml (never over an existing one)

Options:
  -f, --format NAME        ${FORMATS.join('|')} (default: stylish)
  -o, --output FILE        write the report to FILE instead of stdout
  -c, --config FILE        config file (default: .pillars-lint.yaml|.yml|.json in the working directory)
      --root DIR           the project root (default: the working directory): files are read only inside it,
                           never from .git/; nested templates, symlinks and cdk.out entries leading elsewhere
                           are listed as not followed, and paths are reported relative to it
      --max-file-size N    do not read files larger than N: bytes, or with a unit, e.g. 10MB, 512KB (1KB = 1024
                           bytes; default: 50MB)
      --fail-on LEVEL      error|warning|note|none: lowest level that fails the run (default: error)
      --max-warnings N     also fail the run when more than N warnings remain (default: no limit)
      --markdown-limit N   -f markdown size limit: bytes, or with a unit (default: 64KB, what a pull-request
                           comment holds; 1MB for a job summary); findings past it are counted, not listed
      --quiet              report errors only (warnings still count for --max-warnings)
      --skip-non-templates files named that are not CloudFormation templates are skipped as a directory scan
                           skips them, and linting none is not an error (pre-commit passes every YAML file)
      --stdin-filename F   the file name standard input (-) is linted as (default: <stdin>)
      --parameter K=V      a parameter value, as deployed (repeatable)
      --parameters-file F  CloudFormation JSON parameter file ([{ParameterKey, ParameterValue}])
      --pillar NAME        only rules of this pillar (repeatable): ${PILLARS.join(', ')}
      --rule ID            only this rule (repeatable); a peer tool's check id (CKV_AWS_24, W2,
                           AwsSolutions-EC23) means every rule that lists it as a peer
      --skip-rule ID       never this rule (repeatable; a peer check id as for --rule)
      --report-unknown     list values that could not be resolved (SARIF kind "review")
      --category NAME      SARIF automationDetails category (for several uploads per commit)
  -j, --jobs N             lint on N threads (default: half the cores); a run of fewer than
                           ${MIN_UNITS_PER_WORKER * 2} templates stays on one, and the report is the same either way
      --shard I/N          lint part I of N (one job of a CI matrix): whole templates with the ones they nest and
                           whole cloud assemblies, split by path; \`pillars-lint merge\` joins the N SARIF files
      --include-suppressed write suppressed findings to SARIF with their justification
      --baseline FILE      report only findings not in this baseline (or earlier SARIF file); the config's
                           baseline key does the same
      --write-baseline F   write today's findings to baseline file F (exit 0); later runs with --baseline F
                           report and fail on new findings only
      --stack NAME         lint a deployed stack with its deployed parameter values (repeatable)
      --all-stacks         lint every active stack of the region (progress on stderr)
      --region R           AWS region for --stack, --all-stacks (default: AWS_REGION, the profile's)
      --profile P          AWS profile for --stack, --all-stacks (default: AWS_PROFILE, then the SDK's chain)
      --color, --no-color  force colours on or off (default: on a terminal only)
      --cdk-location WHERE source|template: place findings on a synthesized CDK template at the line of the app
                           that creates the resource, when it is in the project (default: source), or on the template
      --plugin NAME        load a plugin (an installed package or a path), as the config's plugins: do (repeatable)
      --verbose            list every skipped file, nested stack not followed and loop not expanded (default: a count each)
      --debug              show stack traces of internal errors
  -h, --help               show this help
  -v, --version            print the version

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage, config or internal error.
`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  root: { type: 'string' },
  'max-file-size': { type: 'string' },
  'fail-on': { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  'markdown-limit': { type: 'string' },
  'stdin-filename': { type: 'string' },
  'skip-non-templates': { type: 'boolean' },
  parameter: { type: 'string', multiple: true },
  'parameters-file': { type: 'string', multiple: true },
  pillar: { type: 'string', multiple: true },
  rule: { type: 'string', multiple: true },
  'skip-rule': { type: 'string', multiple: true },
  'report-unknown': { type: 'boolean' },
  category: { type: 'string' },
  shard: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'include-suppressed': { type: 'boolean' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  stack: { type: 'string', multiple: true },
  'all-stacks': { type: 'boolean' },
  region: { type: 'string' },
  profile: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  verbose: { type: 'boolean' },
  plugin: { type: 'string', multiple: true },
  'cdk-location': { type: 'string' },
  debug: { type: 'boolean' },
  init: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type FailOn = Level | 'none';
type ParsedValues = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];
const FAIL_ON: readonly FailOn[] = [...LEVELS, 'none'];

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(argumentError(error as Error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (values.init) return initConfig(positionals, values.config);
  const format = values.format ?? 'stylish';
  const formatter = await getFormatter(format).catch((error: Error) => {
    throw new UsageError(error.message);
  });

  // Opened before any work, so a place that cannot take the report fails at once.
  const output = values.output !== undefined ? OutputFile.open(values.output, process.cwd()) : undefined;
  if (positionals[0] === 'rules') return listRulesCommand(positionals.slice(1), values, output);
  if (positionals[0] === 'merge') return mergeCommand(positionals.slice(1), values, output);

  const stackNames = values.stack ?? [];
  const allStacks = values['all-stacks'] ?? false;
  const deployed = stackNames.length > 0 || allStacks;
  if (!deployed) {
    for (const flag of ['region', 'profile'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} applies only with --stack or --all-stacks`);
    }
  }
  const cwd = process.cwd();
  const root = values.root !== undefined ? path.resolve(cwd, values.root) : cwd;
  const maxFileSize = values['max-file-size'] !== undefined ? parseSize(values['max-file-size']) : undefined;
  if (values['max-file-size'] !== undefined && !maxFileSize) {
    throw new UsageError(`--max-file-size expects a size such as 10MB, 512KB or 2048 (got "${values['max-file-size']}")`);
  }
  const markdownLimit = values['markdown-limit'] !== undefined ? parseSize(values['markdown-limit']) : undefined;
  if (values['markdown-limit'] !== undefined && !(markdownLimit && markdownLimit >= 4096)) {
    throw new UsageError(`--markdown-limit expects a size of at least 4KB, such as 64KB or 1MB (got "${values['markdown-limit']}")`);
  }
  const cdkLocation = values['cdk-location'] ?? 'source';
  if (cdkLocation !== 'source' && cdkLocation !== 'template') throw new UsageError(`--cdk-location must be source or template (got "${cdkLocation}")`);
  const configFile = findConfigFile(cwd, values.config);
  const config = await loadConfig(configFile, rules, cwd, values.plugin ?? [], { root });
  const failOn = (values['fail-on'] ?? config.failOn ?? 'error') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')} (got "${failOn}")`);
  const pillars = (values.pillar ?? []) as Pillar[];
  for (const p of pillars) if (!PILLARS.includes(p)) throw new UsageError(`unknown pillar "${p}" (one of ${PILLARS.join(', ')})`);
  const maxWarnings = values['max-warnings'] !== undefined ? Number(values['max-warnings']) : undefined;
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new UsageError(`--max-warnings expects a whole number, 0 or more (got "${values['max-warnings']}")`);
  }
  const stdin = positionals.includes('-') ? { file: values['stdin-filename'] ?? '<stdin>', bytes: readFileSync(0) } : undefined;
  if (!stdin && values['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename applies only when a path is - (standard input)');
  // Deployed stacks and standard input alone are a complete request; the config's include is for the repository.
  const named = positionals.filter((p) => p !== '-');
  const paths = named.length || stdin ? named : deployed ? [] : config.includeFrom(cwd);
  if (paths.length === 0 && !deployed && !stdin)
    throw new UsageError('no templates given: pass files, directories or globs, or set include in the config (see --help)');

  const commandLineParameters: Record<string, string> = {
    ...Object.assign({}, ...(values['parameters-file'] ?? []).map((f) => readParametersFile(f, cwd))),
    ...parseParameterFlags(values.parameter ?? []),
  };
  const parameters = { ...config.parameters, ...commandLineParameters };

  const writeBaseline = values['write-baseline'];
  if (writeBaseline !== undefined && values.baseline !== undefined) throw new UsageError('--write-baseline writes a new baseline: leave out --baseline');
  // Read before linting, so a bad baseline fails fast.
  const baselineFile = writeBaseline !== undefined ? undefined : (values.baseline ?? config.baseline);
  // The one the user names is theirs to name; one the config names must be a file of the project.
  const baseline = baselineFile !== undefined ? readBaseline(baselineFile, cwd, values.baseline === undefined ? root : undefined) : undefined;
  const baselineOutput = writeBaseline !== undefined ? OutputFile.open(writeBaseline, cwd) : undefined;
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const jobs = values.jobs === undefined ? defaultJobs(availableParallelism()) : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs expects a whole number from 1 to 256 (got "${values.jobs}")`);
  const progress = progressReporter();
  const result = await lint({
    paths,
    cwd,
    root,
    maxFileSize,
    config,
    rules: config.rules,
    parameters,
    pillars,
    ...ruleRefs(config.rules, values.rule, values['skip-rule']),
    reportUnknown: values['report-unknown'] ?? false,
    onProgress: progress.update,
    stdin,
    namedAsScanned: values['skip-non-templates'] ?? false,
    ...(shard ? { shard } : {}),
    jobs,
    // Threads load the same configuration from its sources.
    workers: { configFile, plugins: values.plugin ?? [] },
    ...(deployed ? { stacks: stackOptions(stackNames, allStacks, values, progress.message) } : {}),
  });
  progress.done();
  if (result.threads && values.verbose) process.stderr.write(`pillars-lint: linted on ${result.threads} threads\n`);
  if (result.shard) {
    const { index, count, units, totalUnits } = result.shard;
    process.stderr.write(`pillars-lint: shard ${index}/${count} lints ${thousands(units)} of the ${thousands(totalUnits)} templates found\n`);
  }
  // A shard that got none of the templates found has nothing to say, and that is not a mistake.
  const empty = deployed || stdin || values['skip-non-templates'] || (result.shard && result.shard.totalUnits > 0) ? undefined : nothingLinted(result, paths);
  if (empty) throw new UsageError(empty);
  checkParameters(result, Object.keys(commandLineParameters), root);
  if (baselineOutput) {
    baselineOutput.refuseInputs([...result.files.map((f) => f.file), ...(configFile ? [configFile] : [])]);
    const written = baselineLog(result.findings, root, VERSION);
    baselineOutput.write(written.text);
    process.stderr.write(
      `pillars-lint: wrote ${plural(written.count, 'finding')} to baseline ${writeBaseline}; runs with --baseline ${writeBaseline} report new findings only\n`,
    );
    return 0;
  }
  if (baseline) result.findings = applyBaseline(result.findings, baseline, root);
  // Counted before --quiet hides them: ESLint's meaning of --max-warnings.
  const warnings = result.findings.filter((f) => counts(f) && f.level === 'warning').length;
  if (values.quiet) result.findings = result.findings.filter((f) => f.level === 'error');

  const color = values['no-color'] ? false : values.color ? true : values.output === undefined && useColorByDefault(process.stdout.isTTY === true);
  const renderFailures: RenderFailure[] = [];
  const text = formatter(result, {
    color,
    cwd: root,
    category: values.category,
    toolVersion: VERSION,
    includeSuppressed: values['include-suppressed'] ?? false,
    verbose: values.verbose ?? false,
    cdkLocation,
    markdownLimit,
    onRenderError: (failure) => renderFailures.push(failure),
  });
  const inputs = [...result.files.map((f) => f.file), configFile, baselineFile, ...(values['parameters-file'] ?? [])];
  output?.refuseInputs(inputs.flatMap((f) => (f === undefined ? [] : [path.resolve(cwd, f)])));
  emit(text, output);
  // A report that misses findings must not pass for a complete one: each gap is named, and the run fails.
  const gaps = gapLines(result.failures, renderFailures, root, values.debug ?? false);
  for (const line of gaps) process.stderr.write(`${line}\n`);
  if (gaps.length) return 2;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`pillars-lint: ${plural(warnings, 'warning')}, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return exitCode(result, failOn);
}

/**
 * `pillars-lint rules [ID...] [--pillar P] [--format json]`: the rules of the configuration (plugins included), as a
 * table, as JSON, or each named one in full.
 */
async function listRulesCommand(
  ids: string[],
  values: { format?: string; pillar?: string[]; config?: string; plugin?: string[] },
  output: OutputFile | undefined,
): Promise<number> {
  if (values.format !== undefined && values.format !== 'json' && values.format !== 'stylish') {
    throw new UsageError(`rules prints text or --format json (got "${values.format}")`);
  }
  const cwd = process.cwd();
  const config = await loadConfig(findConfigFile(cwd, values.config), rules, cwd, values.plugin ?? [], { root: cwd });
  const pillars = (values.pillar ?? []) as Pillar[];
  for (const p of pillars) if (!PILLARS.includes(p)) throw new UsageError(`unknown pillar "${p}" (one of ${PILLARS.join(', ')})`);
  let chosen = ids.length ? pickRules(config.rules, ids) : [...config.rules];
  if (pillars.length) chosen = chosen.filter((r) => pillars.includes(r.pillar));
  // The engine's own rules (parse errors, suppressions...) belong to no pillar: listed only in the full list.
  const everything = ids.length === 0 && pillars.length === 0;
  if (values.format === 'json') emit(listRules(chosen, waPractices, 'json', everything), output);
  else if (ids.length) emit(chosen.map((r) => describeRule(r, waPractices)).join('\n'), output);
  else emit(listRules(chosen, waPractices, 'text', everything), output);
  return 0;
}

/** What `merge` takes besides the files: it lints nothing, so the options about linting do not apply. */
const MERGE_OPTIONS = new Set(['format', 'output', 'fail-on', 'category', 'root', 'color', 'no-color', 'markdown-limit', 'verbose', 'debug']);

/**
 * `pillars-lint merge A.sarif B.sarif ...`: the parts of a sharded run (or separate runs) as one report: SARIF with each
 * artifact and rule once and the results in an unsharded run's order, or any other format rendered from it.
 */
async function mergeCommand(names: string[], values: ParsedValues, output: OutputFile | undefined): Promise<number> {
  for (const [flag, value] of Object.entries(values)) {
    if (value !== undefined && !MERGE_OPTIONS.has(flag)) throw new UsageError(`--${flag} does not apply to merge (it joins SARIF logs; it lints nothing)`);
  }
  if (names.length === 0) throw new UsageError('merge needs the SARIF files to join, e.g. pillars-lint merge part-*.sarif -o merged.sarif');
  const failOn = (values['fail-on'] ?? 'error') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')} (got "${failOn}")`);
  const cwd = process.cwd();
  const root = values.root !== undefined ? path.resolve(cwd, values.root) : cwd;
  const inputs = names.map((name) => {
    let text: string;
    try {
      text = readFileSync(path.resolve(cwd, name), 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${name}: ${fsErrorText(error)}`);
    }
    try {
      return { name, log: JSON.parse(text) as unknown };
    } catch {
      throw new UsageError(`${name} is not JSON, so not a SARIF log`);
    }
  });
  const { log, warnings } = mergeSarif(inputs);
  for (const warning of warnings) process.stderr.write(`pillars-lint: merge: ${warning}\n`);
  if (values.category !== undefined) log.runs[0]!.automationDetails = { id: `${values.category.replace(/\/+$/, '')}/` };
  const result = resultFromSarif(log, root);
  const markdownLimit = values['markdown-limit'] !== undefined ? parseSize(values['markdown-limit']) : undefined;
  const color = values['no-color'] ? false : values.color ? true : values.output === undefined && useColorByDefault(process.stdout.isTTY === true);
  // A merge makes SARIF unless told otherwise: what the parts were.
  const format = values.format ?? 'sarif';
  const text =
    format === 'sarif'
      ? `${JSON.stringify(log, null, 2)}\n`
      : (await getFormatter(format))(result, {
          color,
          cwd: root,
          toolVersion: VERSION,
          verbose: values.verbose ?? false,
          ...(markdownLimit ? { markdownLimit } : {}),
        });
  output?.refuseInputs(names.map((name) => path.resolve(cwd, name)));
  emit(text, output);
  // A part that failed on a file is an incomplete report, as in the run itself.
  for (const failure of result.failures) process.stderr.write(`pillars-lint: ${displayPath(failure.file, root)}: ${failure.error.message}\n`);
  if (result.failures.length) return 2;
  return exitCode(result, failOn);
}

/** The file `--init` writes: the recommended rules, and the settings a team adds first, commented out. */
const STARTER_CONFIG = `# pillars-lint configuration: ${PROJECT_URL}/blob/main/docs/configuration.md
$schema: ./node_modules/pillars-lint/schemas/pillars-lint.schema.json

# Which rules run: recommended, all, or pillar:security, pillar:reliability, ...
extends: [recommended]

# Change a rule's level (off, error, warning, note), or give it options:
# rules:
#   ebs-volume-type-gp3: off
#   cfn-resource-required-tags: [warning, { requiredTags: [Owner, CostCenter] }]

# Linted when no path is given on the command line:
# include: ["**/*.yaml", "**/*.json", "cdk.out"]
# exclude: ["node_modules", "test/fixtures"]

# The lowest level that fails the run: error, warning, note or none.
# fail-on: error
`;

/** `pillars-lint --init`: writes the starter config (or the file -c names), refusing to replace any config there. */
function initConfig(positionals: string[], named: string | undefined): number {
  if (positionals.length) throw new UsageError('--init takes no paths (it writes .pillars-lint.yaml in the working directory, or the file -c names)');
  const cwd = process.cwd();
  const target = path.resolve(cwd, named ?? CONFIG_FILES[0]!);
  const existing = named !== undefined ? [target] : CONFIG_FILES.map((f) => path.join(cwd, f));
  const found = existing.find((f) => existsSync(f));
  if (found) throw new UsageError(`${path.relative(cwd, found)} already exists; --init does not replace it`);
  writeFileSync(target, STARTER_CONFIG, { flag: 'wx' });
  process.stderr.write(`pillars-lint: wrote ${path.relative(cwd, target)}; run pillars-lint with your templates next\n`);
  return 0;
}

/** With -o, fetched templates are written next to the report so SARIF points at files. */
function stackOptions(
  names: string[],
  all: boolean,
  values: { region?: string; profile?: string; output?: string },
  progress: (message: string, transient?: boolean) => void,
): StackOptions {
  return {
    names,
    all,
    region: values.region,
    profile: values.profile,
    ...(values.output !== undefined ? { templatesDir: path.dirname(path.resolve(values.output)) } : {}),
    onProgress: progress,
  };
}

/** 1 when an unsuppressed, failing finding is at or above the threshold. */
export function exitCode(result: LintResult, failOn: FailOn): number {
  if (failOn === 'none') return 0;
  const threshold = LEVELS.indexOf(failOn);
  const failing = result.findings.some((f) => counts(f) && LEVELS.indexOf(f.level) <= threshold);
  return failing ? 1 : 0;
}

/** A finding that can fail the run: a failure, neither suppressed nor already in the baseline. */
function counts(f: Finding): boolean {
  return f.kind === 'fail' && !f.suppression && f.baselineState !== 'unchanged';
}

function emit(text: string, output: OutputFile | undefined): void {
  if (output) output.write(text);
  else process.stdout.write(text);
}

/**
 * Parameter values from the command line against the linted templates: a value a template would refuse at deploy
 * time (AllowedValues, AllowedPattern) is a usage error; a name no template declares is a warning (a typo, or the
 * wrong template).
 */
function checkParameters(result: LintResult, names: string[], root: string): void {
  if (!names.length) return;
  const problems = result.files.flatMap((f) => (f.givenParameters?.problems ?? []).map((p) => `${p} (${displayPath(f.file, root)})`));
  if (problems.length) throw new UsageError(problems.join('; '));
  const declared = new Set(result.files.flatMap((f) => f.givenParameters?.used ?? []));
  if (!result.files.some((f) => f.givenParameters)) return;
  for (const name of names) {
    if (!declared.has(name)) process.stderr.write(`pillars-lint: warning: no linted template declares parameter ${name}; its value is not used\n`);
  }
}

function parseParameterFlags(flags: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new UsageError(`--parameter expects Key=Value (got "${flag}")`);
    out[flag.slice(0, eq)] = flag.slice(eq + 1);
  }
  return out;
}

/** CloudFormation's parameter file ([{ParameterKey, ParameterValue}]) or CodePipeline's {Parameters: {K: V}}. */
function readParametersFile(file: string, cwd: string): Record<string, string> {
  const text = readUserFile(path.resolve(cwd, file), 'parameters file', file).toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // JSON.parse quotes the start of the text, which is not ours to print.
    throw new UsageError(`cannot read parameters file ${file}: not valid JSON`);
  }
  const out: Record<string, string> = {};
  if (Array.isArray(data)) {
    data.forEach((entry, i) => {
      if (typeof entry?.ParameterKey !== 'string' || entry.ParameterValue === undefined) {
        throw new UsageError(`parameters file ${file}: entry ${i} needs ParameterKey and ParameterValue`);
      }
      out[entry.ParameterKey] = String(entry.ParameterValue);
    });
    return out;
  }
  const params = (data as { Parameters?: unknown })?.Parameters;
  if (params && typeof params === 'object' && !Array.isArray(params)) {
    for (const [k, v] of Object.entries(params)) out[k] = String(v);
    return out;
  }
  throw new UsageError(`parameters file ${file}: expected a list of {ParameterKey, ParameterValue} or {"Parameters": {...}}`);
}

/**
 * Colour on standard output when neither --color nor --no-color is given: NO_COLOR turns it off, FORCE_COLOR (not 0 or
 * false) on even when the output is not a terminal (CI logs render colour), otherwise a terminal that is not dumb.
 */
function useColorByDefault(terminal: boolean): boolean {
  if (process.env.NO_COLOR) return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return terminal && process.env.TERM !== 'dumb';
}

/**
 * `--rule`/`--skip-rule` as rule ids. A peer tool's check id stands for the rules that list it; which rules that
 * selected is said on stderr, so nobody wonders what `--skip-rule W2` turned off.
 */
function ruleRefs(all: readonly RuleDefinition[], rule: string[] = [], skip: string[] = []): { ids: string[]; skip: string[] } {
  const resolve = (refs: string[], flag: string) =>
    resolveRuleRefs(all, refs).flatMap((r) => {
      if (r.peerOf) process.stderr.write(`pillars-lint: ${flag} ${r.ref} (${r.peerOf}) means ${r.ids.join(', ')}\n`);
      return r.ids;
    });
  return { ids: resolve(rule, '--rule'), skip: resolve(skip, '--skip-rule') };
}

/** Node's argument errors in one line of ours: an unknown option names the nearest real one. */
function argumentError(error: Error): string {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message)?.[1];
  if (unknown) {
    const names = Object.entries(OPTIONS).flatMap(([name, o]) => [`--${name}`, ...('short' in o ? [`-${o.short}`] : [])]);
    const hint = unknown.startsWith('--')
      ? closest(
          unknown,
          names.filter((n) => n.startsWith('--')),
        )
      : undefined;
    return `unknown option ${unknown}${hint ? ` (did you mean ${hint}?)` : ''} (see --help)`;
  }
  const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(error.message)?.[1];
  if (missing) return `${missing} needs a value (see --help)`;
  return `${error.message.split('\n')[0]} (see --help)`;
}

/** A one-line counter on stderr for long runs, only on an interactive terminal; messages (deployed stacks) always. */
function progressReporter(): { update: (done: number, total: number) => void; done: () => void; message: (text: string, transient?: boolean) => void } {
  const active = process.stderr.isTTY === true && !process.env.CI;
  let shown = false;
  return {
    message(text, transient = false) {
      // A terminal gets one line rewritten in place; a log gets the lasting messages, not a line per fetched stack.
      if (active) {
        process.stderr.write(`\r\x1b[Kpillars-lint: ${text}`);
        shown = true;
      } else if (!transient) process.stderr.write(`pillars-lint: ${text}\n`);
    },
    update(done, total) {
      if (!active || total < 20 || (done % 10 !== 0 && done !== total)) return;
      process.stderr.write(`\rpillars-lint: ${done}/${total} files`);
      shown = true;
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

let reportLost = false;
/**
 * A reader that goes away (`pillars-lint … | head -1`) is not an error of the run: the rest of the report is dropped
 * quietly and the exit code stays the run's. Any other failure to write the report is one line and exit 2.
 */
function guardStreams(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED' || reportLost) return;
      reportLost = true;
      process.exitCode = 2;
      if (stream !== process.stderr) process.stderr.write(`pillars-lint: cannot write the report: ${error.code ?? error.message}\n`);
    });
  }
}

async function run(): Promise<void> {
  const argv = process.argv.slice(2);
  guardStreams();
  try {
    const code = await main(argv);
    process.exitCode = reportLost ? 2 : code;
  } catch (error) {
    if (error instanceof UsageError) {
      // Config keys, globs and file names come from the repository: they must not drive the terminal.
      // Usually one line; a config with several problems gives one line each.
      for (const line of error.message.split('\n')) process.stderr.write(`pillars-lint: ${escapeControls(line)}\n`);
    } else if (argv.includes('--debug')) {
      process.stderr.write(`pillars-lint: internal error\n${(error as Error).stack}\n`);
    } else {
      process.stderr.write(`pillars-lint: internal error: ${failureReason(error, process.cwd())} (run with --debug for details)\n`);
    }
    process.exitCode = 2;
  }
}

await run();
