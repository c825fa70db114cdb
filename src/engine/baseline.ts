import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.ts';
import { relativeForMatching } from '../discover/paths.ts';
import type { Finding } from './types.ts';

/**
 * A finding's identity across edits: rule, file, resource and property path — not the line, so edits above
 * a finding keep it matched. Findings without a resource (parse errors) add their message.
 */
function identity(ruleId: string, file: string, logicalId: string | undefined, propertyPath: string, message: string): string {
  return [ruleId, file, logicalId ?? '', propertyPath, logicalId ? '' : message].join('\u0001');
}

/** Identities of the results in an earlier SARIF file (as pillars-lint writes it). */
export function readBaseline(file: string, cwd: string): Set<string> {
  let log: any;
  try {
    log = JSON.parse(readFileSync(path.resolve(cwd, file), 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not valid JSON';
    throw new UsageError(`cannot read baseline ${file}: ${reason}`);
  }
  if (!Array.isArray(log?.runs)) throw new UsageError(`baseline ${file} is not a SARIF file (no runs)`);
  const known = new Set<string>();
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      const location = result.locations?.[0];
      const uri: string | undefined = location?.physicalLocation?.artifactLocation?.uri;
      if (typeof result.ruleId !== 'string' || typeof uri !== 'string') continue;
      const relative = uri.split('/').map(decodeURIComponent).join('/');
      known.add(identity(result.ruleId, relative, location?.logicalLocations?.[0]?.name, result.properties?.propertyPath ?? '', result.message?.text ?? ''));
    }
  }
  return known;
}

/** Marks each finding new or unchanged against the baseline; unchanged findings do not fail the run. */
export function applyBaseline(findings: Finding[], baseline: Set<string>, cwd: string): Finding[] {
  return findings.map((f) => {
    const relative = relativeForMatching(f.file, cwd);
    const key = identity(f.ruleId, relative, f.logicalId, (f.propertyPath ?? []).join('.'), f.message);
    return { ...f, baselineState: baseline.has(key) ? 'unchanged' : 'new' };
  });
}
