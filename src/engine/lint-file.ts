// The per-file pipeline: bytes → decoded text → parsed document → template → rules → findings, with what a file's
// findings depend on besides its rules (parse errors, Rain directives, CDK context, suppressions, unexpanded loops).
import path from 'node:path';
import { checkGivenParameters } from '../template/given-parameters.ts';
import { isCdkPlumbingPath, type CdkTemplate } from '../discover/cdk.ts';
import { ReadRefusal } from '../discover/read.ts';
import { decodeSource, parseDocument } from '../parse/index.ts';
import { findingRegion, offsetRegion } from '../parse/locate.ts';
import type { ParsedDocument } from '../parse/types.ts';
import { buildTemplate, notTemplateShaped, type Template } from '../template/model.ts';
import { valueAt } from '../template/intrinsics.ts';
import { firstRainDirective, isRainDirective } from '../template/rain.ts';
import { LOOP_NOT_EXPANDED_RULE, PARSE_ERROR_RULE } from './builtin.ts';
import type { RuleDefinition } from './rule.ts';
import { runRules, type RuleFailure } from './run-rules.ts';
import { applySuppressions } from './suppressions.ts';
import { nestedRefs, type NestedRef } from './nested.ts';
import type { FileReport, Finding, Level } from './types.ts';

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
    ruleId: PARSE_ERROR_RULE.id,
    level: 'error',
    pillar: PARSE_ERROR_RULE.pillar,
    message,
    file,
    region,
    kind: 'fail',
  });
  if (bytes instanceof ReadRefusal) {
    // Too large, or a FIFO or device: a scan skips it with the reason; named or nested, it is an error.
    const report: FileReport = { file, status: 'skipped', skipReason: `not read: ${bytes.message}` };
    return { report, findings: explicit ? [parseError(`The file was not read: ${bytes.message}.`)] : [] };
  }
  if (bytes instanceof Error) {
    return {
      report: { file, status: 'skipped', skipReason: `cannot be read: ${bytes.message}` },
      findings: [parseError(`The file cannot be read: ${bytes.message}.`)],
    };
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
    diagnostics.unshift(
      parseError(
        `${key} is a Rain directive: CloudFormation cannot deploy this template until \`rain pkg\` expands it; the parts Rain adds are not checked.`,
        tag ? offsetRegion(doc, tag.start, tag.end) : findingRegion(doc, rain.path),
      ),
    );
  }
  const given = new Map(Object.entries(options.parameters ?? {}));
  const built = buildTemplate(doc, file, { stackTags: options.cdk?.stackTags, parameters: given });
  if (built.kind === 'not-cloudformation') {
    const skipped: FileReport = { ...report, status: 'skipped', skipReason: `not a CloudFormation template: ${built.reason}` };
    if (!explicit) return { report: skipped, findings: [] };
    return { report: skipped, findings: [...diagnostics, parseError(`${path.basename(file)} is not a CloudFormation template: ${built.reason}.`)] };
  }
  const structure = built.problems
    .filter((p) => !(rain && isRainDirective(valueAt(doc.value, p.path))))
    .map((p) => parseError(`Invalid template: ${p.message}.`, findingRegion(doc, p.path)));
  if (built.kind === 'invalid') return { report, findings: [...diagnostics, ...structure] };
  const template = built.template;
  if (given.size) report.givenParameters = checkGivenParameters(template, given);
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
  const findings =
    diagnostics.length || structure.length || loops?.findings.length ? [...diagnostics, ...structure, ...(loops?.findings ?? []), ...checked] : checked;
  return { report, findings, ...(nested.length ? { nested } : {}), ...(failures.length ? { failures } : {}) };
}

/**
 * Construct paths and creation sites for CDK output, and which findings are about CDK's own plumbing. Undefined
 * for templates that show no sign of CDK.
 */
function cdkContext(template: Template, info: CdkTemplate | undefined): { skip: (f: Finding) => boolean; decorate: (f: Finding) => Finding } | undefined {
  const pathOf = new Map<string, string>();
  const plumbing = new Set<string>(info?.plumbing);
  for (const [id, resource] of template.resources) {
    const constructPath =
      info?.constructPaths.get(id) ?? (typeof resource.metadata?.['aws:cdk:path'] === 'string' ? resource.metadata['aws:cdk:path'] : undefined);
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
        out.related = [
          {
            file: frame.file,
            line: frame.line,
            ...(frame.column ? { column: frame.column } : {}),
            message: 'Where the CDK app creates this resource',
            creation: true,
          },
        ];
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
        ruleId: LOOP_NOT_EXPANDED_RULE.id,
        level: LOOP_NOT_EXPANDED_RULE.level,
        pillar: LOOP_NOT_EXPANDED_RULE.pillar,
        message: `The resources of loop ${l.name} are not linted: ${l.reason}.`,
        file: template.file,
        region: findingRegion(template.doc, l.path),
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
