import { readFileSync } from 'node:fs';
import path from 'node:path';
import { discoverFiles } from '../discover/files.ts';
import { decodeSource, parseDocument } from '../parse/index.ts';
import { findingRegion, offsetRegion } from '../parse/locate.ts';
import type { ParsedDocument } from '../parse/types.ts';
import { buildTemplate } from '../template/model.ts';
import { rules as registeredRules } from '../../rules/index.ts';
import { waPractices } from '../../rules/wa-practices.ts';
import { BUILTIN_RULES, PARSE_ERROR_RULE } from './builtin.ts';
import { ruleMeta, selectRules, type RuleSelection } from './registry.ts';
import type { RuleDefinition } from './rule.ts';
import { runRules } from './run-rules.ts';
import { applySuppressions } from './suppressions.ts';
import { ResolvedConfig, type RuleSetup } from '../config/config.ts';
import { matchesAny } from '../config/glob.ts';
import type { FileReport, Finding, Level, LintResult } from './types.ts';

export interface LintOptions extends RuleSelection {
  /** Files, directories and globs. */
  paths: string[];
  cwd?: string;
  /** Parameter values as deployed (--parameter, --parameters-file). */
  parameters?: Record<string, string>;
  /** Rules to run instead of the registered ones (tests, custom rules). */
  rules?: readonly RuleDefinition[];
  reportUnknown?: boolean;
  /** The configuration (presets, rule levels and options, overrides, exclude); the recommended rules without one. */
  config?: ResolvedConfig;
  /** Called after each file, for progress on long runs. */
  onProgress?: (done: number, total: number) => void;
}

/** What one file needs besides its rules. */
export interface FileOptions {
  parameters?: Record<string, string>;
  reportUnknown?: boolean;
  levels?: ReadonlyMap<string, Level>;
  ruleOptions?: ReadonlyMap<string, Record<string, unknown>>;
  /** Every known rule, so suppressions can name rules that did not run and map other tools' ids. */
  allRules?: readonly RuleDefinition[];
}

/** The public entry: discover → parse → template → graph/values → rules → one LintResult. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const all = options.rules ?? registeredRules;
  const config = options.config ?? new ResolvedConfig(all);
  // An explicit --rule runs even when the config turns it off; otherwise the config decides.
  const byConfig = (file: string): RuleSetup => {
    const setup = config.forFile(toPosix(path.relative(cwd, file)));
    const chosen = options.ids?.length ? selectRules(all, options) : selectRules(setup.rules, { pillars: options.pillars });
    return { ...setup, rules: chosen };
  };
  selectRules(all, options); // unknown --rule ids fail before any file is read
  const exclude = config.exclude;
  const discovered = (await discoverFiles(options.paths, cwd)).filter(
    (d) => d.explicit || exclude.length === 0 || !matchesAny(toPosix(path.relative(cwd, d.file)), exclude),
  );
  const ran = new Set<string>();
  const files: FileReport[] = [];
  const findings: Finding[] = [];
  const failures: LintResult['failures'] = [];
  discovered.forEach(({ file, explicit }, i) => {
    try {
      const setup = byConfig(file);
      for (const r of setup.rules) ran.add(r.id);
      const outcome = lintFile(file, readBytes(file), explicit, setup.rules, { ...options, levels: setup.levels, ruleOptions: setup.options, allRules: all });
      files.push(outcome.report);
      findings.push(...outcome.findings);
    } catch (error) {
      // A bug must not cost the user the other files' findings.
      failures.push({ file, error: error instanceof Error ? error : new Error(String(error)) });
      files.push({ file, status: 'skipped', skipReason: 'pillars-lint failed on this file (internal error)' });
    }
    options.onProgress?.(i + 1, discovered.length);
  });
  return {
    cwd,
    files,
    findings: sortFindings(findings),
    rules: [...BUILTIN_RULES, ...all.filter((r) => ran.has(r.id) || discovered.length === 0).map((r) => ruleMeta(r, waPractices))],
    failures,
  };
}

function readBytes(file: string): Uint8Array | Error {
  try {
    return readFileSync(file);
  } catch (error) {
    return error as Error;
  }
}

/** One file through the pipeline. Never throws for bad input: problems become located findings. */
export function lintFile(
  file: string,
  bytes: Uint8Array | Error,
  explicit: boolean,
  rules: readonly RuleDefinition[],
  options: FileOptions,
): { report: FileReport; findings: Finding[] } {
  const whole = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };
  const parseError = (message: string, region = whole): Finding => ({
    ruleId: PARSE_ERROR_RULE.id, level: 'error', pillar: PARSE_ERROR_RULE.pillar, message, file, region, kind: 'fail',
  });
  if (bytes instanceof Error) {
    return { report: { file, status: 'skipped', skipReason: `cannot be read: ${bytes.message}` }, findings: [parseError(`The file cannot be read: ${bytes.message}.`)] };
  }
  const decoded = decodeSource(bytes);
  if ('error' in decoded) {
    const reason = decoded.error.message;
    // A binary or mis-encoded file found by a directory scan is not a template; named explicitly, it is an error.
    if (!explicit) return { report: { file, status: 'skipped', skipReason: reason }, findings: [] };
    return { report: { file, status: 'skipped', skipReason: reason }, findings: [parseError(`${reason}.`)] };
  }
  const doc = parseDocument(decoded.text);
  const report: FileReport = { file, status: 'linted', source: doc.source, format: doc.format };
  const diagnostics = doc.diagnostics.map((d) => parseError(d.message, offsetRegion(doc, d.start, d.end)));
  if (doc.value === undefined || doc.diagnostics.some((d) => d.fatal)) {
    if (!explicit && !looksLikeCloudFormation(doc)) {
      return { report: { ...report, status: 'skipped', skipReason: 'not CloudFormation (and not parseable)' }, findings: [] };
    }
    return { report, findings: diagnostics };
  }
  const built = buildTemplate(doc, file);
  if (built.kind === 'not-cloudformation') {
    const skipped: FileReport = { ...report, status: 'skipped', skipReason: `not a CloudFormation template: ${built.reason}` };
    if (!explicit) return { report: skipped, findings: [] };
    return { report: skipped, findings: [...diagnostics, parseError(`${path.basename(file)} is not a CloudFormation template: ${built.reason}.`)] };
  }
  const structure = built.problems.map((p) => parseError(`Invalid template: ${p.message}.`, findingRegion(doc, p.path)));
  if (built.kind === 'invalid') return { report, findings: [...diagnostics, ...structure] };
  const ruleFindings = runRules(built.template, [...rules], {
    parameters: new Map(Object.entries(options.parameters ?? {})),
    reportUnknown: options.reportUnknown ?? false,
    levels: options.levels,
    options: options.ruleOptions,
  });
  const checked = applySuppressions(built.template, ruleFindings, rules, options.allRules ?? rules);
  return { report, findings: [...diagnostics, ...structure, ...checked] };
}

/** A file that fails to parse still counts as a template when its text says so. */
function looksLikeCloudFormation(doc: ParsedDocument): boolean {
  return /^[\s{]*"?(Resources|AWSTemplateFormatVersion)"?\s*:/m.test(doc.source);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
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
