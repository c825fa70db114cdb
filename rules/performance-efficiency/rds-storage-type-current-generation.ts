import { defineRule } from '../../src/engine/rule.ts';
import { rdsKind } from '../../src/rule-helpers/rds.ts';
import { asString } from '../../src/values/coerce.ts';

export default defineRule({
  id: 'rds-storage-type-current-generation',
  pillar: 'performance-efficiency',
  level: 'warning',
  title: 'RDS storage uses gp3 or io2, not magnetic, gp2 or io1',
  rationale:
    'Magnetic (`standard`) storage is kept only for backward compatibility: it tops out at about 1,000 IOPS with high ' +
    'latency. gp2 ties performance to size (3 IOPS per GiB, with burst credits that run out), while gp3 gives a ' +
    '3,000 IOPS baseline at any size and lets IOPS and throughput be raised on their own. For provisioned IOPS, AWS ' +
    'recommends io2 Block Express over io1: lower latency and 99.999% durability.',
  remediation:
    'Set `StorageType: gp3` (the default when neither `StorageType` nor `Iops` is given), or `io2` with `Iops` for ' +
    'I/O-heavy databases. Changing the storage type of a running instance is an online operation but can take hours.\n\n' +
    '```yaml\nStorageType: gp3\n# I/O-heavy OLTP:\n# StorageType: io2\n# Iops: 12000\n```',
  wellArchitected: ['PERF03-BP02', 'COST06-BP02'],
  appliesTo: ['AWS::RDS::DBInstance'],
  tags: ['cost-optimization'],
  peers: { checkov: [], cfn_nag: [], cdk_nag: [] },
  messages: {
    magnetic: 'DB instance {{logicalId}} uses magnetic storage (StorageType is {{value}}), a previous generation limited to about 1,000 IOPS; use gp3 or io2.',
    gp2: 'DB instance {{logicalId}} uses gp2 storage, whose IOPS grow only with its size; gp3 gives a 3,000 IOPS baseline at any size.',
    io1: 'DB instance {{logicalId}} uses io1 storage; io2 Block Express, which AWS recommends for provisioned IOPS, has lower latency and higher durability.',
  },
  docs: {
    noncompliant: [
      'Resources:',
      '  OrdersDb:',
      '    Type: AWS::RDS::DBInstance',
      '    DeletionPolicy: Snapshot',
      '    Properties:',
      '      Engine: postgres',
      '      DBInstanceClass: db.m7g.large',
      '      AllocatedStorage: "100"',
      '      StorageType: standard',
      '      MultiAZ: true',
      '      StorageEncrypted: true',
    ].join('\n'),
    compliant: [
      'Resources:',
      '  OrdersDb:',
      '    Type: AWS::RDS::DBInstance',
      '    DeletionPolicy: Snapshot',
      '    Properties:',
      '      Engine: postgres',
      '      DBInstanceClass: db.m7g.large',
      '      AllocatedStorage: "100"',
      '      StorageType: gp3',
      '      MultiAZ: true',
      '      StorageEncrypted: true',
    ].join('\n'),
    notes:
      "`standard` (magnetic) is reported at the rule's level; `gp2` and `io1` are reported as notes. Without `StorageType` " +
      'RDS uses `io1` when `Iops` is set and `gp3` otherwise; that default is not reported (an `Iops` without a storage ' +
      'type is a deliberate provisioned-IOPS choice). Differs from the catalog, which passes `io1`: the RDS user guide now ' +
      'recommends io2 Block Express for provisioned IOPS. Aurora instances and members of a DB cluster are not checked: ' +
      "their storage is the cluster's. A storage type, or an engine that decides whether the instance is Aurora, known " +
      'only at deploy time (an import, a parameter without a Default) is not a finding; `--report-unknown` lists it.',
  },
  check(db, ctx) {
    for (const reading of rdsKind(ctx, db)) {
      if (reading.kind !== 'instance' && reading.kind !== 'read-replica' && reading.kind !== 'unknown') continue;
      for (const type of ctx.value(db, ['Properties', 'StorageType'])) {
        // Absent: gp3, or io1 chosen through Iops; neither is reported.
        if (type.kind === 'absent') continue;
        if (ctx.each([type], ...reading.because.map((b) => [b])).length === 0) continue;
        if (!ctx.known(type, 'StorageType')) continue;
        const value = (asString(type) ?? '').toLowerCase();
        const messageId = value === 'standard' ? 'magnetic' : value === 'gp2' ? 'gp2' : value === 'io1' ? 'io1' : undefined;
        if (!messageId) continue;
        if (reading.kind === 'unknown') {
          // The instance may be an Aurora one, which has no storage of its own.
          ctx.unknown(reading.by, 'Engine');
          continue;
        }
        const fix = { text: messageId === 'io1' ? 'io2' : 'gp3', description: messageId === 'io1' ? 'Use io2 storage' : 'Use gp3 storage' };
        const common = { at: type, because: reading.because, fix } as const;
        if (messageId === 'magnetic') ctx.report({ messageId, ...common, data: { value: asString(type) ?? 'standard' } });
        else ctx.report({ messageId, level: 'note', ...common });
      }
    }
  },
});
