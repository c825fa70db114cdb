import { BUILTIN_RULES } from '../engine/builtin.ts';
import { closest, peerScopes, ruleMeta, type WaPractice } from '../engine/registry.ts';
import type { RuleDefinition } from '../engine/rule.ts';
import { UsageError } from '../errors.ts';
import { plural } from '../words.ts';

/** `pillars-lint rules`: every rule with its metadata, as JSON or as an aligned text table. */
export function listRules(rules: readonly RuleDefinition[], practices: Record<string, WaPractice>, format: 'json' | 'text', withBuiltIn = true): string {
  const builtIn = withBuiltIn ? BUILTIN_RULES : [];
  const metas = [...builtIn, ...rules.map((r) => ruleMeta(r, practices))];
  if (format === 'json') {
    const described = metas.map((m, i) => {
      const rule = i < builtIn.length ? undefined : rules[i - builtIn.length];
      return { ...m, messages: rule?.messages, optionsSchema: rule?.optionsSchema, defaultOptions: rule?.defaultOptions };
    });
    return `${JSON.stringify(described, null, 2)}\n`;
  }
  const idWidth = Math.max(...metas.map((m) => m.id.length));
  const pillarWidth = Math.max(...metas.map((m) => m.pillar.length));
  const lines = metas.map((m) => `${m.id.padEnd(idWidth)}  ${m.pillar.padEnd(pillarWidth)}  ${m.level.padEnd(7)}  ${m.title}`);
  return `${lines.join('\n')}\n\n${plural(metas.length, 'rule')}\n`;
}

/** The rules named by id (with a "did you mean" for a typo): what `pillars-lint rules ID...` describes. */
export function pickRules(rules: readonly RuleDefinition[], ids: readonly string[]): RuleDefinition[] {
  return ids.map((id) => {
    const rule = rules.find((r) => r.id === id);
    if (rule) return rule;
    const hint = closest(
      id,
      rules.map((r) => r.id),
    );
    throw new UsageError(`unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
  });
}

const indent = (text: string) =>
  text
    .replace(/\s+$/, '')
    .split('\n')
    .map((l) => (l ? `    ${l}` : ''))
    .join('\n');

/** `pillars-lint rules ID`: one rule in full — what, why, the fix with an example, its options, its ids elsewhere. */
export function describeRule(rule: RuleDefinition, practices: Record<string, WaPractice>): string {
  const meta = ruleMeta(rule, practices);
  const out = [`${rule.id} — ${rule.title}`, ''];
  const facts = [`pillar ${rule.pillar}`, `level ${rule.level}`];
  if (rule.securitySeverity) facts.push(`security-severity ${rule.securitySeverity}`);
  facts.push(rule.experimental ? 'experimental (not in recommended)' : 'in recommended');
  out.push(facts.join(' · '), `Applies to: ${rule.appliesTo.join(', ') || 'every resource'}`, '');
  out.push('Why:', indent(rule.rationale), '');
  out.push('Fix:', indent(rule.remediation), '');
  if (rule.docs) out.push('Non-compliant:', indent(rule.docs.noncompliant), '', 'Compliant:', indent(rule.docs.compliant), '');
  const options = Object.entries(rule.options ?? {});
  if (options.length) {
    out.push('Options:');
    for (const [name, def] of options) out.push(`    ${name} (default ${JSON.stringify(def.default)}): ${def.description}`);
    out.push('');
  }
  out.push('Well-Architected:');
  for (const id of rule.wellArchitected) out.push(`    ${id} ${practices[id]?.title ?? ''}`.trimEnd());
  if (rule.securityHub?.length) out.push(`Security Hub: ${rule.securityHub.join(', ')}`);
  const peers = Object.entries(peerScopes(rule.peers)).filter(([, scopes]) => scopes.length);
  if (peers.length) {
    out.push('Equivalent checks of other tools:');
    for (const [tool, scopes] of peers) out.push(`    ${tool}: ${scopes.map((s) => (Array.isArray(s.id) ? s.id.join(' + ') : s.id)).join(', ')}`);
  }
  out.push('', `Docs: ${meta.helpUri}`);
  return `${out.join('\n')}\n`;
}
