import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import { variantWith, type Variant } from '../../src/values/variant.ts';
import { listWords } from '../../src/words.ts';

const SCALABLE_TARGET = 'AWS::ApplicationAutoScaling::ScalableTarget';

// Declared apart from the rule so that the functions below report with checked message ids.
const messages = {
  notScaled:
    'Provisioned table {{logicalId}} has no auto scaling for {{missing}} (BillingMode is {{state}}): its capacity stays fixed, so traffic above it is throttled and capacity below it is paid for idle.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof messages>;

/** One capacity that must scale: of the table (index undefined) or of a global secondary index. */
interface Need {
  index: string | undefined;
  dimension: 'Read' | 'Write';
}

export default defineRule({
  id: 'dynamodb-autoscaling-enabled',
  pillar: 'performance-efficiency',
  level: 'note',
  title: 'Provisioned DynamoDB tables scale capacity automatically',
  rationale:
    'A table in provisioned mode has the read and write capacity it was given, no more and no less: a traffic peak above ' +
    'it is throttled, and every hour below it pays for capacity nobody uses. Auto scaling (or on-demand mode) follows the ' +
    'load, for the table and for each global secondary index, which has capacity of its own.',
  remediation:
    'Switch the table to on-demand (`BillingMode: PAY_PER_REQUEST`), or keep provisioned mode and add an ' +
    '`AWS::ApplicationAutoScaling::ScalableTarget` (with a target-tracking `ScalingPolicy`) for the read and the write ' +
    'capacity of the table and of each global secondary index.\n\n' +
    '```yaml\nBillingMode: PAY_PER_REQUEST\n# or, for each capacity:\nReadScaling:\n  Type: AWS::ApplicationAutoScaling::ScalableTarget\n' +
    '  Properties:\n    ServiceNamespace: dynamodb\n    ResourceId: !Sub table/${OrdersTable}\n' +
    '    ScalableDimension: dynamodb:table:ReadCapacityUnits\n    MinCapacity: 5\n    MaxCapacity: 100\n```',
  wellArchitected: ['PERF02-BP05', 'COST09-BP03', 'REL07-BP01'],
  securityHub: ['DynamoDB.1'],
  appliesTo: ['AWS::DynamoDB::Table'],
  tags: ['cost-optimization', 'reliability'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: ['DynamoDBAutoScalingEnabled'] },
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersTable:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      BillingMode: PROVISIONED',
      '      ProvisionedThroughput: {ReadCapacityUnits: 20, WriteCapacityUnits: 10}',
      '      AttributeDefinitions:',
      '        - {AttributeName: orderId, AttributeType: S}',
      '      KeySchema:',
      '        - {AttributeName: orderId, KeyType: HASH}',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersTable:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
      '      AttributeDefinitions:',
      '        - {AttributeName: orderId, AttributeType: S}',
      '      KeySchema:',
      '        - {AttributeName: orderId, KeyType: HASH}',
    ].join('\n'),
    notes:
      'Applies to tables in provisioned mode (`BillingMode: PROVISIONED`, or not set: the default). A capacity counts as ' +
      'scaled when the template has an `AWS::ApplicationAutoScaling::ScalableTarget` in the `dynamodb` namespace with its ' +
      '`ScalableDimension` (`dynamodb:table:ReadCapacityUnits`, `dynamodb:index:WriteCapacityUnits`...) whose `ResourceId` ' +
      'refers to the table (`!Sub table/${Table}`, a `Fn::Join`, what the CDK writes) or names it (`table/<TableName>`); ' +
      'for an index, the `ResourceId` ends in `/index/<IndexName>`. Whether a scaling policy is attached to the target is ' +
      'not checked. A scalable target whose `ResourceId` is only known at deploy time may cover the table: then the ' +
      'table is listed by `--report-unknown` rather than flagged, and so is a `BillingMode` only known at deploy time. ' +
      'A scalable target with a `Condition` counts for the table. Not checked: `AWS::DynamoDB::GlobalTable`, whose ' +
      'provisioned writes always auto scale (CloudFormation requires `WriteCapacityAutoScalingSettings`).',
  },
  check(table, ctx) {
    const targets = ctx.graph.ofType(SCALABLE_TARGET).filter((t) => ctx.value(t, ['Properties', 'ServiceNamespace']).some((v) => asString(v) === 'dynamodb'));
    for (const billing of ctx.value(table, ['Properties', 'BillingMode'])) {
      if (!ctx.known(billing, 'BillingMode')) continue;
      if (billing.kind === 'literal' && asString(billing) !== 'PROVISIONED') continue;
      const missing = neededCapacities(ctx, table, billing).filter((need) => !targets.some((t) => covers(ctx, t, table, billing, need)));
      if (!missing.length) continue;
      const open = targets.find((t) => opaqueResourceId(ctx, t));
      if (open) {
        ctx.unknown(billing, `the auto scaling of the table (scalable target ${open.logicalId} has a ResourceId only known at deploy time)`);
        continue;
      }
      ctx.report({
        messageId: 'notScaled',
        at: billing.kind === 'absent' ? ['Properties', 'ProvisionedThroughput'] : billing,
        because: [billing],
        data: { missing: missingText(missing), state: billing.kind === 'absent' ? 'not set, and the default is PROVISIONED' : 'PROVISIONED' },
      });
    }
  },
});

/** The capacities of the table and of its global secondary indexes, in the reading of `billing`. */
function neededCapacities(ctx: Ctx, table: Resource, billing: Variant): Need[] {
  const needs: Need[] = [
    { index: undefined, dimension: 'Read' },
    { index: undefined, dimension: 'Write' },
  ];
  for (const gsi of ctx.items(table, ['Properties', 'GlobalSecondaryIndexes'])) {
    if (gsi.kind !== 'literal' || !ctx.each([billing], [gsi]).length) continue;
    for (const name of ctx.value(gsi, ['IndexName'])) {
      const text = asString(name);
      if (text !== undefined) needs.push({ index: text, dimension: 'Read' }, { index: text, dimension: 'Write' });
    }
  }
  return needs;
}

/** Whether a scalable target scales this capacity of the table (and can exist in the reading of `billing`). */
function covers(ctx: Ctx, target: Resource, table: Resource, billing: Variant, need: Need): boolean {
  const dimension = `dynamodb:${need.index === undefined ? 'table' : 'index'}:${need.dimension}CapacityUnits`;
  if (!ctx.value(target, ['Properties', 'ScalableDimension']).some((v) => asString(v) === dimension)) return false;
  if (target.condition && !ctx.each([billing], [variantWith(billing, { assumptions: [{ kind: 'condition', name: target.condition, value: true }] })]).length) {
    return false;
  }
  const index = indexOf(target);
  if (index !== need.index) return false;
  if (ctx.graph.referrers(table.logicalId, SCALABLE_TARGET, ['Properties', 'ResourceId']).some(({ resource }) => resource === target)) return true;
  // By name: table/<TableName>[/index/<IndexName>].
  const names = ctx.value(table, ['Properties', 'TableName']).map(asString);
  return ctx.value(target, ['Properties', 'ResourceId']).some((id) => {
    const text = asString(id);
    return text !== undefined && names.some((name) => name !== undefined && text.split('/')[1] === name);
  });
}

/** The index a target's ResourceId names (`.../index/<name>`), read from the value as written (it refers to the table). */
function indexOf(target: Resource): string | undefined {
  const written = JSON.stringify(target.properties?.ResourceId ?? '');
  return /\/index\/([A-Za-z0-9_.-]+)/.exec(written)?.[1];
}

/** A dynamodb target whose ResourceId neither refers to a resource of the template nor is a known string. */
function opaqueResourceId(ctx: Ctx, target: Resource): boolean {
  if (ctx.graph.edgesFrom(target.logicalId).some((e) => e.path[1] === 'ResourceId')) return false;
  return ctx.value(target, ['Properties', 'ResourceId']).some((v) => v.kind === 'unknown');
}

function missingText(missing: Need[]): string {
  const byIndex = new Map<string | undefined, string[]>();
  for (const need of missing) byIndex.set(need.index, [...(byIndex.get(need.index) ?? []), need.dimension.toLowerCase()]);
  return listWords(
    [...byIndex].map(
      ([index, dims]) =>
        `${index === undefined ? 'its' : `the`} ${listWords(dims, 'and')} capacity${index === undefined ? '' : ` of index ${valueText(index)}`}`,
    ),
    'and',
  );
}
