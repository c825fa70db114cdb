import { defineRule } from '../../src/engine/rule.ts';
import { asBoolean, isSet } from '../../src/values/coerce.ts';
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
  docs: {
    noncompliant: [
      'Resources:',
      '  ReportsBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketEncryption:',
      '        ServerSideEncryptionConfiguration:',
      '          - ServerSideEncryptionByDefault:',
      '              SSEAlgorithm: aws:kms',
      '      PublicAccessBlockConfiguration:',
      '        BlockPublicAcls: true',
      '        IgnorePublicAcls: true',
      '        BlockPublicPolicy: false',
      '        RestrictPublicBuckets: false',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  ReportsBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketEncryption:',
      '        ServerSideEncryptionConfiguration:',
      '          - ServerSideEncryptionByDefault:',
      '              SSEAlgorithm: aws:kms',
      '      PublicAccessBlockConfiguration:',
      '        BlockPublicAcls: true',
      '        IgnorePublicAcls: true',
      '        BlockPublicPolicy: true',
      '        RestrictPublicBuckets: true',
    ].join('\n'),
    notes:
      'A bucket without `PublicAccessBlockConfiguration` passes: since April 2023 new buckets block public access by ' +
      'default (the AWS Config rule, which reads the deployed bucket, agrees). In a declared block, a flag left out is ' +
      'false, so it fails. A website bucket (`WebsiteConfiguration` set) that turns the block off is a note rather than ' +
      'an error, with the advice to serve the site through CloudFront. The account-level block is not visible in a ' +
      'template and is not considered. A block or a flag only known at deploy time (an import, a parameter without a ' +
      'Default) is not a finding; `--report-unknown` lists it.',
  },
  check(bucket, ctx) {
    for (const [block, website] of ctx.each(
      ctx.value(bucket, ['Properties', 'PublicAccessBlockConfiguration']),
      ctx.value(bucket, ['Properties', 'WebsiteConfiguration']),
    )) {
      // No block at all: new buckets get all four settings on.
      if (block.kind === 'absent' || !ctx.known(block, 'PublicAccessBlockConfiguration')) continue;
      for (const flags of ctx.each(...FLAGS.map((name) => ctx.value(block, [name])))) {
        const settings = flags.map((variant, i) => ({ name: FLAGS[i], variant }));
        const off = settings.filter(({ variant }) => variant.kind === 'absent' || asBoolean(variant) === false);
        if (off.length === 0) {
          const unknown = flags.find((flag) => flag.kind === 'unknown');
          if (unknown) ctx.unknown(unknown, 'a Block Public Access setting');
          continue;
        }
        const single = off.length === 1 ? off[0] : undefined;
        const hosting = isSet(website);
        ctx.report({
          messageId: hosting ? 'website' : 'disabled',
          level: hosting ? 'note' : undefined,
          // The one flag that is off (its nearest node when missing), or the block when several are.
          at: single ? single.variant : block,
          because: [...flags, website],
          data: {
            flags: off
              .map(({ name, variant }) => `${name} is ${variant.kind === 'absent' ? 'not set (false in a declared block)' : valueText(variant.value)}`)
              .join(', '),
          },
          fix: single?.variant.kind === 'literal' ? { text: 'true', description: `Set ${single.name} to true` } : undefined,
        });
      }
    }
  },
});
