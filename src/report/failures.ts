// What went wrong inside pillars-lint, as the reports tell it: a file the engine failed on, or a finding a formatter
// could not render. Both are bugs; a report that leaves them out would pass for a complete one.
import { resolve, sep } from 'node:path';
import type { Finding, LintResult } from '../engine/types.ts';
import { displayPath } from './paths.ts';
import { escapeControls, textOf } from './text.ts';

/** A finding a formatter threw on; the report holds a placeholder in its place. */
export interface RenderFailure {
  finding: Finding;
  ruleId: string;
  /** Undefined when even the file could not be read off the finding. */
  file?: string;
  error: Error;
}

export type OnRenderError = (failure: RenderFailure) => void;

/** Long enough for any real error message, short enough for one line of a log. */
const MAX_REASON = 300;

/** Reads a field of something that may be broken (a getter that throws) without throwing. */
function safely<T extends string | undefined>(read: () => unknown, fallback: T): string | T {
  try {
    return textOf(read(), fallback);
  } catch {
    return fallback;
  }
}

/**
 * An internal error as one line for the user: the first line of its message (no stack), the project's absolute
 * path taken out of the paths Node's messages name, controls escaped, clipped.
 */
export function failureReason(error: unknown, cwd: string): string {
  const message = error instanceof Error ? safely(() => error.message, '') : safely(() => error, '');
  let line = message.split(/\r\n|[\r\n\u2028\u2029]/)[0]!.trim();
  line = line.split(resolve(cwd) + sep).join('');
  // What the engine makes of a thrown plain object: say that rather than "[object Object]".
  if (line === '' || line === '[object Object]') line = 'an unknown error was thrown';
  line = escapeControls(line);
  return line.length <= MAX_REASON ? line : line.slice(0, MAX_REASON - 1) + '…';
}

/** A file name for a one-line message: relative to the project, controls escaped. */
export function shownFile(file: string | undefined, cwd: string): string {
  return file === undefined ? 'an unknown file' : escapeControls(safely(() => displayPath(file, cwd), file));
}

/**
 * What an engine failure leaves out, for a reader of the file's report: the whole file, or one rule's findings on
 * one resource (the file's other findings stand).
 */
export function missingText(failure: LintResult['failures'][number]): string {
  if (failure.ruleId === undefined) return 'pillars-lint failed on this file (internal error), so its findings are missing';
  const where = failure.logicalId !== undefined ? ` on resource ${escapeControls(failure.logicalId)}` : '';
  return `rule ${escapeControls(failure.ruleId)} failed${where} (internal error), so its findings there are missing`;
}

/** `pillars-lint could not render a finding of rule X in FILE`: what stands in for the finding. */
export function placeholderText(failure: RenderFailure, cwd: string): string {
  return `pillars-lint could not render a finding of rule ${escapeControls(failure.ruleId)} in ${shownFile(failure.file, cwd)} (internal error)`;
}

/**
 * `render(finding)`, or, when that throws, `placeholder(failure)` after telling `onRenderError`: one broken finding
 * costs the report that finding only.
 */
export function guarded<T>(
  finding: Finding,
  onRenderError: OnRenderError | undefined,
  render: (f: Finding) => T,
  placeholder: (failure: RenderFailure) => T,
): T {
  try {
    return render(finding);
  } catch (error) {
    const failure: RenderFailure = {
      finding,
      ruleId: safely(() => finding.ruleId, '?'),
      file: safely(() => finding.file, undefined),
      error: error instanceof Error ? error : new Error(safely(() => error, '')),
    };
    onRenderError?.(failure);
    return placeholder(failure);
  }
}

/**
 * The gaps of a report as lines for stderr, one per failed file and per finding not rendered, with the stack only
 * when asked (`--debug`). Empty when the report is complete; otherwise the run must fail.
 */
export function gapLines(failures: LintResult['failures'], renderFailures: readonly RenderFailure[], cwd: string, debug: boolean): string[] {
  const detail = (error: Error) => (debug ? `\n${error.stack}` : ' (run with --debug for details)');
  return [
    ...failures.map((f) => `pillars-lint: ${shownFile(f.file, cwd)}: ${missingText(f)}: ${failureReason(f.error, cwd)}${detail(f.error)}`),
    ...renderFailures.map((f) => `pillars-lint: ${placeholderText(f, cwd)}: ${failureReason(f.error, cwd)}${detail(f.error)}`),
  ];
}
