import { locatedRegion, regionOf, locate } from '../parse/locate.ts';
import { pathKey, type NodePath } from '../parse/types.ts';
import { ResourceGraph } from '../graph/graph.ts';
import type { Resource, Template } from '../template/model.ts';
import { clip, QUOTE_LENGTH, valueText } from '../values/quote.ts';
import { ValueResolver } from '../values/resolver.ts';
import {
  combinations,
  coversEveryKey,
  describeAlternatives,
  describeAssumption,
  isAlternative,
  mergeAssumptions,
  type Assumption,
  type Variant,
} from '../values/variant.ts';
import type { KnownVariant, ReportDescriptor, RuleContext, RuleDefinition } from './rule.ts';
import type { Finding, Fix, Level } from './types.ts';

export interface RunOptions {
  /** Parameter values given by the user (--parameter, parameter files). */
  parameters: ReadonlyMap<string, string>;
  reportUnknown: boolean;
  /** Levels the user set in the config, per rule id; 'off' rules are not passed in at all. */
  levels?: ReadonlyMap<string, Level>;
  options?: ReadonlyMap<string, Record<string, unknown>>;
}

/** A rule with the options it runs with in this template. */
interface Planned {
  rule: RuleDefinition;
  options: Record<string, unknown>;
}

interface Candidate {
  rule: RuleDefinition;
  resource: Resource;
  messageId: string;
  path: NodePath;
  assumptions: Assumption[];
  data: Record<string, unknown>;
  review: boolean;
  level?: Level;
  fix?: ReportDescriptor['fix'];
  exactValue: boolean;
}

/** A rule that threw on a resource: a bug, reported as such; the other rules' findings stand. */
export interface RuleFailure {
  ruleId: string;
  logicalId: string;
  error: Error;
}

/** Runs every rule on the resources it applies to and turns its reports into findings. */
export function runRules(template: Template, rules: readonly RuleDefinition[], options: RunOptions): { findings: Finding[]; failures: RuleFailure[] } {
  const ctx = new RunContext(template, options);
  const { everywhere, byType } = planOf(rules, options.options);
  // Resource by resource, so each resource's condition is settled once for all its rules.
  for (const resource of template.resources.values()) {
    const typed = byType.get(resource.type);
    if (!typed && everywhere.length === 0) continue;
    // A resource whose Condition is false in every case is never created.
    if (ctx.resolver.roots(resource).length === 0) continue;
    ctx.resource = resource;
    for (let i = 0; i < everywhere.length; i++) ctx.check(everywhere[i]!);
    if (typed) for (let i = 0; i < typed.length; i++) ctx.check(typed[i]!);
  }
  return { findings: settle(template, ctx.candidates, options, (r) => existenceOf(ctx.resolver.roots(r))), failures: ctx.failures };
}

/** The rules for every resource, and those for each resource type, with their options. */
interface Plan {
  everywhere: Planned[];
  byType: Map<string, Planned[]>;
}

const plans = new WeakMap<readonly RuleDefinition[], WeakMap<ReadonlyMap<string, Record<string, unknown>>, Plan>>();

/** Worked out once per rule selection and configuration: lint() hands every template the same ones. */
function planOf(rules: readonly RuleDefinition[], configured = NO_CONFIGURED_OPTIONS): Plan {
  let byConfig = plans.get(rules);
  if (!byConfig) plans.set(rules, (byConfig = new WeakMap()));
  let plan = byConfig.get(configured);
  if (plan) return plan;
  plan = { everywhere: [], byType: new Map() };
  for (const rule of rules) {
    const planned = { rule, options: optionsOf(rule, configured) };
    if (rule.appliesTo.includes('*')) {
      plan.everywhere.push(planned);
      continue;
    }
    for (const type of rule.appliesTo) {
      const list = plan.byType.get(type);
      if (list) list.push(planned);
      else plan.byType.set(type, [planned]);
    }
  }
  byConfig.set(configured, plan);
  return plan;
}

const NO_CONFIGURED_OPTIONS: ReadonlyMap<string, Record<string, unknown>> = new Map();
// Weak both ways: a long-lived process (tests, an editor) must not keep old configs or custom rules alive.
const mergedOptions = new WeakMap<ReadonlyMap<string, Record<string, unknown>>, WeakMap<RuleDefinition, Record<string, unknown>>>();

/** A rule's defaults with the configured options on top; the same object for every template linted with one setup. */
function optionsOf(rule: RuleDefinition, configured = NO_CONFIGURED_OPTIONS): Record<string, unknown> {
  let byRule = mergedOptions.get(configured);
  if (!byRule) mergedOptions.set(configured, (byRule = new WeakMap()));
  const known = byRule.get(rule);
  if (known) return known;
  const merged: Record<string, unknown> = Object.freeze({ ...(rule.defaultOptions ?? {}), ...(configured.get(rule.id) ?? {}) });
  byRule.set(rule, merged);
  return merged;
}

/**
 * One context per template; `rule` and `resource` say whose check is running. A class rather than an object of
 * closures: V8's scavenger keeps closures seen by inline caches alive, and with them the whole template, until the
 * next full GC; methods on a prototype hold nothing of the template.
 */
class RunContext implements RuleContext {
  readonly resolver: ValueResolver;
  readonly candidates: Candidate[] = [];
  readonly failures: RuleFailure[] = [];
  rule: RuleDefinition | undefined;
  resource: Resource | undefined;
  options: Record<string, unknown> = {};
  // Built on first use: many templates meet no rule that needs it.
  private built: ResourceGraph | undefined;

  constructor(
    readonly template: Template,
    private readonly run: RunOptions,
  ) {
    this.resolver = new ValueResolver(template, run.parameters);
  }

  /** Runs one rule on the current resource. */
  check({ rule, options }: Planned): void {
    this.rule = rule;
    this.options = options;
    const before = this.candidates.length;
    try {
      rule.check(this.resource!, this);
    } catch (error) {
      // What the rule reported before it failed may be half a verdict: dropped, and the failure says so.
      this.candidates.length = before;
      this.failures.push({ ruleId: rule.id, logicalId: this.resource!.logicalId, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  get graph(): ResourceGraph {
    return (this.built ??= new ResourceGraph(this.template));
  }

  private start(from: Resource | Variant): Variant[] {
    return 'logicalId' in from ? this.resolver.roots(from) : [from];
  }

  value(from: Resource | Variant, path: NodePath): Variant[] {
    return this.resolver.navigate(this.start(from), path);
  }

  items(from: Resource | Variant, path: NodePath): Variant[] {
    return this.resolver.elements(this.resolver.navigate(this.start(from), path));
  }

  each<const T extends readonly (readonly Variant[])[]>(...lists: T): Array<{ -readonly [K in keyof T]: Variant }> {
    return combinations(lists as unknown as Variant[][]) as Array<{ -readonly [K in keyof T]: Variant }>;
  }

  known(variant: Variant, what: string): variant is KnownVariant {
    if (variant.kind !== 'unknown') return true;
    this.unknown(variant, what);
    return false;
  }

  report(d: ReportDescriptor): void {
    const at = d.at;
    const lists: Assumption[][] = [];
    if (at && !Array.isArray(at)) lists.push((at as Variant).assumptions);
    const because = d.because;
    if (because) for (let i = 0; i < because.length; i++) lists.push(because[i]!.assumptions);
    const assumptions = mergeAssumptions(...lists);
    if (!assumptions) return; // a contradicting combination cannot happen in a deployment
    const path = at === undefined ? [] : Array.isArray(at) ? (at as NodePath) : (at as Variant).path;
    const exactValue = at !== undefined && !Array.isArray(at) && !(at as Variant).external && (at as Variant).kind !== 'absent';
    this.candidates.push({
      rule: this.rule!,
      resource: this.resource!,
      messageId: d.messageId,
      path,
      assumptions,
      data: d.data ?? {},
      review: false,
      level: d.level,
      fix: d.fix,
      exactValue,
    });
  }

  unknown(variant: Variant, what: string): void {
    if (!this.run.reportUnknown) return;
    this.candidates.push({
      rule: this.rule!,
      resource: this.resource!,
      messageId: '',
      path: variant.path,
      assumptions: variant.assumptions,
      data: { what, reason: variant.reason ?? 'a value that is not known' },
      review: true,
      exactValue: false,
    });
  }
}

/** How many assumptions or alternatives a message names: a hostile template can make thousands. */
const MAX_NAMED = 24;
/** Reasons of unknown values nest ("the zone of subnet A: Fn::Sub over ..."): they get room for two quoted values. */
const REASON_LENGTH = 2 * QUOTE_LENGTH;
/** The bound of one message placeholder's text: room for a few quoted values. */
const DATA_LENGTH = 5 * QUOTE_LENGTH;

/**
 * One finding per rule, resource, location and message: the most likely deployment wins over alternatives;
 * failures that need an AllowedValue or an enumerated mapping entry become notes naming those values.
 */
function settle(template: Template, candidates: Candidate[], options: RunOptions, existence: (resource: Resource) => Assumption[]): Finding[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${c.rule.id}\u0001${c.resource.logicalId}\u0001${pathKey(c.path)}\u0001${c.messageId}\u0001${c.review ? 'r' : 'f'}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    // Most findings are one candidate that rests on nothing.
    if (group.length === 1 && group[0]!.assumptions.length === 0) {
      const only = group[0]!;
      findings.push(toFinding(template, only, options.levels?.get(only.rule.id) ?? only.level ?? only.rule.level, []));
      continue;
    }
    const primary = group.filter((c) => !c.assumptions.some(isAlternative));
    const chosen = primary[0] ?? group[0]!;
    // A level the user configured wins; otherwise the report's own (read replicas as notes), else the rule's.
    let level: Level = options.levels?.get(chosen.rule.id) ?? chosen.level ?? chosen.rule.level;
    let suffix: string[];
    if (primary.length > 0) {
      // A condition that fails both ways does not need naming; nor does what the resource's own existence rests on
      // (its Condition, the loop that makes it): where it does not hold, there is no resource to find fault with.
      const exists = existence(chosen.resource);
      const named = chosen.assumptions
        .filter(
          (a) =>
            !(a.kind === 'condition' && primary.some((p) => p.assumptions.some((b) => b.kind === 'condition' && b.name === a.name && b.value !== a.value))),
        )
        .filter((a) => !exists.some((e) => sameAssumption(a, e)));
      suffix = named.slice(0, MAX_NAMED).map(describeAssumption);
      if (named.length > MAX_NAMED) suffix.push(`and ${named.length - MAX_NAMED} more`);
    } else {
      // Failing for one key of a mapping is a note; failing for every key is a failure, whatever the key turns out to be.
      const everyKeyOf = coversEveryKey(group.map((c) => c.assumptions));
      if (everyKeyOf !== undefined) suffix = [`for every key of ${clip(everyKeyOf)}`];
      else {
        level = 'note';
        suffix = [
          describeAlternatives(
            group.flatMap((c) => c.assumptions),
            MAX_NAMED,
          ),
        ];
      }
    }
    findings.push(toFinding(template, chosen, level, suffix));
  }
  return findings;
}

/** The assumptions every root of a resource rests on: what its being created at all depends on. */
function existenceOf(roots: readonly Variant[]): Assumption[] {
  if (roots.length === 0) return [];
  return roots[0]!.assumptions.filter((a) => roots.every((r) => r.assumptions.some((b) => sameAssumption(a, b))));
}

function sameAssumption(a: Assumption, b: Assumption): boolean {
  if (a.kind === 'parameter' && b.kind === 'parameter') return a.name === b.name && String(a.value) === String(b.value);
  if (a.kind === 'condition' && b.kind === 'condition') return a.name === b.name && a.value === b.value;
  if (a.kind === 'mapping-key' && b.kind === 'mapping-key') return a.map === b.map && a.key === b.key;
  return false;
}

function toFinding(template: Template, c: Candidate, level: Level, suffix: string[]): Finding {
  const { rule, resource } = c;
  const data: Record<string, unknown> = { logicalId: resource.logicalId, type: resource.type, ...c.data };
  let message: string;
  if (c.review) {
    // The reason can quote the template (a key, a value): clipped like any value in a message.
    message = `Could not check ${valueText(data.what)} of ${clip(resource.logicalId)} (${valueText(data.reason, REASON_LENGTH)}).`;
  } else {
    const templateText = rule.messages[c.messageId];
    if (templateText === undefined) throw new Error(`rule ${rule.id} reported unknown messageId ${c.messageId}`);
    message = interpolate(templateText, data);
  }
  const context = suffix.filter(Boolean);
  if (context.length) message = `${message.replace(/\.$/, '')} (${context.join('; ')}).`;

  const docPath = [...resource.path, ...c.path];
  const doc = template.doc;
  // The logical id line says which resource; a whole-resource region would cover many lines.
  const keyOnly = c.path.length === 0;
  const found = locate(doc, docPath);
  const region =
    keyOnly && found?.exact && found.location.keyStart >= 0
      ? regionOf(doc.source, doc.lineStarts, found.location.keyStart, found.location.keyEnd)
      : locatedRegion(doc, found);

  let fix: Fix | undefined;
  if (c.fix && c.exactValue && found?.exact) {
    const { start, end } = found.location;
    fix = { description: c.fix.description, start, end, text: fixText(c.fix.text, doc.format), region: regionOf(doc.source, doc.lineStarts, start, end) };
  }
  return {
    ruleId: rule.id,
    level: c.review ? 'note' : level,
    pillar: rule.pillar,
    message,
    file: template.file,
    region,
    logicalId: resource.logicalId,
    resourceType: resource.type,
    messageId: c.review ? undefined : c.messageId,
    propertyPath: c.path,
    kind: c.review ? 'review' : 'fail',
    fix,
  };
}

/** In JSON a replacement must itself be JSON: `gp3` becomes `"gp3"`, while `true` and `"gp3"` stay as they are. */
function fixText(text: string, format: 'yaml' | 'json'): string {
  if (format !== 'json') return text;
  try {
    JSON.parse(text);
    return text;
  } catch {
    return JSON.stringify(text);
  }
}

/** Message templates split once into text and `{{ key }}` parts: thousands of findings share a few templates. */
const compiledMessages = new Map<string, Array<string | { key: string; whole: string }>>();

/**
 * Fills a message's `{{ key }}` placeholders. A value that is not a string is written as short JSON (never as
 * `[object Object]`), clipped like a quoted value. Rules clip the template values they quote; a string here may
 * hold several (a list of flags), so it only gets a last bound that keeps every message small.
 */
export function interpolate(text: string, data: Record<string, unknown>): string {
  let parts = compiledMessages.get(text);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const m of text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
      if (m.index > last) parts.push(text.slice(last, m.index));
      parts.push({ key: m[1]!, whole: m[0] });
      last = m.index + m[0].length;
    }
    if (last < text.length) parts.push(text.slice(last));
    compiledMessages.set(text, parts);
  }
  let out = '';
  for (const part of parts) out += typeof part === 'string' ? part : part.key in data ? messageValue(data[part.key]) : part.whole;
  return out;
}

function messageValue(value: unknown): string {
  return typeof value === 'string' ? clip(value, DATA_LENGTH) : valueText(value);
}
