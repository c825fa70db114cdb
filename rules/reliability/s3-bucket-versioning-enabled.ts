import { option } from '../../src/engine/options.ts';
import { defineRule } from '../../src/engine/rule.ts';
import { hasTag, notDataBucket, parseTagOption } from '../../src/rule-helpers/backup.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import { asBoolean, asString } from '../../src/values/coerce.ts';

export default defineRule({
  id: 's3-bucket-versioning-enabled',
  pillar: 'reliability',
  level: 'note',
  title: 'S3 buckets holding data have versioning',
  rationale:
    'Without versioning, an object that is overwritten or deleted (by a bug, a sync with the wrong flags, ransomware or a ' +
    'person) is gone. Versioning keeps the earlier versions, so any object can be restored as it was; it is also what ' +
    'replication and Object Lock build on.',
  remediation:
    'Turn on versioning, and add a lifecycle rule that expires noncurrent versions after the period you need to be able ' +
    'to go back, so old versions do not pile up.\n\n' +
    '```yaml\nVersioningConfiguration:\n  Status: Enabled\nLifecycleConfiguration:\n  Rules:\n    - Id: expire-old-versions\n' +
    '      Status: Enabled\n      NoncurrentVersionExpiration: {NoncurrentDays: 90}\n```',
  wellArchitected: ['REL09-BP01', 'SEC08-BP04'],
  securityHub: [],
  securitySeverity: '3.0',
  appliesTo: ['AWS::S3::Bucket'],
  tags: ['security'],
  peers: { checkov: ['CKV_AWS_21'], cfn_nag: [], cdk_nag: ['S3BucketVersioningEnabled'] },
  options: {
    dataTags: option.strings({
      description:
        'Tags that mark the buckets holding data that matters, as `Key` or `Key=Value`. When set, only buckets with one ' +
        'of these tags are checked (whatever they look like); when empty, every bucket that does not look like a log, ' +
        'website or deployment bucket is.',
      default: [],
    }),
    ignoreTags: option.strings({
      description: 'Tags, as `Key` or `Key=Value`, that mark buckets whose objects can be recreated (scratch, caches, build output): they are not checked.',
      default: [],
    }),
  },
  messages: {
    unversioned:
      'Bucket {{logicalId}} keeps no earlier versions of its objects: versioning is {{state}}, so an overwritten or deleted object cannot be recovered.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  InvoicesBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketEncryption:',
      '        ServerSideEncryptionConfiguration:',
      '          - ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms}',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  InvoicesBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketEncryption:',
      '        ServerSideEncryptionConfiguration:',
      '          - ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms}',
      '      VersioningConfiguration:',
      '        Status: Enabled',
      '      LifecycleConfiguration:',
      '        Rules:',
      '          - Id: expire-old-versions',
      '            Status: Enabled',
      '            NoncurrentVersionExpiration: {NoncurrentDays: 90}',
    ].join('\n'),
    notes:
      'Which buckets hold data that matters is not in a template, so the rule decides from what it can see and leaves out ' +
      'buckets that look like they hold nothing of their own:\n\n' +
      "- log destinations: the target of another bucket's server access logging, of a CloudTrail trail, CloudFront or " +
      'load balancer access logs, a flow log, an AWS Config delivery channel, Redshift audit logging, WAF logging or ' +
      'Athena query results; a bucket whose policy lets a log delivery service write (`logging.s3.amazonaws.com`, ' +
      '`delivery.logs.amazonaws.com`, `cloudtrail.amazonaws.com`, `config.amazonaws.com`...); a bucket with ' +
      '`AccessControl: LogDeliveryWrite`; a bucket whose logical id or `BucketName` has the word log, logs or logging;\n' +
      '- website buckets (`WebsiteConfiguration`), whose content is deployed from a build, the targets of a CDK ' +
      '`BucketDeployment` (`Custom::CDKBucketDeployment`), and CodePipeline artifact stores, which the pipeline fills again;\n' +
      '- buckets the CDK empties when the stack is deleted (`autoDeleteObjects: true`, `Custom::S3AutoDeleteObjects`): ' +
      'their owner has said the objects are disposable.\n\n' +
      'The `dataTags` option names what counts instead: only buckets with one of those tags are checked. `ignoreTags` ' +
      'leaves out buckets with one of its tags. A bucket with `ObjectLockEnabled: true` has versioning (Object Lock turns ' +
      'it on). A `VersioningConfiguration` only known at deploy time is not a finding; `--report-unknown` lists it. ' +
      'A bucket that is only a CloudFront origin is still checked (it may serve uploaded media as well as a build): tag ' +
      'it with one of the `ignoreTags`. Pair with `s3-lifecycle-policy-check` so that noncurrent versions expire.',
  },
  check(bucket, ctx) {
    const dataTags = ctx.options.dataTags.map(parseTagOption);
    if (dataTags.length) {
      if (hasTag(ctx, bucket, dataTags) !== 'yes') return;
    } else if (notDataBucket(ctx, bucket)) return;
    if (hasTag(ctx, bucket, ctx.options.ignoreTags.map(parseTagOption)) !== 'no') return;
    for (const [versioning, lock] of ctx.each(
      ctx.value(bucket, ['Properties', 'VersioningConfiguration']),
      ctx.value(bucket, ['Properties', 'ObjectLockEnabled']),
    )) {
      if (asBoolean(lock) === true) continue; // Object Lock turns versioning on
      if (!ctx.known(versioning, 'VersioningConfiguration')) continue;
      if (versioning.kind === 'absent') {
        ctx.report({ messageId: 'unversioned', at: versioning, because: [lock], data: { state: 'not set (the default is off)' } });
        continue;
      }
      for (const status of ctx.value(versioning, ['Status'])) {
        if (!ctx.known(status, 'the versioning Status') || asString(status) === 'Enabled') continue;
        ctx.report({
          messageId: 'unversioned',
          at: status,
          because: [lock],
          data: { state: stateText(status) },
          fix: status.kind === 'literal' ? { text: 'Enabled', description: 'Turn on versioning' } : undefined,
        });
      }
    }
  },
});
