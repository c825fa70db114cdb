import { option, type OptionsOf } from '../../src/engine/options.ts';
import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { type BackupTarget, backupSelects, hasTag, lifecyclePolicyCovers, parseTagOption, type Verdict } from '../../src/rule-helpers/backup.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean } from '../../src/values/coerce.ts';

const VOLUME = 'AWS::EC2::Volume';
const INSTANCE = 'AWS::EC2::Instance';
const SELECTION = 'AWS::Backup::BackupSelection';
const DLM_POLICY = 'AWS::DLM::LifecyclePolicy';

const options = {
  centralBackup: option.boolean({
    description:
      'Backups are managed outside this template (an AWS Organizations backup policy, a central backup plan, a DLM default ' +
      'policy of the account): the rule says nothing, unless `backupTag` is set, in which case it checks that tag.',
    default: false,
  }),
  backupTag: option.string({
    description:
      'The tag a central backup plan selects resources by, as `Key` or `Key=Value` (for example `backup=daily`): when ' +
      'set, volumes and instances pass when they carry it (or a selection of the template covers them), and are flagged ' +
      'when they do not. Empty: not used.',
    default: '',
  }),
};

// Declared apart from the rule so that the functions below report with checked message ids.
const messages = {
  notCovered: '{{kind}} {{logicalId}} has no scheduled backup: {{detail}}.',
  missingTag:
    '{{kind}} {{logicalId}} does not carry the tag {{tag}} that the central backup plan selects, and no backup selection or lifecycle policy of this template covers it.',
} as const;

type Ctx = RuleContext<OptionsOf<typeof options>, typeof messages>;

export default defineRule({
  id: 'ebs-resources-protected-by-backup-plan',
  pillar: 'reliability',
  level: 'note',
  title: 'EBS volumes are covered by AWS Backup or DLM snapshots',
  rationale:
    'An EBS volume is replicated within its Availability Zone, which protects against a failed disk, not against a ' +
    'deleted volume, a corrupted file system, ransomware or the loss of the zone. Scheduled snapshots, by AWS Backup or ' +
    'an Amazon Data Lifecycle Manager policy, are what a volume can be restored from.',
  remediation:
    'Select the volume (or its instance) in an AWS Backup plan, by tag or by ARN, or target its tags with a DLM lifecycle ' +
    'policy. If backups are managed centrally, set the `centralBackup` option, or `backupTag` to the tag the central ' +
    'plan selects.\n\n' +
    '```yaml\nTags:\n  - {Key: backup, Value: daily}\n# and an AWS::Backup::BackupSelection with\n#   Conditions: {StringEquals: [{ConditionKey: aws:ResourceTag/backup, ConditionValue: daily}]}\n```',
  wellArchitected: ['REL09-BP03', 'REL09-BP01'],
  securityHub: [],
  appliesTo: [VOLUME, INSTANCE],
  tags: ['operational-excellence'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: ['EC2EBSInBackupPlan'] },
  options,
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  DataVolume:',
      '    Type: AWS::EC2::Volume',
      '    Properties:',
      '      AvailabilityZone: eu-west-1a',
      '      Size: 500',
      '      VolumeType: gp3',
      '      Encrypted: true',
      '  DailySnapshots:',
      '    Type: AWS::DLM::LifecyclePolicy',
      '    Properties:',
      '      Description: Daily snapshots of tagged volumes',
      '      State: ENABLED',
      '      ExecutionRoleArn: arn:aws:iam::123456789012:role/AWSDataLifecycleManagerDefaultRole',
      '      PolicyDetails:',
      '        ResourceTypes: [VOLUME]',
      '        TargetTags:',
      '          - {Key: backup, Value: daily}',
      '        Schedules:',
      '          - Name: daily',
      '            CreateRule: {Interval: 24, IntervalUnit: HOURS, Times: ["03:00"]}',
      '            RetainRule: {Count: 14}',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  DataVolume:',
      '    Type: AWS::EC2::Volume',
      '    Properties:',
      '      AvailabilityZone: eu-west-1a',
      '      Size: 500',
      '      VolumeType: gp3',
      '      Encrypted: true',
      '      Tags:',
      '        - {Key: backup, Value: daily}',
      '  DailySnapshots:',
      '    Type: AWS::DLM::LifecyclePolicy',
      '    Properties:',
      '      Description: Daily snapshots of tagged volumes',
      '      State: ENABLED',
      '      ExecutionRoleArn: arn:aws:iam::123456789012:role/AWSDataLifecycleManagerDefaultRole',
      '      PolicyDetails:',
      '        ResourceTypes: [VOLUME]',
      '        TargetTags:',
      '          - {Key: backup, Value: daily}',
      '        Schedules:',
      '          - Name: daily',
      '            CreateRule: {Interval: 24, IntervalUnit: HOURS, Times: ["03:00"]}',
      '            RetainRule: {Count: 14}',
    ].join('\n'),
    notes:
      'Checks `AWS::EC2::Volume` and `AWS::EC2::Instance` (whose root and attached volumes are EBS). A volume or instance ' +
      'counts as covered when, in this template:\n\n' +
      '- an `AWS::Backup::BackupSelection` selects it: by an ARN that refers to it (`!Sub ...:volume/${Volume}`, what the ' +
      'CDK writes), by `*` or an ARN pattern for every volume or instance (`arn:aws:ec2:*:*:volume/*`), by `ListOfTags` ' +
      '(any one tag), and only if every entry of its `Conditions` (`StringEquals`, `StringLike`, `StringNotEquals`, ' +
      '`StringNotLike` on `aws:ResourceTag/<key>`) holds and `NotResources` does not name it; a selection with neither ' +
      '`Resources` nor `ListOfTags` takes every resource, as AWS Backup does;\n' +
      '- or an `AWS::DLM::LifecyclePolicy` that is not `DISABLED` targets its tags (`ResourceTypes` VOLUME, or INSTANCE ' +
      'for instances and the volumes attached to them; `IMAGE_MANAGEMENT` policies make AMIs of instances), or is a ' +
      'default policy (`DefaultPolicy: VOLUME` or `INSTANCE`);\n' +
      "- or, for a volume, the instance it is attached to (`AWS::EC2::VolumeAttachment`, an instance's `Volumes`) is " +
      "covered. An instance's volumes carry its tags for volume selections only with `PropagateTagsToVolumeOnCreation`.\n\n" +
      'A volume protected by something outside the template (an organization-wide backup policy, a central plan) cannot ' +
      'be known from here, hence a note, and two options for teams that back up centrally: `centralBackup: true` ' +
      'turns the rule off, and `backupTag` (for example `backup=daily`) turns it into a check that every volume and ' +
      'instance carries the tag the central plan selects. A selection or tag only known at deploy time is not a ' +
      'finding; `--report-unknown` lists it.',
  },
  check(resource, ctx) {
    const kind = resource.type === VOLUME ? 'EBS volume' : 'EC2 instance';
    const tag = ctx.options.backupTag;
    if (ctx.options.centralBackup && !tag) return;
    const selections = ctx.graph.ofType(SELECTION);
    const policies = ctx.graph.ofType(DLM_POLICY);
    let verdict: Verdict = tag ? hasTag(ctx, resource, [parseTagOption(tag)]) : 'no';
    for (const target of targetsOf(ctx, resource)) {
      if (verdict === 'yes') return;
      for (const selection of selections) verdict = or(verdict, backupSelects(ctx, selection, target));
      for (const policy of policies) verdict = or(verdict, lifecyclePolicyCovers(ctx, policy, target));
    }
    if (verdict === 'yes') return;
    if (verdict === 'unknown') {
      for (const v of ctx.value(resource, ['Properties', 'Tags']))
        ctx.unknown(v, 'the backup coverage (a selection, lifecycle policy or tag only known at deploy time)');
      return;
    }
    if (tag) {
      ctx.report({ messageId: 'missingTag', at: ['Properties', 'Tags'], data: { kind, tag } });
      return;
    }
    const sources = [...selections, ...policies].map((r) => r.logicalId);
    const named = sources.length > 3 ? `${sources.slice(0, 3).join(', ')} and ${sources.length - 3} more` : sources.join(', ');
    const detail = sources.length
      ? `none of the backup selections or lifecycle policies of this template (${named}) covers it`
      : 'this template has no AWS Backup selection or DLM lifecycle policy (if an organization-wide plan covers it, set the centralBackup or backupTag option)';
    ctx.report({ messageId: 'notCovered', at: ['Properties', 'Tags'], data: { kind, detail } });
  },
});

function or(a: Verdict, b: Verdict): Verdict {
  return a === 'yes' || b === 'yes' ? 'yes' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'no';
}

/**
 * What a backup may select to cover the resource: a volume itself and the instances it is attached to; an instance
 * itself, and its volumes (which carry its tags only when it propagates them).
 */
function targetsOf(ctx: Ctx, resource: Resource): BackupTarget[] {
  if (resource.type === INSTANCE) {
    const propagate = ctx.value(resource, ['Properties', 'PropagateTagsToVolumeOnCreation']).some((v) => asBoolean(v) === true);
    return [
      { resource, kind: 'instance', tagsFrom: resource },
      { resource, kind: 'volume', tagsFrom: propagate ? resource : undefined },
    ];
  }
  const targets: BackupTarget[] = [{ resource, kind: 'volume', tagsFrom: resource }];
  const instances = new Set<string>();
  for (const { resource: attachment } of ctx.graph.referrers(resource.logicalId, 'AWS::EC2::VolumeAttachment', ['Properties', 'VolumeId'])) {
    for (const id of ctx.value(attachment, ['Properties', 'InstanceId'])) if (id.ref) instances.add(id.ref.logicalId);
  }
  for (const { resource: instance } of ctx.graph.referrers(resource.logicalId, INSTANCE, ['Properties', 'Volumes'])) instances.add(instance.logicalId);
  for (const id of instances) {
    const instance = ctx.template.resources.get(id);
    if (instance?.type === INSTANCE) targets.push({ resource: instance, kind: 'instance', tagsFrom: instance });
  }
  return targets;
}
