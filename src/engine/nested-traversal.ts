// The nested-stack traversal of one run: which nested stacks are followed into the templates they deploy, cycle
// detection, and the caps on depth and count that bound what a hostile repository can cost.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { readCloudAssembly, type CdkTemplate } from '../discover/cdk.ts';
import { hasScheme, relativeInside, toPosix } from '../discover/paths.ts';
import type { ProjectFiles } from '../discover/read.ts';
import { NESTED_STACK_CYCLE_RULE, NESTED_STACK_MISSING_RULE } from './builtin.ts';
import type { NestedRef } from './nested.ts';
import type { Finding, NestedStackReport, RuleMeta } from './types.ts';
import { thousands } from '../words.ts';

/** A template to lint: a discovered file, a nested template found through its parent, or a deployed stack. */
export interface Unit {
  file: string;
  explicit: boolean;
  cdk?: CdkTemplate;
  /** Deployed stacks and parents read ahead carry their bytes (or why they could not be read). */
  bytes?: Uint8Array | Error;
  parameters?: Record<string, string>;
  unknownParameters?: readonly string[];
  nestedIn?: { file: string; logicalId: string };
}

/** Nested stacks deeper than this are not followed (CloudFormation allows far less in practice). */
const MAX_NESTING = 32;
/** Nested templates followed in one run, however wide the tree: a bound on what a hostile repository can cost. */
const MAX_NESTED_TEMPLATES = 1000;

/** One nested stack as the parent's report shows it, and the template to lint next when it is followed. */
export interface Step {
  report: NestedStackReport;
  next?: { unit: Unit; chain: string[] };
}

export class NestedTraversal {
  /** Templates linted (or being linted) in this run. */
  private readonly linted = new Set<string>();
  /** Nested templates followed so far, against MAX_NESTED_TEMPLATES. */
  private followed = 0;

  constructor(
    private readonly projectFiles: ProjectFiles,
    /** The run's units by file: a nested template that is one of them keeps its CDK information and bytes. */
    private readonly units: ReadonlyMap<string, Unit>,
    /** Whether the config excludes a file (a nested template that is not one of the run's units). */
    private readonly excluded: (file: string) => boolean,
    /** Where cycle and missing-template findings go. */
    private readonly findings: Finding[],
  ) {}

  /** Marks a template as linted; false when it already was (each template is linted once per run). */
  start(file: string): boolean {
    if (this.linted.has(file)) return false;
    this.linted.add(file);
    return true;
  }

  /** Templates linted so far, for progress. */
  get count(): number {
    return this.linted.size;
  }

  /** Nested stack `ref` of `parent`, reached through the ancestors in `chain`: followed, or why not. */
  follow(parent: string, ref: NestedRef, chain: string[]): Step {
    const projectFiles = this.projectFiles;
    const entry: NestedStackReport = { logicalId: ref.logicalId, ...(ref.templateUrl !== undefined ? { templateUrl: ref.templateUrl } : {}), followed: false };
    if (!ref.file) return { report: { ...entry, reason: ref.reason ?? 'not a local template' } };
    // Followed only to a file inside the project (symlinks resolved), never into .git/. The TemplateURL is kept in
    // the report only as a relative path: an absolute one names a place on this machine.
    const { real, refusal } = projectFiles.locate(ref.file);
    if (refusal) {
      const { templateUrl, ...rest } = entry;
      const relativeUrl = templateUrl !== undefined && !path.isAbsolute(templateUrl) && !hasScheme(templateUrl);
      return { report: { ...rest, ...(relativeUrl ? { templateUrl } : {}), reason: refusal } };
    }
    // Cycles and repeats are found by real path: with `l -> .`, l/t.yaml, l/l/t.yaml... are one file.
    const file = real ?? ref.file;
    entry.file = file;
    const loop = [...chain, parent];
    const at = loop.indexOf(file);
    const finding = (rule: RuleMeta, message: string): Finding => ({
      ruleId: rule.id,
      level: rule.level,
      pillar: rule.pillar,
      message,
      file: parent,
      region: ref.region,
      logicalId: ref.logicalId,
      resourceType: 'AWS::CloudFormation::Stack',
      propertyPath: ['Properties', 'TemplateURL'],
      kind: 'fail',
    });
    // Paths as seen from the parent's folder, which is how TemplateURLs are written.
    const near = (f: string) => toPosix(path.relative(path.dirname(parent), f)) || path.basename(f);
    if (at >= 0) {
      const names = [...loop.slice(at), file].map(near).join(' → ');
      this.findings.push(finding(NESTED_STACK_CYCLE_RULE, `Nested stack ${ref.logicalId} deploys ${near(file)}, which nests this template again (${names}).`));
      return { report: { ...entry, reason: 'a cycle: the template nests one of its ancestors' } };
    }
    if (this.linted.has(file)) return { report: { ...entry, followed: true } };
    if (!isFile(file)) {
      this.findings.push(
        finding(
          NESTED_STACK_MISSING_RULE,
          `Nested stack ${ref.logicalId} points at ${ref.templateUrl ?? near(file)}, which is not a file (${displayName(file, projectFiles.root)}).`,
        ),
      );
      return { report: { ...entry, reason: 'no such file' } };
    }
    if (chain.length >= MAX_NESTING) return { report: { ...entry, reason: `not followed: nested more than ${MAX_NESTING} levels deep` } };
    const known = this.units.get(file);
    if (!known && this.excluded(file)) return { report: { ...entry, reason: 'not followed: excluded by the config' } };
    if (this.followed >= MAX_NESTED_TEMPLATES)
      return { report: { ...entry, reason: `not followed: over ${thousands(MAX_NESTED_TEMPLATES)} nested templates in this run` } };
    this.followed++;
    const bytes = known?.bytes;
    if (known) known.bytes = undefined;
    const unit: Unit = {
      file,
      explicit: true,
      cdk: known?.cdk ?? cdkTemplateAt(file, projectFiles),
      bytes,
      parameters: ref.parameters,
      unknownParameters: ref.unknownParameters,
      nestedIn: { file: parent, logicalId: ref.logicalId },
    };
    return { report: { ...entry, followed: true }, next: { unit, chain: loop } };
  }
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

/** A nested template that sits in a cloud assembly gets what the assembly says about it. */
function cdkTemplateAt(file: string, projectFiles: ProjectFiles): CdkTemplate | undefined {
  const dir = path.dirname(file);
  if (!existsSync(path.join(dir, 'manifest.json'))) return undefined;
  return readCloudAssembly(dir, projectFiles)?.templates.find((t) => t.file === file);
}
