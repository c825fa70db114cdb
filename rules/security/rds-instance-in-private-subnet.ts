import { defineRule } from '../../src/engine/rule.ts';
import { SUBNET, subnetExposure } from '../../src/rule-helpers/routing.ts';
import { clip } from '../../src/values/quote.ts';

/** Subnet groups of database services, and what a message calls each. */
const GROUPS: Record<string, string> = {
  'AWS::RDS::DBSubnetGroup': 'DB subnet group',
  'AWS::ElastiCache::SubnetGroup': 'ElastiCache subnet group',
  'AWS::DocDB::DBSubnetGroup': 'DocumentDB subnet group',
  'AWS::Neptune::DBSubnetGroup': 'Neptune subnet group',
};

export default defineRule({
  id: 'rds-instance-in-private-subnet',
  pillar: 'security',
  level: 'warning',
  title: 'Database subnet groups contain only private subnets',
  rationale:
    'A subnet whose route table sends 0.0.0.0/0 or ::/0 to an internet gateway is public: a database placed there is one ' +
    'setting (PubliclyAccessible, a public IP, a security group rule) away from being reachable from the internet. Data ' +
    'stores belong in private subnets, reached only from the application tier.',
  remediation:
    'List only private subnets in the subnet group: subnets whose route tables have no route to an internet gateway ' +
    '(a NAT gateway, or no default route at all, keeps a subnet private).\n\n' +
    '```yaml\nDBSubnetGroup:\n  Type: AWS::RDS::DBSubnetGroup\n  Properties:\n    DBSubnetGroupDescription: private data tier\n    SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]   # route tables without an internet gateway route\n```',
  wellArchitected: ['SEC05-BP01'],
  securitySeverity: '6.5',
  tags: ['reliability'],
  appliesTo: Object.keys(GROUPS),
  messages: {
    publicSubnet: 'The {{kind}} {{logicalId}} includes subnet {{subnet}}, which is public: its route table {{table}} sends {{destination}} to {{gateway}}.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  Vpc:',
      '    Type: AWS::EC2::VPC',
      '    Properties:',
      '      CidrBlock: 10.0.0.0/16',
      '  InternetGateway:',
      '    Type: AWS::EC2::InternetGateway',
      '  PublicRouteTable:',
      '    Type: AWS::EC2::RouteTable',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '  PublicDefaultRoute:',
      '    Type: AWS::EC2::Route',
      '    Properties:',
      '      RouteTableId: !Ref PublicRouteTable',
      '      DestinationCidrBlock: 0.0.0.0/0',
      '      GatewayId: !Ref InternetGateway',
      '  PublicSubnetA:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '      CidrBlock: 10.0.0.0/24',
      '  PublicSubnetAAssociation:',
      '    Type: AWS::EC2::SubnetRouteTableAssociation',
      '    Properties:',
      '      SubnetId: !Ref PublicSubnetA',
      '      RouteTableId: !Ref PublicRouteTable',
      '  DatabaseSubnetGroup:',
      '    Type: AWS::RDS::DBSubnetGroup',
      '    Properties:',
      '      DBSubnetGroupDescription: orders database',
      '      SubnetIds: [!Ref PublicSubnetA]',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  Vpc:',
      '    Type: AWS::EC2::VPC',
      '    Properties:',
      '      CidrBlock: 10.0.0.0/16',
      '  PrivateRouteTable:',
      '    Type: AWS::EC2::RouteTable',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '  PrivateSubnetA:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '      CidrBlock: 10.0.10.0/24',
      '  PrivateSubnetAAssociation:',
      '    Type: AWS::EC2::SubnetRouteTableAssociation',
      '    Properties:',
      '      SubnetId: !Ref PrivateSubnetA',
      '      RouteTableId: !Ref PrivateRouteTable',
      '  DatabaseSubnetGroup:',
      '    Type: AWS::RDS::DBSubnetGroup',
      '    Properties:',
      '      DBSubnetGroupDescription: orders database',
      '      SubnetIds: [!Ref PrivateSubnetA]',
    ].join('\n'),
    notes:
      'A subnet is public when a route table associated with it has a route to `0.0.0.0/0` or `::/0` whose `GatewayId` is ' +
      'an `AWS::EC2::InternetGateway` of the template or a literal `igw-` id. Routes to a NAT gateway, an egress-only ' +
      'internet gateway, a transit gateway or anything else keep it private. A subnet without a route table association ' +
      "uses its VPC's main route table, which CloudFormation cannot add routes to: in a VPC declared in the template it " +
      'holds only the local route, so the subnet is private; in a VPC from elsewhere it is unknown. Subnets given as ids, ' +
      'parameters or imports, and route tables or gateways known only at deploy time, are unknown, not findings; ' +
      "`--report-unknown` lists them. Besides the catalog's RDS and ElastiCache subnet groups, DocumentDB and Neptune " +
      'subnet groups are checked: they place databases the same way.',
  },
  check(group, ctx) {
    const kind = GROUPS[group.type] ?? 'subnet group';
    for (const element of ctx.items(group, ['Properties', 'SubnetIds'])) {
      const subnet = element.ref ? ctx.template.resources.get(element.ref.logicalId) : undefined;
      if (!subnet || subnet.type !== SUBNET) {
        ctx.unknown(element, 'whether a subnet of the subnet group is private (a subnet this template does not declare)');
        continue;
      }
      const exposure = subnetExposure(ctx, subnet);
      if (exposure.kind === 'unknown') {
        ctx.unknown(exposure.variant, exposure.what);
        continue;
      }
      if (exposure.kind !== 'public') continue;
      const { route, table } = exposure;
      ctx.report({
        messageId: 'publicSubnet',
        at: element,
        because: [route.destination, route.target],
        data: { kind, subnet: subnet.logicalId, table, destination: clip(String(route.destination.value)), gateway: route.name },
      });
    }
  },
});
