// `pillars-lint merge`: the SARIF logs of the parts of a sharded run (or of separate runs) as one run, and that run as
// a LintResult for the other formats. The merged log holds each artifact and rule once, re-indexed, and the results
// in the order an unsharded run writes them (file, line, column, rule).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Sarif from 'sarif';
import { UsageError } from '../errors.ts';
import { LEVELS, PILLARS, type FileReport, type Finding, type Level, type LintResult, type Pillar, type RuleMeta } from '../engine/types.ts';
import type { Region } from '../parse/types.ts';
import { unionInRegistryOrder } from '../engine/registry.ts';
import { rules as registeredRules } from '../../rules/index.ts';
import { isRelativeUri } from './paths.ts';

const SRCROOT = '%SRCROOT%';

interface ShardProperty {
  index: number;
  count: number;
  units: number;
  totalUnits: number;
  category?: string;
}

export interface MergeInput {
  /** The file it was read from, for messages. */
  name: string;
  log: unknown;
}

/**
 * One run from the runs of pillars-lint SARIF logs. Throws a usage error for a log pillars-lint did not write or a
 * shard given twice; `warnings` says what the merged log may lack (a missing shard).
 */
export function mergeSarif(inputs: readonly MergeInput[]): { log: Sarif.Log; warnings: string[] } {
  const warnings: string[] = [];
  const runs: Array<{ name: string; run: Sarif.Run }> = [];
  for (const { name, log } of inputs) {
    const l = log as Partial<Sarif.Log> | null;
    if (!l || typeof l !== 'object' || l.version !== '2.1.0' || !Array.isArray(l.runs)) throw new UsageError(`${name} is not a SARIF 2.1.0 log`);
    for (const run of l.runs) {
      if (run?.tool?.driver?.name !== 'pillars-lint') {
        throw new UsageError(
          `${name} holds a run of ${JSON.stringify(run?.tool?.driver?.name ?? 'an unnamed tool')}, not pillars-lint: merge joins pillars-lint's own logs`,
        );
      }
      runs.push({ name, run });
    }
  }
  if (runs.length === 0) throw new UsageError('merge needs at least one SARIF log');
  checkShards(runs, warnings);

  const first = runs[0]!.run;
  const rules = unionInRegistryOrder(
    runs.map(({ run }) => run.tool.driver.rules ?? []),
    registeredRules,
  );
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts: Sarif.Artifact[] = [];
  const artifactIndex = new Map<string, number>();
  const results: Array<{ result: Sarif.Result; key: SortKey; order: number }> = [];
  const notifications: Sarif.Notification[] = [];
  let successful = true;

  for (const { run } of runs) {
    // Each run's artifact indexes, mapped to the merged list's.
    const own = run.artifacts ?? [];
    const remap = own.map((artifact) => addArtifact(artifact, artifacts, artifactIndex));
    const relocate = (location: Sarif.ArtifactLocation | undefined): Sarif.ArtifactLocation | undefined => {
      if (!location) return location;
      const index = location.index !== undefined ? remap[location.index] : undefined;
      const { index: _old, ...rest } = location;
      if (index !== undefined) return { ...rest, index };
      // A location without an index still gets the one of its file, when the file is listed.
      const known = rest.uri !== undefined ? artifactIndex.get(artifactKey(rest)) : undefined;
      return known !== undefined ? { ...rest, index: known } : rest;
    };
    const relocated = (loc: Sarif.Location): Sarif.Location =>
      loc.physicalLocation ? { ...loc, physicalLocation: { ...loc.physicalLocation, artifactLocation: relocate(loc.physicalLocation.artifactLocation) } } : loc;
    for (const result of run.results ?? []) {
      const copy: Sarif.Result = { ...result };
      const index = result.ruleId !== undefined ? ruleIndex.get(result.ruleId) : undefined;
      if (index !== undefined) copy.ruleIndex = index;
      else delete copy.ruleIndex;
      if (result.locations) copy.locations = result.locations.map(relocated);
      if (result.relatedLocations) copy.relatedLocations = result.relatedLocations.map(relocated);
      if (result.fixes) {
        copy.fixes = result.fixes.map((fix) => ({
          ...fix,
          artifactChanges: fix.artifactChanges.map((change) => ({ ...change, artifactLocation: relocate(change.artifactLocation)! })),
        }));
      }
      results.push({ result: copy, key: sortKey(copy), order: results.length });
    }
    for (const invocation of run.invocations ?? []) {
      if (invocation.executionSuccessful === false) successful = false;
      for (const n of invocation.toolExecutionNotifications ?? []) notifications.push(n.locations ? { ...n, locations: n.locations.map(relocated) } : n);
    }
  }
  // The order of an unsharded run: by file, line, column and rule; results of one place keep their order.
  results.sort((a, b) => compareKeys(a.key, b.key) || a.order - b.order);

  const driver: Sarif.ToolComponent = { ...first.tool.driver, rules };
  const workingDirectory = first.invocations?.[0]?.workingDirectory;
  const merged: Sarif.Run = {
    tool: { driver },
    invocations: [
      {
        executionSuccessful: successful,
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
        ...(workingDirectory ? { workingDirectory } : {}),
      },
    ],
    ...(first.originalUriBaseIds ? { originalUriBaseIds: first.originalUriBaseIds } : {}),
    artifacts,
    results: results.map((r) => r.result),
    columnKind: first.columnKind ?? 'utf16CodeUnits',
  };
  const category = runs.map(({ run }) => categoryOf(run)).find((c) => c !== undefined);
  if (category) merged.automationDetails = { id: `${category}/` };
  return { log: { $schema: (inputs[0]!.log as Sarif.Log).$schema, version: '2.1.0', runs: [merged] }, warnings };
}

/** Parts of one sharded run: each once, all of one count; a missing one is a warning (the merged log lacks it). */
function checkShards(runs: ReadonlyArray<{ name: string; run: Sarif.Run }>, warnings: string[]): void {
  const seen = new Map<number, string>();
  let count: number | undefined;
  for (const { name, run } of runs) {
    const shard = shardOf(run);
    if (!shard) continue;
    if (count !== undefined && shard.count !== count) {
      throw new UsageError(`${name} is part ${shard.index} of ${shard.count}, but an earlier log is a part of ${count}: merge the parts of one run`);
    }
    count = shard.count;
    const earlier = seen.get(shard.index);
    if (earlier !== undefined) throw new UsageError(`${name} and ${earlier} are both part ${shard.index} of ${shard.count}`);
    seen.set(shard.index, name);
  }
  if (count === undefined) return;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length)
    warnings.push(`part${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing: the merged report covers ${seen.size} of ${count} parts`);
}

function shardOf(run: Sarif.Run): ShardProperty | undefined {
  const shard = run.properties?.shard as ShardProperty | undefined;
  return shard && Number.isInteger(shard.index) && Number.isInteger(shard.count) ? shard : undefined;
}

/** The category the run was asked for: a shard's own (without its part), else its automationDetails. */
function categoryOf(run: Sarif.Run): string | undefined {
  const shard = shardOf(run);
  if (shard) return typeof shard.category === 'string' ? shard.category : undefined;
  return run.automationDetails?.id?.replace(/\/[^/]*$/, '') || undefined;
}

function artifactKey(location: Sarif.ArtifactLocation): string {
  return `${location.uriBaseId ?? ''}\u0000${location.uri ?? ''}`;
}

/** The merged index of an artifact; the first run's properties win, and a later one adds what it knows. */
function addArtifact(artifact: Sarif.Artifact, artifacts: Sarif.Artifact[], index: Map<string, number>): number {
  const key = artifactKey(artifact.location ?? {});
  const known = index.get(key);
  if (known !== undefined) {
    const existing = artifacts[known]!;
    // A file one part linted and another only mentions (a related location) is the linted one.
    if (artifact.roles?.length && !existing.roles?.length) artifacts[known] = { ...artifact, properties: { ...artifact.properties, ...existing.properties } };
    return known;
  }
  index.set(key, artifacts.length);
  artifacts.push(artifact);
  return artifacts.length - 1;
}

interface SortKey {
  file: string;
  line: number;
  column: number;
  ruleId: string;
}

/** What an unsharded run sorts a finding by: its template (absolute path, or URI), line, column and rule. */
function sortKey(result: Sarif.Result): SortKey {
  const place = templatePlace(result);
  // Paths relative to the project root sort as the absolute ones do (they share the root); under "/", before URIs.
  const file = place.uri !== undefined ? fileFor(place.uri, '/') : '';
  return { file, line: place.region?.startLine ?? 0, column: place.region?.startColumn ?? 0, ruleId: result.ruleId ?? '' };
}

function compareKeys(a: SortKey, b: SortKey): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * Where a result is in its template. A finding on a synthesized CDK template shown on the app's line names the
 * template in its properties and keeps the template's region as its first related location.
 */
function templatePlace(result: Sarif.Result): { uri?: string; uriBaseId?: string; region?: Sarif.Region } {
  const physical = result.locations?.[0]?.physicalLocation;
  const template = result.properties?.template;
  if (typeof template === 'string') {
    const inTemplate = result.relatedLocations?.find((r) => r.id === 1)?.physicalLocation;
    return { uri: template, uriBaseId: SRCROOT, region: inTemplate?.region };
  }
  return { uri: physical?.artifactLocation?.uri, uriBaseId: physical?.artifactLocation?.uriBaseId, region: physical?.region };
}

/** A file as the engine names it: a path relative to %SRCROOT% joined to `root`, a file: URI's path, or the URI. */
function fileFor(uri: string, root: string): string {
  if (!isRelativeUri(uri)) return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  return path.join(root, ...uri.split('/').map(safeDecode));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * A merged log as the result the formatters render: findings with their places, the files the runs linted or
 * skipped, and the rules (their titles, levels and help links; the full rationale is only in the SARIF help).
 * Relative paths are taken as relative to `cwd`, the checkout the merge runs in.
 */
export function resultFromSarif(log: Sarif.Log, cwd: string): LintResult {
  const run = log.runs[0]!;
  const fileOf = (location: Sarif.ArtifactLocation | undefined) => (location?.uri === undefined ? '' : fileFor(location.uri, cwd));
  const rules = (run.tool.driver.rules ?? []).map(ruleFromDescriptor);
  const pillarOf = new Map(rules.map((r) => [r.id, r.pillar]));
  const files: FileReport[] = [];
  for (const artifact of run.artifacts ?? []) {
    const skipped = artifact.properties?.skipped === true;
    // Files a finding only points at (a CDK app's source) are not files the run linted.
    if (!skipped && !artifact.roles?.includes('analysisTarget')) continue;
    const file = fileOf(artifact.location);
    const report: FileReport = skipped ? { file, status: 'skipped', skipReason: String(artifact.properties?.reason ?? 'skipped') } : { file, status: 'linted' };
    const properties = artifact.properties ?? {};
    if (typeof properties.cdkStack === 'string') report.cdkStack = properties.cdkStack;
    const nestedIn = properties.nestedIn as { uri?: string; logicalId?: string } | undefined;
    if (nestedIn?.uri && nestedIn.logicalId) report.nestedIn = { file: fileOf({ uri: nestedIn.uri }), logicalId: nestedIn.logicalId };
    // What the text report counts: nested stacks not followed, and why.
    const nested = properties.nestedStacks as
      | Array<{ logicalId?: string; templateUrl?: string; uri?: string; followed?: boolean; reason?: string }>
      | undefined;
    if (Array.isArray(nested)) {
      report.nestedStacks = nested.map((n) => ({
        logicalId: String(n.logicalId ?? ''),
        ...(n.templateUrl !== undefined ? { templateUrl: n.templateUrl } : {}),
        ...(n.uri ? { file: fileOf({ uri: n.uri }) } : {}),
        followed: n.followed === true,
        ...(n.reason ? { reason: n.reason } : {}),
      }));
    }
    files.push(report);
  }
  const findings = (run.results ?? []).map((result) => findingOf(result, fileOf, pillarOf));
  const failures: LintResult['failures'] = [];
  for (const invocation of run.invocations ?? []) {
    for (const n of invocation.toolExecutionNotifications ?? []) {
      if (n.level !== 'error') continue;
      const file = fileOf(n.locations?.[0]?.physicalLocation?.artifactLocation) || '(the merged run)';
      failures.push({ file, error: new Error(n.message.text ?? 'a part of the run failed') });
    }
  }
  return { cwd, files, findings, rules, failures };
}

function findingOf(result: Sarif.Result, fileOf: (l: Sarif.ArtifactLocation | undefined) => string, pillarOf: Map<string, Pillar>): Finding {
  const primary = result.locations?.[0];
  const physical = primary?.physicalLocation;
  const place = templatePlace(result);
  const onAppLine = typeof result.properties?.template === 'string';
  const file = fileOf(onAppLine ? { uri: place.uri, uriBaseId: SRCROOT } : physical?.artifactLocation);
  const review = result.kind === 'review';
  const level = LEVELS.includes(result.level as Level) ? (result.level as Level) : 'note';
  const related: NonNullable<Finding['related']> = [];
  if (onAppLine && physical?.region?.startLine) {
    related.push({
      file: fileOf(physical.artifactLocation),
      line: physical.region.startLine,
      column: physical.region.startColumn,
      message: 'Created here',
      creation: true,
    });
  }
  for (const r of result.relatedLocations ?? []) {
    if (onAppLine && r.id === 1) continue;
    const p = r.physicalLocation;
    if (p?.region?.startLine)
      related.push({
        file: fileOf(p.artifactLocation),
        line: p.region.startLine,
        column: p.region.startColumn,
        message: r.message?.text ?? 'Related location',
      });
  }
  const logical = primary?.logicalLocations?.[0];
  const pillar = (result.properties?.pillar as Pillar | undefined) ?? pillarOf.get(result.ruleId ?? '') ?? 'operational-excellence';
  const fix = result.fixes?.[0];
  const replacement = fix?.artifactChanges[0]?.replacements[0];
  return {
    ruleId: result.ruleId ?? 'unknown',
    level: review ? 'note' : level,
    pillar: PILLARS.includes(pillar) ? pillar : 'operational-excellence',
    message: result.message.text ?? '',
    file,
    region: regionOf(place.region),
    ...(logical?.name ? { logicalId: logical.name } : {}),
    ...(typeof result.properties?.resourceType === 'string' ? { resourceType: result.properties.resourceType } : {}),
    ...(typeof result.properties?.propertyPath === 'string' ? { propertyPath: result.properties.propertyPath.split('.') } : {}),
    ...(logical?.fullyQualifiedName && !logical.fullyQualifiedName.startsWith('Resources.') ? { constructPath: logical.fullyQualifiedName } : {}),
    ...(related.length ? { related } : {}),
    kind: review ? 'review' : 'fail',
    ...(fix && replacement
      ? {
          fix: {
            description: fix.description?.text ?? 'Fix',
            region: regionOf(replacement.deletedRegion),
            start: -1,
            end: -1,
            text: replacement.insertedContent?.text ?? '',
          },
        }
      : {}),
    ...(result.suppressions?.length ? { suppression: { justification: result.suppressions[0]!.justification ?? '', source: 'SARIF' } } : {}),
    ...(result.baselineState === 'new' || result.baselineState === 'unchanged' ? { baselineState: result.baselineState } : {}),
  };
}

function regionOf(r: Sarif.Region | undefined): Region {
  const startLine = r?.startLine ?? 1;
  const startColumn = r?.startColumn ?? 1;
  return { startLine, startColumn, endLine: r?.endLine ?? startLine, endColumn: r?.endColumn ?? startColumn + 1 };
}

function ruleFromDescriptor(d: Sarif.ReportingDescriptor): RuleMeta {
  const tags = ((d.properties?.tags as string[] | undefined) ?? []).filter((t) => typeof t === 'string');
  const pillar = (tags.find((t) => PILLARS.includes(t as Pillar)) as Pillar | undefined) ?? 'operational-excellence';
  const level = d.defaultConfiguration?.level;
  const severity = d.properties?.['security-severity'];
  return {
    id: d.id,
    pillar,
    level: LEVELS.includes(level as Level) ? (level as Level) : 'warning',
    title: d.shortDescription?.text ?? d.id,
    rationale: d.fullDescription?.text ?? '',
    remediation: '',
    wellArchitected: tags.filter((t) => /^[A-Z]{3,4}\d{2}-BP\d{2}$/.test(t)),
    securityHub: [],
    ...(typeof severity === 'string' ? { securitySeverity: severity } : {}),
    appliesTo: [],
    tags: tags.filter((t) => !PILLARS.includes(t as Pillar) && !t.startsWith('well-architected/')),
    peers: {},
    helpUri: d.helpUri ?? '',
  };
}
