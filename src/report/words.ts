/** "1 error", "3 errors": the counts in summaries and annotations. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
