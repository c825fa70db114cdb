// What needs a backup, and what backs it up: which S3 buckets hold data that matters (versioning, replication), with
// options to name what counts, and which EBS volumes an AWS Backup selection or a DLM lifecycle policy of the template
// covers.
import type { RuleContext } from '../engine/rule.ts';
import type { Resource } from '../template/model.ts';
import { asString, isSet } from '../values/coerce.ts';
import { tagSets, tagValues } from './tags.ts';

/** A tag as options write it: `Key` (any value) or `Key=Value`. */
export interface TagMatch {
  key: string;
  value: string | undefined;
}

export function parseTagOption(text: string): TagMatch {
  const eq = text.indexOf('=');
  return eq < 0 ? { key: text, value: undefined } : { key: text.slice(0, eq), value: text.slice(eq + 1) };
}

/** How a resource stands against a list of tags: has one of them in some reading, in none, or cannot be known. */
export function hasTag(ctx: RuleContext<any, any>, resource: Resource, wanted: readonly TagMatch[]): 'yes' | 'no' | 'unknown' {
  if (!wanted.length) return 'no';
  const values = tagValues(ctx, resource);
  if (!values) return 'no';
  const keys = [...new Set(wanted.map((w) => w.key))];
  let open = false;
  for (const tags of values) {
    for (const set of tagSets(ctx, tags, { keys })) {
      if (set === 'unknown') {
        open = true;
        continue;
      }
      for (const w of wanted) {
        const tag = set.tags.get(w.key);
        if (!tag) continue;
        if (w.value === undefined) return 'yes';
        const value = asString(tag.value);
        if (value === w.value) return 'yes';
        if (tag.value.kind === 'unknown') open = true;
      }
      if (set.open) open = true;
    }
  }
  return open ? 'unknown' : 'no';
}

/**
 * Where a reference makes its target bucket a destination for logs or reports: server access logging, CloudTrail,
 * CloudFront and load balancer access logs, flow logs, AWS Config, Redshift audit logs, WAF logging, Athena results.
 */
const LOG_DESTINATION_SEGMENT =
  /^(LoggingConfiguration|Logging|LoggingProperties|AccessLoggingPolicy|LoadBalancerAttributes|LogDestination|LogDestinationConfigs|S3BucketName|ResultConfiguration)$/;
/** The services that write logs to a bucket when its policy lets them. */
const LOG_WRITERS =
  /logging\.s3\.amazonaws\.com|delivery\.logs\.amazonaws\.com|cloudtrail\.amazonaws\.com|config\.amazonaws\.com|logdelivery\.elasticloadbalancing\.amazonaws\.com/;
/** A name (logical id or BucketName) with the word log, logs or logging in it. */
const LOG_NAME = /(^|[^a-z])(logs?|logging)([^a-z]|$)/;

/** Why a bucket holds nothing that needs versioning or replication, in words for docs; undefined when it may hold data. */
export type NotDataReason = 'logs' | 'website' | 'deployed' | 'artifacts' | 'disposable';

/**
 * Whether a bucket looks like it holds no data of its own: a log destination (by reference, bucket policy, ACL or
 * name), a website whose content is deployed from a build, the target of a CDK BucketDeployment, a CodePipeline
 * artifact store, or a bucket the CDK empties on stack deletion (`autoDeleteObjects`).
 */
export function notDataBucket(ctx: RuleContext<any, any>, bucket: Resource): NotDataReason | undefined {
  const referrers = ctx.graph.referrers(bucket.logicalId);
  if (referrers.some(({ edge }) => edge.path.some((p) => typeof p === 'string' && LOG_DESTINATION_SEGMENT.test(p)))) return 'logs';
  if (ctx.value(bucket, ['Properties', 'AccessControl']).some((v) => asString(v) === 'LogDeliveryWrite')) return 'logs';
  // A pipeline's artifact store holds what its stages build: the pipeline makes it again.
  if (
    referrers.some(
      ({ resource, edge }) => resource.type === 'AWS::CodePipeline::Pipeline' && edge.path.some((p) => p === 'ArtifactStore' || p === 'ArtifactStores'),
    )
  ) {
    return 'artifacts';
  }
  for (const { resource } of referrers) {
    if (resource.type === 'AWS::S3::BucketPolicy' && LOG_WRITERS.test(JSON.stringify(resource.properties?.PolicyDocument ?? ''))) return 'logs';
    if (resource.type === 'Custom::CDKBucketDeployment') return 'deployed';
    if (resource.type === 'Custom::S3AutoDeleteObjects') return 'disposable';
  }
  if (isLogName(bucket.logicalId)) return 'logs';
  if (ctx.value(bucket, ['Properties', 'BucketName']).some((v) => isLogName(asString(v) ?? ''))) return 'logs';
  const website = ctx.value(bucket, ['Properties', 'WebsiteConfiguration']);
  if (website.length && website.every((v) => v.kind !== 'absent' && isSet(v))) return 'website';
  return undefined;
}

function isLogName(name: string): boolean {
  // AccessLogsBucket -> access-logs-bucket; CatalogBucket stays catalog-bucket (no word "log").
  return LOG_NAME.test(name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase());
}
