import { BUILTIN_RULES } from '../engine/builtin.ts';
import { ruleMeta, type WaPractice } from '../engine/registry.ts';
import type { RuleDefinition } from '../engine/rule.ts';

/** `pillars-lint rules`: every rule with its metadata, as JSON or as an aligned text table. */
export function listRules(rules: readonly RuleDefinition[], practices: Record<string, WaPractice>, format: 'json' | 'text'): string {
  const metas = [...BUILTIN_RULES, ...rules.map((r) => ruleMeta(r, practices))];
  if (format === 'json') {
    const described = metas.map((m, i) => ({
      ...m,
      messages: i < BUILTIN_RULES.length ? undefined : rules[i - BUILTIN_RULES.length]!.messages,
      optionsSchema: i < BUILTIN_RULES.length ? undefined : rules[i - BUILTIN_RULES.length]!.optionsSchema,
    }));
    return `${JSON.stringify(described, null, 2)}\n`;
  }
  const idWidth = Math.max(...metas.map((m) => m.id.length));
  const pillarWidth = Math.max(...metas.map((m) => m.pillar.length));
  const lines = metas.map((m) => `${m.id.padEnd(idWidth)}  ${m.pillar.padEnd(pillarWidth)}  ${m.level.padEnd(7)}  ${m.title}`);
  return `${lines.join('\n')}\n\n${metas.length} rules\n`;
}
