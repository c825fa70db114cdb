import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asString, isSet } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import type { Variant } from '../../src/values/variant.ts';
import { own } from '../../src/rule-helpers/lookup.ts';

const RECORD_SET = 'AWS::Route53::RecordSet';

/** Resource attributes that are the DNS name of an AWS endpoint an alias record can point at, by resource type. */
const ALIAS_ATTRIBUTES: Record<string, { attributes: string[]; what: string; loadBalancer?: boolean }> = {
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { attributes: ['DNSName'], what: 'load balancer', loadBalancer: true },
  'AWS::ElasticLoadBalancing::LoadBalancer': { attributes: ['DNSName', 'CanonicalHostedZoneName'], what: 'load balancer', loadBalancer: true },
  'AWS::CloudFront::Distribution': { attributes: ['DomainName'], what: 'CloudFront distribution' },
  'AWS::ApiGateway::DomainName': { attributes: ['DistributionDomainName', 'RegionalDomainName'], what: 'API Gateway domain name' },
  'AWS::ApiGatewayV2::DomainName': { attributes: ['RegionalDomainName'], what: 'API Gateway domain name' },
  'AWS::S3::Bucket': { attributes: ['WebsiteURL'], what: 'S3 website endpoint of bucket' },
  'AWS::ElasticBeanstalk::Environment': { attributes: ['EndpointURL'], what: 'Elastic Beanstalk environment' },
  'AWS::GlobalAccelerator::Accelerator': { attributes: ['DnsName', 'DualStackDnsName'], what: 'Global Accelerator' },
  'AWS::EC2::VPCEndpoint': { attributes: ['DnsEntries'], what: 'VPC interface endpoint' },
};

/** Literal DNS names of AWS endpoints that alias records support. */
const ALIAS_NAMES: Array<{ pattern: RegExp; what: string; loadBalancer?: boolean }> = [
  { pattern: /\.elb\.amazonaws\.com(\.cn)?\.?$/i, what: 'load balancer', loadBalancer: true },
  { pattern: /\.cloudfront\.net\.?$/i, what: 'CloudFront distribution' },
  { pattern: /\.execute-api\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\.?$/i, what: 'API Gateway endpoint' },
  { pattern: /\.s3-website[.-][a-z0-9-]+\.amazonaws\.com(\.cn)?\.?$/i, what: 'S3 website endpoint' },
  { pattern: /\.elasticbeanstalk\.com\.?$/i, what: 'Elastic Beanstalk environment' },
  { pattern: /\.awsglobalaccelerator\.com\.?$/i, what: 'Global Accelerator' },
  { pattern: /\.vpce\.amazonaws\.com(\.cn)?\.?$/i, what: 'VPC interface endpoint' },
];

/** Routing policies that need SetIdentifier, by the property that selects them. */
const POLICIES: Array<[string, string]> = [
  ['Failover', 'failover'],
  ['Weight', 'weight'],
  ['Region', 'latency'],
  ['GeoLocation', 'geolocation'],
  ['GeoProximityLocation', 'geoproximity'],
  ['CidrRoutingConfig', 'IP address'],
];

// Declared apart from the rule so that the functions below report with checked message ids.
const messages = {
  cname:
    '{{record}} is a CNAME to {{target}}: an alias record (A/AAAA) to it also works at the zone apex, follows its address changes, costs nothing per query and can evaluate its health.',
  aliasWithoutHealth:
    '{{record}} routes by {{policy}} to {{target}} but EvaluateTargetHealth is {{state}}: Route 53 keeps answering with it when the load balancer has no healthy targets.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

/** What a record's value points at: an AWS endpoint, named for people. */
interface Target {
  text: string;
  loadBalancer: boolean;
}

export default defineRule({
  id: 'route53-alias-record-for-aws-targets',
  pillar: 'reliability',
  level: 'note',
  title: 'Route 53 records for AWS endpoints use alias records',
  rationale:
    'A CNAME to a load balancer, CloudFront distribution or API endpoint cannot sit at the zone apex, adds a lookup, and ' +
    "is billed per query. An alias record answers with the target's current addresses directly, is free for AWS " +
    'targets, and with `EvaluateTargetHealth` lets failover, weighted and latency routing skip a target that has no ' +
    'healthy capacity.',
  remediation:
    'Replace the CNAME with an `A` (and `AAAA`) record whose `AliasTarget` names the endpoint and its hosted zone; in ' +
    'failover, weighted or latency routing set `EvaluateTargetHealth: true`.\n\n' +
    '```yaml\nType: A\nAliasTarget:\n  DNSName: !GetAtt Alb.DNSName\n  HostedZoneId: !GetAtt Alb.CanonicalHostedZoneID\n  EvaluateTargetHealth: true\n```',
  wellArchitected: ['REL02-BP01', 'REL11-BP02'],
  appliesTo: [RECORD_SET, 'AWS::Route53::RecordSetGroup'],
  tags: ['cost-optimization', 'performance-efficiency'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  Alb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties:',
      '      Subnets: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '  AppRecord:',
      '    Type: AWS::Route53::RecordSet',
      '    Properties:',
      '      HostedZoneName: example.com.',
      '      Name: app.example.com.',
      '      Type: CNAME',
      '      TTL: "300"',
      '      ResourceRecords:',
      '        - !GetAtt Alb.DNSName',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  Alb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties:',
      '      Subnets: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '  AppRecord:',
      '    Type: AWS::Route53::RecordSet',
      '    Properties:',
      '      HostedZoneName: example.com.',
      '      Name: app.example.com.',
      '      Type: A',
      '      AliasTarget:',
      '        DNSName: !GetAtt Alb.DNSName',
      '        HostedZoneId: !GetAtt Alb.CanonicalHostedZoneID',
      '        EvaluateTargetHealth: true',
    ].join('\n'),
    notes:
      'A CNAME is reported when a value is the DNS name of an AWS endpoint that alias records support: a `Fn::GetAtt` of ' +
      'a load balancer, CloudFront distribution, API Gateway domain name, S3 bucket website, Elastic Beanstalk ' +
      'environment, Global Accelerator or VPC interface endpoint (`DnsEntries`) in the template (also inside `Fn::Select`/`Fn::Split`/`Fn::Sub`), or a literal ' +
      'name under `elb.amazonaws.com`, `cloudfront.net`, `execute-api.<region>.amazonaws.com`, an S3 website endpoint, ' +
      '`elasticbeanstalk.com`, `awsglobalaccelerator.com` or `vpce.amazonaws.com`. An alias record to a load balancer that takes part in ' +
      'failover, weighted, latency, geolocation, geoproximity or IP-based routing (`SetIdentifier`) without ' +
      '`EvaluateTargetHealth: true` and without a `HealthCheckId` is reported too. Both apply to `AWS::Route53::RecordSet` ' +
      'and to each entry of an `AWS::Route53::RecordSetGroup`. Values known only at deploy time are not findings.',
  },
  check(resource, ctx) {
    if (resource.type === RECORD_SET) {
      for (const properties of ctx.value(resource, ['Properties'])) checkRecord(ctx, resource, properties, undefined);
      return;
    }
    for (const entry of ctx.items(resource, ['Properties', 'RecordSets'])) {
      if (entry.kind === 'literal') checkRecord(ctx, resource, entry, entry);
    }
  },
});

/** "Record set X (name)" for a RecordSet, "Record name of group X" for an entry of a RecordSetGroup. */
function recordText(resource: Resource, name: Variant, entry: Variant | undefined): string {
  const text = asString(name);
  if (!entry) return `Record set ${resource.logicalId}${text ? ` (${valueText(text)})` : ''}`;
  return `Record ${text ? valueText(text) : `#${Number(entry.path[entry.path.length - 1]) + 1}`} of ${resource.logicalId}`;
}

function checkRecord(ctx: Ctx, resource: Resource, from: Variant, entry: Variant | undefined): void {
  if (from.kind !== 'literal') return;
  const [type, name] = [ctx.value(from, ['Type']), ctx.value(from, ['Name'])];
  for (const [t, n] of ctx.each(type, name)) {
    const record = recordText(resource, n, entry);
    if (asString(t)?.toUpperCase() === 'CNAME') {
      for (const value of ctx.items(from, ['ResourceRecords'])) {
        const target = awsTarget(ctx, resource, value);
        if (target) ctx.report({ messageId: 'cname', at: value, because: [t], data: { record, target: target.text } });
      }
    }
    checkAliasHealth(ctx, resource, from, record);
  }
}

function checkAliasHealth(ctx: Ctx, resource: Resource, from: Variant, record: string): void {
  for (const [dnsName, evaluate, setId, healthCheck] of ctx.each(
    ctx.value(from, ['AliasTarget', 'DNSName']),
    ctx.value(from, ['AliasTarget', 'EvaluateTargetHealth']),
    ctx.value(from, ['SetIdentifier']),
    ctx.value(from, ['HealthCheckId']),
  )) {
    if (!isSet(setId) || isSet(healthCheck) || dnsName.kind === 'absent') continue;
    const target = awsTarget(ctx, resource, dnsName);
    if (!target?.loadBalancer || !ctx.known(evaluate, 'EvaluateTargetHealth') || asBoolean(evaluate) === true) continue;
    const policy = POLICIES.find(([property]) => ctx.value(from, [property]).some(isSet))?.[1] ?? 'routing policy';
    ctx.report({
      messageId: 'aliasWithoutHealth',
      at: evaluate.kind === 'absent' ? dnsName : evaluate,
      because: [setId],
      data: { record, policy, target: target.text, state: stateText(evaluate, 'the default is false') },
      fix: evaluate.kind === 'literal' ? { text: 'true', description: 'Evaluate the target health' } : undefined,
    });
  }
}

/**
 * The AWS endpoint a value names: a GetAtt of an endpoint's DNS name in the template (directly, or inside a function
 * such as Fn::Select/Fn::Split/Fn::Sub, found through the graph), or a literal name of an AWS endpoint.
 */
function awsTarget(ctx: Ctx, resource: Resource, value: Variant): Target | undefined {
  if (value.ref) return attributeTarget(ctx, value.ref.logicalId, value.ref.attribute);
  const text = asString(value);
  if (text !== undefined) {
    const match = ALIAS_NAMES.find((n) => n.pattern.test(text));
    return match ? { text: `the ${match.what} ${valueText(text)}`, loadBalancer: match.loadBalancer === true } : undefined;
  }
  if (value.kind !== 'unknown' || value.external) return undefined;
  // An expression over a resource attribute: the references written at this value's place.
  for (const edge of ctx.graph.edgesFrom(resource.logicalId)) {
    if (edge.kind !== 'GetAtt' && edge.kind !== 'Sub') continue;
    if (edge.path.length < value.path.length || !value.path.every((segment, i) => edge.path[i] === segment)) continue;
    const target = attributeTarget(ctx, edge.to, edge.attribute);
    if (target) return target;
  }
  return undefined;
}

function attributeTarget(ctx: Ctx, logicalId: string, attribute: string | undefined): Target | undefined {
  const type = ctx.template.resources.get(logicalId)?.type;
  const known = type ? own(ALIAS_ATTRIBUTES, type) : undefined;
  if (!known || !attribute || !known.attributes.includes(attribute)) return undefined;
  return { text: `the ${known.what} ${logicalId}`, loadBalancer: known.loadBalancer === true };
}
