// rdsKind(): each way a template writes a DB instance or cluster is told apart as one kind, once per reading.
import { describe, expect, it } from 'vitest';
import { defineRule } from '../src/engine/rule.ts';
import { rdsKind } from '../src/rule-helpers/rds.ts';
import { lintCase } from '../src/testing/index.ts';

/** A rule that reports each reading's kind, and the property it was told from. */
const probe = defineRule({
  id: 'rds-kind-probe',
  pillar: 'reliability',
  level: 'note',
  title: 'rdsKind probe',
  rationale: 'test',
  remediation: 'test',
  wellArchitected: [],
  appliesTo: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  messages: { kind: '{{kind}} {{by}}' },
  // Findings are settled per place: each reading points at what it was told from, so none hides another.
  check(db, ctx) {
    for (const reading of rdsKind(ctx, db)) {
      const by = 'by' in reading ? reading.by : undefined;
      ctx.report({ messageId: 'kind', at: by, because: reading.because, data: { kind: reading.kind, by: by ? String(by.path[1]) : '-' } });
    }
  },
});

const kinds = (code: string) => lintCase(probe, { code }).map((f) => `${f.logicalId} ${f.message}`);

describe('rdsKind', () => {
  it('tells a cluster, a member, a read replica, an Aurora instance, an unknown engine and a standalone instance apart', () => {
    const code = [
      'Parameters:',
      '  EngineNoDefault: {Type: String}',
      'Resources:',
      '  Cluster: {Type: AWS::RDS::DBCluster, Properties: {Engine: aurora-mysql}}',
      '  Member: {Type: AWS::RDS::DBInstance, Properties: {Engine: aurora-mysql, DBClusterIdentifier: !Ref Cluster}}',
      '  Replica: {Type: AWS::RDS::DBInstance, Properties: {SourceDBInstanceIdentifier: !Ref Standalone}}',
      '  ClusterReplica: {Type: AWS::RDS::DBInstance, Properties: {SourceDBClusterIdentifier: source-cluster}}',
      '  Aurora: {Type: AWS::RDS::DBInstance, Properties: {Engine: Aurora-PostgreSQL}}',
      '  Unknown: {Type: AWS::RDS::DBInstance, Properties: {Engine: !Ref EngineNoDefault}}',
      '  Standalone: {Type: AWS::RDS::DBInstance, Properties: {Engine: postgres}}',
      '',
    ].join('\n');
    expect(kinds(code)).toEqual([
      'Cluster cluster -',
      'Member cluster-member DBClusterIdentifier',
      'Replica read-replica SourceDBInstanceIdentifier',
      'ClusterReplica read-replica SourceDBClusterIdentifier',
      'Aurora aurora-instance Engine',
      'Unknown unknown Engine',
      'Standalone instance -',
    ]);
  });

  it('gives one reading per consistent combination, naming what it rests on', () => {
    const code = [
      'Conditions:',
      '  Member: !Equals [!Ref AWS::Region, eu-west-1]',
      'Resources:',
      '  Db:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: mysql',
      '      DBClusterIdentifier: !If [Member, shared-cluster, !Ref AWS::NoValue]',
      '',
    ].join('\n');
    expect(kinds(code)).toEqual(['Db cluster-member DBClusterIdentifier (when condition Member is true).', 'Db instance - (when condition Member is false).']);
  });
});
