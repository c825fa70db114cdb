import type { NodeLocation } from './types.ts';

// Shared by the YAML and JSON parsers.

/** Nesting limit of both parsers (handed to js-yaml); deeper input is a fatal DEPTH_LIMIT. */
export const MAX_DEPTH = 1000;

/** Sets an own property; `__proto__` goes through defineProperty so it never touches the prototype. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * After a duplicate key replaced a collection, locations recorded under the first value can name paths
 * that no longer exist. One pass at the end drops them (only run when that happened).
 */
export function pruneStaleLocations(root: unknown, locations: Map<string, NodeLocation>): void {
  for (const key of locations.keys()) {
    if (key === '') continue;
    let node: unknown = root;
    let ok = true;
    for (const seg of key.split('\u0000')) {
      if (Array.isArray(node)) {
        const i = Number(seg);
        if (!(Number.isInteger(i) && i >= 0 && i < node.length)) {
          ok = false;
          break;
        }
        node = node[i];
      } else if (node !== null && typeof node === 'object' && hasOwn.call(node, seg)) {
        node = (node as Record<string, unknown>)[seg];
      } else {
        ok = false;
        break;
      }
    }
    if (!ok) locations.delete(key);
  }
}
