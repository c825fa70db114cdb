import { pathKey, type NodeLocation, type NodePath } from './types.ts';

// Where every node of a document sits, kept as numbers: a parser records each node once (seven int32 fields and its
// mapping key) and builds no object, no path string and no map entry for it. Only the few nodes a finding points at
// are ever looked up, by walking the path from the root through the recorded children.

const START = 0;
const END = 1;
const KEY_START = 2;
const KEY_END = 3;
const FIRST_CHILD = 4;
const NEXT_SIBLING = 5;
const LAST_CHILD = 6;
const FIELDS = 7;

/** Children a lookup scans one by one; a node with more gets an index the first time it is looked up. */
const SCAN_LIMIT = 16;

interface ChildIndex {
  /** Mapping children by key (the last wins, as the last duplicate key's value does). */
  byKey: Map<string, number>;
  /** Sequence items by position. */
  items: number[];
}

/** One document's node locations (see NodeLocation); a node is reached by its path from the root. */
export class NodeLocations implements Iterable<[string, NodeLocation]> {
  private data = new Int32Array(FIELDS * 64);
  /** The mapping key of each node; undefined for sequence items and the root. */
  private readonly keys: (string | undefined)[] = [];
  private count = 0;
  private indexes: Map<number, ChildIndex> | undefined;
  /** Locations moved or removed after parsing (SAM's Globals), by pathKey; null removes. */
  private overrides: Map<string, NodeLocation | null> | undefined;

  /** Nodes recorded (a value replaced by a duplicate key stays recorded, unreachable). */
  get nodeCount(): number {
    return this.count;
  }

  /**
   * Records a node under `parent` (-1 for the root; a document has one) and returns its id. `key` is its mapping
   * key, undefined for a sequence item. Children are recorded in document order.
   */
  add(parent: number, key: string | undefined, start: number, end: number, keyStart: number, keyEnd: number): number {
    const id = this.count++;
    let data = this.data;
    if ((id + 1) * FIELDS > data.length) {
      const grown = new Int32Array(data.length * 2);
      grown.set(data);
      this.data = data = grown;
    }
    const at = id * FIELDS;
    data[at + START] = start;
    data[at + END] = end;
    data[at + KEY_START] = keyStart;
    data[at + KEY_END] = keyEnd;
    data[at + FIRST_CHILD] = -1;
    data[at + NEXT_SIBLING] = -1;
    data[at + LAST_CHILD] = -1;
    this.keys.push(key);
    if (parent >= 0) {
      const p = parent * FIELDS;
      const last = data[p + LAST_CHILD]!;
      if (last < 0) data[p + FIRST_CHILD] = id;
      else data[last * FIELDS + NEXT_SIBLING] = id;
      data[p + LAST_CHILD] = id;
    }
    return id;
  }

  /** A collection's end, known when it closes. */
  setEnd(node: number, end: number): void {
    this.data[node * FIELDS + END] = end;
  }

  /** Moves a node: an expanded alias points at the alias. */
  setRange(node: number, start: number, end: number): void {
    this.data[node * FIELDS + START] = start;
    this.data[node * FIELDS + END] = end;
  }

  end(node: number): number {
    return this.data[node * FIELDS + END]!;
  }

  /** Maps every offset (the lenient YAML re-parse records offsets of its patched text); -1 stays -1. */
  mapOffsets(map: (offset: number) => number): void {
    const data = this.data;
    for (let at = 0; at < this.count * FIELDS; at += FIELDS) {
      for (let f = START; f <= KEY_END; f++) data[at + f] = map(data[at + f]!);
    }
  }

  /** The node at `path`, else -1. */
  private find(path: NodePath): number {
    if (this.count === 0) return -1;
    let node = 0;
    for (const segment of path) {
      node = this.child(node, segment);
      if (node < 0) return -1;
    }
    return node;
  }

  private child(node: number, segment: string | number): number {
    const data = this.data;
    const index = this.indexes?.get(node);
    if (index !== undefined) return this.fromIndex(index, segment);
    const name = String(segment);
    let found = -1;
    let position = 0;
    for (let c = data[node * FIELDS + FIRST_CHILD]!; c >= 0; c = data[c * FIELDS + NEXT_SIBLING]!, position++) {
      if (position === SCAN_LIMIT) return this.fromIndex(this.index(node), segment);
      const key = this.keys[c];
      if (key === undefined ? String(position) === name : key === name) found = c;
    }
    return found;
  }

  private fromIndex(index: ChildIndex, segment: string | number): number {
    const name = String(segment);
    const byKey = index.byKey.get(name);
    if (byKey !== undefined) return byKey;
    const position = Number(segment);
    return Number.isInteger(position) && position >= 0 && position < index.items.length && String(position) === name ? index.items[position]! : -1;
  }

  private index(node: number): ChildIndex {
    const data = this.data;
    const built: ChildIndex = { byKey: new Map(), items: [] };
    for (let c = data[node * FIELDS + FIRST_CHILD]!; c >= 0; c = data[c * FIELDS + NEXT_SIBLING]!) {
      const key = this.keys[c];
      if (key === undefined) built.items.push(c);
      else built.byKey.set(key, c);
    }
    (this.indexes ??= new Map()).set(node, built);
    return built;
  }

  private at(node: number): NodeLocation {
    const at = node * FIELDS;
    const data = this.data;
    return { start: data[at + START]!, end: data[at + END]!, keyStart: data[at + KEY_START]!, keyEnd: data[at + KEY_END]! };
  }

  get(path: NodePath): NodeLocation | undefined {
    if (this.overrides !== undefined) {
      const moved = this.overrides.get(pathKey(path));
      if (moved !== undefined) return moved ?? undefined;
    }
    const node = this.find(path);
    return node < 0 ? undefined : this.at(node);
  }

  has(path: NodePath): boolean {
    return this.get(path) !== undefined;
  }

  /** A copy that shares the recorded nodes and takes its own set/delete (for a template rewritten after parsing). */
  withOverrides(): NodeLocations {
    const copy = Object.create(NodeLocations.prototype) as NodeLocations;
    Object.assign(copy, this);
    copy.overrides = new Map(this.overrides);
    return copy;
  }

  set(path: NodePath, location: NodeLocation): void {
    this.writable().set(pathKey(path), location);
  }

  delete(path: NodePath): void {
    this.writable().set(pathKey(path), null);
  }

  private writable(): Map<string, NodeLocation | null> {
    if (this.overrides === undefined) throw new Error('NodeLocations: set and delete need withOverrides()');
    return this.overrides;
  }

  /** Every reachable node as [pathKey, location], parents first (for tests and tools; lookups use get). */
  *[Symbol.iterator](): IterableIterator<[string, NodeLocation]> {
    const seen = new Set<string>();
    if (this.count > 0) {
      const stack: Array<{ node: number; path: (string | number)[] }> = [{ node: 0, path: [] }];
      while (stack.length > 0) {
        const { node, path } = stack.pop()!;
        const key = pathKey(path);
        seen.add(key);
        const location = this.overrides?.has(key) ? this.overrides.get(key) : this.at(node);
        if (location) yield [key, location];
        // The reachable children only: a key given twice reaches its last value.
        const children: Array<{ node: number; path: (string | number)[] }> = [];
        const byKey = new Map<string, number>();
        let position = 0;
        for (let c = this.data[node * FIELDS + FIRST_CHILD]!; c >= 0; c = this.data[c * FIELDS + NEXT_SIBLING]!) {
          const k = this.keys[c];
          if (k === undefined) children.push({ node: c, path: [...path, position++] });
          else byKey.set(k, c);
        }
        for (const [k, c] of byKey) children.push({ node: c, path: [...path, k] });
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      }
    }
    for (const [key, location] of this.overrides ?? []) if (location && !seen.has(key)) yield [key, location];
  }
}
