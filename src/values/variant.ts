import type { NodePath } from '../parse/types.ts';
import { clip, valueText } from './quote.ts';
import { listWords } from '../words.ts';

/**
 * What a value depends on. `given` and `default` parameter values and undecidable condition branches
 * are what the deployment would most likely see; `allowed` values and mapping entries picked for an
 * unknown key are alternatives (findings that need them are notes).
 */
export type Assumption =
  | { kind: 'parameter'; name: string; value: unknown; source: 'given' | 'default' | 'allowed' }
  | { kind: 'condition'; name: string; value: boolean }
  | { kind: 'mapping-key'; map: string; key: string /** How many keys the mapping level has: every one of them is a possible reading. */; of: number };

/**
 * Where an unknown value comes from, as data: rules decide on this, never on the wording of `reason` (which is for
 * people and may change).
 */
export type Origin =
  /** A parameter without a Default, read from SSM, or NoEcho: its value is only known at deploy time. */
  | { kind: 'parameter'; name: string }
  /** An intrinsic whose result could not be worked out (Fn::ImportValue, Fn::Transform, Fn::Join over unknowns...). */
  | { kind: 'intrinsic'; name: string }
  /** A `{{resolve:...}}` dynamic reference. */
  | { kind: 'dynamic-reference' }
  /** A mapping, or a key of one, that the template does not define. */
  | { kind: 'mapping'; name: string }
  /** Past the evaluation budget or the variant cap. */
  | { kind: 'too-complex' }
  /** Anything else: a malformed intrinsic, a reference to something undefined. */
  | { kind: 'other' };

/** One possible value of a property under the intrinsic policy. */
export interface Variant {
  kind: 'absent' | 'literal' | 'unknown';
  /** For literals: the value with its top-level intrinsic resolved (nested values may still hold intrinsics). */
  value?: unknown;
  /** For unknowns: why the value cannot be known here, in words for a person. */
  reason?: string;
  /** For unknowns: where the value comes from, as data (see Origin). */
  origin?: Origin;
  /** Set when the unknown is a reference to a resource (Ref / Fn::GetAtt): a graph edge, not a value. */
  ref?: { logicalId: string; attribute?: string };
  /** Set for opaque values whose identity is known but not their content (e.g. the n-th AZ of the region). */
  opaque?: string;
  /** For unknowns that are a pseudo parameter (AWS::Region...): Fn::Sub and Fn::Join keep it as a placeholder. */
  pseudo?: string;
  /**
   * For literal strings built with pseudo parameters: the text holds `${AWS::Partition}`-style placeholders.
   * Its shape is known (an ARN pattern), its exact value is not, so conditions never compare it.
   */
  symbolic?: boolean;
  /** Path inside the resource where the value is written (the Ref or Fn::If for values from elsewhere). */
  path: NodePath;
  /** True when the value came from outside the resource (parameter, mapping): its children have no location of their own. */
  external: boolean;
  assumptions: Assumption[];
}

/**
 * Variants are built here with every field present, in one order: V8 then gives them all one hidden class, so the
 * property reads in the resolver and in rules stay monomorphic instead of deoptimizing each time a variant built
 * another way shows up. A spread copy (`{ ...v, kind: 'unknown' }`) would get a hidden class of its own: copies are
 * made with variantWith().
 */
export function makeVariant(
  kind: Variant['kind'],
  value: unknown,
  reason: string | undefined,
  path: NodePath,
  external: boolean,
  assumptions: Assumption[],
): Variant {
  return { kind, value, reason, origin: undefined, ref: undefined, opaque: undefined, pseudo: undefined, symbolic: undefined, path, external, assumptions };
}

/** A copy of `v` with the fields in `change` replaced, in the one shape of every variant. */
export function variantWith(v: Variant, change: Partial<Variant>): Variant {
  const copy = makeVariant(v.kind, v.value, v.reason, v.path, v.external, v.assumptions);
  copy.origin = v.origin;
  copy.ref = v.ref;
  copy.opaque = v.opaque;
  copy.pseudo = v.pseudo;
  copy.symbolic = v.symbolic;
  return Object.assign(copy, change);
}

export function literalVariant(value: unknown, path: NodePath, external: boolean, assumptions: Assumption[]): Variant {
  return makeVariant('literal', value, undefined, path, external, assumptions);
}

export function unknownVariant(reason: string, path: NodePath, external: boolean, assumptions: Assumption[], origin: Origin = OTHER): Variant {
  const v = makeVariant('unknown', undefined, reason, path, external, assumptions);
  v.origin = origin;
  return v;
}

const OTHER: Origin = { kind: 'other' };

export function absentVariant(path: NodePath, external: boolean, assumptions: Assumption[]): Variant {
  return makeVariant('absent', undefined, undefined, path, external, assumptions);
}

/** An opaque value inside a literal (e.g. an Availability Zone from Fn::GetAZs). */
export class Opaque {
  constructor(
    readonly id: string,
    readonly reason: string,
  ) {}
}

export function isAlternative(a: Assumption): boolean {
  return (a.kind === 'parameter' && a.source === 'allowed') || a.kind === 'mapping-key';
}

function assumptionKey(a: Assumption): string {
  if (a.kind === 'parameter') return `p:${a.name}`;
  if (a.kind === 'condition') return `c:${a.name}`;
  return `m:${a.map}`;
}

function sameValue(a: Assumption, b: Assumption): boolean {
  if (a.kind === 'parameter' && b.kind === 'parameter') return String(a.value) === String(b.value);
  if (a.kind === 'condition' && b.kind === 'condition') return a.value === b.value;
  if (a.kind === 'mapping-key' && b.kind === 'mapping-key') return a.key === b.key;
  return false;
}

const NO_ASSUMPTIONS: Assumption[] = [];

/**
 * Assumptions gone through by merges, and combinations tried, since the resolver last counted them: the cost of a
 * merge grows with its lists, so the resolver's work budget counts these rather than the number of merges.
 */
export const mergeWork = { steps: 0 };

/** Merges assumption lists; undefined when they contradict (one parameter with two values, a condition both ways). */
export function mergeAssumptions(...lists: Assumption[][]): Assumption[] | undefined {
  return mergeAssumptionLists(lists);
}

/**
 * mergeAssumptions() over a list of lists of any length: where the count comes from the template (the parts of an
 * Fn::Join, the entries of a list), spreading them into arguments would overflow the stack past ~100,000.
 */
export function mergeAssumptionLists(lists: readonly Assumption[][]): Assumption[] | undefined {
  // Most values depend on nothing: skip the map for the common cases.
  let only: Assumption[] | undefined;
  let nonEmpty = 0;
  for (let i = 0; i < lists.length; i++) {
    if (lists[i]!.length) {
      only = lists[i];
      nonEmpty++;
    }
  }
  if (nonEmpty === 0) return NO_ASSUMPTIONS;
  if (nonEmpty === 1) return only;
  return mergeSeveral(lists);
}

// The general cases live in functions of their own, so that the common cases above stay small and quick for V8 to
// compile wherever they are inlined.
function mergeSeveral(lists: readonly Assumption[][]): Assumption[] | undefined {
  let total = 0;
  for (let i = 0; i < lists.length; i++) total += lists[i]!.length;
  mergeWork.steps += total;
  // Short lists (nearly all: a value rests on a parameter or two) merge by scanning, without a map or key strings,
  // and without a copy when the later lists add nothing (the same parameter met again through another property).
  if (total > 32) return mergeByKey(lists);
  let merged: Assumption[] | undefined;
  let copied = false;
  for (let l = 0; l < lists.length; l++) {
    const list = lists[l]!;
    if (list.length === 0 || list === merged) continue;
    if (merged === undefined) {
      if (hasRepeatedKey(list)) return mergeByKey(lists);
      merged = list;
      continue;
    }
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      let found: Assumption | undefined;
      for (let j = 0; j < merged.length; j++) {
        if (sameKey(merged[j]!, a)) {
          found = merged[j];
          break;
        }
      }
      if (found !== undefined) {
        if (found !== a && !sameValue(found, a)) return undefined;
        continue;
      }
      if (!copied) {
        merged = merged.slice();
        copied = true;
      }
      merged.push(a);
    }
  }
  return merged ?? NO_ASSUMPTIONS;
}

/** The general merge: one entry per parameter, condition or mapping, in the order first met. */
function mergeByKey(lists: readonly Assumption[][]): Assumption[] | undefined {
  const merged = new Map<string, Assumption>();
  for (const list of lists) {
    for (const a of list) {
      const key = assumptionKey(a);
      const existing = merged.get(key);
      if (!existing) merged.set(key, a);
      else if (!sameValue(existing, a)) return undefined;
    }
  }
  return [...merged.values()];
}

function sameKey(a: Assumption, b: Assumption): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'mapping-key' ? a.map === (b as typeof a).map : a.name === (b as typeof a).name;
}

function hasRepeatedKey(list: Assumption[]): boolean {
  for (let i = 1; i < list.length; i++) for (let j = 0; j < i; j++) if (sameKey(list[i]!, list[j]!)) return true;
  return false;
}

const onlyVariant = (list: readonly Variant[]): Variant => list[0]!;
export const assumptionsOf = (v: Variant): Assumption[] => v.assumptions;

/**
 * Every consistent combination of one variant from each list (contradicting combinations are dropped), at most
 * `limit` of them: a caller that must know whether there were more asks for one more than it can take.
 */
export function combinations(lists: ReadonlyArray<readonly Variant[]>, limit = 256): Variant[][] {
  // The common case: one variant per list, resting on at most one list of assumptions (which cannot contradict).
  let nonEmpty = 0;
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i]!;
    if (list.length !== 1) return everyCombination(lists, limit);
    if (list[0]!.assumptions.length) nonEmpty++;
  }
  const single = lists.map(onlyVariant);
  if (nonEmpty < 2) return [single];
  return mergeSeveral(single.map(assumptionsOf)) ? [single] : [];
}

/** A combination being built: its last variant and the prefix before it, so that extending one copies nothing. */
interface Prefix {
  last: Variant | undefined;
  before: Prefix | undefined;
  assumptions: Assumption[];
}

function everyCombination(lists: ReadonlyArray<readonly Variant[]>, limit: number): Variant[][] {
  // Each prefix carries its merged assumptions, so extending it is one merge rather than one over the whole prefix;
  // it is a link to the prefix before it, because copying prefixes made a long Fn::Join quadratic. No step keeps
  // more than `limit` prefixes, so the work is at most `limit` merges per variant of the input.
  let acc: Prefix[] = [{ last: undefined, before: undefined, assumptions: NO_ASSUMPTIONS }];
  for (let l = 0; l < lists.length; l++) {
    const list = lists[l]!;
    const next: Prefix[] = [];
    extend: for (let p = 0; p < acc.length; p++) {
      const prefix = acc[p]!;
      mergeWork.steps += list.length;
      for (let i = 0; i < list.length; i++) {
        const assumptions = mergeAssumptions(prefix.assumptions, list[i]!.assumptions);
        if (!assumptions) continue;
        next.push({ last: list[i]!, before: prefix, assumptions });
        if (next.length >= limit) break extend;
      }
    }
    acc = next;
  }
  mergeWork.steps += acc.length * lists.length;
  const out: Variant[][] = [];
  for (let c = 0; c < acc.length; c++) {
    const combo = new Array<Variant>(lists.length);
    let at: Prefix = acc[c]!;
    for (let i = lists.length - 1; i >= 0; i--) {
      combo[i] = at.last!;
      at = at.before!;
    }
    out.push(combo);
  }
  return out;
}

/**
 * Alternatives as one clause per parameter or mapping, values listed once in the order met:
 * `when parameter Size is "r4.xlarge", "r4.2xlarge" or "r4.4xlarge"`, not the same clause three times. At most
 * `max` values are named (names and values clipped: a Default can be megabytes); the rest are counted.
 */
export function describeAlternatives(assumptions: readonly Assumption[], max: number): string {
  const groups = new Map<string, { head: string; values: string[] }>();
  for (const a of assumptions) {
    if (!isAlternative(a)) continue;
    const key = assumptionKey(a);
    let group = groups.get(key);
    if (!group) {
      const head = a.kind === 'parameter' ? `when parameter ${clip(a.name)} is` : a.kind === 'mapping-key' ? `when the ${clip(a.map)} key is` : '';
      groups.set(key, (group = { head, values: [] }));
    }
    const value = JSON.stringify(a.kind === 'mapping-key' ? clip(a.key) : a.kind === 'parameter' ? valueText(a.value) : '');
    if (!group.values.includes(value)) group.values.push(value);
  }
  let left = max;
  let more = 0;
  const clauses: string[] = [];
  for (const g of groups.values()) {
    const shown = g.values.slice(0, Math.max(0, left));
    more += g.values.length - shown.length;
    left -= shown.length;
    if (shown.length) clauses.push(`${g.head} ${listWords(shown, 'or')}`);
  }
  return clauses.join(' or ') + (more ? ` or ${more} other values` : '');
}

/**
 * Whether failing candidates that each rest on one key of an enumerated mapping cover every key of it: then the
 * value fails however the key comes out (e.g. a RegionMap keyed by AWS::Region where no region passes).
 */
export function coversEveryKey(candidates: ReadonlyArray<readonly Assumption[]>): string | undefined {
  let map: string | undefined;
  let of = 0;
  const keys = new Set<string>();
  for (const assumptions of candidates) {
    const alternatives = assumptions.filter(isAlternative);
    const only = alternatives[0];
    if (alternatives.length !== 1 || only!.kind !== 'mapping-key') return undefined;
    if (map === undefined) ({ map, of } = only!);
    else if (only!.map !== map) return undefined;
    keys.add(only!.key);
  }
  return map !== undefined && keys.size === of ? map : undefined;
}

/** Human wording of an assumption, for messages; names and values are clipped (a Default can be megabytes). */
export function describeAssumption(a: Assumption): string {
  if (a.kind === 'parameter') {
    const value = JSON.stringify(valueText(a.value));
    const name = clip(a.name);
    if (a.source === 'default') return `with parameter ${name} default ${value}`;
    if (a.source === 'given') return `with parameter ${name} = ${value}`;
    return `when parameter ${name} is ${value}`;
  }
  if (a.kind === 'condition') return `when condition ${clip(a.name)} is ${a.value}`;
  return `when the ${clip(a.map)} key is ${JSON.stringify(clip(a.key))}`;
}
