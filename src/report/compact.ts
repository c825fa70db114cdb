import type { Finding, LintResult } from '../engine/types.ts';
import { guarded, placeholderText } from './failures.ts';
import { reportable } from './order.ts';
import { absolutePath } from './paths.ts';
import { escapeControls, textOf } from './text.ts';
import type { Formatter } from './types.ts';

// The `$eslint-compact` problem matcher reads one line per problem, so no field may break a line; nor may template
// text drive the terminal or the log the line ends up in.
function oneLine(text: string): string {
  return escapeControls(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
}

function severity(f: Finding): 'Error' | 'Warning' | 'Info' {
  if (f.kind === 'review') return 'Info';
  return f.level === 'error' ? 'Error' : f.level === 'warning' ? 'Warning' : 'Info';
}

/** `/abs/file.yaml: line 3, col 5, Error - message (rule-id)`, one line per finding neither suppressed nor in the baseline. */
export const compact: Formatter = (result: LintResult, options) => {
  const lines: string[] = [];
  for (const finding of reportable(result.findings)) {
    lines.push(
      guarded(
        finding,
        options.onRenderError,
        (f) => {
          const file = oneLine(absolutePath(f.file, options.cwd));
          // An empty message would not match the matcher's `(.+)`.
          const message = oneLine(textOf(f.message, '')).trim() || f.ruleId;
          return `${file}: line ${f.region.startLine}, col ${f.region.startColumn}, ${severity(f)} - ${message} (${oneLine(f.ruleId)})`;
        },
        (failure) => placeholderText(failure, options.cwd),
      ),
    );
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};

export default compact;
