import type { LintResult } from '../engine/types.ts';

export interface FormatOptions {
  color: boolean;
  cwd: string;
  /** SARIF run category (`--category`); written as automationDetails.id only when set. */
  category?: string;
  toolVersion: string;
  /** Write suppressed findings to SARIF (with `suppressions`) instead of leaving them out. */
  includeSuppressed?: boolean;
}

export type Formatter = (result: LintResult, options: FormatOptions) => string;
