// The rule API: what a rule file declares (defineRule) and what its check can ask (RuleContext).
//
// How a verdict is reached, so that a rule only says what is wrong:
// - `ctx.value()` gives every way a property can come out under the intrinsic policy (docs/value-model.md): literal
//   values, `absent` (the AWS default applies) and `unknown` (an import, a parameter without a Default...), each with
//   the assumptions it rests on (a parameter's Default or AllowedValue, a condition branch, a mapping key).
// - A rule reports each failing variant with `ctx.report()`; it never reports an unknown one (`ctx.known()` notes it
//   for --report-unknown instead). The engine then settles the reports of one rule, resource, place and message into
//   one finding: at the rule's level when it fails as most likely deployed (given values, Defaults, either branch of
//   an undecided condition, or every key of a mapping), as a note naming the values when it fails only for some
//   AllowedValues or mapping keys, and not at all when the reports contradict each other.
import type { NodePath } from '../parse/types.ts';
import type { ResourceGraph } from '../graph/graph.ts';
import type { Resource, Template } from '../template/model.ts';
import type { Variant } from '../values/variant.ts';
import { optionDefaults, optionsSchema, type OptionDefs, type OptionsOf } from './options.ts';
import type { Level, Peers, RuleMeta } from './types.ts';

export type Messages = Record<string, string>;

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;

/** The `{{ name }}` placeholders of a message template, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{{${infer K}}}${infer Rest}` ? Trim<K> | Placeholders<Rest> : never;

/** Placeholders the engine fills in itself for every message. */
type EngineData = 'logicalId' | 'type';

/** The `data` a report of one message must give: exactly its placeholders (values are clipped and quoted safely). */
type DataField<S extends string> = string extends S
  ? { data?: Record<string, unknown> }
  : [Exclude<Placeholders<S>, EngineData>] extends [never]
    ? { data?: Record<string, never> }
    : { data: { [K in Exclude<Placeholders<S>, EngineData>]: unknown } };

interface ReportCommon {
  /** Where the finding points: a variant (its path, and its assumptions enter the message), or a path inside the resource. */
  at?: Variant | NodePath;
  /** Other variants the finding depends on: their assumptions (parameter defaults, condition branches) are named too. */
  because?: Variant[];
  /** This report's level when it differs from the rule's (e.g. read replicas as notes); a level set in the config wins. */
  level?: Level;
  /** Replace the value at `at` with this text (offered as a SARIF fix); only used when `at` is a literal in the resource. */
  fix?: { text: string; description: string };
}

/**
 * One report: a message id of the rule and the data its placeholders need, checked by the compiler (an unknown id,
 * a missing or an extra data key does not compile).
 */
export type ReportDescriptor<M extends Messages = Messages> = {
  [Id in keyof M & string]: ReportCommon & { messageId: Id } & DataField<M[Id]>;
}[keyof M & string];

/** A variant whose value is known: a literal, or absent (the AWS default applies). */
export type KnownVariant = Variant & { kind: 'literal' | 'absent' };

export interface RuleContext<Options = Record<string, unknown>, M extends Messages = Messages> {
  readonly template: Template;
  readonly graph: ResourceGraph;
  readonly options: Options;
  /** The variants of the value at `path` (relative to the resource, or to a variant). */
  value(from: Resource | Variant, path: NodePath): Variant[];
  /** The elements of a list-valued property; an unknown list is one unknown variant, an absent one none. */
  items(from: Resource | Variant, path: NodePath): Variant[];
  /**
   * Every consistent combination of one variant from each list, as a typed tuple: the readings of several
   * properties that can occur together in one deployment (contradicting assumptions are left out).
   */
  each<const T extends readonly (readonly Variant[])[]>(...lists: T): Array<{ -readonly [K in keyof T]: Variant }>;
  /**
   * True when the value is known (literal or absent). An unknown value is noted as `what` for --report-unknown and
   * false is returned: a rule never fails on a value it cannot know.
   */
  known(variant: Variant, what: string): variant is KnownVariant;
  report(descriptor: ReportDescriptor<M>): void;
  /** Note a value the rule needed but cannot know (listed under --report-unknown). */
  unknown(variant: Variant, what: string): void;
}

/** What a rule's docs page shows: examples written for people (each is checked: one fires, the other does not). */
export interface RuleDocs {
  /** A small template the rule flags (YAML). */
  noncompliant: string;
  /** The same template, fixed (YAML). */
  compliant: string;
  /** More to say: what is not applicable, how values are decided, where the rule differs from AWS's wording (markdown). */
  notes?: string;
  /** Options both examples are linted with, for a rule that says nothing until configured (the page shows them). */
  options?: Record<string, unknown>;
}

type MetaFields = Omit<RuleMeta, 'securityHub' | 'tags' | 'peers' | 'helpUri' | 'builtin' | 'examples'> &
  Partial<Pick<RuleMeta, 'securityHub' | 'tags'>> & {
    /** Checks of other tools that cover this rule (or part of it): their suppressions in the template count here. */
    peers?: Peers;
    /** The rule's documentation page; built-in rules get docs/rules/<id>.md, a plugin's rule may name its own. */
    helpUri?: string;
  };

/** What a rule file writes: the metadata, its messages, its options, examples for its docs, and its check. */
export interface RuleSpec<M extends Messages, O extends OptionDefs | undefined> extends MetaFields {
  /** Message templates by id; `{{ name }}` placeholders are filled from the report's data (logicalId and type always). */
  messages: M;
  /** The rule's options: each with its schema, description and default (see `option`). */
  options?: O;
  docs?: RuleDocs;
  check(resource: Resource, ctx: RuleContext<OptionsOf<O>, M>): void;
}

/** A rule as the engine runs it: the spec with its options compiled to a schema and defaults. */
export interface RuleDefinition extends MetaFields {
  messages: Messages;
  /** JSON schema of the options object (derived from the option definitions). */
  optionsSchema?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  /** The option definitions, for docs and `rules ID`. */
  options?: OptionDefs;
  docs?: RuleDocs;
  check(resource: Resource, ctx: RuleContext<any, any>): void;
}

/**
 * Declares a rule. The message ids and their placeholders, and the options' types, are inferred from the declaration,
 * so `ctx.report()` and `ctx.options` are checked by the compiler.
 */
export function defineRule<const M extends Messages, const O extends OptionDefs | undefined = undefined>(spec: RuleSpec<M, O>): RuleDefinition {
  const { options, ...rest } = spec;
  return {
    ...rest,
    check: spec.check as RuleDefinition['check'],
    ...(options ? { options, optionsSchema: optionsSchema(options), defaultOptions: optionDefaults(options) } : {}),
  };
}
