import { realpathSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.ts';
import { readUserFile } from '../config/user-file.ts';
import { relativeForMatching, relativeInside } from '../discover/paths.ts';
import type { Finding } from './types.ts';

/**
 * A finding's identity across edits: rule, file, resource and property path — not the line, so edits above
 * a finding keep it matched. Findings without a resource (parse errors) add their message.
 */
function identity(ruleId: string, file: string, logicalId: string | undefined, propertyPath: string, message: string): string {
  return [ruleId, file, logicalId ?? '', propertyPath, logicalId ? '' : message].join('\u0001');
}

/** Identities of the results in an earlier SARIF file (as pillars-lint writes it). */
export function readBaseline(file: string, cwd: string, root?: string): Set<string> {
  // A baseline a config names comes with the repository, like the templates: it must be a file of the project.
  if (root !== undefined && !insideProject(path.resolve(cwd, file), root)) {
    throw new UsageError(`the baseline ${relativeForMatching(path.resolve(cwd, file), cwd)} is not a file of the project (outside it, or in .git/)`);
  }
  const source = readUserFile(path.resolve(cwd, file), 'baseline', file).toString('utf8');
  let log: any;
  try {
    // Tools on Windows write SARIF with a byte order mark, which JSON.parse rejects.
    log = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError(`cannot read baseline ${file}: not valid JSON`);
  }
  if (!Array.isArray(log?.runs)) throw new UsageError(`baseline ${file} is not a SARIF file (no runs)`);
  const known = new Set<string>();
  // Anything in the file may be malformed: what does not look like a pillars-lint result is passed over.
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  for (const run of log.runs) {
    for (const result of Array.isArray(run?.results) ? run.results : []) {
      const location = result?.locations?.[0];
      // A CDK finding shown on the app's line names the template it is about in its properties.
      const template: unknown = result?.properties?.template;
      const uri: unknown = typeof template === 'string' ? template : location?.physicalLocation?.artifactLocation?.uri;
      if (typeof result?.ruleId !== 'string' || typeof uri !== 'string') continue;
      const relative = uri.split('/').map(decodeSegment).join('/');
      const logicalId = location?.logicalLocations?.[0]?.name;
      known.add(
        identity(
          result.ruleId,
          relative,
          typeof logicalId === 'string' ? logicalId : undefined,
          text(result.properties?.propertyPath),
          text(result.message?.text),
        ),
      );
    }
  }
  return known;
}

function insideProject(file: string, root: string): boolean {
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch {
    return true; // a missing file is reported as such by the reader
  }
  const inside = relativeInside(real, realpathSync.native(root));
  return inside !== undefined && inside !== '.git' && !inside.startsWith('.git/');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Marks each finding new or unchanged against the baseline; unchanged findings do not fail the run. */
export function applyBaseline(findings: Finding[], baseline: Set<string>, cwd: string): Finding[] {
  return findings.map((f) => ({ ...f, baselineState: baseline.has(findingIdentity(f, cwd)) ? 'unchanged' : 'new' }));
}

/** A finding's identity as a baseline matches it (its file relative to `cwd`). */
export function findingIdentity(f: Finding, cwd: string): string {
  return identity(f.ruleId, relativeForMatching(f.file, cwd), f.logicalId, (f.propertyPath ?? []).join('.'), f.message);
}
