import { defineRule } from '../../src/engine/rule.ts';
import { arnPattern, bucketIdentity, logSources } from '../../src/rule-helpers/bucket-policy.ts';
import { valueAt } from '../../src/template/intrinsics.ts';

export default defineRule({
  id: 's3-bucket-logging-enabled',
  pillar: 'security',
  level: 'warning',
  tags: ['operational-excellence'],
  title: 'S3 server access logging is enabled',
  rationale:
    'Server access logs record every request made to a bucket: who read or wrote which object, from where, and ' +
    'whether it was allowed. CloudTrail logs object-level requests only when data events are paid for, so without ' +
    'access logs an investigation of leaked or deleted data has nothing to go on.',
  remediation:
    'Set `LoggingConfiguration` with a separate log bucket (one log bucket can serve many buckets, each under its own ' +
    'prefix); the log bucket needs a policy that lets `logging.s3.amazonaws.com` put objects. In CDK, set ' +
    '`serverAccessLogsBucket`.\n\n' +
    '```yaml\nLoggingConfiguration:\n  DestinationBucketName: !Ref AccessLogBucket\n  LogFilePrefix: app-bucket/\n```',
  wellArchitected: ['SEC04-BP01', 'OPS08-BP02'],
  securityHub: ['S3.9'],
  securitySeverity: '4.0',
  appliesTo: ['AWS::S3::Bucket'],
  peers: {
    checkov: [{ id: 'CKV_AWS_18', messages: ['noLogging'] }], // LoggingConfiguration set
    cfn_nag: [{ id: 'W35', messages: ['noLogging'] }], // LoggingConfiguration set
    cdk_nag: [
      { id: 'AwsSolutions-S1', messages: ['noLogging'] },
      { id: 'S3BucketLoggingEnabled', messages: ['noLogging'] },
    ],
    guard: [{ id: 'S3_BUCKET_LOGGING_ENABLED', messages: ['noLogging'] }],
  },
  messages: {
    noLogging: 'Bucket {{logicalId}} has no server access logging (LoggingConfiguration is not set): requests to its objects leave no record to investigate.',
    selfLoop:
      'Bucket {{logicalId}} delivers its access logs to itself ({{target}}): each delivered log is a new request that is logged in turn, and the logs can be changed by anyone who can write the data.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  UploadsBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketEncryption:',
      '        ServerSideEncryptionConfiguration:',
      '          - ServerSideEncryptionByDefault:',
      '              SSEAlgorithm: aws:kms',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  UploadsBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketEncryption:',
      '        ServerSideEncryptionConfiguration:',
      '          - ServerSideEncryptionByDefault:',
      '              SSEAlgorithm: aws:kms',
      '      LoggingConfiguration:',
      '        DestinationBucketName: !Ref AccessLogBucket',
      '        LogFilePrefix: uploads/',
      '  AccessLogBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketEncryption:',
      '        ServerSideEncryptionConfiguration:',
      '          - ServerSideEncryptionByDefault:',
      '              SSEAlgorithm: AES256',
      '  AccessLogBucketPolicy:',
      '    Type: AWS::S3::BucketPolicy',
      '    Properties:',
      '      Bucket: !Ref AccessLogBucket',
      '      PolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal: {Service: logging.s3.amazonaws.com}',
      '            Action: s3:PutObject',
      "            Resource: !Sub '${AccessLogBucket.Arn}/*'",
      '            Condition:',
      '              StringEquals:',
      "                'aws:SourceAccount': !Ref AWS::AccountId",
    ].join('\n'),
    notes:
      'Buckets that receive logs are not applicable (logging their log deliveries adds noise, and logging a log bucket ' +
      'into itself loops): a bucket named as the log destination of another bucket, a trail, a CloudFront distribution, ' +
      'a load balancer, a VPC flow log, an AWS Config delivery channel, a WAF logging configuration, a log delivery ' +
      'destination or the command output of an SSM association of the template (by reference or by name), a bucket with the `LogDeliveryWrite` ACL, and a bucket ' +
      'whose policy lets a log delivery service (`logging.s3.amazonaws.com`, `cloudtrail.amazonaws.com`, ' +
      '`delivery.logs.amazonaws.com`, CloudWatch Logs exports...) or a load balancer account put objects. A `LoggingConfiguration` without ' +
      '`DestinationBucketName`, or naming the bucket itself, delivers the logs into the bucket: reported as a log loop. ' +
      'To leave out other buckets on purpose, suppress the rule in their `Metadata` with a reason. A value only known ' +
      'at deploy time (an import, a parameter without a Default) is not a finding; `--report-unknown` lists it.',
  },
  check(bucket, ctx) {
    // Log sinks: buckets other services (or other buckets) deliver logs into.
    if (logSources(ctx, bucket).size) return;
    const own = bucketIdentity(ctx, bucket).names;
    for (const logging of ctx.value(bucket, ['Properties', 'LoggingConfiguration'])) {
      if (!ctx.known(logging, 'LoggingConfiguration')) continue;
      if (logging.kind === 'absent') {
        ctx.report({ messageId: 'noLogging', at: logging });
        continue;
      }
      for (const target of ctx.value(logging, ['DestinationBucketName'])) {
        if (target.kind === 'absent') {
          ctx.report({ messageId: 'selfLoop', at: logging, data: { target: 'no DestinationBucketName, so the bucket itself' } });
          continue;
        }
        if (target.ref) {
          if (target.ref.logicalId === bucket.logicalId) ctx.report({ messageId: 'selfLoop', at: target, data: { target: `Ref ${bucket.logicalId}` } });
          continue;
        }
        const pattern =
          target.kind === 'literal' && typeof target.value === 'string' && !target.symbolic
            ? target.value
            : target.external
              ? undefined
              : arnPattern(valueAt(bucket.node, target.path));
        if (pattern !== undefined && own.includes(pattern)) {
          ctx.report({ messageId: 'selfLoop', at: target, data: { target: 'its own name' } });
          continue;
        }
        if (pattern === undefined) ctx.known(target, 'DestinationBucketName');
      }
    }
  },
});
