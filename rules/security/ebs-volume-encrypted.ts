import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { asBoolean, isSet } from '../../src/values/coerce.ts';
import { combinations, type Variant } from '../../src/values/variant.ts';
import { valueText } from '../../src/values/quote.ts';
import { named } from '../../src/words.ts';

interface Options {
  /** The account has EBS encryption by default switched on: an absent Encrypted passes. */
  assumeAccountDefaultEncryption: boolean;
}

/** Where each resource type keeps its block device mappings. */
const MAPPINGS: Record<string, string[]> = {
  'AWS::EC2::LaunchTemplate': ['Properties', 'LaunchTemplateData', 'BlockDeviceMappings'],
  'AWS::AutoScaling::LaunchConfiguration': ['Properties', 'BlockDeviceMappings'],
  'AWS::EC2::Instance': ['Properties', 'BlockDeviceMappings'],
};

export default defineRule<Options>({
  id: 'ebs-volume-encrypted',
  pillar: 'security',
  level: 'error',
  title: 'EBS volumes are encrypted at rest',
  rationale:
    'An unencrypted EBS volume, its snapshots and the data moving between it and the instance can be read by anyone who gets ' +
    'hold of a snapshot or the underlying storage. Encryption with KMS costs nothing in performance and protects all three.',
  remediation:
    'Set `Encrypted: true` on the volume or on each `Ebs` block device mapping (and optionally a customer managed `KmsKeyId`). ' +
    'An instance or launch template without `BlockDeviceMappings` gets its root volume from the AMI\'s snapshot: map the root ' +
    'device with `Encrypted: true`, or, if the account encrypts new EBS volumes by default, set the rule\'s ' +
    '`assumeAccountDefaultEncryption` option.\n\n' +
    '```yaml\nBlockDeviceMappings:\n  - DeviceName: /dev/xvda\n    Ebs:\n      VolumeType: gp3\n      Encrypted: true\n      KmsKeyId: !Ref EbsKey   # optional CMK\n```',
  wellArchitected: ['SEC08-BP02', 'SEC08-BP01'],
  securityHub: ['EC2.3', 'EC2.7'],
  securitySeverity: '5.5',
  appliesTo: ['AWS::EC2::Volume', ...Object.keys(MAPPINGS)],
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
  optionsSchema: {
    type: 'object',
    properties: { assumeAccountDefaultEncryption: { type: 'boolean' } },
    additionalProperties: false,
  },
  defaultOptions: { assumeAccountDefaultEncryption: false },
  messages: {
    volume: 'EBS volume {{logicalId}} is not encrypted: Encrypted is {{state}}.',
    mapping: 'Block device {{device}} of {{logicalId}} is not encrypted: Encrypted is {{state}}{{users}}.',
    rootVolume:
      'The root volume of {{logicalId}} is not set to be encrypted: without BlockDeviceMappings it keeps the encryption of the ' +
      'AMI\'s snapshot, and public AMIs are unencrypted{{users}}.',
  },
  check(resource, ctx) {
    if (resource.type === 'AWS::EC2::Volume') {
      for (const [copy, snapshot, encrypted] of combinations([
        ctx.value(resource, ['Properties', 'SourceVolumeId']),
        ctx.value(resource, ['Properties', 'SnapshotId']),
        ctx.value(resource, ['Properties', 'Encrypted']),
      ])) {
        if (isSet(copy!)) continue; // a copy keeps the source volume's encryption
        checkEncrypted(ctx, encrypted!, snapshot!, [copy!], 'volume', {});
      }
      return;
    }
    const users = launchTemplateUsers(resource, ctx);
    const mappings = MAPPINGS[resource.type]!;
    checkRootVolume(resource, ctx, mappings, users);
    for (const entry of ctx.items(resource, mappings)) {
      if (entry.kind !== 'literal') continue;
      const [noDevice, virtualName, device] = ['NoDevice', 'VirtualName', 'DeviceName'].map((k) => ctx.value(entry, [k]));
      for (const [nd, vn, dev, snapshot, encrypted] of combinations([
        noDevice!, virtualName!, device!,
        ctx.value(entry, ['Ebs', 'SnapshotId']),
        ctx.value(entry, ['Ebs', 'Encrypted']),
      ])) {
        // Instance store and suppressed devices have no EBS volume.
        if (isSet(nd!) || isSet(vn!)) continue;
        const ebs = ctx.value(entry, ['Ebs']);
        if (ebs.every((e) => e.kind === 'absent')) continue;
        const name = dev!.kind === 'literal' ? valueText(dev!.value) : '(unnamed)';
        checkEncrypted(ctx, encrypted!, snapshot!, [nd!, vn!, dev!], 'mapping', { device: name, users });
      }
    }
  },
});

/**
 * Without block device mappings, an instance's root volume is made from the AMI's snapshot and keeps its encryption:
 * unencrypted for Amazon's public AMIs, unless the account encrypts new volumes by default. With mappings, the root
 * device's name depends on the AMI, so the entries are checked one by one instead.
 */
function checkRootVolume(resource: Resource, ctx: RuleContext<Options>, mappings: string[], users: string): void {
  if (ctx.options.assumeAccountDefaultEncryption) return;
  // An instance launched from a launch template gets its volumes from it; the launch template is checked itself.
  if (resource.type === 'AWS::EC2::Instance' && ctx.value(resource, ['Properties', 'LaunchTemplate']).some(isSet)) return;
  for (const list of ctx.value(resource, mappings)) {
    if (list.kind === 'unknown') ctx.unknown(list, 'BlockDeviceMappings');
    else if (list.kind === 'absent') ctx.report({ messageId: 'rootVolume', at: list, data: { users } });
  }
}

function checkEncrypted(
  ctx: RuleContext<Options>,
  encrypted: Variant,
  snapshot: Variant,
  because: Variant[],
  messageId: string,
  data: Record<string, string>,
): void {
  if (encrypted.kind === 'unknown') {
    ctx.unknown(encrypted, 'Encrypted');
    return;
  }
  const value = asBoolean(encrypted);
  if (value === true) return;
  if (encrypted.kind === 'absent') {
    // A volume from a snapshot inherits the snapshot's encryption, which the template cannot show.
    if (isSet(snapshot)) {
      ctx.unknown(snapshot, 'the encryption inherited from the snapshot');
      return;
    }
    if (ctx.options.assumeAccountDefaultEncryption) return;
  }
  ctx.report({
    messageId,
    at: encrypted,
    because: [snapshot, ...because],
    data: { ...data, state: encrypted.kind === 'absent' ? 'not set (the default is unencrypted)' : valueText(encrypted.value) },
    fix: encrypted.kind === 'literal' ? { text: 'true', description: 'Set Encrypted to true' } : undefined,
  });
}

/** " (used by Auto Scaling group A, B)" for launch templates and configurations, so the message says what it affects. */
function launchTemplateUsers(resource: Resource, ctx: RuleContext<Options>): string {
  if (resource.type === 'AWS::EC2::Instance') return '';
  const groups = ctx.graph
    .referrers(resource.logicalId, 'AWS::AutoScaling::AutoScalingGroup')
    .map((r) => r.resource.logicalId);
  const unique = [...new Set(groups)];
  return unique.length ? ` (used by ${named('Auto Scaling group', unique)})` : '';
}
