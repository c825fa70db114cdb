import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { defaultRoutes, ROUTE_TABLE } from '../../src/rule-helpers/routing.ts';
import { asString } from '../../src/values/coerce.ts';
import { listWords, named } from '../../src/words.ts';

const VPC = 'AWS::EC2::VPC';
const ENDPOINT = 'AWS::EC2::VPCEndpoint';
const TABLE_TYPES = ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Serverless::SimpleTable'];

type Service = 'S3' | 'DynamoDB';
type Ctx = RuleContext<any, any>;

/** The services whose traffic a gateway endpoint can take off the NAT gateways: S3 always, DynamoDB when the template has tables. */
function services(ctx: Ctx): Service[] {
  return TABLE_TYPES.some((t) => ctx.graph.ofType(t).length > 0) ? ['S3', 'DynamoDB'] : ['S3'];
}

/** Whether a VpcId value names this VPC. */
function inVpc(ctx: Ctx, resource: Resource, vpc: string): boolean {
  return ctx.value(resource, ['Properties', 'VpcId']).some((v) => v.ref?.logicalId === vpc);
}

/** The route tables of a VPC that send 0.0.0.0/0 (or ::/0) to a NAT gateway. */
function natTables(ctx: Ctx, vpc: string): string[] {
  return ctx.graph
    .ofType(ROUTE_TABLE)
    .filter((t) => inVpc(ctx, t, vpc) && defaultRoutes(ctx, t.logicalId).some((r) => !('kind' in r) && r.gateway === 'nat'))
    .map((t) => t.logicalId);
}

/** What an endpoint of the VPC does for a service: a gateway endpoint with its route tables, an interface endpoint, or unknown. */
type EndpointReading = { kind: 'gateway'; tables: string[] | 'unknown' } | { kind: 'interface' } | { kind: 'unknown' } | { kind: 'other' };

function readEndpoint(ctx: Ctx, endpoint: Resource, service: Service): EndpointReading {
  const names = ctx.value(endpoint, ['Properties', 'ServiceName']);
  const suffix = service === 'S3' ? '.s3' : '.dynamodb';
  const texts = names.map((n) => asString(n));
  if (texts.some((t) => t === undefined)) {
    for (const n of names) ctx.unknown(n, `the service of VPC endpoint ${endpoint.logicalId}`);
    return { kind: 'unknown' };
  }
  if (!texts.every((t) => t?.toLowerCase().endsWith(suffix))) return { kind: 'other' };
  const types = ctx.value(endpoint, ['Properties', 'VpcEndpointType']).map((t) => (t.kind === 'absent' ? 'Gateway' : asString(t)));
  if (types.some((t) => t === undefined)) return { kind: 'unknown' };
  if (types.some((t) => t !== 'Gateway')) return { kind: 'interface' };
  const tables: string[] = [];
  for (const item of ctx.items(endpoint, ['Properties', 'RouteTableIds'])) {
    if (item.ref) tables.push(item.ref.logicalId);
    else if (item.kind === 'unknown') {
      ctx.unknown(item, `the route tables of VPC endpoint ${endpoint.logicalId}`);
      return { kind: 'gateway', tables: 'unknown' };
    }
  }
  return { kind: 'gateway', tables };
}

export default defineRule({
  id: 'vpc-gateway-endpoint-s3-configured',
  pillar: 'cost-optimization',
  level: 'note',
  title: 'VPCs with private subnets use S3/DynamoDB gateway endpoints',
  rationale:
    'Without a gateway endpoint, traffic from private subnets to Amazon S3 (and DynamoDB) goes through the NAT gateway, ' +
    'which charges for every gigabyte it processes. Gateway endpoints for S3 and DynamoDB cost nothing, keep that ' +
    'traffic on the AWS network, and let bucket policies require it to come from your VPC.',
  remediation:
    'Add a gateway endpoint for S3 (and DynamoDB, if you use it) to the VPC and associate it with every route table that ' +
    'sends internet traffic to a NAT gateway.\n\n' +
    '```yaml\nS3Endpoint:\n  Type: AWS::EC2::VPCEndpoint\n  Properties:\n    VpcId: !Ref Vpc\n    ServiceName: !Sub com.amazonaws.${AWS::Region}.s3\n    VpcEndpointType: Gateway\n    RouteTableIds: [!Ref PrivateRouteTableA, !Ref PrivateRouteTableB]\n```',
  wellArchitected: ['COST08-BP03', 'COST08-BP02', 'SEC05-BP02'],
  securityHub: ['EC2.10'],
  securitySeverity: '2.0',
  tags: ['security', 'performance-efficiency'],
  appliesTo: [VPC, ENDPOINT],
  messages: {
    noEndpoint:
      'VPC {{logicalId}} sends the internet traffic of {{tables}} through a NAT gateway and has no gateway endpoint for {{services}}, so that traffic pays NAT data processing per GB.',
    missingTables:
      'Gateway endpoint {{logicalId}} for {{service}} is not associated with {{tables}}: {{service}} traffic from there goes through a NAT gateway and pays its data processing per GB.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  Vpc:',
      '    Type: AWS::EC2::VPC',
      '    Properties:',
      '      CidrBlock: 10.0.0.0/16',
      '  NatGateway:',
      '    Type: AWS::EC2::NatGateway',
      '    Properties:',
      '      SubnetId: subnet-0a1b2c3d4e5f60718',
      '      AllocationId: eipalloc-0a1b2c3d4e5f60718',
      '  PrivateRouteTable:',
      '    Type: AWS::EC2::RouteTable',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '  PrivateDefaultRoute:',
      '    Type: AWS::EC2::Route',
      '    Properties:',
      '      RouteTableId: !Ref PrivateRouteTable',
      '      DestinationCidrBlock: 0.0.0.0/0',
      '      NatGatewayId: !Ref NatGateway',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  Vpc:',
      '    Type: AWS::EC2::VPC',
      '    Properties:',
      '      CidrBlock: 10.0.0.0/16',
      '  NatGateway:',
      '    Type: AWS::EC2::NatGateway',
      '    Properties:',
      '      SubnetId: subnet-0a1b2c3d4e5f60718',
      '      AllocationId: eipalloc-0a1b2c3d4e5f60718',
      '  PrivateRouteTable:',
      '    Type: AWS::EC2::RouteTable',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '  PrivateDefaultRoute:',
      '    Type: AWS::EC2::Route',
      '    Properties:',
      '      RouteTableId: !Ref PrivateRouteTable',
      '      DestinationCidrBlock: 0.0.0.0/0',
      '      NatGatewayId: !Ref NatGateway',
      '  S3Endpoint:',
      '    Type: AWS::EC2::VPCEndpoint',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '      ServiceName: !Sub com.amazonaws.${AWS::Region}.s3',
      '      VpcEndpointType: Gateway',
      '      RouteTableIds: [!Ref PrivateRouteTable]',
    ].join('\n'),
    notes:
      'The rule applies to a VPC declared in the template whose route tables send `0.0.0.0/0` (or `::/0`) to a NAT ' +
      'gateway. It notes the VPC when no VPC endpoint of the template serves S3 there, and a gateway endpoint for S3 that ' +
      'is not associated with every such route table. DynamoDB is checked the same way when the template declares ' +
      'DynamoDB tables. An endpoint counts for a service when its `ServiceName` ends with `.s3` or `.dynamodb` (a ' +
      '`Fn::Sub` with `${AWS::Region}` resolves to that shape); an interface endpoint for S3 also passes. An endpoint ' +
      'whose service or route tables are known only at deploy time makes the verdict unknown, listed by ' +
      '`--report-unknown`. Route tables, endpoints and VPCs of other stacks are not seen: a VPC from another stack is not ' +
      'checked.',
  },
  check(resource, ctx) {
    if (resource.type === VPC) {
      const tables = natTables(ctx, resource.logicalId);
      if (tables.length === 0) return;
      const endpoints = ctx.graph.ofType(ENDPOINT).filter((e) => inVpc(ctx, e, resource.logicalId));
      const missing = services(ctx).filter((service) => {
        const readings = endpoints.map((e) => readEndpoint(ctx, e, service));
        return readings.every((r) => r.kind === 'other');
      });
      if (missing.length === 0) return;
      ctx.report({ messageId: 'noEndpoint', at: ['Properties'], data: { tables: named('route table', tables), services: listWords(missing) } });
      return;
    }
    // An endpoint: does it reach every NAT route table of its VPC?
    const vpcs = ctx
      .value(resource, ['Properties', 'VpcId'])
      .flatMap((v) => (v.ref && ctx.template.resources.get(v.ref.logicalId)?.type === VPC ? [v.ref.logicalId] : []));
    const [vpc] = vpcs;
    if (!vpc) return;
    const natRouted = natTables(ctx, vpc);
    if (natRouted.length === 0) return;
    perService: for (const service of services(ctx)) {
      const reading = readEndpoint(ctx, resource, service);
      if (reading.kind !== 'gateway' || reading.tables === 'unknown') continue;
      // Other gateway endpoints of the VPC for the same service may cover the rest.
      const covered = new Set(reading.tables);
      for (const other of ctx.graph.ofType(ENDPOINT)) {
        if (other === resource || !inVpc(ctx, other, vpc)) continue;
        const r = readEndpoint(ctx, other, service);
        if (r.kind === 'interface' || r.kind === 'unknown' || (r.kind === 'gateway' && r.tables === 'unknown')) continue perService;
        if (r.kind === 'gateway') for (const t of r.tables) covered.add(t);
      }
      const left = natRouted.filter((t) => !covered.has(t));
      if (left.length === 0) continue;
      ctx.report({ messageId: 'missingTables', at: ['Properties', 'RouteTableIds'], data: { service, tables: named('route table', left) } });
    }
  },
});
