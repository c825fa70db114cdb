import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString, isSet } from '../../src/values/coerce.ts';
import { absentVariant, combinations, type Variant } from '../../src/values/variant.ts';

interface Options {
  /** Types checked at the rule's level. */
  statefulTypes: string[];
  /** Types checked, but reported as notes (their data is usually re-creatable or short-lived). */
  noteTypes: string[];
}

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

type Verdict = { ok: true } | { ok: false; state: string };

export default defineRule<Options>({
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
  optionsSchema: {
    type: 'object',
    properties: {
      statefulTypes: { type: 'array', items: { type: 'string', enum: [...STATEFUL, ...NOTES] }, uniqueItems: true },
      noteTypes: { type: 'array', items: { type: 'string', enum: [...STATEFUL, ...NOTES] }, uniqueItems: true },
    },
    additionalProperties: false,
  },
  defaultOptions: { statefulTypes: STATEFUL, noteTypes: NOTES },
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
    const none: Variant[] = [absentVariant([], true, [])];
    for (const [cluster, source, deletion, replacement] of combinations([
      instance ? ctx.value(resource, ['Properties', 'DBClusterIdentifier']) : none,
      instance ? ctx.value(resource, ['Properties', 'SourceDBInstanceIdentifier']) : none,
      ctx.value(resource, ['DeletionPolicy']),
      ctx.value(resource, ['UpdateReplacePolicy']),
    ])) {
      // A cluster member's data lives in the cluster, which carries the policies; a read replica copies its source.
      if (isSet(cluster!) || isSet(source!)) continue;
      if (deletion!.kind === 'unknown' || replacement!.kind === 'unknown') {
        ctx.unknown(deletion!.kind === 'unknown' ? deletion! : replacement!, 'the deletion policies');
        continue;
      }
      // RDS clusters and standalone instances default to a final snapshot; UpdateReplacePolicy has no such default.
      const d = judge(resource, deletion!, rds);
      const r = judge(resource, replacement!);
      if (d.ok && r.ok) continue;
      report(ctx, resource, note, d, r, deletion!, replacement!, [cluster!, source!]);
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
  return { ok: false, state: value ?? 'not a valid policy' };
}

function report(
  ctx: RuleContext<Options>,
  resource: Resource,
  note: boolean,
  d: Verdict,
  r: Verdict,
  deletion: Variant,
  replacement: Variant,
  membership: Variant[],
): void {
  const kind = KINDS[resource.type] ?? resource.type;
  const keep = SNAPSHOT_TYPES.has(resource.type) ? 'Snapshot' : 'Retain';
  // Only a policy written as Delete in the resource itself can be fixed by replacing one value.
  const fix = (v: Variant) => (asString(v) === 'Delete' ? { text: keep, description: `Set the policy to ${keep}` } : undefined);
  const level = note ? ('note' as const) : undefined;
  const data = { kind, deletion: d.ok ? '' : d.state, replacement: r.ok ? '' : r.state };
  if (!d.ok && !r.ok) {
    ctx.report({ messageId: 'both', level, at: deletion, because: [replacement, ...membership], data });
  } else if (!d.ok) {
    ctx.report({ messageId: 'deletion', level, at: deletion, because: [replacement, ...membership], data, fix: fix(deletion) });
  } else {
    ctx.report({ messageId: 'replacement', level, at: replacement, because: [deletion, ...membership], data, fix: fix(replacement) });
  }
}
