import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { rdsKind, type RdsReading } from '../../src/rule-helpers/rds.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import { asBoolean, isSet } from '../../src/values/coerce.ts';
import { absentVariant, variantWith, type Variant } from '../../src/values/variant.ts';
import { own } from '../../src/rule-helpers/lookup.ts';

/** DBClusterInstanceClass for DB instances, which do not have it, so one ctx.each() call serves both types. */
const ABSENT = absentVariant(['Properties'], false, []);

export default defineRule({
  id: 'rds-instance-public-access-check',
  pillar: 'security',
  level: 'error',
  title: 'RDS instances are not publicly accessible',
  rationale:
    'A publicly accessible database gets a public DNS name and IP address, so its security groups are the only thing ' +
    'between it and internet-wide scanning and credential attacks. Applications reach databases from inside the VPC.',
  remediation:
    'Set `PubliclyAccessible: false` and place the database in a DB subnet group of private subnets (no route to an ' +
    'internet gateway). Reach it from outside through a bastion, Session Manager or a VPN.\n\n' +
    '```yaml\nPubliclyAccessible: false\nDBSubnetGroupName: !Ref PrivateDbSubnetGroup\n```',
  wellArchitected: ['SEC05-BP01', 'SEC05-BP02', 'SEC03-BP07'],
  securityHub: ['RDS.2'],
  securitySeverity: '9.1',
  appliesTo: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  peers: {
    // DB instances only. CKV_AWS_17 fails only PubliclyAccessible true; the others also an unset one.
    checkov: [{ id: 'CKV_AWS_17', messages: ['public'], resourceTypes: ['AWS::RDS::DBInstance'] }],
    cfn_nag: [{ id: 'F22', resourceTypes: ['AWS::RDS::DBInstance'] }],
    cdk_nag: [{ id: 'RDSInstancePublicAccess', resourceTypes: ['AWS::RDS::DBInstance'] }],
    guard: [{ id: 'RDS_INSTANCE_PUBLIC_ACCESS_CHECK', resourceTypes: ['AWS::RDS::DBInstance'] }],
  },
  messages: {
    public: '{{kind}} {{logicalId}} is publicly accessible: PubliclyAccessible is {{state}}.',
    defaultVpc:
      '{{kind}} {{logicalId}} sets neither PubliclyAccessible nor DBSubnetGroupName, so it is created in the default VPC, where it is publicly accessible by default.',
    internetGateway:
      '{{kind}} {{logicalId}} does not set PubliclyAccessible and its subnet group {{subnetGroup}} is in VPC {{vpc}}, which has an internet gateway, so it may be created publicly accessible.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  ReportingDb:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: mysql',
      '      DBInstanceClass: db.t4g.medium',
      '      AllocatedStorage: "50"',
      '      MasterUsername: reporting',
      '      ManageMasterUserPassword: true',
      '      StorageEncrypted: true',
      '      DBSubnetGroupName: !Ref DbSubnets',
      '      PubliclyAccessible: true',
      '  DbSubnets:',
      '    Type: AWS::RDS::DBSubnetGroup',
      '    Properties:',
      '      DBSubnetGroupDescription: Reporting database subnets',
      '      SubnetIds: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  ReportingDb:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: mysql',
      '      DBInstanceClass: db.t4g.medium',
      '      AllocatedStorage: "50"',
      '      MasterUsername: reporting',
      '      ManageMasterUserPassword: true',
      '      StorageEncrypted: true',
      '      DBSubnetGroupName: !Ref DbSubnets',
      '      PubliclyAccessible: false',
      '  DbSubnets:',
      '    Type: AWS::RDS::DBSubnetGroup',
      '    Properties:',
      '      DBSubnetGroupDescription: Reporting database subnets',
      '      SubnetIds: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
    ].join('\n'),
    notes:
      'When `PubliclyAccessible` is left out, the default depends on the network: a database without a DB subnet group ' +
      'lands in the default VPC, where it is public by default (an error); one whose subnet group is in a VPC of the ' +
      'template with an internet gateway may be public (a note). Cluster members and read replicas without a subnet ' +
      'group of their own land where their cluster or source is. Aurora clusters are not checked (their instances ' +
      'carry the setting), nor are Aurora instances in the default VPC, which are private by default; Multi-AZ DB ' +
      'clusters (`DBClusterInstanceClass` set) are. A value only known at deploy time (an import, a parameter without a ' +
      'Default), or a default inherited from a source the rule cannot see, is not a finding; `--report-unknown` lists it.',
  },
  check(db, ctx) {
    const cluster = db.type === 'AWS::RDS::DBCluster';
    const kind = cluster ? 'DB cluster' : 'DB instance';
    const prop = (name: string) => ctx.value(db, ['Properties', name]);
    for (const reading of rdsKind(ctx, db)) {
      for (const [access, group, instanceClass] of ctx.each(
        prop('PubliclyAccessible'),
        prop('DBSubnetGroupName'),
        cluster ? prop('DBClusterInstanceClass') : [ABSENT],
      )) {
        // Only Multi-AZ DB clusters (DBClusterInstanceClass) take PubliclyAccessible; Aurora sets it on the instances.
        if (cluster && !isSet(instanceClass)) continue;
        if (!ctx.known(access, 'PubliclyAccessible')) continue;
        const because = [group, ...reading.because, instanceClass];
        if (access.kind === 'literal') {
          if (asBoolean(access) === true) {
            ctx.report({
              messageId: 'public',
              at: access,
              because,
              data: { kind, state: stateText(access) },
              fix: { text: 'false', description: 'Set PubliclyAccessible to false' },
            });
          }
          continue;
        }
        // PubliclyAccessible is not set: the default depends on where the database lands.
        const placements: Placement[] = isSet(group) ? [{ group, at: group, owner: '' }] : inheritedPlacements(ctx, reading);
        if (placements.length === 0) {
          if (reading.kind === 'cluster-member' || reading.kind === 'aurora-instance') continue; // Aurora in the default VPC: not public by default
          if (reading.kind === 'read-replica') {
            ctx.unknown(variantWith(reading.by, { kind: 'unknown', reason: unseenSource(ctx, reading.by) }), 'the default of PubliclyAccessible');
            continue;
          }
          if (reading.kind === 'unknown') {
            ctx.unknown(reading.by, 'the engine');
            continue;
          }
          ctx.report({ messageId: 'defaultVpc', at: access, because, data: { kind } });
          continue;
        }
        for (const { group: g, at, owner } of placements) {
          const gateway = internetGatewayOf(ctx, g);
          if (!gateway) continue;
          ctx.report({
            messageId: 'internetGateway',
            level: 'note',
            at,
            because: [access, ...because],
            data: { kind, vpc: gateway.vpc, subnetGroup: owner ? `${gateway.subnetGroup} (of its ${owner})` : gateway.subnetGroup },
          });
        }
      }
    }
  },
});

/** A subnet group the database lands in; `at` is where to point (the reference to the cluster or source when inherited). */
interface Placement {
  group: Variant;
  at: Variant;
  /** Who the group belongs to when inherited ('cluster AuroraCluster', 'source instance Primary'), else ''. */
  owner: string;
}

/** Whose subnet group a cluster member or a read replica without one of its own lands in, by the type it points at. */
const INHERITS_FROM: Partial<Record<RdsReading['kind'], Record<string, string>>> = {
  'cluster-member': { 'AWS::RDS::DBCluster': 'cluster' },
  // A read replica's source is a DB instance or a Multi-AZ DB cluster.
  'read-replica': { 'AWS::RDS::DBInstance': 'source instance', 'AWS::RDS::DBCluster': 'source cluster' },
};

/** The subnet groups of the cluster or source instance a database inherits its network from, when in this template. */
function inheritedPlacements(ctx: RuleContext, reading: RdsReading): Placement[] {
  if (reading.kind !== 'cluster-member' && reading.kind !== 'read-replica') return [];
  const target = reading.by.ref && ctx.template.resources.get(reading.by.ref.logicalId);
  const table = INHERITS_FROM[reading.kind];
  const owner = target && table ? own(table, target.type) : undefined;
  if (!target || !owner) return [];
  return ctx
    .value(target, ['Properties', 'DBSubnetGroupName'])
    .filter(isSet)
    .map((group) => ({ group, at: reading.by, owner: `${owner} ${target.logicalId}` }));
}

/** Why a read replica's default cannot be told: its source has no subnet group, or is not in this template. */
function unseenSource(ctx: RuleContext, source: Variant): string {
  const target = source.ref && ctx.template.resources.get(source.ref.logicalId);
  if (target) return `inherited from source ${target.logicalId}, which has no subnet group`;
  // The source is named by SourceDBInstanceIdentifier or SourceDBClusterIdentifier (the value's path says which).
  return source.path[1] === 'SourceDBClusterIdentifier'
    ? 'inherited from a source cluster outside this template'
    : 'inherited from a source instance outside this template';
}

/** The subnet group's VPC when the template attaches an internet gateway to it: DBSubnetGroup -> Subnet -> VPC <- VPCGatewayAttachment. */
function internetGatewayOf(ctx: RuleContext, group: Variant): { subnetGroup: string; vpc: string } | undefined {
  const subnetGroup = group.ref && ctx.template.resources.get(group.ref.logicalId);
  if (subnetGroup?.type !== 'AWS::RDS::DBSubnetGroup') return undefined;
  const vpcs = new Set<string>();
  for (const subnet of ctx.items(subnetGroup, ['Properties', 'SubnetIds'])) {
    const resource = subnet.ref && ctx.template.resources.get(subnet.ref.logicalId);
    if (resource?.type !== 'AWS::EC2::Subnet') continue;
    for (const vpc of ctx.value(resource, ['Properties', 'VpcId'])) if (vpc.ref) vpcs.add(vpc.ref.logicalId);
  }
  for (const vpc of vpcs) {
    for (const { resource: attachment } of ctx.graph.referrers(vpc, 'AWS::EC2::VPCGatewayAttachment', ['Properties', 'VpcId'])) {
      if (ctx.value(attachment, ['Properties', 'InternetGatewayId']).some(isSet)) {
        return { subnetGroup: subnetGroup.logicalId, vpc };
      }
    }
  }
  return undefined;
}
