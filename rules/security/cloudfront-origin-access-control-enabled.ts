import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { valueAt } from '../../src/template/intrinsics.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString, isSet } from '../../src/values/coerce.ts';
import { clip } from '../../src/values/quote.ts';
import type { Variant } from '../../src/values/variant.ts';

/** An S3 static website endpoint: bucket.s3-website-eu-west-1.amazonaws.com or bucket.s3-website.eu-west-1.amazonaws.com. */
const WEBSITE_ENDPOINT = /\.s3-website[.-]/i;

export default defineRule({
  id: 'cloudfront-origin-access-control-enabled',
  pillar: 'security',
  level: 'warning',
  title: 'CloudFront S3 origins use origin access control',
  rationale:
    'Without origin access control, CloudFront reads an S3 origin as an anonymous client, so the bucket has to allow public ' +
    'reads: anyone can then fetch the objects directly, bypassing the distribution, its WAF, its signed URLs and its logs. ' +
    'Origin access control signs each request so that the bucket policy can admit CloudFront alone; the legacy origin ' +
    'access identity does the same with fewer capabilities (no SSE-KMS, no newer Regions).',
  remediation:
    'Create an `AWS::CloudFront::OriginAccessControl` for S3, name it in the origin, leave `OriginAccessIdentity` empty, ' +
    'and allow `cloudfront.amazonaws.com` in the bucket policy with an `AWS:SourceArn` condition on the distribution.\n\n' +
    "```yaml\nOrigins:\n  - Id: s3\n    DomainName: !GetAtt SiteBucket.RegionalDomainName\n    S3OriginConfig: {OriginAccessIdentity: ''}\n    OriginAccessControlId: !GetAtt SiteOac.Id\n```",
  wellArchitected: ['SEC08-BP04', 'SEC03-BP02'],
  securityHub: ['CloudFront.13'],
  securitySeverity: '5.0',
  appliesTo: ['AWS::CloudFront::Distribution'],
  peers: {
    checkov: [],
    cfn_nag: [],
    // CFR7: an S3 origin without origin access control (OAI included); CFR6: an S3 origin without OAI or OAC.
    cdk_nag: [
      { id: 'AwsSolutions-CFR7', messages: ['noAccessControl', 'legacyIdentity'] },
      { id: 'AwsSolutions-CFR6', messages: ['noAccessControl'] },
    ],
  },
  messages: {
    noAccessControl:
      'CloudFront distribution {{logicalId}} reads S3 origin {{origin}} anonymously (no origin access control or identity): the bucket must allow public reads, so anyone can bypass the distribution.',
    legacyIdentity:
      'CloudFront distribution {{logicalId}} reads S3 origin {{origin}} through a legacy origin access identity; migrate to origin access control, which also supports SSE-KMS and every Region.',
    websiteEndpoint:
      'CloudFront distribution {{logicalId}} serves origin {{origin}} from an S3 website endpoint, which only works with a publicly readable bucket; use the REST endpoint with origin access control unless you need website redirects.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  SiteDistribution:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        Enabled: true',
      '        DefaultRootObject: index.html',
      '        Origins:',
      '          - Id: site',
      '            DomainName: !GetAtt SiteBucket.RegionalDomainName',
      "            S3OriginConfig: {OriginAccessIdentity: ''}",
      '        DefaultCacheBehavior:',
      '          TargetOriginId: site',
      '          ViewerProtocolPolicy: redirect-to-https',
      '          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6',
      '  SiteBucket:',
      '    Type: AWS::S3::Bucket',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  SiteOac:',
      '    Type: AWS::CloudFront::OriginAccessControl',
      '    Properties:',
      '      OriginAccessControlConfig:',
      '        Name: site-oac',
      '        OriginAccessControlOriginType: s3',
      '        SigningBehavior: always',
      '        SigningProtocol: sigv4',
      '  SiteDistribution:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        Enabled: true',
      '        DefaultRootObject: index.html',
      '        Origins:',
      '          - Id: site',
      '            DomainName: !GetAtt SiteBucket.RegionalDomainName',
      "            S3OriginConfig: {OriginAccessIdentity: ''}",
      '            OriginAccessControlId: !GetAtt SiteOac.Id',
      '        DefaultCacheBehavior:',
      '          TargetOriginId: site',
      '          ViewerProtocolPolicy: redirect-to-https',
      '          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6',
      '  SiteBucket:',
      '    Type: AWS::S3::Bucket',
    ].join('\n'),
    notes:
      'Every origin with `S3OriginConfig` is checked: `OriginAccessControlId` set passes, a non-empty ' +
      '`OriginAccessIdentity` alone is a note (migrate to OAC), neither is a finding. Origins that point at an S3 static ' +
      "website endpoint (`*.s3-website…` or the bucket's `WebsiteURL`) cannot use origin access control; they are a note " +
      'because the bucket must be public. Other custom origins (load balancers, API Gateway, function URLs) are not ' +
      'applicable. The bucket policy is not read: a distribution with OAC but a bucket policy that does not admit ' +
      "CloudFront simply fails to serve, and a public bucket policy is s3-bucket-level-public-access-prohibited's finding. " +
      'A value only known at deploy time (an import, a parameter without a Default) is not a finding; `--report-unknown` ' +
      'lists it.',
  },
  check(distribution, ctx) {
    for (const origin of ctx.items(distribution, ['Properties', 'DistributionConfig', 'Origins'])) {
      if (!ctx.known(origin, 'an origin') || origin.kind !== 'literal') continue;
      const field = (name: string) => ctx.value(origin, [name]);
      for (const [id, s3, oac, custom, domain] of ctx.each(
        field('Id'),
        field('S3OriginConfig'),
        field('OriginAccessControlId'),
        field('CustomOriginConfig'),
        field('DomainName'),
      )) {
        const name = asString(id);
        const data = { origin: name === undefined ? '(no Id)' : JSON.stringify(clip(name)) };
        if (isSet(custom) || (s3.kind === 'absent' && custom.kind === 'absent')) {
          if (isWebsite(distribution, domain)) ctx.report({ messageId: 'websiteEndpoint', level: 'note', at: domain, because: [id, custom], data });
          continue;
        }
        if (!ctx.known(s3, 'S3OriginConfig')) continue;
        // Any value, even one only known at deploy time, names an origin access control.
        if (isSet(oac)) continue;
        for (const identity of ctx.value(s3, ['OriginAccessIdentity'])) {
          // An identity of this template, referenced in a Fn::Sub ("origin-access-identity/cloudfront/${Oai}"), is one.
          if (identity.kind === 'unknown' && usesIdentityResource(ctx, distribution, identity)) {
            ctx.report({ messageId: 'legacyIdentity', level: 'note', at: identity, because: [id, oac], data });
            continue;
          }
          if (!ctx.known(identity, 'OriginAccessIdentity')) continue;
          if (isSet(identity)) ctx.report({ messageId: 'legacyIdentity', level: 'note', at: identity, because: [id, oac], data });
          else ctx.report({ messageId: 'noAccessControl', at: s3, because: [id, oac, identity], data });
        }
      }
    }
  },
});

/** Whether the value at `identity` references an origin access identity declared in the template. */
function usesIdentityResource(ctx: RuleContext<any, any>, distribution: Resource, identity: Variant): boolean {
  if (identity.external) return false;
  const at = identity.path.join('\u0000');
  return ctx.graph
    .targets(distribution.logicalId, 'AWS::CloudFront::CloudFrontOriginAccessIdentity')
    .some(({ edge }) => edge.path.join('\u0000').startsWith(at));
}

/** An S3 website endpoint: written out, or built from a bucket's WebsiteURL attribute (often via Fn::Select/Fn::Split). */
function isWebsite(distribution: Resource, domain: Variant): boolean {
  const text = asString(domain);
  if (text !== undefined) return WEBSITE_ENDPOINT.test(text);
  if (domain.kind !== 'unknown') return false;
  if (domain.ref?.attribute === 'WebsiteURL') return true;
  // Fn::Select/Fn::Split over WebsiteURL is unknown as a value, but its source is written in the template.
  return !domain.external && JSON.stringify(valueAt(distribution.node, domain.path) ?? null).includes('WebsiteURL');
}
