import type { NodePath } from '../parse/types.ts';
import type { ResourceGraph } from '../graph/graph.ts';
import type { Resource, Template } from '../template/model.ts';
import type { Variant } from '../values/variant.ts';
import type { Level, Peers, RuleMeta } from './types.ts';

export interface ReportDescriptor {
  messageId: string;
  /** Where the finding points: a variant (its path, and its assumptions enter the message), or a path inside the resource. */
  at?: Variant | NodePath;
  /** Other variants the finding depends on: their assumptions (parameter defaults, condition branches) are named too. */
  because?: Variant[];
  /**
   * Values for the message's `{{ key }}` placeholders. Each is clipped to about 200 characters; a value that is not a
   * string or a number (a list, a mapping) is written as short JSON.
   */
  data?: Record<string, unknown>;
  /** This report's level when it differs from the rule's (e.g. read replicas as notes); a level set in the config wins. */
  level?: Level;
  /** Replace the value at `at` with this text (offered as a SARIF fix). */
  fix?: { text: string; description: string };
}

export interface RuleContext<Options = Record<string, unknown>> {
  readonly template: Template;
  readonly graph: ResourceGraph;
  readonly options: Options;
  /** The variants of the value at `path` (relative to the resource, or to a variant). */
  value(from: Resource | Variant, path: NodePath): Variant[];
  /** The elements of a list-valued property; an unknown list is one unknown variant, an absent one none. */
  items(from: Resource | Variant, path: NodePath): Variant[];
  report(descriptor: ReportDescriptor): void;
  /** Note a value the rule needed but cannot know (listed under --report-unknown). */
  unknown(variant: Variant, what: string): void;
}

/**
 * What a rule file declares: the documented fields of RuleMeta (the optional lists default to empty, helpUri comes
 * from the first Well-Architected best practice), plus its messages, options and check.
 */
export interface RuleDefinition<Options = any>
  extends Omit<RuleMeta, 'securityHub' | 'tags' | 'peers' | 'helpUri' | 'builtin' | 'examples'>,
    Partial<Pick<RuleMeta, 'securityHub' | 'tags'>> {
  /** Checks of other tools that cover this rule (or part of it): their suppressions in the template count here. */
  peers?: Peers;
  messages: Record<string, string>;
  /** JSON schema of the options object. */
  optionsSchema?: Record<string, unknown>;
  defaultOptions?: Options;
  check(resource: Resource, ctx: RuleContext<Options>): void;
}

/** Typed identity: keeps rule files declarative and checked by the compiler. */
export function defineRule<Options = Record<string, never>>(rule: RuleDefinition<Options>): RuleDefinition<Options> {
  return rule;
}
