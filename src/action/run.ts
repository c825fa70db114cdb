import { existsSync, lstatSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { findConfigFile, loadConfig } from '../config/config.ts';
import { realPath } from '../discover/paths.ts';
import { fsErrorText } from '../discover/read.ts';
import { UsageError } from '../errors.ts';
import { applyBaseline, readBaseline } from '../engine/baseline.ts';
import { lint, nothingLinted } from '../engine/lint.ts';
import { parseShard, type Shard } from '../engine/shard.ts';
import type { RuleDefinition } from '../engine/rule.ts';
import { LEVELS, type Finding, type Level } from '../engine/types.ts';
import type { RenderFailure } from '../report/failures.ts';
import { annotations, failureAnnotations } from '../report/github.ts';
import { summarize } from '../report/json.ts';
import { jobSummary } from '../report/markdown.ts';
import { mergeSarif, resultFromSarif, type MergeInput } from '../report/merge.ts';
import { OutputFile } from '../report/output.ts';
import sarif from '../report/sarif.ts';
import { escapeControls } from '../report/text.ts';
import { VERSION } from '../version.ts';
import { rules } from '../../rules/index.ts';
import { changedFiles, isPullRequestEvent } from './changed.ts';
import { InputError, Runner, type Env } from './runner.ts';
import { plural } from '../words.ts';

type FailOn = Level | 'none';
const FAIL_ON: readonly FailOn[] = [...LEVELS, 'none'];

export interface Inputs {
  paths: string[];
  config?: string;
  sarifFile: string;
  failOn?: FailOn;
  annotations: boolean;
  summary: boolean;
  onlyChanged: boolean;
  /** Load the plugins the config names (they are code, and a pull request can change the config). */
  allowPlugins: boolean;
  category?: string;
  parameters: Record<string, string>;
  /** A baseline file (relative to the workspace); default: the config's. */
  baseline?: string;
  /** Lint only this part of the templates (`shard: 2/4`), one job of a matrix. */
  shard?: Shard;
  /** SARIF files (or folders of them) of the parts of a sharded run: merged and reported instead of linting. */
  merge: string[];
}

/**
 * One path per line, or several separated by spaces on a line; quotes keep spaces inside a path, and a whole line
 * that names an existing file or folder is taken as it is.
 */
export function splitPaths(text: string, workspace: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (/\s/.test(line) && existsSync(path.resolve(workspace, line))) {
      out.push(line);
      continue;
    }
    for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
      const token = m[1] ?? m[2] ?? m[3]!;
      if (token) out.push(token);
    }
  }
  return out;
}

/** `Key=Value` lines, as `--parameter` takes them; blank lines are ignored. */
export function parseParameters(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new InputError(`input parameters expects one Key=Value per line (got "${line}")`);
    out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

export function readInputs(runner: Runner, workspace: string): Inputs {
  const failOn = runner.input('fail-on');
  if (failOn && !FAIL_ON.includes(failOn as FailOn)) {
    throw new InputError(`input fail-on must be one of ${FAIL_ON.join(', ')} (got "${failOn}")`);
  }
  return {
    paths: splitPaths(runner.input('path'), workspace),
    config: runner.input('config') || undefined,
    sarifFile: runner.input('sarif-file') || 'pillars-lint.sarif',
    failOn: (failOn || undefined) as FailOn | undefined,
    annotations: runner.booleanInput('annotations', true),
    summary: runner.booleanInput('summary', true),
    onlyChanged: runner.booleanInput('only-changed', false),
    allowPlugins: runner.booleanInput('allow-plugins', false),
    category: runner.input('category') || undefined,
    parameters: parseParameters(runner.input('parameters')),
    baseline: runner.input('baseline') || undefined,
    ...(runner.input('shard') ? { shard: parseShard(runner.input('shard'), 'input shard') } : {}),
    merge: splitPaths(runner.input('merge'), workspace),
  };
}

/** The SARIF logs the merge input names: files, and the `*.sarif` files of folders (the downloaded artifacts). */
function readParts(names: readonly string[], workspace: string): MergeInput[] {
  const files: string[] = [];
  for (const name of names) {
    const full = path.resolve(workspace, name);
    let folder = false;
    try {
      folder = statSync(full).isDirectory();
    } catch (error) {
      throw new InputError(`input merge: cannot read ${name}: ${fsErrorText(error)}`);
    }
    if (!folder) files.push(name);
    else
      for (const entry of readdirSync(full)
        .filter((e) => e.endsWith('.sarif'))
        .sort())
        files.push(path.join(name, entry));
  }
  if (files.length === 0) throw new InputError(`input merge: no .sarif files in ${names.join(', ')}`);
  return files.map((name) => {
    try {
      return { name, log: JSON.parse(readFileSync(path.resolve(workspace, name), 'utf8')) as unknown };
    } catch (error) {
      throw new InputError(`input merge: ${name} is not a SARIF log (${error instanceof SyntaxError ? 'not JSON' : fsErrorText(error)})`);
    }
  });
}

/** Takes away a SARIF file an earlier run left at the path (a file or a symlink, not a folder), so nothing uploads it. */
function removeStale(file: string, shown: string): void {
  try {
    if (lstatSync(file).isDirectory()) return;
  } catch {
    return;
  }
  try {
    rmSync(file, { force: true });
  } catch (error) {
    throw new InputError(`cannot remove the earlier SARIF file ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Findings that fail the run, as the CLI counts them. */
function failing(findings: readonly Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'none') return [];
  const threshold = LEVELS.indexOf(failOn);
  return findings.filter((f) => f.kind === 'fail' && !f.suppression && f.baselineState !== 'unchanged' && LEVELS.indexOf(f.level) <= threshold);
}

/** Where the SARIF log of an incomplete run is kept for people to read: a name nothing uploads (not `*.sarif`). */
export function incompleteSarifName(sarifFile: string): string {
  return `${sarifFile}.incomplete`;
}

export interface ActionOptions {
  /** The rules to run instead of the registered ones (tests). */
  rules?: readonly RuleDefinition[];
}

/** The whole action; returns the exit code (the runner knows only success and failure). */
export async function runAction(env: Env = process.env, write?: (text: string) => void, options: ActionOptions = {}): Promise<number> {
  const runner = new Runner(env, write);
  try {
    return await lintWorkspace(runner, options.rules ?? rules);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      runner.annotate('error', {}, `pillars-lint: ${escapeControls(error.message)}`);
    } else {
      runner.annotate('error', {}, `pillars-lint: internal error: ${(error as Error).message}`);
      runner.debug((error as Error).stack ?? String(error));
    }
    return 1;
  }
}

async function lintWorkspace(runner: Runner, allRules: readonly RuleDefinition[]): Promise<number> {
  const env = runner.env;
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const inputs = readInputs(runner, workspace);
  const configFile = findConfigFile(workspace, inputs.config);
  // A pull request can change the config: the plugins it names (code) load only when the workflow allows it.
  const config = await loadConfig(configFile, allRules, workspace, [], {
    root: workspace,
    allowConfigPlugins: inputs.allowPlugins,
    refusal: 'set the action input allow-plugins: true to load them',
  });
  const failOn: FailOn = inputs.failOn ?? config.failOn ?? 'error';
  const included = config.includeFrom(workspace);
  const paths = inputs.paths.length ? inputs.paths : included.length ? included : ['.'];
  const notes: string[] = [];

  let only: ((file: string) => boolean) | undefined;
  let candidates = 0;
  let selected = 0;
  if (inputs.onlyChanged) {
    if (!isPullRequestEvent(env.GITHUB_EVENT_NAME)) {
      runner.log(`only-changed applies to pull requests; this is a ${env.GITHUB_EVENT_NAME || 'non-pull-request'} event, so every template is linted.`);
    } else {
      const changed = changedFiles(workspace, env.GITHUB_EVENT_PATH);
      if ('error' in changed) {
        const message = `only-changed: ${changed.error}. Every template is linted instead; the base commit must be fetched (actions/checkout with fetch-depth: 0).`;
        runner.annotate('warning', {}, `pillars-lint: ${message}`);
        notes.push(message);
      } else {
        only = (file) => {
          candidates++;
          const keep = changed.files.has(realPath(file));
          if (keep) selected++;
          return keep;
        };
      }
    }
  }

  if (inputs.merge.length && (inputs.shard || inputs.onlyChanged)) {
    throw new InputError('input merge reports the parts other jobs linted: it lints nothing, so shard and only-changed do not apply');
  }
  // Read before linting, so a bad baseline fails fast; it is a file of the repository, read as templates are.
  const baselineFile = inputs.baseline ?? config.baseline;
  const baseline = baselineFile !== undefined ? readBaseline(baselineFile, workspace, workspace) : undefined;
  // The job after a matrix of shards reports their merged logs as this step would report a whole run.
  const merged = inputs.merge.length ? mergeSarif(readParts(inputs.merge, workspace)) : undefined;
  for (const warning of merged?.warnings ?? []) {
    runner.annotate('warning', {}, `pillars-lint: merge: ${escapeControls(warning)}`);
    notes.push(`merge: ${warning}`);
  }
  const result = merged
    ? resultFromSarif(merged.log, workspace)
    : await lint({
        paths,
        cwd: workspace,
        root: workspace,
        config,
        parameters: { ...config.parameters, ...inputs.parameters },
        only,
        rules: config.rules,
        ...(inputs.shard ? { shard: inputs.shard } : {}),
      });
  if (baseline) {
    result.findings = applyBaseline(result.findings, baseline, workspace);
    // The merged log's results are the findings, one for one and in order: they carry the baseline state too.
    if (merged) {
      merged.log.runs[0]!.results?.forEach((r, i) => {
        r.baselineState = result.findings[i]!.baselineState;
      });
    }
  }
  // With only-changed, a pull request that touches no template lints nothing, and that is a clean run; so is a
  // shard that got none of the templates.
  const empty = only || merged || (result.shard && result.shard.totalUnits > 0) ? undefined : nothingLinted(result, paths);
  if (empty) throw new InputError(`${empty}: check the path input`);
  if (only) {
    const message = `Only files changed in this pull request were linted: ${selected} of the ${plural(candidates, 'candidate file')}.`;
    runner.log(message);
    notes.push(message);
  }
  if (result.shard) {
    const message = `Shard ${result.shard.index}/${result.shard.count}: ${result.shard.units} of the ${result.shard.totalUnits} templates found were linted here.`;
    runner.log(message);
    notes.push(message);
  }

  // Findings a formatter could not render (bugs), once each however many reports tried.
  const renderFailures = new Map<Finding, RenderFailure>();
  const onRenderError = (failure: RenderFailure) => {
    if (!renderFailures.has(failure.finding)) renderFailures.set(failure.finding, failure);
  };
  // A log that misses a file's results would close that file's alerts once uploaded: it is kept under another name
  // for people to read, the sarif-file path is left empty, and the output is not set.
  let sarifComplete = result.failures.length === 0;
  if (merged && inputs.category) merged.log.runs[0]!.automationDetails = { id: `${inputs.category.replace(/\/+$/, '')}/` };
  const sarifText = merged
    ? `${JSON.stringify(merged.log, null, 2)}\n`
    : sarif(result, {
        color: false,
        cwd: workspace,
        toolVersion: VERSION,
        category: inputs.category,
        onRenderError: (failure) => {
          sarifComplete = false;
          onRenderError(failure);
        },
      });
  const sarifShown = sarifComplete ? inputs.sarifFile : incompleteSarifName(inputs.sarifFile);
  if (!sarifComplete) removeStale(path.resolve(workspace, inputs.sarifFile), inputs.sarifFile);
  const sarifOut = OutputFile.open(sarifShown, workspace);
  sarifOut.refuseInputs([...result.files.map((f) => f.file), ...(configFile ? [configFile] : [])]);
  sarifOut.write(sarifText);

  const failed = failing(result.findings, failOn);
  if (inputs.annotations) {
    // The files pillars-lint failed on come first: they are why the step fails. One error slot is kept for each
    // closing message of our own, so GitHub does not drop them.
    const broken = failureAnnotations(result.failures, workspace, runner.left('error') - 1);
    runner.annotateLines(broken, { error: broken.length, warning: 0, notice: 0 });
    const reserved = (failed.length ? 1 : 0) + (result.failures.length ? 1 : 0);
    const moreIn = inputs.summary && env.GITHUB_STEP_SUMMARY ? 'the job summary' : `the SARIF file ${sarifShown}`;
    const out = annotations(result.findings, {
      root: workspace,
      limits: { error: runner.left('error') - reserved, warning: runner.left('warning'), notice: runner.left('notice') },
      moreIn,
      rules: result.rules,
      onRenderError,
    });
    runner.annotateLines(out.lines, out.shown);
  }

  if (!sarifComplete) {
    notes.push(
      `This run is incomplete, so its SARIF log is not offered for upload (it would close the alerts of the findings it misses); it is kept as ${sarifShown} to read.`,
    );
  }
  if (inputs.summary) {
    const blobUrl =
      env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}` : undefined;
    if (!runner.appendSummary(jobSummary(result, { root: workspace, blobUrl, notes, onRenderError, limitName: "GitHub's 1 MiB limit for a job summary" })))
      runner.debug('GITHUB_STEP_SUMMARY is not set: no job summary written');
  }

  const summary = summarize(result.findings);
  const total = summary.errors + summary.warnings + summary.notes;
  const linted = result.files.filter((f) => f.status === 'linted').length;
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.notes, 'note')}`;
  if (!sarifComplete) {
    // No output at all: a later step must not read the counts of an incomplete run as a clean one, nor upload it.
    runner.log(
      `pillars-lint ${VERSION}: ${plural(linted, 'template')} linted, ${plural(total, 'problem')} found (${counts}), but the run is incomplete: ` +
        `no SARIF file offered for upload; the incomplete log is ${sarifShown}.`,
    );
    for (const f of result.failures) runner.debug(f.error.stack ?? f.error.message);
    for (const f of renderFailures.values()) runner.debug(f.error.stack ?? f.error.message);
    const parts = [
      result.failures.length && `pillars-lint failed ${plural(result.failures.length, 'time')}`,
      renderFailures.size && `could not write ${plural(renderFailures.size, 'finding')}`,
    ].filter(Boolean);
    runner.annotate(
      'error',
      {},
      `pillars-lint: the run is incomplete (${parts.join(' and ')}; internal error), so no SARIF file was offered for upload: ${sarifShown} holds what was found.`,
    );
    return 1;
  }
  runner.setOutput('sarif-file', inputs.sarifFile);
  runner.setOutput('findings', String(total));
  runner.setOutput('errors', String(summary.errors));
  runner.setOutput('warnings', String(summary.warnings));
  runner.setOutput('notes', String(summary.notes));
  runner.log(`pillars-lint ${VERSION}: ${plural(linted, 'template')} linted, ${plural(total, 'problem')} (${counts}); SARIF written to ${inputs.sarifFile}.`);

  if (renderFailures.size) {
    for (const f of renderFailures.values()) runner.debug(f.error.stack ?? f.error.message);
    runner.annotate(
      'error',
      {},
      `pillars-lint: ${plural(renderFailures.size, 'finding')} could not be shown in the annotations or the job summary (internal error); the SARIF file has them all.`,
    );
    return 1;
  }
  if (failed.length) {
    const counts = summarize(failed);
    const parts = [
      counts.errors && plural(counts.errors, 'error'),
      counts.warnings && plural(counts.warnings, 'warning'),
      counts.notes && plural(counts.notes, 'note'),
    ].filter(Boolean);
    runner.annotate('error', {}, `pillars-lint: ${plural(failed.length, 'finding')} at or above fail-on level ${failOn} (${parts.join(', ')}).`);
    return 1;
  }
  return 0;
}
