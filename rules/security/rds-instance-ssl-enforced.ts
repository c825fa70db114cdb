import { defineRule, type RuleContext } from '../../src/engine/rule.ts';
import { rdsKind } from '../../src/rule-helpers/rds.ts';
import type { Resource } from '../../src/template/model.ts';
import { asString } from '../../src/values/coerce.ts';
import { valueText } from '../../src/values/quote.ts';
import { mergeAssumptions, variantWith, type Variant } from '../../src/values/variant.ts';

/** The engines whose TLS requirement is a parameter, and how its default depends on the engine version. */
type Engine = 'postgres' | 'aurora-postgresql' | 'mysql' | 'mariadb' | 'aurora-mysql' | 'sqlserver';

interface Version {
  major: number;
  minor: number;
}

const PARAMETER: Record<Engine, string> = {
  postgres: 'rds.force_ssl',
  'aurora-postgresql': 'rds.force_ssl',
  sqlserver: 'rds.force_ssl',
  mysql: 'require_secure_transport',
  mariadb: 'require_secure_transport',
  'aurora-mysql': 'require_secure_transport',
};

const LABEL: Record<Engine, string> = {
  postgres: 'RDS for PostgreSQL',
  'aurora-postgresql': 'Aurora PostgreSQL',
  sqlserver: 'RDS for SQL Server',
  mysql: 'RDS for MySQL',
  mariadb: 'RDS for MariaDB',
  'aurora-mysql': 'Aurora MySQL',
};

/** Oracle and Db2 use an option group (SSL option), custom engines are managed by the user: not applicable. */
function engineOf(name: string): Engine | undefined {
  const engine = name.toLowerCase();
  if (engine === 'postgres' || engine === 'mysql' || engine === 'mariadb' || engine === 'aurora-postgresql' || engine === 'aurora-mysql') return engine;
  if (engine === 'aurora') return 'aurora-mysql'; // Aurora MySQL 5.6
  if (engine.startsWith('sqlserver-')) return 'sqlserver';
  return undefined;
}

/** "15.4" -> 15.4; "8.0.mysql_aurora.3.05.2" -> 8.0; a parameter group family "postgres15" / "mysql8.0" -> 15 / 8.0. */
function parseVersion(text: string, family = false): Version | undefined {
  const match = (family ? /(\d+)(?:\.(\d+))?$/ : /^(\d+)(?:\.(\d+))?/).exec(text.trim());
  return match ? { major: Number(match[1]), minor: Number(match[2] ?? 0) } : undefined;
}

const atLeast = (v: Version, major: number, minor = 0) => v.major > major || (v.major === major && v.minor >= minor);

/**
 * Whether the engine's default parameter group requires TLS: true, false, or undefined when that depends on a version
 * that is not known (`version` undefined means the version RDS picks by default).
 */
function requiredByDefault(engine: Engine, version: Version | undefined): boolean | undefined {
  switch (engine) {
    case 'postgres':
      // rds.force_ssl defaults to 1 from PostgreSQL 15, and every major version RDS creates by default is 15 or later.
      return version ? version.major >= 15 : true;
    case 'mysql':
      // require_secure_transport defaults to ON from MySQL 9.7; which major RDS picks by default is not fixed.
      return version ? atLeast(version, 9, 7) : undefined;
    case 'mariadb':
      // ON by default from MariaDB 11.8.
      return version ? atLeast(version, 11, 8) : undefined;
    default:
      // Aurora PostgreSQL, Aurora MySQL and SQL Server default to 0 / OFF.
      return false;
  }
}

/** The engines whose default depends on the major version. */
const VERSIONED = new Set<Engine>(['postgres', 'mysql', 'mariadb']);

const isOn = (v: Variant) => ['1', 'on', 'true'].includes(asString(v)?.trim().toLowerCase() ?? '');

const MESSAGES = {
  inGroup: '{{kind}} {{logicalId}} accepts unencrypted connections: {{parameter}} is {{state}} in parameter group {{group}}.',
  defaultGroup: '{{kind}} {{logicalId}} accepts unencrypted connections: it uses the default parameter group, where {{parameter}} is {{value}} for {{engine}}.',
} as const;

type Ctx = RuleContext<Record<string, never>, typeof MESSAGES>;

export default defineRule({
  id: 'rds-instance-ssl-enforced',
  pillar: 'security',
  level: 'warning',
  title: 'RDS connections require TLS',
  rationale:
    'RDS offers TLS on every connection but, unless the parameter group requires it, also accepts clients that connect ' +
    'without it: a misconfigured client or driver then sends credentials and query results in the clear across the ' +
    'network. Requiring TLS on the server side turns such a connection into an error instead of a silent leak.',
  remediation:
    'Attach a parameter group that requires TLS: `rds.force_ssl: 1` for PostgreSQL and SQL Server, ' +
    '`require_secure_transport: 1` for MySQL and MariaDB; for Aurora and Multi-AZ DB clusters, set it in the DB ' +
    'cluster parameter group.\n\n' +
    "```yaml\nDbParams:\n  Type: AWS::RDS::DBParameterGroup\n  Properties:\n    Family: mysql8.0\n    Description: enforce TLS\n    Parameters:\n      require_secure_transport: '1'\nDatabase:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    DBParameterGroupName: !Ref DbParams\n```",
  wellArchitected: ['SEC09-BP02'],
  securityHub: ['RDS.38', 'RDS.39'],
  securitySeverity: '6.5',
  appliesTo: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  peers: {
    // CKV2_AWS_69: a DB instance's parameter group sets rds.force_ssl / require_secure_transport.
    checkov: [{ id: 'CKV2_AWS_69', resourceTypes: ['AWS::RDS::DBInstance'] }],
    cfn_nag: [],
    cdk_nag: [],
  },
  messages: MESSAGES,
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersDb:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: mysql',
      '      EngineVersion: "8.0.40"',
      '      DBInstanceClass: db.m7g.large',
      '      AllocatedStorage: "100"',
      '      StorageEncrypted: true',
      '      ManageMasterUserPassword: true',
      '      MasterUsername: admin',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersDbParams:',
      '    Type: AWS::RDS::DBParameterGroup',
      '    Properties:',
      '      Family: mysql8.0',
      '      Description: Orders database, TLS required',
      '      Parameters:',
      '        require_secure_transport: "1"',
      '  OrdersDb:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: mysql',
      '      EngineVersion: "8.0.40"',
      '      DBInstanceClass: db.m7g.large',
      '      AllocatedStorage: "100"',
      '      StorageEncrypted: true',
      '      ManageMasterUserPassword: true',
      '      MasterUsername: admin',
      '      DBParameterGroupName: !Ref OrdersDbParams',
    ].join('\n'),
    notes:
      'Which parameter: `rds.force_ssl` for PostgreSQL, Aurora PostgreSQL and SQL Server; `require_secure_transport` for ' +
      'MySQL, MariaDB and Aurora MySQL (`1`, `ON` and `true` all pass). Standalone DB instances and read replicas are ' +
      "read through `DBParameterGroupName`; Aurora clusters and Multi-AZ DB clusters through the cluster's " +
      '`DBClusterParameterGroupName` (their member instances are not checked on their own). A parameter group of the ' +
      'template that leaves the parameter out gets the engine default. Oracle and Db2 (TLS through an option group) and ' +
      'custom engines are not applicable.\n\n' +
      'Defaults, from the RDS documentation: PostgreSQL 15 and later default `rds.force_ssl` to 1 (pass), earlier versions ' +
      'to 0; MySQL 9.7 and later default `require_secure_transport` to ON, 8.4 and earlier to OFF; MariaDB 11.8 and later ' +
      'to ON, earlier versions to OFF; Aurora PostgreSQL, Aurora MySQL and SQL Server to 0/OFF. A PostgreSQL instance ' +
      'without `EngineVersion` passes (every version RDS creates by default is 15 or later); a MySQL or MariaDB one is ' +
      'listed by `--report-unknown`, since its default depends on the version RDS picks. The version comes from the ' +
      "template's parameter group `Family` when there is one, else from `EngineVersion`.\n\n" +
      'Not findings, but listed by `--report-unknown`: a parameter group named from outside the template (a literal name, ' +
      "an import, a parameter), an engine, version or parameter value only known at deploy time. The catalog's note " +
      'that PostgreSQL 15+ passes is kept; it is extended to the MySQL 9.7 and MariaDB 11.8 defaults documented since.',
  },
  check(db, ctx) {
    if (db.type === 'AWS::RDS::DBCluster') {
      for (const [engine, version] of ctx.each(ctx.value(db, ['Properties', 'Engine']), ctx.value(db, ['Properties', 'EngineVersion']))) {
        evaluate(ctx, db, 'DB cluster', engine, version, ['Properties', 'DBClusterParameterGroupName'], 'AWS::RDS::DBClusterParameterGroup', []);
      }
      return;
    }
    for (const reading of rdsKind(ctx, db)) {
      // Cluster members (Aurora or Multi-AZ) take these settings from the cluster parameter group: the cluster is checked.
      if (reading.kind === 'cluster-member' || reading.kind === 'aurora-instance' || reading.kind === 'cluster') continue;
      if (reading.kind === 'unknown') {
        ctx.unknown(reading.by, 'Engine');
        continue;
      }
      const source = reading.kind === 'read-replica' ? replicaSource(ctx, reading.by) : db;
      for (const [engine, version] of ctx.each(ctx.value(db, ['Properties', 'Engine']), ctx.value(db, ['Properties', 'EngineVersion']))) {
        let [e, v] = [engine, version];
        // A read replica runs its source's engine and version; it may still have a parameter group of its own.
        if (reading.kind === 'read-replica' && e.kind === 'absent') {
          if (!source) {
            ctx.unknown(variantWith(reading.by, { kind: 'unknown', reason: 'the engine of a source database outside this template' }), 'Engine');
            continue;
          }
          const [first] = ctx.each(ctx.value(source, ['Properties', 'Engine']), ctx.value(source, ['Properties', 'EngineVersion']));
          if (!first) continue;
          [e, v] = [variantWith(first[0], { path: reading.by.path, external: true }), variantWith(first[1], { path: reading.by.path, external: true })];
        }
        evaluate(ctx, db, 'DB instance', e, v, ['Properties', 'DBParameterGroupName'], 'AWS::RDS::DBParameterGroup', reading.because);
      }
    }
  },
});

/** The source DB instance of a read replica when it is declared in this template. */
function replicaSource(ctx: Ctx, by: Variant): Resource | undefined {
  const source = by.ref && ctx.template.resources.get(by.ref.logicalId);
  return source && source.type === 'AWS::RDS::DBInstance' ? source : undefined;
}

function evaluate(
  ctx: Ctx,
  db: Resource,
  kind: string,
  engineValue: Variant,
  version: Variant,
  groupPath: string[],
  groupType: string,
  because: Variant[],
): void {
  if (!ctx.known(engineValue, 'Engine')) return;
  const engine = engineOf(asString(engineValue) ?? '');
  if (!engine) return;
  const parameter = PARAMETER[engine];
  const base = { kind, parameter };
  for (const group of ctx.value(db, groupPath)) {
    if (!ctx.each([group], [engineValue], [version], ...because.map((b) => [b])).length) continue;
    if (group.kind === 'absent') {
      const on = defaultFor(engine, version, undefined);
      if (on === undefined) {
        noteVersion(ctx, version, group, parameter);
        continue;
      }
      if (on) continue;
      ctx.report({
        messageId: 'defaultGroup',
        at: group,
        because: [engineValue, version, ...because],
        data: { ...base, value: offText(engine), engine: engineText(engine, version) },
      });
      continue;
    }
    const resource = group.ref && ctx.template.resources.get(group.ref.logicalId);
    if (!resource || resource.type !== groupType) {
      const outside =
        group.kind === 'literal'
          ? variantWith(group, { kind: 'unknown', reason: `parameter group ${valueText(asString(group) ?? '?')}, which is not declared in this template` })
          : group;
      ctx.unknown(outside, `the parameter group (${parameter})`);
      continue;
    }
    const name = resource.logicalId;
    for (const [family, value] of ctx.each(ctx.value(resource, ['Properties', 'Family']), ctx.value(resource, ['Properties', 'Parameters', parameter]))) {
      const reportAt = variantWith(group, { assumptions: mergeAssumptions(group.assumptions, family.assumptions, value.assumptions) ?? group.assumptions });
      if (value.kind === 'unknown') {
        ctx.unknown(variantWith(reportAt, { kind: 'unknown', reason: value.reason ?? 'a value only known at deploy time' }), `${parameter} in ${name}`);
        continue;
      }
      if (value.kind === 'literal') {
        if (isOn(value)) continue;
        ctx.report({
          messageId: 'inGroup',
          at: reportAt,
          because: [engineValue, version, ...because],
          data: { ...base, group: name, state: valueText(asString(value) ?? value.value) },
        });
        continue;
      }
      const on = defaultFor(engine, version, family);
      if (on === undefined) {
        noteVersion(ctx, version, reportAt, parameter);
        continue;
      }
      if (on) continue;
      ctx.report({
        messageId: 'inGroup',
        at: reportAt,
        because: [engineValue, version, ...because],
        data: { ...base, group: name, state: `not set (the ${defaultSource(engine, version, family)} default is ${offText(engine)})` },
      });
    }
  }
}

/** The version a default is decided by: the template's parameter group Family, else EngineVersion (undefined: absent). */
function defaultFor(engine: Engine, version: Variant, family: Variant | undefined): boolean | undefined {
  const familyName = family && asString(family);
  const fromFamily = familyName ? parseVersion(familyName, true) : undefined;
  if (fromFamily) return requiredByDefault(engine, fromFamily);
  // Aurora and SQL Server default to off in every version; the other engines' defaults need the version.
  if (version.kind === 'unknown') return VERSIONED.has(engine) ? undefined : false;
  const text = asString(version);
  const parsed = text === undefined ? undefined : parseVersion(text);
  if (text !== undefined && !parsed) return undefined;
  return requiredByDefault(engine, parsed);
}

/** Lists the version a default depends on under --report-unknown. */
function noteVersion(ctx: Ctx, version: Variant, at: Variant, parameter: string): void {
  const unknown =
    version.kind === 'unknown'
      ? version
      : variantWith(at, {
          kind: 'unknown',
          reason:
            version.kind === 'absent'
              ? 'EngineVersion is not set, and the default differs between the versions RDS may pick'
              : `engine version ${valueText(asString(version))}`,
        });
  ctx.unknown(unknown, `the default of ${parameter}`);
}

const offText = (engine: Engine) => (PARAMETER[engine] === 'require_secure_transport' ? 'OFF' : '0');

function engineText(engine: Engine, version: Variant): string {
  const v = asString(version);
  return v ? `${LABEL[engine]} (${v})` : LABEL[engine];
}

/** Whose default applies: "mariadb10.11" (the group's family), else the engine and version. */
function defaultSource(engine: Engine, version: Variant, family: Variant): string {
  const name = asString(family);
  return name ? valueText(name) : engineText(engine, version);
}
