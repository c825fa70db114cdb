// One reader of a resource's tags, in both forms CloudFormation uses: a list of `{Key, Value}` entries (Auto Scaling
// groups add PropagateAtLaunch) and a `{key: value}` map (SAM, SSM parameters, some newer types). Which property holds
// them comes from the resource facts (data/resource-facts.json).
import type { RuleContext } from '../engine/rule.ts';
import type { Resource } from '../template/model.ts';
import { resourceFacts } from '../template/resource-facts.ts';
import { asString } from '../values/coerce.ts';
import { mergeAssumptions, variantWith, type Variant } from '../values/variant.ts';

/**
 * The ways a resource's tag property can come out (read them with tagSets), or undefined when the resource has no tags
 * to read: its type has none, or keeps them in another shape (a launch template's TagSpecifications).
 */
export function tagValues(ctx: RuleContext<any, any>, resource: Resource): Variant[] | undefined {
  const facts = resourceFacts(resource.type);
  if (facts) return facts.tags && facts.tagForm !== 'other' ? ctx.value(resource, ['Properties', facts.tags]) : undefined;
  // A type the facts do not list (newer than they are): one that writes Tags shows by that that it has them.
  const tags = ctx.value(resource, ['Properties', 'Tags']);
  return tags.every((v) => v.kind === 'absent') ? undefined : tags;
}

/** One tag as read: its value, and its PropagateAtLaunch when asked for (Auto Scaling groups). */
export interface Tag {
  value: Variant;
  propagate: Variant | undefined;
}

/** The tags of one consistent reading of a tags value. */
export interface TagSet {
  /** By key: every key asked for that the reading has (others may be left out). */
  tags: Map<string, Tag>;
  /** An entry whose key is unknown, so that the reading could have any key. */
  open: Variant | undefined;
  /** Entries that differ between readings, and keys that rest on parameters or mappings: a verdict rests on them. */
  forks: Variant[];
}

export interface TagQuery {
  /** The keys the caller looks for: the values and PropagateAtLaunch of other keys are not read. */
  keys: readonly string[];
  /** Read PropagateAtLaunch (Auto Scaling group tags). */
  propagate?: boolean;
}

/**
 * Every consistent reading of a tags value (a variant of the tag property), or 'unknown' for a value that is neither a
 * list nor a map. An absent value is one empty set; an unknown one is one set that is `open`.
 */
export function tagSets(ctx: RuleContext<any, any>, tags: Variant, query: TagQuery): Array<TagSet | 'unknown'> {
  if (tags.kind === 'absent') return [tagSet(undefined)];
  if (tags.kind === 'unknown') return [tagSet(tags)];
  const value = tags.value;
  const bySlot: Alternative[][] = [];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) bySlot.push(slotAlternatives(ctx, tags, i, true, query));
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) bySlot.push(slotAlternatives(ctx, tags, key, false, query));
  } else return ['unknown'];
  const lookup = new Map<Variant, Alternative>();
  for (const alternatives of bySlot) for (const a of alternatives) lookup.set(a.variant, a);
  return ctx.each(...bySlot.map((alternatives) => alternatives.map((a) => a.variant))).map((combo) => {
    const set = tagSet(undefined);
    for (const v of combo) {
      const alternative = lookup.get(v);
      if (!alternative) continue;
      if (alternative.deciding) set.forks.push(v);
      if (alternative.open) set.open ??= alternative.open;
      if (alternative.name !== undefined && alternative.tag) set.tags.set(alternative.name, alternative.tag);
    }
    return set;
  });
}

/** One way a tags entry can come out: the tag it gives (or none, or an unknown key), with what it rests on. */
interface Alternative {
  /** Carries the assumptions that pick this alternative, for consistent combinations. */
  variant: Variant;
  name: string | undefined;
  tag: Tag | undefined;
  open: Variant | undefined;
  /** Rests on a condition branch, parameter or mapping: named in a message. */
  deciding: boolean;
}

// Every alternative and tag set is built with all its fields in one order: one shape keeps this per-resource code
// from being deoptimized and recompiled each time a new kind of entry turns up.
function makeAlternative(variant: Variant, deciding: boolean, name?: string, tag?: Tag, open?: Variant): Alternative {
  return { variant, name, tag, open, deciding };
}

function tagSet(open: Variant | undefined): TagSet {
  return { tags: new Map(), open, forks: [] };
}

/** The ways one tags entry (list form: an index; map form: a key) can come out. */
function slotAlternatives(ctx: RuleContext<any, any>, tags: Variant, slot: number | string, listForm: boolean, query: TagQuery): Alternative[] {
  const entries = ctx.value(tags, [slot]);
  const forked = entries.length > 1;
  const alternatives: Alternative[] = [];
  for (const entry of entries) {
    if (entry.kind === 'absent') alternatives.push(makeAlternative(entry, forked));
    else if (!listForm) alternatives.push(makeAlternative(entry, forked, String(slot), { value: entry, propagate: undefined }));
    else if (entry.kind === 'unknown') alternatives.push(makeAlternative(entry, forked, undefined, undefined, entry));
    else {
      const keys = ctx.value(entry, ['Key']);
      const [only] = keys;
      const plain = keys.length === 1 && only ? asString(only) : undefined;
      if (only && plain !== undefined && !query.keys.includes(plain) && only.assumptions.length === entry.assumptions.length) {
        // A key nobody asked for that rests on nothing but its entry: its Value and PropagateAtLaunch are never read,
        // and every reading of them is consistent with it, so one alternative stands for them all.
        alternatives.push(makeAlternative(variantWith(only, { assumptions: entry.assumptions }), forked, plain));
        continue;
      }
      for (const [key, tagValue, propagate] of ctx.each(keys, ctx.value(entry, ['Value']), ctx.value(entry, ['PropagateAtLaunch']))) {
        // The combination is consistent, so its key's assumptions agree with its entry's.
        const assumptions = mergeAssumptions(entry.assumptions, key.assumptions) ?? key.assumptions;
        const variant = variantWith(key, { assumptions });
        const deciding = forked || key.assumptions.length > entry.assumptions.length;
        const name = asString(key);
        if (name === undefined) {
          alternatives.push(makeAlternative(variant, deciding, undefined, undefined, key.kind === 'unknown' ? key : undefined));
          continue;
        }
        alternatives.push(makeAlternative(variant, deciding, name, { value: tagValue, propagate: query.propagate ? propagate : undefined }));
      }
    }
  }
  return alternatives;
}
