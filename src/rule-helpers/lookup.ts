// Tables keyed by text from a template (a policy name, a protocol, a resource type) are plain objects, where a key
// such as "constructor" or "toString" would find Object's own members. Such lookups go through own().

/** The table's entry for `key`, only when the table itself defines it. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
