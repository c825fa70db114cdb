import { defineRule } from '../../src/engine/rule.ts';
import { logSources } from '../../src/rule-helpers/bucket-policy.ts';
import { asString } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';

const KMS = new Set(['aws:kms', 'aws:kms:dsse']);

export default defineRule({
  id: 's3-default-encryption-kms',
  pillar: 'security',
  level: 'note',
  title: 'S3 buckets default to SSE-KMS',
  rationale:
    'Every new object in S3 is encrypted (SSE-S3 has been the default for all buckets since January 2023), but with ' +
    'keys S3 manages and anyone with `s3:GetObject` can read it. With SSE-KMS, reading also needs `kms:Decrypt` on a ' +
    'key whose policy you control, and CloudTrail records every use of the key: a second, audited gate for sensitive data.',
  remediation:
    "Set the bucket's default encryption to `aws:kms` with a customer managed key, and turn on S3 Bucket Keys to cut " +
    'the KMS request cost (by up to 99%).\n\n' +
    '```yaml\nBucketEncryption:\n  ServerSideEncryptionConfiguration:\n    - ServerSideEncryptionByDefault:\n        SSEAlgorithm: aws:kms\n        KMSMasterKeyID: !Ref DataKey\n      BucketKeyEnabled: true\n```',
  wellArchitected: ['SEC08-BP01', 'SEC08-BP02'],
  securityHub: ['S3.17'],
  securitySeverity: '3.0',
  appliesTo: ['AWS::S3::Bucket'],
  peers: {
    // CKV_AWS_19 and W41 ask for any default encryption: they only cover buckets without BucketEncryption.
    checkov: [{ id: 'CKV_AWS_19', messages: ['defaultSseS3'] }],
    cfn_nag: [{ id: 'W41', messages: ['defaultSseS3'] }],
    cdk_nag: ['S3DefaultEncryptionKMS'],
    guard: ['S3_DEFAULT_ENCRYPTION_KMS'],
  },
  messages: {
    defaultSseS3:
      'Bucket {{logicalId}} has no BucketEncryption, so objects get the default SSE-S3 encryption with S3-managed keys; use SSE-KMS (aws:kms) for key-policy access control and audited key use.',
    notKms:
      'Bucket {{logicalId}} encrypts by default with SSEAlgorithm {{algorithm}} (S3-managed keys); use SSE-KMS (aws:kms) for key-policy access control and audited key use.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  PatientRecords:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketEncryption:',
      '        ServerSideEncryptionConfiguration:',
      '          - ServerSideEncryptionByDefault:',
      '              SSEAlgorithm: AES256',
      '      VersioningConfiguration:',
      '        Status: Enabled',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  PatientRecords:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketEncryption:',
      '        ServerSideEncryptionConfiguration:',
      '          - ServerSideEncryptionByDefault:',
      '              SSEAlgorithm: aws:kms',
      '              KMSMasterKeyID: !Ref RecordsKey',
      '            BucketKeyEnabled: true',
      '      VersioningConfiguration:',
      '        Status: Enabled',
    ].join('\n'),
    notes:
      'A bucket passes with `SSEAlgorithm: aws:kms` or `aws:kms:dsse`, with or without `KMSMasterKeyID` (without one S3 ' +
      'uses the AWS managed key `aws/s3`). A bucket without `BucketEncryption`, or with `AES256`, is still encrypted: ' +
      'since January 2023 S3 applies SSE-S3 to every new object. That is why this rule is a note and only asks for the ' +
      'stronger SSE-KMS; checkov CKV_AWS_19 and cfn_nag W41, which ask for any encryption, cover only the bucket without ' +
      '`BucketEncryption`. Buckets that receive Elastic Load Balancing access logs are not applicable: load balancers ' +
      'deliver logs only to buckets encrypted with SSE-S3 (a bucket is taken as one when a load balancer of the ' +
      'template names it in its access log settings, or its bucket policy lets the load balancer service or an ' +
      'account principal put objects under `AWSLogs/`). A value only known at deploy time (an import, a parameter without a Default) is not a ' +
      'finding; `--report-unknown` lists it.',
  },
  check(bucket, ctx) {
    // Load balancer access logs can only be delivered to buckets encrypted with SSE-S3.
    if (logSources(ctx, bucket).has('elb')) return;
    for (const encryption of ctx.value(bucket, ['Properties', 'BucketEncryption'])) {
      if (!ctx.known(encryption, 'BucketEncryption')) continue;
      if (encryption.kind === 'absent') {
        ctx.report({ messageId: 'defaultSseS3', at: encryption });
        continue;
      }
      for (const rule of ctx.items(encryption, ['ServerSideEncryptionConfiguration'])) {
        if (!ctx.known(rule, 'a ServerSideEncryptionConfiguration rule')) continue;
        for (const algorithm of ctx.value(rule, ['ServerSideEncryptionByDefault', 'SSEAlgorithm'])) {
          if (!ctx.known(algorithm, 'SSEAlgorithm') || algorithm.kind === 'absent') continue;
          const text = asString(algorithm);
          if (text === undefined || KMS.has(text)) continue;
          ctx.report({
            messageId: 'notKms',
            at: algorithm,
            data: { algorithm: valueText(text) },
            fix: algorithm.kind === 'literal' ? { text: 'aws:kms', description: 'Use SSE-KMS' } : undefined,
          });
        }
      }
    }
  },
});
