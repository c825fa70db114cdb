// Wording shared by messages and reports: counts, lists and names of things, in one grammar.

/** "1 error", "3 errors": the counts in summaries and annotations. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** 65536 → "65,536": digits grouped by thousands, without loading the locale data toLocaleString() needs. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "a", "a or b", "a, b or c". */
export function listWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "target group A", "target groups A and B": a noun made plural by the number of names that follow it. */
export function named(noun: string, names: readonly string[]): string {
  return `${noun}${names.length === 1 ? '' : 's'} ${listWords(names)}`;
}
