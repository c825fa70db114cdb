// Generated templates for speed and robustness runs: `resources` resources in groups of five that reference
// each other (VPC → subnet → security group → ingress → instance with a volume), so the graph and values
// stages do real work. Deterministic for a given size.
export function generateTemplate(resources, { encrypted = true } = {}) {
  const lines = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Parameters:',
    '  Env:',
    '    Type: String',
    '    Default: dev',
    '    AllowedValues: [dev, prod]',
    '  AdminCidr:',
    '    Type: String',
    '    Default: 10.0.0.0/16',
    'Conditions:',
    '  IsProd: !Equals [!Ref Env, prod]',
    'Mappings:',
    '  Sizes:',
    '    dev: {Instance: t3.micro, Volume: 10}',
    '    prod: {Instance: m7g.large, Volume: 100}',
    'Resources:',
  ];
  for (let i = 0; i * 5 < resources; i++) {
    lines.push(
      `  Vpc${i}:`,
      '    Type: AWS::EC2::VPC',
      '    Properties:',
      `      CidrBlock: !Select [${i % 4}, !Cidr [10.0.0.0/8, 4, 16]]`,
      `      Tags: [{Key: Name, Value: !Sub "\${Env}-vpc-${i}"}]`,
      `  Subnet${i}:`,
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      `      VpcId: !Ref Vpc${i}`,
      `      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc${i}.CidrBlock, 2, 8]]`,
      `      AvailabilityZone: !Select [${i % 2}, !GetAZs ""]`,
      `  Sg${i}:`,
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      `      GroupDescription: group ${i}`,
      `      VpcId: !Ref Vpc${i}`,
      '      SecurityGroupIngress:',
      '        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}',
      '        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref AdminCidr}',
      `  Volume${i}:`,
      '    Type: AWS::EC2::Volume',
      '    Properties:',
      `      AvailabilityZone: !GetAtt Subnet${i}.AvailabilityZone`,
      '      Size: !FindInMap [Sizes, !Ref Env, Volume]',
      ...(encrypted ? ['      Encrypted: !If [IsProd, true, true]'] : []),
      `  Instance${i}:`,
      '    Type: AWS::EC2::Instance',
      `    DependsOn: [Sg${i}]`,
      '    Properties:',
      '      ImageId: ami-0123456789abcdef0',
      '      InstanceType: !FindInMap [Sizes, !Ref Env, Instance]',
      `      SubnetId: !Ref Subnet${i}`,
      `      SecurityGroupIds: [!GetAtt Sg${i}.GroupId]`,
      `      Volumes: [{Device: /dev/sdf, VolumeId: !Ref Volume${i}}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A template of `count` volumes, none encrypted: every one must be flagged. */
export function unencryptedVolumes(count) {
  const lines = ['Resources:'];
  for (let i = 0; i < count; i++) {
    lines.push(`  Volume${i}:`, '    Type: AWS::EC2::Volume', '    Properties:', '      AvailabilityZone: eu-west-1a', `      Size: ${1 + (i % 100)}`);
  }
  return `${lines.join('\n')}\n`;
}
