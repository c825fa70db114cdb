// Compile-time checks of the rule kit: each `@ts-expect-error` below must be an error, or `npm run typecheck` fails.
// Nothing here runs.
import { defineRule } from '../../src/engine/rule.ts';
import { option } from '../../src/engine/options.ts';

export const typed = defineRule({
  id: 'typed-example',
  pillar: 'reliability',
  level: 'warning',
  title: 'A rule that only exists to be type-checked',
  rationale: 'Checks the kit.',
  remediation: 'None.',
  wellArchitected: ['REL09-BP01'],
  appliesTo: ['AWS::SQS::Queue'],
  options: {
    minDays: option.number({ description: 'Fewest days messages are kept.', default: 4 }),
    mode: option.oneOf(['strict', 'lenient'] as const, { description: 'How strict.', default: 'strict' }),
  },
  messages: {
    short: 'Queue {{logicalId}} keeps messages {{days}} days, fewer than {{minDays}}.',
    plain: 'Queue {{logicalId}} has no retention set.',
  },
  check(queue, ctx) {
    const days: number = ctx.options.minDays;
    const mode: 'strict' | 'lenient' = ctx.options.mode;
    // @ts-expect-error: an option the rule does not declare
    void ctx.options.maxDays;
    ctx.report({ messageId: 'short', data: { days: 1, minDays: days } });
    ctx.report({ messageId: 'plain' });
    // @ts-expect-error: a message id the rule does not declare
    ctx.report({ messageId: 'long' });
    // @ts-expect-error: a placeholder without its data
    ctx.report({ messageId: 'short', data: { days: 1 } });
    // @ts-expect-error: data the message has no placeholder for
    ctx.report({ messageId: 'short', data: { days: 1, minDays: days, extra: true } });
    // @ts-expect-error: data for a message without placeholders
    ctx.report({ messageId: 'plain', data: { days: 1 } });
    for (const [retention, delay] of ctx.each(ctx.value(queue, ['Properties', 'MessageRetentionPeriod']), ctx.value(queue, ['Properties', 'DelaySeconds']))) {
      // Typed tuple members: no `!` needed, and no third member.
      if (!ctx.known(retention, 'MessageRetentionPeriod') || retention.kind === 'absent') continue;
      void delay.kind;
    }
    void mode;
  },
});
