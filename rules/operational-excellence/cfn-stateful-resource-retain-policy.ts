import { option } from '../../src/engine/options.ts';
import { defineRule } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString, isSet } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import { absentVariant, type Variant } from '../../src/values/variant.ts';

/** Types for which CloudFormation can take a snapshot before deleting; elsewhere Snapshot is ignored and the resource deleted. */
const SNAPSHOT_TYPES = new Set([
  'AWS::EC2::Volume',
  'AWS::ElastiCache::CacheCluster',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::Neptune::DBCluster',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::Redshift::Cluster',
  'AWS::DocDB::DBCluster',
]);

const STATEFUL = [
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::EC2::Volume',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::S3::Bucket',
  'AWS::EFS::FileSystem',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::ElastiCache::CacheCluster',
  'AWS::Cognito::UserPool',
];
const NOTES = ['AWS::SQS::Queue', 'AWS::Logs::LogGroup', 'AWS::KMS::Key'];

const KINDS: Record<string, string> = {
  'AWS::RDS::DBInstance': 'DB instance',
  'AWS::RDS::DBCluster': 'DB cluster',
  'AWS::EC2::Volume': 'EBS volume',
  'AWS::DynamoDB::Table': 'DynamoDB table',
  'AWS::DynamoDB::GlobalTable': 'DynamoDB global table',
  'AWS::S3::Bucket': 'S3 bucket',
  'AWS::EFS::FileSystem': 'EFS file system',
  'AWS::ElastiCache::ReplicationGroup': 'ElastiCache replication group',
  'AWS::ElastiCache::CacheCluster': 'ElastiCache cluster',
  'AWS::Cognito::UserPool': 'Cognito user pool',
  'AWS::SQS::Queue': 'SQS queue',
  'AWS::Logs::LogGroup': 'Log group',
  'AWS::KMS::Key': 'KMS key',
};

/** A list of the types above, for the options. */
const typeList = (description: string, defaults: readonly string[]) =>
  option.custom<readonly string[]>(
    { type: 'array', items: { type: 'string', enum: [...STATEFUL, ...NOTES] }, uniqueItems: true },
    { description, default: defaults },
  );

const options = {
  statefulTypes: typeList("Resource types checked at the rule's level.", STATEFUL),
  noteTypes: typeList('Resource types checked but reported as notes: their data is usually re-creatable or short-lived.', NOTES),
};

type Verdict = { ok: true } | { ok: false; state: string };

export default defineRule({
  id: 'cfn-stateful-resource-retain-policy',
  pillar: 'operational-excellence',
  level: 'warning',
  title: 'Stateful resources survive stack deletion and replacement',
  rationale:
    'Without a DeletionPolicy, deleting the stack deletes the database, bucket or volume with its data. UpdateReplacePolicy ' +
    'defaults to Delete for every type, so a property change that forces replacement silently drops the old resource and its data.',
  remediation:
    'Set both `DeletionPolicy` and `UpdateReplacePolicy` to `Retain` (or `RetainExceptOnCreate`), or to `Snapshot` for ' +
    'types that support it (EBS volumes, RDS, ElastiCache, Neptune, Redshift). In CDK use `RemovalPolicy.RETAIN` or `SNAPSHOT`.\n\n' +
    '```yaml\nDatabase:\n  Type: AWS::RDS::DBInstance\n  DeletionPolicy: Snapshot\n  UpdateReplacePolicy: Snapshot\n' +
    'DataBucket:\n  Type: AWS::S3::Bucket\n  DeletionPolicy: Retain\n  UpdateReplacePolicy: Retain\n```',
  wellArchitected: ['OPS06-BP01', 'REL09-BP01'],
  appliesTo: [...STATEFUL, ...NOTES],
  tags: ['reliability'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersTable:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
      '      AttributeDefinitions:',
      '        - {AttributeName: orderId, AttributeType: S}',
      '      KeySchema:',
      '        - {AttributeName: orderId, KeyType: HASH}',
      '      PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersTable:',
      '    Type: AWS::DynamoDB::Table',
      '    DeletionPolicy: Retain',
      '    UpdateReplacePolicy: Retain',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
      '      AttributeDefinitions:',
      '        - {AttributeName: orderId, AttributeType: S}',
      '      KeySchema:',
      '        - {AttributeName: orderId, KeyType: HASH}',
      '      PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}',
    ].join('\n'),
    notes:
      '`Retain` and `RetainExceptOnCreate` pass everywhere; `Snapshot` passes only for the types CloudFormation can snapshot ' +
      '(EBS volumes, RDS, ElastiCache, Neptune, Redshift, DocumentDB clusters): elsewhere CloudFormation ignores it and ' +
      'deletes the resource, and the message says so. RDS DB clusters and standalone DB instances default to a final ' +
      'snapshot on stack deletion, so only their `UpdateReplacePolicy` is checked when `DeletionPolicy` is not set. Not ' +
      'applicable: members of a DB cluster (the cluster carries the policies) and read replicas. SQS queues, log groups ' +
      'and KMS keys are reported as notes; the `statefulTypes` and `noteTypes` options move types between the two ' +
      "levels or leave them out. CDK's `RemovalPolicy.RETAIN` or `SNAPSHOT` writes both attributes and passes. A " +
      'policy only known at deploy time (a parameter without a Default) is not a finding; `--report-unknown` lists it.',
  },
  options,
  messages: {
    both: '{{kind}} {{logicalId}} is deleted with its data when the stack is deleted or an update replaces it: DeletionPolicy is {{deletion}}; UpdateReplacePolicy is {{replacement}}.',
    deletion: '{{kind}} {{logicalId}} is deleted with its data when the stack is deleted: DeletionPolicy is {{deletion}}.',
    replacement: '{{kind}} {{logicalId}} is deleted with its data when an update replaces it: UpdateReplacePolicy is {{replacement}}.',
  },
  check(resource, ctx) {
    const note = ctx.options.noteTypes.includes(resource.type);
    if (!note && !ctx.options.statefulTypes.includes(resource.type)) return;
    const instance = resource.type === 'AWS::RDS::DBInstance';
    const rds = instance || resource.type === 'AWS::RDS::DBCluster';
    const kind = KINDS[resource.type] ?? resource.type;
    const level = note ? 'note' : undefined;
    const none: Variant[] = [absentVariant([], true, [])];
    for (const [cluster, source, deletion, replacement] of ctx.each(
      instance ? ctx.value(resource, ['Properties', 'DBClusterIdentifier']) : none,
      instance ? ctx.value(resource, ['Properties', 'SourceDBInstanceIdentifier']) : none,
      ctx.value(resource, ['DeletionPolicy']),
      ctx.value(resource, ['UpdateReplacePolicy']),
    )) {
      // A cluster member's data lives in the cluster, which carries the policies; a read replica copies its source.
      if (isSet(cluster) || isSet(source)) continue;
      if (!ctx.known(deletion, 'the deletion policies') || !ctx.known(replacement, 'the deletion policies')) continue;
      // RDS clusters and standalone instances default to a final snapshot; UpdateReplacePolicy has no such default.
      const d = judge(resource, deletion, rds);
      const r = judge(resource, replacement);
      if (!d.ok && !r.ok) {
        const data = { kind, deletion: d.state, replacement: r.state };
        ctx.report({ messageId: 'both', level, at: deletion, because: [replacement, cluster, source], data });
      } else if (!d.ok) {
        const data = { kind, deletion: d.state };
        ctx.report({ messageId: 'deletion', level, at: deletion, because: [replacement, cluster, source], data, fix: fix(resource, deletion) });
      } else if (!r.ok) {
        const data = { kind, replacement: r.state };
        ctx.report({ messageId: 'replacement', level, at: replacement, because: [deletion, cluster, source], data, fix: fix(resource, replacement) });
      }
    }
  },
});

/** Whether a policy value keeps the data; `absentOk` where the type's default already does. */
function judge(resource: Resource, policy: Variant, absentOk = false): Verdict {
  if (policy.kind === 'absent') return absentOk ? { ok: true } : { ok: false, state: 'not set (the default is Delete)' };
  const value = asString(policy);
  if (value === 'Retain' || value === 'RetainExceptOnCreate') return { ok: true };
  if (value === 'Snapshot') {
    if (SNAPSHOT_TYPES.has(resource.type)) return { ok: true };
    return { ok: false, state: `Snapshot, which ${resource.type} does not support, so CloudFormation deletes it` };
  }
  return { ok: false, state: value === undefined ? 'not a valid policy' : valueText(value) };
}

/** Only a policy written as Delete in the resource itself can be fixed by replacing one value. */
function fix(resource: Resource, policy: Variant): { text: string; description: string } | undefined {
  const keep = SNAPSHOT_TYPES.has(resource.type) ? 'Snapshot' : 'Retain';
  return asString(policy) === 'Delete' ? { text: keep, description: `Set the policy to ${keep}` } : undefined;
}
