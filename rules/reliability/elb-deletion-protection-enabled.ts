import { defineRule } from '../../src/engine/rule.ts';
import { attributeValue } from '../../src/rule-helpers/attributes.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import { asBoolean } from '../../src/values/coerce.ts';
import { loadBalancerName, loadBalancerType } from '../../src/rule-helpers/resources.ts';

const KEY = 'deletion_protection.enabled';

export default defineRule({
  id: 'elb-deletion-protection-enabled',
  pillar: 'reliability',
  level: 'note',
  title: 'Application, Network and Gateway Load Balancers have deletion protection',
  rationale:
    'Deleting a load balancer by mistake takes every application behind it offline, and a new one comes back with a new ' +
    'DNS name that clients, alias records and allow lists do not know. With deletion protection on, a delete call is ' +
    'refused until someone turns the attribute off on purpose.',
  remediation:
    'Set the `deletion_protection.enabled` load balancer attribute to `true` (turn it off first when the stack, or the load ' +
    'balancer, is meant to be deleted).\n\n```yaml\nLoadBalancerAttributes:\n  - Key: deletion_protection.enabled\n    Value: "true"\n```',
  wellArchitected: ['REL09-BP01', 'OPS06-BP01'],
  securityHub: ['ELB.6'],
  appliesTo: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  tags: ['operational-excellence'],
  peers: {
    checkov: [],
    cfn_nag: [],
    cdk_nag: ['ELBDeletionProtectionEnabled'], // the attribute on ELBv2 load balancers (HIPAA, NIST, PCI packs)
    guard: ['ELB_DELETION_PROTECTION_ENABLED'],
  },
  messages: {
    unprotected: '{{kind}} {{logicalId}} can be deleted by a single API call, taking its applications offline: {{key}} is {{state}}.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  WebAlb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties:',
      '      Scheme: internet-facing',
      '      Subnets: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '      SecurityGroups: [sg-0a1b2c3d4e5f60718]',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  WebAlb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties:',
      '      Scheme: internet-facing',
      '      Subnets: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]',
      '      SecurityGroups: [sg-0a1b2c3d4e5f60718]',
      '      LoadBalancerAttributes:',
      '        - Key: deletion_protection.enabled',
      '          Value: "true"',
    ].join('\n'),
    notes:
      'Applies to Application, Network and Gateway Load Balancers (all three support the attribute; the catalog named ' +
      'only the first two). Classic Load Balancers have no deletion protection. The rule is a note: stacks that are ' +
      'torn down routinely (development, test, preview environments) can turn it off in their configuration or suppress it ' +
      'with a reason in the resource `Metadata`; the catalog suggested an `environments` option, left out because the ' +
      'template does not say which environment it is deployed to. An attribute list or value known only at deploy time ' +
      '(a parameter without a Default, an import) is not a finding; `--report-unknown` lists it.',
  },
  check(lb, ctx) {
    for (const [type, setting] of ctx.each(ctx.value(lb, ['Properties', 'Type']), attributeValue(ctx, lb, ['Properties', 'LoadBalancerAttributes'], KEY))) {
      if (!ctx.known(setting, KEY) || asBoolean(setting) === true) continue;
      // The type only names the load balancer in the message: one known only at deploy time is "Load balancer".
      ctx.report({
        messageId: 'unprotected',
        at: setting,
        because: [type],
        data: { kind: loadBalancerName(loadBalancerType(type)), key: KEY, state: stateText(setting, 'the default is false') },
        fix: setting.kind === 'literal' ? { text: '"true"', description: 'Turn on deletion protection' } : undefined,
      });
    }
  },
});
