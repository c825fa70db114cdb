import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { usedBy } from '../../src/rule-helpers/launchers.ts';
import { BLOCK_DEVICE_MAPPINGS } from '../../src/rule-helpers/resources.ts';
import { asNumber, asString, isSet } from '../../src/values/coerce.ts';
import { variantWith, type Variant } from '../../src/values/variant.ts';

/** gp2 volumes above 1 TiB have a baseline over gp3's free 3,000 IOPS, so the switch needs Iops to keep it. */
const LARGE_GIB = 1024;
/** gp2 gives 3 IOPS per GiB, up to 16,000. */
const gp2Iops = (size: number) => Math.min(3 * size, 16000);

const messages = {
  gp2: '{{subject}} uses gp2{{defaulted}}: gp3 costs about 20% less per GB and gives 3,000 IOPS and 125 MiB/s at any size.',
  gp2Large:
    '{{subject}} uses gp2 at {{size}} GiB{{defaulted}}: switch to gp3 with Iops: {{iops}} and Throughput: 250 to keep the performance gp2 gives this size, for less.',
  magnetic: '{{subject}} uses the previous-generation magnetic type standard: use gp3 (or st1/sc1 for large, rarely read data).',
} as const;

export default defineRule({
  id: 'ebs-volume-type-gp3',
  pillar: 'cost-optimization',
  level: 'warning',
  title: 'EBS volumes use gp3 instead of gp2',
  rationale:
    'gp3 costs about 20% less per GB than gp2 and gives every volume 3,000 IOPS and 125 MiB/s regardless of its size, ' +
    'where gp2 ties performance to size and bursts. The magnetic `standard` type is a previous generation.',
  remediation:
    'Set `VolumeType: gp3` on the volume or on each `Ebs` block device mapping. For gp2 volumes larger than 1 TiB, also set ' +
    '`Iops` to 3 per GiB (at most 16,000) and `Throughput: 250` so the volume keeps the performance it had.\n\n' +
    '```yaml\nEbs:\n  VolumeType: gp3\n  VolumeSize: 100\n  # Iops: 3000 and Throughput: 125 are the free baseline\n```',
  wellArchitected: ['COST06-BP02', 'COST01-BP07', 'PERF03-BP02'],
  appliesTo: ['AWS::EC2::Volume', ...Object.keys(BLOCK_DEVICE_MAPPINGS)],
  tags: ['performance-efficiency'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersDataVolume:',
      '    Type: AWS::EC2::Volume',
      '    Properties:',
      '      AvailabilityZone: eu-west-1a',
      '      Size: 200',
      '      VolumeType: gp2',
      '      Encrypted: true',
      '      Tags:',
      '        - {Key: Name, Value: orders-data}',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersDataVolume:',
      '    Type: AWS::EC2::Volume',
      '    Properties:',
      '      AvailabilityZone: eu-west-1a',
      '      Size: 200',
      '      VolumeType: gp3',
      '      Encrypted: true',
      '      Tags:',
      '        - {Key: Name, Value: orders-data}',
    ].join('\n'),
    notes:
      'An `AWS::EC2::Volume` without `VolumeType` is gp2 (the CloudFormation default) and is flagged. A block device mapping ' +
      "of an instance, launch template or launch configuration without `VolumeType` keeps the type of the AMI's mapping, " +
      'which the template does not show: not a finding, but listed by `--report-unknown`, like any value only known at ' +
      'deploy time. Mappings with `NoDevice` or a `VirtualName` (instance store) are not EBS and not applicable; io1, io2, ' +
      'st1 and sc1 pass. For gp2 volumes over 1 TiB the message gives the `Iops` that keep their performance, and no ' +
      'one-value fix is offered. Findings on a launch template or configuration name the Auto Scaling groups and instances ' +
      'that launch from it.',
  },
  messages,
  check(resource, ctx) {
    if (resource.type === 'AWS::EC2::Volume') {
      for (const [type, size] of ctx.each(ctx.value(resource, ['Properties', 'VolumeType']), ctx.value(resource, ['Properties', 'Size']))) {
        // CloudFormation creates gp2 when VolumeType is left out.
        checkType(ctx, type, size, `EBS volume ${resource.logicalId}`, true);
      }
      return;
    }
    const mappings = BLOCK_DEVICE_MAPPINGS[resource.type];
    if (!mappings) return;
    const subject = (device: string) => `Block device ${device} of ${resource.logicalId}${usedBy(ctx, resource)}`;
    for (const entry of ctx.items(resource, mappings)) {
      if (!ctx.known(entry, 'the block device mappings') || entry.kind === 'absent') continue;
      for (const [noDevice, virtualName, device, ebs, type, size] of ctx.each(
        ctx.value(entry, ['NoDevice']),
        ctx.value(entry, ['VirtualName']),
        ctx.value(entry, ['DeviceName']),
        ctx.value(entry, ['Ebs']),
        ctx.value(entry, ['Ebs', 'VolumeType']),
        ctx.value(entry, ['Ebs', 'VolumeSize']),
      )) {
        // Suppressed devices and instance store volumes are not EBS.
        if (isSet(noDevice) || isSet(virtualName) || ebs.kind === 'absent') continue;
        const name = asString(device) ?? '(unnamed)';
        // Without VolumeType the mapping keeps the AMI's volume type, which the template does not show.
        checkType(ctx, type, size, subject(name), false, [noDevice, virtualName, device]);
      }
    }
  },
});

function checkType(
  ctx: RuleContext<unknown, typeof messages>,
  type: Variant,
  size: Variant,
  subject: string,
  absentIsGp2: boolean,
  because: Variant[] = [],
): void {
  if (!ctx.known(type, 'VolumeType')) return;
  if (type.kind === 'absent' && !absentIsGp2) {
    const inherited = variantWith(type, { kind: 'unknown', reason: "inherited from the AMI's block device mapping", origin: { kind: 'other' } });
    ctx.unknown(inherited, 'VolumeType');
    return;
  }
  const value = type.kind === 'absent' ? 'gp2' : asString(type)?.toLowerCase();
  const literal = type.kind === 'literal';
  if (value === 'standard') {
    ctx.report({ messageId: 'magnetic', at: type, because, data: { subject }, fix: literal ? { text: 'gp3', description: 'Use gp3' } : undefined });
    return;
  }
  if (value !== 'gp2') return;
  const defaulted = type.kind === 'absent' ? ' (VolumeType is not set, and the default is gp2)' : '';
  const gib = asNumber(size);
  if (gib !== undefined && gib > LARGE_GIB) {
    // Changing the type alone would lower this volume's IOPS, so no one-value fix is offered.
    ctx.report({
      messageId: 'gp2Large',
      at: type,
      because: [size, ...because],
      data: { subject, size: gib, iops: gp2Iops(gib), defaulted },
    });
    return;
  }
  ctx.report({
    messageId: 'gp2',
    at: type,
    because,
    data: { subject, defaulted },
    fix: literal ? { text: 'gp3', description: 'Use gp3' } : undefined,
  });
}
