// The baseline file --write-baseline writes; engine/baseline.ts reads it (and any SARIF log pillars-lint wrote).
import { findingIdentity } from '../engine/baseline.ts';
import type { Finding } from '../engine/types.ts';
import { artifactUri } from './paths.ts';
import { SARIF_SCHEMA_URI } from './sarif.ts';

/**
 * A baseline file of today's findings (--write-baseline): a SARIF log with only what matching needs — rule, file,
 * resource, property path, and the message of a finding without a resource — so it stays small and holds no
 * absolute paths or rule metadata. Suppressed findings and unknowns are left out: they never fail a run.
 */
export function baselineLog(findings: readonly Finding[], root: string, version: string): { text: string; count: number } {
  const seen = new Set<string>();
  const results: unknown[] = [];
  for (const f of findings) {
    if (f.kind !== 'fail' || f.suppression) continue;
    const uri = artifactUri(f.file, root);
    const propertyPath = (f.propertyPath ?? []).join('.');
    // Findings a baseline cannot tell apart are written once.
    const key = findingIdentity(f, root);
    if (seen.has(key)) continue;
    seen.add(key);
    results.push({
      ruleId: f.ruleId,
      message: { text: f.logicalId !== undefined ? f.ruleId : f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri } }, ...(f.logicalId !== undefined ? { logicalLocations: [{ name: f.logicalId }] } : {}) }],
      ...(propertyPath ? { properties: { propertyPath } } : {}),
    });
  }
  const log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [{ tool: { driver: { name: 'pillars-lint', version } }, results: [] }] };
  const text = JSON.stringify(log, null, 2);
  if (!results.length) return { text: `${text}\n`, count: 0 };
  // One result a line: small, and a refreshed baseline diffs line by line in review.
  const body = results.map((r) => `        ${JSON.stringify(r)}`).join(',\n');
  return { text: `${text.replace('"results": []', `"results": [\n${body}\n      ]`)}\n`, count: results.length };
}
