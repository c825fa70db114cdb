// Shared by the YAML and JSON parsers.

/** Nesting limit of both parsers (handed to js-yaml); deeper input is a fatal DEPTH_LIMIT. */
export const MAX_DEPTH = 1000;

/** Sets an own property; `__proto__` goes through defineProperty so it never touches the prototype. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}
