import type { LintResult } from '../engine/types.ts';
import type { OnRenderError } from './failures.ts';

export interface FormatOptions {
  color: boolean;
  cwd: string;
  /** SARIF run category (`--category`); written as automationDetails.id only when set. */
  category?: string;
  toolVersion: string;
  /** Write suppressed findings to SARIF (with `suppressions`) instead of leaving them out. */
  includeSuppressed?: boolean;
  /**
   * Where a finding on a synthesized CDK template is placed in SARIF and annotations: `source` (the default) puts it
   * on the line of the CDK app that creates the resource, when that file is in the project (cdk.out is rarely
   * committed, so code scanning could not show it), with the template as a related location; `template` keeps it
   * on the template.
   */
  cdkLocation?: 'source' | 'template';
  /** List every skipped file, nested stack not followed and loop not expanded, instead of one count line each. */
  verbose?: boolean;
  /** The markdown report's size limit in bytes (--markdown-limit); default: what a pull-request comment holds. */
  markdownLimit?: number;
  /** Told of each finding the formatter could not render (it writes a placeholder instead), so the run can fail. */
  onRenderError?: OnRenderError;
}

export type Formatter = (result: LintResult, options: FormatOptions) => string;
