import { option } from '../../src/engine/options.ts';
import { defineRule, type KnownVariant, type RuleContext } from '../../src/engine/rule.ts';
import { usedBy } from '../../src/rule-helpers/launchers.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import { BLOCK_DEVICE_MAPPINGS } from '../../src/rule-helpers/resources.ts';
import { asBoolean, isSet } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import type { Variant } from '../../src/values/variant.ts';

type Ctx = RuleContext<{ readonly assumeAccountDefaultEncryption: boolean }, any>;

export default defineRule({
  id: 'ebs-volume-encrypted',
  pillar: 'security',
  level: 'error',
  title: 'EBS volumes are encrypted at rest',
  rationale:
    'An unencrypted EBS volume, its snapshots and the data moving between it and the instance can be read by anyone who gets ' +
    'hold of a snapshot or the underlying storage. Encryption with KMS costs nothing in performance and protects all three.',
  remediation:
    'Set `Encrypted: true` on the volume or on each `Ebs` block device mapping (and optionally a customer managed `KmsKeyId`). ' +
    "An instance or launch template without `BlockDeviceMappings` gets its root volume from the AMI's snapshot: map the root " +
    "device with `Encrypted: true`, or, if the account encrypts new EBS volumes by default, set the rule's " +
    '`assumeAccountDefaultEncryption` option.\n\n' +
    '```yaml\nBlockDeviceMappings:\n  - DeviceName: /dev/xvda\n    Ebs:\n      VolumeType: gp3\n      Encrypted: true\n      KmsKeyId: !Ref EbsKey   # optional CMK\n```',
  wellArchitected: ['SEC08-BP02', 'SEC08-BP01'],
  securityHub: ['EC2.3', 'EC2.7'],
  securitySeverity: '5.5',
  appliesTo: ['AWS::EC2::Volume', ...Object.keys(BLOCK_DEVICE_MAPPINGS)],
  peers: {
    checkov: [
      { id: 'CKV_AWS_3', resourceTypes: ['AWS::EC2::Volume'] }, // Encrypted of a volume
      { id: 'CKV_AWS_8', resourceTypes: ['AWS::AutoScaling::LaunchConfiguration'] }, // every Ebs mapping encrypted; none fails
    ],
    // F1: a volume without Encrypted true. (W37 only asks for a KmsKeyId, which this rule does not require.)
    cfn_nag: [{ id: 'F1', resourceTypes: ['AWS::EC2::Volume'] }],
    // EC26: volumes, instances and launch configurations, and launch templates through the instances and groups using them.
    cdk_nag: ['AwsSolutions-EC26'],
    guard: [
      { id: 'EC2_EBS_ENCRYPTION_BY_DEFAULT', resourceTypes: ['AWS::EC2::Volume'] }, // Encrypted true on volumes
      { id: 'ENCRYPTED_VOLUMES', resourceTypes: ['AWS::EC2::Volume'] }, // Encrypted true (or a KmsKeyId) on volumes
    ],
  },
  options: {
    assumeAccountDefaultEncryption: option.boolean({
      description:
        'The account (every region the template deploys to) has EBS encryption by default turned on: volumes and block ' +
        'devices that leave Encrypted out, and root volumes made from the AMI, pass. An explicit Encrypted: false still fails.',
      default: false,
    }),
  },
  messages: {
    volume: 'EBS volume {{logicalId}} is not encrypted: Encrypted is {{state}}.',
    mapping: 'Block device {{device}} of {{logicalId}} is not encrypted: Encrypted is {{state}}{{users}}.',
    rootVolume:
      'The root volume of {{logicalId}} is not set to be encrypted: without BlockDeviceMappings it keeps the encryption of the ' +
      "AMI's snapshot, and public AMIs are unencrypted{{users}}.",
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  DataVolume:',
      '    Type: AWS::EC2::Volume',
      '    Properties:',
      '      AvailabilityZone: eu-west-1a',
      '      Size: 200',
      '      VolumeType: gp3',
      '  WebLaunchTemplate:',
      '    Type: AWS::EC2::LaunchTemplate',
      '    Properties:',
      '      LaunchTemplateData:',
      '        ImageId: ami-0abcdef1234567890',
      '        InstanceType: t3.small',
      '        BlockDeviceMappings:',
      '          - DeviceName: /dev/xvda',
      '            Ebs:',
      '              VolumeSize: 30',
      '              VolumeType: gp3',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  DataVolume:',
      '    Type: AWS::EC2::Volume',
      '    Properties:',
      '      AvailabilityZone: eu-west-1a',
      '      Size: 200',
      '      VolumeType: gp3',
      '      Encrypted: true',
      '  WebLaunchTemplate:',
      '    Type: AWS::EC2::LaunchTemplate',
      '    Properties:',
      '      LaunchTemplateData:',
      '        ImageId: ami-0abcdef1234567890',
      '        InstanceType: t3.small',
      '        BlockDeviceMappings:',
      '          - DeviceName: /dev/xvda',
      '            Ebs:',
      '              VolumeSize: 30',
      '              VolumeType: gp3',
      '              Encrypted: true',
    ].join('\n'),
    notes:
      'Volumes (`AWS::EC2::Volume`) and the `Ebs` block device mappings of instances, launch templates and launch ' +
      'configurations are checked; a message about a launch template or configuration names what launches from it. ' +
      'Instance store (`VirtualName`) and suppressed (`NoDevice`) devices have no EBS volume. A copy of a volume ' +
      "(`SourceVolumeId`) keeps its source's encryption, and a volume made from a snapshot without `Encrypted` inherits the " +
      "snapshot's, which the template cannot show: `--report-unknown` lists it, as it lists an `Encrypted` only known at " +
      'deploy time. A `KmsKeyId` without `Encrypted: true` does not encrypt. An instance, launch template or launch ' +
      "configuration without `BlockDeviceMappings` is reported for its root volume, which keeps the AMI's encryption; an " +
      'instance launched from a launch template is checked through the launch template. ' +
      'Accounts that turn on EBS encryption by default can set `assumeAccountDefaultEncryption`.',
  },
  check(resource, ctx) {
    if (resource.type === 'AWS::EC2::Volume') {
      for (const [copy, snapshot, encrypted] of ctx.each(
        ctx.value(resource, ['Properties', 'SourceVolumeId']),
        ctx.value(resource, ['Properties', 'SnapshotId']),
        ctx.value(resource, ['Properties', 'Encrypted']),
      )) {
        if (isSet(copy)) continue; // a copy keeps the source volume's encryption
        if (!unencrypted(ctx, encrypted, snapshot)) continue;
        ctx.report({
          messageId: 'volume',
          at: encrypted,
          because: [snapshot, copy],
          data: { state: stateText(encrypted, 'the default is unencrypted') },
          fix: fixOf(encrypted),
        });
      }
      return;
    }
    const mappings = BLOCK_DEVICE_MAPPINGS[resource.type];
    if (!mappings) return;
    const users = usedBy(ctx, resource);

    // Without block device mappings, an instance's root volume is made from the AMI's snapshot and keeps its encryption:
    // unencrypted for Amazon's public AMIs, unless the account encrypts new volumes by default. With mappings, the root
    // device's name depends on the AMI, so the entries are checked one by one instead. An instance launched from a
    // launch template gets its volumes from it; the launch template is checked itself.
    const fromLaunchTemplate = resource.type === 'AWS::EC2::Instance' && ctx.value(resource, ['Properties', 'LaunchTemplate']).some(isSet);
    if (!ctx.options.assumeAccountDefaultEncryption && !fromLaunchTemplate) {
      for (const list of ctx.value(resource, mappings)) {
        if (ctx.known(list, 'BlockDeviceMappings') && list.kind === 'absent') ctx.report({ messageId: 'rootVolume', at: list, data: { users } });
      }
    }

    for (const entry of ctx.items(resource, mappings)) {
      if (entry.kind !== 'literal') continue;
      if (ctx.value(entry, ['Ebs']).every((ebs) => ebs.kind === 'absent')) continue;
      for (const [noDevice, virtualName, device, snapshot, encrypted] of ctx.each(
        ctx.value(entry, ['NoDevice']),
        ctx.value(entry, ['VirtualName']),
        ctx.value(entry, ['DeviceName']),
        ctx.value(entry, ['Ebs', 'SnapshotId']),
        ctx.value(entry, ['Ebs', 'Encrypted']),
      )) {
        // Instance store and suppressed devices have no EBS volume.
        if (isSet(noDevice) || isSet(virtualName)) continue;
        if (!unencrypted(ctx, encrypted, snapshot)) continue;
        ctx.report({
          messageId: 'mapping',
          at: encrypted,
          because: [snapshot, noDevice, virtualName, device],
          data: { device: device.kind === 'literal' ? valueText(device.value) : '(unnamed)', users, state: stateText(encrypted, 'the default is unencrypted') },
          fix: fixOf(encrypted),
        });
      }
    }
  },
});

/**
 * Whether Encrypted fails. Unknown values, and volumes from a snapshot (which inherit its encryption, which the
 * template cannot show), are listed under --report-unknown instead.
 */
function unencrypted(ctx: Ctx, encrypted: Variant, snapshot: Variant): encrypted is KnownVariant {
  if (!ctx.known(encrypted, 'Encrypted') || asBoolean(encrypted) === true) return false;
  if (encrypted.kind === 'absent') {
    if (isSet(snapshot)) {
      ctx.unknown(snapshot, 'the encryption inherited from the snapshot');
      return false;
    }
    if (ctx.options.assumeAccountDefaultEncryption) return false;
  }
  return true;
}

function fixOf(encrypted: Variant): { text: string; description: string } | undefined {
  return encrypted.kind === 'literal' ? { text: 'true', description: 'Set Encrypted to true' } : undefined;
}
