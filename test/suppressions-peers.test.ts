// Another tool's suppression silences only what that tool checks: each peer id suppresses the findings its check
// covers (the rule's `peers`), and no other finding of the rule, nor anything when it maps to no rule.
import { describe, expect, it } from 'vitest';
import { waPractices } from '../src/engine/generated/wa-practices.ts';
import { peerScopes } from '../src/engine/registry.ts';
import { listRules } from '../src/report/rules-list.ts';
import type { Finding, PeerScope, PeerTool } from '../src/engine/types.ts';
import { rules } from '../rules/index.ts';
import { lintText } from './helpers.ts';

type Json = Record<string, unknown>;

/** Metadata holding one suppression entry in the tool's own format. */
function entry(tool: PeerTool, id: string, reason = 'reviewed by the platform team'): Json {
  switch (tool) {
    case 'checkov':
      return { checkov: { skip: [{ id, comment: reason }] } };
    case 'cfn_nag':
      return { cfn_nag: { rules_to_suppress: [{ id, reason }] } };
    case 'cdk_nag':
      return { cdk_nag: { rules_to_suppress: [{ id, reason }] } };
    case 'cfn-lint':
      return { 'cfn-lint': { config: { ignore_checks: [id] } } };
    case 'guard':
      return { guard: { SuppressedRules: [id] } };
  }
}

/** Lints `resources` (as JSON) with the Metadata on resource `on`, or on the template when `on` is undefined. */
function lintWith(resources: Record<string, Json>, metadata: Json, on?: string): Finding[] {
  const copy: Record<string, Json> = structuredClone(resources);
  const template: Json = { Resources: copy };
  if (on === undefined) template.Metadata = metadata;
  else copy[on] = { ...copy[on], Metadata: metadata };
  return lintText(JSON.stringify(template, null, 2), rules, { name: 'template.json' });
}

/** The one finding of `rule` on `logicalId` (with `messageId`, when given). */
function finding(findings: Finding[], rule: string, logicalId: string, messageId?: string): Finding {
  const found = findings.filter((f) => f.ruleId === rule && f.logicalId === logicalId && (!messageId || f.messageId === messageId));
  expect(
    found.map((f) => `${f.ruleId} ${f.logicalId} ${f.messageId}`),
    `one ${rule} ${messageId ?? ''} finding on ${logicalId}`,
  ).toHaveLength(1);
  return found[0]!;
}

const volume = (encrypted: boolean | undefined): Json => ({
  Type: 'AWS::EC2::Volume',
  Properties: { AvailabilityZone: 'eu-west-1a', Size: 20, VolumeType: 'gp3', ...(encrypted === undefined ? {} : { Encrypted: encrypted }) },
});
const launchConfiguration = (extra: Json = {}): Json => ({
  Type: 'AWS::AutoScaling::LaunchConfiguration',
  Properties: { ImageId: 'ami-12345678', InstanceType: 't3.micro', ...extra },
});
const role = (extra: Json): Json => ({
  Type: 'AWS::IAM::Role',
  Properties: {
    AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
    ...extra,
  },
});
const inline = (statement: Json) => ({ Policies: [{ PolicyName: 'app', PolicyDocument: { Statement: [statement] } }] });
const adminStatement = { Effect: 'Allow', Action: '*', Resource: '*' };
const notActionStatement = { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' };
const policy = (type: string, statement: Json): Json => ({
  Type: type,
  Properties: { PolicyName: 'app', Roles: ['some-role'], PolicyDocument: { Statement: [statement] } },
});
const adminArn = { ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] };
const bucket = (flags: Partial<Record<'BlockPublicAcls' | 'BlockPublicPolicy' | 'IgnorePublicAcls' | 'RestrictPublicBuckets', boolean>>): Json => ({
  Type: 'AWS::S3::Bucket',
  Properties: {
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true, ...flags },
  },
});
const group = (extra: Json): Json => ({
  Type: 'AWS::AutoScaling::AutoScalingGroup',
  Properties: {
    MinSize: '2',
    MaxSize: '4',
    LaunchConfigurationName: 'web',
    AvailabilityZones: ['eu-west-1a', 'eu-west-1b'],
    TargetGroupARNs: ['arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef'],
    ...extra,
  },
});
const securityGroup = (port: number): Json => ({
  Type: 'AWS::EC2::SecurityGroup',
  Properties: {
    GroupDescription: 'admin',
    VpcId: 'vpc-12345678',
    SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: port, ToPort: port, CidrIp: '0.0.0.0/0' }],
  },
});
const standaloneIngress = (port: number): Json => ({
  Type: 'AWS::EC2::SecurityGroupIngress',
  Properties: { GroupId: 'sg-12345678', IpProtocol: 'tcp', FromPort: port, ToPort: port, CidrIp: '0.0.0.0/0' },
});
const dbInstance = (extra: Json): Json => ({
  Type: 'AWS::RDS::DBInstance',
  Properties: { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: '20', ...extra },
});
const dbCluster = (extra: Json): Json => ({
  Type: 'AWS::RDS::DBCluster',
  Properties: { Engine: 'aurora-postgresql', MasterUsername: 'admin', ManageMasterUserPassword: true, ...extra },
});
const listener = (protocol: string, actions: Json[]): Json => ({
  Type: 'AWS::ElasticLoadBalancingV2::Listener',
  Properties: {
    LoadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef',
    Port: 80,
    Protocol: protocol,
    DefaultActions: actions,
  },
});
const httpForward = listener('HTTP', [
  { Type: 'forward', TargetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef' },
]);
const classicLb = (extra: Json): Json => ({
  Type: 'AWS::ElasticLoadBalancing::LoadBalancer',
  Properties: {
    Scheme: 'internet-facing',
    Subnets: ['subnet-11111111', 'subnet-22222222'],
    Listeners: [{ LoadBalancerPort: '443', InstancePort: '443', Protocol: 'HTTPS', SSLCertificateId: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' }],
    CrossZone: true,
    ...extra,
  },
});

function cache(extra: Json): Json {
  return {
    Type: 'AWS::ElastiCache::ReplicationGroup',
    Properties: {
      ReplicationGroupDescription: 'sessions',
      Engine: 'redis',
      CacheNodeType: 'cache.t3.micro',
      NumCacheClusters: 2,
      AutomaticFailoverEnabled: true,
      ...extra,
    },
  };
}

const multiAzResources: Record<string, Json> = {
  A: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-123', CidrBlock: '10.0.0.0/24', AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] } } },
  B: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-123', CidrBlock: '10.0.1.0/24', AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] } } },
  Subnets: { Type: 'AWS::RDS::DBSubnetGroup', Properties: { DBSubnetGroupDescription: 'one zone', SubnetIds: [{ Ref: 'A' }, { Ref: 'B' }] } },
  Zoned: dbInstance({ MultiAZ: true, DBSubnetGroupName: { Ref: 'Subnets' } }),
  Single: dbInstance({ MultiAZ: false, DBSubnetGroupName: { Ref: 'Subnets' } }),
};

const nlbWithoutCrossZone: Json = {
  Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  Properties: {
    Type: 'network',
    Subnets: ['subnet-11111111', 'subnet-22222222'],
    LoadBalancerAttributes: [{ Key: 'load_balancing.cross_zone.enabled', Value: 'false' }],
  },
};

/** [rule, logicalId, messageId]: a finding the case looks at. */
type Target = [string, string, string];

interface Case {
  tool: PeerTool;
  id: string;
  resources: Record<string, Json>;
  /** The resource the entry sits on; undefined: template-level Metadata. */
  on?: string;
  suppressed: Target[];
  kept: Target[];
}

const EBS = 'ebs-volume-encrypted';
const IMDS = 'ec2-imdsv2-check';
const IAM = 'iam-policy-no-statements-with-admin-access';
const S3 = 's3-bucket-level-public-access-prohibited';
const ASG = 'autoscaling-elb-health-check';
const SSH = 'ec2-sg-ssh-restricted';
const RDP = 'ec2-sg-rdp-restricted';
const HTTPS = 'elb-listener-https-enforced';
const RDS_PUBLIC = 'rds-instance-public-access-check';
const RDS_ENC = 'rds-storage-encrypted';
const RDS_BACKUP = 'rds-automated-backups-enabled';
const RDS_DELETE = 'rds-deletion-protection-enabled';
const RDS_MULTI_AZ = 'rds-multi-az-enabled';
const FLOW = 'vpc-flow-logs-enabled';
const CROSS_ZONE = 'elb-cross-zone-load-balancing-enabled';
const CACHE = 'elasticache-multi-az-enabled';

// The four cases of the issue first, then every other id that covers only part of its rule.
const CASES: Case[] = [
  // cfn_nag W37 asks for a KmsKeyId; it says nothing about a volume that is not encrypted at all.
  { tool: 'cfn_nag', id: 'W37', resources: { Data: volume(false) }, on: 'Data', suppressed: [], kept: [[EBS, 'Data', 'volume']] },
  // W43 is the managed AdministratorAccess policy, not an inline Action "*" statement.
  {
    tool: 'cfn_nag',
    id: 'W43',
    resources: { Admin: role({ ...adminArn, ...inline(adminStatement) }) },
    on: 'Admin',
    suppressed: [[IAM, 'Admin', 'adminManaged']],
    kept: [[IAM, 'Admin', 'allActions']],
  },
  // CKV_AWS_53 is BlockPublicAcls alone.
  { tool: 'checkov', id: 'CKV_AWS_53', resources: { Site: bucket({ BlockPublicAcls: false }) }, on: 'Site', suppressed: [[S3, 'Site', 'disabled']], kept: [] },
  {
    tool: 'checkov',
    id: 'CKV_AWS_53',
    resources: { Site: bucket({ BlockPublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false }) },
    on: 'Site',
    suppressed: [],
    kept: [[S3, 'Site', 'disabled']],
  },
  {
    tool: 'checkov',
    id: 'CKV_AWS_53',
    resources: { Site: bucket({ BlockPublicPolicy: false }) },
    on: 'Site',
    suppressed: [],
    kept: [[S3, 'Site', 'disabled']],
  },
  // AwsSolutions-AS2 is the grace period of ELB health checks, not HealthCheckType EC2 behind a load balancer.
  {
    tool: 'cdk_nag',
    id: 'AwsSolutions-AS2',
    resources: { Web: group({ HealthCheckType: 'ELB' }) },
    on: 'Web',
    suppressed: [[ASG, 'Web', 'noGracePeriod']],
    kept: [],
  },
  {
    tool: 'cdk_nag',
    id: 'AwsSolutions-AS2',
    resources: { Web: group({ HealthCheckType: 'EC2' }) },
    on: 'Web',
    suppressed: [],
    kept: [[ASG, 'Web', 'ec2Only']],
  },

  // EBS: each id for the resource type it reads.
  {
    tool: 'checkov',
    id: 'CKV_AWS_3',
    resources: { Data: volume(undefined), Web: launchConfiguration() },
    suppressed: [[EBS, 'Data', 'volume']],
    kept: [[EBS, 'Web', 'rootVolume']],
  },
  {
    tool: 'checkov',
    id: 'CKV_AWS_8',
    resources: { Data: volume(undefined), Web: launchConfiguration() },
    suppressed: [[EBS, 'Web', 'rootVolume']],
    kept: [[EBS, 'Data', 'volume']],
  },
  {
    tool: 'cfn_nag',
    id: 'F1',
    resources: { Data: volume(false), Web: launchConfiguration() },
    suppressed: [[EBS, 'Data', 'volume']],
    kept: [[EBS, 'Web', 'rootVolume']],
  },
  { tool: 'guard', id: 'EC2_EBS_ENCRYPTION_BY_DEFAULT', resources: { Data: volume(false) }, on: 'Data', suppressed: [[EBS, 'Data', 'volume']], kept: [] },
  { tool: 'guard', id: 'ENCRYPTED_VOLUMES', resources: { Web: launchConfiguration() }, on: 'Web', suppressed: [], kept: [[EBS, 'Web', 'rootVolume']] },
  // IMDSv2.
  {
    tool: 'checkov',
    id: 'CKV_AWS_79',
    resources: {
      Template: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { MetadataOptions: { HttpTokens: 'optional' } } } },
      Web: launchConfiguration(),
    },
    suppressed: [[IMDS, 'Template', 'optional']],
    kept: [[IMDS, 'Web', 'notSet']],
  },
  {
    tool: 'cdk_nag',
    id: 'PCI.DSS.400-EC2IMDSv2Enabled',
    resources: { Web: launchConfiguration(), Hops: launchConfiguration({ MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 3 } }) },
    suppressed: [[IMDS, 'Web', 'notSet']],
    kept: [[IMDS, 'Hops', 'hopLimit']],
  },
  // Security groups: the guard rules read inline ingress of security groups only.
  { tool: 'guard', id: 'INCOMING_SSH_DISABLED', resources: { Bastion: securityGroup(22) }, on: 'Bastion', suppressed: [[SSH, 'Bastion', 'inline']], kept: [] },
  { tool: 'guard', id: 'INCOMING_SSH_DISABLED', resources: { Open: standaloneIngress(22) }, on: 'Open', suppressed: [], kept: [[SSH, 'Open', 'standalone']] },
  {
    tool: 'guard',
    id: 'RESTRICTED_INCOMING_TRAFFIC',
    resources: { Desktop: securityGroup(3389) },
    on: 'Desktop',
    suppressed: [[RDP, 'Desktop', 'inline']],
    kept: [],
  },
  {
    tool: 'guard',
    id: 'RESTRICTED_INCOMING_TRAFFIC',
    resources: { Bastion: securityGroup(22) },
    on: 'Bastion',
    suppressed: [],
    kept: [[SSH, 'Bastion', 'inline']],
  },
  // HTTPS listeners: the v2 listener ids do not read Classic Load Balancers, and the Classic id no v2 listener.
  ...(['CKV_AWS_2:checkov', 'W56:cfn_nag', 'NIST.800.53.R5-ALBHttpToHttpsRedirection:cdk_nag'] as const).map((pair): Case => {
    const [id, tool] = pair.split(':') as [string, PeerTool];
    return {
      tool,
      id,
      resources: { Http: httpForward, Classic: classicLb({ Listeners: [{ LoadBalancerPort: '80', InstancePort: '80', Protocol: 'HTTP' }] }) },
      suppressed: [[HTTPS, 'Http', 'forward']],
      kept: [[HTTPS, 'Classic', 'classic']],
    };
  }),
  { tool: 'guard', id: 'ELBV2_LISTENER_PROTOCOL_RULE', resources: { Http: httpForward }, on: 'Http', suppressed: [[HTTPS, 'Http', 'forward']], kept: [] },
  { tool: 'guard', id: 'ELB_TLS_HTTPS_LISTENERS_ONLY', resources: { Http: httpForward }, on: 'Http', suppressed: [], kept: [[HTTPS, 'Http', 'forward']] },
  {
    tool: 'guard',
    id: 'ELB_TLS_HTTPS_LISTENERS_ONLY',
    resources: { Classic: classicLb({ Listeners: [{ LoadBalancerPort: '80', InstancePort: '80', Protocol: 'HTTP' }] }) },
    on: 'Classic',
    suppressed: [[HTTPS, 'Classic', 'classic']],
    kept: [],
  },
  // cdk-nag's ELB5 checks the instance protocol of HTTPS/SSL listeners, not a plain-HTTP listener.
  {
    tool: 'cdk_nag',
    id: 'AwsSolutions-ELB5',
    resources: { Classic: classicLb({ Listeners: [{ LoadBalancerPort: '80', InstancePort: '80', Protocol: 'HTTP' }] }) },
    on: 'Classic',
    suppressed: [],
    kept: [[HTTPS, 'Classic', 'classic']],
  },
  // IAM: wildcard actions, NotAction and the managed AdministratorAccess policy are separate checks.
  ...(['CKV_AWS_62:checkov', 'CKV_AWS_63:checkov', 'F3:cfn_nag', 'HIPAA.Security-IAMPolicyNoStatementsWithAdminAccess:cdk_nag'] as const).map((pair): Case => {
    const [id, tool] = pair.split(':') as [string, PeerTool];
    return {
      tool,
      id,
      resources: { App: role({ Policies: [{ PolicyName: 'a', PolicyDocument: { Statement: [adminStatement, notActionStatement] } }] }) },
      on: 'App',
      suppressed: [[IAM, 'App', 'allActions']],
      kept: [[IAM, 'App', 'notAction']],
    };
  }),
  {
    tool: 'cfn_nag',
    id: 'W15',
    resources: { App: role({ Policies: [{ PolicyName: 'a', PolicyDocument: { Statement: [adminStatement, notActionStatement] } }] }) },
    on: 'App',
    suppressed: [[IAM, 'App', 'notAction']],
    kept: [[IAM, 'App', 'allActions']],
  },
  ...(
    [
      ['F4', 'W16', 'AWS::IAM::Policy'],
      ['F5', 'W17', 'AWS::IAM::ManagedPolicy'],
    ] as const
  ).flatMap(([wildcard, notAction, type]): Case[] => [
    {
      tool: 'cfn_nag',
      id: wildcard,
      resources: { Doc: policy(type, adminStatement), Other: policy(type, notActionStatement) },
      suppressed: [[IAM, 'Doc', 'allActions']],
      kept: [[IAM, 'Other', 'notAction']],
    },
    {
      tool: 'cfn_nag',
      id: notAction,
      resources: { Doc: policy(type, adminStatement), Other: policy(type, notActionStatement) },
      suppressed: [[IAM, 'Other', 'notAction']],
      kept: [[IAM, 'Doc', 'allActions']],
    },
  ]),
  {
    tool: 'cdk_nag',
    id: 'AwsSolutions-IAM5',
    resources: { Admin: role({ ...adminArn, ...inline(adminStatement) }) },
    on: 'Admin',
    suppressed: [[IAM, 'Admin', 'allActions']],
    kept: [[IAM, 'Admin', 'adminManaged']],
  },
  {
    tool: 'cdk_nag',
    id: 'AwsSolutions-IAM4',
    resources: { Admin: role({ ...adminArn, ...inline(adminStatement) }) },
    on: 'Admin',
    suppressed: [[IAM, 'Admin', 'adminManaged']],
    kept: [[IAM, 'Admin', 'allActions']],
  },
  {
    tool: 'guard',
    id: 'IAM_ROLE_ADMINISTRATOR_ACCESS_POLICY_RULE',
    resources: { Admin: role({ ...adminArn, ...inline(adminStatement) }) },
    on: 'Admin',
    suppressed: [[IAM, 'Admin', 'adminManaged']],
    kept: [[IAM, 'Admin', 'allActions']],
  },
  {
    tool: 'guard',
    id: 'IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS',
    resources: {
      Doc: {
        ...policy('AWS::IAM::Policy', adminStatement),
        Properties: { PolicyName: 'a', Roles: ['r'], PolicyDocument: { Statement: [adminStatement, notActionStatement] } },
      },
    },
    on: 'Doc',
    suppressed: [[IAM, 'Doc', 'allActions']],
    kept: [[IAM, 'Doc', 'notAction']],
  },
  {
    tool: 'guard',
    id: 'IAM_ROLE_OR_POLICY_NO_ALLOW_PLUS_NOT_ACTION',
    resources: { Doc: policy('AWS::IAM::Policy', notActionStatement) },
    on: 'Doc',
    suppressed: [[IAM, 'Doc', 'notAction']],
    kept: [],
  },
  {
    tool: 'guard',
    id: 'IAM_ROLE_OR_POLICY_NO_ALLOW_PLUS_NOT_ACTION',
    resources: { App: role(inline(notActionStatement)) },
    on: 'App',
    suppressed: [],
    kept: [[IAM, 'App', 'notAction']],
  },
  // RDS: instance ids do not read clusters; checkov fails only PubliclyAccessible true.
  {
    tool: 'checkov',
    id: 'CKV_AWS_17',
    resources: { Public: dbInstance({ PubliclyAccessible: true }), Default: dbInstance({}) },
    suppressed: [[RDS_PUBLIC, 'Public', 'public']],
    kept: [[RDS_PUBLIC, 'Default', 'defaultVpc']],
  },
  ...(['F22:cfn_nag', 'NIST.800.53.R4-RDSInstancePublicAccess:cdk_nag'] as const).map((pair): Case => {
    const [id, tool] = pair.split(':') as [string, PeerTool];
    // A Multi-AZ DB cluster (DBClusterInstanceClass) takes PubliclyAccessible itself.
    const cluster = dbCluster({ Engine: 'postgres', DBClusterInstanceClass: 'db.r6gd.large', DBSubnetGroupName: 'existing', PubliclyAccessible: true });
    return {
      tool,
      id,
      resources: { Default: dbInstance({}), Cluster: cluster },
      suppressed: [[RDS_PUBLIC, 'Default', 'defaultVpc']],
      kept: [[RDS_PUBLIC, 'Cluster', 'public']],
    };
  }),
  {
    tool: 'guard',
    id: 'RDS_INSTANCE_PUBLIC_ACCESS_CHECK',
    resources: { Default: dbInstance({}) },
    on: 'Default',
    suppressed: [[RDS_PUBLIC, 'Default', 'defaultVpc']],
    kept: [],
  },
  ...(['CKV_AWS_16:checkov', 'F27:cfn_nag'] as const).map((pair): Case => {
    const [id, tool] = pair.split(':') as [string, PeerTool];
    return {
      tool,
      id,
      resources: { Db: dbInstance({}), Cluster: dbCluster({}) },
      suppressed: [[RDS_ENC, 'Db', 'unencrypted']],
      kept: [[RDS_ENC, 'Cluster', 'unencrypted']],
    };
  }),
  ...(['CKV_AWS_96:checkov', 'F26:cfn_nag'] as const).map((pair): Case => {
    const [id, tool] = pair.split(':') as [string, PeerTool];
    return {
      tool,
      id,
      resources: { Db: dbInstance({}), Cluster: dbCluster({}) },
      suppressed: [[RDS_ENC, 'Cluster', 'unencrypted']],
      kept: [[RDS_ENC, 'Db', 'unencrypted']],
    };
  }),
  {
    tool: 'guard',
    id: 'RDS_STORAGE_ENCRYPTED',
    resources: { Db: dbInstance({}), Cluster: dbCluster({}) },
    on: 'Cluster',
    suppressed: [],
    kept: [[RDS_ENC, 'Cluster', 'unencrypted']],
  },
  // Backups: BackupRetentionPeriod 0 only, not a short retention.
  ...(['W75:cfn_nag', 'AwsSolutions-RDS13:cdk_nag', 'HIPAA.Security-RDSInstanceBackupEnabled:cdk_nag', 'DB_INSTANCE_BACKUP_ENABLED:guard'] as const).map(
    (pair): Case => {
      const [id, tool] = pair.split(':') as [string, PeerTool];
      return {
        tool,
        id,
        resources: { Off: dbInstance({ BackupRetentionPeriod: 0 }), Short: dbInstance({ BackupRetentionPeriod: 3 }) },
        on: tool === 'guard' ? 'Short' : undefined,
        suppressed: tool === 'guard' ? [] : [[RDS_BACKUP, 'Off', 'disabled']],
        kept: [[RDS_BACKUP, 'Short', 'shortRetention']],
      };
    },
  ),
  {
    tool: 'guard',
    id: 'DB_INSTANCE_BACKUP_ENABLED',
    resources: { Off: dbInstance({ BackupRetentionPeriod: 0 }) },
    on: 'Off',
    suppressed: [[RDS_BACKUP, 'Off', 'disabled']],
    kept: [],
  },
  // Deletion protection: cfn_nag and guard read instances only.
  {
    tool: 'cfn_nag',
    id: 'F80',
    resources: { Db: dbInstance({}), Cluster: dbCluster({}) },
    suppressed: [[RDS_DELETE, 'Db', 'unprotected']],
    kept: [[RDS_DELETE, 'Cluster', 'unprotected']],
  },
  {
    tool: 'guard',
    id: 'RDS_INSTANCE_DELETION_PROTECTION_ENABLED',
    resources: { Cluster: dbCluster({}) },
    on: 'Cluster',
    suppressed: [],
    kept: [[RDS_DELETE, 'Cluster', 'unprotected']],
  },
  // Multi-AZ: the MultiAZ flag, not the zones of the subnet group.
  ...(['CKV_AWS_157:checkov', 'AwsSolutions-RDS3:cdk_nag', 'PCI.DSS.321-RDSMultiAZSupport:cdk_nag'] as const).map((pair): Case => {
    const [id, tool] = pair.split(':') as [string, PeerTool];
    return { tool, id, resources: multiAzResources, suppressed: [[RDS_MULTI_AZ, 'Single', 'singleAz']], kept: [[RDS_MULTI_AZ, 'Zoned', 'subnetGroupOneAz']] };
  }),
  { tool: 'guard', id: 'RDS_MULTI_AZ_SUPPORT', resources: multiAzResources, on: 'Zoned', suppressed: [], kept: [[RDS_MULTI_AZ, 'Zoned', 'subnetGroupOneAz']] },
  // Flow logs: a VPC without one, not the TrafficType of a flow log.
  ...(['W60:cfn_nag', 'AwsSolutions-VPC7:cdk_nag', 'HIPAA.Security-VPCFlowLogsEnabled:cdk_nag'] as const).map((pair): Case => {
    const [id, tool] = pair.split(':') as [string, PeerTool];
    return {
      tool,
      id,
      resources: {
        Bare: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
        Logged: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16' } },
        Log: {
          Type: 'AWS::EC2::FlowLog',
          Properties: {
            ResourceId: { Ref: 'Logged' },
            ResourceType: 'VPC',
            TrafficType: 'ACCEPT',
            LogDestinationType: 's3',
            LogDestination: 'arn:aws:s3:::logs',
          },
        },
      },
      suppressed: [[FLOW, 'Bare', 'noFlowLog']],
      kept: [[FLOW, 'Log', 'acceptOnly']],
    };
  }),
  // Health checks: HealthCheckType behind a load balancer, not the grace period.
  ...(
    [
      'HIPAA.Security-AutoscalingGroupELBHealthCheckRequired:cdk_nag',
      'NIST.800.53.R5-AutoScalingGroupELBHealthCheckRequired:cdk_nag',
      'AUTOSCALING_GROUP_ELB_HEALTHCHECK_REQUIRED:guard',
    ] as const
  ).flatMap((pair): Case[] => {
    const [id, tool] = pair.split(':') as [string, PeerTool];
    return [
      { tool, id, resources: { Web: group({ HealthCheckType: 'EC2' }) }, on: 'Web', suppressed: [[ASG, 'Web', 'ec2Only']], kept: [] },
      { tool, id, resources: { Web: group({ HealthCheckType: 'ELB' }) }, on: 'Web', suppressed: [], kept: [[ASG, 'Web', 'noGracePeriod']] },
    ];
  }),
  // Cross-zone: Classic Load Balancers only.
  ...(['AwsSolutions-ELB4:cdk_nag', 'PCI.DSS.321-ELBCrossZoneLoadBalancingEnabled:cdk_nag'] as const).map((pair): Case => {
    const [id, tool] = pair.split(':') as [string, PeerTool];
    return {
      tool,
      id,
      resources: { Classic: classicLb({ CrossZone: false }), Nlb: nlbWithoutCrossZone },
      suppressed: [[CROSS_ZONE, 'Classic', 'classic']],
      kept: [[CROSS_ZONE, 'Nlb', 'loadBalancer']],
    };
  }),
  {
    tool: 'guard',
    id: 'ELB_CROSS_ZONE_LOAD_BALANCING_ENABLED',
    resources: { Nlb: nlbWithoutCrossZone },
    on: 'Nlb',
    suppressed: [],
    kept: [[CROSS_ZONE, 'Nlb', 'loadBalancer']],
  },
  {
    tool: 'guard',
    id: 'ELB_CROSS_ZONE_LOAD_BALANCING_ENABLED',
    resources: { Classic: classicLb({ CrossZone: false }) },
    on: 'Classic',
    suppressed: [[CROSS_ZONE, 'Classic', 'classic']],
    kept: [],
  },
  // ElastiCache: MultiAZEnabled, not automatic failover.
  {
    tool: 'cdk_nag',
    id: 'AwsSolutions-AEC4',
    resources: { Cache: cache({ MultiAZEnabled: false }) },
    on: 'Cache',
    suppressed: [[CACHE, 'Cache', 'replicationGroup']],
    kept: [],
  },
  {
    tool: 'cdk_nag',
    id: 'AwsSolutions-AEC4',
    resources: { Cache: cache({ MultiAZEnabled: true, AutomaticFailoverEnabled: false }) },
    on: 'Cache',
    suppressed: [],
    kept: [[CACHE, 'Cache', 'replicationGroup']],
  },
];

describe('peer suppressions', () => {
  it.each(CASES.map((c) => [`${c.tool} ${c.id} ${c.on ? `on ${c.on}` : 'template-wide'}`, c] as const))('%s', (_name, c) => {
    const findings = lintWith(c.resources, entry(c.tool, c.id), c.on);
    for (const [rule, logicalId, messageId] of c.suppressed) {
      expect(finding(findings, rule, logicalId, messageId).suppression, `${c.id} suppresses ${rule} ${messageId} on ${logicalId}`).toEqual({
        justification: expect.any(String),
        source: c.tool,
      });
    }
    for (const [rule, logicalId, messageId] of c.kept) {
      expect(finding(findings, rule, logicalId, messageId).suppression, `${c.id} must not suppress ${rule} ${messageId} on ${logicalId}`).toBeUndefined();
    }
  });

  it('suppresses a bucket with several flags off only when each of their checkov checks is skipped', () => {
    const resources = { Site: bucket({ BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false }) };
    const skip = (ids: string[]) => ({ checkov: { skip: ids.map((id) => ({ id, comment: `public website (${id})` })) } });
    const three = lintWith(resources, skip(['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55']), 'Site');
    expect(finding(three, S3, 'Site').suppression).toBeUndefined();
    const four = lintWith(resources, skip(['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56']), 'Site');
    expect(finding(four, S3, 'Site').suppression).toEqual({
      justification: 'public website (CKV_AWS_53); public website (CKV_AWS_54); public website (CKV_AWS_55); public website (CKV_AWS_56)',
      source: 'checkov',
    });
  });

  it('honours cfn-guard SuppressedRules on the resource, with a justification naming it, and not at template level', () => {
    const resources = { Bastion: securityGroup(22) };
    const onResource = lintWith(resources, entry('guard', 'INCOMING_SSH_DISABLED'), 'Bastion');
    expect(finding(onResource, SSH, 'Bastion').suppression).toEqual({ justification: 'suppressed through cfn-guard SuppressedRules', source: 'guard' });
    // cfn-guard itself reads SuppressedRules on resources only.
    const templateWide = lintWith(resources, entry('guard', 'INCOMING_SSH_DISABLED'));
    expect(finding(templateWide, SSH, 'Bastion').suppression).toBeUndefined();
    // Guard's format has no reason field, and an entry never counts as unused or invalid: it also serves cfn-guard.
    expect(onResource.filter((f) => f.ruleId === 'invalid-suppression' || f.ruleId === 'unused-suppression')).toEqual([]);
  });

  it('suppresses nothing through an id that maps to no rule, and does not report it', () => {
    const resources = { Site: bucket({ BlockPublicAcls: false }), Data: volume(false), Bastion: securityGroup(22) };
    const plain = lintWith(resources, {});
    for (const [tool, id] of [
      ['checkov', 'CKV_AWS_45'],
      ['cfn_nag', 'W28'],
      ['cdk_nag', 'AwsSolutions-SMG4'],
      ['guard', 'SECRETSMANAGER_ROTATION_ENABLED_CHECK'],
      ['cfn-lint', 'W3005'],
    ] as const) {
      for (const on of [undefined, 'Site']) {
        const findings = lintWith(resources, entry(tool, id), on);
        expect(
          findings.filter((f) => f.suppression),
          `${tool} ${id}`,
        ).toEqual([]);
        expect(findings.map((f) => f.ruleId).sort(), `${tool} ${id}`).toEqual(plain.map((f) => f.ruleId).sort());
      }
    }
  });

  it('takes cdk-nag ids with their pack: a bare rule name is no cdk-nag suppression, a granular one (applies_to) does not count', () => {
    const resources = { Bastion: securityGroup(22) };
    const ssh = (metadata: Json) => finding(lintWith(resources, metadata, 'Bastion'), SSH, 'Bastion').suppression;
    expect(ssh(entry('cdk_nag', 'HIPAA.Security-EC2RestrictedSSH'))).toEqual({ justification: 'reviewed by the platform team', source: 'cdk_nag' });
    expect(ssh(entry('cdk_nag', 'AwsSolutions-EC23'))).toBeDefined();
    expect(ssh(entry('cdk_nag', 'EC2RestrictedSSH'))).toBeUndefined();
    expect(ssh({ cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-EC23', reason: 'bastion host', applies_to: ['Some::Finding'] }] } })).toBeUndefined();
  });

  it('keeps an entry of another tool without a reason from suppressing, without reporting it', () => {
    const findings = lintWith({ Data: volume(false) }, { cfn_nag: { rules_to_suppress: [{ id: 'F1' }] } }, 'Data');
    expect(finding(findings, EBS, 'Data').suppression).toBeUndefined();
    expect(findings.filter((f) => f.ruleId === 'invalid-suppression')).toEqual([]);
  });
});

describe('peer mappings', () => {
  it('are listed by `rules --format json` in one object form, with their scope', () => {
    const listed = JSON.parse(listRules(rules, waPractices, 'json')) as Array<{ id: string; peers: Record<string, unknown[]> }>;
    const peersOf = (id: string) => listed.find((r) => r.id === id)!.peers;
    expect(peersOf('autoscaling-elb-health-check').cdk_nag).toContainEqual({ id: 'AwsSolutions-AS2', messages: ['noGracePeriod'] });
    expect(peersOf('ec2-sg-ssh-restricted').checkov).toEqual([{ id: 'CKV_AWS_24' }]);
    expect(peersOf('template-parse-error')).toEqual({ 'cfn-lint': [{ id: 'E0000' }] });
    for (const rule of listed) for (const refs of Object.values(rule.peers)) for (const ref of refs) expect(typeof ref, rule.id).toBe('object');
  });

  it('name only messages and resource types their rule has, and ids that are well formed for their tool', () => {
    const problems: string[] = [];
    for (const rule of rules) {
      for (const [tool, scopes] of Object.entries(peerScopes(rule.peers)) as Array<[PeerTool, PeerScope[]]>) {
        for (const scope of scopes) {
          const ids = typeof scope.id === 'string' ? [scope.id] : scope.id;
          for (const m of scope.messages ?? []) if (!(m in rule.messages)) problems.push(`${rule.id} ${tool} ${ids}: unknown message ${m}`);
          for (const t of scope.resourceTypes ?? []) if (!rule.appliesTo.includes(t)) problems.push(`${rule.id} ${tool} ${ids}: ${t} is not in appliesTo`);
          for (const p of scope.properties ?? []) if (!/^Properties(\.\w+)+$/.test(p)) problems.push(`${rule.id} ${tool} ${ids}: property ${p}`);
          const form: Record<PeerTool, RegExp> = {
            checkov: /^CKV2?_AWS_\d+$/,
            cfn_nag: /^[FW]\d+$/,
            'cfn-lint': /^[EWI]\d{4}$/,
            guard: /^[A-Z0-9_]+$/,
            // A pack-qualified id, or a bare rule name standing for that rule in any pack.
            cdk_nag: /^([A-Za-z0-9.]+-)?[A-Za-z0-9]+$/,
          };
          for (const id of ids) if (!form[tool].test(id)) problems.push(`${rule.id} ${tool}: malformed id ${id}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
