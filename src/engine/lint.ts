import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCdkPlumbingPath, readCloudAssembly, type CdkTemplate } from '../discover/cdk.ts';
import { discoverFiles } from '../discover/files.ts';
import type { StackOptions } from '../discover/stack.ts';
import { decodeSource, parseDocument } from '../parse/index.ts';
import { findingRegion, offsetRegion } from '../parse/locate.ts';
import type { ParsedDocument, Region } from '../parse/types.ts';
import { isPlainObject } from '../template/intrinsics.ts';
import { buildTemplate, type Template } from '../template/model.ts';
import { ValueResolver } from '../values/resolver.ts';
import { rules as registeredRules } from '../../rules/index.ts';
import { waPractices } from '../../rules/wa-practices.ts';
import { BUILTIN_RULES, NESTED_STACK_CYCLE_RULE, NESTED_STACK_MISSING_RULE, PARSE_ERROR_RULE } from './builtin.ts';
import { ruleMeta, selectRules, type RuleSelection } from './registry.ts';
import type { RuleDefinition } from './rule.ts';
import { runRules } from './run-rules.ts';
import { applySuppressions } from './suppressions.ts';
import { ResolvedConfig, type RuleSetup } from '../config/config.ts';
import { matchesAny } from '../config/glob.ts';
import type { FileReport, Finding, Level, LintResult, NestedStackReport, RuleMeta } from './types.ts';

export interface LintOptions extends RuleSelection {
  /** Files, directories and globs. */
  paths: string[];
  cwd?: string;
  /** Parameter values as deployed (--parameter, --parameters-file). */
  parameters?: Record<string, string>;
  /** Rules to run instead of the registered ones (tests, custom rules). */
  rules?: readonly RuleDefinition[];
  reportUnknown?: boolean;
  /** The configuration (presets, rule levels and options, overrides, exclude); the recommended rules without one. */
  config?: ResolvedConfig;
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

/** A nested stack a template deploys: where its template is, and what the parent passes it. */
export interface NestedRef {
  logicalId: string;
  templateUrl?: string;
  /** The local template (absolute), when the reference leads to one. */
  file?: string;
  /** Why it is not followed, when it is not. */
  reason?: string;
  /** Where the TemplateURL (or Location) is written. */
  region: Region;
  parameters: Record<string, string>;
  unknownParameters: string[];
}

/** A template to lint: a discovered file, a nested template found through its parent, or a deployed stack. */
interface Unit {
  file: string;
  explicit: boolean;
  cdk?: CdkTemplate;
  /** Deployed stacks and parents read ahead carry their bytes. */
  bytes?: Uint8Array;
  parameters?: Record<string, string>;
  unknownParameters?: readonly string[];
  nestedIn?: { file: string; logicalId: string };
}

/** stack://REGION/NAME and other URIs: in-memory templates, not paths. */
const URI = /^[a-z][a-z0-9+.-]+:\/\//i;
/** File contents held between the nested-stack scan and linting, so most files are read once. */
const KEEP_BYTES = 64 * 1024 * 1024;
/** Nested stacks deeper than this are not followed (CloudFormation allows far less in practice). */
const MAX_NESTING = 32;
const NESTED_TYPES = ['AWS::CloudFormation::Stack', 'AWS::Serverless::Application'];

/** The public entry: discover → parse → template → graph/values → rules → one LintResult. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const all = options.rules ?? registeredRules;
  const config = options.config ?? new ResolvedConfig(all);
  // An explicit --rule runs even when the config turns it off; otherwise the config decides.
  const byConfig = (file: string): RuleSetup => {
    const setup = config.forFile(URI.test(file) ? file : toPosix(path.relative(cwd, file)));
    const chosen = options.ids?.length ? selectRules(all, options) : selectRules(setup.rules, { pillars: options.pillars });
    return { ...setup, rules: chosen };
  };
  selectRules(all, options); // unknown --rule ids fail before any file is read
  const exclude = config.exclude;
  const discovered = (options.paths.length ? await discoverFiles(options.paths, cwd) : []).filter(
    (d) => d.explicit || exclude.length === 0 || !matchesAny(toPosix(path.relative(cwd, d.file)), exclude),
  );
  const units: Unit[] = discovered.map((d) => ({ file: d.file, explicit: d.explicit, cdk: d.cdk }));
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

  const ran = new Set<string>();
  const files: FileReport[] = [];
  const findings: Finding[] = [];
  const failures: LintResult['failures'] = [];
  const byFile = new Map(units.map((u) => [u.file, u]));
  // Templates that another one nests are linted through it, with the parameters it passes; so parents go first.
  const children = new Set<string>();
  let kept = 0;
  for (const u of units) {
    if (u.cdk?.parent && byFile.has(u.cdk.parent)) children.add(u.file);
    if (u.cdk || URI.test(u.file)) continue;
    const bytes = u.bytes ?? readBytes(u.file);
    if (bytes instanceof Error) continue;
    // Kept for the lint pass rather than read twice, up to a budget (the parents are kept regardless).
    const parent = mentionsNestedStack(bytes);
    if (parent || kept + bytes.byteLength <= KEEP_BYTES) {
      u.bytes = bytes;
      kept += bytes.byteLength;
    }
    if (!parent) continue;
    for (const file of literalLocalTemplates(u.file, bytes)) if (file !== u.file && byFile.has(file)) children.add(file);
  }

  const done = new Set<string>();
  const visit = (unit: Unit, chain: string[]): void => {
    if (done.has(unit.file)) return;
    done.add(unit.file);
    let nested: NestedRef[] = [];
    try {
      const setup = byConfig(unit.file);
      for (const r of setup.rules) ran.add(r.id);
      const outcome = lintFile(unit.file, unit.bytes ?? readBytes(unit.file), unit.explicit, setup.rules, {
        ...options, parameters: unit.parameters ?? options.parameters, unknownParameters: unit.unknownParameters,
        cdk: unit.cdk, levels: setup.levels, ruleOptions: setup.options, allRules: all,
      });
      unit.bytes = undefined;
      if (unit.nestedIn) outcome.report.nestedIn = unit.nestedIn;
      files.push(outcome.report);
      findings.push(...outcome.findings);
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
    entry.file = ref.file;
    const loop = [...chain, parent];
    const at = loop.indexOf(ref.file);
    const finding = (rule: RuleMeta, message: string): Finding => ({
      ruleId: rule.id, level: rule.level, pillar: rule.pillar, message, file: parent, region: ref.region,
      logicalId: ref.logicalId, resourceType: 'AWS::CloudFormation::Stack', propertyPath: ['Properties', 'TemplateURL'], kind: 'fail',
    });
    // Paths as seen from the parent's folder, which is how TemplateURLs are written.
    const near = (f: string) => toPosix(path.relative(path.dirname(parent), f)) || path.basename(f);
    if (at >= 0) {
      const names = [...loop.slice(at), ref.file].map(near).join(' → ');
      findings.push(finding(NESTED_STACK_CYCLE_RULE, `Nested stack ${ref.logicalId} deploys ${near(ref.file)}, which nests this template again (${names}).`));
      return { ...entry, reason: 'a cycle: the template nests one of its ancestors' };
    }
    if (done.has(ref.file)) return { ...entry, followed: true };
    if (!isFile(ref.file)) {
      findings.push(finding(NESTED_STACK_MISSING_RULE, `Nested stack ${ref.logicalId} points at ${ref.templateUrl ?? near(ref.file)}, which is not a file (${displayName(ref.file, cwd)}).`));
      return { ...entry, reason: 'no such file' };
    }
    if (chain.length >= MAX_NESTING) return { ...entry, reason: `nested more than ${MAX_NESTING} levels deep` };
    const known = byFile.get(ref.file);
    if (!known && exclude.length && matchesAny(toPosix(path.relative(cwd, ref.file)), exclude)) return { ...entry, reason: 'not followed: excluded by the config' };
    const bytes = known?.bytes;
    if (known) known.bytes = undefined;
    visit({
      file: ref.file, explicit: true, cdk: known?.cdk ?? cdkTemplateAt(ref.file), bytes,
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

function displayName(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? toPosix(rel) : file;
}

/** A nested template that sits in a cloud assembly gets what the assembly says about it. */
function cdkTemplateAt(file: string): CdkTemplate | undefined {
  const dir = path.dirname(file);
  if (!existsSync(path.join(dir, 'manifest.json'))) return undefined;
  return readCloudAssembly(dir)?.templates.find((t) => t.file === file);
}

const NESTED_MARKERS = NESTED_TYPES.map((t) => Buffer.from(t));
function mentionsNestedStack(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return NESTED_MARKERS.some((marker) => buffer.includes(marker));
}

/**
 * Local templates a parent names literally (TemplateURL: ./network.yaml), read from the text alone: only used to
 * lint parents before the templates they nest. Following itself evaluates the property.
 */
function literalLocalTemplates(file: string, bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const out: string[] = [];
  for (const match of text.matchAll(/"?(?:TemplateURL|Location)"?\s*:\s*["']?([^"'\s,}]+)/g)) {
    const url = localPath(match[1]!, file);
    if (url) out.push(url);
  }
  return out;
}

/** A TemplateURL that names a local file, resolved against the folder of the template that contains it. */
function localPath(url: string, parent: string): string | undefined {
  if (url.startsWith('file://')) {
    try {
      return fileURLToPath(url);
    } catch {
      return undefined;
    }
  }
  // A scheme (https:, s3:) means remote; a drive letter (C:) is one character, so it is not a scheme.
  if (/^[a-z][a-z0-9+.-]+:/i.test(url)) return undefined;
  return path.resolve(path.dirname(parent), url);
}

function readBytes(file: string): Uint8Array | Error {
  try {
    return readFileSync(file);
  } catch (error) {
    return error as Error;
  }
}

/** One file through the pipeline. Never throws for bad input: problems become located findings. */
export function lintFile(
  file: string,
  bytes: Uint8Array | Error,
  explicit: boolean,
  rules: readonly RuleDefinition[],
  options: FileOptions,
): { report: FileReport; findings: Finding[]; nested?: NestedRef[] } {
  const whole = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };
  const parseError = (message: string, region = whole): Finding => ({
    ruleId: PARSE_ERROR_RULE.id, level: 'error', pillar: PARSE_ERROR_RULE.pillar, message, file, region, kind: 'fail',
  });
  if (bytes instanceof Error) {
    return { report: { file, status: 'skipped', skipReason: `cannot be read: ${bytes.message}` }, findings: [parseError(`The file cannot be read: ${bytes.message}.`)] };
  }
  const decoded = decodeSource(bytes);
  if ('error' in decoded) {
    const reason = decoded.error.message;
    // A binary or mis-encoded file found by a directory scan is not a template; named explicitly, it is an error.
    if (!explicit) return { report: { file, status: 'skipped', skipReason: reason }, findings: [] };
    return { report: { file, status: 'skipped', skipReason: reason }, findings: [parseError(`${reason}.`)] };
  }
  const doc = parseDocument(decoded.text);
  const report: FileReport = { file, status: 'linted', source: doc.source, format: doc.format };
  const diagnostics = doc.diagnostics.map((d) => parseError(d.message, offsetRegion(doc, d.start, d.end)));
  if (doc.value === undefined || doc.diagnostics.some((d) => d.fatal)) {
    if (!explicit && !looksLikeCloudFormation(doc)) {
      return { report: { ...report, status: 'skipped', skipReason: 'not CloudFormation (and not parseable)' }, findings: [] };
    }
    return { report, findings: diagnostics };
  }
  const built = buildTemplate(doc, file);
  if (built.kind === 'not-cloudformation') {
    const skipped: FileReport = { ...report, status: 'skipped', skipReason: `not a CloudFormation template: ${built.reason}` };
    if (!explicit) return { report: skipped, findings: [] };
    return { report: skipped, findings: [...diagnostics, parseError(`${path.basename(file)} is not a CloudFormation template: ${built.reason}.`)] };
  }
  const structure = built.problems.map((p) => parseError(`Invalid template: ${p.message}.`, findingRegion(doc, p.path)));
  if (built.kind === 'invalid') return { report, findings: [...diagnostics, ...structure] };
  const template = built.template;
  for (const name of options.unknownParameters ?? []) {
    const param = template.parameters.get(name);
    if (param) template.parameters.set(name, { ...param, default: undefined, allowedValues: undefined });
  }
  if (options.cdk) report.cdkStack = options.cdk.stack;
  const given = new Map(Object.entries(options.parameters ?? {}));
  const ruleFindings = runRules(template, [...rules], {
    parameters: given,
    reportUnknown: options.reportUnknown ?? false,
    levels: options.levels,
    options: options.ruleOptions,
  });
  const cdk = cdkContext(template, options.cdk);
  const kept = cdk ? ruleFindings.filter((f) => !cdk.skip(f)).map(cdk.decorate) : ruleFindings;
  const checked = applySuppressions(template, kept, rules, options.allRules ?? rules);
  const nested = nestedRefs(template, given, options.cdk);
  return { report, findings: [...diagnostics, ...structure, ...checked], ...(nested.length ? { nested } : {}) };
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
        out.related = [{ file: frame.file, line: frame.line, ...(frame.column ? { column: frame.column } : {}), message: 'Where the CDK app creates this resource' }];
      }
      return out;
    },
  };
}

/**
 * The nested stacks a template deploys: the local template each leads to (a relative TemplateURL, a CDK asset),
 * or why it is not followed, and the parameters the parent passes where they are literal.
 */
function nestedRefs(template: Template, given: ReadonlyMap<string, string>, cdk: CdkTemplate | undefined): NestedRef[] {
  const stacks = NESTED_TYPES.flatMap((type) => template.byType.get(type) ?? []);
  if (stacks.length === 0) return [];
  const resolver = new ValueResolver(template, given);
  const uri = URI.test(template.file);
  const out: NestedRef[] = [];
  for (const resource of stacks) {
    const roots = resolver.roots(resource);
    if (roots.length === 0) continue; // its Condition is false: never deployed
    const property = resource.type === 'AWS::Serverless::Application' ? 'Location' : 'TemplateURL';
    // SAR applications ({ApplicationId, SemanticVersion}) are not templates of this repository.
    if (property === 'Location' && isPlainObject(resource.properties?.Location) && 'ApplicationId' in resource.properties.Location) continue;
    const region = findingRegion(template.doc, [...resource.path, 'Properties', property]);
    const { parameters, unknownParameters } = passedParameters(resolver, roots);
    const base = { logicalId: resource.logicalId, region, parameters, unknownParameters };
    const raw = resource.properties?.[property];

    // CDK: the assembly knows the nested template (by construct path, asset metadata or the asset hash in the URL).
    const assetPath = resource.metadata?.['aws:asset:path'];
    const fromCdk = cdk?.nestedStacks.get(resource.logicalId)
      ?? (cdk && typeof assetPath === 'string' ? path.resolve(cdk.assembly, assetPath) : undefined)
      ?? (cdk ? assetInUrl(raw, cdk.assets) : undefined);
    if (fromCdk) {
      out.push({ ...base, file: fromCdk });
      continue;
    }
    const urls = new Set<string>();
    let unknown: string | undefined;
    for (const v of resolver.navigate(roots, ['Properties', property])) {
      if (v.kind === 'literal' && typeof v.value === 'string') urls.add(v.value);
      else if (v.kind === 'absent') unknown ??= `it has no ${property}`;
      else unknown ??= v.kind === 'literal' ? `its ${property} is not a string` : `its ${property} is only known at deploy time (${v.reason ?? 'not a literal'})`;
    }
    if (urls.size === 0) {
      out.push({ ...base, reason: `not followed: ${unknown ?? `its ${property} is not known`}` });
      continue;
    }
    for (const url of urls) {
      const local = uri ? undefined : localPath(url, template.file);
      if (local) out.push({ ...base, templateUrl: url, file: local });
      else if (uri && !/^[a-z][a-z0-9+.-]+:/i.test(url)) out.push({ ...base, templateUrl: url, reason: 'not followed: a relative path in a deployed template' });
      else out.push({ ...base, templateUrl: url, reason: 'not followed: a remote template' });
    }
  }
  return out;
}

/** An asset file whose hash (or S3 object key) ends one of the strings of a TemplateURL, as CDK writes them. */
function assetInUrl(node: unknown, assets: ReadonlyMap<string, string>): string | undefined {
  if (assets.size === 0) return undefined;
  const stack: unknown[] = [node];
  let budget = 1000;
  while (stack.length && budget-- > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      const key = value.slice(value.lastIndexOf('/') + 1);
      const found = assets.get(key) ?? assets.get(key.replace(/\.json$/, ''));
      if (found) return found;
    } else if (Array.isArray(value)) stack.push(...value);
    else if (isPlainObject(value)) stack.push(...Object.values(value));
  }
  return undefined;
}

/** The parent's Parameters property: literal values pass as CloudFormation strings, anything else is unknown in the child. */
function passedParameters(resolver: ValueResolver, roots: ReturnType<ValueResolver['roots']>): { parameters: Record<string, string>; unknownParameters: string[] } {
  const parameters: Record<string, string> = {};
  const unknownParameters: string[] = [];
  for (const map of resolver.navigate(roots, ['Properties', 'Parameters'])) {
    if (map.kind !== 'literal' || !isPlainObject(map.value)) continue;
    for (const name of Object.keys(map.value)) {
      const values = new Set<string>();
      let known = true;
      for (const v of resolver.navigate([map], [name])) {
        const text = v.kind === 'literal' ? parameterText(v.value) : undefined;
        if (text === undefined) known = false;
        else values.add(text);
      }
      if (known && values.size === 1) parameters[name] = [...values][0]!;
      else if (!unknownParameters.includes(name)) unknownParameters.push(name);
    }
  }
  return { parameters, unknownParameters };
}

function parameterText(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(',');
  return undefined;
}

/** A file that fails to parse still counts as a template when its text says so. */
function looksLikeCloudFormation(doc: ParsedDocument): boolean {
  return /^[\s{]*"?(Resources|AWSTemplateFormatVersion)"?\s*:/m.test(doc.source);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
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
