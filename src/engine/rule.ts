import type { NodePath } from '../parse/types.ts';
import type { ResourceGraph } from '../graph/graph.ts';
import type { Resource, Template } from '../template/model.ts';
import type { Variant } from '../values/variant.ts';
import type { Level, Pillar } from './types.ts';

export interface ReportDescriptor {
  messageId: string;
  /** Where the finding points: a variant (its path, and its assumptions enter the message), or a path inside the resource. */
  at?: Variant | NodePath;
  /** Other variants the finding depends on: their assumptions (parameter defaults, condition branches) are named too. */
  because?: Variant[];
  data?: Record<string, string | number>;
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

export interface RuleDefinition<Options = any> {
  /** Permanent kebab-case id, equal to the file name. */
  id: string;
  /** Equal to the parent folder. */
  pillar: Pillar;
  level: Level;
  title: string;
  /** Why it matters (markdown). */
  rationale: string;
  /** What to do (markdown, usually with the fix as a yaml snippet). */
  remediation: string;
  wellArchitected: string[];
  securityHub?: string[];
  securitySeverity?: string;
  appliesTo: string[];
  tags?: string[];
  peers?: Record<string, string[]>;
  experimental?: boolean;
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
