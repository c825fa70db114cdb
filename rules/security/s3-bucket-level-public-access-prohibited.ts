import { defineRule } from '../../src/engine/rule.ts';
import { asBoolean, isSet } from '../../src/values/coerce.ts';
import { combinations, type Variant } from '../../src/values/variant.ts';
import { valueText } from '../../src/values/quote.ts';

const FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

export default defineRule({
  id: 's3-bucket-level-public-access-prohibited',
  pillar: 'security',
  level: 'error',
  title: 'S3 bucket Block Public Access stays on',
  rationale:
    'Block Public Access is the guard that keeps a bucket private when an ACL or bucket policy grants access to everyone ' +
    'by mistake. Turning any of its four settings off lets one wrong grant expose the objects to the internet.',
  remediation:
    'Leave `PublicAccessBlockConfiguration` out (new buckets block public access by default) or set all four flags to ' +
    'true. Serve public content through CloudFront with Origin Access Control instead of a public bucket.\n\n' +
    '```yaml\nPublicAccessBlockConfiguration:\n  BlockPublicAcls: true\n  IgnorePublicAcls: true\n  BlockPublicPolicy: true\n  RestrictPublicBuckets: true\n```',
  wellArchitected: ['SEC03-BP07', 'SEC08-BP04'],
  securityHub: ['S3.8'],
  securitySeverity: '7.5',
  appliesTo: ['AWS::S3::Bucket'],
  peers: {
    // checkov checks one flag each: an id covers a finding about that flag alone; the four together cover any.
    checkov: [
      { id: 'CKV_AWS_53', properties: ['Properties.PublicAccessBlockConfiguration.BlockPublicAcls'] },
      { id: 'CKV_AWS_54', properties: ['Properties.PublicAccessBlockConfiguration.BlockPublicPolicy'] },
      { id: 'CKV_AWS_55', properties: ['Properties.PublicAccessBlockConfiguration.IgnorePublicAcls'] },
      { id: 'CKV_AWS_56', properties: ['Properties.PublicAccessBlockConfiguration.RestrictPublicBuckets'] },
      { id: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'] },
    ],
    cfn_nag: [],
    // All four flags true (a missing block fails too).
    cdk_nag: ['AwsSolutions-S2', 'S3BucketLevelPublicAccessProhibited'],
    guard: ['S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED'],
  },
  messages: {
    disabled: 'Bucket {{logicalId}} turns Block Public Access off: {{flags}}.',
    website:
      'Website bucket {{logicalId}} turns Block Public Access off ({{flags}}); serve the site through CloudFront with Origin Access Control and keep Block Public Access on.',
  },
  check(bucket, ctx) {
    for (const [block, website] of combinations([
      ctx.value(bucket, ['Properties', 'PublicAccessBlockConfiguration']),
      ctx.value(bucket, ['Properties', 'WebsiteConfiguration']),
    ])) {
      // No block at all: new buckets get all four settings on.
      if (block!.kind === 'absent') continue;
      if (block!.kind === 'unknown') {
        ctx.unknown(block!, 'PublicAccessBlockConfiguration');
        continue;
      }
      for (const flags of combinations(FLAGS.map((name) => ctx.value(block!, [name])))) {
        const off: Array<{ name: string; variant: Variant }> = [];
        let unknown: Variant | undefined;
        flags.forEach((flag, i) => {
          if (flag.kind === 'unknown') unknown ??= flag;
          else if (flag.kind === 'absent' || asBoolean(flag) === false) off.push({ name: FLAGS[i]!, variant: flag });
        });
        if (off.length === 0) {
          if (unknown) ctx.unknown(unknown, 'a Block Public Access setting');
          continue;
        }
        const single = off.length === 1 ? off[0]! : undefined;
        const hosting = isSet(website!);
        ctx.report({
          messageId: hosting ? 'website' : 'disabled',
          level: hosting ? 'note' : undefined,
          // The one flag that is off (its nearest node when missing), or the block when several are.
          at: single ? single.variant : block!,
          because: [...flags, website!],
          data: {
            flags: off.map((o) => `${o.name} is ${o.variant.kind === 'absent' ? 'not set (false in a declared block)' : valueText(o.variant.value)}`).join(', '),
          },
          fix: single?.variant.kind === 'literal' ? { text: 'true', description: `Set ${single.name} to true` } : undefined,
        });
      }
    }
  },
});
