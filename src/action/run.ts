import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findConfigFile, loadConfig } from '../config/config.ts';
import { realPath } from '../discover/paths.ts';
import { UsageError } from '../errors.ts';
import { lint } from '../engine/lint.ts';
import { LEVELS, type Finding, type Level } from '../engine/types.ts';
import { annotations } from '../report/github.ts';
import { displayPath } from '../report/paths.ts';
import { summarize } from '../report/json.ts';
import { jobSummary } from '../report/markdown.ts';
import sarif from '../report/sarif.ts';
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
  category?: string;
  parameters: Record<string, string>;
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
    category: runner.input('category') || undefined,
    parameters: parseParameters(runner.input('parameters')),
  };
}

/** Findings that fail the run, as the CLI counts them. */
function failing(findings: readonly Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'none') return [];
  const threshold = LEVELS.indexOf(failOn);
  return findings.filter((f) => f.kind === 'fail' && !f.suppression && f.baselineState !== 'unchanged' && LEVELS.indexOf(f.level) <= threshold);
}

/** The whole action; returns the exit code (the runner knows only success and failure). */
export async function runAction(env: Env = process.env, write?: (text: string) => void): Promise<number> {
  const runner = new Runner(env, write);
  try {
    return await lintWorkspace(runner);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      runner.annotate('error', {}, `pillars-lint: ${error.message}`);
    } else {
      runner.annotate('error', {}, `pillars-lint: internal error: ${(error as Error).message}`);
      runner.debug((error as Error).stack ?? String(error));
    }
    return 1;
  }
}

async function lintWorkspace(runner: Runner): Promise<number> {
  const env = runner.env;
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const inputs = readInputs(runner, workspace);
  const config = await loadConfig(findConfigFile(workspace, inputs.config), rules, workspace);
  const failOn: FailOn = inputs.failOn ?? config.failOn ?? 'error';
  const paths = inputs.paths.length ? inputs.paths : config.include.length ? config.include : ['.'];
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

  const result = await lint({
    paths,
    cwd: workspace,
    config,
    parameters: { ...config.parameters, ...inputs.parameters },
    only,
  });
  if (only) {
    const message = `Only files changed in this pull request were linted: ${selected} of the ${plural(candidates, 'candidate file')}.`;
    runner.log(message);
    notes.push(message);
  }

  const sarifPath = path.resolve(workspace, inputs.sarifFile);
  try {
    mkdirSync(path.dirname(sarifPath), { recursive: true });
    writeFileSync(sarifPath, sarif(result, { color: false, cwd: workspace, toolVersion: VERSION, category: inputs.category }));
  } catch (error) {
    throw new InputError(`cannot write the SARIF file ${inputs.sarifFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }

  const failed = failing(result.findings, failOn);
  if (inputs.annotations) {
    // Keep an error slot for each closing message of our own, so GitHub does not drop them.
    const reserved = (failed.length ? 1 : 0) + (result.failures.length ? 1 : 0);
    const moreIn = inputs.summary && env.GITHUB_STEP_SUMMARY ? 'the job summary' : `the SARIF file ${inputs.sarifFile}`;
    const out = annotations(result.findings, {
      root: workspace,
      limits: { error: runner.left('error') - reserved, warning: runner.left('warning'), notice: runner.left('notice') },
      moreIn,
    });
    runner.annotateLines(out.lines, out.shown);
  }

  if (inputs.summary) {
    const blobUrl =
      env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}`
        : undefined;
    if (!runner.appendSummary(jobSummary(result, { root: workspace, blobUrl, notes }))) runner.debug('GITHUB_STEP_SUMMARY is not set: no job summary written');
  }

  const summary = summarize(result.findings.filter((f) => f.baselineState !== 'unchanged'));
  const total = summary.errors + summary.warnings + summary.notes;
  runner.setOutput('sarif-file', inputs.sarifFile);
  runner.setOutput('findings', String(total));
  runner.setOutput('errors', String(summary.errors));
  runner.setOutput('warnings', String(summary.warnings));
  runner.setOutput('notes', String(summary.notes));

  const linted = result.files.filter((f) => f.status === 'linted').length;
  runner.log(
    `pillars-lint ${VERSION}: ${plural(linted, 'template')} linted, ${plural(total, 'problem')} ` +
      `(${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.notes, 'note')}); SARIF written to ${inputs.sarifFile}.`,
  );

  if (result.failures.length) {
    const [first] = result.failures;
    const more = result.failures.length > 1 ? ` and ${plural(result.failures.length - 1, 'other file')}` : '';
    runner.annotate('error', {}, `pillars-lint: internal error on ${displayPath(first!.file, workspace)}${more}: ${first!.error.message}`);
    for (const f of result.failures) runner.debug(f.error.stack ?? f.error.message);
    return 1;
  }
  if (failed.length) {
    const counts = summarize(failed);
    const parts = [counts.errors && plural(counts.errors, 'error'), counts.warnings && plural(counts.warnings, 'warning'), counts.notes && plural(counts.notes, 'note')].filter(Boolean);
    runner.annotate('error', {}, `pillars-lint: ${plural(failed.length, 'finding')} at or above fail-on level ${failOn} (${parts.join(', ')}).`);
    return 1;
  }
  return 0;
}
