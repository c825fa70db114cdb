// The commonest rule: "property P must be X". requireValue() walks every way the property can come out, leaves unknown
// values to --report-unknown, and reports the failing ones with the rule's message and, where the remedy is one value,
// a fix.
import type { NodePath } from '../parse/types.ts';
import type { KnownVariant, Messages, ReportDescriptor, RuleContext } from '../engine/rule.ts';
import type { Resource } from '../template/model.ts';
import { valueText } from '../values/quote.ts';
import type { Variant } from '../values/variant.ts';

export interface Requirement<M extends Messages> {
  /** Where the property is, from the resource (or the variant) given. */
  path: NodePath;
  /** What the value is called in --report-unknown ("DeletionProtection"). */
  what: string;
  /** Whether a known value (a literal, or absent) passes. */
  ok(value: KnownVariant): boolean;
  /** The message for a failing value; its `{{state}}` placeholder is filled with stateText(). */
  messageId: keyof M & string;
  /** Data for the message's other placeholders. */
  data?: Record<string, unknown>;
  /** What an absent value means, for the message: "the default is false". */
  absent?: string;
  /** Other values the verdict rests on (their assumptions are named), e.g. the engine that makes the rule apply. */
  because?: Variant[];
  /** The literal text that fixes a failing literal value (SARIF fix). */
  fix?: { text: string; description: string };
}

/**
 * Reports every way the property at `path` fails the requirement. Unknown values never fail: they are listed under
 * --report-unknown as `what`.
 */
export function requireValue<M extends Messages>(ctx: RuleContext<any, M>, from: Resource | Variant, requirement: Requirement<M>): void {
  const because = requirement.because ?? [];
  for (const value of ctx.value(from, requirement.path)) {
    // A reading that cannot occur together with what the verdict rests on (another branch of a condition) is no
    // reading at all: not a finding, and not an unknown to list either.
    if (because.length && !ctx.each([value], ...because.map((b) => [b])).length) continue;
    if (!ctx.known(value, requirement.what) || requirement.ok(value)) continue;
    ctx.report({
      messageId: requirement.messageId,
      at: value,
      because: requirement.because,
      data: { ...requirement.data, state: stateText(value, requirement.absent) },
      fix: requirement.fix && value.kind === 'literal' ? requirement.fix : undefined,
    } as unknown as ReportDescriptor<M>);
  }
}

/** How a known value stands, for a message: the value (clipped), or "not set (the default is …)" when absent. */
export function stateText(value: KnownVariant, absent?: string): string {
  if (value.kind === 'absent') return absent ? `not set (${absent})` : 'not set';
  return valueText(value.value);
}
