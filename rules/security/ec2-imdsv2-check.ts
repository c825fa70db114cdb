import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { LAUNCH_CONFIGURATION, LAUNCH_TEMPLATE, launchTemplatesOf, usedBy } from '../../src/rule-helpers/launchers.ts';
import { isPlainObject } from '../../src/template/intrinsics.ts';
import type { Resource } from '../../src/template/model.ts';
import { asNumber, asString, isSet } from '../../src/values/coerce.ts';
import { absentVariant, variantWith, type Variant } from '../../src/values/variant.ts';

const INSTANCE = 'AWS::EC2::Instance';

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
  docs: {
    noncompliant: [
      'Resources:',
      '  WebLaunchTemplate:',
      '    Type: AWS::EC2::LaunchTemplate',
      '    Properties:',
      '      LaunchTemplateData:',
      '        ImageId: ami-0abcdef1234567890',
      '        InstanceType: t3.small',
      '        MetadataOptions:',
      '          HttpEndpoint: enabled',
      '          HttpTokens: optional',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  WebLaunchTemplate:',
      '    Type: AWS::EC2::LaunchTemplate',
      '    Properties:',
      '      LaunchTemplateData:',
      '        ImageId: ami-0abcdef1234567890',
      '        InstanceType: t3.small',
      '        MetadataOptions:',
      '          HttpEndpoint: enabled',
      '          HttpTokens: required',
      '          HttpPutResponseHopLimit: 1',
    ].join('\n'),
    notes:
      'Instances, launch templates and launch configurations are checked; a message about a launch template or ' +
      'configuration names what launches from it. `HttpEndpoint: disabled` passes (no metadata to steal). An instance ' +
      'launched from a launch template of the same template without metadata options of its own is checked through the ' +
      'launch template. A missing `HttpTokens` passes only when the image is an Amazon Linux 2023 AMI named through its ' +
      'public SSM parameter (`/aws/service/ami-amazon-linux-latest/al2023-…`), which AWS registers with IMDSv2 required; ' +
      'the account-level IMDS default is not visible in a template. On launch configurations, a ' +
      '`HttpPutResponseHopLimit` above 1 is reported too (2, which containers need, as a note). A value only known at ' +
      'deploy time (an import, a parameter without a Default, a launch template from another stack) is not a finding; ' +
      '`--report-unknown` lists it.',
  },
  check(resource, ctx) {
    const spec = OPTIONS[resource.type];
    if (!spec) return;
    const options = spec.path;
    const inherited = resource.type === INSTANCE && launchTemplatesOf(ctx, resource).length > 0;
    const data = { noun: spec.noun, users: usedBy(ctx, resource) };
    const images = ctx.value(resource, spec.image);
    // Only when some image defaults to IMDSv2 does the verdict depend on which one is used (and the message name it).
    const imageDecides = images.some((image) => imdsV2Image(ctx, resource, image));
    for (const [tokens, endpoint, template, image] of ctx.each(
      ctx.value(resource, [...options, 'HttpTokens']),
      ctx.value(resource, [...options, 'HttpEndpoint']),
      resource.type === INSTANCE ? ctx.value(resource, ['Properties', 'LaunchTemplate']) : [absent()],
      imageDecides ? images : [absent()],
    )) {
      // No metadata endpoint, no metadata to steal.
      if (lower(endpoint) === 'disabled' || lower(tokens) === 'required') continue;
      if (!ctx.known(tokens, 'HttpTokens') || !ctx.known(endpoint, 'HttpEndpoint')) continue;
      if (tokens.kind === 'absent' && isSet(template)) {
        // The instance takes its metadata options from the launch template, which this rule checks on its own.
        if (!inherited) {
          ctx.unknown(
            variantWith(template, { kind: 'unknown', reason: 'in a launch template outside this template' }),
            'the metadata options inherited from the launch template',
          );
        }
        continue;
      }
      if (tokens.kind === 'literal' && lower(tokens) !== 'optional') continue; // not a valid value: a template error
      if (tokens.kind === 'absent' && imdsV2Image(ctx, resource, image)) continue;
      ctx.report({
        messageId: tokens.kind === 'absent' ? 'notSet' : 'optional',
        at: tokens,
        because: [endpoint, template, image],
        data,
        fix: tokens.kind === 'literal' ? { text: 'required', description: 'Require IMDSv2 session tokens' } : undefined,
      });
    }

    if (resource.type !== LAUNCH_CONFIGURATION) return;
    for (const [limit, endpoint] of ctx.each(ctx.value(resource, [...options, 'HttpPutResponseHopLimit']), ctx.value(resource, [...options, 'HttpEndpoint']))) {
      if (lower(endpoint) === 'disabled' || limit.kind === 'absent' || !ctx.known(limit, 'HttpPutResponseHopLimit')) continue;
      const hops = asNumber(limit);
      if (hops === undefined || hops <= 1 || !ctx.known(endpoint, 'HttpEndpoint')) continue;
      ctx.report({
        messageId: 'hopLimit',
        at: limit,
        because: [endpoint],
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
function imdsV2Image(ctx: RuleContext<any, any>, resource: Resource, image: Variant): boolean {
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
