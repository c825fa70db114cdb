// The order findings are shown in, the same in every report a person reads.
import { PILLARS, type Finding, type RuleMeta } from '../engine/types.ts';

/** What a person is shown: not suppressed, not already in the baseline. */
export function reportable(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => !f.suppression && f.baselineState !== 'unchanged');
}

/**
 * Most severe first: by level (review findings after notes), then by the rule's security-severity (an admin policy,
 * 8.6, before an unencrypted volume, 5.5), then pillar, then file; otherwise the engine's line order.
 */
export function bySeverity(findings: readonly Finding[], rules: readonly RuleMeta[] = []): Finding[] {
  const rank = (f: Finding) => (f.kind === 'review' ? 3 : f.level === 'error' ? 0 : f.level === 'warning' ? 1 : 2);
  const severity = new Map(rules.map((r) => [r.id, Number(r.securitySeverity) || 0]));
  const pillar = (f: Finding) => {
    const i = PILLARS.indexOf(f.pillar);
    return i < 0 ? PILLARS.length : i;
  };
  return findings
    .map((f, i) => ({ f, i, s: severity.get(f.ruleId) ?? 0 }))
    .sort((a, b) => rank(a.f) - rank(b.f) || b.s - a.s || pillar(a.f) - pillar(b.f) || (a.f.file < b.f.file ? -1 : a.f.file > b.f.file ? 1 : 0) || a.i - b.i)
    .map(({ f }) => f);
}
