// Template text (messages, logical ids, file names) reaches terminals, logs and workflow commands: it must not be
// able to drive them.

/**
 * C0 controls but tab and line breaks (each format handles those its own way), DEL, C1 controls, and the bidi
 * marks and overrides that make a line read differently from what it holds.
 */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Each control character as a visible `\uXXXX` escape. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A value meant to be text, as text: a string as it is, a number or boolean spelled out, anything else (an object
 * a bug or a custom rule put there) the fallback, never `[object Object]`.
 */
export function textOf<T extends string | undefined>(value: unknown, fallback: T): string | T {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return fallback;
}
