import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { asBoolean, asString, isSet } from '../../src/values/coerce.ts';
import { absentVariant, combinations, variantWith, type Variant } from '../../src/values/variant.ts';
import { valueText } from '../../src/values/quote.ts';

type Ctx = RuleContext;

/** A placeholder for properties a resource type does not have, so one combinations() call serves both types. */
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
  check(db, ctx) {
    const cluster = db.type === 'AWS::RDS::DBCluster';
    const kind = cluster ? 'DB cluster' : 'DB instance';
    const prop = (name: string) => ctx.value(db, ['Properties', name]);
    for (const [access, group, engine, member, instanceClass, source] of combinations([
      prop('PubliclyAccessible'),
      prop('DBSubnetGroupName'),
      prop('Engine'),
      cluster ? [ABSENT] : prop('DBClusterIdentifier'),
      cluster ? prop('DBClusterInstanceClass') : [ABSENT],
      cluster ? [ABSENT] : prop('SourceDBInstanceIdentifier'),
    ])) {
      // Only Multi-AZ DB clusters (DBClusterInstanceClass) take PubliclyAccessible; Aurora sets it on the instances.
      if (cluster && !isSet(instanceClass!)) continue;
      if (access!.kind === 'unknown') {
        ctx.unknown(access!, 'PubliclyAccessible');
        continue;
      }
      const because = [group!, engine!, member!, instanceClass!, source!];
      if (access!.kind === 'literal') {
        if (asBoolean(access!) === true) {
          ctx.report({
            messageId: 'public',
            at: access!,
            because,
            data: { kind, state: valueText(access!.value) },
            fix: { text: 'false', description: 'Set PubliclyAccessible to false' },
          });
        }
        continue;
      }
      // PubliclyAccessible is not set: the default depends on where the database lands.
      let groups: Placement[] = isSet(group!) ? [{ group: group!, at: group!, owner: '' }] : [];
      if (groups.length === 0 && isSet(member!)) {
        // An Aurora member lives in its cluster's subnet group.
        groups = inherited(ctx, member!, 'AWS::RDS::DBCluster', 'cluster');
        if (groups.length === 0) continue; // Aurora in the default VPC: not public by default
      } else if (groups.length === 0 && isSet(source!)) {
        // A read replica without its own subnet group follows its source's network.
        groups = inherited(ctx, source!, 'AWS::RDS::DBInstance', 'source instance');
        if (groups.length === 0) {
          const reason = source!.ref ? `inherited from source ${source!.ref.logicalId}, which has no subnet group` : 'inherited from a source instance outside this template';
          ctx.unknown(variantWith(source!, { kind: 'unknown', reason }), 'the default of PubliclyAccessible');
          continue;
        }
      }
      if (groups.length === 0) {
        if (!cluster) {
          if (engine!.kind === 'unknown') {
            ctx.unknown(engine!, 'the engine');
            continue;
          }
          if ((asString(engine!) ?? '').toLowerCase().startsWith('aurora')) continue;
        }
        ctx.report({ messageId: 'defaultVpc', at: access!, because, data: { kind } });
        continue;
      }
      for (const { group: g, at, owner } of groups) {
        const gateway = internetGatewayOf(ctx, g);
        if (!gateway) continue;
        ctx.report({
          messageId: 'internetGateway',
          level: 'note',
          at,
          because: [access!, g, ...because],
          data: { kind, vpc: gateway.vpc, subnetGroup: owner ? `${gateway.subnetGroup} (of its ${owner})` : gateway.subnetGroup },
        });
      }
    }
  },
});

/** A subnet group the database lands in; `at` is where to point (the reference to the cluster or source when inherited). */
interface Placement {
  group: Variant;
  at: Variant;
  /** Who the group belongs to when inherited ('cluster', 'source instance'), else ''. */
  owner: string;
}

/** The DBSubnetGroupName of the resource `ref` points at, when it is a `type` of this template. */
function inherited(ctx: Ctx, ref: Variant, type: string, owner: string): Placement[] {
  const target = ref.ref && ctx.template.resources.get(ref.ref.logicalId);
  if (!target || target.type !== type) return [];
  return ctx.value(target, ['Properties', 'DBSubnetGroupName']).filter(isSet).map((group) => ({ group, at: ref, owner: `${owner} ${target.logicalId}` }));
}

/** The subnet group's VPC when the template attaches an internet gateway to it: DBSubnetGroup -> Subnet -> VPC <- VPCGatewayAttachment. */
function internetGatewayOf(ctx: Ctx, group: Variant): { subnetGroup: string; vpc: string } | undefined {
  const subnetGroup = group.ref && ctx.template.resources.get(group.ref.logicalId);
  if (!subnetGroup || subnetGroup.type !== 'AWS::RDS::DBSubnetGroup') return undefined;
  const vpcs = new Set<string>();
  for (const subnet of ctx.items(subnetGroup, ['Properties', 'SubnetIds'])) {
    const resource = subnet.ref && ctx.template.resources.get(subnet.ref.logicalId);
    if (!resource || resource.type !== 'AWS::EC2::Subnet') continue;
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
