import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../src/graph/graph.ts';
import { parseDocument } from '../src/parse/index.ts';
import { buildTemplate } from '../src/template/model.ts';

const yaml = `
Parameters:
  Env: {Type: String, Default: dev}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: !Sub "group in \${Vpc} of \${AWS::Region} (\${Env}) \${!NotARef}"
      VpcId: !Ref Vpc
  Ingress:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt Sg.GroupId
      SourceSecurityGroupId:
        Fn::GetAtt: [Sg, GroupId]
  Log:
    Type: AWS::EC2::FlowLog
    Condition: IsProd
    DependsOn: [Sg]
    Properties:
      ResourceId: !Ref Vpc
      Tag: !Sub ["\${Name}-\${Vpc.CidrBlock}", {Name: !Ref Env}]
      Other: !If [IsProd, !Ref Vpc, !Ref AWS::NoValue]
`;

function graph() {
  const built = buildTemplate(parseDocument(yaml), 't.yaml');
  if (built.kind !== 'template') throw new Error(built.kind);
  return new ResourceGraph(built.template);
}

describe('resource graph', () => {
  it('finds resources by type', () => {
    expect(
      graph()
        .ofType('AWS::EC2::FlowLog')
        .map((r) => r.logicalId),
    ).toEqual(['Log']);
    expect(graph().ofType('AWS::S3::Bucket')).toEqual([]);
  });

  it('has edges from Ref, both GetAtt forms, Sub (${X} and ${X.Attr}) and DependsOn, never to parameters or pseudo parameters', () => {
    const describe = (id: string) =>
      graph()
        .edgesFrom(id)
        .map((e) => `${e.kind} ${e.to}${e.attribute ? '.' + e.attribute : ''} @${e.path.join('/')}`)
        .sort();
    expect(describe('Sg')).toEqual(['Ref Vpc @Properties/VpcId', 'Sub Vpc @Properties/GroupDescription']);
    expect(describe('Ingress')).toEqual(['GetAtt Sg.GroupId @Properties/GroupId', 'GetAtt Sg.GroupId @Properties/SourceSecurityGroupId']);
    expect(describe('Log')).toEqual([
      'DependsOn Sg @DependsOn/0',
      'Ref Vpc @Properties/Other/Fn::If/1',
      'Ref Vpc @Properties/ResourceId',
      'Sub Vpc.CidrBlock @Properties/Tag',
    ]);
  });

  it('answers who references a resource, through which property', () => {
    const flowLogs = graph().referrers('Vpc', 'AWS::EC2::FlowLog', ['Properties', 'ResourceId']);
    expect(flowLogs.map((r) => r.resource.logicalId)).toEqual(['Log']);
    expect(
      graph()
        .referrers('Vpc')
        .map((r) => r.resource.logicalId)
        .sort(),
    ).toEqual(['Log', 'Log', 'Log', 'Sg', 'Sg']);
    expect(
      graph()
        .targets('Ingress', 'AWS::EC2::SecurityGroup')
        .map((t) => t.resource.logicalId),
    ).toEqual(['Sg', 'Sg']);
  });

  it('answers a query by type the same as the whole graph filtered, whichever is asked first', () => {
    const ids = ['Vpc', 'Sg', 'Ingress', 'Log'];
    const types = ['AWS::EC2::VPC', 'AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::FlowLog'];
    const show = (found: ReturnType<ResourceGraph['referrers']>) =>
      found.map(({ resource, edge }) => `${resource.logicalId} ${edge.kind} @${edge.path.join('/')}`);
    const typedFirst = graph();
    const typed = ids.flatMap((id) => types.map((type) => show(typedFirst.referrers(id, type))));
    const whole = graph();
    const all = ids.map((id) => whole.referrers(id));
    const filtered = ids.flatMap((_id, i) => types.map((type) => show(all[i]!.filter((r) => r.resource.type === type))));
    expect(typed).toEqual(filtered);
    expect(typed.flat().length).toBe(8);
    expect(ids.map((id) => show(typedFirst.referrers(id)))).toEqual(all.map(show));
  });

  it('has condition edges from Condition and Fn::If', () => {
    expect(
      graph()
        .usersOfCondition('IsProd')
        .map((e) => `${e.from} @${e.path.join('/')}`)
        .sort(),
    ).toEqual(['Log @Condition', 'Log @Properties/Other']);
  });
});
