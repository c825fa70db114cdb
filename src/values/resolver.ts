import type { NodePath, PathSegment } from '../parse/types.ts';
import { getAttTarget } from '../graph/graph.ts';
import { intrinsicName, intrinsicOf, isDynamicReference, isPlainObject, parseSubString, PSEUDO_PARAMETERS } from '../template/intrinsics.ts';
import type { Parameter, Resource, Template } from '../template/model.ts';
import {
  absentVariant,
  assumptionsOf,
  combinations,
  literalVariant,
  mergeAssumptionLists,
  mergeAssumptions,
  mergeWork,
  Opaque,
  unknownVariant,
  variantWith,
  type Assumption,
  type Variant,
  type Origin,
} from './variant.ts';
import { clip } from './quote.ts';

/** Past this many variants a value is reported unknown rather than enumerated (checked at every step, not only at the end). */
const MAX_VARIANTS = 64;
/** Past this many ways to come out (one per combination of the values it reads) a condition is undecidable. */
const MAX_OUTCOMES = 256;
/** How many AllowedValues or mapping entries are enumerated as alternatives. */
const MAX_ALTERNATIVES = 24;
/**
 * Nesting deeper than this is unknown (guards against hostile input). One count runs through intrinsics, conditions,
 * Fn::If, mapping values and Fn::Sub variables, so that conditions that refer to each other cannot stack it up.
 */
const MAX_DEPTH = 64;
/**
 * The work one value may cost, and one template. Each intrinsic evaluated, condition operand, Fn::If outcome, mapping
 * entry read, combination tried, assumption merged and KiB of text built counts one: about half a microsecond. The
 * corpus's costliest value takes under 2,000 and its costliest template under 5,000; conditions and mappings that fan
 * out into each other would take hours. Past the budget a value is unknown (too complex to evaluate) and plain
 * values still read as usual, so the other rules and resources are still checked.
 */
const VALUE_BUDGET = 100_000;
const TEMPLATE_BUDGET = 2_000_000;
/** Fn::Join and Fn::Sub build no text longer than this: a template is at most 1 MB, a parameter value 4 KB. */
const MAX_TEXT = 1 << 20;

/** The reason of a value that took more than its budget. */
export const TOO_COMPLEX = 'too complex to evaluate';
/** The reason of a value with more variants than MAX_VARIANTS. */
const TOO_MANY = 'too many combinations of parameters and conditions';
const TOO_COMPLEX_ORIGIN: Origin = { kind: 'too-complex' };
const JOIN: Origin = { kind: 'intrinsic', name: 'Fn::Join' };
const SUB: Origin = { kind: 'intrinsic', name: 'Fn::Sub' };

interface ConditionOutcome {
  /** undefined: the condition cannot be decided from literals and known parameters. */
  value: boolean | undefined;
  assumptions: Assumption[];
}

/**
 * Evaluates property values under the intrinsic policy (docs/value-model.md): parameters (given, else Default,
 * with AllowedValues as alternatives), conditions, Fn::If branches, mappings and the string functions.
 * Anything that cannot be known is an `unknown` variant with a reason; nothing is guessed.
 */
export class ValueResolver {
  private readonly conditionMemo = new Map<string, ConditionOutcome[]>();
  private readonly conditionsInProgress = new Set<string>();
  private readonly rootMemo = new Map<string, Variant[]>();
  /** Work done on this template so far (see VALUE_BUDGET). */
  private spent = 0;
  /** The value of `spent` at which the value being evaluated is over its budget. */
  private stopAt = VALUE_BUDGET;
  /** Set once the value being evaluated is over its budget: from then on every intrinsic answers at once. */
  private over = false;

  constructor(
    private readonly template: Template,
    private readonly given: ReadonlyMap<string, string>,
  ) {}

  /**
   * The variants a resource starts from: one per way its own `Condition` can hold.
   * A resource whose condition is false in every case yields none (it is never created).
   */
  roots(resource: Resource): Variant[] {
    const memo = this.rootMemo.get(resource.logicalId);
    if (memo) return memo;
    // A resource made by an Fn::ForEach loop over a parameter exists for that parameter's value.
    const base = literalVariant(resource.node, [], false, resource.loop?.parameters.length ? loopAssumptions(resource.loop.parameters) : []);
    let roots: Variant[] = [base];
    if (resource.condition) {
      roots = [];
      this.startValue();
      // A condition over its budget comes out undecided, so the resource is checked as if it is created.
      for (const outcome of this.branchesOf(resource.condition, 0)) {
        const assumptions = outcome.value ? mergeAssumptions(base.assumptions, outcome.assumptions) : undefined;
        if (assumptions) roots.push(variantWith(base, { assumptions }));
      }
    }
    this.rootMemo.set(resource.logicalId, roots);
    return roots;
  }

  /**
   * Walks `path` from each variant, resolving intrinsics at every step and forking on undecidable Fn::If. What the
   * value's budget did not reach is an unknown variant: too complex to evaluate.
   */
  navigate(from: Variant[], path: NodePath): Variant[] {
    this.startValue();
    return this.walk(from, path);
  }

  /** The elements of list-valued variants, each as a variant of its own (evaluated within one budget). */
  elements(lists: Variant[]): Variant[] {
    this.startValue();
    const out: Variant[] = [];
    for (let l = 0; l < lists.length; l++) {
      const v = lists[l]!;
      if (v.kind === 'absent') continue;
      if (v.kind === 'unknown' || !Array.isArray(v.value)) {
        out.push(v.kind === 'unknown' ? v : variantWith(v, { kind: 'unknown', value: undefined, reason: 'not a list' }));
        continue;
      }
      for (let i = 0; i < v.value.length; i++) {
        const items = this.walk([v], [i]);
        for (let k = 0; k < items.length; k++) out.push(items[k]!);
      }
    }
    return out;
  }

  /** A new value starts: it may spend VALUE_BUDGET, as long as the template's budget lasts. */
  private startValue(): void {
    this.stopAt = Math.min(this.spent + VALUE_BUDGET, TEMPLATE_BUDGET);
    this.over = false;
    // Merges the rules did between values are not this value's.
    mergeWork.steps = 0;
  }

  /** Counts `units` of work, and the merges done since, against the budget; false once the value is over it. */
  private charge(units: number): boolean {
    this.spent += units + mergeWork.steps;
    mergeWork.steps = 0;
    if (this.spent > this.stopAt) this.over = true;
    return !this.over;
  }

  private walk(from: Variant[], path: NodePath): Variant[] {
    if (from.length === 1 && path.length > 0) {
      const plain = this.plainWalk(from[0]!, path);
      if (plain) return plain;
    }
    // Indexed loops: until V8 optimizes this (the first few hundred templates), for-of allocates an iterator and a
    // result object per step, and this is the busiest function of a lint.
    let current = from;
    for (let p = 0; p < path.length; p++) {
      const segment = path[p]!;
      const next: Variant[] = [];
      for (let i = 0; i < current.length; i++) {
        const v = current[i]!;
        if (v.kind !== 'literal') {
          next.push(v);
          continue;
        }
        const container = v.value;
        let child: unknown;
        if (Array.isArray(container) && typeof segment === 'number') child = container[segment];
        else if (isPlainObject(container) && typeof segment === 'string') child = container[segment];
        else {
          next.push(variantWith(v, { kind: 'unknown', value: undefined, reason: `${describeType(container)} has no ${JSON.stringify(segment)}` }));
          continue;
        }
        const childPath = v.external ? v.path : [...v.path, segment];
        const resolved = this.resolve(child, childPath, v.external, v.assumptions);
        for (let r = 0; r < resolved.length; r++) next.push(resolved[r]!);
      }
      current = cap(next, path);
    }
    return current;
  }

  /**
   * navigate() for the common walk through plain values only (no intrinsic on the way): the same result, without a
   * variant and a path for every step. Undefined when the walk meets anything else; navigate() then takes it.
   */
  private plainWalk(v: Variant, path: NodePath): Variant[] | undefined {
    if (v.kind !== 'literal') return undefined;
    let node = v.value;
    for (let p = 0; p < path.length; p++) {
      const segment = path[p]!;
      let child: unknown;
      if (Array.isArray(node) && typeof segment === 'number') child = node[segment];
      else if (isPlainObject(node) && typeof segment === 'string') child = node[segment];
      else return undefined;
      if (child === undefined) {
        // Past a missing key, navigate() carries the absent value along unchanged.
        const at = v.external ? v.path : v.path.concat(p === path.length - 1 ? path : path.slice(0, p + 1));
        return [absentVariant(at, v.external, v.assumptions)];
      }
      if (!isPlainLiteral(child)) return undefined;
      node = child;
    }
    return [literalVariant(node, v.external ? v.path : v.path.concat(path), v.external, v.assumptions)];
  }

  /** Resolves the top-level intrinsic of a node. */
  resolve(node: unknown, path: NodePath, external: boolean, assumptions: Assumption[], depth = 0): Variant[] {
    // Plain values are most of what rules read: answer them before building anything else.
    if (node === undefined) return [absentVariant(path, external, assumptions)];
    if (isPlainLiteral(node)) return [literalVariant(node, path, external, assumptions)];
    // What is left: a dynamic reference, an Opaque, or an intrinsic.
    if (typeof node !== 'object' || node === null) {
      return [unknownVariant('a dynamic reference, resolved at deploy time', path, external, assumptions, { kind: 'dynamic-reference' })];
    }
    const intrinsic = node instanceof Opaque ? undefined : intrinsicOf(node);
    return this.resolveIntrinsic(node, intrinsic, path, external, assumptions, depth);
  }

  private resolveIntrinsic(
    node: unknown,
    intrinsic: { name: string; args: unknown } | undefined,
    path: NodePath,
    external: boolean,
    assumptions: Assumption[],
    depth: number,
  ): Variant[] {
    const unknown = (reason: string, extra?: Partial<Variant>): Variant[] => [
      extra
        ? Object.assign(unknownVariant(reason, path, external, assumptions), extra)
        : unknownVariant(reason, path, external, assumptions, reason === TOO_COMPLEX ? TOO_COMPLEX_ORIGIN : undefined),
    ];
    if (node instanceof Opaque) return unknown(node.reason, { opaque: node.id });
    if (depth > MAX_DEPTH) return unknown('intrinsics nested too deeply');
    const { name, args } = intrinsic!;
    // The most common intrinsics first, without the helpers below (closures made on every call). They cost a few
    // steps each and recurse into nothing, so they are answered even over the budget: a world-open CIDR next to a
    // branch that spends it (`!If [C, <costly>, !Ref OpenCidr]`) is still seen.
    if (name === 'Ref') return this.resolveRef(args, path, external, assumptions);
    if (name === 'Fn::GetAtt') {
      const target = getAttTarget(args);
      if (!target) return [unknownVariant('a malformed Fn::GetAtt', path, external, assumptions)];
      const v = unknownVariant(`an attribute of resource ${clip(target.logicalId)}`, path, external, assumptions);
      v.ref = target;
      return [v];
    }
    if (!this.charge(1)) return unknown(TOO_COMPLEX);
    const at = (segment: PathSegment): NodePath => (external ? path : [...path, segment]);
    const sub = (child: unknown, childPath: NodePath, base: Assumption[] = assumptions) => this.resolve(child, childPath, external, base, depth + 1);
    const literal = (value: unknown, base: Assumption[]): Variant => literalVariant(value, path, external, base);

    switch (name) {
      case 'Fn::If': {
        if (!Array.isArray(args) || args.length !== 3 || typeof args[0] !== 'string') return unknown('a malformed Fn::If');
        const out: Variant[] = [];
        const outcomes = this.branchesOf(args[0], depth + 1);
        if (!this.charge(outcomes.length)) return unknown(TOO_COMPLEX);
        // Stops as soon as the value has too many variants: the branches left would only be thrown away. Over the
        // budget it goes on: a branch that spent it is unknown, and the others are plain values or answer at once.
        for (let o = 0; o < outcomes.length && out.length <= MAX_VARIANTS; o++) {
          const outcome = outcomes[o]!;
          const merged = mergeAssumptions(assumptions, outcome.assumptions);
          if (!merged) continue;
          const index = outcome.value ? 1 : 2;
          const branch = sub(args[index], external ? path : [...path, 'Fn::If', index], merged);
          for (let b = 0; b < branch.length; b++) out.push(branch[b]!);
        }
        return cap(out, path);
      }
      case 'Fn::FindInMap':
        return this.findInMap(args, path, external, assumptions, depth);
      case 'Fn::Sub':
        return this.substitute(args, path, external, assumptions, depth);
      case 'Fn::Join': {
        if (!Array.isArray(args) || args.length !== 2) return unknown('a malformed Fn::Join');
        const out: Variant[] = [];
        const readings = this.combine([sub(args[0], at('Fn::Join')), sub(args[1], at('Fn::Join'))]);
        if (!readings) return this.over ? unknown(TOO_COMPLEX) : tooMany(path);
        for (let r = 0; r < readings.length && out.length <= MAX_VARIANTS && !this.over; r++) {
          const [delimiter, list] = readings[r]!;
          if (delimiter!.kind !== 'literal' || list!.kind !== 'literal' || !Array.isArray(list!.value)) {
            out.push(unknownVariant('Fn::Join of values that are not all known', path, external, assumptions, JOIN));
            continue;
          }
          const items = list!.value as unknown[];
          const parts: Variant[][] = [];
          for (let i = 0; i < items.length && !this.over; i++) parts.push(sub(items[i], at('Fn::Join'), list!.assumptions));
          const combos = this.combine(parts);
          if (!combos) return this.over ? unknown(TOO_COMPLEX) : tooMany(path);
          for (let c = 0; c < combos.length; c++) {
            const combo = combos[c]!;
            const merged = mergeAssumptionLists([delimiter!.assumptions, list!.assumptions, ...combo.map(assumptionsOf)]);
            if (!merged) continue;
            out.push(
              this.text(combo, scalarText(delimiter!.value), path, external, merged) ??
                unknownVariant('Fn::Join of values that are not all known', path, external, assumptions, JOIN),
            );
          }
        }
        return this.over ? unknown(TOO_COMPLEX) : cap(out, path);
      }
      case 'Fn::Select': {
        if (!Array.isArray(args) || args.length !== 2) return unknown('a malformed Fn::Select');
        const out: Variant[] = [];
        const readings = this.combine([sub(args[0], at('Fn::Select')), sub(args[1], at('Fn::Select'))]);
        if (!readings) return this.over ? unknown(TOO_COMPLEX) : tooMany(path);
        for (let r = 0; r < readings.length && out.length <= MAX_VARIANTS && !this.over; r++) {
          const [index, list] = readings[r]!;
          const i = index!.kind === 'literal' ? Number(index!.value) : NaN;
          if (!Number.isInteger(i) || list!.kind !== 'literal' || !Array.isArray(list!.value)) {
            out.push(unknownVariant('Fn::Select over values that are not known', path, external, assumptions));
            continue;
          }
          const merged = mergeAssumptions(index!.assumptions, list!.assumptions)!;
          const items = list!.value as unknown[];
          if (i < 0 || i >= items.length) out.push(unknownVariant(`Fn::Select index ${i} is out of range`, path, external, assumptions));
          else {
            const chosen = sub(items[i], at('Fn::Select'), merged);
            for (let c = 0; c < chosen.length; c++) out.push(chosen[c]!);
          }
        }
        return this.over ? unknown(TOO_COMPLEX) : cap(out, path);
      }
      case 'Fn::Split': {
        if (!Array.isArray(args) || args.length !== 2) return unknown('a malformed Fn::Split');
        const out: Variant[] = [];
        const readings = this.combine([sub(args[0], at('Fn::Split')), sub(args[1], at('Fn::Split'))]);
        if (!readings) return this.over ? unknown(TOO_COMPLEX) : tooMany(path);
        for (let r = 0; r < readings.length; r++) {
          const [delimiter, text] = readings[r]!;
          if (delimiter!.kind !== 'literal' || text!.kind !== 'literal' || typeof text!.value !== 'string') {
            out.push(unknownVariant('Fn::Split of a value that is not known', path, external, assumptions));
            continue;
          }
          const merged = mergeAssumptions(delimiter!.assumptions, text!.assumptions)!;
          const parts = text!.value.split(scalarText(delimiter!.value));
          // Each part is a value rules may go through, like the entries of a written list.
          if (!this.charge(parts.length >> 4)) return unknown(TOO_COMPLEX);
          out.push(literal(parts, merged));
        }
        return this.over ? unknown(TOO_COMPLEX) : out;
      }
      case 'Fn::GetAZs':
        // The zones of the region are not known statically; their identities are, so rules can tell them apart.
        return [
          literal(
            [0, 1, 2].map((i) => new Opaque(`az:${i}`, `Availability Zone ${i + 1} of the region`)),
            assumptions,
          ),
        ];
      case 'Fn::Cidr': {
        if (!Array.isArray(args) || args.length !== 3) return unknown('a malformed Fn::Cidr');
        const out: Variant[] = [];
        const readings = this.combine([sub(args[0], at('Fn::Cidr')), sub(args[1], at('Fn::Cidr')), sub(args[2], at('Fn::Cidr'))]);
        if (!readings) return this.over ? unknown(TOO_COMPLEX) : tooMany(path);
        for (let r = 0; r < readings.length; r++) {
          const [block, count, bits] = readings[r]!;
          const cidrs =
            block!.kind === 'literal' && count!.kind === 'literal' && bits!.kind === 'literal'
              ? cidrSubnets(String(block!.value), Number(count!.value), Number(bits!.value))
              : undefined;
          if (!cidrs) out.push(unknownVariant('Fn::Cidr of values that are not known', path, external, assumptions));
          else out.push(literal(cidrs, mergeAssumptions(block!.assumptions, count!.assumptions, bits!.assumptions)!));
        }
        return this.over ? unknown(TOO_COMPLEX) : out;
      }
      case 'Fn::Base64':
        // The decoded text is what rules want to read (e.g. user data), so the value is the input string.
        return sub(args, at('Fn::Base64'));
      case 'Fn::Length': {
        const lists = sub(args, at('Fn::Length'));
        if (this.over) return unknown(TOO_COMPLEX);
        return lists.map((v) =>
          v.kind === 'literal' && Array.isArray(v.value)
            ? variantWith(v, { path, value: v.value.length })
            : variantWith(v, { kind: 'unknown', reason: 'Fn::Length of an unknown list' }),
        );
      }
      case 'Fn::ImportValue':
        return [unknownVariant('an Fn::ImportValue from another stack', path, external, assumptions, { kind: 'intrinsic', name: 'Fn::ImportValue' })];
      case 'Fn::Transform':
        return [unknownVariant('the output of a macro (Fn::Transform)', path, external, assumptions, { kind: 'intrinsic', name: 'Fn::Transform' })];
      default:
        return unknown(`the result of ${clip(name)}`);
    }
  }

  private resolveRef(args: unknown, path: NodePath, external: boolean, assumptions: Assumption[]): Variant[] {
    if (typeof args !== 'string') return [unknownVariant('a malformed Ref', path, external, assumptions)];
    if (args === 'AWS::NoValue') return [absentVariant(path, external, assumptions)];
    if (PSEUDO_PARAMETERS.has(args)) {
      const v = unknownVariant(`the pseudo parameter ${args}`, path, external, assumptions);
      v.pseudo = args;
      return [v];
    }
    if (this.template.parameters.has(args)) return this.parameterVariants(args, path, external, assumptions);
    if (this.template.resources.has(args)) {
      const v = unknownVariant(`a reference to resource ${clip(args)}`, path, external, assumptions);
      v.ref = { logicalId: args };
      return [v];
    }
    return [unknownVariant(`Ref to ${clip(args)}, which is not defined in the template`, path, external, assumptions)];
  }

  /** The values a parameter can take: the given value, else the Default (AllowedValues as alternatives). */
  private parameterVariants(name: string, path: NodePath, external: boolean, assumptions: Assumption[]): Variant[] {
    const param = this.template.parameters.get(name)!;
    if (param.type.startsWith('AWS::SSM::Parameter::Value')) {
      return [unknownVariant(`parameter ${clip(name)} is read from SSM at deploy time`, path, external, assumptions, { kind: 'parameter', name })];
    }
    const out: Variant[] = [];
    const givenValue = this.given.get(name);
    if (givenValue !== undefined) {
      parameterValue(param, givenValue, 'given', path, assumptions, out);
      return out;
    }
    // A value already fixed by an earlier assumption keeps its source (e.g. chosen through a condition).
    for (let i = 0; i < assumptions.length; i++) {
      const a = assumptions[i]!;
      if (a.kind === 'parameter' && a.name === name) {
        parameterValue(param, a.value, a.source, path, assumptions, out);
        return out;
      }
    }
    if (param.default === undefined || param.default === null) {
      return [unknownVariant(`parameter ${clip(name)} has no Default`, path, external, assumptions, { kind: 'parameter', name })];
    }
    parameterValue(param, param.default, 'default', path, assumptions, out);
    const allowed = param.allowedValues ?? [];
    for (let i = 0; i < allowed.length && i < MAX_ALTERNATIVES; i++) {
      if (String(allowed[i]) !== String(param.default)) parameterValue(param, allowed[i], 'allowed', path, assumptions, out);
    }
    return out;
  }

  private findInMap(args: unknown, path: NodePath, external: boolean, assumptions: Assumption[], depth: number): Variant[] {
    if (!Array.isArray(args) || args.length < 3) return [unknownVariant('a malformed Fn::FindInMap', path, external, assumptions)];
    const keyPath = external ? path : [...path, 'Fn::FindInMap'];
    const keys = [
      this.resolve(args[0], keyPath, external, assumptions, depth + 1),
      this.resolve(args[1], keyPath, external, assumptions, depth + 1),
      this.resolve(args[2], keyPath, external, assumptions, depth + 1),
    ];
    // AWS::LanguageExtensions: a fourth argument {DefaultValue: x} answers for missing keys.
    const fallback = isPlainObject(args[3]) ? args[3].DefaultValue : undefined;
    const out: Variant[] = [];
    const readings = this.combine(keys);
    if (!readings) return this.over ? [unknownVariant(TOO_COMPLEX, path, external, assumptions, TOO_COMPLEX_ORIGIN)] : tooMany(path);
    for (let i = 0; i < readings.length && out.length <= MAX_VARIANTS && !this.over; i++) {
      const [mapName, top, second] = readings[i]!;
      this.mapEntries(mapName!, top!, second!, fallback, path, external, assumptions, depth, out);
    }
    // Entries are alternatives: those read stand, and the ones the budget did not reach are unknown.
    if (this.over) out.push(unknownVariant(TOO_COMPLEX, path, external, assumptions, TOO_COMPLEX_ORIGIN));
    return cap(out, path);
  }

  /**
   * Fn::FindInMap for one reading of its three keys, into `out`. An unknown key (e.g. AWS::Region) means every entry
   * is possible: they are evaluated as alternatives.
   */
  private mapEntries(
    mapName: Variant,
    top: Variant,
    second: Variant,
    fallback: unknown,
    path: NodePath,
    external: boolean,
    assumptions: Assumption[],
    depth: number,
    out: Variant[],
  ): void {
    if (mapName.kind !== 'literal') {
      out.push(unknownVariant('Fn::FindInMap with an unknown map name', path, external, assumptions));
      return;
    }
    const name = String(mapName.value);
    const map = this.template.mappings[name];
    if (!isPlainObject(map)) {
      out.push(unknownVariant(`mapping ${clip(name)} is not defined`, path, external, assumptions));
      return;
    }
    const base = mergeAssumptions(mapName.assumptions, top.assumptions, second.assumptions);
    if (!base) return;
    const topAlt = top.kind !== 'literal';
    const topKeys = topAlt ? Object.keys(map) : [scalarText(top.value)];
    // Stops as soon as there are too many variants, or the budget is spent: the rest would be thrown away.
    for (let t = 0; t < topKeys.length && t < MAX_ALTERNATIVES && out.length <= MAX_VARIANTS && this.charge(1); t++) {
      const topKey = topKeys[t]!;
      const level = map[topKey];
      if (!isPlainObject(level)) {
        if (!topAlt)
          out.push(
            fallback !== undefined
              ? literalVariant(fallback, path, true, base)
              : unknownVariant(`key ${clip(topKey)} is not in mapping ${clip(name)}`, path, external, assumptions),
          );
        continue;
      }
      const secondAlt = second.kind !== 'literal';
      const secondKeys = secondAlt ? Object.keys(level) : [scalarText(second.value)];
      for (let k = 0; k < secondKeys.length && k < MAX_ALTERNATIVES && out.length <= MAX_VARIANTS && this.charge(1); k++) {
        const secondKey = secondKeys[k]!;
        const extra: Assumption[] = [];
        if (topAlt) extra.push({ kind: 'mapping-key', map: name, key: topKey, of: topKeys.length });
        if (secondAlt) extra.push({ kind: 'mapping-key', map: `${name}.${topKey}`, key: secondKey, of: secondKeys.length });
        const merged = mergeAssumptions(base, extra);
        if (!merged) continue;
        const value = level[secondKey];
        if (value === undefined) {
          if (!secondAlt)
            out.push(
              fallback !== undefined
                ? literalVariant(fallback, path, true, merged)
                : unknownVariant(`key ${clip(topKey)}.${clip(secondKey)} is not in mapping ${clip(name)}`, path, external, assumptions),
            );
          continue;
        }
        const resolved = this.resolve(value, path, true, merged, depth + 1);
        for (let r = 0; r < resolved.length; r++) out.push(resolved[r]!);
      }
    }
  }

  private substitute(args: unknown, path: NodePath, external: boolean, assumptions: Assumption[], depth: number): Variant[] {
    const text = typeof args === 'string' ? args : Array.isArray(args) && typeof args[0] === 'string' ? args[0] : undefined;
    if (text === undefined) return [unknownVariant('a malformed Fn::Sub', path, external, assumptions)];
    const variables = Array.isArray(args) && isPlainObject(args[1]) ? args[1] : {};
    const subPath = external ? path : [...path, 'Fn::Sub'];
    // Indexed loops and no helper closures: Fn::Sub is one of the commonest intrinsics.
    const pieces = parseSubString(text);
    const parts: Variant[][] = [];
    for (let i = 0; i < pieces.length && !this.over; i++) {
      const part = pieces[i]!;
      if (typeof part === 'string') parts.push([literalVariant(part, path, external, [])]);
      else if (part.name in variables) parts.push(this.resolve(variables[part.name], subPath, external, assumptions, depth + 1));
      else if (part.attribute !== undefined) {
        const v = unknownVariant(`an attribute of resource ${clip(part.name)}`, path, external, assumptions);
        if (this.template.resources.has(part.name)) v.ref = { logicalId: part.name, attribute: part.attribute };
        parts.push([v]);
      } else parts.push(this.resolve({ Ref: part.name }, subPath, external, assumptions, depth + 1));
    }
    const out: Variant[] = [];
    const combos = this.combine(parts);
    if (!combos) return this.over ? [unknownVariant(TOO_COMPLEX, path, external, assumptions, TOO_COMPLEX_ORIGIN)] : tooMany(path);
    for (let c = 0; c < combos.length && !this.over; c++) {
      const combo = combos[c]!;
      const merged = mergeAssumptionLists([assumptions, ...combo.map(assumptionsOf)]);
      if (!merged) continue;
      const text = this.text(combo, '', path, external, merged);
      if (text) {
        out.push(text);
        continue;
      }
      const missing = combo.find((c) => !textOf(c))!;
      const v = unknownVariant(`Fn::Sub over ${missing.reason ?? 'a value that is not known'}`, path, external, merged, SUB);
      // `${X}` / `${X.Attr}` alone is the resource reference itself.
      if (combo.length === 1 && missing.ref) v.ref = missing.ref;
      out.push(v);
    }
    return this.over ? [unknownVariant(TOO_COMPLEX, path, external, assumptions, TOO_COMPLEX_ORIGIN)] : cap(out, path);
  }

  /**
   * Every consistent combination of one variant from each list, counted against the budget; undefined past `limit`
   * combinations (the value has too many variants) or once the budget is spent.
   */
  private combine(lists: Variant[][], limit = MAX_VARIANTS): Variant[][] | undefined {
    if (this.over) return undefined;
    const combos = combinations(lists, limit + 1);
    if (!this.charge(combos.length) || combos.length > limit) return undefined;
    return combos;
  }

  /** textVariant(), with the text counted against the budget (one unit per KiB). */
  private text(parts: Variant[], delimiter: string, path: NodePath, external: boolean, assumptions: Assumption[]): Variant | undefined {
    const v = textVariant(parts, delimiter, path, external, assumptions);
    if (v && typeof v.value === 'string') this.charge(v.value.length >> 10);
    return v;
  }

  /** How a condition can come out: decided (possibly by parameter defaults) or, if undecidable, both ways. */
  private branchesOf(name: string, depth: number): ConditionOutcome[] {
    const outcomes = this.evaluateCondition(name, depth);
    const out: ConditionOutcome[] = [];
    for (const o of outcomes) {
      if (o.value !== undefined) out.push(o);
      else {
        for (const value of [true, false]) {
          const merged = mergeAssumptions(o.assumptions, [{ kind: 'condition', name, value }]);
          if (merged) out.push({ value, assumptions: merged });
        }
      }
    }
    return out;
  }

  /**
   * A condition's outcomes, worked out once per template. Its evaluation has a budget of its own, so that what it
   * comes to does not depend on which value asked first; a condition over it is undecidable.
   */
  private evaluateCondition(name: string, depth: number): ConditionOutcome[] {
    const memo = this.conditionMemo.get(name);
    if (memo) return memo;
    if (!this.template.conditions.has(name) || this.conditionsInProgress.has(name)) return UNDECIDED;
    this.charge(0);
    const { stopAt, over } = this;
    const started = this.spent;
    this.startValue();
    this.conditionsInProgress.add(name);
    let result = collapseMappingKeys(this.conditionExpression(this.template.conditions.get(name), depth + 1));
    this.conditionsInProgress.delete(name);
    if (this.over) result = UNDECIDED;
    this.conditionMemo.set(name, result);
    // Back to the value that asked: the condition's work is the template's, not that value's.
    this.stopAt = Math.min(stopAt + (this.spent - started), TEMPLATE_BUDGET);
    this.over = over || this.spent > this.stopAt;
    return result;
  }

  private conditionExpression(node: unknown, depth: number): ConditionOutcome[] {
    if (depth > MAX_DEPTH || !this.charge(1)) return UNDECIDED;
    if (typeof node === 'boolean') return [{ value: node, assumptions: [] }];
    const intrinsic = intrinsicOf(node, true);
    if (!intrinsic) return UNDECIDED;
    const { name, args } = intrinsic;
    if (name === 'Condition') return typeof args === 'string' ? this.evaluateCondition(args, depth) : UNDECIDED;
    if (name === 'Fn::Equals') {
      if (!Array.isArray(args) || args.length !== 2) return UNDECIDED;
      const pairs = this.combine([this.resolve(args[0], [], true, [], depth + 1), this.resolve(args[1], [], true, [], depth + 1)], MAX_OUTCOMES);
      if (!pairs) return UNDECIDED;
      const out: ConditionOutcome[] = [];
      for (let i = 0; i < pairs.length; i++) {
        const [a, b] = pairs[i]!;
        const merged = mergeAssumptions(a!.assumptions, b!.assumptions) ?? [];
        if (!comparable(a!) || !comparable(b!)) out.push({ value: undefined, assumptions: merged });
        else out.push({ value: scalarText(a!.value ?? '') === scalarText(b!.value ?? ''), assumptions: merged });
      }
      return out.length ? out : UNDECIDED;
    }
    if (name === 'Fn::Not' || name === 'Fn::And' || name === 'Fn::Or') {
      if (!Array.isArray(args) || args.length === 0) return UNDECIDED;
      // Operand by operand, keeping only the consistent combinations: dropping the contradicting ones first is what
      // keeps conditions over the same parameters small; past MAX_OUTCOMES the condition is undecidable.
      let acc: ConditionOutcome[] = [{ value: name !== 'Fn::Or', assumptions: [] }];
      for (let i = 0; i < args.length; i++) {
        const operand = this.conditionExpression(args[i], depth + 1);
        if (!this.charge(acc.length * operand.length)) return UNDECIDED;
        const next: ConditionOutcome[] = [];
        for (let p = 0; p < acc.length; p++) {
          for (let o = 0; o < operand.length; o++) {
            const merged = mergeAssumptions(acc[p]!.assumptions, operand[o]!.assumptions);
            if (!merged) continue;
            const a = acc[p]!.value;
            const b = name === 'Fn::Not' ? negate(operand[o]!.value) : operand[o]!.value;
            next.push({ value: name === 'Fn::Or' ? or(a, b) : and(a, b), assumptions: merged });
          }
        }
        if (next.length > MAX_OUTCOMES) return UNDECIDED;
        acc = next;
        // Fn::Not takes one operand.
        if (name === 'Fn::Not') break;
      }
      return acc.length ? acc : UNDECIDED;
    }
    return UNDECIDED;
  }
}

/** How a condition comes out when it cannot be decided. */
const UNDECIDED: ConditionOutcome[] = [{ value: undefined, assumptions: [] }];

/** Three-valued logic: undefined is "cannot be decided". */
function and(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  return a === false || b === false ? false : a === undefined || b === undefined ? undefined : true;
}

function or(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  return a === true || b === true ? true : a === undefined || b === undefined ? undefined : false;
}

function negate(a: boolean | undefined): boolean | undefined {
  return a === undefined ? undefined : !a;
}

/** Fn::Equals compares literal scalars (an absent value is the empty string); nothing else is decided. */
function comparable(v: Variant): boolean {
  return v.kind === 'absent' || (v.kind === 'literal' && isScalar(v.value) && !v.symbolic);
}

/**
 * A condition over an enumerated mapping (e.g. a RegionMap keyed by AWS::Region) is not an alternative the
 * user chooses: if every entry agrees the condition is decided, otherwise it is simply undecidable.
 */
function collapseMappingKeys(outcomes: ConditionOutcome[]): ConditionOutcome[] {
  if (!outcomes.some((o) => o.assumptions.some((a) => a.kind === 'mapping-key'))) return outcomes;
  const values = new Set(outcomes.map((o) => o.value));
  const rest = outcomes[0]!.assumptions.filter((a) => a.kind !== 'mapping-key');
  return [{ value: values.size === 1 ? outcomes[0]!.value : undefined, assumptions: values.size === 1 ? rest : [] }];
}

function loopAssumptions(parameters: ReadonlyArray<{ name: string; value: string; source: 'given' | 'default' }>): Assumption[] {
  return mergeAssumptions(...parameters.map((p): Assumption[] => [{ kind: 'parameter', name: p.name, value: p.value, source: p.source }])) ?? [];
}

/** A value resolve() returns as it is: a scalar that is no dynamic reference, or a container that is no intrinsic. */
function isPlainLiteral(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return !isDynamicReference(node);
  return !(node instanceof Opaque) && intrinsicName(node) === undefined;
}

/** One value of a parameter, as a variant that rests on it (none when it contradicts an earlier assumption). */
function parameterValue(
  param: Parameter,
  value: unknown,
  source: 'given' | 'default' | 'allowed',
  path: NodePath,
  assumptions: Assumption[],
  out: Variant[],
): void {
  const merged = mergeAssumptions(assumptions, [{ kind: 'parameter', name: param.name, value, source }]);
  if (!merged) return;
  const isList = param.type.startsWith('List<') || param.type === 'CommaDelimitedList';
  out.push(literalVariant(isList && typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value, path, true, merged));
}

/** Past MAX_VARIANTS, one unknown variant; "too complex" when some of them were past the budget already. */
function cap(variants: Variant[], path: NodePath): Variant[] {
  if (variants.length <= MAX_VARIANTS) return variants;
  for (let i = 0; i < variants.length; i++) {
    if (variants[i]!.origin?.kind === 'too-complex') return [unknownVariant(TOO_COMPLEX, path, false, [], TOO_COMPLEX_ORIGIN)];
  }
  return tooMany(path);
}

function tooMany(path: NodePath): Variant[] {
  return [unknownVariant(TOO_MANY, path, false, [], TOO_COMPLEX_ORIGIN)];
}

/** The text a part contributes to Fn::Sub / Fn::Join: a scalar literal, or a pseudo parameter's placeholder. */
function textOf(v: Variant): { text: string; symbolic: boolean } | undefined {
  if (v.kind === 'literal' && isScalar(v.value)) return { text: scalarText(v.value), symbolic: v.symbolic === true };
  if (v.kind === 'unknown' && v.pseudo) return { text: `\${${v.pseudo}}`, symbolic: true };
  return undefined;
}

/**
 * Fn::Sub and Fn::Join: the parts' texts joined into one literal (symbolic if any part is), or undefined when a part
 * has none. Past MAX_TEXT characters the text is unknown: it is not built to the end.
 */
function textVariant(parts: Variant[], delimiter: string, path: NodePath, external: boolean, assumptions: Assumption[]): Variant | undefined {
  let text = '';
  let symbolic = false;
  for (let i = 0; i < parts.length; i++) {
    const piece = textOf(parts[i]!);
    if (!piece) return undefined;
    text += i === 0 ? piece.text : delimiter + piece.text;
    if (piece.symbolic) symbolic = true;
    if (text.length > MAX_TEXT) return unknownVariant(`a text longer than ${MAX_TEXT >> 20} MiB`, path, external, assumptions);
  }
  const v = literalVariant(text, path, external, assumptions);
  if (symbolic) v.symbolic = true;
  return v;
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** CloudFormation compares and joins values as strings. */
export function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'a mapping' : `the ${typeof value} ${JSON.stringify(typeof value === 'string' ? clip(value) : value)}`;
}

/** Fn::Cidr for IPv4: `count` consecutive blocks with `bits` host bits each, from the start of `block`. */
export function cidrSubnets(block: string, count: number, bits: number): string[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(block.trim());
  if (!match || !Number.isInteger(count) || !Number.isInteger(bits) || count < 1 || count > 256 || bits < 0 || bits > 32) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32 || 32 - bits < prefix) return undefined;
  const base = ((octets[0]! << 24) >>> 0) + (octets[1]! << 16) + (octets[2]! << 8) + octets[3]!;
  const size = 2 ** bits;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = base + i * size;
    if (n > 0xffffffff) return undefined;
    out.push(`${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${32 - bits}`);
  }
  return out;
}
