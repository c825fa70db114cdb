// One reading of a CloudFront distribution's cache behaviors: the default one and each entry of CacheBehaviors, which
// cache policy each uses (a managed policy by its well-known id, a CachePolicy of the template by Ref, or the legacy
// ForwardedValues settings), and which kind of origin it serves (an S3 bucket or something else).
import type { RuleContext } from '../engine/rule.ts';
import type { Resource } from '../template/model.ts';
import { asString, isSet } from '../values/coerce.ts';
import { clip } from '../values/quote.ts';
import type { Variant } from '../values/variant.ts';
import { own } from './lookup.ts';

const CONFIG = ['Properties', 'DistributionConfig'];
const CACHE_POLICY = 'AWS::CloudFront::CachePolicy';
const BUCKET = 'AWS::S3::Bucket';

/** What a managed cache policy does, as far as the rules need it. */
export interface ManagedPolicy {
  name: string;
  /** All TTLs are 0: nothing is cached. */
  cachingDisabled: boolean;
  /** Accept-Encoding gzip and/or brotli is in the cache key, so CloudFront can compress. */
  compression: boolean;
}

/** AWS managed cache policies by id (CloudFront Developer Guide, "Use managed cache policies"). */
export const MANAGED_CACHE_POLICIES: Readonly<Record<string, ManagedPolicy>> = {
  '658327ea-f89d-4fab-a63d-7e88639e58f6': { name: 'CachingOptimized', cachingDisabled: false, compression: true },
  'b2884449-e4de-46a7-ac36-70bc7f1ddd6d': { name: 'CachingOptimizedForUncompressedObjects', cachingDisabled: false, compression: false },
  '4135ea2d-6df8-44a3-9df3-4b5a84be39ad': { name: 'CachingDisabled', cachingDisabled: true, compression: false },
  '08627262-05a9-4f76-9ded-b50ca2e3a84f': { name: 'Elemental-MediaPackage', cachingDisabled: false, compression: true },
  '2e54312d-136d-493c-8eb9-b001f22f67d2': { name: 'Amplify', cachingDisabled: false, compression: true },
  '83da9c7e-98b4-4e11-a168-04f0df8e2c65': { name: 'UseOriginCacheControlHeaders', cachingDisabled: false, compression: true },
  '4cc15a8a-d715-48a4-82b8-cc0b614638fe': { name: 'UseOriginCacheControlHeaders-QueryStrings', cachingDisabled: false, compression: true },
};

/** One cache behavior of a distribution. */
export interface CacheBehavior {
  /** The behavior itself: DistributionConfig.DefaultCacheBehavior, or one element of CacheBehaviors. */
  at: Variant;
  /** For messages: `the default cache behavior` or `cache behavior "/api/*"`. */
  label: string;
  /** The PathPattern of a CacheBehaviors entry (undefined for the default behavior). */
  pattern?: Variant;
}

/** Every cache behavior of the distribution whose value is known; unknown ones are noted for --report-unknown. */
export function cacheBehaviors(ctx: RuleContext<any, any>, distribution: Resource): CacheBehavior[] {
  const out: CacheBehavior[] = [];
  for (const behavior of ctx.value(distribution, [...CONFIG, 'DefaultCacheBehavior'])) {
    if (ctx.known(behavior, 'DefaultCacheBehavior') && behavior.kind === 'literal') out.push({ at: behavior, label: 'the default cache behavior' });
  }
  for (const behavior of ctx.items(distribution, [...CONFIG, 'CacheBehaviors'])) {
    if (!ctx.known(behavior, 'the cache behaviors') || behavior.kind !== 'literal') continue;
    for (const pattern of ctx.value(behavior, ['PathPattern'])) {
      const name = asString(pattern);
      const label = `cache behavior ${name === undefined ? '(path pattern not known)' : JSON.stringify(clip(name))}`;
      out.push({ at: behavior, label, pattern });
    }
  }
  return out;
}

/** The cache settings a behavior uses. */
export type CachePolicyReading =
  /** No CachePolicyId: the legacy cache settings (ForwardedValues, MinTTL/DefaultTTL/MaxTTL) apply. */
  | { kind: 'legacy'; id: Variant }
  /** An AWS managed policy, known by its id. */
  | { kind: 'managed'; id: Variant; policy: ManagedPolicy }
  /** An AWS::CloudFront::CachePolicy of the template (Ref gives its id). */
  | { kind: 'resource'; id: Variant; resource: Resource }
  /** A policy the template does not define (another stack's, an id only known at deploy time): read as unknown. */
  | { kind: 'unknown'; id: Variant };

/** The cache policy of a behavior, once per reading of its CachePolicyId. */
export function cachePolicyOf(ctx: RuleContext<any, any>, behavior: Variant): CachePolicyReading[] {
  return ctx.value(behavior, ['CachePolicyId']).map((id): CachePolicyReading => {
    if (id.kind === 'absent' || (id.kind === 'literal' && !isSet(id))) return { kind: 'legacy', id };
    if (id.ref) {
      const resource = ctx.template.resources.get(id.ref.logicalId);
      if (resource?.type === CACHE_POLICY && id.ref.attribute === undefined) return { kind: 'resource', id, resource };
      if (resource?.type === CACHE_POLICY && id.ref.attribute === 'Id') return { kind: 'resource', id, resource };
      return { kind: 'unknown', id };
    }
    const text = asString(id)?.toLowerCase();
    const managed = text === undefined ? undefined : own(MANAGED_CACHE_POLICIES, text);
    return managed ? { kind: 'managed', id, policy: managed } : { kind: 'unknown', id };
  });
}

/** What kind of origin a behavior's TargetOriginId names. */
export type OriginKind = 's3' | 'other';

/**
 * The kind of origin a behavior serves: `s3` for an S3 bucket (S3OriginConfig, an S3 domain name, or a bucket of the
 * template named through Fn::GetAtt/Ref), `other` for anything else (a load balancer, API Gateway, a Lambda URL, a
 * custom host); an origin group is `s3` only when every member is. Undefined when it cannot be told (an origin list or
 * id only known at deploy time, an origin the distribution does not define).
 */
export function originKind(ctx: RuleContext<any, any>, distribution: Resource, behavior: Variant): OriginKind | undefined {
  let kind: OriginKind | undefined;
  for (const target of ctx.value(behavior, ['TargetOriginId'])) {
    // An id written as a Ref (`Id: !Ref OriginAlb` on both sides) matches by the resource it names.
    const id = asString(target) ?? (target.ref ? refKey(target) : undefined);
    if (id === undefined) return undefined;
    const one = originKindById(ctx, distribution, id, 0);
    if (one === undefined || (kind !== undefined && kind !== one)) return undefined;
    kind = one;
  }
  return kind;
}

function originKindById(ctx: RuleContext<any, any>, distribution: Resource, id: string, depth: number): OriginKind | undefined {
  for (const origin of ctx.items(distribution, [...CONFIG, 'Origins'])) {
    if (origin.kind !== 'literal') continue;
    if (!ctx.value(origin, ['Id']).some((v) => (asString(v) ?? (v.ref ? refKey(v) : undefined)) === id)) continue;
    return s3Origin(ctx, distribution, origin);
  }
  if (depth > 0) return undefined;
  // An origin group: S3 only when all its members are.
  for (const group of ctx.items(distribution, [...CONFIG, 'OriginGroups', 'Items'])) {
    if (group.kind !== 'literal' || !ctx.value(group, ['Id']).some((v) => asString(v) === id)) continue;
    const kinds = ctx
      .items(group, ['Members', 'Items'])
      .flatMap((member) => ctx.value(member, ['OriginId']))
      .map((member) => {
        const memberId = asString(member);
        return memberId === undefined ? undefined : originKindById(ctx, distribution, memberId, depth + 1);
      });
    if (kinds.length === 0 || kinds.includes(undefined)) return undefined;
    return kinds.every((k) => k === 's3') ? 's3' : 'other';
  }
  return undefined;
}

const S3_DOMAIN = /\.s3([.-][a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/i;

function s3Origin(ctx: RuleContext<any, any>, distribution: Resource, origin: Variant): OriginKind | undefined {
  if (ctx.value(origin, ['S3OriginConfig']).some((v) => v.kind !== 'absent')) return 's3';
  for (const domain of ctx.value(origin, ['DomainName'])) {
    if (domain.ref) {
      const target = ctx.template.resources.get(domain.ref.logicalId);
      return target?.type === BUCKET ? 's3' : 'other';
    }
    const text = asString(domain);
    if (text !== undefined) {
      // A bucket's website endpoint (bucket.s3-website-region.amazonaws.com) serves static content too.
      if (S3_DOMAIN.test(text.replace(/\/.*$/, ''))) return 's3';
      // Built with Fn::Sub / Fn::Join from a bucket of the template (e.g. its WebsiteURL split into a host).
      const path = domain.path;
      const fromBucket = ctx.graph.edgesFrom(distribution.logicalId).some((e) => startsWith(e.path, path) && ctx.template.resources.get(e.to)?.type === BUCKET);
      return fromBucket ? 's3' : 'other';
    }
    if (domain.kind === 'unknown') {
      // Fn::Select / Fn::Split / Fn::Sub over an attribute of a resource of the template (a bucket's WebsiteURL, a
      // function URL, an API id) leaves the value unknown but the edge in place: the resource tells the kind.
      const targets = ctx.graph
        .edgesFrom(distribution.logicalId)
        .filter((e) => startsWith(e.path, domain.path))
        .map((e) => ctx.template.resources.get(e.to)?.type);
      if (targets.length === 0) return undefined;
      return targets.includes(BUCKET) ? 's3' : 'other';
    }
  }
  return 'other';
}

/** A Ref or Fn::GetAtt as a string that cannot collide with a literal origin id. */
function refKey(v: Variant): string {
  return `\u0000${v.ref?.logicalId}.${v.ref?.attribute ?? ''}`;
}

function startsWith(path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}
