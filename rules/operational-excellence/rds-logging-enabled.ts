import { option, type OptionsOf } from '../../src/engine/options.ts';
import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { rdsKind } from '../../src/rule-helpers/rds.ts';
import { stateText } from '../../src/rule-helpers/require.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString } from '../../src/values/coerce.ts';
import type { Variant } from '../../src/values/variant.ts';
import { listWords } from '../../src/words.ts';

/** The log types Security Hub expects per engine family (RDS.9, RDS.34, RDS.36, RDS.37 and the AWS Config rule). */
function expectedLogTypes(engine: string): string[] | undefined {
  const e = engine.toLowerCase();
  if (e === 'aurora-postgresql' || e === 'postgres') return ['postgresql'];
  if (e === 'aurora-mysql' || e === 'aurora' || e === 'mysql' || e === 'mariadb') return ['audit', 'error', 'general', 'slowquery'];
  if (e.startsWith('oracle-')) return ['alert', 'audit', 'listener', 'trace'];
  if (e.startsWith('sqlserver-')) return ['agent', 'error'];
  if (e.startsWith('db2-')) return ['diag.log', 'notify.log'];
  return undefined;
}

const options = {
  requireAllLogTypes: option.boolean({
    description:
      'Also require every log type Security Hub expects for the engine (MySQL and MariaDB: audit, error, general, slowquery; PostgreSQL: postgresql; Oracle: alert, audit, listener, trace; SQL Server: agent, error), not just one.',
    default: false,
  }),
};

const messages = {
  noExports:
    '{{kind}} {{logicalId}} exports no database logs to CloudWatch Logs: EnableCloudwatchLogsExports is {{state}}, so its errors and slow queries are not kept or searchable ({{suggestion}}).',
  missingTypes: '{{kind}} {{logicalId}} does not export the {{missing}} log types of {{engine}} to CloudWatch Logs, which requireAllLogTypes asks for.',
} as const;

type Ctx = RuleContext<OptionsOf<typeof options>, typeof messages>;

export default defineRule({
  id: 'rds-logging-enabled',
  pillar: 'operational-excellence',
  level: 'note',
  title: 'RDS exports database logs to CloudWatch Logs',
  rationale:
    'RDS keeps database logs on the instance for a short time and rotates them away. Exported to CloudWatch Logs they are ' +
    'kept as long as the log group says, can be searched and alarmed on, and survive the instance: the error log and slow ' +
    'query log explain most incidents, and audit logs are evidence for security reviews.',
  remediation:
    'List the log types of the engine in `EnableCloudwatchLogsExports` (on the DB cluster for Aurora and Multi-AZ DB ' +
    'clusters). For MySQL and MariaDB the general, slow query and audit logs must also be turned on in the parameter or ' +
    'option group.\n\n```yaml\nEnableCloudwatchLogsExports: [error, slowquery]   # mysql\n# postgres: [postgresql]\n```',
  wellArchitected: ['OPS08-BP02', 'SEC04-BP01'],
  securityHub: ['RDS.9', 'RDS.34', 'RDS.36', 'RDS.37'],
  securitySeverity: '3.0',
  appliesTo: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  tags: ['security'],
  peers: {
    checkov: [],
    cfn_nag: [],
    cdk_nag: [
      // Some log export on DB instances and clusters (HIPAA, NIST and PCI packs).
      { id: 'RDSLoggingEnabled', messages: ['noExports'] },
      // Aurora MySQL serverless clusters export logs.
      { id: 'AwsSolutions-RDS16', resourceTypes: ['AWS::RDS::DBCluster'], messages: ['noExports'] },
    ],
  },
  options,
  messages,
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersDb:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: mysql',
      '      DBInstanceClass: db.m7g.large',
      '      AllocatedStorage: "100"',
      '      MultiAZ: true',
      '      StorageEncrypted: true',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersDb:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: mysql',
      '      DBInstanceClass: db.m7g.large',
      '      AllocatedStorage: "100"',
      '      MultiAZ: true',
      '      StorageEncrypted: true',
      '      EnableCloudwatchLogsExports: [error, slowquery]',
    ].join('\n'),
    notes:
      'By default one exported log type passes; with `requireAllLogTypes: true` every log type Security Hub expects for ' +
      'the engine is required (MySQL, MariaDB and Aurora MySQL: audit, error, general, slowquery; PostgreSQL and Aurora ' +
      'PostgreSQL: postgresql; Oracle: alert, audit, listener, trace; SQL Server: agent, error; Db2: diag.log, ' +
      'notify.log). Members of a DB cluster and Aurora instances are not checked: their logs are exported by the cluster, ' +
      'which is. Not applicable: RDS Custom (`custom-*`) and Aurora Serverless v1 clusters (`EngineMode: serverless`), ' +
      'which upload their logs as the cluster parameter group says. The fixtures of this rule run with `requireAllLogTypes: true`. ' +
      'An engine or list known only at deploy time is not a finding; `--report-unknown` lists it.',
  },
  check(db, ctx) {
    for (const reading of rdsKind(ctx, db)) {
      if (reading.kind === 'cluster-member' || reading.kind === 'aurora-instance') continue;
      if (reading.kind === 'unknown') {
        ctx.unknown(reading.by, 'the engine');
        continue;
      }
      // Aurora Serverless v1 uploads its logs as its cluster parameter group says; it has no log exports to set.
      if (ctx.value(db, ['Properties', 'EngineMode']).some((m) => asString(m)?.toLowerCase() === 'serverless')) continue;
      const kind = reading.kind === 'cluster' ? 'DB cluster' : reading.kind === 'read-replica' ? 'Read replica' : 'DB instance';
      checkExports(ctx, db, kind, reading.because);
    }
  },
});

function checkExports(ctx: Ctx, db: Resource, kind: string, because: Variant[]): void {
  const prop = (name: string) => ctx.value(db, ['Properties', name]);
  for (const [engine, exports, ...rest] of ctx.each(prop('Engine'), prop('EnableCloudwatchLogsExports'), ...because.map((b) => [b]))) {
    // A read replica's engine is its source's: without Engine its expected log types are not known.
    const engineName = asString(engine);
    if (engineName?.toLowerCase().startsWith('custom-')) continue;
    if (!ctx.known(exports, 'EnableCloudwatchLogsExports')) continue;
    const types = exports.kind === 'literal' ? ctx.items(exports, []) : [];
    const unknownType = types.find((t) => t.kind === 'unknown');
    if (unknownType) {
      ctx.unknown(unknownType, 'EnableCloudwatchLogsExports');
      continue;
    }
    const names = types.map(asString).filter((n): n is string => n !== undefined);
    const expected = engineName ? expectedLogTypes(engineName) : undefined;
    if (names.length === 0) {
      ctx.report({
        messageId: 'noExports',
        at: exports,
        because: [engine, ...rest],
        data: {
          kind,
          state: stateText(exports, 'nothing is exported'),
          suggestion: expected
            ? `log types of ${engineName}: ${listWords(expected)}`
            : engineName
              ? `see the log types of ${engineName} in the RDS documentation`
              : 'the log types depend on the engine of its source',
        },
      });
      continue;
    }
    if (!ctx.options.requireAllLogTypes || !expected || !engineName) continue;
    const missing = expected.filter((t) => !names.includes(t));
    if (missing.length === 0) continue;
    ctx.report({
      messageId: 'missingTypes',
      at: exports,
      because: [engine, ...rest],
      data: { kind, engine: engineName, missing: listWords(missing) },
    });
  }
}
