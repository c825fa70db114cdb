import { defineRule } from '../../src/engine/rule.ts';
import { isSet } from '../../src/values/coerce.ts';

export default defineRule({
  id: 'sns-encrypted-kms',
  pillar: 'security',
  level: 'warning',
  title: 'SNS topics are encrypted with KMS',
  rationale:
    'SNS stores messages at rest until they are delivered, and it has no default encryption: without a KMS key the ' +
    'payloads (order details, alerts with hostnames, personal data) sit in the service unencrypted by any key you control, ' +
    'and no key policy or CloudTrail key-usage record stands between them and a reader.',
  remediation:
    'Set `KmsMasterKeyId` to a customer managed key (or `alias/aws/sns`). Topics that AWS services publish to (CloudWatch ' +
    'alarms, S3 event notifications, EventBridge) need a customer managed key whose key policy lets that service use it: ' +
    'the AWS managed `alias/aws/sns` key policy cannot be changed.\n\n' +
    '```yaml\nKmsMasterKeyId: !Ref TopicKey   # or alias/aws/sns\n```',
  wellArchitected: ['SEC08-BP02'],
  securityHub: ['SNS.1'],
  securitySeverity: '5.5',
  appliesTo: ['AWS::SNS::Topic'],
  peers: {
    checkov: ['CKV_AWS_26'], // KmsMasterKeyId set
    cfn_nag: ['W47'], // KmsMasterKeyId set
    cdk_nag: ['AwsSolutions-SNS2', 'SNSEncryptedKMS'], // server-side encryption with a KMS key
    guard: ['SNS_ENCRYPTED_KMS'],
  },
  messages: {
    unencrypted: 'Topic {{logicalId}} is not encrypted at rest: KmsMasterKeyId is {{state}}.',
  },
  docs: {
    noncompliant: ['Resources:', '  OrderEvents:', '    Type: AWS::SNS::Topic', '    Properties:', '      TopicName: order-events'].join('\n'),
    compliant: [
      'Resources:',
      '  TopicKey:',
      '    Type: AWS::KMS::Key',
      '    Properties:',
      '      EnableKeyRotation: true',
      '      KeyPolicy:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      "            Principal: {AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'}",
      '            Action: kms:*',
      '            Resource: "*"',
      '  OrderEvents:',
      '    Type: AWS::SNS::Topic',
      '    Properties:',
      '      TopicName: order-events',
      '      KmsMasterKeyId: !Ref TopicKey',
    ].join('\n'),
    notes:
      'Any `KmsMasterKeyId` passes: the AWS managed key `alias/aws/sns`, a key ARN, alias or id, or a reference to an ' +
      '`AWS::KMS::Key` of the template. Unlike SQS (SSE-SQS since 2022) and S3 (SSE-S3 since 2023), SNS has no default ' +
      'encryption at rest, so a topic without the property fails. A `KmsMasterKeyId` only known at deploy time (an ' +
      'import, a parameter without a Default) is not a finding; `--report-unknown` lists it. Keep in mind that topics ' +
      'fed by AWS services (CloudWatch alarms, S3 notifications) need a customer managed key whose policy admits the ' +
      'service.',
  },
  check(topic, ctx) {
    for (const key of ctx.value(topic, ['Properties', 'KmsMasterKeyId'])) {
      // A Ref or GetAtt of a key in the template names a key: set, whatever its id turns out to be.
      if (key.ref) continue;
      if (!ctx.known(key, 'KmsMasterKeyId') || isSet(key)) continue;
      // An empty string (often a parameter Default) turns encryption off like a missing property.
      const state = key.kind === 'absent' ? 'not set (SNS has no default encryption at rest)' : 'an empty string';
      ctx.report({ messageId: 'unencrypted', at: key, data: { state } });
    }
  },
});
