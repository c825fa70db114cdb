import { defineRule } from '../../src/engine/rule.ts';
import { asBoolean, asString, isSet } from '../../src/values/coerce.ts';
import { combinations } from '../../src/values/variant.ts';
import { valueText } from '../../src/values/quote.ts';

/** Engines that cannot run Multi-AZ, or whose availability is handled elsewhere (Aurora clusters, RDS Custom). */
function notApplicable(engine: string): boolean {
  const e = engine.toLowerCase();
  return e.startsWith('aurora') || e === 'sqlserver-ex' || e === 'sqlserver-web' || e.startsWith('custom-');
}

export default defineRule({
  id: 'rds-multi-az-enabled',
  pillar: 'reliability',
  level: 'error',
  title: 'RDS DB instances are deployed Multi-AZ',
  rationale:
    'A single-AZ DB instance is unavailable while its Availability Zone is impaired and during many maintenance events. ' +
    'Multi-AZ keeps a synchronous standby in another zone and fails over to it in one to two minutes.',
  remediation:
    'Set `MultiAZ: true` and give the instance a DB subnet group whose subnets span at least two Availability Zones ' +
    '(remove `AvailabilityZone`, which cannot be combined with Multi-AZ).\n\n```yaml\nMultiAZ: true\nDBSubnetGroupName: !Ref DbSubnetGroup   # subnets in >= 2 AZs\n```',
  wellArchitected: ['REL10-BP01', 'REL11-BP02'],
  securityHub: ['RDS.5'],
  appliesTo: ['AWS::RDS::DBInstance'],
  peers: {
    // MultiAZ not true; not the zones of the subnet group.
    checkov: [{ id: 'CKV_AWS_157', messages: ['singleAz', 'replicaSingleAz'] }],
    cfn_nag: [],
    cdk_nag: [
      { id: 'AwsSolutions-RDS3', messages: ['singleAz', 'replicaSingleAz'] },
      { id: 'RDSMultiAZSupport', messages: ['singleAz', 'replicaSingleAz'] },
    ],
    guard: [{ id: 'RDS_MULTI_AZ_SUPPORT', messages: ['singleAz', 'replicaSingleAz'] }],
  },
  messages: {
    singleAz: 'DB instance {{logicalId}} runs in a single Availability Zone: MultiAZ is {{state}}.',
    replicaSingleAz: 'Read replica {{logicalId}} runs in a single Availability Zone: MultiAZ is {{state}}.',
    subnetGroupOneAz: 'DB instance {{logicalId}} is Multi-AZ, but its subnet group {{subnetGroup}} has subnets in only one Availability Zone.',
  },
  check(db, ctx) {
    const props = (name: string) => ctx.value(db, ['Properties', name]);
    for (const [cluster, engine, multiAz, source] of combinations([
      props('DBClusterIdentifier'),
      props('Engine'),
      props('MultiAZ'),
      props('SourceDBInstanceIdentifier'),
    ])) {
      // Cluster members get their availability from the cluster (rds-cluster-multi-az-enabled).
      if (isSet(cluster!)) continue;
      if (engine!.kind === 'unknown') {
        ctx.unknown(engine!, 'the engine');
        continue;
      }
      const engineName = asString(engine!);
      if (engineName && notApplicable(engineName)) continue;
      if (multiAz!.kind === 'unknown') {
        ctx.unknown(multiAz!, 'MultiAZ');
        continue;
      }
      const value = asBoolean(multiAz!);
      if (value === true) {
        checkSubnetGroup();
        continue;
      }
      const replica = isSet(source!);
      ctx.report({
        messageId: replica ? 'replicaSingleAz' : 'singleAz',
        level: replica ? 'note' : undefined,
        at: multiAz!,
        because: [cluster!, engine!, source!],
        data: { state: multiAz!.kind === 'absent' ? 'not set (the default is false)' : valueText(multiAz!.value) },
        fix: multiAz!.kind === 'literal' ? { text: 'true', description: 'Set MultiAZ to true' } : undefined,
      });
    }

    function checkSubnetGroup(): void {
      for (const group of props('DBSubnetGroupName')) {
        const subnetGroup = group.ref && ctx.template.resources.get(group.ref.logicalId);
        if (!subnetGroup || subnetGroup.type !== 'AWS::RDS::DBSubnetGroup') continue;
        const zones = new Set<string>();
        for (const subnet of ctx.items(subnetGroup, ['Properties', 'SubnetIds'])) {
          const resource = subnet.ref && ctx.template.resources.get(subnet.ref.logicalId);
          if (!resource || resource.type !== 'AWS::EC2::Subnet') return; // a subnet we cannot see: no verdict
          const azs = ctx.value(resource, ['Properties', 'AvailabilityZone']);
          if (azs.length !== 1) return;
          const az = azs[0]!;
          const id = az.opaque ?? asString(az);
          if (id === undefined) return;
          zones.add(id);
        }
        if (zones.size === 1) {
          ctx.report({ messageId: 'subnetGroupOneAz', at: group, data: { subnetGroup: subnetGroup.logicalId } });
        }
      }
    }
  },
});
