import { defineRule } from '../../src/engine/rule.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import { asBoolean, isSet } from '../../src/values/coerce.ts';

export default defineRule({
  id: 'cloudtrail-encryption-enabled',
  pillar: 'security',
  level: 'warning',
  tags: ['operational-excellence'],
  title: 'CloudTrail trails encrypt log files with KMS',
  rationale:
    'CloudTrail logs record who did what in the account; they are what an investigation reads after an incident. ' +
    'Without a KMS key they are only encrypted with S3-managed keys, so anyone who can read the bucket can read them. ' +
    'SSE-KMS adds a key policy as a second gate, and log file validation shows whether a log was changed or deleted ' +
    'after delivery. A trail that covers one Region misses activity in the others.',
  remediation:
    'Set `KMSKeyId` to a KMS key whose policy lets CloudTrail encrypt (`cloudtrail.amazonaws.com`, `kms:GenerateDataKey*`) ' +
    'and your auditors decrypt; turn on log file validation and make the trail multi-Region.\n\n' +
    '```yaml\nKMSKeyId: !Ref TrailKey\nEnableLogFileValidation: true\nIsMultiRegionTrail: true\n```',
  wellArchitected: ['SEC08-BP02', 'SEC04-BP01'],
  securityHub: ['CloudTrail.2', 'CloudTrail.4', 'CloudTrail.1'],
  securitySeverity: '4.0',
  appliesTo: ['AWS::CloudTrail::Trail'],
  peers: {
    checkov: [
      { id: 'CKV_AWS_35', messages: ['noKms'] }, // KMSKeyId set
      { id: 'CKV_AWS_36', messages: ['noValidation'] }, // EnableLogFileValidation true
      { id: 'CKV_AWS_67', messages: ['singleRegion'] }, // IsMultiRegionTrail true
    ],
    cfn_nag: [],
    cdk_nag: [
      { id: 'CloudTrailEncryptionEnabled', messages: ['noKms'] },
      { id: 'CloudTrailLogFileValidationEnabled', messages: ['noValidation'] },
    ],
    guard: [
      { id: 'CLOUD_TRAIL_ENCRYPTION_ENABLED', messages: ['noKms'] },
      { id: 'CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED', messages: ['noValidation'] },
      { id: 'MULTI_REGION_CLOUD_TRAIL_ENABLED', messages: ['singleRegion'] },
    ],
  },
  messages: {
    noKms:
      'Trail {{logicalId}} does not encrypt its log files with KMS: KMSKeyId is {{state}}, so anyone who can read the log bucket can read the audit trail.',
    noValidation: 'Trail {{logicalId}} does not validate its log files: EnableLogFileValidation is {{state}}, so a changed or deleted log cannot be detected.',
    singleRegion: 'Trail {{logicalId}} records one Region only: IsMultiRegionTrail is {{state}}, so activity in other Regions goes unlogged.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  AuditTrail:',
      '    Type: AWS::CloudTrail::Trail',
      '    Properties:',
      '      IsLogging: true',
      '      S3BucketName: !Ref AuditLogBucket',
      '      EnableLogFileValidation: true',
      '      IsMultiRegionTrail: true',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  AuditTrail:',
      '    Type: AWS::CloudTrail::Trail',
      '    Properties:',
      '      IsLogging: true',
      '      S3BucketName: !Ref AuditLogBucket',
      '      KMSKeyId: !Ref TrailKey',
      '      EnableLogFileValidation: true',
      '      IsMultiRegionTrail: true',
    ].join('\n'),
    notes:
      'Any `KMSKeyId` passes (a key of the template, an ARN, an alias). Log file validation and multi-Region coverage ' +
      '(Security Hub CloudTrail.4 and CloudTrail.1) share the trail and its fix, so they are reported by this rule too, ' +
      'as notes: an organization may run one multi-Region trail and keep single-Region trails for other purposes. ' +
      'A trail created through the API (as CloudFormation does) uses SSE-S3 unless a key is given, even though the ' +
      'console suggests SSE-KMS. A value only known at deploy time (an import, a parameter without a Default) is not ' +
      'a finding; `--report-unknown` lists it.',
  },
  check(trail, ctx) {
    for (const key of ctx.value(trail, ['Properties', 'KMSKeyId'])) {
      // A Ref or GetAtt of a key in the template names a key: set, whatever its id turns out to be.
      if (key.ref) continue;
      if (!ctx.known(key, 'KMSKeyId') || isSet(key)) continue;
      ctx.report({ messageId: 'noKms', at: key, data: { state: key.kind === 'absent' ? 'not set' : 'an empty string' } });
    }
    // Validation and multi-Region are secondary controls on the same trail: notes.
    const flags = [
      { name: 'EnableLogFileValidation', messageId: 'noValidation', fix: 'Turn on log file validation' },
      { name: 'IsMultiRegionTrail', messageId: 'singleRegion', fix: 'Make the trail multi-Region' },
    ] as const;
    for (const { name, messageId, fix } of flags) {
      for (const flag of ctx.value(trail, ['Properties', name])) {
        if (!ctx.known(flag, name) || asBoolean(flag) === true) continue;
        ctx.report({
          messageId,
          level: 'note',
          at: flag,
          data: { state: stateText(flag, 'the default is false') },
          fix: flag.kind === 'literal' ? { text: 'true', description: fix } : undefined,
        });
      }
    }
  },
});
