import { defineRule } from '../../src/engine/rule.ts';
import { launchersOf } from '../../src/rule-helpers/launchers.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import { asString, isSet } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import type { Variant } from '../../src/values/variant.ts';
import { listWords } from '../../src/words.ts';

/** Where a group names a launch template and its version. */
const SPECS = [
  ['Properties', 'LaunchTemplate'],
  ['Properties', 'MixedInstancesPolicy', 'LaunchTemplate', 'LaunchTemplateSpecification'],
] as const;

export default defineRule({
  id: 'autoscaling-launch-template',
  pillar: 'operational-excellence',
  level: 'warning',
  title: 'Auto Scaling groups use launch templates, not launch configurations',
  rationale:
    'Launch configurations are being retired: they support no instance types added since 2023-01-01, and accounts ' +
    'created on or after 2024-10-01 cannot create them by any means, CloudFormation included (so a template that declares one fails to deploy there), and ' +
    'they lack what launch templates offer (versions, mixed instances and Spot, IMDSv2 defaults, newer features). A ' +
    'launch template pinned to a version number also lets CloudFormation roll the group when the template changes.',
  remediation:
    'Replace the launch configuration with an `AWS::EC2::LaunchTemplate` holding the same settings, and point the group ' +
    "at it with the template's `LatestVersionNumber`, with an update policy for rolling replacements.\n\n" +
    '```yaml\nLaunchTemplate:\n  LaunchTemplateId: !Ref WebLaunchTemplate\n  Version: !GetAtt WebLaunchTemplate.LatestVersionNumber\n' +
    '# and on the group:\nUpdatePolicy:\n  AutoScalingRollingUpdate: {MinInstancesInService: 1, MaxBatchSize: 1}\n```',
  wellArchitected: ['OPS05-BP03', 'REL08-BP04'],
  securityHub: ['AutoScaling.9'],
  securitySeverity: '2.0',
  appliesTo: ['AWS::AutoScaling::AutoScalingGroup', 'AWS::AutoScaling::LaunchConfiguration'],
  tags: ['reliability', 'security'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    groupUsesConfiguration:
      'Auto Scaling group {{logicalId}} launches from launch configuration {{configuration}}: launch configurations get no instance types added since 2023-01-01 and cannot be created in accounts created on or after 2024-10-01; use a launch template.',
    configuration:
      'Launch configuration {{logicalId}} cannot be created in accounts created on or after 2024-10-01 and gets no instance types added since 2023-01-01: replace it with a launch template.',
    floatingVersion:
      "Auto Scaling group {{logicalId}} launches from launch template version {{state}}, which CloudFormation does not support here: a change to the template neither updates the group nor rolls its instances; use the template's LatestVersionNumber.",
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  WebConfig:',
      '    Type: AWS::AutoScaling::LaunchConfiguration',
      '    Properties:',
      '      ImageId: ami-0123456789abcdef0',
      '      InstanceType: m7g.large',
      '      SecurityGroups: [sg-0123456789abcdef0]',
      '  WebGroup:',
      '    Type: AWS::AutoScaling::AutoScalingGroup',
      '    Properties:',
      '      LaunchConfigurationName: !Ref WebConfig',
      '      MinSize: "2"',
      '      MaxSize: "6"',
      '      VPCZoneIdentifier: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  WebTemplate:',
      '    Type: AWS::EC2::LaunchTemplate',
      '    Properties:',
      '      LaunchTemplateData:',
      '        ImageId: ami-0123456789abcdef0',
      '        InstanceType: m7g.large',
      '        SecurityGroupIds: [sg-0123456789abcdef0]',
      '  WebGroup:',
      '    Type: AWS::AutoScaling::AutoScalingGroup',
      '    UpdatePolicy:',
      '      AutoScalingRollingUpdate: {MinInstancesInService: 1, MaxBatchSize: 1}',
      '    Properties:',
      '      LaunchTemplate:',
      '        LaunchTemplateId: !Ref WebTemplate',
      '        Version: !GetAtt WebTemplate.LatestVersionNumber',
      '      MinSize: "2"',
      '      MaxSize: "6"',
      '      VPCZoneIdentifier: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]',
    ].join('\n'),
    notes:
      'A group that names a launch configuration (`LaunchConfigurationName`) is flagged at that property; a launch ' +
      'configuration that no group of the template uses is flagged itself (a group elsewhere may use it, and it cannot be ' +
      'created in accounts created on or after 2024-10-01 either way). CDK apps still synthesize launch configurations: an ' +
      '`autoscaling.AutoScalingGroup` created without `launchTemplate` or `mixedInstancesPolicy` makes one unless the ' +
      "app's `cdk.json` sets the feature flag `@aws-cdk/aws-autoscaling:generateLaunchTemplateInsteadOfLaunchConfig` " +
      '(projects started before the flag existed usually do not). A second message, a note, flags a ' +
      'launch template version of `$Latest` or `$Default`: the CloudFormation reference says these are not supported for ' +
      '`Version`, and with them a change to the template does not update the group or start a rolling update. ' +
      'Deviation from the catalog: the catalog has no AWS dates; the messages name them, from the EC2 Auto Scaling ' +
      'User Guide\'s "Auto Scaling launch configurations" page (no instance types added since 2023-01-01; no new launch ' +
      'configurations by any method in accounts created on or after 2024-10-01). A value only known at deploy ' +
      'time is not a finding; `--report-unknown` lists it.',
  },
  check(resource, ctx) {
    if (resource.type === 'AWS::AutoScaling::LaunchConfiguration') {
      // A group of this template that uses it is flagged instead (once, where the fix goes).
      if (launchersOf(ctx, resource).length === 0) ctx.report({ messageId: 'configuration', at: ['Type'] });
      return;
    }
    const names = ctx.value(resource, ['Properties', 'LaunchConfigurationName']);
    const named = (name: Variant) => name.ref?.logicalId ?? (name.kind === 'literal' ? valueText(asString(name)) : 'named at deploy time');
    if (names.length > 1 && names.every(isSet)) {
      // Every branch names a launch configuration (e.g. one per software version): one finding that names them all.
      const configuration = listWords([...new Set(names.map(named))], 'or');
      ctx.report({ messageId: 'groupUsesConfiguration', at: ['Properties', 'LaunchConfigurationName'], data: { configuration } });
    } else {
      for (const name of names) {
        if (isSet(name)) ctx.report({ messageId: 'groupUsesConfiguration', at: name, data: { configuration: named(name) } });
      }
    }
    for (const spec of SPECS) {
      for (const version of ctx.value(resource, [...spec, 'Version'])) {
        // An attribute of a launch template (LatestVersionNumber, DefaultVersionNumber) is a version number.
        if (version.ref || !ctx.known(version, 'the launch template version')) continue;
        const text = asString(version);
        if (text !== '$Latest' && text !== '$Default') continue;
        ctx.report({ messageId: 'floatingVersion', level: 'note', at: version, data: { state: stateText(version) } });
      }
    }
  },
});
