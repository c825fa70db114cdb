import { PILLARS, type FileReport, type Finding, type LintResult } from '../engine/types.ts';
import type { Region } from '../parse/types.ts';
import { createColors, type Colors, type Paint } from './colors.ts';
import { bySeverity } from './order.ts';
import { summarize } from './json.ts';
import { guarded, placeholderText } from './failures.ts';
import { displayPath } from './paths.ts';
import { textOf } from './text.ts';
import type { Formatter } from './types.ts';
import { plural } from '../words.ts';

/** Longest slice of a source line shown in a code frame (minified JSON can be one huge line). */
const FRAME_WIDTH = 160;
/** Messages longer than this are not padded, so one long message does not push every column right. */
const MAX_MESSAGE_PAD = 80;
const CONTEXT_LINES = 2;

// Template text must not drive the terminal: C0/C1 controls (but tab) and bidi overrides become U+FFFD,
// one code unit for one, so the caret marker stays aligned.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function safe(text: string): string {
  return text.replace(UNSAFE, '\ufffd');
}
function oneLine(text: string): string {
  return safe(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
}

interface Row {
  f: Finding;
  message: string;
  extra: string;
  line: string;
  col: string;
  rule: string;
}

function levelLabel(f: Finding): string {
  return f.kind === 'review' ? 'review' : f.level;
}

function levelPaint(f: Finding, c: Colors): Paint {
  if (f.kind === 'review') return c.dim;
  return f.level === 'error' ? c.red : f.level === 'warning' ? c.yellow : c.cyan;
}

function splitLines(source: string): string[] {
  // Same line breaks as the parser's computeLineStarts (LF, CRLF, lone CR).
  return source.split(/\r\n|\r|\n/);
}

/** Two lines of context, the region's first line with a `>` gutter, and a caret marker under the region. */
function codeFrame(lines: string[], region: Region, paint: Paint, c: Colors): string[] {
  const lineNo = region.startLine;
  if (lineNo < 1 || lineNo > lines.length) return [];
  const first = Math.max(1, lineNo - CONTEXT_LINES);
  const gutter = String(lineNo).length;
  const startCol = Math.max(0, region.startColumn - 1);
  // Scroll right on long lines so the marked column stays visible.
  const windowStart = startCol > FRAME_WIDTH - 40 ? startCol - 40 : 0;
  const clip = (line: string): string => {
    let shown = line.slice(windowStart, windowStart + FRAME_WIDTH);
    if (windowStart > 0 && line.length > 0) shown = '…' + shown;
    if (line.length > windowStart + FRAME_WIDTH) shown += '…';
    return safe(shown);
  };
  const out: string[] = [];
  for (let n = first; n <= lineNo; n++) {
    const mark = n === lineNo ? c.red(c.bold('>')) : ' ';
    const text = lines[n - 1]!;
    out.push(`    ${mark} ${c.dim(String(n).padStart(gutter) + ' |')}${text ? ' ' + clip(text) : ''}`);
  }
  const line = lines[lineNo - 1]!;
  const lineEnd = Math.min(line.length, windowStart + FRAME_WIDTH);
  const endCol = region.endLine === region.startLine ? region.endColumn - 1 : line.length;
  const from = Math.min(Math.max(startCol, windowStart), lineEnd);
  const carets = Math.max(1, Math.min(endCol, lineEnd) - from);
  // Keep tabs in the indent so the carets line up with the source above them.
  const indent = (windowStart > 0 ? ' ' : '') + line.slice(windowStart, from).replace(/[^\t]/g, ' ');
  out.push(`      ${c.dim(' '.repeat(gutter) + ' |')} ${indent}${paint('^'.repeat(carets))}`);
  return out;
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.file);
    if (list) list.push(f);
    else groups.set(f.file, [f]);
  }
  return groups;
}

/**
 * Files in the order of their most severe finding (bySeverity's order: level, then security-severity), so the first
 * screen shows an admin policy before a page of unencrypted volumes; each file's findings stay in line order.
 */
function mostSevereFirst(groups: Map<string, Finding[]>, rules: LintResult['rules']): Array<[string, Finding[]]> {
  const order = new Map<Finding, number>();
  bySeverity([...groups.values()].flat(), rules).forEach((f, i) => order.set(f, i));
  const first = (findings: Finding[]) => Math.min(...findings.map((f) => order.get(f)!));
  return [...groups].sort((a, b) => first(a[1]) - first(b[1]));
}

function pillarTable(summary: ReturnType<typeof summarize>, c: Colors): string[] {
  const headers = ['pillar', 'errors', 'warnings', 'notes'];
  const rows = PILLARS.map((p) => {
    const s = summary.byPillar[p];
    return [p, String(s.errors), String(s.warnings), String(s.notes)];
  });
  // Parse errors and the like are about the templates, not a pillar: a row of their own, only when there are some.
  const t = summary.template;
  if (t.errors + t.warnings + t.notes > 0) rows.push(['template problems', String(t.errors), String(t.warnings), String(t.notes)]);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const render = (cells: string[]): string => '  ' + cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const out = [c.bold(render(headers))];
  for (const row of rows) {
    const text = render(row);
    out.push(row.slice(1).every((n) => n === '0') ? c.dim(text) : text);
  }
  return out;
}

/**
 * Reasons by how often they come up, the commonest first, in one clause: "300: not a template; 2: outside the
 * project". Details in parentheses (which parameter, which byte) are left to --verbose, so that reasons group.
 */
function reasonCounts(byReason: ReadonlyMap<string, readonly string[]>): string {
  const counts = new Map<string, number>();
  for (const [reason, items] of byReason) {
    const brief = oneLine(reason.replace(/ \(.*\)$/, ''));
    counts.set(brief, (counts.get(brief) ?? 0) + items.length);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const shown = sorted.slice(0, 3).map(([reason, n]) => `${n}: ${reason}`);
  if (sorted.length > 3) shown.push(`${sorted.slice(3).reduce((n, [, k]) => n + k, 0)}: other reasons`);
  return shown.join('; ');
}

/**
 * What was left out of the lint, so nobody assumes it was checked: skipped files, nested stacks not followed (remote
 * URLs, values known only at deploy time), Fn::ForEach loops not expanded. One count line each; --verbose lists them.
 */
function leftOutLines(files: readonly FileReport[], cwd: string, c: Colors, verbose: boolean): string[] {
  const skipped = new Map<string, string[]>();
  const nested = new Map<string, string[]>();
  const loops = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, reason: string, item: string) => {
    const list = map.get(reason);
    if (list) list.push(item);
    else map.set(reason, [item]);
  };
  for (const f of files) {
    const shown = oneLine(displayPath(f.file, cwd));
    if (f.status === 'skipped') add(skipped, f.skipReason ?? 'skipped', shown);
    for (const n of f.nestedStacks ?? []) {
      // Cycles and missing files are findings already.
      if (n.followed || !n.reason?.startsWith('not followed')) continue;
      const target = n.templateUrl ? ` (${oneLine(n.templateUrl)})` : '';
      add(nested, n.reason.replace(/^not followed: /, ''), `${shown}: ${oneLine(n.logicalId)}${target}`);
    }
    for (const loop of f.unexpandedLoops ?? []) add(loops, loop.reason, `${shown}: ${oneLine(loop.name)}`);
  }
  const out: string[] = [];
  const section = (map: Map<string, string[]>, noun: string, what: string, byReason: boolean) => {
    if (map.size === 0) return;
    const total = [...map.values()].reduce((n, items) => n + items.length, 0);
    if (!verbose) {
      out.push(`${plural(total, noun)} ${what} (${reasonCounts(map)}); --verbose lists them`);
      return;
    }
    if (byReason) {
      for (const [reason, items] of map) {
        out.push(`${plural(items.length, noun)} ${what}: ${oneLine(reason)}`);
        for (const item of items) out.push(c.dim(`  ${item}`));
      }
      return;
    }
    out.push(`${plural(total, noun)} ${what}:`);
    for (const [reason, items] of map) for (const item of items) out.push(c.dim(`  ${item}: ${oneLine(reason)}`));
  };
  // Skipped files group well by reason; nested stacks and loops read better with the reason on each line.
  section(skipped, 'file', 'skipped', true);
  section(nested, 'nested stack', 'not followed', false);
  section(loops, 'Fn::ForEach loop', 'not expanded, its resources not linted', false);
  return out;
}

export const stylish: Formatter = (result: LintResult, options) => {
  const c = createColors(options.color);
  const cwd = options.cwd;
  const sources = new Map(result.files.map((f) => [f.file, f]));
  const visible = result.findings.filter((f) => !f.suppression);
  // With a baseline, the report is about what is new: known findings are only counted.
  const listed = visible.filter((f) => f.baselineState !== 'unchanged');
  const out: string[] = [];

  for (const [file, findings] of mostSevereFirst(groupByFile(listed), result.rules)) {
    const source = sources.get(file)?.source;
    const sourceLines = source === undefined ? undefined : splitLines(source);
    // A finding that cannot be rendered becomes a placeholder line; the others keep their columns.
    const rows: Row[] = [];
    const broken = new Map<Finding, string>();
    for (const finding of findings) {
      const row = guarded(
        finding,
        options.onRenderError,
        (f) => {
          const extra = [f.constructPath ? `[${oneLine(f.constructPath)}]` : '', f.baselineState === 'unchanged' ? '(in baseline)' : '']
            .filter(Boolean)
            .join(' ');
          const message = oneLine(textOf(f.message, '') || f.ruleId);
          return { f, message, extra, line: String(f.region.startLine), col: String(f.region.startColumn), rule: oneLine(f.ruleId) };
        },
        (failure) => {
          broken.set(finding, placeholderText(failure, cwd));
          return undefined;
        },
      );
      if (row) rows.push(row);
    }
    const lineW = Math.max(0, ...rows.map((r) => r.line.length));
    const colW = Math.max(0, ...rows.map((r) => r.col.length));
    const levelW = Math.max(0, ...rows.map((r) => levelLabel(r.f).length));
    const visibleMessage = (r: Row): number => r.message.length + (r.extra ? r.extra.length + 1 : 0);
    const messageW = Math.min(MAX_MESSAGE_PAD, Math.max(0, ...rows.map(visibleMessage)));
    const ruleW = Math.max(0, ...rows.map((r) => r.rule.length));
    const byFinding = new Map(rows.map((r) => [r.f, r]));

    out.push(c.underline(oneLine(displayPath(file, cwd))));
    for (const finding of findings) {
      const r = byFinding.get(finding);
      const lines = r
        ? guarded(
            finding,
            options.onRenderError,
            () => {
              const paint = levelPaint(r.f, c);
              const pos = c.dim(`${r.line.padStart(lineW)}:${r.col.padEnd(colW)}`);
              const level = paint(levelLabel(r.f).padEnd(levelW));
              const pad = ' '.repeat(Math.max(0, messageW - visibleMessage(r)));
              const message = r.message + (r.extra ? ' ' + c.dim(r.extra) : '') + pad;
              const text = [`  ${pos}  ${level}  ${message}  ${c.dim(r.rule.padEnd(ruleW))}  ${c.dim(`(${oneLine(r.f.pillar)})`)}`];
              if (sourceLines) text.push(...codeFrame(sourceLines, r.f.region, paint, c));
              for (const rel of r.f.related ?? []) {
                const where = `${displayPath(rel.file, cwd)}:${rel.line}${rel.column ? `:${rel.column}` : ''}`;
                text.push(c.dim(`      ↳ ${oneLine(textOf(rel.message, 'related'))}: ${oneLine(where)}`));
              }
              return text;
            },
            (failure) => [`  ${c.red(placeholderText(failure, cwd))}`],
          )
        : [`  ${c.red(broken.get(finding)!)}`];
      out.push(...lines);
    }
    out.push('');
  }

  const summary = summarize(result.findings);
  const problems = summary.errors + summary.warnings + summary.notes;
  if (problems > 0) out.push(...pillarTable(summary, c), '');

  out.push(...leftOutLines(result.files, cwd, c, options.verbose ?? false));

  const extras: string[] = [];
  if (summary.review > 0) extras.push(`${summary.review} to review`);
  if (summary.suppressed > 0) extras.push(`${summary.suppressed} suppressed`);
  const unchanged = visible.filter((f) => f.baselineState === 'unchanged').length;
  if (unchanged > 0) extras.push(`${unchanged} unchanged since baseline`);
  const tail = extras.length ? ` (${extras.join(', ')})` : '';

  if (problems > 0) {
    const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.notes, 'note')}`;
    const paint = summary.errors > 0 ? c.red : summary.warnings > 0 ? c.yellow : c.cyan;
    out.push(paint(c.bold(`✖ ${plural(problems, 'problem')} (${counts})`)) + tail);
  } else {
    const linted = result.files.filter((f) => f.status === 'linted').length;
    out.push(c.green(c.bold(`✔ No problems found in ${plural(linted, 'file')}`)) + tail);
  }
  return out.join('\n') + '\n';
};

export default stylish;
