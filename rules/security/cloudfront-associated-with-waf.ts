import { defineRule } from '../../src/engine/rule.ts';
import { asString, isSet } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';

const WEB_ACL = 'AWS::WAFv2::WebACL';

export default defineRule({
  id: 'cloudfront-associated-with-waf',
  pillar: 'security',
  level: 'warning',
  tags: ['reliability'],
  title: 'CloudFront distributions are protected by AWS WAF',
  rationale:
    'A distribution without a web ACL passes every request on to its origins: SQL injection and cross-site scripting ' +
    'probes, known bad inputs, scrapers and request floods that AWS WAF managed rules and rate-based rules would stop at ' +
    'the edge. Shield Standard only absorbs network and transport layer attacks.',
  remediation:
    'Create an `AWS::WAFv2::WebACL` with `Scope: CLOUDFRONT` (in us-east-1) and at least one rule, for example the AWS ' +
    'managed common rule set and a rate-based rule, and name its ARN in `DistributionConfig.WebACLId`. A web ACL managed ' +
    'elsewhere (AWS Firewall Manager, another stack) can be named by ARN or import.\n\n' +
    '```yaml\nDistributionConfig:\n  WebACLId: !GetAtt EdgeWebAcl.Arn   # AWS::WAFv2::WebACL, Scope: CLOUDFRONT, in us-east-1\n```',
  wellArchitected: ['SEC05-BP03', 'SEC05-BP04'],
  securityHub: ['CloudFront.6'],
  securitySeverity: '5.0',
  appliesTo: ['AWS::CloudFront::Distribution'],
  peers: {
    // CKV_AWS_68: DistributionConfig.WebACLId is set.
    checkov: [{ id: 'CKV_AWS_68', messages: ['noWebAcl'] }],
    cfn_nag: [],
    // CFR2: the distribution has a WebACLId.
    cdk_nag: [{ id: 'AwsSolutions-CFR2', messages: ['noWebAcl'] }],
  },
  messages: {
    noWebAcl: 'CloudFront distribution {{logicalId}} has no AWS WAF web ACL (WebACLId is {{state}}): every request reaches the origins unfiltered.',
    wrongScope:
      'CloudFront distribution {{logicalId}} names web ACL {{acl}}, whose Scope is {{scope}}: CloudFront only accepts a web ACL with Scope CLOUDFRONT, so the deployment fails.',
    emptyWebAcl: 'CloudFront distribution {{logicalId}} uses web ACL {{acl}}, which has no rules: its default action applies to every request.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  SiteDistribution:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        Enabled: true',
      '        Origins:',
      '          - Id: app',
      '            DomainName: app.example.com',
      '            CustomOriginConfig: {OriginProtocolPolicy: https-only}',
      '        DefaultCacheBehavior:',
      '          TargetOriginId: app',
      '          ViewerProtocolPolicy: redirect-to-https',
      '          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad   # CachingDisabled',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  EdgeWebAcl:',
      '    Type: AWS::WAFv2::WebACL',
      '    Properties:',
      '      Scope: CLOUDFRONT',
      '      DefaultAction: {Allow: {}}',
      '      VisibilityConfig: {SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: edge}',
      '      Rules:',
      '        - Name: common',
      '          Priority: 0',
      '          OverrideAction: {None: {}}',
      '          Statement:',
      '            ManagedRuleGroupStatement: {VendorName: AWS, Name: AWSManagedRulesCommonRuleSet}',
      '          VisibilityConfig: {SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: common}',
      '  SiteDistribution:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        Enabled: true',
      '        WebACLId: !GetAtt EdgeWebAcl.Arn',
      '        Origins:',
      '          - Id: app',
      '            DomainName: app.example.com',
      '            CustomOriginConfig: {OriginProtocolPolicy: https-only}',
      '        DefaultCacheBehavior:',
      '          TargetOriginId: app',
      '          ViewerProtocolPolicy: redirect-to-https',
      '          CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad   # CachingDisabled',
    ].join('\n'),
    notes:
      'A `WebACLId` that names a web ACL from outside the template (an ARN, an import, a parameter) passes: the web ACL ' +
      'may be managed elsewhere, for example by AWS Firewall Manager. When it references an `AWS::WAFv2::WebACL` of the ' +
      'same template, that web ACL must have `Scope: CLOUDFRONT` (anything else cannot deploy) and at least one rule ' +
      '(Security Hub WAF.10); a web ACL whose scope or rules are only known at deploy time is listed by ' +
      '`--report-unknown`. An `AWS::WAF::WebACL` (WAF Classic, global by design) passes. An empty `WebACLId` (a parameter ' +
      'Default of `""`) or an `Fn::If` branch with `AWS::NoValue` counts as no web ACL.',
  },
  check(distribution, ctx) {
    for (const id of ctx.value(distribution, ['Properties', 'DistributionConfig', 'WebACLId'])) {
      // A value only known at deploy time names a web ACL all the same.
      if (id.kind !== 'unknown' && !isSet(id)) {
        ctx.report({ messageId: 'noWebAcl', at: id, data: { state: id.kind === 'absent' ? 'not set' : 'empty' } });
        continue;
      }
      // Anything but a web ACL of this template (an ARN, an import, a parameter) is managed elsewhere.
      const acl = id.ref && ctx.template.resources.get(id.ref.logicalId);
      if (!acl || acl.type !== WEB_ACL) continue;
      const name = acl.logicalId;
      for (const scope of ctx.value(acl, ['Properties', 'Scope'])) {
        if (!ctx.known(scope, `the Scope of web ACL ${name}`)) continue;
        if (asString(scope)?.toUpperCase() === 'CLOUDFRONT') continue;
        ctx.report({
          messageId: 'wrongScope',
          at: id,
          because: [scope],
          data: { acl: name, scope: scope.kind === 'absent' ? 'not set' : valueText(asString(scope)) },
        });
      }
      for (const rules of ctx.value(acl, ['Properties', 'Rules'])) {
        if (!ctx.known(rules, `the Rules of web ACL ${name}`)) continue;
        if (rules.kind === 'literal' && ctx.items(rules, []).length > 0) continue;
        ctx.report({ messageId: 'emptyWebAcl', at: id, because: [rules], data: { acl: name } });
      }
    }
  },
});
