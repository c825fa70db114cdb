// Instance and node-class facts: which EC2 instance families, RDS DB instance classes and ElastiCache node types are
// current or previous generation, which run on AWS Graviton (arm64), and what to move to. One table per service,
// shared by ec2-instance-type-current-generation, rds-instance-class-current-generation, ec2-instance-type-graviton and
// rds-instance-class-graviton (test/instance-families.test.ts checks that every family is classified).
//
// Sources, as of 2026-12-03 (FACTS_DATE):
// - Amazon EC2 Instance Types guide: "Amazon EC2 instance types" (current generation families) and "Previous generation
//   instances", https://docs.aws.amazon.com/ec2/latest/instancetypes/ and https://aws.amazon.com/ec2/previous-generation/
//   (upgrade paths).
// - Amazon RDS User Guide: "DB instance class types" and "Supported DB engines for DB instance classes",
//   https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Types.html; Aurora User Guide,
//   "Supported DB engines for DB instance classes" (Concepts.DBInstanceClass.SupportAurora).
// - Amazon ElastiCache User Guide: "Supported node types" (CacheNodeType in the API reference lists current and previous
//   generation node types, and the engine versions Graviton node types need).
//
// A family missing here is unknown to pillars-lint, never a failure: the rules list it under --report-unknown. When AWS
// adds a family, add a row (the test says what every row must hold).

import { variantWith, type Variant } from '../values/variant.ts';
import { own } from './lookup.ts';

/** The day the tables below were checked against the AWS pages named above. */
export const FACTS_DATE = '2026-12-03';

export interface FamilyFacts {
  /** AWS's classification: `previous` families are listed as previous generation. */
  generation: 'current' | 'previous';
  /** A current family that has a cheaper successor (current-generation rules report it as a note). */
  older?: true;
  /** The family runs on AWS Graviton (arm64) processors. */
  graviton: boolean;
  /**
   * For a family that is not Graviton: the Graviton family that does the same job, or null when there is none (GPU and
   * other accelerators, Mac, high-frequency, dense HDD storage, high-memory...).
   */
  gravitonEquivalent?: string | null;
  /** For previous and older families: current families to move to, x86 first (a message joins them with "or"). */
  successors?: readonly string[];
}

const x86 = (gravitonEquivalent: string | null, extra: Omit<FamilyFacts, 'graviton' | 'gravitonEquivalent' | 'generation'> = {}): FamilyFacts => ({
  generation: 'current',
  graviton: false,
  gravitonEquivalent,
  ...extra,
});
const arm: FamilyFacts = { generation: 'current', graviton: true };
const previous = (successors: readonly string[], gravitonEquivalent: string | null): FamilyFacts => ({
  generation: 'previous',
  graviton: false,
  gravitonEquivalent,
  successors,
});
const older = (successors: readonly string[], gravitonEquivalent: string | null): FamilyFacts => x86(gravitonEquivalent, { older: true, successors });

/** EC2 instance families (the text before the first dot of an instance type). */
export const EC2_FAMILIES: Readonly<Record<string, FamilyFacts>> = {
  // Previous generation (AWS's list), in the order the current-generation rule has always named them.
  t1: previous(['t3', 't4g'], 't4g'),
  m1: previous(['m7i', 'm7g'], 'm7g'),
  m2: previous(['r7i', 'r7g'], 'r7g'),
  m3: previous(['m7i', 'm7g'], 'm7g'),
  c1: previous(['c7i', 'c7g'], 'c7g'),
  c3: previous(['c7i', 'c7g'], 'c7g'),
  cc1: previous(['c7i', 'c7g'], 'c7g'),
  cc2: previous(['c7i', 'c7g'], 'c7g'),
  cg1: previous(['g6', 'g5'], null),
  cr1: previous(['r7i', 'r7g'], 'r7g'),
  g2: previous(['g6', 'g5'], null),
  hi1: previous(['i4i', 'i4g'], 'i4g'),
  hs1: previous(['d3', 'd3en'], null),
  i2: previous(['i4i', 'i4g'], 'i4g'),
  r3: previous(['r7i', 'r7g'], 'r7g'),
  // Current, but with a cheaper successor.
  t2: older(['t3', 't4g'], 't4g'),
  m4: older(['m7i', 'm7g'], 'm7g'),
  c4: older(['c7i', 'c7g'], 'c7g'),
  r4: older(['r7i', 'r7g'], 'r7g'),
  d2: older(['d3', 'd3en'], null),
  i3: older(['i4i', 'i4g'], 'i4g'),
  p2: older(['g5', 'p3'], null),
  g3: older(['g6', 'g5'], null),
  x1: older(['x2idn', 'x2iedn'], 'x2gd'),
  // General purpose.
  a1: arm,
  t3: x86('t4g'),
  t3a: x86('t4g'),
  t4g: arm,
  m5: x86('m7g'),
  m5a: x86('m7g'),
  m5ad: x86('m7gd'),
  m5d: x86('m7gd'),
  m5dn: x86('m7gd'),
  m5n: x86('m7g'),
  m5zn: x86(null), // high frequency
  m6a: x86('m7g'),
  m6g: arm,
  m6gd: arm,
  m6i: x86('m7g'),
  m6id: x86('m7gd'),
  m6idn: x86('m7gd'),
  m6in: x86('m7g'),
  m7a: x86('m7g'),
  m7g: arm,
  m7gd: arm,
  m7i: x86('m7g'),
  'm7i-flex': x86('m7g'),
  m8a: x86('m8g'),
  m8g: arm,
  m8gd: arm,
  m8i: x86('m8g'),
  'm8i-flex': x86('m8g'),
  mac1: x86(null),
  mac2: x86(null),
  'mac2-m1ultra': x86(null),
  'mac2-m2': x86(null),
  'mac2-m2pro': x86(null),
  'mac-m4': x86(null),
  'mac-m4pro': x86(null),
  // Compute optimized.
  c5: x86('c7g'),
  c5a: x86('c7g'),
  c5ad: x86('c7gd'),
  c5d: x86('c7gd'),
  c5n: x86('c7gn'),
  c6a: x86('c7g'),
  c6g: arm,
  c6gd: arm,
  c6gn: arm,
  c6i: x86('c7g'),
  c6id: x86('c7gd'),
  c6in: x86('c7gn'),
  c7a: x86('c7g'),
  c7g: arm,
  c7gd: arm,
  c7gn: arm,
  c7i: x86('c7g'),
  'c7i-flex': x86('c7g'),
  c8a: x86('c8g'),
  c8g: arm,
  c8gd: arm,
  c8gn: arm,
  c8i: x86('c8g'),
  'c8i-flex': x86('c8g'),
  // Memory optimized.
  r5: x86('r7g'),
  r5a: x86('r7g'),
  r5ad: x86('r7gd'),
  r5b: x86('r7g'),
  r5d: x86('r7gd'),
  r5dn: x86('r7gd'),
  r5n: x86('r7g'),
  r6a: x86('r7g'),
  r6g: arm,
  r6gd: arm,
  r6i: x86('r7g'),
  r6id: x86('r7gd'),
  r6idn: x86('r7gd'),
  r6in: x86('r7g'),
  r7a: x86('r7g'),
  r7g: arm,
  r7gd: arm,
  r7i: x86('r7g'),
  r7iz: x86(null), // high frequency
  r8a: x86('r8g'),
  r8g: arm,
  r8gd: arm,
  r8i: x86('r8g'),
  'r8i-flex': x86('r8g'),
  x1e: x86('x2gd'),
  x2gd: arm,
  x2idn: x86('x2gd'),
  x2iedn: x86('x2gd'),
  x2iezn: x86(null), // high frequency
  x8g: arm,
  z1d: x86(null), // high frequency
  'u-3tb1': x86(null),
  'u-6tb1': x86(null),
  'u-9tb1': x86(null),
  'u-12tb1': x86(null),
  'u-18tb1': x86(null),
  'u-24tb1': x86(null),
  'u7i-6tb': x86(null),
  'u7i-8tb': x86(null),
  'u7i-12tb': x86(null),
  'u7in-16tb': x86(null),
  'u7in-24tb': x86(null),
  'u7in-32tb': x86(null),
  'u7inh-32tb': x86(null),
  // Storage optimized.
  d3: x86(null), // dense HDD: no Graviton family
  d3en: x86(null),
  h1: x86(null),
  i3en: x86('im4gn'),
  i4g: arm,
  i4i: x86('i4g'),
  i7i: x86('i8g'),
  i7ie: x86('i8ge'),
  i8g: arm,
  i8ge: arm,
  im4gn: arm,
  is4gen: arm,
  // Accelerated computing and HPC: the accelerator, not the CPU, decides (g5g is Graviton, for Android streaming).
  dl1: x86(null),
  dl2q: x86(null),
  f1: x86(null),
  f2: x86(null),
  g3s: x86(null),
  g4ad: x86(null),
  g4dn: x86(null),
  g5: x86(null),
  g5g: arm,
  g6: x86(null),
  g6e: x86(null),
  g6f: x86(null),
  gr6: x86(null),
  gr6f: x86(null),
  inf1: x86(null),
  inf2: x86(null),
  p3: x86(null),
  p3dn: x86(null),
  p4d: x86(null),
  p4de: x86(null),
  p5: x86(null),
  p5e: x86(null),
  p5en: x86(null),
  'p6-b200': x86(null),
  trn1: x86(null),
  trn1n: x86(null),
  trn2: x86(null),
  vt1: x86(null),
  hpc6a: x86('hpc7g'),
  hpc6id: x86(null),
  hpc7a: x86('hpc7g'),
  hpc7g: arm,
};

/** RDS DB instance class families (the text between `db.` and the next dot: db.r5.large.tpc2.mem2x is r5). */
export const RDS_FAMILIES: Readonly<Record<string, FamilyFacts>> = {
  t1: previous(['db.t3', 'db.t4g'], 'db.t4g'),
  m1: previous(['db.m6i', 'db.m7g'], 'db.m7g'),
  m2: previous(['db.r6i', 'db.r7g'], 'db.r7g'),
  m3: previous(['db.m6i', 'db.m7g'], 'db.m7g'),
  r3: previous(['db.r6i', 'db.r7g'], 'db.r7g'),
  t2: older(['db.t3', 'db.t4g'], 'db.t4g'),
  m4: older(['db.m6i', 'db.m7g'], 'db.m7g'),
  r4: older(['db.r6i', 'db.r7g'], 'db.r7g'),
  t3: x86('db.t4g'),
  t4g: arm,
  m5: x86('db.m7g'),
  m5d: x86('db.m6gd'),
  m6g: arm,
  m6gd: arm,
  m6i: x86('db.m7g'),
  m6id: x86('db.m6gd'),
  m6idn: x86('db.m6gd'),
  m6in: x86('db.m7g'),
  m7g: arm,
  m7i: x86('db.m7g'),
  m8g: arm,
  m8gd: arm,
  r5: x86('db.r7g'),
  r5b: x86('db.r7g'),
  r5d: x86('db.r6gd'),
  r6g: arm,
  r6gd: arm,
  r6i: x86('db.r7g'),
  r6id: x86('db.r6gd'),
  r6idn: x86('db.r6gd'),
  r6in: x86('db.r7g'),
  r7g: arm,
  r7i: x86('db.r7g'),
  r8g: arm,
  r8gd: arm,
  x1: x86('db.x2g'),
  x1e: x86('db.x2g'),
  x2g: arm,
  x2idn: x86('db.x2g'),
  x2iedn: x86('db.x2g'),
  x2iezn: x86(null), // high frequency
  z1d: x86(null), // high frequency
  c6gd: arm,
};

/** ElastiCache node type families (the text between `cache.` and the next dot). */
export const ELASTICACHE_FAMILIES: Readonly<Record<string, FamilyFacts>> = {
  t1: previous(['cache.t3', 'cache.t4g'], 'cache.t4g'),
  m1: previous(['cache.m5', 'cache.m7g'], 'cache.m7g'),
  m2: previous(['cache.r5', 'cache.r7g'], 'cache.r7g'),
  m3: previous(['cache.m5', 'cache.m7g'], 'cache.m7g'),
  c1: previous(['cache.m5', 'cache.c7gn'], 'cache.c7gn'),
  r3: previous(['cache.r5', 'cache.r7g'], 'cache.r7g'),
  t2: older(['cache.t3', 'cache.t4g'], 'cache.t4g'),
  m4: older(['cache.m5', 'cache.m7g'], 'cache.m7g'),
  r4: older(['cache.r5', 'cache.r7g'], 'cache.r7g'),
  t3: x86('cache.t4g'),
  t4g: arm,
  m5: x86('cache.m7g'),
  m6g: arm,
  m7g: arm,
  r5: x86('cache.r7g'),
  r6g: arm,
  r6gd: arm,
  r7g: arm,
  c7gn: arm,
};

export type Service = 'ec2' | 'rds' | 'elasticache';

const TABLES: Readonly<Record<Service, Readonly<Record<string, FamilyFacts>>>> = {
  ec2: EC2_FAMILIES,
  rds: RDS_FAMILIES,
  elasticache: ELASTICACHE_FAMILIES,
};
const PREFIX: Readonly<Record<Service, string>> = { ec2: '', rds: 'db.', elasticache: 'cache.' };

/** The family of an instance type, DB instance class or node type ("m5" for "db.m5.large"); undefined when malformed. */
export function familyOf(service: Service, type: string): string | undefined {
  let text = type.trim().toLowerCase();
  const prefix = PREFIX[service];
  if (prefix) {
    if (!text.startsWith(prefix)) return undefined;
    text = text.slice(prefix.length);
  }
  const [family = ''] = text.split('.');
  return family || undefined;
}

/** What is known of an instance type's family; undefined when the family is not in the tables (unknown, not a failure). */
export function familyFacts(service: Service, type: string): Readonly<FamilyFacts & { family: string }> | undefined {
  // The same few hundred types come back in template after template (AllowedValues lists), and four rules ask.
  const known = FACTS_BY_TYPE[service];
  if (known.has(type)) return known.get(type);
  const family = familyOf(service, type);
  const facts = family === undefined ? undefined : own(TABLES[service], family);
  const answer = facts && family !== undefined ? Object.freeze({ ...facts, family }) : undefined;
  // Bounded: a hostile template can list any number of made-up types.
  if (known.size < 4096) known.set(type, answer);
  return answer;
}
const FACTS_BY_TYPE: Record<Service, Map<string, Readonly<FamilyFacts & { family: string }> | undefined>> = {
  ec2: new Map(),
  rds: new Map(),
  elasticache: new Map(),
};

/** The families of one service AWS lists as previous generation, in table order. */
export function previousGenerationFamilies(service: Service): string[] {
  return Object.entries(TABLES[service])
    .filter(([, f]) => f.generation === 'previous')
    .map(([name]) => name);
}

/** The current families of one service that have a cheaper successor, in table order. */
export function olderFamilies(service: Service): string[] {
  return Object.entries(TABLES[service])
    .filter(([, f]) => f.older)
    .map(([name]) => name);
}

/** The table of one service (for tests and docs). */
export function familyTable(service: Service): Readonly<Record<string, FamilyFacts>> {
  return TABLES[service];
}

/**
 * The value of an instance type whose family is not in the tables, as an unknown for `ctx.unknown` (listed under
 * --report-unknown): pillars-lint does not know the family, so it neither passes nor fails it.
 */
export function unknownFamily(type: Variant, family: string | undefined): Variant {
  const what = family === undefined ? 'a value that is not an instance type' : `family ${JSON.stringify(family)}`;
  return variantWith(type, { kind: 'unknown', reason: `${what} is not in pillars-lint's instance facts of ${FACTS_DATE}`, origin: { kind: 'other' } });
}

/** Where each database and cache resource names its instance class or node type, and what a message calls it. */
export const CLASS_PROPERTIES: Readonly<Record<string, { service: Service; property: string; noun: string; what: string }>> = {
  'AWS::RDS::DBInstance': { service: 'rds', property: 'DBInstanceClass', noun: 'DB instance', what: 'class' },
  // Multi-AZ DB clusters only; an Aurora cluster has no class of its own (its DB instances have).
  'AWS::RDS::DBCluster': { service: 'rds', property: 'DBClusterInstanceClass', noun: 'DB cluster', what: 'class' },
  'AWS::ElastiCache::CacheCluster': { service: 'elasticache', property: 'CacheNodeType', noun: 'Cache cluster', what: 'node type' },
  'AWS::ElastiCache::ReplicationGroup': { service: 'elasticache', property: 'CacheNodeType', noun: 'Replication group', what: 'node type' },
};

/** RDS engines with no Graviton DB instance classes (RDS Custom engines start with `custom-`). */
export function rdsEngineWithoutGraviton(engine: string): boolean {
  return /^(sqlserver|oracle|custom-|db2)/i.test(engine);
}

/**
 * ElastiCache engine versions older than the first with Graviton node types (Redis OSS 5.0.6, Memcached 1.5.16; every
 * Valkey version has them). An absent version is the latest.
 */
export function elastiCacheEngineWithoutGraviton(engine: string, version: string | undefined): boolean {
  if (version === undefined) return false;
  const minimum = /^redis$/i.test(engine) ? [5, 0, 6] : /^memcached$/i.test(engine) ? [1, 5, 16] : undefined;
  if (!minimum) return false;
  // "6.x" and "7.1" compare by their numbers; a missing part counts as 0 except after "x" (any patch).
  const parts = version.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : Number.POSITIVE_INFINITY));
  for (let i = 0; i < minimum.length; i++) {
    const part = parts[i] ?? 0;
    if (part !== minimum[i]) return part < minimum[i]!;
  }
  return false;
}
