import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { isPlainObject } from '../../src/template/intrinsics.ts';
import type { Resource } from '../../src/template/model.ts';
import { asNumber, asString, isSet } from '../../src/values/coerce.ts';
import { absentVariant, combinations, variantWith, type Variant } from '../../src/values/variant.ts';
import { listWords } from '../../src/words.ts';

const INSTANCE = 'AWS::EC2::Instance';
const LAUNCH_TEMPLATE = 'AWS::EC2::LaunchTemplate';
const LAUNCH_CONFIGURATION = 'AWS::AutoScaling::LaunchConfiguration';

/** Where each type keeps its metadata options, and how the message names it. */
const OPTIONS: Record<string, { path: string[]; image: string[]; noun: string }> = {
  [INSTANCE]: { path: ['Properties', 'MetadataOptions'], image: ['Properties', 'ImageId'], noun: 'EC2 instance' },
  [LAUNCH_TEMPLATE]: {
    path: ['Properties', 'LaunchTemplateData', 'MetadataOptions'],
    image: ['Properties', 'LaunchTemplateData', 'ImageId'],
    noun: 'Launch template',
  },
  [LAUNCH_CONFIGURATION]: { path: ['Properties', 'MetadataOptions'], image: ['Properties', 'ImageId'], noun: 'Launch configuration' },
};

/** Public SSM parameters of the Amazon Linux 2023 AMIs, which are registered with ImdsSupport v2.0 (tokens required by default). */
const IMDSV2_AMI_PARAMETER = /^\/aws\/service\/ami-amazon-linux-latest\/al2023-/;

/** Resources that launch instances from a launch template or configuration, for the message. */
const LAUNCHERS: Record<string, string> = {
  'AWS::AutoScaling::AutoScalingGroup': 'Auto Scaling group',
  [INSTANCE]: 'instance',
  'AWS::EKS::Nodegroup': 'EKS node group',
  'AWS::EC2::EC2Fleet': 'EC2 Fleet',
  'AWS::EC2::SpotFleet': 'Spot Fleet',
  'AWS::Batch::ComputeEnvironment': 'Batch compute environment',
};

const lower = (v: Variant) => asString(v)?.toLowerCase();

export default defineRule({
  id: 'ec2-imdsv2-check',
  pillar: 'security',
  level: 'warning',
  title: 'EC2 instances require IMDSv2',
  rationale:
    'IMDSv1 answers any GET request from the instance, so a server-side request forgery or an open proxy in the application ' +
    'is enough to read the instance role credentials. IMDSv2 requires a session token obtained with a PUT request, which those ' +
    'attacks cannot send.',
  remediation:
    'Set `HttpTokens: required` in the metadata options of the instance, launch template or launch configuration (or disable ' +
    'the endpoint with `HttpEndpoint: disabled` if nothing on the instance uses it), and keep `HttpPutResponseHopLimit` at 1 ' +
    'unless containers on the instance need the metadata service (then 2).\n\n' +
    '```yaml\nLaunchTemplateData:\n  MetadataOptions:\n    HttpTokens: required\n    HttpPutResponseHopLimit: 1\n```',
  wellArchitected: ['SEC06-BP02', 'SEC02-BP02'],
  securityHub: ['EC2.8', 'AutoScaling.3'],
  securitySeverity: '7.0',
  appliesTo: Object.keys(OPTIONS),
  peers: {
    // CKV_AWS_79: MetadataOptions.HttpTokens required (or the endpoint disabled) in launch templates.
    checkov: [{ id: 'CKV_AWS_79', resourceTypes: ['AWS::EC2::LaunchTemplate'] }],
    cfn_nag: [],
    // EC2IMDSv2Enabled (PCI DSS 4.0, NZISM packs): HttpTokens required on instances, or their launch template or configuration.
    cdk_nag: [{ id: 'EC2IMDSv2Enabled', messages: ['optional', 'notSet'] }],
  },
  messages: {
    optional: '{{noun}} {{logicalId}} allows IMDSv1: MetadataOptions.HttpTokens is optional{{users}}.',
    notSet:
      '{{noun}} {{logicalId}} does not require IMDSv2: MetadataOptions.HttpTokens is not set, which means optional unless the AMI ' +
      'is registered with ImdsSupport v2.0 or the account default requires tokens{{users}}.',
    hopLimit:
      'Launch configuration {{logicalId}} sets MetadataOptions.HttpPutResponseHopLimit to {{limit}}, so metadata tokens reach ' +
      'beyond the instance itself{{users}}.',
  },
  check(resource, ctx) {
    const options = OPTIONS[resource.type]!.path;
    const inherited = resource.type === INSTANCE ? launchTemplateOf(resource, ctx) : undefined;
    const data = { noun: OPTIONS[resource.type]!.noun, users: usersOf(resource, ctx) };
    const images = ctx.value(resource, OPTIONS[resource.type]!.image);
    // Only when some image defaults to IMDSv2 does the verdict depend on which one is used (and the message name it).
    const imageDecides = images.some((image) => imdsV2Image(resource, image, ctx));
    for (const [tokens, endpoint, template, image] of combinations([
      ctx.value(resource, [...options, 'HttpTokens']),
      ctx.value(resource, [...options, 'HttpEndpoint']),
      resource.type === INSTANCE ? ctx.value(resource, ['Properties', 'LaunchTemplate']) : [absent()],
      imageDecides ? images : [absent()],
    ])) {
      // No metadata endpoint, no metadata to steal.
      if (lower(endpoint!) === 'disabled' || lower(tokens!) === 'required') continue;
      if (tokens!.kind === 'unknown') {
        ctx.unknown(tokens!, 'HttpTokens');
        continue;
      }
      if (endpoint!.kind === 'unknown') {
        ctx.unknown(endpoint!, 'HttpEndpoint');
        continue;
      }
      const value = lower(tokens!);
      if (tokens!.kind === 'absent' && isSet(template!)) {
        // The instance takes its metadata options from the launch template, which this rule checks on its own.
        if (!inherited) {
          ctx.unknown(variantWith(template!, { kind: 'unknown', reason: 'in a launch template outside this template' }), 'the metadata options inherited from the launch template');
        }
        continue;
      }
      if (tokens!.kind === 'literal' && value !== 'optional') continue; // not a valid value: a template error
      if (tokens!.kind === 'absent' && imdsV2Image(resource, image!, ctx)) continue;
      ctx.report({
        messageId: tokens!.kind === 'absent' ? 'notSet' : 'optional',
        at: tokens!,
        because: [endpoint!, template!, image!],
        data,
        fix: tokens!.kind === 'literal' ? { text: 'required', description: 'Require IMDSv2 session tokens' } : undefined,
      });
    }

    if (resource.type !== LAUNCH_CONFIGURATION) return;
    for (const [limit, endpoint] of combinations([
      ctx.value(resource, [...options, 'HttpPutResponseHopLimit']),
      ctx.value(resource, [...options, 'HttpEndpoint']),
    ])) {
      if (lower(endpoint!) === 'disabled' || limit!.kind === 'absent') continue;
      if (limit!.kind === 'unknown') {
        ctx.unknown(limit!, 'HttpPutResponseHopLimit');
        continue;
      }
      const hops = asNumber(limit!);
      if (hops === undefined || hops <= 1) continue;
      if (endpoint!.kind === 'unknown') {
        ctx.unknown(endpoint!, 'HttpEndpoint');
        continue;
      }
      ctx.report({
        messageId: 'hopLimit',
        at: limit!,
        because: [endpoint!],
        // Two hops is what containers on the instance need: worth a look, not a warning.
        level: hops === 2 ? 'note' : undefined,
        data: { ...data, limit: String(hops) },
        fix: { text: '1', description: 'Limit metadata responses to the instance itself' },
      });
    }
  },
});


/**
 * Whether the AMI is one that defaults to IMDSv2 (Amazon Linux 2023), seen through the public SSM parameter that names it.
 * The engine resolves SSM-typed parameters and {{resolve:ssm:...}} to unknown without saying which SSM parameter they read,
 * so this looks at the value as written: a dynamic reference string, or a Ref to an SSM-typed parameter and its Default.
 */
function imdsV2Image(resource: Resource, image: Variant, ctx: RuleContext): boolean {
  if (image.kind !== 'unknown' || image.external || image.ref) return false;
  let node: unknown = resource.node;
  for (const segment of image.path) node = isPlainObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
  let parameter: string | undefined;
  if (typeof node === 'string') parameter = /^\{\{resolve:ssm:([^:}]+)/.exec(node.trim())?.[1];
  else if (isPlainObject(node) && typeof node.Ref === 'string') {
    const declared = ctx.template.parameters.get(node.Ref);
    if (declared?.type.startsWith('AWS::SSM::Parameter::Value') && typeof declared.default === 'string') parameter = declared.default;
  }
  return parameter !== undefined && IMDSV2_AMI_PARAMETER.test(parameter.trim());
}

function absent(): Variant {
  return absentVariant([], false, []);
}

/** The launch template of this template that an instance's LaunchTemplate property points at (by Ref, GetAtt or name). */
function launchTemplateOf(instance: Resource, ctx: RuleContext): Resource | undefined {
  const linked = ctx.graph
    .targets(instance.logicalId, LAUNCH_TEMPLATE)
    .find(({ edge }) => edge.path[0] === 'Properties' && edge.path[1] === 'LaunchTemplate');
  if (linked) return linked.resource;
  for (const name of ctx.value(instance, ['Properties', 'LaunchTemplate', 'LaunchTemplateName'])) {
    const wanted = asString(name);
    if (wanted === undefined) continue;
    const match = ctx.graph
      .ofType(LAUNCH_TEMPLATE)
      .find((lt) => ctx.value(lt, ['Properties', 'LaunchTemplateName']).some((n) => asString(n) === wanted));
    if (match) return match;
  }
  return undefined;
}

/** " (used by Auto Scaling group Web, instance Bastion)": what a launch template or configuration affects. */
function usersOf(resource: Resource, ctx: RuleContext): string {
  if (resource.type === INSTANCE) return '';
  // Asked type by type, so that only the launchers are walked; named in template order.
  const users = new Set<Resource>();
  for (const type in LAUNCHERS) for (const { resource: user } of ctx.graph.referrers(resource.logicalId, type)) users.add(user);
  const names = new Set<string>();
  if (users.size) for (const user of ctx.template.resources.values()) if (users.has(user)) names.add(`${LAUNCHERS[user.type]} ${user.logicalId}`);
  if (resource.type === LAUNCH_TEMPLATE) {
    // Instances may name the template instead of referencing it.
    for (const instance of ctx.graph.ofType(INSTANCE)) {
      if (launchTemplateOf(instance, ctx) === resource) names.add(`instance ${instance.logicalId}`);
    }
  }
  return names.size ? ` (used by ${listWords([...names])})` : '';
}
