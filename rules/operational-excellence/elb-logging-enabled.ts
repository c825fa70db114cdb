import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { attributeValue } from '../../src/rule-helpers/attributes.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asString } from '../../src/values/coerce.ts';
import type { Variant } from '../../src/values/variant.ts';

const LB_V2 = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const CLASSIC = 'AWS::ElasticLoadBalancing::LoadBalancer';
const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const DELIVERY_SOURCE = 'AWS::Logs::DeliverySource';
const BUCKET = 'AWS::S3::Bucket';
const ENABLED = 'access_logs.s3.enabled';
const BUCKET_KEY = 'access_logs.s3.bucket';

// Declared apart from the rule so that the functions below report with checked message ids.
const messages = {
  application:
    'Application Load Balancer {{logicalId}} keeps no access logs: {{key}} is {{state}}, so there is no record of the requests it served to investigate errors, latency or attacks.',
  network:
    'Network Load Balancer {{logicalId}} terminates TLS (listener {{listener}}) but keeps no access logs: {{key}} is {{state}}, so there is no record of the TLS connections it served.',
  classic:
    'Classic Load Balancer {{logicalId}} keeps no access logs: AccessLoggingPolicy.Enabled is {{state}}, so there is no record of the requests it served to investigate errors, latency or attacks.',
  kmsBucket:
    'Load balancer {{logicalId}} sends access logs to bucket {{bucket}}, which encrypts with SSE-KMS by default; Elastic Load Balancing delivers access logs only to buckets encrypted with SSE-S3, so none arrive.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

export default defineRule({
  id: 'elb-logging-enabled',
  pillar: 'operational-excellence',
  level: 'warning',
  title: 'Load balancer access logs are enabled',
  rationale:
    'Access logs record every request a load balancer handles: client, target, latencies, status codes and TLS details. ' +
    'Without them, a spike of 5xx errors, a slow target or an attack can only be investigated from aggregate metrics, ' +
    'and the record needed for a security investigation does not exist. Access logging is off by default.',
  remediation:
    'Turn on `access_logs.s3.enabled` and name a bucket (same Region, SSE-S3 encryption, a bucket policy that lets ' +
    'Elastic Load Balancing write) for Application and Network Load Balancers; set `AccessLoggingPolicy` with ' +
    '`Enabled: true` on Classic Load Balancers.\n\n' +
    "```yaml\nLoadBalancerAttributes:\n  - Key: access_logs.s3.enabled\n    Value: 'true'\n  - Key: access_logs.s3.bucket\n    Value: !Ref AlbLogBucket\n```",
  wellArchitected: ['OPS08-BP02', 'SEC04-BP01'],
  securityHub: ['ELB.5'],
  securitySeverity: '4.0',
  appliesTo: [LB_V2, CLASSIC],
  tags: ['security'],
  peers: {
    // CKV_AWS_91: access_logs.s3.enabled on ELBv2 load balancers; CKV_AWS_92: AccessLoggingPolicy on Classic ones.
    checkov: [
      { id: 'CKV_AWS_91', resourceTypes: [LB_V2] },
      { id: 'CKV_AWS_92', resourceTypes: [CLASSIC] },
    ],
    // W25: no AccessLoggingPolicy and W26: Enabled false on Classic Load Balancers; W52: ELBv2 access logging.
    cfn_nag: [
      { id: 'W25', resourceTypes: [CLASSIC] },
      { id: 'W26', resourceTypes: [CLASSIC] },
      { id: 'W52', resourceTypes: [LB_V2] },
    ],
    cdk_nag: ['AwsSolutions-ELB2', 'ELBLoggingEnabled'],
    guard: ['ELB_LOGGING_ENABLED'],
  },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  WebAlb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties:',
      '      Scheme: internet-facing',
      '      Subnets: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '      SecurityGroups: [sg-0123456789abcdef0]',
      '      LoadBalancerAttributes:',
      '        - Key: deletion_protection.enabled',
      '          Value: "true"',
      '  AlbLogBucket:',
      '    Type: AWS::S3::Bucket',
      '    DeletionPolicy: Retain',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  WebAlb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties:',
      '      Scheme: internet-facing',
      '      Subnets: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '      SecurityGroups: [sg-0123456789abcdef0]',
      '      LoadBalancerAttributes:',
      '        - Key: deletion_protection.enabled',
      '          Value: "true"',
      '        - Key: access_logs.s3.enabled',
      '          Value: "true"',
      '        - Key: access_logs.s3.bucket',
      '          Value: !Ref AlbLogBucket',
      '  AlbLogBucket:',
      '    Type: AWS::S3::Bucket',
      '    DeletionPolicy: Retain',
    ].join('\n'),
    notes:
      'Application Load Balancers (the default `Type`) and Classic Load Balancers are always checked. A Network Load ' +
      'Balancer writes access logs only for TLS connections, so it is checked only when one of its listeners in the ' +
      'template uses `Protocol: TLS`; Gateway Load Balancers have no access logs and are not checked. A load balancer ' +
      'named by the `ResourceArn` of an `AWS::Logs::DeliverySource` (logs delivered through CloudWatch Logs) counts as ' +
      'logging. When the log bucket is a bucket of the template whose default encryption is SSE-KMS, the finding says ' +
      'that delivery will fail. A type, a setting or a listener protocol known only at deploy time (an import, a ' +
      'parameter without a Default) is not a finding; `--report-unknown` lists it.',
  },
  check(lb, ctx) {
    if (ctx.graph.referrers(lb.logicalId, DELIVERY_SOURCE, ['Properties', 'ResourceArn']).length > 0) return;
    if (lb.type === CLASSIC) checkClassic(ctx, lb);
    else checkV2(ctx, lb);
  },
});

function checkClassic(ctx: Ctx, lb: Resource): void {
  for (const enabled of ctx.value(lb, ['Properties', 'AccessLoggingPolicy', 'Enabled'])) {
    if (!ctx.known(enabled, 'AccessLoggingPolicy.Enabled')) continue;
    if (asBoolean(enabled) === true) {
      for (const bucket of ctx.value(lb, ['Properties', 'AccessLoggingPolicy', 'S3BucketName'])) checkBucket(ctx, bucket, [enabled]);
      continue;
    }
    ctx.report({
      messageId: 'classic',
      at: enabled,
      data: { state: stateText(enabled, 'access logs are off by default') },
      fix: enabled.kind === 'literal' ? { text: 'true', description: 'Turn on access logs' } : undefined,
    });
  }
}

function checkV2(ctx: Ctx, lb: Resource): void {
  const settings = attributeValue(ctx, lb, ['Properties', 'LoadBalancerAttributes'], ENABLED);
  for (const [type, setting] of ctx.each(ctx.value(lb, ['Properties', 'Type']), settings)) {
    if (!ctx.known(type, 'the load balancer type')) continue;
    const kind = (asString(type) ?? 'application').toLowerCase();
    if (kind !== 'application' && kind !== 'network') continue; // gateway: no access logs
    let listener: string | undefined;
    if (kind === 'network') {
      const tls = tlsListener(ctx, lb);
      if (tls === undefined) continue;
      if (typeof tls !== 'string') {
        ctx.unknown(tls, 'the listener protocol');
        continue;
      }
      listener = tls;
    }
    if (!ctx.known(setting, ENABLED)) continue;
    if (asBoolean(setting) === true) {
      for (const bucket of attributeValue(ctx, lb, ['Properties', 'LoadBalancerAttributes'], BUCKET_KEY)) checkBucket(ctx, bucket, [type, setting]);
      continue;
    }
    const fix = setting.kind === 'literal' ? { text: '"true"', description: 'Turn on access logs' } : undefined;
    const state = stateText(setting, 'the default is false');
    if (listener === undefined) ctx.report({ messageId: 'application', at: setting, because: [type], data: { key: ENABLED, state }, fix });
    else ctx.report({ messageId: 'network', at: setting, because: [type], data: { key: ENABLED, state, listener }, fix });
  }
}

/**
 * The first listener of the template on this load balancer that uses TLS (its logical id), an unknown protocol when
 * one cannot be read, or undefined when no listener terminates TLS.
 */
function tlsListener(ctx: Ctx, lb: Resource): string | Variant | undefined {
  let doubt: Variant | undefined;
  for (const { resource: listener } of ctx.graph.referrers(lb.logicalId, LISTENER, ['Properties', 'LoadBalancerArn'])) {
    for (const protocol of ctx.value(listener, ['Properties', 'Protocol'])) {
      if (protocol.kind === 'unknown') doubt ??= protocol;
      else if (asString(protocol)?.toUpperCase() === 'TLS') return listener.logicalId;
    }
  }
  return doubt;
}

/** The second message: the log bucket is a bucket of the template whose default encryption is SSE-KMS. */
function checkBucket(ctx: Ctx, name: Variant, because: Variant[]): void {
  const bucket = bucketOf(ctx, name);
  if (!bucket) return;
  for (const rule of ctx.items(bucket, ['Properties', 'BucketEncryption', 'ServerSideEncryptionConfiguration'])) {
    for (const algorithm of ctx.value(rule, ['ServerSideEncryptionByDefault', 'SSEAlgorithm'])) {
      if (!asString(algorithm)?.toLowerCase().startsWith('aws:kms')) continue;
      ctx.report({ messageId: 'kmsBucket', at: name, because: [...because, algorithm], data: { bucket: bucket.logicalId } });
      return;
    }
  }
}

/** The bucket of the template a bucket name points at: by Ref, or by its literal BucketName. */
function bucketOf(ctx: Ctx, name: Variant): Resource | undefined {
  if (name.ref) {
    const target = ctx.template.resources.get(name.ref.logicalId);
    return target?.type === BUCKET ? target : undefined;
  }
  const text = asString(name);
  if (text === undefined) return undefined;
  return ctx.graph.ofType(BUCKET).find((b) => ctx.value(b, ['Properties', 'BucketName']).some((v) => asString(v) === text));
}
