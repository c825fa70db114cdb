// S3 bucket policies as rules need them: which AWS::S3::BucketPolicy applies to a bucket (by Ref, by name, by an
// Fn::Sub / Fn::Join over either), what its statements say (Effect, Principal, Action wildcards, Condition), which
// part of the bucket a statement's Resource covers, and which AWS services deliver logs into a bucket.
//
// ARNs in bucket policies are almost never literals: CDK writes `Fn::Join ['', [GetAtt B.Arn, '/*']]`, hand-written
// templates `!Sub 'arn:${AWS::Partition}:s3:::${B}/*'`. The resolver leaves those unknown (a resource's name is only
// known once deployed), so this helper reads them as patterns instead: the text with every reference kept as a
// marker, compared with the markers that stand for the bucket.
import type { RuleContext } from '../engine/rule.ts';
import { intrinsicOf, isPlainObject, parseSubString, valueAt } from '../template/intrinsics.ts';
import type { Resource } from '../template/model.ts';
import { asString } from '../values/coerce.ts';
import type { Variant } from '../values/variant.ts';
import { own } from './lookup.ts';
import { perRunNoting } from './per-run.ts';

type Ctx = RuleContext<any, any>;

export const BUCKET_POLICY = 'AWS::S3::BucketPolicy';

/** Stands for an Fn::If inside an ARN pattern. */
const IF_MARKER = '\uE000Fn::If\uE001';

/** Stands for one reference inside an ARN pattern (private-use characters: never in a real name). */
const marker = (name: string) => `\uE000${name}\uE001`;

/**
 * The text of an ARN or name as written, with each reference (Ref, GetAtt, ${...}) kept as a marker; undefined for
 * anything else (Fn::If, Fn::ImportValue, ...). Fn::Sub variables and Fn::Join parts are followed.
 */
export function arnPattern(node: unknown, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  const intrinsic = intrinsicOf(node);
  if (!intrinsic) return undefined;
  const { name, args } = intrinsic;
  if (name === 'Ref' && typeof args === 'string') return marker(args);
  if (name === 'Fn::GetAtt') {
    const [id, attribute] = typeof args === 'string' ? splitOnce(args) : Array.isArray(args) ? [args[0], args[1]] : [];
    return typeof id === 'string' && typeof attribute === 'string' ? marker(`${id}.${attribute}`) : undefined;
  }
  if (name === 'Fn::Sub') {
    const text = typeof args === 'string' ? args : Array.isArray(args) && typeof args[0] === 'string' ? args[0] : undefined;
    if (text === undefined) return undefined;
    const vars = Array.isArray(args) && isPlainObject(args[1]) ? args[1] : {};
    let out = '';
    for (const part of parseSubString(text)) {
      if (typeof part === 'string') out += part;
      else if (!part.attribute && part.name in vars) {
        const inner = arnPattern(vars[part.name], depth + 1);
        if (inner === undefined) return undefined;
        out += inner;
      } else out += marker(part.attribute ? `${part.name}.${part.attribute}` : part.name);
    }
    return out;
  }
  // Either branch (often the partition: aws or aws-us-gov): a marker that coverage() accepts only outside the name.
  if (name === 'Fn::If') return IF_MARKER;
  if (name === 'Fn::Join' && Array.isArray(args) && typeof args[0] === 'string' && Array.isArray(args[1])) {
    const parts = args[1].map((p) => arnPattern(p, depth + 1));
    return parts.every((p) => p !== undefined) ? parts.join(args[0]) : undefined;
  }
  return undefined;
}

function splitOnce(text: string): [string, string] | [] {
  const dot = text.indexOf('.');
  return dot > 0 ? [text.slice(0, dot), text.slice(dot + 1)] : [];
}

/** The pattern of a value read through ctx (a variant): its node in the resource when written there, else its literal text. */
function patternOf(resource: Resource, v: Variant): string | undefined {
  if (v.kind === 'literal' && typeof v.value === 'string' && !v.symbolic) return v.value;
  if (!v.external) {
    const fromNode = arnPattern(valueAt(resource.node, v.path));
    if (fromNode !== undefined) return fromNode;
  }
  return v.kind === 'literal' ? asString(v) : undefined;
}

/** What stands for a bucket in ARN patterns: its logical id, and the patterns of its name. */
export interface BucketIdentity {
  /** The logical id of the bucket in the template, if it is one. */
  logicalId?: string;
  /** Patterns of the bucket's name ("my-bucket", a Ref marker, `${AWS::StackName}-logs`). */
  names: string[];
}

const identities = new WeakMap<Resource, BucketIdentity>();

/** The identity of a bucket of the template. */
export function bucketIdentity(ctx: Ctx, bucket: Resource): BucketIdentity {
  let identity = identities.get(bucket);
  if (!identity) {
    const names = [marker(bucket.logicalId)];
    for (const name of ctx.value(bucket, ['Properties', 'BucketName'])) {
      const pattern = patternOf(bucket, name);
      if (pattern && !names.includes(pattern)) names.push(pattern);
    }
    identities.set(bucket, (identity = { logicalId: bucket.logicalId, names }));
  }
  return identity;
}

/** The bucket a policy's `Bucket` names: a bucket of the template, or only a name pattern (an outside bucket). */
export interface PolicyTarget {
  bucket?: Resource;
  identity: BucketIdentity;
  /** The Bucket value (unknown when neither a template bucket nor a pattern could be read). */
  value: Variant;
}

interface PolicyIndex {
  targets: Map<Resource, PolicyTarget[]>;
  byBucket: Map<Resource, Resource[]>;
  /** Bucket values that may name any bucket (an import, a parameter without a Default). */
  unknown: Variant[];
}

const indexes = new WeakMap<object, PolicyIndex>();

/** For one template: every bucket policy's targets, and the policies of each bucket (built once, linear). */
function policyIndex(ctx: Ctx): PolicyIndex {
  let index = indexes.get(ctx.template);
  if (index) return index;
  const byName = new Map<string, Resource>();
  for (const bucket of ctx.graph.ofType('AWS::S3::Bucket')) {
    for (const name of bucketIdentity(ctx, bucket).names) if (!byName.has(name)) byName.set(name, bucket);
  }
  index = { targets: new Map(), byBucket: new Map(), unknown: [] };
  for (const policy of ctx.graph.ofType(BUCKET_POLICY)) {
    const targets: PolicyTarget[] = [];
    for (const value of ctx.value(policy, ['Properties', 'Bucket'])) {
      const ref = value.ref?.logicalId;
      const referenced = ref ? ctx.template.resources.get(ref) : undefined;
      const pattern = referenced ? undefined : patternOf(policy, value);
      // By reference, or by a name pattern equal to the bucket's own (a literal name, a parameter, `${AWS::StackName}-logs`).
      const bucket = referenced?.type === 'AWS::S3::Bucket' ? referenced : pattern !== undefined ? byName.get(pattern) : undefined;
      if (bucket) {
        targets.push({ bucket, identity: bucketIdentity(ctx, bucket), value });
        const list = index.byBucket.get(bucket) ?? [];
        if (!list.includes(policy)) list.push(policy);
        index.byBucket.set(bucket, list);
      } else {
        targets.push({ identity: { names: pattern === undefined ? [] : [pattern] }, value });
        if (pattern === undefined && !value.ref) index.unknown.push(value);
      }
    }
    index.targets.set(policy, targets);
  }
  indexes.set(ctx.template, index);
  return index;
}

/** Every reading of the bucket a BucketPolicy applies to. */
export function policyTargets(ctx: Ctx, policy: Resource): PolicyTarget[] {
  return policyIndex(ctx).targets.get(policy) ?? [];
}

/** The bucket policies of the template that apply to a bucket, and the Bucket values that cannot be told apart from it. */
export function policiesOf(ctx: Ctx, bucket: Resource): { policies: Resource[]; unknown: Variant[] } {
  const index = policyIndex(ctx);
  return { policies: index.byBucket.get(bucket) ?? [], unknown: index.unknown };
}

/** One reading of a policy's statements (under an undecided Fn::If there is one per branch). */
export interface StatementSet {
  /** The Statement value this reading rests on (its assumptions name the branch). */
  list: Variant;
  statements: Variant[];
  /** Some statement of this reading cannot be known (noted for --report-unknown). */
  unknown: boolean;
}

/** The readings of a policy document's statements (an object, or its JSON text); an unknown document is noted. */
export function statementSets(ctx: Ctx, from: Resource | Variant, path: (string | number)[]): StatementSet[] {
  const sets: StatementSet[] = [];
  for (const doc of ctx.value(from, path)) {
    if (!ctx.known(doc, 'the policy document')) {
      sets.push({ list: doc, statements: [], unknown: true });
      continue;
    }
    if (doc.kind !== 'literal') continue;
    for (const list of ctx.value(doc, ['Statement'])) {
      if (!ctx.known(list, 'the policy statements')) {
        sets.push({ list, statements: [], unknown: true });
        continue;
      }
      if (list.kind !== 'literal') continue;
      const set: StatementSet = { list, statements: [], unknown: false };
      for (const statement of Array.isArray(list.value) ? ctx.items(list, []) : [list]) {
        if (!ctx.known(statement, 'a policy statement')) set.unknown = true;
        else if (statement.kind === 'literal' && isPlainObject(statement.value)) set.statements.push(statement);
      }
      sets.push(set);
    }
  }
  return sets;
}

/** Every statement of a policy document, whatever reading it belongs to. */
export function statementsOf(ctx: Ctx, from: Resource | Variant, path: (string | number)[]): Variant[] {
  return statementSets(ctx, from, path).flatMap((set) => set.statements);
}

/** The strings of a value that is a string or a list of them; undefined when some element cannot be known. */
export function stringsOf(ctx: Ctx, value: Variant): string[] | undefined {
  if (value.kind === 'absent') return [];
  if (value.kind !== 'literal') return undefined;
  const elements = Array.isArray(value.value) ? ctx.items(value, []) : [value];
  const out: string[] = [];
  for (const element of elements) {
    const text = asString(element);
    if (text === undefined) return undefined;
    out.push(text);
  }
  return out;
}

/**
 * Whether a Principal is everyone: "*", {AWS: "*"} or a list holding "*"; undefined when it cannot be known. An
 * element built from references around literal text (`arn:aws:iam::${Account}:root`) is an account, never "*".
 */
export function principalIsEveryone(ctx: Ctx, principal: Variant, resource?: Resource): boolean | undefined {
  if (principal.kind === 'absent') return false;
  if (principal.kind !== 'literal') return undefined;
  if (typeof principal.value === 'string') return principal.value.trim() === '*';
  if (!isPlainObject(principal.value)) return false;
  let unknown = false;
  for (const aws of ctx.value(principal, ['AWS'])) {
    if (aws.kind === 'absent') continue;
    if (aws.kind !== 'literal') {
      if (!aws.ref && !namesSomeoneElse(resource, aws)) unknown = true;
      continue;
    }
    for (const element of Array.isArray(aws.value) ? ctx.items(aws, []) : [aws]) {
      const text = asString(element);
      if (text !== undefined) {
        if (text.trim() === '*') return true;
      } else if (!element.ref && !namesSomeoneElse(resource, element)) unknown = true;
    }
  }
  return unknown ? undefined : false;
}

/** Whether an unknown principal is written as references around literal text: an ARN or account, not "*". */
function namesSomeoneElse(resource: Resource | undefined, v: Variant): boolean {
  if (!resource || v.external) return false;
  const pattern = arnPattern(valueAt(resource.node, v.path));
  return pattern !== undefined && pattern.replace(/\uE000[^\uE001]*\uE001/g, '').trim() !== '';
}

/** The service principals a Principal names (`logging.s3.amazonaws.com`...), lower-cased. */
export function servicePrincipals(ctx: Ctx, principal: Variant): string[] {
  if (principal.kind !== 'literal' || !isPlainObject(principal.value)) return [];
  const out: string[] = [];
  for (const service of ctx.value(principal, ['Service'])) out.push(...(stringsOf(ctx, service) ?? []).map((s) => s.toLowerCase()));
  return out;
}

/** Whether an IAM action pattern (with * and ? wildcards, any case) matches an action. */
export function actionMatches(pattern: string, action: string): boolean {
  const source = pattern
    .trim()
    .toLowerCase()
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(action.toLowerCase());
}

/** Which part of a bucket a Resource element covers. */
export type Coverage = 'bucket' | 'objects' | 'all' | 'some-objects' | 'other' | 'unknown';

// The partition may be a ${AWS::Partition} marker, whose name holds colons.
const S3_ARN = /^arn:(?:\uE000[^\uE001]*\uE001|[^:])*:s3:::/;

/** What one Resource pattern covers of the bucket with the given identity. */
export function coverage(pattern: string, identity: BucketIdentity): Coverage {
  const text = pattern.trim();
  if (text === '*') return 'all';
  let rest: string | undefined;
  if (identity.logicalId && text.startsWith(marker(`${identity.logicalId}.Arn`))) {
    rest = text.slice(marker(`${identity.logicalId}.Arn`).length);
  } else if (S3_ARN.test(text)) {
    const name = text.replace(S3_ARN, '');
    if (name === '*') return 'all';
    const own = identity.names.find((n) => name.startsWith(n));
    if (own !== undefined) rest = name.slice(own.length);
  }
  if (rest === undefined) return text.replace(S3_ARN, '').includes(IF_MARKER) ? 'unknown' : 'other';
  if (rest === '') return 'bucket';
  if (rest === '*') return 'all';
  if (rest === '/*') return 'objects';
  return rest.startsWith('/') ? 'some-objects' : 'other';
}

/** The patterns of a statement's Resource (each element), or undefined when one cannot be read. */
export function resourcePatterns(ctx: Ctx, policy: Resource, resource: Variant): string[] | undefined {
  if (resource.kind === 'absent') return [];
  const elements = resource.kind === 'literal' && Array.isArray(resource.value) ? ctx.items(resource, []) : [resource];
  const out: string[] = [];
  for (const element of elements) {
    const pattern = patternOf(policy, element);
    if (pattern === undefined) return undefined;
    out.push(pattern);
  }
  return out;
}

/** The services that deliver logs into a bucket, as far as the template shows (empty when none does). */
export type LogSource = 's3' | 'elb' | 'cloudtrail' | 'cloudfront' | 'vpc-flow-logs' | 'config' | 'waf' | 'log-delivery';

/** Properties of other resources that name a bucket as a log destination. */
const LOG_REFERRERS: ReadonlyArray<{ type: string; via: string[]; source: LogSource }> = [
  { type: 'AWS::S3::Bucket', via: ['Properties', 'LoggingConfiguration', 'DestinationBucketName'], source: 's3' },
  { type: 'AWS::CloudTrail::Trail', via: ['Properties', 'S3BucketName'], source: 'cloudtrail' },
  { type: 'AWS::CloudFront::Distribution', via: ['Properties', 'DistributionConfig', 'Logging'], source: 'cloudfront' },
  { type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', via: ['Properties', 'LoadBalancerAttributes'], source: 'elb' },
  { type: 'AWS::ElasticLoadBalancing::LoadBalancer', via: ['Properties', 'AccessLoggingPolicy'], source: 'elb' },
  { type: 'AWS::EC2::FlowLog', via: ['Properties', 'LogDestination'], source: 'vpc-flow-logs' },
  { type: 'AWS::Config::DeliveryChannel', via: ['Properties', 'S3BucketName'], source: 'config' },
  { type: 'AWS::WAFv2::LoggingConfiguration', via: ['Properties', 'LogDestinationConfigs'], source: 'waf' },
  { type: 'AWS::Logs::DeliveryDestination', via: ['Properties', 'DestinationResourceArn'], source: 'log-delivery' },
  { type: 'AWS::SSM::Association', via: ['Properties', 'OutputLocation'], source: 'log-delivery' },
];

/** Service principals whose PutObject grant marks a log bucket. */
const LOG_SERVICES: Record<string, LogSource> = {
  'logging.s3.amazonaws.com': 's3',
  'cloudtrail.amazonaws.com': 'cloudtrail',
  'config.amazonaws.com': 'config',
  'delivery.logs.amazonaws.com': 'log-delivery',
  'logdelivery.elasticloadbalancing.amazonaws.com': 'elb',
  'elasticloadbalancing.amazonaws.com': 'elb',
};

/** CloudWatch Logs exports: `logs.<region>.amazonaws.com` (the Region often a ${AWS::Region} placeholder). */
const REGIONAL_LOGS = /^logs\.[^.]+\.amazonaws\.com(\.cn)?$/;

/**
 * Which services deliver logs into `bucket`: other resources naming it as their log destination (by reference or
 * by name), the LogDeliveryWrite ACL (S3 server access logs), and bucket policy statements that let a log delivery
 * service (or, for load balancers, an account principal) put objects under `AWSLogs/`.
 */
export function logSources(ctx: Ctx, bucket: Resource): ReadonlySet<LogSource> {
  // Asked by the logging and the encryption rules of every bucket.
  return sourcesOf(ctx, bucket, (recording) => findLogSources(recording, bucket));
}
const sourcesOf = perRunNoting<Resource, ReadonlySet<LogSource>>();

function findLogSources(ctx: Ctx, bucket: Resource): Set<LogSource> {
  const sources = new Set<LogSource>();
  const identity = bucketIdentity(ctx, bucket);
  for (const { type, via, source } of LOG_REFERRERS) {
    for (const { resource } of ctx.graph.referrers(bucket.logicalId, type, via)) if (resource !== bucket) sources.add(source);
  }
  // By name: a literal or parameter-built name equal to the bucket's (the references are graph edges above).
  const byName = logDestinationNames(ctx);
  for (const name of identity.names.slice(1)) for (const source of byName.get(name) ?? []) sources.add(source);
  for (const acl of ctx.value(bucket, ['Properties', 'AccessControl'])) if (asString(acl) === 'LogDeliveryWrite') sources.add('s3');
  for (const policy of policiesOf(ctx, bucket).policies) {
    for (const statement of statementsOf(ctx, policy, ['Properties', 'PolicyDocument'])) {
      for (const [effect, principal, action, resource] of ctx.each(
        ctx.value(statement, ['Effect']),
        ctx.value(statement, ['Principal']),
        ctx.value(statement, ['Action']),
        ctx.value(statement, ['Resource']),
      )) {
        if (asString(effect) !== 'Allow') continue;
        const actions = stringsOf(ctx, action) ?? [];
        if (!actions.some((a) => actionMatches(a, 's3:PutObject'))) continue;
        const services = servicePrincipals(ctx, principal);
        for (const service of services) {
          const source = own(LOG_SERVICES, service) ?? (REGIONAL_LOGS.test(service) ? 'log-delivery' : undefined);
          if (source) sources.add(source);
        }
        // Classic load balancer log delivery: the Region's ELB account puts objects under AWSLogs/.
        const patterns = resourcePatterns(ctx, policy, resource) ?? [];
        if (services.length === 0 && patterns.some((p) => p.includes('AWSLogs'))) sources.add('elb');
      }
    }
  }
  return sources;
}

const destinationNames = new WeakMap<object, Map<string, Set<LogSource>>>();

/** For one template: the bucket names (patterns) that resources name as a log destination, with the services. */
function logDestinationNames(ctx: Ctx): Map<string, Set<LogSource>> {
  let names = destinationNames.get(ctx.template);
  if (!names) {
    names = new Map();
    for (const { type, via, source } of LOG_REFERRERS) {
      for (const resource of ctx.graph.ofType(type)) {
        for (const name of bucketNamesIn(valueAt(resource.node, via))) {
          // A bucket that names itself as its own log destination is no log sink of another bucket.
          if (type === 'AWS::S3::Bucket' && bucketIdentity(ctx, resource).names.includes(name)) continue;
          let set = names.get(name);
          if (!set) names.set(name, (set = new Set()));
          set.add(source);
        }
      }
    }
    destinationNames.set(ctx.template, names);
  }
  return names;
}

/** The bucket names (patterns) a raw value holds: a name, an S3 ARN, a bucket domain name, or lists and mappings of them. */
function bucketNamesIn(node: unknown, depth = 0): string[] {
  if (depth > 4 || node === undefined) return [];
  if (Array.isArray(node)) return node.flatMap((n) => bucketNamesIn(n, depth + 1));
  if (isPlainObject(node) && !intrinsicOf(node)) return Object.values(node).flatMap((n) => bucketNamesIn(n, depth + 1));
  const pattern = arnPattern(node);
  if (pattern === undefined) return [];
  const name = pattern
    .replace(S3_ARN, '')
    .replace(/\.s3(\.[a-z0-9-]+)?\.amazonaws\.com$/, '')
    .replace(/\/.*$/, '');
  return name ? [name] : [];
}
