import { defineRule } from '../../src/engine/rule.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import { asBoolean, asString } from '../../src/values/coerce.ts';
import type { Variant } from '../../src/values/variant.ts';
import { rdsKind } from '../../src/rule-helpers/rds.ts';

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
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersDb:',
      '    Type: AWS::RDS::DBInstance',
      '    DeletionPolicy: Snapshot',
      '    Properties:',
      '      Engine: postgres',
      '      DBInstanceClass: db.m7g.large',
      '      AllocatedStorage: "100"',
      '      StorageEncrypted: true',
      '      DBSubnetGroupName: orders-db-subnets',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersDb:',
      '    Type: AWS::RDS::DBInstance',
      '    DeletionPolicy: Snapshot',
      '    Properties:',
      '      Engine: postgres',
      '      DBInstanceClass: db.m7g.large',
      '      AllocatedStorage: "100"',
      '      StorageEncrypted: true',
      '      DBSubnetGroupName: orders-db-subnets',
      '      MultiAZ: true',
    ].join('\n'),
    notes:
      'Members of a DB cluster (`DBClusterIdentifier` set) and Aurora instances get their availability from the cluster; ' +
      'SQL Server Express and Web editions (`sqlserver-ex`, `sqlserver-web`) cannot run Multi-AZ, and RDS Custom ' +
      '(`custom-*`) is not checked. Read replicas (`SourceDBInstanceIdentifier` or `SourceDBClusterIdentifier`) are ' +
      'reported as notes. A Multi-AZ instance whose DB subnet group, declared in the template, has all its subnets in one ' +
      'zone is reported too; subnets of another stack give no verdict. An `Engine` or `MultiAZ` known only at deploy ' +
      'time is not a finding; `--report-unknown` lists it.',
  },
  check(db, ctx) {
    for (const { kind, because } of rdsKind(ctx, db)) {
      // Cluster members (and Aurora instances) get their availability from the cluster (rds-cluster-multi-az-enabled).
      if (kind === 'cluster-member' || kind === 'aurora-instance') continue;
      // Only the values that can occur together with this reading of the database.
      for (const [engine, multiAz] of ctx.each(props('Engine'), props('MultiAZ'), ...because.map((v) => [v]))) {
        if (!ctx.known(engine, 'the engine')) continue;
        const engineName = asString(engine);
        if (engineName && notApplicable(engineName)) continue;
        if (!ctx.known(multiAz, 'MultiAZ')) continue;
        if (asBoolean(multiAz) === true) {
          checkSubnetGroup();
          continue;
        }
        const replica = kind === 'read-replica';
        ctx.report({
          messageId: replica ? 'replicaSingleAz' : 'singleAz',
          level: replica ? 'note' : undefined,
          at: multiAz,
          because,
          data: { state: stateText(multiAz, 'the default is false') },
          fix: multiAz.kind === 'literal' ? { text: 'true', description: 'Set MultiAZ to true' } : undefined,
        });
      }
    }

    function props(name: string): Variant[] {
      return ctx.value(db, ['Properties', name]);
    }

    function checkSubnetGroup(): void {
      for (const group of props('DBSubnetGroupName')) {
        const subnetGroup = group.ref && ctx.template.resources.get(group.ref.logicalId);
        if (subnetGroup?.type !== 'AWS::RDS::DBSubnetGroup') continue;
        const zones = new Set<string>();
        for (const subnet of ctx.items(subnetGroup, ['Properties', 'SubnetIds'])) {
          const resource = subnet.ref && ctx.template.resources.get(subnet.ref.logicalId);
          if (resource?.type !== 'AWS::EC2::Subnet') return; // a subnet we cannot see: no verdict
          const [az, ...forks] = ctx.value(resource, ['Properties', 'AvailabilityZone']);
          const id = az && forks.length === 0 ? (az.opaque ?? asString(az)) : undefined;
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
