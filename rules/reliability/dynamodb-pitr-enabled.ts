import { defineRule } from '../../src/engine/rule.ts';
import { requireValue } from '../../src/rule-helpers/require.ts';
import { asBoolean, asString } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';

const PITR = ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled'];

export default defineRule({
  id: 'dynamodb-pitr-enabled',
  pillar: 'reliability',
  level: 'warning',
  title: 'DynamoDB tables have point-in-time recovery',
  rationale:
    'Point-in-time recovery keeps continuous backups of a table for up to 35 days, so a bad deployment, a buggy batch job ' +
    'or a mistaken delete of items can be undone to the second. Without it, the only way back is an on-demand backup, if ' +
    'someone took one.',
  remediation:
    'Turn on point-in-time recovery on the table (on every replica of a global table). A SAM `AWS::Serverless::SimpleTable` ' +
    'cannot turn it on: declare an `AWS::DynamoDB::Table` instead.\n\n' +
    '```yaml\nPointInTimeRecoverySpecification:\n  PointInTimeRecoveryEnabled: true\n```',
  wellArchitected: ['REL09-BP03', 'REL09-BP01'],
  securityHub: ['DynamoDB.2'],
  appliesTo: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Serverless::SimpleTable'],
  peers: {
    checkov: [
      { id: 'CKV_AWS_28', resourceTypes: ['AWS::DynamoDB::Table'] },
      { id: 'CKV_AWS_165', resourceTypes: ['AWS::DynamoDB::GlobalTable'] },
    ],
    cfn_nag: [{ id: 'W78', resourceTypes: ['AWS::DynamoDB::Table'] }], // backup/PITR of DynamoDB::Table only
    cdk_nag: ['AwsSolutions-DDB3', 'DynamoDBPITREnabled'],
  },
  messages: {
    noPitr: 'DynamoDB table {{logicalId}} cannot restore deleted or overwritten items: PointInTimeRecoveryEnabled is {{state}}.',
    replicaNoPitr:
      'Global table {{logicalId}} cannot restore deleted or overwritten items in its replica in {{region}}: PointInTimeRecoveryEnabled is {{state}} there.',
    simpleTable:
      'SAM simple table {{logicalId}} cannot have point-in-time recovery (AWS::Serverless::SimpleTable has no such property): declare an AWS::DynamoDB::Table with PointInTimeRecoveryEnabled true if its items must be restorable.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersTable:',
      '    Type: AWS::DynamoDB::Table',
      '    DeletionPolicy: Retain',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
      '      AttributeDefinitions:',
      '        - {AttributeName: orderId, AttributeType: S}',
      '      KeySchema:',
      '        - {AttributeName: orderId, KeyType: HASH}',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersTable:',
      '    Type: AWS::DynamoDB::Table',
      '    DeletionPolicy: Retain',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
      '      AttributeDefinitions:',
      '        - {AttributeName: orderId, AttributeType: S}',
      '      KeySchema:',
      '        - {AttributeName: orderId, KeyType: HASH}',
      '      PointInTimeRecoverySpecification:',
      '        PointInTimeRecoveryEnabled: true',
    ].join('\n'),
    notes:
      'For an `AWS::DynamoDB::GlobalTable` (what the CDK `TableV2` construct writes) every replica is checked: point-in-time ' +
      'recovery is set per replica, under `Replicas[].PointInTimeRecoverySpecification`. A SAM `AWS::Serverless::SimpleTable` ' +
      'has no point-in-time recovery property at all, so it always gets a message of its own advising an ' +
      '`AWS::DynamoDB::Table`; suppress it for tables whose items are disposable (caches, sessions). A value that is only ' +
      'known at deploy time (an import, a parameter without a Default) is not a finding; `--report-unknown` lists it.',
  },
  check(table, ctx) {
    if (table.type === 'AWS::Serverless::SimpleTable') {
      ctx.report({ messageId: 'simpleTable', at: ['Type'] });
      return;
    }
    const requirement = {
      what: 'PointInTimeRecoveryEnabled',
      ok: (v: Parameters<typeof asBoolean>[0]) => asBoolean(v) === true,
      absent: 'the default is false',
      fix: { text: 'true', description: 'Turn on point-in-time recovery' },
    } as const;
    if (table.type === 'AWS::DynamoDB::Table') {
      requireValue(ctx, table, { ...requirement, path: ['Properties', ...PITR], messageId: 'noPitr' });
      return;
    }
    for (const replica of ctx.items(table, ['Properties', 'Replicas'])) {
      if (!ctx.known(replica, 'a replica of the global table') || replica.kind !== 'literal') continue;
      for (const region of ctx.value(replica, ['Region'])) {
        const name = asString(region);
        const label = region.pseudo === 'AWS::Region' ? "the stack's Region" : name !== undefined ? valueText(name) : 'a Region known only at deploy time';
        requireValue(ctx, replica, { ...requirement, path: PITR, messageId: 'replicaNoPitr', data: { region: label }, because: [region] });
      }
    }
  },
});
