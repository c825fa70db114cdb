// A queue whose messages expire before a consumer outage is over loses them: keep them as long as an outage can last.
import { defineRule, option } from 'pillars-lint';
import { asNumber } from 'pillars-lint';

/** SQS keeps messages 4 days unless MessageRetentionPeriod says otherwise. */
const DEFAULT_SECONDS = 345_600;

export default defineRule({
  id: 'sqs-retention-period',
  pillar: 'reliability',
  level: 'warning',
  title: 'SQS queues keep messages long enough to outlast an outage of their consumers',
  rationale:
    'Messages that expire while the consumers are down are lost without a trace. The retention period should outlast the ' +
    'longest outage the team plans for, including a weekend.',
  remediation: 'Set `MessageRetentionPeriod` (in seconds) to at least the `minDays` option.\n\n```yaml\nMessageRetentionPeriod: 1209600   # 14 days\n```',
  wellArchitected: ['REL05-BP01'],
  appliesTo: ['AWS::SQS::Queue'],
  helpUri: 'https://github.com/pillars-lint/pillars-lint/blob/main/examples/plugin/README.md',
  options: {
    minDays: option.number({ description: 'Fewest days a message must be kept before it expires.', default: 7, minimum: 1 }),
  },
  messages: {
    tooShort: 'Queue {{logicalId}} keeps messages {{days}} days{{why}}, fewer than {{minDays}}.',
  },
  docs: {
    noncompliant: 'Resources:\n  Orders:\n    Type: AWS::SQS::Queue\n    Properties:\n      MessageRetentionPeriod: 86400\n',
    compliant: 'Resources:\n  Orders:\n    Type: AWS::SQS::Queue\n    Properties:\n      MessageRetentionPeriod: 1209600\n',
  },
  check(queue, ctx) {
    const { minDays } = ctx.options;
    for (const retention of ctx.value(queue, ['Properties', 'MessageRetentionPeriod'])) {
      // A value only known at deploy time never fails a rule: --report-unknown lists it.
      if (!ctx.known(retention, 'MessageRetentionPeriod')) continue;
      const seconds = retention.kind === 'absent' ? DEFAULT_SECONDS : asNumber(retention);
      if (seconds === undefined || seconds >= minDays * 86_400) continue;
      ctx.report({
        messageId: 'tooShort',
        at: retention,
        data: { days: Math.round((seconds / 86_400) * 10) / 10, minDays, why: retention.kind === 'absent' ? ' (MessageRetentionPeriod is not set)' : '' },
        fix: retention.kind === 'literal' ? { text: String(minDays * 86_400), description: `Keep messages ${minDays} days` } : undefined,
      });
    }
  },
});
