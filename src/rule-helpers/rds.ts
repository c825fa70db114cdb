// One answer to "what kind of RDS database is this": a standalone DB instance, a member of a DB cluster, an Aurora
// instance, a read replica, or a DB cluster. Storage, backups, deletion protection and the network of a cluster member
// are the cluster's; a read replica copies its source; so most RDS rules apply to some kinds only.
import type { RuleContext } from '../engine/rule.ts';
import type { Resource } from '../template/model.ts';
import { asString, isSet } from '../values/coerce.ts';
import type { Variant } from '../values/variant.ts';

/**
 * How one reading of a database is told apart, in this order (the first that holds wins):
 * - `cluster`: an AWS::RDS::DBCluster.
 * - `cluster-member`: a DB instance with DBClusterIdentifier set (to anything, even a value only known at deploy time).
 * - `read-replica`: a DB instance with SourceDBInstanceIdentifier or SourceDBClusterIdentifier set. Its engine is its
 *   source's, and Aurora has no instance read replicas (Aurora replicas are cluster members), so Engine is not read.
 * - `aurora-instance`: Engine starts with "aurora" but DBClusterIdentifier is missing: the cluster still owns it.
 * - `unknown`: Engine is only known at deploy time, so the instance may be an Aurora one; `by` is the Engine value
 *   (give it to `ctx.unknown` when the verdict depends on it).
 * - `instance`: a standalone DB instance.
 */
export type RdsReading =
  | { kind: 'cluster' | 'instance'; because: Variant[] }
  | {
      kind: 'cluster-member' | 'read-replica' | 'aurora-instance' | 'unknown';
      /** The value the kind was told from: DBClusterIdentifier, the replica's source, or Engine. */
      by: Variant;
      because: Variant[];
    };

export type RdsKind = RdsReading['kind'];

/**
 * The kind of an RDS DB instance or cluster, once per consistent reading of the properties it is told from.
 * `because` holds every value read (pass it on as a report's `because`, so that the parameter defaults and condition
 * branches the kind rests on are named and contradicting combinations are dropped). Other resource types get no
 * reading.
 */
export function rdsKind(ctx: RuleContext<any, any>, db: Resource): RdsReading[] {
  if (db.type === 'AWS::RDS::DBCluster') return [{ kind: 'cluster', because: [] }];
  if (db.type !== 'AWS::RDS::DBInstance') return [];
  const prop = (name: string) => ctx.value(db, ['Properties', name]);
  const readings: RdsReading[] = [];
  for (const [cluster, source, sourceCluster, engine] of ctx.each(
    prop('DBClusterIdentifier'),
    prop('SourceDBInstanceIdentifier'),
    prop('SourceDBClusterIdentifier'),
    prop('Engine'),
  )) {
    const because = [cluster, source, sourceCluster, engine];
    if (isSet(cluster)) readings.push({ kind: 'cluster-member', by: cluster, because });
    else if (isSet(source) || isSet(sourceCluster)) readings.push({ kind: 'read-replica', by: isSet(source) ? source : sourceCluster, because });
    else if (engine.kind === 'unknown') readings.push({ kind: 'unknown', by: engine, because });
    else if (asString(engine)?.toLowerCase().startsWith('aurora')) readings.push({ kind: 'aurora-instance', by: engine, because });
    else readings.push({ kind: 'instance', because });
  }
  return readings;
}
