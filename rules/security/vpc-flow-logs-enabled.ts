import { option } from '../../src/engine/options.ts';
import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString } from '../../src/values/coerce.ts';
import { absentVariant, mergeAssumptions, type Assumption } from '../../src/values/variant.ts';
import { named } from '../../src/words.ts';

type Ctx = RuleContext<any, any>;

const VPC = 'AWS::EC2::VPC';
const FLOW_LOG = 'AWS::EC2::FlowLog';
/** How many uncovered cases are enumerated for one VPC. */
const MAX_CASES = 32;

export default defineRule({
  id: 'vpc-flow-logs-enabled',
  pillar: 'security',
  level: 'warning',
  title: 'Every VPC has a flow log',
  rationale:
    'Without a flow log there is no record of which addresses talked to which, on which ports, or which connections the security ' +
    'groups and network ACLs rejected; investigating an incident or debugging connectivity then has nothing to start from.',
  remediation:
    'Add an `AWS::EC2::FlowLog` for the VPC that records all traffic (`TrafficType: ALL`) to CloudWatch Logs or S3. If flow logs ' +
    'are created outside this template, set the rule option `assumeFlowLogsExternal`.\n\n' +
    '```yaml\nVpcFlowLog:\n  Type: AWS::EC2::FlowLog\n  Properties:\n    ResourceId: !Ref Vpc\n    ResourceType: VPC\n    TrafficType: ALL\n' +
    '    LogDestinationType: cloud-watch-logs\n    LogGroupName: !Ref FlowLogGroup\n    DeliverLogsPermissionArn: !GetAtt FlowLogRole.Arn\n```',
  wellArchitected: ['SEC04-BP01', 'REL06-BP01', 'OPS08-BP02'],
  securityHub: ['EC2.6'],
  securitySeverity: '4.0',
  appliesTo: [VPC, FLOW_LOG],
  tags: ['operational-excellence'],
  peers: {
    checkov: [],
    // A VPC without a flow log that references it (subnet flow logs do not count); not the TrafficType of a flow log.
    cfn_nag: [{ id: 'W60', messages: ['noFlowLog', 'partial'] }],
    cdk_nag: [
      { id: 'AwsSolutions-VPC7', messages: ['noFlowLog', 'partial'] },
      { id: 'VPCFlowLogsEnabled', messages: ['noFlowLog', 'partial'] },
    ],
  },
  options: {
    assumeFlowLogsExternal: option.boolean({
      description:
        'Flow logs are created outside this template (for example by an organization-wide stack): ' +
        'VPCs without a flow log here pass. Flow logs of the template are still checked for TrafficType ACCEPT.',
      default: false,
    }),
  },
  messages: {
    noFlowLog: 'VPC {{logicalId}} has no flow log: no AWS::EC2::FlowLog in this template has ResourceType VPC and a ResourceId referencing it.',
    partial: 'VPC {{logicalId}} has flow logs only on {{covered}}, so traffic elsewhere in the VPC is not recorded.',
    acceptOnly: 'Flow log {{logicalId}} records only accepted traffic (TrafficType ACCEPT), so rejected connection attempts are not logged.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  AppVpc:',
      '    Type: AWS::EC2::VPC',
      '    Properties:',
      '      CidrBlock: 10.0.0.0/16',
      '      EnableDnsSupport: true',
      '      EnableDnsHostnames: true',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  AppVpc:',
      '    Type: AWS::EC2::VPC',
      '    Properties:',
      '      CidrBlock: 10.0.0.0/16',
      '      EnableDnsSupport: true',
      '      EnableDnsHostnames: true',
      '  AppVpcFlowLog:',
      '    Type: AWS::EC2::FlowLog',
      '    Properties:',
      '      ResourceId: !Ref AppVpc',
      '      ResourceType: VPC',
      '      TrafficType: ALL',
      '      LogDestinationType: s3',
      '      LogDestination: !GetAtt FlowLogBucket.Arn',
      '  FlowLogBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      LifecycleConfiguration:',
      '        Rules:',
      '          - Status: Enabled',
      '            ExpirationInDays: 365',
    ].join('\n'),
    notes:
      'A flow log counts for a VPC when its `ResourceId` references the VPC (`Ref` or `Fn::GetAtt`) and its ' +
      '`ResourceType` is `VPC`. When the flow log exists only under some conditions or parameter values, the VPC is ' +
      'reported for the others. Flow logs on every subnet of the VPC pass; on some subnets or network interfaces only, ' +
      'the VPC is a note that names them. A flow log with `TrafficType: ACCEPT` is a note, since rejected connection ' +
      'attempts are what an investigation looks for first (`REJECT` and `ALL` pass). A `TrafficType` only known at deploy ' +
      'time is not a finding; `--report-unknown` lists it. Flow logs made outside the template cannot be seen: set ' +
      '`assumeFlowLogsExternal` when another stack creates them.',
  },
  check(resource, ctx) {
    if (resource.type === FLOW_LOG) {
      for (const traffic of ctx.value(resource, ['Properties', 'TrafficType'])) {
        if (!ctx.known(traffic, 'TrafficType') || asString(traffic)?.toUpperCase() !== 'ACCEPT') continue;
        ctx.report({ messageId: 'acceptOnly', at: traffic, level: 'note', fix: { text: 'ALL', description: 'Record all traffic' } });
      }
      return;
    }
    if (ctx.options.assumeFlowLogsExternal) return;

    const coverage = coverageOf(ctx, resource, 'VPC');
    for (const root of ctx.value(resource, [])) {
      for (const uncovered of uncoveredCases(ctx, root.assumptions, coverage)) {
        const when = absentVariant([], false, uncovered);
        const partial = partialCoverage(ctx, resource, uncovered);
        if (partial === 'all') continue;
        if (partial) ctx.report({ messageId: 'partial', because: [when], level: 'note', data: { covered: partial } });
        else ctx.report({ messageId: 'noFlowLog', because: [when] });
      }
    }
  },
});

/** The assumptions under which some flow log of this template records `target` as a whole (ResourceType `kind`). */
function coverageOf(ctx: Ctx, target: Resource, kind: string): Assumption[][] {
  const out: Assumption[][] = [];
  for (const { resource: flowLog } of ctx.graph.referrers(target.logicalId, FLOW_LOG, ['Properties', 'ResourceId'])) {
    for (const [id, type] of ctx.each(ctx.value(flowLog, ['Properties', 'ResourceId']), ctx.value(flowLog, ['Properties', 'ResourceType']))) {
      if (id.ref?.logicalId !== target.logicalId) continue;
      // A Ref to this resource only deploys with the matching ResourceType, so an unknown one still counts.
      if (type.kind !== 'unknown' && asString(type)?.toLowerCase() !== kind.toLowerCase()) continue;
      const merged = mergeAssumptions(id.assumptions, type.assumptions);
      if (merged) out.push(merged);
    }
  }
  return out;
}

/**
 * The cases (sets of assumptions) in which none of the `coverage` cases holds, starting from `base`. Each coverage case is
 * broken by negating one of its own assumptions: a condition's other branch, another allowed value of a parameter.
 */
function uncoveredCases(ctx: Ctx, base: Assumption[], coverage: Assumption[][]): Assumption[][] {
  const choices: Assumption[][] = [];
  for (const c of coverage) {
    if (!mergeAssumptions(base, c)) continue; // cannot hold together with base anyway
    const own = c.filter((a) => !base.some((b) => JSON.stringify(a) === JSON.stringify(b)));
    const negations = own.flatMap((a) => negate(ctx, a));
    if (negations.length === 0) return []; // holds whenever base does
    choices.push(negations);
  }
  let cases: Assumption[][] = [base];
  for (const options of choices) {
    const next: Assumption[][] = [];
    for (const prefix of cases) {
      for (const option of options) {
        const merged = mergeAssumptions(prefix, [option]);
        if (merged && next.length < MAX_CASES) next.push(merged);
      }
    }
    cases = next;
  }
  const distinct = new Map<string, Assumption[]>();
  for (const c of cases)
    distinct.set(
      c
        .map((a) => JSON.stringify(a))
        .sort()
        .join('|'),
      c,
    );
  return [...distinct.values()];
}

/** The assumptions that contradict `a`. Given parameter values and mapping keys have none we can name. */
function negate(ctx: Ctx, a: Assumption): Assumption[] {
  if (a.kind === 'condition') return [{ ...a, value: !a.value }];
  if (a.kind !== 'parameter' || a.source === 'given') return [];
  const param = ctx.template.parameters.get(a.name);
  if (!param) return [];
  const others: Assumption[] = (param.allowedValues ?? [])
    .filter((v) => String(v) !== String(a.value) && String(v) !== String(param.default))
    .map((value) => ({ kind: 'parameter', name: a.name, value, source: 'allowed' }));
  if (a.source === 'allowed' && param.default !== undefined && param.default !== null && String(param.default) !== String(a.value)) {
    others.unshift({ kind: 'parameter', name: a.name, value: param.default, source: 'default' });
  }
  return others;
}

/**
 * Flow logs on parts of the VPC in case `when`: 'all' when every subnet of the VPC has one, a description of the
 * covered subnets and network interfaces when only some do, undefined when none do.
 */
function partialCoverage(ctx: Ctx, vpc: Resource, when: Assumption[]): string | undefined {
  const holds = (cases: Assumption[][]) => cases.some((c) => mergeAssumptions(when, c) !== undefined);
  const exists = (r: Resource) => holds(ctx.value(r, []).map((root) => root.assumptions));
  const subnets = unique(ctx.graph.referrers(vpc.logicalId, 'AWS::EC2::Subnet', ['Properties', 'VpcId'])).filter(exists);
  const covered = subnets.filter((s) => holds(coverageOf(ctx, s, 'Subnet')));
  if (subnets.length > 0 && covered.length === subnets.length) return 'all';
  const interfaces = subnets
    .flatMap((s) => unique(ctx.graph.referrers(s.logicalId, 'AWS::EC2::NetworkInterface', ['Properties', 'SubnetId'])))
    .filter((eni) => exists(eni) && holds(coverageOf(ctx, eni, 'NetworkInterface')));
  const parts: string[] = [];
  if (covered.length)
    parts.push(
      `${named(
        'subnet',
        covered.map((s) => s.logicalId),
      )} (${covered.length} of ${subnets.length})`,
    );
  if (interfaces.length)
    parts.push(
      named(
        'network interface',
        interfaces.map((e) => e.logicalId),
      ),
    );
  return parts.length ? parts.join(' and ') : undefined;
}

function unique(found: Array<{ resource: Resource }>): Resource[] {
  return [...new Set(found.map((f) => f.resource))];
}
