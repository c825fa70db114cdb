import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { isCdkPlumbingPath, readCloudAssembly, type CdkTemplate } from '../discover/cdk.ts';
import { discoverFiles } from '../discover/files.ts';
import { hasScheme, isUri, relativeForMatching, relativeInside, toPosix } from '../discover/paths.ts';
import { ProjectFiles, ReadRefusal } from '../discover/read.ts';
import { UsageError } from '../errors.ts';
import type { StackOptions } from '../discover/stack.ts';
import { decodeSource, parseDocument } from '../parse/index.ts';
import { findingRegion, offsetRegion } from '../parse/locate.ts';
import type { ParsedDocument } from '../parse/types.ts';
import { buildTemplate, notTemplateShaped, type Template } from '../template/model.ts';
import { valueAt } from '../template/intrinsics.ts';
import { firstRainDirective, isRainDirective } from '../template/rain.ts';
import { rules as registeredRules } from '../../rules/index.ts';
import { waPractices } from './generated/wa-practices.ts';
import { BUILTIN_RULES, LOOP_NOT_EXPANDED_RULE, NESTED_STACK_CYCLE_RULE, NESTED_STACK_MISSING_RULE, PARSE_ERROR_RULE } from './builtin.ts';
import { ruleMeta, selectRules, type RuleSelection } from './registry.ts';
import type { RuleDefinition } from './rule.ts';
import { runRules, type RuleFailure } from './run-rules.ts';
import { applySuppressions } from './suppressions.ts';
import { literalLocalTemplates, mentionsNestedStack, nestedRefs, type NestedRef } from './nested.ts';
import { ResolvedConfig, type RuleSetup } from '../config/config.ts';
import { matchesAny } from '../config/glob.ts';
import type { FileReport, Finding, Level, LintResult, NestedStackReport, RuleMeta } from './types.ts';
import { plural } from '../words.ts';

export interface LintOptions extends RuleSelection {
  /** Files, directories and globs. */
  paths: string[];
  cwd?: string;
  /**
   * The project root (default: cwd): the only tree files are read from. A path, nested template, symlink or CDK
   * manifest entry leading outside it, or into .git/, is not read.
   */
  root?: string;
  /** Files larger than this many bytes are not read (default 50 MB). */
  maxFileSize?: number;
  /** Parameter values as deployed (--parameter, --parameters-file). */
  parameters?: Record<string, string>;
  /** Rules to run instead of the registered ones (tests, custom rules). */
  rules?: readonly RuleDefinition[];
  reportUnknown?: boolean;
  /** The configuration (presets, rule levels and options, overrides, exclude); the recommended rules without one. */
  config?: ResolvedConfig;
  /**
   * Of the files the paths lead to, lint only those this accepts (the Action's only-changed); it is asked once per
   * file found. Nested templates a linted parent names are still followed.
   */
  only?: (file: string) => boolean;
  /** Called after each file, for progress on long runs. */
  onProgress?: (done: number, total: number) => void;
  /** Deployed stacks to fetch and lint with their deployed parameter values (--stack, --all-stacks). */
  stacks?: StackOptions;
}

/** What one file needs besides its rules. */
export interface FileOptions {
  parameters?: Record<string, string>;
  reportUnknown?: boolean;
  levels?: ReadonlyMap<string, Level>;
  ruleOptions?: ReadonlyMap<string, Record<string, unknown>>;
  /** Every known rule, so suppressions can name rules that did not run and map other tools' ids. */
  allRules?: readonly RuleDefinition[];
  /** Parameters whose value is set but not known (a parent passes a resource attribute, a NoEcho value): no Default applies. */
  unknownParameters?: readonly string[];
  /** What the cloud assembly says about this template (construct paths, creation stacks, plumbing, nested stacks). */
  cdk?: CdkTemplate;
}

/** A template to lint: a discovered file, a nested template found through its parent, or a deployed stack. */
interface Unit {
  file: string;
  explicit: boolean;
  cdk?: CdkTemplate;
  /** Deployed stacks and parents read ahead carry their bytes (or why they could not be read). */
  bytes?: Uint8Array | Error;
  parameters?: Record<string, string>;
  unknownParameters?: readonly string[];
  nestedIn?: { file: string; logicalId: string };
}

/** File contents held between the nested-stack scan and linting, so most files are read once. */
const KEEP_BYTES = 64 * 1024 * 1024;
/** Nested stacks deeper than this are not followed (CloudFormation allows far less in practice). */
const MAX_NESTING = 32;
/** Nested templates followed in one run, however wide the tree: a bound on what a hostile repository can cost. */
const MAX_NESTED_TEMPLATES = 1000;

/** The public entry: discover → parse → template → graph/values → rules → one LintResult. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const projectFiles = openProject(path.resolve(cwd, options.root ?? cwd), cwd, options.maxFileSize);
  const all = options.rules ?? registeredRules;
  const config = options.config ?? new ResolvedConfig(all);
  // The config caches one setup per set of matching overrides; the selection is worked out once per setup.
  // `ran` collects the rules of every setup a file used, for the SARIF rule list.
  const ran = new Set<string>();
  const chosenFor = new Map<RuleSetup, RuleSetup>();
  const byConfig = (file: string): RuleSetup => {
    // Without overrides every file gets the same setup, so its relative path is not needed.
    const setup = config.forFile(!config.hasOverrides || isUri(file) ? file : relativeForMatching(file, cwd));
    let chosen = chosenFor.get(setup);
    if (!chosen) {
      // An explicit --rule runs even when the config turns it off; otherwise the config decides.
      const rules = options.ids?.length ? selectRules(all, options) : selectRules(setup.rules, { pillars: options.pillars });
      chosen = { ...setup, rules };
      chosenFor.set(setup, chosen);
      for (const r of rules) ran.add(r.id);
    }
    return chosen;
  };
  selectRules(all, options); // unknown --rule ids fail before any file is read
  const exclude = config.exclude;
  const excluded = (file: string) => exclude.length > 0 && matchesAny(relativeForMatching(file, cwd), exclude);
  const discovered = options.paths.length ? await discoverFiles(options.paths, cwd, projectFiles) : [];
  const files: FileReport[] = [];
  // Entries listed but never read (outside the project, in .git/, an unreadable folder) are reported as skipped.
  for (const d of discovered) if (d.skipReason && !excluded(d.file)) files.push({ file: d.file, status: 'skipped', skipReason: d.skipReason });
  const units: Unit[] = discovered
    .filter((d) => !d.skipReason && (options.only?.(d.file) ?? true) && (d.explicit || !excluded(d.file)))
    .map((d) => ({ file: d.file, explicit: d.explicit, cdk: d.cdk }));
  if (options.stacks) {
    // Only this path loads the AWS SDK.
    const { fetchStacks } = await import('../discover/stack.ts');
    for (const stack of await fetchStacks(options.stacks)) {
      // The deployed values are the truth; values given by the user fill in only what the stack does not report.
      units.push({
        file: stack.file, explicit: true, bytes: Buffer.from(stack.body, 'utf8'),
        parameters: { ...options.parameters, ...stack.parameters }, unknownParameters: stack.masked,
      });
    }
  }

  const findings: Finding[] = [];
  const failures: LintResult['failures'] = [];
  const byFile = new Map(units.map((u) => [u.file, u]));
  // Templates that another one nests are linted through it, with the parameters it passes; so parents go first.
  const children = new Set<string>();
  let kept = 0;
  for (const u of units) {
    if (u.cdk?.parent && byFile.has(u.cdk.parent)) children.add(u.file);
    if (u.cdk || isUri(u.file)) continue;
    const bytes = u.bytes ?? projectFiles.read(u.file);
    if (bytes instanceof Error) {
      u.bytes = bytes;
      continue;
    }
    // Kept for the lint pass rather than read twice, up to a budget (the parents are kept regardless).
    const parent = mentionsNestedStack(bytes);
    if (parent || kept + bytes.byteLength <= KEEP_BYTES) {
      u.bytes = bytes;
      kept += bytes.byteLength;
    }
    if (!parent) continue;
    for (const named of literalLocalTemplates(u.file, bytes)) {
      const file = projectFiles.locate(named).real;
      if (file && file !== u.file && byFile.has(file)) children.add(file);
    }
  }

  const done = new Set<string>();
  let nestedFollowed = 0;
  const visit = (unit: Unit, chain: string[]): void => {
    if (done.has(unit.file)) return;
    done.add(unit.file);
    let nested: NestedRef[] = [];
    try {
      const setup = byConfig(unit.file);
      const outcome = lintFile(unit.file, unit.bytes ?? projectFiles.read(unit.file), unit.explicit, setup.rules, {
        parameters: unit.parameters ?? options.parameters, reportUnknown: options.reportUnknown, unknownParameters: unit.unknownParameters,
        cdk: unit.cdk, levels: setup.levels, ruleOptions: setup.options, allRules: all,
      });
      unit.bytes = undefined;
      if (unit.nestedIn) outcome.report.nestedIn = unit.nestedIn;
      files.push(outcome.report);
      for (const f of outcome.findings) findings.push(f);
      for (const f of outcome.failures ?? []) failures.push({ file: unit.file, ...f });
      nested = outcome.nested ?? [];
      if (nested.length) outcome.report.nestedStacks = nested.map((ref) => follow(unit.file, ref, chain));
    } catch (error) {
      // A bug must not cost the user the other files' findings.
      failures.push({ file: unit.file, error: error instanceof Error ? error : new Error(String(error)) });
      files.push({ file: unit.file, status: 'skipped', skipReason: 'pillars-lint failed on this file (internal error)' });
    }
    options.onProgress?.(done.size, Math.max(done.size, units.length));
  };
  const follow = (parent: string, ref: NestedRef, chain: string[]): NestedStackReport => {
    const entry: NestedStackReport = { logicalId: ref.logicalId, ...(ref.templateUrl !== undefined ? { templateUrl: ref.templateUrl } : {}), followed: false };
    if (!ref.file) return { ...entry, reason: ref.reason ?? 'not a local template' };
    // Followed only to a file inside the project (symlinks resolved), never into .git/. The TemplateURL is kept in
    // the report only as a relative path: an absolute one names a place on this machine.
    const { real, refusal } = projectFiles.locate(ref.file);
    if (refusal) {
      const { templateUrl, ...rest } = entry;
      const relativeUrl = templateUrl !== undefined && !path.isAbsolute(templateUrl) && !hasScheme(templateUrl);
      return { ...rest, ...(relativeUrl ? { templateUrl } : {}), reason: refusal };
    }
    // Cycles and repeats are found by real path: with `l -> .`, l/t.yaml, l/l/t.yaml... are one file.
    const file = real ?? ref.file;
    entry.file = file;
    const loop = [...chain, parent];
    const at = loop.indexOf(file);
    const finding = (rule: RuleMeta, message: string): Finding => ({
      ruleId: rule.id, level: rule.level, pillar: rule.pillar, message, file: parent, region: ref.region,
      logicalId: ref.logicalId, resourceType: 'AWS::CloudFormation::Stack', propertyPath: ['Properties', 'TemplateURL'], kind: 'fail',
    });
    // Paths as seen from the parent's folder, which is how TemplateURLs are written.
    const near = (f: string) => toPosix(path.relative(path.dirname(parent), f)) || path.basename(f);
    if (at >= 0) {
      const names = [...loop.slice(at), file].map(near).join(' → ');
      findings.push(finding(NESTED_STACK_CYCLE_RULE, `Nested stack ${ref.logicalId} deploys ${near(file)}, which nests this template again (${names}).`));
      return { ...entry, reason: 'a cycle: the template nests one of its ancestors' };
    }
    if (done.has(file)) return { ...entry, followed: true };
    if (!isFile(file)) {
      findings.push(finding(NESTED_STACK_MISSING_RULE, `Nested stack ${ref.logicalId} points at ${ref.templateUrl ?? near(file)}, which is not a file (${displayName(file, projectFiles.root)}).`));
      return { ...entry, reason: 'no such file' };
    }
    if (chain.length >= MAX_NESTING) return { ...entry, reason: `not followed: nested more than ${MAX_NESTING} levels deep` };
    const known = byFile.get(file);
    if (!known && exclude.length && matchesAny(relativeForMatching(file, cwd), exclude)) return { ...entry, reason: 'not followed: excluded by the config' };
    if (nestedFollowed >= MAX_NESTED_TEMPLATES) return { ...entry, reason: `not followed: over ${MAX_NESTED_TEMPLATES.toLocaleString('en')} nested templates in this run` };
    nestedFollowed++;
    const bytes = known?.bytes;
    if (known) known.bytes = undefined;
    visit({
      file, explicit: true, cdk: known?.cdk ?? cdkTemplateAt(file, projectFiles), bytes,
      parameters: ref.parameters, unknownParameters: ref.unknownParameters, nestedIn: { file: parent, logicalId: ref.logicalId },
    }, loop);
    return { ...entry, followed: true };
  };

  for (const unit of units) if (!children.has(unit.file)) visit(unit, []);
  // Nested templates no parent reached (it was excluded, or its TemplateURL is computed) are linted on their own.
  for (const unit of units) visit(unit, []);

  return {
    cwd,
    files,
    findings: sortFindings(findings),
    rules: [...BUILTIN_RULES, ...all.filter((r) => ran.has(r.id) || units.length === 0).map((r) => ruleMeta(r, waPractices))],
    failures,
  };
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Relative to the project root, `/`-separated: messages never name a place on the machine. */
function displayName(file: string, root: string): string {
  return relativeInside(file, root) ?? toPosix(path.relative(root, file));
}

function openProject(root: string, cwd: string, maxFileSize: number | undefined): ProjectFiles {
  try {
    return new ProjectFiles(root, maxFileSize);
  } catch {
    throw new UsageError(`the project root is not a directory: ${toPosix(path.relative(cwd, root)) || '.'}`);
  }
}

/** A nested template that sits in a cloud assembly gets what the assembly says about it. */
function cdkTemplateAt(file: string, projectFiles: ProjectFiles): CdkTemplate | undefined {
  const dir = path.dirname(file);
  if (!existsSync(path.join(dir, 'manifest.json'))) return undefined;
  return readCloudAssembly(dir, projectFiles)?.templates.find((t) => t.file === file);
}

/** One file through the pipeline. Never throws for bad input: problems become located findings. */
export function lintFile(
  file: string,
  bytes: Uint8Array | Error,
  explicit: boolean,
  rules: readonly RuleDefinition[],
  options: FileOptions,
): { report: FileReport; findings: Finding[]; nested?: NestedRef[]; failures?: RuleFailure[] } {
  const whole = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };
  const parseError = (message: string, region = whole): Finding => ({
    ruleId: PARSE_ERROR_RULE.id, level: 'error', pillar: PARSE_ERROR_RULE.pillar, message, file, region, kind: 'fail',
  });
  if (bytes instanceof ReadRefusal) {
    // Too large, or a FIFO or device: a scan skips it with the reason; named or nested, it is an error.
    const report: FileReport = { file, status: 'skipped', skipReason: `not read: ${bytes.message}` };
    return { report, findings: explicit ? [parseError(`The file was not read: ${bytes.message}.`)] : [] };
  }
  if (bytes instanceof Error) {
    return { report: { file, status: 'skipped', skipReason: `cannot be read: ${bytes.message}` }, findings: [parseError(`The file cannot be read: ${bytes.message}.`)] };
  }
  const decoded = decodeSource(bytes);
  if ('error' in decoded) {
    const reason = decoded.error.message;
    // A binary or mis-encoded file found by a directory scan is not a template; named explicitly, it is an error.
    // The skip reason leaves out the byte offset, so that skipped files group by reason.
    const skipReason = decoded.error.code === 'BINARY' ? 'a binary file, not a template' : 'not UTF-8 text';
    if (!explicit) return { report: { file, status: 'skipped', skipReason }, findings: [] };
    return { report: { file, status: 'skipped', skipReason }, findings: [parseError(`${reason}.`)] };
  }
  const doc = parseDocument(decoded.text);
  const report: FileReport = { file, status: 'linted', source: doc.source, format: doc.format };
  const fatal = doc.diagnostics.find((d) => d.fatal);
  if (doc.value === undefined || fatal) {
    if (!explicit && !looksLikeCloudFormation(doc)) {
      return { report: { ...report, status: 'skipped', skipReason: 'not CloudFormation (and not parseable)' }, findings: [] };
    }
    // What follows the first syntax error is the parser's guesswork: one finding, where the file breaks.
    const first = fatal ?? doc.diagnostics[0];
    return { report, findings: first ? [parseError(first.message, offsetRegion(doc, first.start, first.end))] : [] };
  }
  // A scan meets other YAML and JSON (CodeDeploy appspec.yml has a Resources list, Kubernetes manifests, CI
  // settings): only a file shaped like a template is one. Named explicitly, it is judged as a template.
  const notTemplate = explicit ? undefined : notTemplateShaped(doc.value);
  if (notTemplate) return { report: { ...report, status: 'skipped', skipReason: `not a CloudFormation template: ${notTemplate}` }, findings: [] };
  // A Rain template is one finding where its first directive is, not one per `!Rain::` tag and the resources they type.
  // Most templates never mention Rain: the walk runs only when the text does.
  const rain = doc.source.includes('Rain::') ? firstRainDirective(doc.value) : undefined;
  const diagnostics = doc.diagnostics
    .filter((d) => !(rain && d.code === 'UNKNOWN_TAG' && d.message.startsWith('Unknown tag !Rain::')))
    .map((d) => parseError(d.message, offsetRegion(doc, d.start, d.end)));
  if (rain) {
    // A `!Rain::X` tag is located at the tag itself; a JSON `Rain::X` key at the key.
    const tag = doc.diagnostics.find((d) => d.code === 'UNKNOWN_TAG' && d.message.startsWith('Unknown tag !Rain::'));
    const key = tag ? /!(Rain::[^\s;]+)/.exec(tag.message)![1]! : rain.key;
    diagnostics.unshift(parseError(
      `${key} is a Rain directive: CloudFormation cannot deploy this template until \`rain pkg\` expands it; the parts Rain adds are not checked.`,
      tag ? offsetRegion(doc, tag.start, tag.end) : findingRegion(doc, rain.path),
    ));
  }
  const given = new Map(Object.entries(options.parameters ?? {}));
  const built = buildTemplate(doc, file, { stackTags: options.cdk?.stackTags, parameters: given });
  if (built.kind === 'not-cloudformation') {
    const skipped: FileReport = { ...report, status: 'skipped', skipReason: `not a CloudFormation template: ${built.reason}` };
    if (!explicit) return { report: skipped, findings: [] };
    return { report: skipped, findings: [...diagnostics, parseError(`${path.basename(file)} is not a CloudFormation template: ${built.reason}.`)] };
  }
  const structure = built.problems.filter((p) => !(rain && isRainDirective(valueAt(doc.value, p.path)))).map((p) => parseError(`Invalid template: ${p.message}.`, findingRegion(doc, p.path)));
  if (built.kind === 'invalid') return { report, findings: [...diagnostics, ...structure] };
  const template = built.template;
  const loops = template.unexpandedLoops.length ? unexpandedLoops(template, options.reportUnknown ?? false) : undefined;
  if (loops) report.unexpandedLoops = loops.report;
  for (const name of options.unknownParameters ?? []) {
    const param = template.parameters.get(name);
    if (param) template.parameters.set(name, { ...param, default: undefined, allowedValues: undefined });
  }
  if (options.cdk) report.cdkStack = options.cdk.stack;
  const { findings: ruleFindings, failures } = runRules(template, rules, {
    parameters: given,
    reportUnknown: options.reportUnknown ?? false,
    levels: options.levels,
    options: options.ruleOptions,
  });
  const cdk = cdkContext(template, options.cdk);
  const kept = cdk ? ruleFindings.filter((f) => !cdk.skip(f)).map(cdk.decorate) : ruleFindings;
  // A suppression of a rule that failed here is not stale: the rule could not say.
  const ran = failures.length ? rules.filter((r) => !failures.some((f) => f.ruleId === r.id)) : rules;
  const checked = applySuppressions(template, kept, ran, options.allRules ?? rules);
  const nested = nestedRefs(template, given, options.cdk);
  const findings = diagnostics.length || structure.length || loops?.findings.length ? [...diagnostics, ...structure, ...(loops?.findings ?? []), ...checked] : checked;
  return { report, findings, ...(nested.length ? { nested } : {}), ...(failures.length ? { failures } : {}) };
}

/**
 * Construct paths and creation sites for CDK output, and which findings are about CDK's own plumbing. Undefined
 * for templates that show no sign of CDK.
 */
function cdkContext(template: Template, info: CdkTemplate | undefined):
  { skip: (f: Finding) => boolean; decorate: (f: Finding) => Finding } | undefined {
  const pathOf = new Map<string, string>();
  const plumbing = new Set<string>(info?.plumbing);
  for (const [id, resource] of template.resources) {
    const constructPath = info?.constructPaths.get(id) ?? (typeof resource.metadata?.['aws:cdk:path'] === 'string' ? resource.metadata['aws:cdk:path'] : undefined);
    if (constructPath !== undefined) {
      pathOf.set(id, constructPath);
      if (isCdkPlumbingPath(constructPath)) plumbing.add(id);
    }
    // Analytics for the CDK team (the CDKMetadata resource): no settings anyone could change for a finding.
    if (resource.type === 'AWS::CDK::Metadata') plumbing.add(id);
  }
  // CDK's BootstrapVersion parameter and CheckBootstrapVersion rule need nothing here: rules look at resources, and
  // the parameter is SSM-typed, so it resolves as unknown and can never make a rule fail.
  if (!info && pathOf.size === 0 && plumbing.size === 0) return undefined;
  return {
    skip: (f) => f.logicalId !== undefined && plumbing.has(f.logicalId),
    decorate: (f) => {
      if (!f.logicalId) return f;
      const constructPath = pathOf.get(f.logicalId);
      const frame = info?.creation.get(f.logicalId);
      if (!constructPath && !frame) return f;
      const out: Finding = { ...f };
      if (constructPath) out.constructPath = constructPath;
      if (frame) {
        out.related = [{ file: frame.file, line: frame.line, ...(frame.column ? { column: frame.column } : {}), message: 'Where the CDK app creates this resource', creation: true }];
      }
      return out;
    },
  };
}

/** Loops whose resources were not linted: listed in the file's report, and review items under --report-unknown. */
function unexpandedLoops(template: Template, reportUnknown: boolean): { report: NonNullable<FileReport['unexpandedLoops']>; findings: Finding[] } {
  const report = template.unexpandedLoops.map((l) => ({ name: l.name, reason: l.reason }));
  const findings: Finding[] = reportUnknown
    ? template.unexpandedLoops.map((l) => ({
      ruleId: LOOP_NOT_EXPANDED_RULE.id, level: LOOP_NOT_EXPANDED_RULE.level, pillar: LOOP_NOT_EXPANDED_RULE.pillar,
      message: `The resources of loop ${l.name} are not linted: ${l.reason}.`, file: template.file, region: findingRegion(template.doc, l.path),
      kind: 'review',
    }))
    : [];
  return { report, findings };
}

/**
 * A file that fails to parse still counts as a template when its text says so. Linear: a line start, then blanks
 * and braces that stop at the line's end (`^[\s{]*` with the m flag rescanned every following blank line).
 */
export function looksLikeCloudFormation(doc: Pick<ParsedDocument, 'source'>): boolean {
  return /(?:^|[\n\r\u2028\u2029])(?:[^\S\n\r\u2028\u2029]|\{)*"?(?:Resources|AWSTemplateFormatVersion)"?\s*:/.test(doc.source);
}

/**
 * A run that linted no template has checked nothing, whatever it prints: a mistyped path or a folder without
 * templates must not pass for a clean one. Undefined when something was linted or reported.
 */
export function nothingLinted(result: LintResult, paths: readonly string[]): string | undefined {
  if (result.findings.length > 0 || result.failures.length > 0 || result.files.some((f) => f.status === 'linted')) return undefined;
  const where = paths.length ? paths.map((p) => JSON.stringify(p)).join(', ') : 'the given paths';
  // The commonest reason says why: not templates, outside the project, too large...
  const reasons = new Map<string, number>();
  for (const f of result.files) reasons.set(f.skipReason ?? 'skipped', (reasons.get(f.skipReason ?? 'skipped') ?? 0) + 1);
  const [top] = [...reasons].sort((a, b) => b[1] - a[1]);
  const skipped = result.files.length;
  const why = top ? ` (${plural(skipped, 'file')} skipped: ${top[0]}${reasons.size > 1 ? ', and other reasons' : ''})` : '';
  return `no CloudFormation templates found in ${where}${why}`;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.region.startLine - b.region.startLine ||
      a.region.startColumn - b.region.startColumn ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
