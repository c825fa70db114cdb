import { defineRule } from '../../src/engine/rule.ts';
import { asBoolean, isSet } from '../../src/values/coerce.ts';

export default defineRule({
  id: 'sqs-queue-encrypted',
  pillar: 'security',
  level: 'warning',
  title: 'SQS queues are encrypted at rest',
  rationale:
    'Messages wait in a queue for up to 14 days. Since October 2022 SQS encrypts new queues with SQS-owned keys ' +
    '(SSE-SQS) unless told otherwise; a queue that turns this off stores every message body unencrypted. A customer ' +
    'managed KMS key (SSE-KMS) adds a key policy and CloudTrail records of each use, which cross-account producers ' +
    'and regulated data often need.',
  remediation:
    'Leave `SqsManagedSseEnabled` out (or set it to true) for SSE-SQS, or set `KmsMasterKeyId` to a KMS key for ' +
    'SSE-KMS.\n\n```yaml\nSqsManagedSseEnabled: true\n# or, for SSE-KMS:\nKmsMasterKeyId: alias/aws/sqs\n```',
  wellArchitected: ['SEC08-BP02'],
  securityHub: ['SQS.1'],
  securitySeverity: '5.5',
  appliesTo: ['AWS::SQS::Queue'],
  peers: {
    // These ask for a KmsMasterKeyId (or, for cdk_nag, any SSE): every finding here is one of theirs too.
    checkov: ['CKV_AWS_27'],
    cfn_nag: ['W48'],
    cdk_nag: ['AwsSolutions-SQS2'],
    guard: ['SQS_QUEUE_KMS_MASTER_KEY_ID_RULE'],
  },
  messages: {
    disabled: 'Queue {{logicalId}} stores messages unencrypted: SqsManagedSseEnabled is false and no KmsMasterKeyId is set.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersQueue:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      QueueName: orders',
      '      VisibilityTimeout: 180',
      '      SqsManagedSseEnabled: false',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersQueue:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      QueueName: orders',
      '      VisibilityTimeout: 180',
      '      SqsManagedSseEnabled: true',
    ].join('\n'),
    notes:
      'A queue passes when it sets `KmsMasterKeyId` (SSE-KMS), or leaves `SqsManagedSseEnabled` out or true (SSE-SQS): ' +
      'since October 2022 SQS encrypts every new queue with SQS-owned keys unless it is told otherwise, so only ' +
      '`SqsManagedSseEnabled: false` without a `KmsMasterKeyId` fails. checkov CKV_AWS_27 and cfn_nag W48 are stricter ' +
      '(they ask for a KMS key on every queue), so their suppressions also cover this rule. Queues created before that ' +
      'change and never updated are not visible in a template. An empty `KmsMasterKeyId` counts as not set. A value ' +
      'only known at deploy time (an import, a parameter without a Default) is not a finding; `--report-unknown` lists it.',
  },
  check(queue, ctx) {
    for (const [sse, key] of ctx.each(ctx.value(queue, ['Properties', 'SqsManagedSseEnabled']), ctx.value(queue, ['Properties', 'KmsMasterKeyId']))) {
      // A Ref or GetAtt of a key in the template names a key: set, whatever its id turns out to be.
      if (key.ref) continue;
      if (!ctx.known(key, 'KmsMasterKeyId') || isSet(key)) continue;
      // Absent or true: SSE-SQS, on by default for new queues since October 2022.
      if (!ctx.known(sse, 'SqsManagedSseEnabled') || asBoolean(sse) !== false) continue;
      ctx.report({
        messageId: 'disabled',
        at: sse,
        because: [key],
        fix: sse.kind === 'literal' ? { text: 'true', description: 'Turn on SSE-SQS' } : undefined,
      });
    }
  },
});
