import { PILLARS, type Finding, type LintResult } from '../engine/types.ts';
import { bySeverity, reportable } from './order.ts';
import { summarize } from './json.ts';
import { isUri } from '../discover/paths.ts';
import { failureReason, guarded, missingText, placeholderText, type OnRenderError } from './failures.ts';
import { displayPath } from './paths.ts';
import { escapeControls, textOf } from './text.ts';
import type { Formatter } from './types.ts';
import { plural } from '../words.ts';

/** GitHub rejects a step summary over 1 MiB; the margin leaves room for what else the step appends. */
export const MAX_SUMMARY_BYTES = 1024 * 1024 - 64 * 1024;
/** A pull-request comment holds at most 65,536 characters; counting bytes keeps any text under it. */
export const MAX_COMMENT_BYTES = 65_536;
/** One very long message must not crowd out the other rows. */
const MAX_MESSAGE = 2000;
/** Files pillars-lint failed on that are named one by one; a bug that hits every file must not fill the summary. */
const MAX_FAILURES_LISTED = 50;
const ZWJ = '\u200d';

export interface SummaryOptions {
  /** File paths are shown relative to this folder (GITHUB_WORKSPACE). */
  root: string;
  /** `https://github.com/OWNER/REPO/blob/SHA`: file:line becomes a link to the line. */
  blobUrl?: string;
  /** Lines shown under the totals, e.g. that only changed templates were linted. */
  notes?: string[];
  maxBytes?: number;
  /** Which limit `maxBytes` is, for the line that says findings were left out. */
  limitName?: string;
  /** Told of each finding that could not be rendered (its row says so instead). */
  onRenderError?: OnRenderError;
}

/**
 * Template text reaches the summary through messages, logical ids and file names: it must not become markup, HTML
 * or a table cell break, nor ping a user or team (`@name`), link an issue (`#123`, `GH-123`) or make a link (`https://`,
 * `www.`): a zero-width joiner after the `@`, `#` or scheme keeps GitHub from seeing one, and reads the same.
 */
export function escapeMarkdown(text: string): string {
  return escapeControls(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWJ}`)
    .replace(/(#|\bGH-)(?=\p{N})/giu, `$1${ZWJ}`)
    .replace(/:\/\//g, `:${ZWJ}//`)
    .replace(/\b(www)\./gi, `$1${ZWJ}.`)
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '<br>');
}

/** Only http(s) links, with the characters that would end a markdown link target encoded. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  return url.replace(/[\s()<>]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

function clip(text: string): string {
  return text.length <= MAX_MESSAGE ? text : text.slice(0, MAX_MESSAGE - 1) + '…';
}

function location(f: Finding, options: SummaryOptions): string {
  if (isUri(f.file)) return escapeMarkdown(f.file);
  const file = displayPath(f.file, options.root);
  const text = escapeMarkdown(`${file}:${f.region.startLine}`);
  const base = safeUrl(options.blobUrl);
  if (!base || file.startsWith('/') || /^[A-Za-z]:/.test(file)) return text;
  const { startLine, endLine } = f.region;
  const anchor = endLine > startLine ? `#L${startLine}-L${endLine}` : `#L${startLine}`;
  const encoded = file
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29')))
    .join('/');
  return `[${text}](${base.replace(/\/+$/, '')}/${encoded}${anchor})`;
}

/** Says the report is incomplete, and which files pillars-lint failed on. */
function failureLines(failures: LintResult['failures'], root: string): string[] {
  const out = [
    `**Incomplete:** pillars-lint failed ${plural(failures.length, 'time')} (internal error), so findings are missing from this report.`,
    '',
    '| file | what is missing | error |',
    '|:--|:--|:--|',
  ];
  for (const failure of failures.slice(0, MAX_FAILURES_LISTED)) {
    out.push(
      `| ${escapeMarkdown(displayPath(failure.file, root))} | ${escapeMarkdown(missingText(failure))} | ${escapeMarkdown(failureReason(failure.error, root))} |`,
    );
  }
  if (failures.length > MAX_FAILURES_LISTED) out.push('', `_and ${plural(failures.length - MAX_FAILURES_LISTED, 'more')}._`);
  return out;
}

/** The job summary: totals, a pillar × level table, then the findings, most severe first, cut to stay under the size limit. */
export function jobSummary(result: LintResult, options: SummaryOptions): string {
  const maxBytes = options.maxBytes ?? MAX_SUMMARY_BYTES;
  const listed = bySeverity(reportable(result.findings), result.rules);
  const summary = summarize(result.findings);
  const problems = summary.errors + summary.warnings + summary.notes;
  const linted = result.files.filter((f) => f.status === 'linted').length;
  const skipped = result.files.length - linted;

  const head: string[] = ['## pillars-lint', ''];
  const extras = [
    summary.review && `${summary.review} to review`,
    summary.suppressed && `${summary.suppressed} suppressed`,
    skipped && `${plural(skipped, 'file')} skipped`,
  ].filter(Boolean);
  const tail = extras.length ? ` (${extras.join(', ')})` : '';
  head.push(
    problems > 0
      ? `**${plural(problems, 'problem')}** (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.notes, 'note')}) in ${plural(linted, 'template')}${tail}.`
      : `**No problems** in ${plural(linted, 'template')}${tail}.`,
  );
  for (const note of options.notes ?? []) head.push('', escapeMarkdown(note));
  if (result.failures.length) head.push('', ...failureLines(result.failures, options.root));

  head.push('', '| pillar | errors | warnings | notes |', '|:--|--:|--:|--:|');
  for (const p of PILLARS) {
    const c = summary.byPillar[p];
    head.push(`| ${p} | ${c.errors} | ${c.warnings} | ${c.notes} |`);
  }
  const t = summary.template;
  // Parse errors and the like are about the templates, not a pillar: a row of their own, only when there are some.
  if (t.errors + t.warnings + t.notes > 0) head.push(`| _template problems_ | ${t.errors} | ${t.warnings} | ${t.notes} |`);
  head.push(`| **total** | **${summary.errors}** | **${summary.warnings}** | **${summary.notes}** |`);

  if (listed.length === 0) return head.join('\n') + '\n';

  const rules = new Map(result.rules.map((r) => [r.id, r]));
  head.push('', '### Findings');
  const top = head.join('\n') + '\n';
  // Room for the closing lines, whatever the counts in them.
  const budget = maxBytes - Buffer.byteLength(top) - 400;
  const groups = [...byRule(listed)].map(([ruleId, findings], i) => {
    const rule = rules.get(ruleId);
    const url = safeUrl(rule?.helpUri);
    const title = rule ? ` — ${escapeMarkdown(rule.title)}` : '';
    const header = [
      '',
      `<details${i === 0 ? ' open' : ''}><summary><b>${escapeMarkdown(ruleId)}</b>${title} — ${plural(findings.length, 'finding')}</summary>`,
      '',
      ...(url ? [`[How to fix](${url})`, ''] : []),
      '| file:line | level | message |',
      '|:--|:--|:--|',
      '',
    ].join('\n');
    const rows = findings.map((f) =>
      guarded(
        f,
        options.onRenderError,
        (finding) => {
          const level = finding.kind === 'review' ? 'review' : finding.level;
          return `| ${location(finding, options)} | ${level} | ${escapeMarkdown(clip(textOf(finding.message, '') || finding.ruleId))} |\n`;
        },
        (failure) => `| | | _${escapeMarkdown(placeholderText(failure, options.root))}_ |\n`,
      ),
    );
    return { header, rows, sizes: rows.map((r) => Buffer.byteLength(r)), fixed: Buffer.byteLength(header) + 64 };
  });
  // Every rule gets the same number of rows at most, as many as fit: a flood from one rule must not hide the others.
  const total = (cap: number, count = groups.length) =>
    groups.slice(0, count).reduce((n, g) => n + g.fixed + g.sizes.slice(0, cap).reduce((a, b) => a + b, 0), 0);
  const most = Math.max(...groups.map((g) => g.rows.length));
  let cap = most;
  if (total(most) > budget) {
    let lo = 1;
    let hi = most;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (total(mid) <= budget) lo = mid;
      else hi = mid - 1;
    }
    cap = lo;
  }
  // Even one row each may not fit: then the most severe rules come first and the rest are counted.
  let shown = groups.length;
  while (shown > 0 && total(cap, shown) > budget) shown--;
  let out = top;
  for (const g of groups.slice(0, shown)) {
    out += g.header + g.rows.slice(0, cap).join('');
    if (g.rows.length > cap) out += `\n_${plural(g.rows.length - cap, 'more finding')} of this rule not listed._\n`;
    out += '\n</details>\n';
  }
  const left = groups.slice(shown).reduce((n, g) => n + g.rows.length, 0);
  if (left > 0) out += `\n_${plural(groups.length - shown, 'more rule')} with ${plural(left, 'finding')} not listed._\n`;
  if (cap < most || shown < groups.length) {
    out += `\n_This report is cut to stay under ${options.limitName ?? 'its size limit'}; the SARIF file and \`pillars-lint\` run locally list every finding._\n`;
  }
  return out;
}

/** Findings grouped by rule, the rule of the most severe finding first; each group keeps the severity order. */
function byRule(sorted: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of sorted) {
    let list = groups.get(f.ruleId);
    if (!list) groups.set(f.ruleId, (list = []));
    list.push(f);
  }
  return groups;
}

/**
 * `-f markdown`: the document the GitHub Action writes to the job summary, sized by default for a pull-request comment
 * (`--markdown-limit` raises it, e.g. to 1MB for `>> "$GITHUB_STEP_SUMMARY"`).
 */
export const markdown: Formatter = (result: LintResult, options) => {
  const env = process.env;
  const blobUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}` : undefined;
  const maxBytes = options.markdownLimit ?? MAX_COMMENT_BYTES;
  return jobSummary(result, {
    root: env.GITHUB_WORKSPACE || options.cwd,
    blobUrl,
    onRenderError: options.onRenderError,
    maxBytes,
    limitName:
      options.markdownLimit === undefined
        ? "GitHub's 65,536-character limit for a pull-request comment (--markdown-limit raises it)"
        : `${maxBytes} bytes (--markdown-limit)`,
  });
};

export default markdown;
