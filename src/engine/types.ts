import type { NodePath, Region } from '../parse/types.ts';

export type Level = 'error' | 'warning' | 'note';
export const LEVELS: readonly Level[] = ['error', 'warning', 'note'];

export type Pillar = 'security' | 'reliability' | 'performance-efficiency' | 'cost-optimization' | 'operational-excellence' | 'sustainability';

export const PILLARS: readonly Pillar[] = [
  'security',
  'reliability',
  'performance-efficiency',
  'cost-optimization',
  'operational-excellence',
  'sustainability',
];

/** Tools whose in-template suppressions count for the rules their checks cover. */
export type PeerTool = 'checkov' | 'cfn_nag' | 'cdk_nag' | 'cfn-lint' | 'guard';

/**
 * The part of a rule that one check of another tool covers: only the findings with one of `messages`, on one of
 * `resourceTypes`, and located at or inside one of `properties` (dotted paths in the resource, e.g.
 * `Properties.MultiAZEnabled`); a field left out does not narrow. A list of ids covers the findings only when every
 * one of those checks is suppressed for the resource (each checks one part of what the finding is about).
 */
export interface PeerScope {
  id: string | readonly string[];
  messages?: readonly string[];
  resourceTypes?: readonly string[];
  properties?: readonly string[];
}

/** A peer check as rule files write it: a bare id covers the whole rule. */
export type PeerRef = string | PeerScope;

export type Peers<Ref = PeerRef> = Partial<Record<PeerTool, readonly Ref[]>>;

/** What every formatter needs to know about a rule (SARIF tool.driver.rules[], docs, `rules` command). */
export interface RuleMeta {
  /** Permanent kebab-case id, equal to the rule's file name. */
  id: string;
  /** Equal to the rule's folder; secondary pillars go in tags. */
  pillar: Pillar;
  level: Level;
  title: string;
  /** Why it matters (markdown). */
  rationale: string;
  /** What to do (markdown, usually with the fix as a yaml snippet). */
  remediation: string;
  wellArchitected: string[];
  securityHub: string[];
  /** CVSS-like numeric string, only for security rules. */
  securitySeverity?: string;
  appliesTo: string[];
  /** Secondary pillars and other labels. */
  tags: string[];
  /** The checks of other tools that cover this rule's findings, all in the object form. */
  peers: Peers<PeerScope>;
  helpUri: string;
  /** Marked experimental rules are left out of the recommended preset. */
  experimental?: boolean;
  /** Built-in engine rules (parse errors) are not defined in rules/. */
  builtin?: boolean;
  /** Pass/fail examples for the docs, read from fixtures at generation time. */
  examples?: { pass?: string; fail?: string };
}

/** A text replacement that fixes a finding (SARIF `fixes`). */
export interface Fix {
  description: string;
  region: Region;
  /** Offsets in the source, end-exclusive. */
  start: number;
  end: number;
  text: string;
}

/** The one internal result type; every formatter renders it. */
export interface Finding {
  ruleId: string;
  level: Level;
  pillar: Pillar;
  message: string;
  /** Absolute path of the file (or a stack:// URI for deployed stacks). */
  file: string;
  region: Region;
  logicalId?: string;
  resourceType?: string;
  /** Path inside the resource (e.g. ['Properties', 'MultiAZ']); stable across edits above it. */
  propertyPath?: NodePath;
  /** The rule's message the finding was reported with (undefined for 'review' findings); peer suppressions are scoped by it. */
  messageId?: string;
  /** CDK construct path of the resource, when known. */
  constructPath?: string;
  /** Other places worth seeing, e.g. the line of the CDK app that created the resource (SARIF relatedLocations). */
  related?: Array<{ file: string; line: number; column?: number; message: string /** The CDK app's line that creates the resource. */; creation?: boolean }>;
  /** 'review' findings are unknowns listed under --report-unknown; they never fail a run. */
  kind: 'fail' | 'review';
  fix?: Fix;
  suppression?: { justification: string; source: string };
  baselineState?: 'new' | 'unchanged';
}

export interface FileReport {
  /**
   * Absolute path inside the project root: the real path of a file that was read, or for an entry skipped without
   * being read (a symlink or manifest entry leading outside the project), the path inside it that leads there.
   */
  file: string;
  status: 'linted' | 'skipped';
  /** Why a file was not linted (e.g. not a CloudFormation template). */
  skipReason?: string;
  /** Kept for code frames and SARIF regions. */
  source?: string;
  format?: 'yaml' | 'json';
  /** For a stack template of a CDK cloud assembly: the stack's display name (or a nested stack's construct path). */
  cdkStack?: string;
  /** The nested stacks (AWS::CloudFormation::Stack, AWS::Serverless::Application) this template deploys. */
  nestedStacks?: NestedStackReport[];
  /** Fn::ForEach loops whose resources were not linted, because their collection is only known at deploy time. */
  unexpandedLoops?: Array<{ name: string; reason: string }>;
  /** For a nested template that was followed: the template and resource that deploy it. */
  nestedIn?: { file: string; logicalId: string };
  /** Of the parameter values given for the run: the names this template declares, and values it would refuse. */
  givenParameters?: { used: string[]; problems: string[] };
}

export interface NestedStackReport {
  logicalId: string;
  /** The TemplateURL (or Location) as written, when it is a literal (and relative, when it leads outside the project). */
  templateUrl?: string;
  /** The local template it resolved to (its real path); absent when it leads outside the project. */
  file?: string;
  followed: boolean;
  /**
   * Why it was not followed: a remote URL, a value only known at deploy time, a missing file, a cycle, a path outside
   * the project or in .git/, the limit on nested templates per run.
   */
  reason?: string;
}

export interface LintResult {
  cwd: string;
  files: FileReport[];
  /** Every finding, sorted by file, line, column, rule. Suppressed ones carry `suppression`. */
  findings: Finding[];
  /** Every rule that ran, in registry order (built-in rules first). */
  rules: RuleMeta[];
  /**
   * Internal failures (bugs): a file pillars-lint failed on, or a rule that failed on one resource (ruleId and
   * logicalId set; the file's other findings stand). The other files are still linted and the run exits 2.
   */
  failures: Array<{ file: string; error: Error; ruleId?: string; logicalId?: string }>;
  /** Set for one part of a sharded run (`--shard I/N`): which part, and how many of the units it linted. */
  shard?: { index: number; count: number; units: number; totalUnits: number };
  /** Set when the run was split over worker threads (--jobs): how many linted. */
  threads?: number;
}
