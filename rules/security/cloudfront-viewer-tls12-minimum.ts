import { defineRule } from '../../src/engine/rule.ts';
import { asBoolean, asString, isSet } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import { variantWith, type Variant } from '../../src/values/variant.ts';
import { own } from '../../src/rule-helpers/lookup.ts';

/** Security policies that still accept SSLv3, TLS 1.0 or TLS 1.1 (CloudFront's "Supported protocols and ciphers" table). */
const OUTDATED: Record<string, string> = {
  SSLv3: 'SSLv3, TLS 1.0 and TLS 1.1',
  TLSv1: 'TLS 1.0 and 1.1',
  TLSv1_2016: 'TLS 1.0 and 1.1',
  'TLSv1.1_2016': 'TLS 1.1',
};
/** TLSv1.2_2018, _2019, _2021, _2025, TLSv1.3_2025 and their successors start at TLS 1.2 or later. */
const MODERN = /^TLSv1\.[23]_\d{4}$/;

const CERT = ['Properties', 'DistributionConfig', 'ViewerCertificate'];

export default defineRule({
  id: 'cloudfront-viewer-tls12-minimum',
  pillar: 'security',
  level: 'warning',
  title: 'CloudFront viewer connections require TLS 1.2+',
  rationale:
    'The security policy of a distribution decides the oldest protocol a viewer may use. Policies before TLSv1.2_2018 still ' +
    'accept TLS 1.0 or 1.1 (SSLv3 even), which are deprecated and open to downgrade attacks. A distribution on the default ' +
    '`*.cloudfront.net` certificate cannot choose: CloudFront fixes its policy at TLSv1.',
  remediation:
    'Serve the distribution under your own domain with an ACM certificate (in us-east-1), `SslSupportMethod: sni-only`, and ' +
    '`MinimumProtocolVersion: TLSv1.2_2021` or later.\n\n' +
    '```yaml\nViewerCertificate:\n  AcmCertificateArn: !Ref EdgeCertificateArn\n  SslSupportMethod: sni-only\n  MinimumProtocolVersion: TLSv1.2_2021\n```',
  wellArchitected: ['SEC09-BP02'],
  securityHub: ['CloudFront.7', 'CloudFront.8'],
  securitySeverity: '5.3',
  appliesTo: ['AWS::CloudFront::Distribution'],
  peers: {
    // CKV_AWS_174: ViewerCertificate MinimumProtocolVersion is a TLSv1.2 policy.
    checkov: [{ id: 'CKV_AWS_174', messages: ['outdated', 'absent'] }],
    // W70: MinimumProtocolVersion below TLSv1.2 (or a distribution on the default certificate).
    cfn_nag: [{ id: 'W70', messages: ['outdated', 'absent', 'defaultCertificate'] }],
    // CFR4: SSLv3 or TLSv1 allowed for viewers, default certificate included.
    cdk_nag: [{ id: 'AwsSolutions-CFR4', messages: ['outdated', 'absent', 'defaultCertificate'] }],
  },
  messages: {
    outdated: 'CloudFront distribution {{logicalId}} accepts {{protocols}} from viewers: MinimumProtocolVersion is {{policy}}.',
    absent:
      'CloudFront distribution {{logicalId}} serves a custom certificate without MinimumProtocolVersion, so CloudFront applies TLSv1 and accepts TLS 1.0 and 1.1 from viewers.',
    defaultCertificate:
      'CloudFront distribution {{logicalId}} uses the default *.cloudfront.net certificate, whose security policy is fixed at TLSv1 (TLS 1.0 and 1.1 accepted); serve it under your own domain with a TLSv1.2_2021 policy to require TLS 1.2.',
    dedicatedIp:
      'CloudFront distribution {{logicalId}} serves HTTPS from dedicated IP addresses (SslSupportMethod vip), which costs extra each month and only helps viewers without SNI; use sni-only.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  SiteDistribution:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        Enabled: true',
      '        Aliases: [www.example.com]',
      '        Origins:',
      '          - Id: site',
      '            DomainName: origin.example.com',
      '            CustomOriginConfig: {OriginProtocolPolicy: https-only}',
      '        DefaultCacheBehavior:',
      '          TargetOriginId: site',
      '          ViewerProtocolPolicy: redirect-to-https',
      '          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6',
      '        ViewerCertificate:',
      '          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
      '          SslSupportMethod: sni-only',
      '          MinimumProtocolVersion: TLSv1_2016',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  SiteDistribution:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        Enabled: true',
      '        Aliases: [www.example.com]',
      '        Origins:',
      '          - Id: site',
      '            DomainName: origin.example.com',
      '            CustomOriginConfig: {OriginProtocolPolicy: https-only}',
      '        DefaultCacheBehavior:',
      '          TargetOriginId: site',
      '          ViewerProtocolPolicy: redirect-to-https',
      '          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6',
      '        ViewerCertificate:',
      '          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
      '          SslSupportMethod: sni-only',
      '          MinimumProtocolVersion: TLSv1.2_2021',
    ].join('\n'),
    notes:
      'With a custom certificate (`AcmCertificateArn` or `IamCertificateId`), `MinimumProtocolVersion` `SSLv3`, `TLSv1`, ' +
      '`TLSv1_2016` and `TLSv1.1_2016` fail, and so does an absent one (CloudFront then applies `TLSv1`); the `TLSv1.2_*` ' +
      'and `TLSv1.3_*` policies pass. A distribution without `ViewerCertificate`, or with `CloudFrontDefaultCertificate: ' +
      'true`, is reported as a note: CloudFront fixes the policy of its `*.cloudfront.net` certificate at TLSv1 whatever the ' +
      'template says, and the remedy (a domain and a certificate) is a bigger change than one property. ' +
      '`SslSupportMethod: vip` is a note too (Security Hub CloudFront.8: dedicated IP addresses cost extra). A value only ' +
      'known at deploy time (an import, a parameter without a Default), or a policy name this rule does not know, is not ' +
      'a finding; `--report-unknown` lists it.',
  },
  check(distribution, ctx) {
    const field = (name: string) => ctx.value(distribution, [...CERT, name]);
    for (const [cert, useDefault, acm, iam, minimum, method] of ctx.each(
      ctx.value(distribution, CERT),
      field('CloudFrontDefaultCertificate'),
      field('AcmCertificateArn'),
      field('IamCertificateId'),
      field('MinimumProtocolVersion'),
      field('SslSupportMethod'),
    )) {
      if (!ctx.known(cert, 'ViewerCertificate')) continue;
      const custom = isSet(acm) || isSet(iam);
      if (!custom) {
        if (useDefault.kind === 'unknown') {
          ctx.unknown(useDefault, 'CloudFrontDefaultCertificate');
          continue;
        }
        // SslSupportMethod without a certificate (often a misspelt certificate property) cannot deploy: not this rule's.
        if (asBoolean(useDefault) !== true && isSet(method)) continue;
        // No certificate of its own: the *.cloudfront.net one, whose policy CloudFront fixes at TLSv1.
        if (cert.kind === 'absent' || asBoolean(useDefault) !== false) {
          ctx.report({ messageId: 'defaultCertificate', level: 'note', at: useDefault.kind === 'literal' ? useDefault : cert });
        }
        continue;
      }
      const because = [acm, iam];
      if (ctx.known(method, 'SslSupportMethod') && asString(method) === 'vip') {
        ctx.report({ messageId: 'dedicatedIp', level: 'note', at: method, because, fix: { text: 'sni-only', description: 'Serve HTTPS with SNI' } });
      }
      if (!ctx.known(minimum, 'MinimumProtocolVersion')) continue;
      if (minimum.kind === 'absent') {
        ctx.report({ messageId: 'absent', at: minimum, because });
        continue;
      }
      const policy = asString(minimum) ?? '';
      const protocols = own(OUTDATED, policy);
      if (protocols) {
        ctx.report({
          messageId: 'outdated',
          at: minimum,
          because,
          data: { protocols, policy: valueText(policy) },
          fix: { text: 'TLSv1.2_2021', description: 'Require TLS 1.2 or later' },
        });
      } else if (!MODERN.test(policy)) {
        ctx.unknown(unlisted(minimum), 'MinimumProtocolVersion');
      }
    }
  },
});

function unlisted(v: Variant): Variant {
  return variantWith(v, { kind: 'unknown', reason: `${valueText(asString(v))} is not a security policy pillars-lint can classify` });
}
