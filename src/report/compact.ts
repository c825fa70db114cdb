import type { Finding, LintResult } from '../engine/types.ts';
import { absolutePath } from './paths.ts';
import type { Formatter } from './types.ts';

// The `$eslint-compact` problem matcher reads one line per problem, so no field may break a line.
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}

function severity(f: Finding): 'Error' | 'Warning' | 'Info' {
  if (f.kind === 'review') return 'Info';
  return f.level === 'error' ? 'Error' : f.level === 'warning' ? 'Warning' : 'Info';
}

/** `/abs/file.yaml: line 3, col 5, Error - message (rule-id)`, one line per unsuppressed finding. */
export const compact: Formatter = (result: LintResult, options) => {
  const lines: string[] = [];
  for (const f of result.findings) {
    if (f.suppression) continue;
    const file = oneLine(absolutePath(f.file, options.cwd));
    // An empty message would not match the matcher's `(.+)`.
    const message = oneLine(f.message).trim() || f.ruleId;
    lines.push(`${file}: line ${f.region.startLine}, col ${f.region.startColumn}, ${severity(f)} - ${message} (${f.ruleId})`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};

export default compact;
