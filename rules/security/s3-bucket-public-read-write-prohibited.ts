import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { actionMatches, BUCKET_POLICY, policyTargets, principalIsEveryone, statementSets, stringsOf } from '../../src/rule-helpers/bucket-policy.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asString, isSet } from '../../src/values/coerce.ts';
import { clip } from '../../src/values/quote.ts';
import type { Variant } from '../../src/values/variant.ts';
import { own } from '../../src/rule-helpers/lookup.ts';

/** Canned ACLs that grant access beyond the account, and to whom. */
const PUBLIC_ACLS: Record<string, { access: string; who: string }> = {
  PublicRead: { access: 'read access', who: 'everyone' },
  PublicReadWrite: { access: 'read and write access', who: 'everyone' },
  AuthenticatedRead: { access: 'read access', who: 'every AWS account' },
};

/** Actions that stand for reading and for writing a bucket's data, matched against the statement's patterns. */
const READ = ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket', 's3:ListBucketVersions'];
const WRITE = ['s3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutObjectAcl', 's3:PutBucketPolicy', 's3:DeleteBucket'];

const MESSAGES = {
  publicAcl: 'Bucket {{logicalId}} grants {{access}} to {{who}} through the canned ACL {{acl}}.',
  publicPolicy: 'Statement {{statement}} of bucket policy {{logicalId}} allows {{access}} ({{actions}}) to everyone ("*") without a Condition, on {{bucket}}.',
  aclNeutralised:
    'Bucket {{logicalId}} asks for the canned ACL {{acl}} ({{access}} for {{who}}), which {{guard}} neutralises (S3 rejects or ignores it): remove it, and serve public content through CloudFront.',
  policyNeutralised:
    'Statement {{statement}} of bucket policy {{logicalId}} allows {{access}} ({{actions}}) to everyone ("*") without a Condition, which Block Public Access on {{bucket}} neutralises (S3 rejects or ignores it): remove it, or add a Condition.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof MESSAGES>;

export default defineRule({
  id: 's3-bucket-public-read-write-prohibited',
  pillar: 'security',
  level: 'error',
  title: 'S3 buckets grant no public read or write access through ACLs or bucket policies',
  rationale:
    'A bucket that everyone can read leaks whatever lands in it, and one that everyone can write becomes free ' +
    'storage for malware and a way to overwrite or delete your data. Public grants are the cause of most S3 data ' +
    'exposures; Block Public Access only helps while it stays on.',
  remediation:
    'Remove public canned ACLs (`PublicRead`, `PublicReadWrite`, `AuthenticatedRead`) and bucket policy statements ' +
    'that allow `Principal: "*"` without a Condition. Serve public content through CloudFront with Origin Access ' +
    'Control, disable ACLs with `BucketOwnerEnforced`, and keep Block Public Access on.\n\n' +
    '```yaml\nOwnershipControls:\n  Rules:\n    - ObjectOwnership: BucketOwnerEnforced\nPublicAccessBlockConfiguration:\n' +
    '  BlockPublicAcls: true\n  IgnorePublicAcls: true\n  BlockPublicPolicy: true\n  RestrictPublicBuckets: true\n```',
  wellArchitected: ['SEC03-BP07', 'SEC08-BP04'],
  securityHub: ['S3.2', 'S3.3'],
  securitySeverity: '9.1',
  appliesTo: ['AWS::S3::Bucket', BUCKET_POLICY],
  peers: {
    // CKV_AWS_20 flags both public ACLs (PublicRead, PublicReadWrite); CKV_AWS_57 only PublicReadWrite, where
    // CKV_AWS_20 fires too, so suppressing it alone leaves checkov's own finding open: not a peer on its own.
    checkov: [{ id: 'CKV_AWS_20', messages: ['publicAcl', 'aclNeutralised'] }],
    // W31 flags PublicRead, F14 PublicReadWrite: one of them per bucket, so each covers the ACL finding.
    // F16: Allow with Principal "*" in a bucket policy.
    cfn_nag: [
      { id: 'W31', messages: ['publicAcl', 'aclNeutralised'] },
      { id: 'F14', messages: ['publicAcl', 'aclNeutralised'] },
      { id: 'F16', messages: ['publicPolicy', 'policyNeutralised'] },
    ],
    // Both run on buckets (Block Public Access, ACL and policy): suppressed there, they cover the ACL findings.
    cdk_nag: [
      { id: 'S3BucketPublicReadProhibited', resourceTypes: ['AWS::S3::Bucket'] },
      { id: 'S3BucketPublicWriteProhibited', resourceTypes: ['AWS::S3::Bucket'] },
    ],
    guard: [
      // All four Block Public Access flags on the bucket: any public ACL finding is one of theirs.
      { id: 'S3_BUCKET_PUBLIC_READ_PROHIBITED', messages: ['publicAcl', 'aclNeutralised'] },
      { id: 'S3_BUCKET_PUBLIC_WRITE_PROHIBITED', messages: ['publicAcl', 'aclNeutralised'] },
      { id: 'S3_BUCKET_POLICY_NO_WILDCARD_PRINCIPAL', messages: ['publicPolicy', 'policyNeutralised'] },
    ],
  },
  messages: MESSAGES,
  docs: {
    noncompliant: [
      'Resources:',
      '  AssetsBucket:',
      '    Type: AWS::S3::Bucket',
      '  AssetsBucketPolicy:',
      '    Type: AWS::S3::BucketPolicy',
      '    Properties:',
      '      Bucket: !Ref AssetsBucket',
      '      PolicyDocument:',
      '        Statement:',
      '          - Sid: PublicRead',
      '            Effect: Allow',
      "            Principal: '*'",
      '            Action: s3:GetObject',
      "            Resource: !Sub '${AssetsBucket.Arn}/*'",
    ].join('\n'),
    compliant: [
      'Resources:',
      '  AssetsBucket:',
      '    Type: AWS::S3::Bucket',
      '  AssetsBucketPolicy:',
      '    Type: AWS::S3::BucketPolicy',
      '    Properties:',
      '      Bucket: !Ref AssetsBucket',
      '      PolicyDocument:',
      '        Statement:',
      '          - Sid: CloudFrontRead',
      '            Effect: Allow',
      '            Principal: {Service: cloudfront.amazonaws.com}',
      '            Action: s3:GetObject',
      "            Resource: !Sub '${AssetsBucket.Arn}/*'",
      '            Condition:',
      '              StringEquals:',
      "                'AWS:SourceArn': !Sub 'arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${Distribution}'",
    ].join('\n'),
    notes:
      'Public ACLs: `PublicRead`, `PublicReadWrite` and `AuthenticatedRead` (every AWS account). Public policies: an ' +
      '`Allow` statement with `Principal: "*"` (or `{AWS: "*"}`) and no `Condition`, whose actions include reading ' +
      '(`s3:GetObject`, `s3:ListBucket`, `s3:Get*`, `s3:*`, `*`...) or writing (`s3:PutObject`, `s3:DeleteObject`...). ' +
      'Any Condition (`aws:SourceArn`, `aws:SourceVpce`, `aws:PrincipalOrgID`, `aws:SourceIp`...) is taken as a ' +
      "restriction, as the catalog asks. A grant that the bucket's own settings neutralise is a note, not an error: " +
      'since April 2023 new buckets have ACLs disabled (`BucketOwnerEnforced`) and Block Public Access on, so a public ' +
      'ACL only takes effect with `OwnershipControls` set to `ObjectWriter` or `BucketOwnerPreferred` and both ' +
      '`BlockPublicAcls` and `IgnorePublicAcls` off, and a public policy only with `BlockPublicPolicy` and ' +
      '`RestrictPublicBuckets` off (otherwise S3 rejects it or ignores it). The account-level Block Public Access is ' +
      'not visible in a template, and a Block Public Access setting only known at deploy time does not make a grant a ' +
      'note. A policy for a bucket outside the template is judged on its statements alone. A Principal, Action or ' +
      'ACL only known at deploy time is not a finding; `--report-unknown` lists it.',
  },
  check(resource, ctx) {
    if (resource.type === BUCKET_POLICY) checkPolicy(ctx, resource);
    else checkAcl(ctx, resource);
  },
});

/** Whether all the given Block Public Access flags are on for one reading (an absent block: all on by default). */
function blocked(ctx: Ctx, block: Variant, flags: string[]): { on: boolean; because: Variant[] } {
  if (block.kind === 'absent') return { on: true, because: [block] };
  if (block.kind !== 'literal') return { on: false, because: [block] };
  const because: Variant[] = [];
  let on = true;
  for (const flag of flags) {
    // One reading per flag is enough here: a flag under an undecided condition counts as off if either branch is.
    for (const value of ctx.value(block, [flag])) {
      because.push(value);
      if (asBoolean(value) !== true) on = false;
    }
  }
  return { on, because };
}

function checkAcl(ctx: Ctx, bucket: Resource): void {
  for (const [acl, block, ownership] of ctx.each(
    ctx.value(bucket, ['Properties', 'AccessControl']),
    ctx.value(bucket, ['Properties', 'PublicAccessBlockConfiguration']),
    ctx.value(bucket, ['Properties', 'OwnershipControls', 'Rules', 0, 'ObjectOwnership']),
  )) {
    if (!ctx.known(acl, 'AccessControl')) continue;
    const name = asString(acl);
    const grant = name === undefined ? undefined : own(PUBLIC_ACLS, name);
    if (!grant) continue;
    // ACLs are disabled (BucketOwnerEnforced, the default since April 2023) or ignored by Block Public Access.
    const disabled = ownership.kind === 'absent' || asString(ownership) === 'BucketOwnerEnforced';
    const guard = blocked(ctx, block, ['BlockPublicAcls', 'IgnorePublicAcls']);
    const neutralised = disabled || (guard.on && block.kind !== 'unknown');
    const because = [ownership, ...guard.because];
    const data = { access: grant.access, who: grant.who, acl: name };
    if (!neutralised) {
      ctx.report({ messageId: 'publicAcl', at: acl, because, data });
      continue;
    }
    const why = disabled
      ? `${ownership.kind === 'absent' ? 'the default ' : ''}BucketOwnerEnforced ownership (ACLs disabled)`
      : `Block Public Access${block.kind === 'absent' ? ' (on by default)' : ''}`;
    ctx.report({ messageId: 'aclNeutralised', level: 'note', at: acl, because, data: { ...data, guard: why } });
  }
}

function checkPolicy(ctx: Ctx, policy: Resource): void {
  const sets = statementSets(ctx, policy, ['Properties', 'PolicyDocument']);
  for (const target of policyTargets(ctx, policy)) {
    const bucket = target.bucket;
    const blocks = bucket ? ctx.value(bucket, ['Properties', 'PublicAccessBlockConfiguration']) : [undefined];
    // An outside bucket named by a literal: its name, for the message.
    const named = target.identity.names.find((n) => !n.includes('\uE000'));
    for (const set of sets) {
      if (!ctx.each([set.list], [target.value]).length) continue;
      set.statements.forEach((statement, i) => {
        for (const found of publicGrants(ctx, policy, statement)) {
          for (const block of blocks) {
            // A public policy is refused (BlockPublicPolicy) or ignored (RestrictPublicBuckets) while either is on.
            const guard = block ? blocked(ctx, block, ['BlockPublicPolicy']) : undefined;
            const restrict = block ? blocked(ctx, block, ['RestrictPublicBuckets']) : undefined;
            const neutralised = !!block && block.kind !== 'unknown' && (guard?.on || restrict?.on);
            const report = {
              at: found.at,
              because: [set.list, target.value, ...(guard?.because ?? []), ...(restrict?.because ?? [])],
              data: {
                statement: found.sid ? JSON.stringify(clip(found.sid)) : String(i + 1),
                access: found.access,
                actions: found.actions.map((a) => clip(a, 60)).join(', '),
                bucket: bucket ? `bucket ${bucket.logicalId}` : named ? `bucket ${JSON.stringify(clip(named))}` : 'its bucket',
              },
            };
            if (neutralised) ctx.report({ messageId: 'policyNeutralised', level: 'note', ...report });
            else ctx.report({ messageId: 'publicPolicy', ...report });
          }
        }
      });
    }
  }
}

interface PublicGrant {
  at: Variant;
  sid: string | undefined;
  access: string;
  actions: string[];
}

/** The readings of a statement that allow reading or writing to everyone without a Condition. */
function publicGrants(ctx: Ctx, policy: Resource, statement: Variant): PublicGrant[] {
  const field = (name: string) => ctx.value(statement, [name]);
  const out: PublicGrant[] = [];
  for (const [sid, effect, principal, action, condition] of ctx.each(field('Sid'), field('Effect'), field('Principal'), field('Action'), field('Condition'))) {
    if (!ctx.known(effect, 'the Effect of a bucket policy statement') || asString(effect) !== 'Allow') continue;
    // Any Condition narrows who can use the grant (source ARN, VPC endpoint, organization, network).
    if (isSet(condition)) continue;
    // The actions first: a principal only matters for a statement that reads or writes.
    const actions = stringsOf(ctx, action);
    if (actions === undefined) {
      if (principalIsEveryone(ctx, principal, policy) !== false) ctx.unknown(action, 'the Action of an Allow statement in a bucket policy');
      continue;
    }
    const reads = READ.some((a) => actions.some((p) => actionMatches(p, a)));
    const writes = WRITE.some((a) => actions.some((p) => actionMatches(p, a)));
    if (!reads && !writes) continue;
    const everyone = principalIsEveryone(ctx, principal, policy);
    if (everyone === undefined) {
      ctx.unknown(principal, 'the Principal of an Allow statement in a bucket policy');
      continue;
    }
    if (!everyone) continue;
    out.push({
      at: principal,
      sid: asString(sid),
      access: reads && writes ? 'read and write access' : reads ? 'read access' : 'write access',
      actions,
    });
  }
  return out;
}
