import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { PROJECT_URL } from '../version.ts';
import { shardLabel } from '../engine/shard.ts';
import type { FileReport, Finding, LintResult, RuleMeta } from '../engine/types.ts';
import type { Region } from '../parse/types.ts';
import { failureReason, guarded, missingText, placeholderText } from './failures.ts';
import { artifactUri, cdkSourceOf, isRelativeUri } from './paths.ts';
import { textOf } from './text.ts';
import type { Formatter } from './types.ts';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = PROJECT_URL;
const SRCROOT = '%SRCROOT%';
/** GitHub shows at most 1024 characters of a rule's short and full description. */
const MAX_DESCRIPTION = 1024;
/** GitHub rejects more than 20 tags per rule. */
const MAX_TAGS = 20;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const NUMERIC = /^\d+(?:\.\d+)?$/;

/** `rds-multi-az-enabled` → `RdsMultiAzEnabled`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** Cut at a word boundary without splitting a surrogate pair, ending in an ellipsis. */
export function truncate(text: string, max: number = MAX_DESCRIPTION): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  const space = text.lastIndexOf(' ', cut);
  if (space > max * 0.75) cut = space;
  return text.slice(0, cut).trimEnd() + '…';
}

/** A fence longer than any backtick run inside, so an example cannot close it early. */
function fenced(code: string, language: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${code.replace(/\s+$/, '')}\n${fence}`;
}

function exampleLanguage(code: string): string {
  return /^\s*[{[]/.test(code) ? 'json' : 'yaml';
}

function help(rule: RuleMeta): Sarif.MultiformatMessageString {
  const text = [rule.rationale, `Remediation: ${rule.remediation}`];
  const markdown = [rule.rationale, `**Remediation**\n\n${rule.remediation}`];
  const examples: [string, string | undefined][] = [
    ['Non-compliant example', rule.examples?.fail],
    ['Compliant example', rule.examples?.pass],
  ];
  for (const [label, code] of examples) {
    if (!code) continue;
    text.push(`${label}:\n${code.replace(/\s+$/, '')}`);
    markdown.push(`**${label}**\n\n${fenced(code, exampleLanguage(code))}`);
  }
  return { text: text.join('\n\n'), markdown: markdown.join('\n\n') };
}

function tags(rule: RuleMeta): string[] {
  const all = [rule.pillar, `well-architected/${rule.pillar}`, ...rule.wellArchitected];
  if (rule.securitySeverity !== undefined) all.push('security');
  all.push(...rule.tags);
  // The schema wants unique tags; the first ones are the meaningful ones.
  return [...new Set(all.filter(Boolean))].slice(0, MAX_TAGS);
}

function reportingDescriptor(rule: RuleMeta): Sarif.ReportingDescriptor {
  const properties: Sarif.PropertyBag = { tags: tags(rule), precision: 'high' };
  // GitHub rejects a non-numeric security-severity; such metadata falls back to problem.severity.
  if (rule.securitySeverity !== undefined && NUMERIC.test(rule.securitySeverity)) {
    properties['security-severity'] = rule.securitySeverity;
  } else {
    properties['problem.severity'] = rule.level === 'note' ? 'recommendation' : rule.level;
  }
  const fullDescription: Sarif.MultiformatMessageString = { text: truncate(rule.rationale || rule.title) };
  // Truncated markdown could leave a fence or link open, so it is written only when whole.
  if (rule.rationale && rule.rationale.length <= MAX_DESCRIPTION) fullDescription.markdown = rule.rationale;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: truncate(rule.title || rule.id) },
    fullDescription,
    help: help(rule),
    ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
    defaultConfiguration: { level: rule.level },
    properties,
  };
}

/** 1-based, end never before start: a malformed region must not make the whole log invalid. */
function sarifRegion(r: Region): Sarif.Region {
  const startLine = Math.max(1, Math.trunc(r.startLine) || 1);
  const startColumn = Math.max(1, Math.trunc(r.startColumn) || 1);
  const endLine = Math.max(startLine, Math.trunc(r.endLine) || startLine);
  let endColumn = Math.max(1, Math.trunc(r.endColumn) || 1);
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
  return { startLine, startColumn, endLine, endColumn };
}

/** What SARIF tells about a file besides its location: why it was skipped, CDK stack, nesting. */
function artifactProperties(report: FileReport, locationOf: (file: string) => Sarif.ArtifactLocation): Sarif.PropertyBag | undefined {
  const properties: Sarif.PropertyBag = {};
  if (report.status === 'skipped') Object.assign(properties, { skipped: true, reason: report.skipReason ?? 'skipped' });
  if (report.cdkStack) properties.cdkStack = report.cdkStack;
  if (report.nestedIn) properties.nestedIn = { uri: locationOf(report.nestedIn.file).uri, logicalId: report.nestedIn.logicalId };
  if (report.nestedStacks?.length) {
    properties.nestedStacks = report.nestedStacks.map((n) => ({
      logicalId: n.logicalId,
      ...(n.templateUrl !== undefined ? { templateUrl: n.templateUrl } : {}),
      ...(n.file ? { uri: locationOf(n.file).uri } : {}),
      followed: n.followed,
      ...(n.reason ? { reason: n.reason } : {}),
    }));
  }
  return Object.keys(properties).length ? properties : undefined;
}

function srcrootUri(cwd: string): string {
  const href = pathToFileURL(resolve(cwd)).href;
  return href.endsWith('/') ? href : href + '/';
}

export const sarif: Formatter = (result: LintResult, options) => {
  const cwd = options.cwd;

  const artifacts: Sarif.Artifact[] = [];
  const artifactIndex = new Map<string, number>();
  const locationOf = (file: string): Sarif.ArtifactLocation => {
    const uri = artifactUri(file, cwd);
    // uriBaseId only makes sense for a relative reference.
    return isRelativeUri(uri) ? { uri, uriBaseId: SRCROOT } : { uri };
  };
  const addArtifact = (file: string, report?: FileReport): number => {
    const known = artifactIndex.get(file);
    if (known !== undefined) return known;
    const artifact: Sarif.Artifact = { location: locationOf(file) };
    // The files the run linted, apart from those a finding only points at (a CDK app's source): what merge counts.
    if (report?.status === 'linted') artifact.roles = ['analysisTarget'];
    const properties = report ? artifactProperties(report, locationOf) : undefined;
    if (properties) artifact.properties = properties;
    // A deployed stack's template lives only in memory (stack://REGION/NAME): the log carries it, so regions resolve.
    if (report?.source !== undefined && !isRelativeUri(artifact.location!.uri!) && !artifact.location!.uri!.startsWith('file:')) {
      artifact.contents = { text: report.source };
    }
    artifactIndex.set(file, artifacts.length);
    artifacts.push(artifact);
    return artifacts.length - 1;
  };
  for (const f of result.files) addArtifact(f.file, f);

  const ruleIndex = new Map<string, number>();
  result.rules.forEach((rule, i) => {
    if (!ruleIndex.has(rule.id)) ruleIndex.set(rule.id, i);
  });

  const toResult = (f: Finding): Sarif.Result => {
    const index = addArtifact(f.file);
    const artifactLocation: Sarif.ArtifactLocation = { ...locationOf(f.file), index };
    // Built field by field to keep SARIF's usual key order; message is set below.
    const out = { ruleId: f.ruleId } as Sarif.Result;
    const ri = ruleIndex.get(f.ruleId);
    if (ri !== undefined) out.ruleIndex = ri;
    if (f.kind === 'review') {
      // SARIF: a result whose kind is not 'fail' has level 'none'.
      out.kind = 'review';
      out.level = 'none';
    } else {
      out.level = f.level;
    }
    out.message = { text: textOf(f.message, '') || f.ruleId };
    // A finding on a synthesized CDK template goes where code scanning can show it: the app's line that creates the
    // resource; the template becomes a related location.
    const source = cdkSourceOf(f, cwd, options.cdkLocation);
    const primary = source
      ? {
          artifactLocation: { ...locationOf(source.file), index: addArtifact(source.file) },
          region: source.column ? { startLine: Math.max(1, source.line), startColumn: Math.max(1, source.column) } : { startLine: Math.max(1, source.line) },
        }
      : { artifactLocation, region: sarifRegion(f.region) };
    out.locations = [
      {
        physicalLocation: primary,
        ...(f.logicalId
          ? {
              logicalLocations: [{ name: f.logicalId, fullyQualifiedName: f.constructPath ?? `Resources.${f.logicalId}`, kind: 'resource' }],
            }
          : {}),
      },
    ];
    // GitHub rejects a log with absolute file URIs, so a related place outside the working directory (a CDK app
    // synthesized on another machine) stays out of relatedLocations and is only named in the properties.
    const related = (f.related ?? []).filter((r) => r !== source).map((r) => ({ ...r, location: locationOf(r.file) }));
    const inside = related.filter((r) => isRelativeUri(r.location.uri!));
    const relatedLocations: Sarif.Location[] = [];
    if (source) {
      relatedLocations.push({
        id: 1,
        physicalLocation: { artifactLocation, region: sarifRegion(f.region) },
        message: { text: 'The resource in the synthesized template' },
      });
    }
    for (const r of inside) {
      relatedLocations.push({
        id: relatedLocations.length + 1,
        physicalLocation: {
          artifactLocation: r.location,
          region: r.column ? { startLine: Math.max(1, r.line), startColumn: Math.max(1, r.column) } : { startLine: Math.max(1, r.line) },
        },
        message: { text: textOf(r.message, 'Related location') },
      });
    }
    if (relatedLocations.length) out.relatedLocations = relatedLocations;
    if (f.fix) {
      out.fixes = [
        {
          description: { text: f.fix.description },
          artifactChanges: [
            {
              artifactLocation,
              replacements: [{ deletedRegion: sarifRegion(f.fix.region), insertedContent: { text: f.fix.text } }],
            },
          ],
        },
      ];
    }
    if (f.baselineState) out.baselineState = f.baselineState;
    if (f.suppression) out.suppressions = [{ kind: 'inSource', justification: f.suppression.justification }];
    const properties: Sarif.PropertyBag = { pillar: f.pillar };
    if (f.resourceType) properties.resourceType = f.resourceType;
    if (f.propertyPath?.length) properties.propertyPath = f.propertyPath.join('.');
    // What a baseline matches on: the template the finding is about, wherever it is shown.
    if (source) properties.template = artifactLocation.uri;
    const outside = related.filter((r) => !isRelativeUri(r.location.uri!));
    if (outside.length) properties.related = outside.map((r) => `${r.message}: ${r.file}:${r.line}${r.column ? `:${r.column}` : ''}`);
    out.properties = properties;
    return out;
  };

  // A file the engine failed on, or a finding that could not be written, leaves the log incomplete: it says so, so
  // that nobody takes the missing results for fixed ones.
  const notifications: Sarif.Notification[] = [];
  const notify = (file: string | undefined, text: string): void => {
    const notification: Sarif.Notification = { level: 'error', message: { text } };
    if (file !== undefined) notification.locations = [{ physicalLocation: { artifactLocation: { ...locationOf(file), index: addArtifact(file) } } }];
    notifications.push(notification);
  };
  for (const failure of result.failures) {
    notify(failure.file, `${missingText(failure)}: ${failureReason(failure.error, cwd)}`);
  }

  // GitHub ignores SARIF suppressions and would open alerts, so suppressed findings stay out by default.
  const results: Sarif.Result[] = [];
  for (const f of result.findings) {
    if (f.suppression && !options.includeSuppressed) continue;
    const written = guarded(f, options.onRenderError, toResult, (failure) => {
      notify(failure.file, `${placeholderText(failure, cwd)}: ${failureReason(failure.error, cwd)}`);
      return undefined;
    });
    if (written) results.push(written);
  }

  const driver: Sarif.ToolComponent = { name: 'pillars-lint' };
  if (SEMVER.test(options.toolVersion)) driver.semanticVersion = options.toolVersion;
  driver.version = options.toolVersion;
  driver.informationUri = INFORMATION_URI;
  driver.rules = result.rules.map(reportingDescriptor);

  const root = srcrootUri(cwd);
  const run: Sarif.Run = {
    tool: { driver },
    invocations: [
      {
        executionSuccessful: notifications.length === 0,
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
        workingDirectory: { uri: root },
      },
    ],
    originalUriBaseIds: { [SRCROOT]: { uri: root } },
    artifacts,
    results,
    columnKind: 'utf16CodeUnits',
  };
  const category = options.category?.replace(/\/+$/, '');
  if (result.shard) {
    // Each part of a sharded run is a category of its own, so that uploads of the parts do not replace each other;
    // `pillars-lint merge` reads the shard back from the properties and writes the run's own category.
    const { index, count } = result.shard;
    run.automationDetails = { id: `${category ?? 'pillars-lint'}/${shardLabel({ index, count })}/` };
    run.properties = { shard: { ...result.shard, ...(category ? { category } : {}) } };
  } else if (category) {
    // upload-sarif reads the category as everything up to the last '/'.
    run.automationDetails = { id: category + '/' };
  }
  const log: Sarif.Log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
  return JSON.stringify(log, null, 2) + '\n';
};

export default sarif;
