// `--shard I/N`: the part of a run one job of a CI matrix lints. The units (a template with the templates it nests, a
// cloud assembly, a deployed stack) are split by a hash of a path relative to the project root, so every job of the
// matrix, on any machine, agrees on which unit is whose; together the N jobs lint every unit exactly once.
import { UsageError } from '../errors.ts';

export interface Shard {
  /** 1-based, as written on the command line. */
  index: number;
  count: number;
}

/** Past this many shards each job would lint a handful of files at most; a typo such as 1/1000 is caught. */
const MAX_SHARDS = 256;

/** "2/4" → { index: 2, count: 4 }; a usage error that says what is wrong otherwise. */
export function parseShard(text: string, flag = '--shard'): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new UsageError(`${flag} ${JSON.stringify(text)} is not I/N (for example 2/4: the second of four parts)`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) throw new UsageError(`${flag} ${text}: the number of parts must be 1 to ${MAX_SHARDS}`);
  if (index < 1 || index > count) throw new UsageError(`${flag} ${text}: the part must be 1 to ${count}`);
  return { index, count };
}

/** Whether the unit with this key is linted by `shard`. */
export function inShard(key: string, shard: Shard): boolean {
  return fnv1a(key) % shard.count === shard.index - 1;
}

/** "shard-2-of-4", for the SARIF category and messages. */
export function shardLabel(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.count}`;
}

/** 32-bit FNV-1a over the UTF-16 code units: stable across machines and Node versions, and spreads similar paths. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Units that must be linted by the same job: a parent and the local templates it nests (the nested ones are linted
 * through it, with the parameters it passes), every template of one cloud assembly. Each unit's family is named by its
 * first member in the run's order, so a family's key does not depend on which of its members a job sees first.
 */
export class Families {
  private readonly first = new Map<string, string>();
  private readonly order = new Map<string, number>();

  constructor(files: readonly string[]) {
    files.forEach((file, i) => {
      if (!this.order.has(file)) this.order.set(file, i);
    });
  }

  join(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The earlier one in the run's order names the family.
    if ((this.order.get(ra) ?? Infinity) <= (this.order.get(rb) ?? Infinity)) this.first.set(rb, ra);
    else this.first.set(ra, rb);
  }

  /** The file that names `file`'s family. */
  find(file: string): string {
    let at = file;
    for (let next = this.first.get(at); next !== undefined; next = this.first.get(at)) at = next;
    // Path compression: later lookups of the same family take one step.
    for (let step = file, next = this.first.get(step); next !== undefined && next !== at; next = this.first.get(step)) {
      this.first.set(step, at);
      step = next;
    }
    return at;
  }
}
