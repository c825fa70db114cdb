import { option, type OptionsOf } from '../../src/engine/options.ts';
import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { launchTemplatesOf } from '../../src/rule-helpers/launchers.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import { tagSets, tagValues } from '../../src/rule-helpers/tags.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, asString } from '../../src/values/coerce.ts';
import { variantWith, type Variant } from '../../src/values/variant.ts';
import { named } from '../../src/words.ts';

const ASG = 'AWS::AutoScaling::AutoScalingGroup';

const options = {
  requiredTags: option.strings({
    description: 'Tag keys every taggable resource must carry, case-sensitive as in AWS. The rule reports nothing until this lists at least one key.',
    default: [],
  }),
  stackTags: option.strings({
    description:
      'Tag keys applied to the whole stack at deploy time (`aws cloudformation deploy --tags`, `sam deploy --tags`): assumed present on every resource.',
    default: [],
  }),
};

const messages = {
  missing: '{{type}} {{logicalId}} lacks the required {{missing}}.',
  empty: '{{type}} {{logicalId}} has the required tag {{key}} with an empty value.',
  notPropagated: 'Required tag {{key}} of Auto Scaling group {{logicalId}} is not propagated to its instances: PropagateAtLaunch is {{state}}.',
} as const;

type Options = OptionsOf<typeof options>;

export default defineRule({
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
    "deploy time belong in the `stackTags` option (a CDK stack's own tags, from the cloud assembly, count as present). Auto Scaling group tags also need `PropagateAtLaunch: true` to reach the instances.\n\n" +
    '```yaml\nTags:\n  - {Key: Owner, Value: team-payments}\n  - {Key: Environment, Value: !Ref Env}\n  - {Key: Project, Value: checkout}\n```',
  wellArchitected: ['OPS02-BP01', 'COST03-BP02', 'COST04-BP01'],
  appliesTo: ['*'],
  tags: ['cost-optimization'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  docs: {
    options: { requiredTags: ['Owner', 'CostCenter'] },
    noncompliant: [
      'Resources:',
      '  InvoicesQueue:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      QueueName: invoices',
      '      MessageRetentionPeriod: 1209600',
      '      Tags:',
      '        - {Key: Owner, Value: team-billing}',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  InvoicesQueue:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      QueueName: invoices',
      '      MessageRetentionPeriod: 1209600',
      '      Tags:',
      '        - {Key: Owner, Value: team-billing}',
      '        - {Key: CostCenter, Value: cc-4410}',
    ].join('\n'),
    notes:
      'Checked: every resource type the resource facts (data/resource-facts.json) list as taggable, through the ' +
      'property they name for its tags (`Tags` for most types, `FileSystemTags` or another for some), as a `[{Key, ' +
      'Value}]` list or a `{key: value}` map; and a resource of a type the facts do not list when it writes `Tags`. Not ' +
      'applicable: custom resources (their `Tags` are input to the handler) and types that keep their tags in another ' +
      "shape (a launch template's `TagSpecifications`). SAM `Globals` tags count for the functions, APIs and tables " +
      "they apply to, and a CDK stack's own tags (from the cloud assembly) count as present. A tag value that is an " +
      'intrinsic counts as present; an empty one does not. Tag keys or lists only known at deploy time are not guessed: ' +
      '`--report-unknown` lists them. A required tag of an Auto Scaling group without `PropagateAtLaunch: true` is ' +
      "reported unless the group's launch template tags its instances with that key.",
  },
  options,
  messages,
  check(resource, ctx) {
    // Silent until the team says which tags it requires: there is no tag set every organisation shares.
    const configured = requiredOf(ctx.options);
    const stackTags = ctx.template.stackTags;
    const required = stackTags.length ? configured.filter((k) => !stackTags.includes(k)) : configured;
    if (required.length === 0) return;
    // A custom resource's Tags are input to its handler, not tags AWS stores.
    if (resource.type.startsWith('Custom::') || resource.type === 'AWS::CloudFormation::CustomResource') return;
    const own = tagValues(ctx, resource);
    if (!own) return;
    const asg = resource.type === ASG;
    const instanceTags = asg ? launchTemplateInstanceTags(ctx, resource) : undefined;

    // SAM Globals tags are already merged into the resource's own by the template stage.
    for (const tags of own) {
      for (const set of tagSets(ctx, tags, { keys: required, propagate: asg })) {
        if (set === 'unknown') continue;
        const because = set.forks;
        const missing = required.filter((k) => !set.tags.has(k));
        if (missing.length > 0) {
          if (set.open) ctx.unknown(set.open, 'the tag keys');
          else ctx.report({ messageId: 'missing', at: tags, because, data: { missing: named('tag', missing) } });
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

/**
 * Tag keys an Auto Scaling group's instances get from its launch templates' TagSpecifications, or an unknown value
 * when it launches from a template outside this one.
 */
function launchTemplateInstanceTags(ctx: RuleContext<any, any>, group: Resource): Set<string> | Variant {
  const templates = launchTemplatesOf(ctx, group);
  // A reference is to a template here, and so is a name that one here has; anything else is from outside.
  const names = new Set(templates.flatMap((t) => ctx.value(t, ['Properties', 'LaunchTemplateName']).map(asString)).filter((n) => n !== undefined));
  const here = (id: Variant) => {
    const name = asString(id);
    return id.ref !== undefined || (name !== undefined && names.has(name));
  };
  for (const spec of [
    ['Properties', 'LaunchTemplate'],
    ['Properties', 'MixedInstancesPolicy', 'LaunchTemplate', 'LaunchTemplateSpecification'],
  ]) {
    for (const v of ctx.value(group, spec)) {
      if (v.kind === 'absent') continue;
      const ids = [...ctx.value(v, ['LaunchTemplateId']), ...ctx.value(v, ['LaunchTemplateName'])].filter((x) => x.kind !== 'absent');
      if (!ids.every(here)) {
        return variantWith(v, { kind: 'unknown', reason: 'a launch template from outside this template', origin: { kind: 'other' } });
      }
    }
  }
  const keys = new Set<string>();
  for (const template of templates) {
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
  ctx: RuleContext<Options, typeof messages>,
  key: string,
  propagate: Variant,
  instanceTags: Set<string> | Variant | undefined,
  because: Variant[],
): void {
  if (!ctx.known(propagate, `PropagateAtLaunch of tag ${key}`) || asBoolean(propagate) === true) return;
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
    data: { key, state: stateText(propagate) },
    fix: propagate.kind === 'literal' ? { text: 'true', description: 'Propagate the tag at launch' } : undefined,
  });
}
