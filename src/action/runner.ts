// The runner protocol of a JavaScript action, in place of @actions/core: inputs come from INPUT_* variables,
// commands go to stdout, outputs and the job summary are appended to files the runner names.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { ANNOTATIONS_PER_LEVEL, workflowCommand, type AnnotationLevel, type CommandProperties } from '../report/github.ts';

export type Env = Record<string, string | undefined>;

export class InputError extends Error {}

export class Runner {
  private readonly issued: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };

  constructor(
    readonly env: Env,
    private readonly write: (text: string) => void = (text) => process.stdout.write(text),
  ) {}

  /** The runner upper-cases the input name and turns spaces into `_`; hyphens stay. */
  input(name: string): string {
    return (this.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  }

  booleanInput(name: string, fallback: boolean): boolean {
    const value = this.input(name);
    if (value === '') return fallback;
    if (/^true$/i.test(value)) return true;
    if (/^false$/i.test(value)) return false;
    throw new InputError(`input ${name} must be true or false (got "${value}")`);
  }

  /** A plain log line, kept on one line so nothing in it can start a workflow command. */
  log(text: string): void {
    this.write(text.replace(/[\r\n]+/g, ' ').replace(/^\s*::/, ': :') + EOL);
  }

  debug(text: string): void {
    this.write(workflowCommand('debug', {}, text) + EOL);
  }

  /** An annotation of the step (counted: GitHub keeps only 10 of each level). */
  annotate(level: AnnotationLevel, properties: CommandProperties, message: string): void {
    this.issued[level]++;
    this.write(workflowCommand(level, properties, message) + EOL);
  }

  /** Lines already formatted as annotations, with how many of each level they hold. */
  annotateLines(lines: readonly string[], counts: Record<AnnotationLevel, number>): void {
    for (const level of Object.keys(counts) as AnnotationLevel[]) this.issued[level] += counts[level];
    if (lines.length) this.write(lines.join(EOL) + EOL);
  }

  /** Annotations of a level the step can still show. */
  left(level: AnnotationLevel): number {
    return Math.max(0, ANNOTATIONS_PER_LEVEL - this.issued[level]);
  }

  /** `name=value`, or a heredoc with a delimiter that cannot occur in the value when it spans lines. */
  setOutput(name: string, value: string): void {
    const file = this.env.GITHUB_OUTPUT;
    if (!file) {
      this.debug(`GITHUB_OUTPUT is not set: output ${name} not written`);
      return;
    }
    if (!/[\r\n]/.test(value)) {
      appendFileSync(file, `${name}=${value}${EOL}`);
      return;
    }
    let delimiter = `ghadelimiter_${randomUUID()}`;
    while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
    appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`);
  }

  /** Appends markdown to the step summary; false when the runner gave no summary file. */
  appendSummary(markdown: string): boolean {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (!file) return false;
    appendFileSync(file, markdown);
    return true;
  }
}
