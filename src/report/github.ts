import type { Finding, LintResult, RuleMeta } from '../engine/types.ts';
import { isUri } from '../discover/paths.ts';
import { failureReason, guarded, missingText, placeholderText, type OnRenderError } from './failures.ts';
import { bySeverity, reportable } from './order.ts';
import { cdkSourceOf, displayPath } from './paths.ts';
import { escapeControls, textOf } from './text.ts';
import type { Formatter } from './types.ts';
import { plural } from '../words.ts';

export type AnnotationLevel = 'error' | 'warning' | 'notice';
export const ANNOTATION_LEVELS: readonly AnnotationLevel[] = ['error', 'warning', 'notice'];

/** The runner keeps this many annotations of each level per step and drops the rest. */
export const ANNOTATIONS_PER_LEVEL = 10;

// The runner decodes exactly these escapes (as @actions/core encodes them); anything else is literal.
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** In properties `,` separates the pairs and `::` ends them, so `:` and `,` are escaped too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export type CommandProperties = Record<string, string | number | undefined>;

/** `::name key=value,...::message`, with every part escaped. */
export function workflowCommand(name: string, properties: CommandProperties, message: string): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${props ? ' ' + props : ''}::${escapeData(message)}`;
}

export function annotationLevel(f: Finding): AnnotationLevel {
  if (f.kind === 'review' || f.level === 'note') return 'notice';
  return f.level;
}

export function annotation(f: Finding, root: string, cdkLocation?: 'source' | 'template'): string {
  const props: CommandProperties = {};
  // On the CDK app's line that creates the resource, when there is one in the project (cdk.out is rarely committed).
  const source = cdkSourceOf(f, root, cdkLocation);
  if (source) {
    props.file = escapeControls(displayPath(source.file, root));
    props.line = source.line;
    if (source.column) props.col = source.column;
  } else if (!isUri(f.file)) {
    // A deployed stack (stack://) has no file in the repository to annotate.
    const { startLine, startColumn, endLine, endColumn } = f.region;
    props.file = escapeControls(displayPath(f.file, root));
    props.line = startLine;
    props.endLine = Math.max(startLine, endLine);
    // GitHub accepts columns only on one line; its endColumn is inclusive, ours is one past the end.
    if (endLine === startLine) {
      props.col = startColumn;
      props.endColumn = Math.max(startColumn, endColumn - 1);
    }
  }
  // The runner decodes only its own escapes, so template text could still carry controls into the log and the UI.
  props.title = escapeControls(`${f.ruleId} (${f.kind === 'review' ? 'review' : f.pillar})`);
  return workflowCommand(annotationLevel(f), props, escapeControls(textOf(f.message, '') || f.ruleId));
}

/**
 * The files pillars-lint failed on, as error annotations on those files, at most `limit` lines: past it, the last
 * line counts the rest.
 */
export function failureAnnotations(failures: LintResult['failures'], root: string, limit: number): string[] {
  const lines: string[] = [];
  const room = failures.length > limit ? Math.max(0, limit - 1) : failures.length;
  for (const failure of failures.slice(0, room)) {
    const props: CommandProperties = { title: 'pillars-lint internal error' };
    if (!isUri(failure.file)) props.file = escapeControls(displayPath(failure.file, root));
    lines.push(workflowCommand('error', props, `${missingText(failure)}: ${failureReason(failure.error, root)}`));
  }
  const rest = failures.length - room;
  if (rest > 0 && limit > 0) {
    lines.push(
      workflowCommand(
        'error',
        { title: 'pillars-lint internal error' },
        `pillars-lint failed ${plural(rest, room ? 'more time' : 'time')} (internal errors), so findings are missing.`,
      ),
    );
  }
  return lines;
}

export interface AnnotationOptions {
  /** Paths are written relative to this folder (GITHUB_WORKSPACE). */
  root: string;
  /** Annotations still available per level (the caller may have used some for its own messages). */
  limits?: Partial<Record<AnnotationLevel, number>>;
  /** Where the findings that are not annotated can be read, e.g. "the job summary". */
  moreIn?: string;
  /** The rules that ran, for their security-severity: the most severe findings get the few annotations. */
  rules?: readonly RuleMeta[];
  cdkLocation?: 'source' | 'template';
  /** Told of each finding that could not be rendered (an annotation without a place says so instead). */
  onRenderError?: OnRenderError;
}

export interface Annotations {
  lines: string[];
  /** Per level, including the closing notice. */
  shown: Record<AnnotationLevel, number>;
  hidden: Record<AnnotationLevel, number>;
}

/**
 * The findings as workflow commands, most severe first, at most the limit of each level; the rest are counted in
 * one closing notice. That notice takes a notice slot itself, so one is kept free for it when needed.
 */
export function annotations(findings: readonly Finding[], options: AnnotationOptions): Annotations {
  const list = bySeverity(reportable(findings), options.rules);
  const limit = (level: AnnotationLevel) => Math.max(0, options.limits?.[level] ?? ANNOTATIONS_PER_LEVEL);
  const total = { error: 0, warning: 0, notice: 0 };
  for (const f of list) total[annotationLevel(f)]++;
  const caps = { error: limit('error'), warning: limit('warning'), notice: limit('notice') };
  if (ANNOTATION_LEVELS.some((l) => total[l] > caps[l])) caps.notice = Math.max(0, caps.notice - 1);

  const used = { error: 0, warning: 0, notice: 0 };
  const hidden = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  for (const f of list) {
    const level = annotationLevel(f);
    if (used[level] < caps[level]) {
      used[level]++;
      lines.push(
        guarded(
          f,
          options.onRenderError,
          (finding) => annotation(finding, options.root, options.cdkLocation),
          (failure) => workflowCommand(level, { title: 'pillars-lint' }, placeholderText(failure, options.root)),
        ),
      );
    } else hidden[level]++;
  }
  const more = hidden.error + hidden.warning + hidden.notice;
  if (more > 0) {
    used.notice++;
    const parts = [
      hidden.error && plural(hidden.error, 'error'),
      hidden.warning && plural(hidden.warning, 'warning'),
      hidden.notice && plural(hidden.notice, 'note'),
    ].filter(Boolean);
    const where = options.moreIn ?? 'the full report';
    lines.push(
      workflowCommand(
        'notice',
        { title: 'pillars-lint' },
        `${plural(more, 'more finding')} (${parts.join(', ')}) ${more === 1 ? 'is' : 'are'} not shown as annotations, ` +
          `because GitHub shows only ${ANNOTATIONS_PER_LEVEL} of each level per step: see ${where}.`,
      ),
    );
  }
  return { lines, shown: used, hidden };
}

/** `-f github`: annotations for a workflow step (`pillars-lint -f github .` in a `run:` step). */
export const github: Formatter = (result: LintResult, options) => {
  const root = process.env.GITHUB_WORKSPACE || options.cwd;
  const failed = failureAnnotations(result.failures, root, ANNOTATIONS_PER_LEVEL);
  const { lines } = annotations(result.findings, {
    root,
    limits: { error: ANNOTATIONS_PER_LEVEL - failed.length },
    moreIn: 'the full report (for example `-f markdown >> "$GITHUB_STEP_SUMMARY"`)',
    rules: result.rules,
    cdkLocation: options.cdkLocation,
    onRenderError: options.onRenderError,
  });
  const all = [...failed, ...lines];
  return all.length ? all.join('\n') + '\n' : '';
};

export default github;
