import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asNumber, asString } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';

const QUEUE = 'AWS::SQS::Queue';
/** SQS keeps a message 4 days unless told otherwise. */
const DEFAULT_RETENTION = 345600;

/**
 * Where a reference makes its target a place for failed messages: a queue's or SNS subscription's RedrivePolicy, a
 * function's DeadLetterConfig (SAM: DeadLetterQueue), an OnFailure destination, an EventBridge, Pipes or Scheduler
 * target's DeadLetterConfig, an IoT rule's ErrorAction.
 */
const DEAD_LETTER_SEGMENT = /^(RedrivePolicy|DeadLetterConfig|DeadLetterQueue|OnFailure|ErrorAction)$/;
/** Names that say a queue is itself a dead-letter queue (for a queue whose source is in another stack). */
const DEAD_LETTER_NAME = /dlq|dead-?letter|deadletter/i;

// Declared apart from the rule so that the functions below report with checked message ids.
const messages = {
  noDlq:
    'Queue {{logicalId}} has no dead-letter queue (RedrivePolicy is not set): a message its consumer cannot process is received again until it expires, then lost.',
  dlqExpiresFirst:
    'Dead-letter queue {{logicalId}} keeps messages {{dlq}} while its source queue {{source}} keeps them {{sourceRetention}}: a message keeps its first enqueue time, so it can expire in the dead-letter queue before anyone looks at it.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

export default defineRule({
  id: 'sqs-queue-dlq-configured',
  pillar: 'reliability',
  level: 'note',
  title: 'SQS queues have a dead-letter queue',
  rationale:
    'A message that its consumer cannot process (bad data, a bug, a downstream outage) goes back to the queue after each ' +
    'visibility timeout and is received again and again until it expires: it uses consumer time on every try, can block ' +
    'a FIFO message group, and is then lost without a trace. A dead-letter queue takes it aside after a few tries so that ' +
    'someone can look at it and redrive it.',
  remediation:
    'Add a `RedrivePolicy` pointing at a dead-letter queue, with a `maxReceiveCount` above the number of retries a ' +
    'healthy consumer needs. Give the dead-letter queue a longer `MessageRetentionPeriod` than the source queue (up to ' +
    '14 days) and an alarm on its `ApproximateNumberOfMessagesVisible`.\n\n' +
    '```yaml\nRedrivePolicy:\n  deadLetterTargetArn: !GetAtt OrdersDlq.Arn\n  maxReceiveCount: 5\n```',
  wellArchitected: ['REL05-BP04', 'REL04-BP02'],
  appliesTo: [QUEUE],
  peers: { checkov: [], cfn_nag: [], cdk_nag: ['AwsSolutions-SQS3', 'SQSRedrivePolicy'] },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersQueue:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      VisibilityTimeout: 60',
      '      SqsManagedSseEnabled: true',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersQueue:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      VisibilityTimeout: 60',
      '      SqsManagedSseEnabled: true',
      '      RedrivePolicy:',
      '        deadLetterTargetArn: !GetAtt OrdersDlq.Arn',
      '        maxReceiveCount: 5',
      '  OrdersDlq:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      MessageRetentionPeriod: 1209600',
      '      SqsManagedSseEnabled: true',
    ].join('\n'),
    notes:
      'Not applicable: queues that are themselves dead-letter queues. A queue is one when something in the template sends ' +
      "failed messages to it (another queue's or an SNS subscription's `RedrivePolicy`, a Lambda function's " +
      '`DeadLetterConfig` or SAM `DeadLetterQueue`, an `OnFailure` destination of an event source mapping or event invoke ' +
      "config, an EventBridge rule, pipe or schedule target's `DeadLetterConfig`, an IoT rule's `ErrorAction`), when its " +
      '`RedriveAllowPolicy` allows other queues to use it, or when its logical id or `QueueName` says so (`dlq`, ' +
      '`dead-letter`, `deadletter`): its source may be in another stack. A `RedrivePolicy` only known at deploy time (an ' +
      'import, a parameter without a Default) is not a finding; `--report-unknown` lists it.\n\n' +
      'Second message: for a standard queue, a message keeps its first enqueue time when it moves to the dead-letter ' +
      'queue, so a dead-letter queue whose `MessageRetentionPeriod` (default 4 days) is not longer than its source ' +
      "queue's can drop messages as soon as they arrive. FIFO queues reset the time and are not checked.",
  },
  check(queue, ctx) {
    checkDeadLetterRetention(queue, ctx);
    if (isDeadLetterQueue(queue, ctx)) return;
    for (const redrive of ctx.value(queue, ['Properties', 'RedrivePolicy'])) {
      if (!ctx.known(redrive, 'RedrivePolicy')) continue;
      if (redrive.kind === 'absent') ctx.report({ messageId: 'noDlq', at: redrive });
    }
  },
});

/** Whether the queue is where failed messages go: by a reference in the template, its RedriveAllowPolicy or its name. */
function isDeadLetterQueue(queue: Resource, ctx: Ctx): boolean {
  if (DEAD_LETTER_NAME.test(queue.logicalId)) return true;
  for (const name of ctx.value(queue, ['Properties', 'QueueName'])) {
    const text = asString(name);
    if (text !== undefined && DEAD_LETTER_NAME.test(text)) return true;
  }
  // Only a queue meant to receive failed messages allows source queues (denyAll says the opposite).
  for (const allow of ctx.value(queue, ['Properties', 'RedriveAllowPolicy'])) {
    if (allow.kind === 'absent') continue;
    const permission = allow.kind === 'literal' ? ctx.value(allow, ['redrivePermission']).map(asString) : [];
    if (!permission.includes('denyAll')) return true;
  }
  return ctx.graph.referrers(queue.logicalId).some(({ edge }) => edge.path.some((p) => typeof p === 'string' && DEAD_LETTER_SEGMENT.test(p)));
}

/** The second message: a standard-queue DLQ whose retention is not longer than a source queue's. */
function checkDeadLetterRetention(dlq: Resource, ctx: Ctx): void {
  for (const { resource: source } of ctx.graph.referrers(dlq.logicalId, QUEUE, ['Properties', 'RedrivePolicy'])) {
    for (const [fifo, dlqRetention, sourceRetention] of ctx.each(
      ctx.value(dlq, ['Properties', 'FifoQueue']),
      ctx.value(dlq, ['Properties', 'MessageRetentionPeriod']),
      ctx.value(source, ['Properties', 'MessageRetentionPeriod']),
    )) {
      if (asBoolean(fifo) === true) continue; // FIFO queues restart the clock when a message moves
      if (!ctx.known(dlqRetention, 'MessageRetentionPeriod') || !ctx.known(sourceRetention, "the source queue's MessageRetentionPeriod")) continue;
      const mine = dlqRetention.kind === 'absent' ? DEFAULT_RETENTION : asNumber(dlqRetention);
      const theirs = sourceRetention.kind === 'absent' ? DEFAULT_RETENTION : asNumber(sourceRetention);
      if (mine === undefined || theirs === undefined || mine > theirs) continue;
      ctx.report({
        messageId: 'dlqExpiresFirst',
        at: dlqRetention,
        because: [sourceRetention, fifo],
        data: {
          dlq: retentionText(mine, dlqRetention.kind === 'absent'),
          source: source.logicalId,
          sourceRetention: retentionText(theirs, sourceRetention.kind === 'absent'),
        },
      });
    }
  }
}

function retentionText(seconds: number, byDefault: boolean): string {
  const days = seconds / 86400;
  const text = Number.isInteger(days) ? `${days} day${days === 1 ? '' : 's'}` : `${valueText(seconds)} seconds`;
  return byDefault ? `${text} (the default)` : text;
}
