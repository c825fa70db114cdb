import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import {
  actionMatches,
  BUCKET_POLICY,
  type BucketIdentity,
  type Coverage,
  coverage,
  policiesOf,
  policyTargets,
  principalIsEveryone,
  resourcePatterns,
  statementSets,
  stringsOf,
} from '../../src/rule-helpers/bucket-policy.ts';
import { isPlainObject } from '../../src/template/intrinsics.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString } from '../../src/values/coerce.ts';
import { clip } from '../../src/values/quote.ts';
import type { Variant } from '../../src/values/variant.ts';

/** Actions a TLS deny must cover: reading, writing, deleting and listing. */
const DATA_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket'];

const MESSAGES = {
  noPolicy: 'Bucket {{logicalId}} has no bucket policy, so nothing denies requests made without TLS: objects can be read and written over plain HTTP.',
  noDeny:
    'Bucket policy {{policy}} has no statement that denies requests made without TLS (Effect Deny, Principal "*", Condition Bool aws:SecureTransport false), so {{bucket}} can be read and written over plain HTTP.',
  partial: 'Bucket policy {{policy}} denies requests made without TLS only {{covered}}: {{missing}} can still be reached over plain HTTP.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof MESSAGES>;

export default defineRule({
  id: 's3-bucket-ssl-requests-only',
  pillar: 'security',
  level: 'warning',
  title: 'S3 bucket policies deny requests made without TLS',
  rationale:
    'S3 answers plain HTTP as well as HTTPS. Unless the bucket policy refuses requests whose `aws:SecureTransport` is ' +
    'false, a misconfigured client, an old SDK or a script with an `http://` endpoint sends credentials-signed requests ' +
    'and object data in clear text, where anyone on the path can read or replay them.',
  remediation:
    'Add a bucket policy statement that denies every S3 action to everyone when the request is not made over TLS, on ' +
    'the bucket and on its objects (CDK: `enforceSSL: true`).\n\n' +
    "```yaml\nPolicyDocument:\n  Statement:\n    - Sid: DenyInsecureTransport\n      Effect: Deny\n      Principal: '*'\n      Action: 's3:*'\n" +
    "      Resource:\n        - !GetAtt DataBucket.Arn\n        - !Sub '${DataBucket.Arn}/*'\n      Condition:\n        Bool:\n          'aws:SecureTransport': 'false'\n```",
  wellArchitected: ['SEC09-BP02'],
  securityHub: ['S3.5'],
  securitySeverity: '6.5',
  appliesTo: ['AWS::S3::Bucket', BUCKET_POLICY],
  peers: {
    checkov: [],
    cfn_nag: [],
    // Both run on each bucket and look for the aws:SecureTransport deny in its policy, as this rule does.
    cdk_nag: [
      { id: 'AwsSolutions-S10', resourceTypes: ['AWS::S3::Bucket'] },
      { id: 'S3BucketSSLRequestsOnly', resourceTypes: ['AWS::S3::Bucket'] },
    ],
    // Asks every bucket policy for one exact statement (Resource "*"): suppressed on a policy, it covers the findings
    // reported on policies (those of buckets outside the template).
    guard: [{ id: 'S3_BUCKET_SSL_REQUESTS_ONLY', resourceTypes: [BUCKET_POLICY] }],
  },
  messages: MESSAGES,
  docs: {
    noncompliant: [
      'Resources:',
      '  DataBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketEncryption:',
      '        ServerSideEncryptionConfiguration:',
      '          - ServerSideEncryptionByDefault:',
      '              SSEAlgorithm: aws:kms',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  DataBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketEncryption:',
      '        ServerSideEncryptionConfiguration:',
      '          - ServerSideEncryptionByDefault:',
      '              SSEAlgorithm: aws:kms',
      '  DataBucketPolicy:',
      '    Type: AWS::S3::BucketPolicy',
      '    Properties:',
      '      Bucket: !Ref DataBucket',
      '      PolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Sid: DenyInsecureTransport',
      '            Effect: Deny',
      "            Principal: '*'",
      "            Action: 's3:*'",
      '            Resource:',
      '              - !GetAtt DataBucket.Arn',
      "              - !Sub '${DataBucket.Arn}/*'",
      '            Condition:',
      '              Bool:',
      "                'aws:SecureTransport': 'false'",
    ].join('\n'),
    notes:
      'A bucket passes when a bucket policy of the template applies to it (its `Bucket` is a `Ref` to the bucket, or ' +
      "the bucket's name, also when built with `Fn::Sub` or from the same parameter) and has a statement with " +
      '`Effect: Deny`, `Principal: "*"` (or `{AWS: "*"}`), actions that include reading, writing, deleting and listing ' +
      '(`s3:*` or `*`) and `Condition: {Bool: {aws:SecureTransport: false}}` (also `BoolIfExists`), whose Resource ' +
      'covers both the bucket ARN and its objects (`arn/*`), or `*`. ARNs are read as written: `!GetAtt B.Arn`, ' +
      '`!Sub ${B.Arn}/*`, `arn:${AWS::Partition}:s3:::${B}/*`, and the `Fn::Join` form CDK writes for `enforceSSL: true`. ' +
      'A bucket without such a deny is reported on the bucket (the message names its policy, when it has one), as AWS ' +
      'Config and cdk-nag judge buckets; a policy of a bucket outside the template is reported on the policy. A deny ' +
      'that covers only the objects or only the bucket ARN gets a message of its own. Unlike the catalog entry, a deny on ' +
      '`NumericLessThan s3:TlsVersion` alone does not pass: a plain HTTP request carries no `s3:TlsVersion`, so that ' +
      'condition never matches it. A bucket that has no policy in the template while some policy names an imported ' +
      'bucket, and values only known at deploy time, are not findings; `--report-unknown` lists them.',
  },
  check(resource, ctx) {
    if (resource.type === BUCKET_POLICY) {
      // Policies of buckets in the template are judged on the bucket (as AWS Config and cdk-nag do); this covers
      // policies of buckets outside it.
      checkPolicy(ctx, resource, undefined);
      return;
    }
    const { policies, unknown } = policiesOf(ctx, resource);
    for (const policy of policies) checkPolicy(ctx, policy, resource);
    if (policies.length) return;
    const [maybe] = unknown;
    if (maybe) {
      ctx.unknown(maybe, 'the bucket a bucket policy applies to');
      return;
    }
    ctx.report({ messageId: 'noPolicy', at: ['Properties'] });
  },
});

interface TlsDeny {
  statement: Variant;
  resource: Variant;
  covers: Set<Coverage>;
}

/**
 * Checks one policy for the TLS deny: for `bucket` (reported on the bucket), or, without one, for the outside
 * buckets it names (reported on the policy).
 */
function checkPolicy(ctx: Ctx, policy: Resource, bucket: Resource | undefined): void {
  const sets = statementSets(ctx, policy, ['Properties', 'PolicyDocument']);
  for (const target of policyTargets(ctx, policy)) {
    if (bucket ? target.bucket !== bucket : target.bucket) continue;
    const named = target.identity.names.find((n) => !n.includes('\uE000'));
    const what = bucket ? `bucket ${bucket.logicalId}` : named ? `bucket ${JSON.stringify(clip(named))}` : 'its bucket';
    for (const set of sets) {
      // A branch of the document that cannot occur with this reading of the Bucket is no reading at all.
      if (!ctx.each([set.list], [target.value]).length) continue;
      const denies: TlsDeny[] = [];
      let unknown = set.unknown;
      for (const statement of set.statements) {
        const found = tlsDeny(ctx, policy, statement, target.identity);
        if (found === 'unknown') unknown = true;
        // A deny on other resources only is no deny for this bucket.
        else if (found) denies.push(...found.filter((d) => [...d.covers].some((c) => c !== 'other')));
      }
      const covered = new Set(denies.flatMap((d) => [...d.covers]));
      if (covered.has('all') || (covered.has('bucket') && covered.has('objects'))) continue;
      if (unknown) continue; // a statement that cannot be read may be the deny (noted by the helpers)
      // On the bucket, the finding points at the bucket; the policy's assumptions (a branch, a parameter) are named.
      const at = (v: Variant | undefined) => (bucket ? ['Properties'] : v);
      if (denies.length === 0) {
        ctx.report({ messageId: 'noDeny', at: at(set.list), because: [set.list, target.value], data: { policy: policy.logicalId, bucket: what } });
        continue;
      }
      const objects = covered.has('objects');
      ctx.report({
        messageId: 'partial',
        at: at(denies[0]?.resource),
        because: [set.list, target.value],
        data: covered.has('bucket')
          ? { policy: policy.logicalId, covered: 'on the bucket ARN, not on its objects', missing: `the objects of ${what} (ARN/*)` }
          : {
              policy: policy.logicalId,
              covered: `on ${objects ? 'the' : 'some'} objects, not on the bucket ARN`,
              missing: `${what} itself (listing, bucket settings)${objects ? '' : ' and its other objects'}`,
            },
      });
    }
  }
}

/**
 * The TLS denies a statement makes for the bucket (Deny, everyone, every data action, aws:SecureTransport false),
 * with what each covers; 'unknown' when a value that decides it cannot be known.
 */
function tlsDeny(ctx: Ctx, policy: Resource, statement: Variant, identity: BucketIdentity): TlsDeny[] | 'unknown' | undefined {
  const field = (name: string) => ctx.value(statement, [name]);
  const out: TlsDeny[] = [];
  let unknown = false;
  for (const [effect, principal, action, resource, condition] of ctx.each(
    field('Effect'),
    field('Principal'),
    field('Action'),
    field('Resource'),
    field('Condition'),
  )) {
    if (!ctx.known(effect, 'the Effect of a bucket policy statement') || asString(effect) !== 'Deny') {
      if (effect.kind === 'unknown') unknown = true;
      continue;
    }
    const insecure = deniesInsecureTransport(ctx, condition);
    if (insecure === false) continue;
    const everyone = principalIsEveryone(ctx, principal, policy);
    const actions = stringsOf(ctx, action);
    const patterns = resourcePatterns(ctx, policy, resource);
    if (insecure === undefined || everyone === undefined || actions === undefined || patterns === undefined) {
      const what = insecure === undefined ? condition : everyone === undefined ? principal : actions === undefined ? action : resource;
      ctx.unknown(what, 'a part of a Deny statement in a bucket policy');
      unknown = true;
      continue;
    }
    if (!everyone || !DATA_ACTIONS.every((a) => actions.some((p) => actionMatches(p, a)))) continue;
    const covers = patterns.map((p) => coverage(p, identity));
    if (covers.includes('unknown')) {
      // An Fn::If picks the bucket name: which bucket the deny covers is decided at deploy time.
      ctx.unknown(resource, 'the Resource of a Deny statement in a bucket policy');
      unknown = true;
      continue;
    }
    out.push({ statement, resource, covers: new Set(covers) });
  }
  if (out.length) return out;
  return unknown ? 'unknown' : undefined;
}

/** Whether a Condition matches requests made without TLS (Bool / BoolIfExists aws:SecureTransport false). */
function deniesInsecureTransport(ctx: Ctx, condition: Variant): boolean | undefined {
  if (condition.kind === 'absent') return false;
  if (condition.kind !== 'literal' || !isPlainObject(condition.value)) return undefined;
  let unknown = false;
  for (const [operator, keys] of Object.entries(condition.value)) {
    if (!/^bool(ifexists)?$/i.test(operator) || !isPlainObject(keys)) continue;
    for (const key of Object.keys(keys)) {
      if (key.toLowerCase() !== 'aws:securetransport') continue;
      for (const value of ctx.value(condition, [operator, key])) {
        const values = stringsOf(ctx, value);
        if (values === undefined) unknown = true;
        else if (values.some((v) => v.toLowerCase() === 'false')) return true;
      }
    }
  }
  return unknown ? undefined : false;
}
