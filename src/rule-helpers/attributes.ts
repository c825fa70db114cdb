// One reader for settings kept as a list of key/value entries rather than as properties of their own: ELB
// `LoadBalancerAttributes` and `TargetGroupAttributes` (`[{Key: load_balancing.cross_zone.enabled, Value: 'true'}]`),
// and lists of the same shape (`Tags`, or `[{Name, Value}]` lists with `fields`).
import type { NodePath } from '../parse/types.ts';
import type { RuleContext } from '../engine/rule.ts';
import type { Resource } from '../template/model.ts';
import { asString } from '../values/coerce.ts';
import { absentVariant, assumptionsOf, combinations, mergeAssumptionLists, variantWith, type Variant } from '../values/variant.ts';

/** The names of an entry's key and value fields. */
export interface EntryFields {
  key: string;
  value: string;
}

const KEY_VALUE: EntryFields = { key: 'Key', value: 'Value' };

/**
 * The value of `key` in the key/value list at `path`, one variant per way the list can come out:
 * - the matching entry's value (a literal, or absent or unknown as the entry's value field is);
 * - absent, at the list, when no entry has the key (or the list itself is absent): the AWS default applies;
 * - unknown when the list, or the key of an entry, cannot be known and no entry has the key.
 * Each variant carries the assumptions of the entries it was read from, so forks of the list stay consistent.
 */
export function attributeValue(ctx: RuleContext<any, any>, from: Resource | Variant, path: NodePath, key: string, fields = KEY_VALUE): Variant[] {
  const out: Variant[] = [];
  for (const list of ctx.value(from, path)) {
    if (list.kind !== 'literal') {
      out.push(list);
      continue;
    }
    if (!Array.isArray(list.value)) {
      out.push(variantWith(list, { kind: 'unknown', value: undefined, reason: 'not a list', origin: { kind: 'other' } }));
      continue;
    }
    // For each entry, one variant per fork: the value when the key matches, absent for another key (or an entry left
    // out with AWS::NoValue), unknown when the key cannot be known.
    const matched = new Set<Variant>();
    const entries = (list.value as unknown[]).map((_, i) =>
      ctx.value(list, [i]).flatMap((entry): Variant[] => {
        if (entry.kind !== 'literal') return [entry];
        return ctx.each(ctx.value(entry, [fields.key]), ctx.value(entry, [fields.value])).map(([name, value]) => {
          const assumptions = mergeAssumptionLists([name.assumptions, value.assumptions]) ?? name.assumptions;
          if (name.kind === 'unknown') return variantWith(name, { assumptions });
          if (asString(name) !== key) return absentVariant(name.path, name.external, assumptions);
          const hit = variantWith(value, { assumptions });
          matched.add(hit);
          return hit;
        });
      }),
    );
    const relevant = entries.filter((variants) => variants.some((v) => v.kind !== 'absent'));
    // combinations() takes the entries as an array: spread into ctx.each(), a list of 100,000 would overflow the stack.
    for (const [, ...read] of combinations([[list], ...relevant])) {
      const assumptions = mergeAssumptionLists([list.assumptions, ...read.map(assumptionsOf)]) ?? list.assumptions;
      // A matching entry decides; otherwise an entry whose key is unknown may be the one.
      const match = read.find((v) => matched.has(v));
      const unknown = read.find((v) => v.kind === 'unknown' && !matched.has(v));
      if (match) out.push(variantWith(match, { assumptions }));
      else if (unknown) out.push(variantWith(unknown, { assumptions }));
      else out.push(absentVariant(list.path, list.external, assumptions));
    }
  }
  return out;
}
