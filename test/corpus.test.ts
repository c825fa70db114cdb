// Real templates through every rule, compared per template with committed snapshots (cfn-lint's results-per-template
// approach): one file per source folder under test/corpus-snapshots/, one line per finding, so a diff shows which
// template gained or lost which finding. `npx vitest run test/corpus.test.ts -u` rewrites them after a deliberate change.
//
// The licensed slice in fixtures/corpus-slice/ (the same layout as the corpus) always runs; the whole shared corpus
// (1,420 templates and 6 CDK apps) runs when ../shared is there.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toPosix } from '../src/discover/paths.ts';
import { lint } from '../src/engine/lint.ts';
import type { Finding, LintResult } from '../src/engine/types.ts';
import sarif from '../src/report/sarif.ts';
import { HAS_SHARED, ROOT, SHARED, sarifValidator } from './helpers.ts';

const CORPUS = path.join(SHARED, 'corpus');
const SLICE = path.join(ROOT, 'fixtures', 'corpus-slice');
const SNAPSHOTS = path.join(ROOT, 'test', 'corpus-snapshots');

/** What the lines say, at the top of every snapshot file. */
const HEADER = [
  '# pillars-lint findings per template, with --report-unknown. Rewrite: npx vitest run test/corpus.test.ts -u',
  '# file <TAB> line:col <TAB> level (review: an unknown value) <TAB> ruleId[messageId] <TAB> logicalId <TAB> property path [<TAB> suppressed:source]',
  '# A file with no findings is listed alone.',
];

/**
 * Where a corpus file comes from, as a folder below the corpus root: `templates/<source>/` for templates copied from
 * one repository, `cdk/` for the CDK apps written for the corpus.
 */
function sourceFolder(relative: string): string {
  const [top, source, ...rest] = relative.split('/');
  return top === 'templates' && source !== undefined && rest.length > 0 ? `templates/${source}` : (top ?? relative);
}

/** The snapshot of a source folder: templates/<source> → <source>.txt, cdk → cdk.txt. */
function snapshotName(folder: string): string {
  return `${path.posix.basename(folder)}.txt`;
}

/** Tabs and line breaks in a logical id or key would break the line format. */
const cell = (text: string) => text.replace(/[\t\r\n\\]/g, (c) => JSON.stringify(c).slice(1, -1));

/**
 * A finding as its identity: where it is, how severe, which rule and message, on what. The message text is left
 * out (its wording changes more often than what it is about); the messageId says which message it is.
 */
function identity(f: Finding): string {
  const level = f.kind === 'review' ? 'review' : f.level;
  const rule = f.messageId ? `${f.ruleId}[${f.messageId}]` : f.ruleId;
  const property = f.propertyPath?.length ? f.propertyPath.map((s) => cell(String(s))).join('.') : '-';
  const cells = [`${f.region.startLine}:${f.region.startColumn}`, level, rule, cell(f.logicalId ?? '-'), property];
  if (f.suppression) cells.push(`suppressed:${f.suppression.source}`);
  return cells.join('\t');
}

/** Code-point order: the same on every machine, unlike localeCompare. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One text per source folder: every file that was linted or skipped, each with its findings in source order. */
function snapshots(result: LintResult, root: string, folders: readonly string[]): Map<string, string> {
  const relative = (file: string) => toPosix(path.relative(root, file));
  const byFile = new Map<string, Finding[]>(result.files.map((f) => [relative(f.file), []]));
  for (const f of result.findings) {
    const file = relative(f.file);
    const list = byFile.get(file);
    if (list) list.push(f);
    else byFile.set(file, [f]);
  }
  const bySource = new Map(folders.map((folder) => [folder, [...HEADER, `# ${folder}/`]]));
  for (const [file, findings] of [...byFile].sort(([a], [b]) => byText(a, b))) {
    const folder = sourceFolder(file);
    const lines = bySource.get(folder) ?? [];
    if (!bySource.has(folder)) bySource.set(folder, lines);
    const name = cell(path.posix.relative(folder, file));
    if (findings.length === 0) lines.push(name);
    // Findings at one place keep a fixed order whatever order the rules ran in.
    const identities = findings
      .map((f) => ({ region: f.region, text: identity(f) }))
      .sort((a, b) => a.region.startLine - b.region.startLine || a.region.startColumn - b.region.startColumn || byText(a.text, b.text));
    for (const { text } of identities) lines.push(`${name}\t${text}`);
  }
  return new Map([...bySource].map(([folder, lines]) => [folder, `${lines.join('\n')}\n`]));
}

/** The source folders of a corpus-shaped tree: templates/<source>/ each, and cdk/. */
function sourceFolders(root: string): string[] {
  const templates = path.join(root, 'templates');
  const sources = existsSync(templates)
    ? readdirSync(templates, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => `templates/${d.name}`)
    : [];
  return existsSync(path.join(root, 'cdk')) ? [...sources, 'cdk'] : sources;
}

/** The same checks over the slice and over the shared corpus. */
function corpusTests(root: string, snapshotDir: string): void {
  const folders = sourceFolders(root);
  let result: LintResult;
  let texts: Map<string, string>;
  beforeAll(async () => {
    const paths = ['templates', 'cdk'].filter((top) => existsSync(path.join(root, top)));
    result = await lint({ paths, cwd: root, reportUnknown: true });
    // Files are named by their real path; ../shared may be reached through a symlink.
    texts = snapshots(result, realpathSync(root), folders);
  }, 120_000);

  it('lints every template without an internal failure', () => {
    expect(result.failures.map((f) => `${f.file}${f.ruleId ? ` (${f.ruleId} on ${f.logicalId})` : ''}: ${f.error.message}`)).toEqual([]);
    expect(result.files.filter((f) => f.status === 'linted').length).toBeGreaterThan(0);
  });

  it('locates every finding at line ≥ 1, column ≥ 1', () => {
    const unlocated = result.findings.filter((f) => !(f.region.startLine >= 1 && f.region.startColumn >= 1));
    expect(unlocated.map((f) => `${f.file}: ${identity(f)}`)).toEqual([]);
  });

  it('writes valid SARIF', () => {
    const validate = sarifValidator();
    const log = JSON.parse(sarif(result, { color: false, cwd: root, toolVersion: '0.0.0' }));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('keeps every file in a source folder, and no snapshot of a folder that is gone', () => {
    expect([...texts.keys()].sort()).toEqual([...folders].sort());
    const kept = existsSync(snapshotDir) ? readdirSync(snapshotDir) : [];
    expect(
      kept.filter((name) => !folders.some((f) => snapshotName(f) === name)),
      'delete these snapshots',
    ).toEqual([]);
  });

  it.each(folders)('finds per template in %s what the snapshot says', async (folder) => {
    await expect(texts.get(folder)).toMatchFileSnapshot(path.join(snapshotDir, snapshotName(folder)));
  });
}

describe('corpus slice (fixtures/corpus-slice)', () => {
  corpusTests(SLICE, path.join(SNAPSHOTS, 'slice'));

  it('names the license of every source', () => {
    const listed = readFileSync(path.join(ROOT, 'fixtures', 'LICENSES.md'), 'utf8');
    for (const folder of sourceFolders(SLICE)) {
      expect(listed, folder).toContain(`\`corpus-slice/${folder}/\``);
      if (folder === 'cdk') continue; // written for the corpus by this project, under its license
      const licenses = path.join(SLICE, 'licenses', path.posix.basename(folder));
      expect(existsSync(licenses) && readdirSync(licenses).some((f) => f.startsWith('LICENSE')), `${licenses}/LICENSE*`).toBe(true);
    }
  });
});

// Without ../shared, helpers.ts says so once and these tests show as skipped.
describe.skipIf(!HAS_SHARED)('shared corpus (../shared/corpus)', () => {
  corpusTests(CORPUS, path.join(SNAPSHOTS, 'shared'));

  it('holds in the slice unmodified copies of corpus files', () => {
    const copies: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else copies.push(toPosix(path.relative(SLICE, file)));
      }
    };
    for (const top of ['templates', 'cdk', 'licenses']) if (existsSync(path.join(SLICE, top))) walk(path.join(SLICE, top));
    for (const copy of copies) expect(readFileSync(path.join(CORPUS, copy)).equals(readFileSync(path.join(SLICE, copy))), copy).toBe(true);
  });
});
