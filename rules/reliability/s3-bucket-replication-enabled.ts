import { option } from '../../src/engine/options.ts';
import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { hasTag, notDataBucket, parseTagOption } from '../../src/rule-helpers/backup.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import { asBoolean, asString } from '../../src/values/coerce.ts';

export default defineRule({
  id: 's3-bucket-replication-enabled',
  pillar: 'reliability',
  level: 'note',
  title: 'Critical S3 buckets replicate to another Region',
  rationale:
    'Versioning protects objects against overwrites and deletes, but not against losing the Region, the account or the ' +
    'bucket itself. Replication keeps a copy of every new object in another bucket, ideally in another Region and account, ' +
    'from which the data can be served or restored.',
  remediation:
    'Add a `ReplicationConfiguration` with a role S3 can assume and a rule that copies to a bucket in another Region (and ' +
    'preferably another account); versioning must be enabled on both buckets.\n\n' +
    '```yaml\nVersioningConfiguration:\n  Status: Enabled\nReplicationConfiguration:\n  Role: !GetAtt ReplicationRole.Arn\n' +
    '  Rules:\n    - Status: Enabled\n      Destination:\n        Bucket: !Ref DrBucketArn\n```',
  wellArchitected: ['REL13-BP02', 'REL09-BP01'],
  securityHub: [],
  appliesTo: ['AWS::S3::Bucket'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: ['S3BucketReplicationEnabled'] },
  options: {
    dataTags: option.strings({
      description:
        'Tags that mark the buckets whose data must survive the loss of a Region, as `Key` or `Key=Value`. When set, ' +
        'only buckets with one of these tags need replication; when empty, versioned buckets that do not look like a ' +
        'log, website or deployment bucket do.',
      default: [],
    }),
    ignoreTags: option.strings({
      description: 'Tags, as `Key` or `Key=Value`, that mark buckets that need no replica: they are not checked.',
      default: [],
    }),
  },
  messages: {
    notReplicated:
      'Bucket {{logicalId}} ({{why}}) has no replica: ReplicationConfiguration is not set, so its data does not survive the loss of the bucket or its Region.',
    unversioned:
      'Bucket {{logicalId}} has a ReplicationConfiguration but versioning is {{state}}: S3 replicates only versioned buckets, so the stack fails to deploy.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  LedgerBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      VersioningConfiguration:',
      '        Status: Enabled',
    ].join('\n'),
    compliant: [
      'Parameters:',
      '  DrBucketArn:',
      '    Type: String',
      '    Default: arn:aws:s3:::acme-ledger-replica-eu-west-1',
      'Resources:',
      '  LedgerBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      VersioningConfiguration:',
      '        Status: Enabled',
      '      ReplicationConfiguration:',
      '        Role: arn:aws:iam::123456789012:role/s3-replication',
      '        Rules:',
      '          - Status: Enabled',
      '            Destination:',
      '              Bucket: !Ref DrBucketArn',
    ].join('\n'),
    notes:
      'A note: a replica doubles the storage bill, and which buckets are worth it is a business decision a template ' +
      'does not show. Without options, the rule takes the buckets whose authors already treat their data as important, ' +
      'those with versioning enabled, and leaves out the same buckets as `s3-bucket-versioning-enabled` (log ' +
      'destinations, websites, deployment targets, artifact stores, auto-deleted buckets) as well as replicas: buckets ' +
      'that a replication rule of the template writes to, or whose bucket policy allows `s3:ReplicateObject`. ' +
      '`dataTags` names the buckets that need a replica instead; `ignoreTags` leaves buckets out.\n\n' +
      'Whatever the scope, a bucket with a `ReplicationConfiguration` but without versioning is reported at the error ' +
      'level: S3 refuses it and the deployment fails. The Region of the destination is not checked (an ARN does not say ' +
      'it). Values only known at deploy time are not findings; `--report-unknown` lists them.',
  },
  check(bucket, ctx) {
    const versioning = ctx.value(bucket, ['Properties', 'VersioningConfiguration']);
    const replication = ctx.value(bucket, ['Properties', 'ReplicationConfiguration']);
    for (const [config, version, lock] of ctx.each(replication, versioning, ctx.value(bucket, ['Properties', 'ObjectLockEnabled']))) {
      if (config.kind === 'absent' || asBoolean(lock) === true) continue;
      if (!ctx.known(version, 'VersioningConfiguration')) continue;
      const statuses = version.kind === 'absent' ? [version] : ctx.value(version, ['Status']);
      for (const status of statuses) {
        if (!ctx.known(status, 'the versioning Status') || asString(status) === 'Enabled') continue;
        ctx.report({ messageId: 'unversioned', at: status, because: [config, lock], level: 'error', data: { state: stateText(status, 'the default is off') } });
      }
    }

    const dataTags = ctx.options.dataTags.map(parseTagOption);
    if (hasTag(ctx, bucket, ctx.options.ignoreTags.map(parseTagOption)) !== 'no') return;
    let why: string;
    if (dataTags.length) {
      if (hasTag(ctx, bucket, dataTags) !== 'yes') return;
      why = 'tagged as data that matters';
    } else {
      if (notDataBucket(ctx, bucket) || isReplicaDestination(ctx, bucket.logicalId)) return;
      why = 'versioned';
    }
    for (const [config, version] of ctx.each(replication, versioning)) {
      if (!ctx.known(config, 'ReplicationConfiguration') || config.kind !== 'absent') continue;
      // Without tags, only versioned buckets are in scope.
      const enabled = ctx.value(version, ['Status']).find((s) => asString(s) === 'Enabled' && ctx.each([s], [config]).length > 0);
      if (!dataTags.length && !enabled) continue;
      ctx.report({ messageId: 'notReplicated', at: config, because: [enabled ?? version], data: { why } });
    }
  },
});

/**
 * Whether the bucket is a replica: another bucket of the template replicates into it, or its bucket policy lets a
 * replication role (of another stack or account) write replicas into it.
 */
function isReplicaDestination(ctx: RuleContext<any, any>, logicalId: string): boolean {
  if (ctx.graph.referrers(logicalId, 'AWS::S3::Bucket', ['Properties', 'ReplicationConfiguration']).length > 0) return true;
  return ctx.graph
    .referrers(logicalId, 'AWS::S3::BucketPolicy', ['Properties', 'Bucket'])
    .some(({ resource }) => /s3:Replicate(Object|\*)/.test(JSON.stringify(resource.properties?.PolicyDocument ?? '')));
}
