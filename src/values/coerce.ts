import type { Variant } from './variant.ts';

/** CloudFormation accepts booleans as true/false or the strings "true"/"false" (any case). */
export function asBoolean(v: Variant): boolean | undefined {
  if (v.kind !== 'literal') return undefined;
  if (typeof v.value === 'boolean') return v.value;
  if (typeof v.value === 'string') {
    const lower = v.value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

/** Numbers may be written as strings ("22"). */
export function asNumber(v: Variant): number | undefined {
  if (v.kind !== 'literal') return undefined;
  if (typeof v.value === 'number') return v.value;
  if (typeof v.value === 'string' && v.value.trim() !== '' && !Number.isNaN(Number(v.value))) return Number(v.value);
  return undefined;
}

export function asString(v: Variant): string | undefined {
  if (v.kind !== 'literal') return undefined;
  if (typeof v.value === 'string') return v.value;
  if (typeof v.value === 'number' || typeof v.value === 'boolean') return String(v.value);
  return undefined;
}

/** Present and not unknown-as-absent: for existence checks any intrinsic counts as set (docs/value-model.md). */
export function isSet(v: Variant): boolean {
  if (v.kind === 'absent') return false;
  if (v.kind === 'unknown') return true;
  return v.value !== null && v.value !== '' && !(Array.isArray(v.value) && v.value.length === 0);
}
