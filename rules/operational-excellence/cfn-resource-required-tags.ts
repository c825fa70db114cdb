import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asString } from '../../src/values/coerce.ts';
import { combinations, mergeAssumptions, variantWith, type Variant } from '../../src/values/variant.ts';
import { launchTemplatesOf } from '../../src/rule-helpers/resources.ts';
import { valueText } from '../../src/values/quote.ts';
import { listWords } from '../../src/words.ts';

interface Options {
  /** Tag keys every taggable resource must carry (case-sensitive, as in AWS). */
  requiredTags: string[];
  /** Keys applied at deploy time (stack tags: `aws cloudformation deploy --tags`, `sam deploy --tags`), assumed present. */
  stackTags: string[];
}

/**
 * Types whose CloudFormation schema has a `Tags` property. Types that tag through another property
 * (EFS FileSystemTags, Cognito UserPoolTags, Route 53 HostedZoneTags, launch template TagSpecifications) are not
 * applicable. Any other resource that writes `Tags` shows by that that its type has them.
 */
const TAGGABLE = new Set([
  'AWS::AmazonMQ::Broker',
  'AWS::ApiGateway::ApiKey', 'AWS::ApiGateway::ClientCertificate', 'AWS::ApiGateway::DomainName', 'AWS::ApiGateway::RestApi',
  'AWS::ApiGateway::Stage', 'AWS::ApiGateway::UsagePlan', 'AWS::ApiGateway::VpcLink',
  'AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::DomainName', 'AWS::ApiGatewayV2::Stage', 'AWS::ApiGatewayV2::VpcLink',
  'AWS::AppSync::GraphQLApi',
  'AWS::Athena::WorkGroup',
  'AWS::AutoScaling::AutoScalingGroup',
  'AWS::Batch::ComputeEnvironment', 'AWS::Batch::JobDefinition', 'AWS::Batch::JobQueue',
  'AWS::CertificateManager::Certificate',
  'AWS::Cloud9::EnvironmentEC2',
  'AWS::CloudFormation::Stack', 'AWS::CloudFormation::StackSet',
  'AWS::CloudFront::Distribution',
  'AWS::CloudTrail::Trail',
  'AWS::CodeBuild::Project', 'AWS::CodeCommit::Repository', 'AWS::CodeDeploy::Application', 'AWS::CodePipeline::Pipeline',
  'AWS::DAX::Cluster',
  'AWS::DMS::Endpoint', 'AWS::DMS::ReplicationInstance', 'AWS::DMS::ReplicationSubnetGroup', 'AWS::DMS::ReplicationTask',
  'AWS::DocDB::DBCluster', 'AWS::DocDB::DBClusterParameterGroup', 'AWS::DocDB::DBInstance', 'AWS::DocDB::DBSubnetGroup',
  'AWS::DynamoDB::Table',
  'AWS::EC2::CarrierGateway', 'AWS::EC2::CustomerGateway', 'AWS::EC2::DHCPOptions', 'AWS::EC2::EIP', 'AWS::EC2::FlowLog',
  'AWS::EC2::Instance', 'AWS::EC2::InternetGateway', 'AWS::EC2::KeyPair', 'AWS::EC2::NatGateway', 'AWS::EC2::NetworkAcl',
  'AWS::EC2::NetworkInterface', 'AWS::EC2::PrefixList', 'AWS::EC2::RouteTable', 'AWS::EC2::SecurityGroup', 'AWS::EC2::Subnet',
  'AWS::EC2::TransitGateway', 'AWS::EC2::TransitGatewayAttachment', 'AWS::EC2::TransitGatewayRouteTable',
  'AWS::EC2::TransitGatewayVpcAttachment', 'AWS::EC2::VPC', 'AWS::EC2::VPCPeeringConnection', 'AWS::EC2::VPNConnection',
  'AWS::EC2::VPNGateway', 'AWS::EC2::Volume',
  'AWS::ECR::Repository',
  'AWS::ECS::CapacityProvider', 'AWS::ECS::Cluster', 'AWS::ECS::Service', 'AWS::ECS::TaskDefinition',
  'AWS::EKS::Addon', 'AWS::EKS::Cluster', 'AWS::EKS::FargateProfile', 'AWS::EKS::Nodegroup',
  'AWS::ElastiCache::CacheCluster', 'AWS::ElastiCache::ParameterGroup', 'AWS::ElastiCache::ReplicationGroup',
  'AWS::ElastiCache::SubnetGroup',
  'AWS::ElasticBeanstalk::Environment',
  'AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::TargetGroup',
  'AWS::Elasticsearch::Domain', 'AWS::OpenSearchService::Domain',
  'AWS::EMR::Cluster',
  'AWS::Events::EventBus',
  'AWS::FSx::FileSystem',
  'AWS::Glue::Crawler', 'AWS::Glue::Job',
  'AWS::IAM::OIDCProvider', 'AWS::IAM::Role', 'AWS::IAM::SAMLProvider', 'AWS::IAM::ServerCertificate', 'AWS::IAM::User',
  'AWS::IAM::VirtualMFADevice',
  'AWS::Kinesis::Stream', 'AWS::KinesisFirehose::DeliveryStream',
  'AWS::KMS::Key',
  'AWS::Lambda::Function',
  'AWS::Logs::LogGroup',
  'AWS::MSK::Cluster',
  'AWS::Neptune::DBCluster', 'AWS::Neptune::DBInstance', 'AWS::Neptune::DBSubnetGroup',
  'AWS::RDS::DBCluster', 'AWS::RDS::DBClusterParameterGroup', 'AWS::RDS::DBInstance', 'AWS::RDS::DBParameterGroup',
  'AWS::RDS::DBProxy', 'AWS::RDS::DBSecurityGroup', 'AWS::RDS::DBSubnetGroup', 'AWS::RDS::EventSubscription', 'AWS::RDS::OptionGroup',
  'AWS::Redshift::Cluster', 'AWS::Redshift::ClusterParameterGroup', 'AWS::Redshift::ClusterSubnetGroup',
  'AWS::Route53Resolver::ResolverEndpoint', 'AWS::Route53Resolver::ResolverRule',
  'AWS::S3::Bucket',
  'AWS::SageMaker::Endpoint', 'AWS::SageMaker::EndpointConfig', 'AWS::SageMaker::Model', 'AWS::SageMaker::NotebookInstance',
  'AWS::SecretsManager::Secret',
  'AWS::Serverless::Api', 'AWS::Serverless::Function', 'AWS::Serverless::HttpApi', 'AWS::Serverless::SimpleTable',
  'AWS::Serverless::StateMachine',
  'AWS::ServiceDiscovery::HttpNamespace', 'AWS::ServiceDiscovery::PrivateDnsNamespace',
  'AWS::ServiceDiscovery::PublicDnsNamespace', 'AWS::ServiceDiscovery::Service',
  'AWS::SNS::Topic',
  'AWS::SQS::Queue',
  'AWS::SSM::Document', 'AWS::SSM::Parameter',
  'AWS::StepFunctions::Activity', 'AWS::StepFunctions::StateMachine',
  'AWS::Transfer::Server', 'AWS::Transfer::User',
  'AWS::WAFv2::IPSet', 'AWS::WAFv2::RegexPatternSet', 'AWS::WAFv2::RuleGroup', 'AWS::WAFv2::WebACL',
]);

const ASG = 'AWS::AutoScaling::AutoScalingGroup';

/** One tag as found: its value, and for Auto Scaling groups its PropagateAtLaunch. */
interface Tag {
  value: Variant;
  propagate?: Variant;
}

/** The tags of one consistent reading of the Tags property; `open` when an entry could carry any key. */
interface TagSet {
  tags: Map<string, Tag>;
  open?: Variant;
  /** Entries that differ between branches, and keys that depend on parameters or mappings: the verdict rests on them. */
  forks: Variant[];
}

export default defineRule<Options>({
  id: 'cfn-resource-required-tags',
  pillar: 'operational-excellence',
  level: 'warning',
  title: 'Taggable resources carry the required tags',
  rationale:
    'Tags are how costs are allocated, owners found and automation targeted. A resource without the agreed keys cannot be ' +
    'charged back or traced to a team, and tag-based policies and scripts silently skip it.',
  remediation:
    'The rule reports nothing until `requiredTags` names the keys your organisation requires ' +
    '(`cfn-resource-required-tags: [warning, { requiredTags: [Owner, CostCenter] }]`). ' +
    'Add every required key with a non-empty value (values may come from parameters). Keys applied to the whole stack at ' +
    'deploy time belong in the `stackTags` option (a CDK stack\'s own tags, from the cloud assembly, count as present). Auto Scaling group tags also need `PropagateAtLaunch: true` to reach the instances.\n\n' +
    '```yaml\nTags:\n  - {Key: Owner, Value: team-payments}\n  - {Key: Environment, Value: !Ref Env}\n  - {Key: Project, Value: checkout}\n```',
  wellArchitected: ['OPS02-BP01', 'COST03-BP02', 'COST04-BP01'],
  appliesTo: ['*'],
  tags: ['cost-optimization'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  optionsSchema: {
    type: 'object',
    properties: {
      requiredTags: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
      stackTags: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    },
    additionalProperties: false,
  },
  defaultOptions: { requiredTags: [], stackTags: [] },
  messages: {
    missing: '{{type}} {{logicalId}} lacks the required {{tagWord}} {{missing}}.',
    empty: '{{type}} {{logicalId}} has the required tag {{key}} with an empty value.',
    notPropagated: 'Required tag {{key}} of Auto Scaling group {{logicalId}} is not propagated to its instances: PropagateAtLaunch is {{state}}.',
  },
  check(resource, ctx) {
    // Silent until the team says which tags it requires: there is no tag set every organisation shares.
    const configured = requiredOf(ctx.options);
    const stackTags = ctx.template.stackTags;
    const required = stackTags.length ? configured.filter((k) => !stackTags.includes(k)) : configured;
    if (required.length === 0) return;
    // A custom resource's Tags are input to its handler, not tags AWS stores.
    if (resource.type.startsWith('Custom::') || resource.type === 'AWS::CloudFormation::CustomResource') return;
    const own = ctx.value(resource, ['Properties', 'Tags']);
    if (!TAGGABLE.has(resource.type) && own.every((v) => v.kind === 'absent')) return;
    const instanceTags = resource.type === ASG ? launchTemplateInstanceTags(resource, ctx) : undefined;

    // SAM Globals tags are already merged into the resource's own by the template stage.
    for (const tags of own) {
      const sets = readTags(tags, ctx, required, resource.type === ASG);
      for (const set of sets) {
        if (set === 'unknown') continue;
        const because = set.forks;
        const missing = required.filter((k) => !set.tags.has(k));
        if (missing.length > 0) {
          if (set.open) ctx.unknown(set.open, 'the tag keys');
          else {
            ctx.report({
              messageId: 'missing',
              at: tags,
              because,
              data: { missing: listWords(missing), tagWord: missing.length === 1 ? 'tag' : 'tags' },
            });
          }
        }
        for (const key of required) {
          const tag = set.tags.get(key);
          if (!tag) continue;
          if (isEmpty(tag.value)) {
            ctx.report({ messageId: 'empty', at: tag.value, because: [tags, ...because], data: { key } });
            continue;
          }
          if (tag.propagate) checkPropagation(ctx, key, tag.propagate, instanceTags, [tags, ...because]);
        }
      }
    }
  },
});

/** The keys to look for, once per options object (the engine hands every template the same one). */
const requiredByOptions = new WeakMap<Options, string[]>();
function requiredOf(options: Options): string[] {
  let required = requiredByOptions.get(options);
  if (!required) {
    required = options.requiredTags.filter((k) => !options.stackTags.includes(k));
    requiredByOptions.set(options, required);
  }
  return required;
}

function isEmpty(value: Variant): boolean {
  return value.kind === 'absent' || (value.kind === 'literal' && (value.value === '' || value.value === null));
}

/** One way a Tags entry can come out: the tag it gives (or none, or an unknown key), with what it rests on. */
interface Alternative {
  /** Carries the assumptions that pick this alternative, for consistent combinations. */
  variant: Variant;
  name?: string;
  tag?: Tag;
  open?: Variant;
  /** Rests on a condition branch, parameter or mapping: named in the message. */
  deciding: boolean;
}

// Every alternative and tag set is built with all its fields in one order: one shape keeps this per-resource code
// from being deoptimized and recompiled each time a new kind of entry turns up.
function makeAlternative(variant: Variant, deciding: boolean, name?: string, tag?: Tag, open?: Variant): Alternative {
  return { variant, name, tag, open, deciding };
}

function tagSet(open: Variant | undefined): TagSet {
  return { tags: new Map(), open, forks: [] };
}

/** Reads a Tags value in list form ([{Key, Value}]) or map form ({key: value}) into its possible tag sets. */
function readTags(tags: Variant, ctx: RuleContext<Options>, required: string[], asg = false): Array<TagSet | 'unknown'> {
  if (tags.kind === 'absent') return [tagSet(undefined)];
  if (tags.kind === 'unknown') return [tagSet(tags)];
  const value = tags.value;
  const bySlot: Alternative[][] = [];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) bySlot.push(slotAlternatives(tags, i, true, ctx, required, asg));
  } else if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) bySlot.push(slotAlternatives(tags, keys[i]!, false, ctx, required, asg));
  } else return ['unknown'];
  const lookup = new Map<Variant, Alternative>();
  for (const alternatives of bySlot) for (const a of alternatives) lookup.set(a.variant, a);
  return combinations(bySlot.map((alternatives) => alternatives.map((a) => a.variant))).map((combo) => {
    const set = tagSet(undefined);
    for (const v of combo) {
      const alternative = lookup.get(v)!;
      if (alternative.deciding) set.forks.push(v);
      if (alternative.open) set.open ??= alternative.open;
      if (alternative.name !== undefined && alternative.tag) set.tags.set(alternative.name, alternative.tag);
    }
    return set;
  });
}

/** The ways one Tags entry (list form: an index; map form: a key) can come out. */
function slotAlternatives(
  tags: Variant,
  slot: number | string,
  listForm: boolean,
  ctx: RuleContext<Options>,
  required: string[],
  asg: boolean,
): Alternative[] {
  const entries = ctx.value(tags, [slot]);
  const forked = entries.length > 1;
  const alternatives: Alternative[] = [];
  for (const entry of entries) {
    if (entry.kind === 'absent') alternatives.push(makeAlternative(entry, forked));
    else if (!listForm) alternatives.push(makeAlternative(entry, forked, String(slot), { value: entry, propagate: undefined }));
    else if (entry.kind === 'unknown') alternatives.push(makeAlternative(entry, forked, undefined, undefined, entry));
    else {
      const keys = ctx.value(entry, ['Key']);
      const plain = keys.length === 1 ? asString(keys[0]!) : undefined;
      if (plain !== undefined && !required.includes(plain) && keys[0]!.assumptions.length === entry.assumptions.length) {
        // A key that is not required and rests on nothing but its entry: its Value and PropagateAtLaunch are never
        // read, and every reading of them is consistent with it, so one alternative stands for them all.
        alternatives.push(makeAlternative(variantWith(keys[0]!, { assumptions: entry.assumptions }), forked, plain));
        continue;
      }
      for (const [key, tagValue, propagate] of combinations([
        keys,
        ctx.value(entry, ['Value']),
        ctx.value(entry, ['PropagateAtLaunch']),
      ])) {
        const assumptions = mergeAssumptions(entry.assumptions, key!.assumptions)!;
        const variant: Variant = variantWith(key!, { assumptions });
        const deciding = forked || key!.assumptions.length > entry.assumptions.length;
        const name = asString(key!);
        if (name === undefined) {
          alternatives.push(makeAlternative(variant, deciding, undefined, undefined, key!.kind === 'unknown' ? key! : undefined));
          continue;
        }
        alternatives.push(makeAlternative(variant, deciding, name, { value: tagValue!, propagate: asg ? propagate! : undefined }));
      }
    }
  }
  return alternatives;
}

/**
 * Tag keys an Auto Scaling group's instances get from its launch template's TagSpecifications, or the unknown
 * value when the launch template is not in this template.
 */
function launchTemplateInstanceTags(group: Resource, ctx: RuleContext<Options>): Set<string> | Variant {
  const keys = new Set<string>();
  for (const spec of [['Properties', 'LaunchTemplate'], ['Properties', 'MixedInstancesPolicy', 'LaunchTemplate', 'LaunchTemplateSpecification']]) {
    for (const v of ctx.value(group, spec)) {
      if (v.kind === 'absent') continue;
      const ids = [...ctx.value(v, ['LaunchTemplateId']), ...ctx.value(v, ['LaunchTemplateName'])].filter((x) => x.kind !== 'absent');
      if (ids.some((x) => !x.ref)) return variantWith(v, { kind: 'unknown', reason: 'a launch template from outside this template' });
    }
  }
  for (const template of launchTemplatesOf(ctx, group)) {
    for (const spec of ctx.items(template, ['Properties', 'LaunchTemplateData', 'TagSpecifications'])) {
      if (!ctx.value(spec, ['ResourceType']).some((t) => asString(t) === 'instance')) continue;
      for (const tag of ctx.items(spec, ['Tags'])) {
        for (const key of ctx.value(tag, ['Key'])) {
          const name = asString(key);
          if (name !== undefined) keys.add(name);
        }
      }
    }
  }
  return keys;
}

function checkPropagation(
  ctx: RuleContext<Options>,
  key: string,
  propagate: Variant,
  instanceTags: Set<string> | Variant | undefined,
  because: Variant[],
): void {
  if (propagate.kind === 'unknown') {
    ctx.unknown(propagate, `PropagateAtLaunch of tag ${key}`);
    return;
  }
  if (asBoolean(propagate) === true) return;
  // Instance tags can come from the launch template instead.
  if (instanceTags instanceof Set) {
    if (instanceTags.has(key)) return;
  } else if (instanceTags) {
    ctx.unknown(instanceTags, `the instance tags from the launch template`);
    return;
  }
  ctx.report({
    messageId: 'notPropagated',
    at: propagate,
    because,
    data: { key, state: propagate.kind === 'absent' ? 'not set' : valueText(propagate.value) },
    fix: propagate.kind === 'literal' ? { text: 'true', description: 'Propagate the tag at launch' } : undefined,
  });
}
