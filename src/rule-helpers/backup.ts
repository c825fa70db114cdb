// What needs a backup, and what backs it up: which S3 buckets hold data that matters (versioning, replication), with
// options to name what counts, and which EBS volumes an AWS Backup selection or a DLM lifecycle policy of the template
// covers.
import type { RuleContext } from '../engine/rule.ts';
import type { Resource } from '../template/model.ts';
import { asString, isSet } from '../values/coerce.ts';
import type { Variant } from '../values/variant.ts';
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

/** A three-way answer: a selection that rests on an unknown value may or may not cover a resource. */
export type Verdict = 'yes' | 'no' | 'unknown';

const or3 = (a: Verdict, b: Verdict): Verdict => (a === 'yes' || b === 'yes' ? 'yes' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'no');
const and3 = (a: Verdict, b: Verdict): Verdict => (a === 'no' || b === 'no' ? 'no' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'yes');
const not3 = (a: Verdict): Verdict => (a === 'yes' ? 'no' : a === 'no' ? 'yes' : 'unknown');

/** What a backup selection or lifecycle policy is asked to match: a volume or an instance, with the tags it carries. */
export interface BackupTarget {
  resource: Resource;
  kind: 'volume' | 'instance';
  /** The resource whose tags the target carries (an instance's volumes carry its tags only when it propagates them). */
  tagsFrom: Resource | undefined;
}

/** Whether the target carries tag `key` with a value that passes `test` (in some reading of its tags). */
function tagTest(ctx: RuleContext<any, any>, target: BackupTarget, key: string, test: (value: string | undefined) => boolean): Verdict {
  const values = target.tagsFrom ? tagValues(ctx, target.tagsFrom) : undefined;
  if (!values) return test(undefined) ? 'yes' : 'no';
  let verdict: Verdict = 'no';
  for (const tags of values) {
    for (const set of tagSets(ctx, tags, { keys: [key] })) {
      if (set === 'unknown') {
        verdict = or3(verdict, 'unknown');
        continue;
      }
      const tag = set.tags.get(key);
      if (!tag) verdict = or3(verdict, set.open ? 'unknown' : test(undefined) ? 'yes' : 'no');
      else if (tag.value.kind === 'unknown') verdict = or3(verdict, 'unknown');
      else verdict = or3(verdict, test(asString(tag.value)) ? 'yes' : 'no');
    }
  }
  return verdict;
}

/** `prod*` style patterns of StringLike, anchored. */
function likePattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

/** An ARN pattern that selects every resource of the kind: `*`, or `arn:aws:ec2:*:*:volume/*` (any Region, account). */
function selectsEvery(text: string, kind: BackupTarget['kind']): boolean {
  if (text === '*') return true;
  return new RegExp(`^arn:[^:]*:ec2:[^:]*:[^:]*:${kind}/\\*$`).test(text);
}

/** Whether a list of ARNs (Resources or NotResources of a selection) names the target. */
function arnList(ctx: RuleContext<any, any>, selection: Resource, list: Variant, target: BackupTarget): Verdict {
  if (list.kind === 'absent') return 'no';
  if (list.kind === 'unknown') return 'unknown';
  const edges = ctx.graph.edgesFrom(selection.logicalId);
  let verdict: Verdict = 'no';
  for (const entry of ctx.items(list, [])) {
    // An ARN built from a reference names that resource, and no other.
    const refs = edges.filter((e) => startsWith(e.path, entry.path));
    if (refs.length) {
      if (refs.some((e) => e.to === target.resource.logicalId)) return 'yes';
      continue;
    }
    const text = asString(entry);
    if (text !== undefined) verdict = or3(verdict, selectsEvery(text, target.kind) ? 'yes' : 'no');
    else if (entry.kind === 'unknown') verdict = or3(verdict, 'unknown');
  }
  return verdict;
}

function startsWith(path: readonly unknown[], prefix: readonly unknown[]): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}

const TAG_CONDITION_KEY = /^aws:ResourceTag\//;

/** Whether an AWS::Backup::BackupSelection selects the target. */
export function backupSelects(ctx: RuleContext<any, any>, selection: Resource, target: BackupTarget): Verdict {
  let verdict: Verdict = 'no';
  for (const body of ctx.value(selection, ['Properties', 'BackupSelection'])) {
    if (body.kind !== 'literal') {
      verdict = or3(verdict, body.kind === 'unknown' ? 'unknown' : 'no');
      continue;
    }
    const resources = ctx.value(body, ['Resources']);
    const listOfTags = ctx.value(body, ['ListOfTags']);
    const conditions = ctx.value(body, ['Conditions']);
    for (const [list, tags, cond, not] of ctx.each(resources, listOfTags, conditions, ctx.value(body, ['NotResources']))) {
      // Resources OR ListOfTags; with neither, AWS Backup takes every supported resource.
      let selected: Verdict = arnList(ctx, selection, list, target);
      for (const entry of tags.kind === 'absent' ? [] : ctx.items(tags, [])) {
        if (entry.kind !== 'literal') {
          selected = or3(selected, 'unknown');
          continue;
        }
        const key = ctx.value(entry, ['ConditionKey']).map(asString)[0];
        const value = ctx.value(entry, ['ConditionValue']).map(asString)[0];
        if (key === undefined || value === undefined) selected = or3(selected, 'unknown');
        else
          selected = or3(
            selected,
            tagTest(ctx, target, key.replace(TAG_CONDITION_KEY, ''), (v) => v === value),
          );
      }
      if (list.kind === 'absent' && tags.kind === 'absent') selected = 'yes';
      verdict = or3(verdict, and3(and3(selected, conditionsMatch(ctx, cond, target)), not3(arnList(ctx, selection, not, target))));
    }
  }
  return verdict;
}

/** Conditions: every StringEquals, StringLike, StringNotEquals and StringNotLike entry must hold (AND). */
function conditionsMatch(ctx: RuleContext<any, any>, conditions: Variant, target: BackupTarget): Verdict {
  if (conditions.kind === 'absent') return 'yes';
  if (conditions.kind === 'unknown') return 'unknown';
  let verdict: Verdict = 'yes';
  const operators: Record<string, (pattern: string) => (v: string | undefined) => boolean> = {
    StringEquals: (p) => (v) => v === p,
    StringLike: (p) => (v) => v !== undefined && likePattern(p).test(v),
    StringNotEquals: (p) => (v) => v !== p,
    StringNotLike: (p) => (v) => v === undefined || !likePattern(p).test(v),
  };
  for (const [operator, make] of Object.entries(operators)) {
    for (const list of ctx.value(conditions, [operator])) {
      if (list.kind === 'absent') continue;
      for (const entry of ctx.items(list, [])) {
        const key = entry.kind === 'literal' ? ctx.value(entry, ['ConditionKey']).map(asString)[0] : undefined;
        const value = entry.kind === 'literal' ? ctx.value(entry, ['ConditionValue']).map(asString)[0] : undefined;
        if (key === undefined || value === undefined) verdict = and3(verdict, 'unknown');
        else verdict = and3(verdict, tagTest(ctx, target, key.replace(TAG_CONDITION_KEY, ''), make(value)));
      }
    }
  }
  return verdict;
}

/** Whether an AWS::DLM::LifecyclePolicy snapshots the target (or, for an instance, makes AMIs of it). */
export function lifecyclePolicyCovers(ctx: RuleContext<any, any>, policy: Resource, target: BackupTarget): Verdict {
  const kind = target.kind === 'volume' ? 'VOLUME' : 'INSTANCE';
  let verdict: Verdict = 'no';
  for (const [state, defaultPolicy, details] of ctx.each(
    ctx.value(policy, ['Properties', 'State']),
    ctx.value(policy, ['Properties', 'DefaultPolicy']),
    ctx.value(policy, ['Properties', 'PolicyDetails']),
  )) {
    if (asString(state) === 'DISABLED') continue;
    // A default policy covers every volume (or instance) of the Region that no other policy covers.
    if (defaultPolicy.kind !== 'absent') {
      verdict = or3(verdict, defaultPolicy.kind === 'unknown' ? 'unknown' : asString(defaultPolicy) === kind ? 'yes' : 'no');
      continue;
    }
    if (details.kind !== 'literal') {
      verdict = or3(verdict, details.kind === 'unknown' ? 'unknown' : 'no');
      continue;
    }
    for (const [type, types, targetTags] of ctx.each(
      ctx.value(details, ['PolicyType']),
      ctx.value(details, ['ResourceTypes']),
      ctx.value(details, ['TargetTags']),
    )) {
      const policyType = type.kind === 'absent' ? 'EBS_SNAPSHOT_MANAGEMENT' : asString(type);
      if (policyType === 'EVENT_BASED_POLICY') continue;
      if (policyType === undefined || types.kind === 'unknown') {
        verdict = or3(verdict, 'unknown');
        continue;
      }
      const resourceTypes = types.kind === 'literal' ? ctx.items(types, []).map(asString) : [];
      if (!resourceTypes.includes(kind) && !(policyType === 'IMAGE_MANAGEMENT' && kind === 'INSTANCE')) continue;
      let matched: Verdict = 'no';
      for (const entry of targetTags.kind === 'literal' ? ctx.items(targetTags, []) : []) {
        const key = entry.kind === 'literal' ? ctx.value(entry, ['Key']).map(asString)[0] : undefined;
        const value = entry.kind === 'literal' ? ctx.value(entry, ['Value']).map(asString)[0] : undefined;
        if (key === undefined || value === undefined) matched = or3(matched, 'unknown');
        else
          matched = or3(
            matched,
            tagTest(ctx, target, key, (v) => v === value),
          );
      }
      if (targetTags.kind === 'unknown') matched = or3(matched, 'unknown');
      verdict = or3(verdict, matched);
    }
  }
  return verdict;
}
