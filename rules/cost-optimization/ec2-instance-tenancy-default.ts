import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { usedBy } from '../../src/rule-helpers/launchers.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString, isSet } from '../../src/values/coerce.ts';

const messages = {
  dedicated:
    '{{subject}} runs on Dedicated Instances (tenancy {{state}}): they cost more per hour, plus a per-Region fee while any runs; keep them only for a licensing or compliance need.',
  host: '{{subject}} runs on Dedicated Hosts ({{state}}): a Dedicated Host is billed whole, used or not; keep it only for a licensing or compliance need.',
  vpc: 'VPC {{logicalId}} has InstanceTenancy {{state}}: every instance launched in it is a Dedicated Instance, whatever its own tenancy, at a higher price plus a per-Region fee; keep it only for a licensing or compliance need.',
  dedicatedHost:
    'Dedicated Host {{logicalId}} is billed for the whole physical server whether instances use it or not: keep it only for a licensing or compliance need, and release it when idle.',
} as const;

type Context = RuleContext<Record<string, never>, typeof messages>;

const DEDICATED_FIX = { text: 'default', description: 'Use shared (default) tenancy' };

export default defineRule({
  id: 'ec2-instance-tenancy-default',
  pillar: 'cost-optimization',
  level: 'note',
  title: 'Dedicated tenancy is used only deliberately',
  rationale:
    'Dedicated Instances run on hardware no other account uses: they cost more per hour and add a per-Region fee for ' +
    'every hour any of them runs. A Dedicated Host is billed for the whole server, used or not. Both are right for ' +
    'per-socket or per-core licences and some compliance regimes, and a cost without benefit otherwise; a VPC with ' +
    'dedicated tenancy makes every instance in it dedicated.',
  remediation:
    'Use the default (shared) tenancy unless a licence or a compliance requirement needs single-tenant hardware, and say ' +
    'so in a suppression reason where it does.\n\n```yaml\nInstanceTenancy: default   # VPC; Tenancy: default on an instance\n```',
  wellArchitected: ['COST07-BP01', 'COST05-BP05'],
  appliesTo: ['AWS::EC2::VPC', 'AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::EC2::Host'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  AppVpc:',
      '    Type: AWS::EC2::VPC',
      '    Properties:',
      '      CidrBlock: 10.0.0.0/16',
      '      EnableDnsSupport: true',
      '      EnableDnsHostnames: true',
      '      InstanceTenancy: dedicated',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  AppVpc:',
      '    Type: AWS::EC2::VPC',
      '    Properties:',
      '      CidrBlock: 10.0.0.0/16',
      '      EnableDnsSupport: true',
      '      EnableDnsHostnames: true',
      '      InstanceTenancy: default',
    ].join('\n'),
    notes:
      'A note that asks for a reason: dedicated tenancy is sometimes required (licences counted per socket or core, ' +
      "compliance regimes), and a suppression with that reason records it. Checked: a VPC's `InstanceTenancy`, an " +
      "instance's `Tenancy`, `HostId`, `HostResourceGroupArn` and `Affinity`, a launch template's `Placement` (the same " +
      "keys), a launch configuration's `PlacementTenancy`, and every `AWS::EC2::Host` (an allocated Dedicated Host; an " +
      'instance placed on a host of the same template is not reported again, as the host is what is billed). ' +
      'Absent tenancy is `default` (shared) and passes. Reserved Instances and Savings Plans are purchases outside the ' +
      'template and are not checked. A tenancy only known at deploy time is not a finding; `--report-unknown` lists it.',
  },
  check(resource, ctx) {
    const id = resource.logicalId;
    switch (resource.type) {
      case 'AWS::EC2::VPC':
        for (const tenancy of ctx.value(resource, ['Properties', 'InstanceTenancy'])) {
          if (!ctx.known(tenancy, 'InstanceTenancy') || asString(tenancy)?.toLowerCase() !== 'dedicated') continue;
          ctx.report({
            messageId: 'vpc',
            at: tenancy,
            data: { state: stateText(tenancy) },
            fix: tenancy.kind === 'literal' ? DEDICATED_FIX : undefined,
          });
        }
        return;
      case 'AWS::EC2::Host':
        ctx.report({ messageId: 'dedicatedHost', at: ['Type'] });
        return;
      case 'AWS::EC2::Instance':
        checkPlacement(ctx, resource, ['Properties'], 'Tenancy', `Instance ${id}`);
        return;
      case 'AWS::EC2::LaunchTemplate':
        checkPlacement(ctx, resource, ['Properties', 'LaunchTemplateData', 'Placement'], 'Tenancy', `Launch template ${id}${usedBy(ctx, resource)}`);
        return;
      case 'AWS::AutoScaling::LaunchConfiguration':
        checkPlacement(ctx, resource, ['Properties'], 'PlacementTenancy', `Launch configuration ${id}${usedBy(ctx, resource)}`);
        return;
    }
  },
});

/** Tenancy (dedicated or host), or a host named by id, host resource group or affinity (host tenancy). */
function checkPlacement(ctx: Context, resource: Resource, base: string[], key: string, subject: string): void {
  const prop = (name: string) => ctx.value(resource, [...base, name]);
  for (const [tenancy, hostId, group, affinity] of ctx.each(prop(key), prop('HostId'), prop('HostResourceGroupArn'), prop('Affinity'))) {
    if (!ctx.known(tenancy, key)) continue;
    const value = asString(tenancy)?.toLowerCase();
    if (value === 'dedicated') {
      ctx.report({
        messageId: 'dedicated',
        at: tenancy,
        data: { subject, state: stateText(tenancy) },
        fix: tenancy.kind === 'literal' ? DEDICATED_FIX : undefined,
      });
    } else if (value === 'host') {
      ctx.report({ messageId: 'host', at: tenancy, data: { subject, state: `tenancy ${stateText(tenancy)}` } });
    } else if (tenancy.kind === 'absent') {
      // Naming a host (or a host resource group, or host affinity) places the instance on a Dedicated Host.
      const named = [
        [hostId, 'HostId'],
        [group, 'HostResourceGroupArn'],
      ] as const;
      const by = named.find(([v]) => isSet(v));
      // A host of this template is reported itself, and the instances on it add nothing to its bill.
      if (by && ctx.template.resources.get(by[0].ref?.logicalId ?? '')?.type === 'AWS::EC2::Host') continue;
      if (by) ctx.report({ messageId: 'host', at: by[0], because: [tenancy], data: { subject, state: `${by[1]} is set` } });
      else if (affinity.kind === 'literal' && asString(affinity)?.toLowerCase() === 'host') {
        ctx.report({ messageId: 'host', at: affinity, because: [tenancy], data: { subject, state: 'Affinity is host' } });
      }
    }
  }
}
