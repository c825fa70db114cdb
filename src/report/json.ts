import { BUILTIN_RULES } from '../engine/builtin.ts';
import { PILLARS, type Finding, type LintResult, type Pillar } from '../engine/types.ts';
import { failureReason, guarded, missingText, placeholderText } from './failures.ts';
import { displayPath } from './paths.ts';
import { textOf } from './text.ts';
import type { Formatter } from './types.ts';

/** Bumped when the document's shape changes incompatibly. */
export const JSON_FORMAT_VERSION = 1;

export interface LevelCounts {
  errors: number;
  warnings: number;
  notes: number;
}

export interface Summary extends LevelCounts {
  /** Unknowns listed under --report-unknown (kind 'review'); not counted as errors/warnings/notes. */
  review: number;
  suppressed: number;
  /** Failures already in the baseline (--baseline): they do not fail the run, so they are not errors/warnings/notes. */
  unchanged: number;
  byPillar: Record<Pillar, LevelCounts>;
  /**
   * Findings about the templates themselves rather than a Well-Architected practice: parse errors, nested stacks
   * that cannot be followed, suppressions that do not apply. Counted in the totals, not in any pillar.
   */
  template: LevelCounts;
}

const ENGINE_RULES = new Set(BUILTIN_RULES.map((r) => r.id));

/** Counts of unsuppressed 'fail' findings not in the baseline, per level and pillar; suppressed, review and unchanged ones apart. */
export function summarize(findings: readonly Finding[]): Summary {
  const byPillar = Object.fromEntries(PILLARS.map((p) => [p, { errors: 0, warnings: 0, notes: 0 }])) as Record<Pillar, LevelCounts>;
  const summary: Summary = {
    errors: 0,
    warnings: 0,
    notes: 0,
    review: 0,
    suppressed: 0,
    unchanged: 0,
    byPillar,
    template: { errors: 0, warnings: 0, notes: 0 },
  };
  for (const f of findings) {
    if (f.suppression) summary.suppressed++;
    else if (f.kind === 'review') summary.review++;
    else if (f.baselineState === 'unchanged') summary.unchanged++;
    else {
      const key = f.level === 'error' ? 'errors' : f.level === 'warning' ? 'warnings' : 'notes';
      summary[key]++;
      if (ENGINE_RULES.has(f.ruleId)) summary.template[key]++;
      // A pillar outside PILLARS would be an engine bug; count it rather than crash the report.
      else (byPillar[f.pillar] ??= { errors: 0, warnings: 0, notes: 0 })[key]++;
    }
  }
  return summary;
}

export const json: Formatter = (result: LintResult, options) => {
  const cwd = options.cwd;
  // Files pillars-lint failed on and findings it could not write: the document is incomplete when this is not empty.
  const failures: Array<{ file?: string; ruleId?: string; message: string }> = result.failures.map((failure) => ({
    file: displayPath(failure.file, cwd),
    ...(failure.ruleId !== undefined ? { ruleId: failure.ruleId } : {}),
    message: `${missingText(failure)}: ${failureReason(failure.error, cwd)}`,
  }));
  const findings = [];
  for (const finding of result.findings) {
    const written = guarded(
      finding,
      options.onRenderError,
      (f) => ({
        ruleId: f.ruleId,
        level: f.level,
        pillar: f.pillar,
        message: textOf(f.message, '') || f.ruleId,
        file: displayPath(f.file, cwd),
        line: f.region.startLine,
        column: f.region.startColumn,
        endLine: f.region.endLine,
        endColumn: f.region.endColumn,
        logicalId: f.logicalId,
        resourceType: f.resourceType,
        propertyPath: f.propertyPath ? [...f.propertyPath] : undefined,
        constructPath: f.constructPath,
        kind: f.kind,
        suppressed: f.suppression ? { justification: textOf(f.suppression.justification, ''), source: f.suppression.source } : undefined,
        baselineState: f.baselineState,
      }),
      (failure) => {
        // A finding entry always has its fields; the placeholder goes with the failures.
        failures.push({
          ...(failure.file !== undefined ? { file: displayPath(failure.file, cwd) } : {}),
          ruleId: failure.ruleId,
          message: `${placeholderText(failure, cwd)}: ${failureReason(failure.error, cwd)}`,
        });
        return undefined;
      },
    );
    if (written) findings.push(written);
  }
  const doc = {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'pillars-lint', version: options.toolVersion },
    files: result.files.map((f) => ({ path: displayPath(f.file, cwd), status: f.status, skipReason: f.skipReason })),
    findings,
    summary: summarize(result.findings),
    failures,
  };
  // JSON.stringify drops undefined members, so absent fields are simply missing.
  return JSON.stringify(doc, null, 2) + '\n';
};

export default json;
