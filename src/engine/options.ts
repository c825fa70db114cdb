// Rule options declared once: each option's JSON schema, description and default, from which the engine derives the
// options schema (config validation, editor completion), the defaults, the TypeScript type and the docs.

/** One option of a rule: its schema (without description and default, which are fields of their own). */
export interface OptionDef<T> {
  schema: Record<string, unknown>;
  description: string;
  default: T;
  /** Phantom field carrying the TypeScript type; never set. */
  readonly __type?: T;
}

export type OptionDefs = Record<string, OptionDef<unknown>>;

/** The options object a rule's check receives: every option present, typed from its definition. */
export type OptionsOf<O extends OptionDefs | undefined> = O extends OptionDefs
  ? { readonly [K in keyof O]: O[K] extends OptionDef<infer T> ? T : never }
  : Record<string, never>;

interface Described<T> {
  description: string;
  default: T;
}

/** Builders for the common kinds of option; `option.custom` takes any JSON schema. */
export const option = {
  boolean(d: Described<boolean>): OptionDef<boolean> {
    return { schema: { type: 'boolean' }, ...d };
  },
  number(d: Described<number> & { minimum?: number; maximum?: number; integer?: boolean }): OptionDef<number> {
    const { minimum, maximum, integer, ...rest } = d;
    return {
      schema: { type: integer ? 'integer' : 'number', ...(minimum !== undefined ? { minimum } : {}), ...(maximum !== undefined ? { maximum } : {}) },
      ...rest,
    };
  },
  string(d: Described<string>): OptionDef<string> {
    return { schema: { type: 'string' }, ...d };
  },
  /** A list of distinct non-empty strings (tag keys, resource types, instance families...). */
  strings(d: Described<readonly string[]>): OptionDef<readonly string[]> {
    return { schema: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true }, ...d };
  },
  oneOf<const V extends readonly string[]>(values: V, d: Described<V[number]>): OptionDef<V[number]> {
    return { schema: { enum: [...values] }, ...d };
  },
  custom<T>(schema: Record<string, unknown>, d: Described<T>): OptionDef<T> {
    return { schema, ...d };
  },
};

/** The JSON schema of a rule's options object: every option described, with its default, and nothing else allowed. */
export function optionsSchema(defs: OptionDefs): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(defs)) {
    properties[name] = { ...def.schema, description: def.description, default: def.default };
  }
  return { type: 'object', properties, additionalProperties: false };
}

export function optionDefaults(defs: OptionDefs): Record<string, unknown> {
  return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, def.default]));
}
