import { Opaque } from './variant.ts';

/**
 * About how many characters of a template value a message quotes. Values come from the template (a parameter
 * Default can be megabytes): quoted whole, a few hundred findings would make a report too big to build.
 */
export const QUOTE_LENGTH = 200;

/** `text` cut to at most `max` characters, the last an ellipsis; never between the two halves of a surrogate pair. */
export function clip(text: string, max = QUOTE_LENGTH): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * A template value as message text, clipped: strings as they are, numbers and booleans as written, anything else
 * (a list, a mapping, an intrinsic) as short JSON, so that no message ever says `[object Object]`.
 */
export function valueText(value: unknown, max = QUOTE_LENGTH): string {
  if (typeof value === 'string') return clip(value, max);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return clip(String(value), max);
  if (value === undefined) return '';
  if (value instanceof Opaque) return clip(value.reason, max);
  const out: string[] = [];
  shortJson(value, out, { left: max + 1 });
  return clip(out.join(''), max);
}

/**
 * JSON of `value` into `out`, stopping once `budget.left` characters are written: a value can be megabytes, and
 * JSON.stringify would build all of it only to have it cut. Recursion ends with the budget (each level writes one).
 */
function shortJson(value: unknown, out: string[], budget: { left: number }): void {
  if (budget.left <= 0) return;
  let text: string | undefined;
  if (value === null || value === undefined) text = 'null';
  else if (typeof value === 'string') text = JSON.stringify(clip(value, budget.left + 1));
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else if (value instanceof Opaque) text = JSON.stringify(clip(value.reason, budget.left + 1));
  else if (Array.isArray(value)) {
    write('[', out, budget);
    for (let i = 0; i < value.length && budget.left > 0; i++) {
      if (i > 0) write(',', out, budget);
      shortJson(value[i], out, budget);
    }
    write(']', out, budget);
    return;
  } else if (typeof value === 'object') {
    write('{', out, budget);
    let first = true;
    for (const key in value) {
      if (budget.left <= 0) break;
      if (!first) write(',', out, budget);
      first = false;
      write(`${JSON.stringify(clip(key, budget.left + 1))}:`, out, budget);
      shortJson((value as Record<string, unknown>)[key], out, budget);
    }
    write('}', out, budget);
    return;
  } else text = String(value);
  write(text, out, budget);
}

function write(text: string, out: string[], budget: { left: number }): void {
  if (budget.left <= 0) return;
  out.push(text.length > budget.left ? text.slice(0, budget.left) : text);
  budget.left -= text.length;
}
