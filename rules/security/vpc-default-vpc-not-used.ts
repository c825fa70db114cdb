import { defineRule } from '../../src/engine/rule.ts';
import type { Variant } from '../../src/values/variant.ts';
import { listWords } from '../../src/words.ts';

/** Per resource type: what a message calls it, and the properties that place it in a VPC (any one of them does). */
const PLACEMENT: Record<string, { what: string; properties: string[]; notApplicable?: string[] }> = {
  'AWS::EC2::Instance': { what: 'Instance', properties: ['SubnetId', 'NetworkInterfaces'], notApplicable: ['LaunchTemplate'] },
  'AWS::EC2::SecurityGroup': { what: 'Security group', properties: ['VpcId'] },
  'AWS::AutoScaling::AutoScalingGroup': { what: 'Auto Scaling group', properties: ['VPCZoneIdentifier'] },
  // A DB instance inside a DB cluster takes the cluster's placement, a read replica its source's.
  'AWS::RDS::DBInstance': { what: 'DB instance', properties: ['DBSubnetGroupName'], notApplicable: ['DBClusterIdentifier', 'SourceDBInstanceIdentifier'] },
  'AWS::RDS::DBCluster': { what: 'DB cluster', properties: ['DBSubnetGroupName'] },
  'AWS::ElastiCache::CacheCluster': { what: 'ElastiCache cluster', properties: ['CacheSubnetGroupName'] },
  'AWS::ElastiCache::ReplicationGroup': { what: 'ElastiCache replication group', properties: ['CacheSubnetGroupName'] },
  'AWS::ElasticLoadBalancing::LoadBalancer': { what: 'Classic Load Balancer', properties: ['Subnets'] },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { what: 'Load balancer', properties: ['Subnets', 'SubnetMappings'] },
};

export default defineRule({
  id: 'vpc-default-vpc-not-used',
  pillar: 'security',
  level: 'warning',
  title: 'Resources are placed in a declared VPC, not the default VPC',
  rationale:
    'A resource that names no subnet, subnet group or VPC lands in the default VPC: its subnets are public and assign ' +
    'public IP addresses, it is shared by everything else created in the account without a placement, and its address ' +
    'range is the same in every account and region, which gets in the way of peering. Workloads belong in a VPC you ' +
    'designed, with private subnets for what should not face the internet.',
  remediation:
    'Name the placement explicitly: a subnet for an instance, a VPC for a security group, subnets for an Auto Scaling ' +
    'group or a load balancer, a subnet group for a database or a cache.\n\n' +
    '```yaml\nSubnetId: !Ref PrivateSubnetA           # AWS::EC2::Instance\nVpcId: !Ref Vpc                       # AWS::EC2::SecurityGroup\nDBSubnetGroupName: !Ref DbSubnetGroup  # AWS::RDS::DBInstance\n```',
  wellArchitected: ['SEC05-BP01', 'REL02-BP03'],
  securityHub: ['ElastiCache.7', 'EC2.29'],
  securitySeverity: '5.0',
  tags: ['reliability'],
  appliesTo: Object.keys(PLACEMENT),
  peers: {
    cdk_nag: [
      { id: 'AwsSolutions-AEC1', resourceTypes: ['AWS::ElastiCache::CacheCluster', 'AWS::ElastiCache::ReplicationGroup'] }, // no subnet group
      { id: 'EC2InstancesInVPC', resourceTypes: ['AWS::EC2::Instance'] }, // no SubnetId
    ],
  },
  messages: {
    defaultVpc:
      '{{what}} {{logicalId}} sets no {{property}}, so it is placed in the default VPC, whose subnets are public and shared by everything in the account.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  CacheCluster:',
      '    Type: AWS::ElastiCache::CacheCluster',
      '    Properties:',
      '      Engine: redis',
      '      CacheNodeType: cache.t4g.micro',
      '      NumCacheNodes: 1',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  CacheSubnetGroup:',
      '    Type: AWS::ElastiCache::SubnetGroup',
      '    Properties:',
      '      Description: private cache subnets',
      '      SubnetIds: [subnet-0a1b2c3d4e5f60718, subnet-0a1b2c3d4e5f60719]',
      '  CacheCluster:',
      '    Type: AWS::ElastiCache::CacheCluster',
      '    Properties:',
      '      Engine: redis',
      '      CacheNodeType: cache.t4g.micro',
      '      NumCacheNodes: 1',
      '      CacheSubnetGroupName: !Ref CacheSubnetGroup',
    ].join('\n'),
    notes:
      'A resource is reported when the properties that place it are all absent: `SubnetId` and `NetworkInterfaces` of an ' +
      'instance, `VpcId` of a security group, `VPCZoneIdentifier` of an Auto Scaling group (`AvailabilityZones` alone ' +
      'means the default VPC), `DBSubnetGroupName` of an RDS instance or cluster, `CacheSubnetGroupName` of an ' +
      'ElastiCache cluster or replication group, `Subnets` (or `SubnetMappings`) of a load balancer. Any value there, ' +
      'even a literal id or a parameter, passes: whether it names the default VPC cannot be told from the template. Not ' +
      'applicable: an instance launched from a launch template (which may place it), a DB instance in a DB cluster or a read replica (placed with its source), and ' +
      'services that need no VPC (Lambda, DynamoDB, DAX without a subnet group). Under an undecidable condition, the ' +
      'branch that removes the placement is reported with the condition named.',
  },
  check(resource, ctx) {
    const spec = PLACEMENT[resource.type];
    if (!spec) return;
    const prop = (name: string) => ctx.value(resource, ['Properties', name]);
    const skip = (spec.notApplicable ?? []).map(prop);
    const lists = spec.properties.map(prop);
    for (const reading of ctx.each(...skip, ...lists)) {
      const others = reading.slice(0, skip.length) as Variant[];
      const placement = reading.slice(skip.length) as Variant[];
      // A launch template or a cluster may place it; an unknown value there counts as set.
      if (others.some((v) => v.kind !== 'absent')) continue;
      if (placement.some((v) => v.kind !== 'absent')) continue;
      ctx.report({
        messageId: 'defaultVpc',
        // The absent value points at its Fn::If when a condition removed it, else at the nearest node.
        at: placement[0] ?? ['Properties'],
        because: placement,
        data: { what: spec.what, property: listWords(spec.properties, 'or') },
      });
    }
  },
});
