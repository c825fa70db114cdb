// Every fix a rule offers on its fail fixtures, applied the way the SARIF Viewer's Quick Fix applies it: the finding
// must go away and the template must still parse. The SARIF `fixes` must describe the same edit.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/engine/lint.ts';
import type { Finding } from '../src/engine/types.ts';
import { computeLineStarts } from '../src/parse/locate.ts';
import sarif from '../src/report/sarif.ts';
import { rules } from '../rules/index.ts';
import { fixtureOptions, fixtureTemplates, ROOT } from './helpers.ts';

const FIXTURES = path.join(ROOT, 'fixtures');

/** The same finding after an edit elsewhere: rule, resource and property path (lines may move). */
function key(f: Finding): string {
  return `${f.ruleId} ${f.logicalId ?? '-'} ${(f.propertyPath ?? []).join('.')}`;
}

function offsetOf(lineStarts: number[], line: number, column: number): number {
  return lineStarts[line - 1]! + column - 1;
}

interface Case {
  name: string;
  file: string;
  source: string;
  finding: Finding;
}

const cases: Case[] = [];
for (const rule of rules) {
  const dir = path.join(FIXTURES, rule.id);
  for (const name of fixtureTemplates(dir).filter((n) => n.startsWith('fail'))) {
    const file = path.join(dir, name);
    const options = fixtureOptions(dir, name);
    const { report, findings } = lintFile(file, readFileSync(file), true, [rule], options ? { ruleOptions: new Map([[rule.id, options]]) } : {});
    for (const finding of findings) {
      if (finding.ruleId !== rule.id || !finding.fix) continue;
      const at = `${finding.region.startLine}:${finding.region.startColumn}`;
      cases.push({ name: `${rule.id}/${name} ${at} ${finding.logicalId ?? ''}: ${finding.fix.description}`, file, source: report.source!, finding });
    }
  }
}

describe('fixes', () => {
  it('are offered on the fixtures', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, { file, source, finding }) => {
    const fix = finding.fix!;
    const rule = rules.find((r) => r.id === finding.ruleId)!;

    // The region the SARIF viewer edits is the span of the offsets.
    const lineStarts = computeLineStarts(source);
    const { region } = fix;
    expect(offsetOf(lineStarts, region.startLine, region.startColumn), 'region start').toBe(fix.start);
    expect(offsetOf(lineStarts, region.endLine, region.endColumn), 'region end').toBe(fix.end);

    // SARIF carries the same edit on the same artifact.
    const log = JSON.parse(
      sarif(
        { cwd: ROOT, files: [{ file, status: 'linted', source }], findings: [finding], rules: [], failures: [] },
        { color: false, cwd: ROOT, toolVersion: '0.0.0' },
      ),
    ) as Sarif.Log;
    const result = log.runs[0]!.results![0]!;
    const change = result.fixes![0]!.artifactChanges[0]!;
    expect(change.artifactLocation.uri).toBe(result.locations![0]!.physicalLocation!.artifactLocation!.uri);
    expect(change.replacements[0]).toEqual({ deletedRegion: region, insertedContent: { text: fix.text } });

    const fixed = source.slice(0, fix.start) + fix.text + source.slice(fix.end);
    const after = lintFile(file, Buffer.from(fixed), true, [rule], {}).findings;
    expect(after.filter((f) => f.ruleId === 'template-parse-error').map((f) => f.message)).toEqual([]);
    expect(after.filter((f) => key(f) === key(finding)).map((f) => f.message)).toEqual([]);
  });
});
