import { findingRegion } from '../parse/locate.ts';
import type { NodePath } from '../parse/types.ts';
import { isPlainObject, type PlainObject } from '../template/intrinsics.ts';
import type { Template } from '../template/model.ts';
import { INVALID_SUPPRESSION_RULE, UNUSED_SUPPRESSION_RULE } from './builtin.ts';
import { closest, peerScopes } from './registry.ts';
import type { RuleDefinition } from './rule.ts';
import type { Finding, PeerScope, PeerTool } from './types.ts';

/**
 * Where each tool keeps its suppressions in Metadata, and how an entry names the check and the reason. Formats without
 * a reason field (cfn-lint, cfn-guard) get a fixed justification naming the source: their entries are deliberate and
 * reviewed in that tool's own format, and demanding a field the format does not have would make them never count.
 */
const SOURCES = [
  { tool: 'pillars-lint', path: ['pillars-lint', 'ignore'], id: 'id', reason: 'reason' },
  { tool: 'cfn_nag', path: ['cfn_nag', 'rules_to_suppress'], id: 'id', reason: 'reason' },
  { tool: 'checkov', path: ['checkov', 'skip'], id: 'id', reason: 'comment' },
  { tool: 'cdk_nag', path: ['cdk_nag', 'rules_to_suppress'], id: 'id', reason: 'reason' },
  { tool: 'cfn-lint', path: ['cfn-lint', 'config', 'ignore_checks'], id: undefined, reason: 'ignored through cfn-lint ignore_checks' },
  // cfn-guard reads SuppressedRules on resources only, so a template-level list suppresses nothing there either.
  { tool: 'guard', path: ['guard', 'SuppressedRules'], id: undefined, reason: 'suppressed through cfn-guard SuppressedRules', resourceOnly: true },
] as const;

type Tool = (typeof SOURCES)[number]['tool'];

/** A finding an entry may suppress: of this rule, within this scope (undefined: all of the rule). */
interface Cover {
  rule: string;
  scope?: PeerScope;
}

interface Entry {
  tool: Tool;
  id: string;
  reason?: string;
  /** The resource it sits in; undefined for template-level Metadata. */
  logicalId?: string;
  /** Document path of the entry, for locating problems with it. */
  path: NodePath;
  /** What it stands for: the pillars-lint rule itself, or the parts of rules that list the peer check. */
  covers: Cover[];
  used: boolean;
}

/**
 * Applies in-template suppressions (resource or template Metadata) to a file's findings. An entry without a
 * reason does not suppress and is reported; a pillars-lint entry that suppresses nothing is reported as unused.
 * Another tool's entry suppresses only the findings its check covers (the rule's `peers` say which).
 */
export function applySuppressions(template: Template, findings: Finding[], ran: readonly RuleDefinition[], all: readonly RuleDefinition[]): Finding[] {
  const entries = collect(template, all);
  if (entries.length === 0) return findings;
  const extra: Finding[] = [];
  const at = (entry: Entry, ruleId: string, message: string): Finding => {
    const rule = ruleId === UNUSED_SUPPRESSION_RULE.id ? UNUSED_SUPPRESSION_RULE : INVALID_SUPPRESSION_RULE;
    return {
      ruleId,
      level: rule.level,
      pillar: rule.pillar,
      message,
      file: template.file,
      region: findingRegion(template.doc, entry.path),
      logicalId: entry.logicalId,
      resourceType: entry.logicalId ? template.resources.get(entry.logicalId)?.type : undefined,
      propertyPath: entry.path.slice(2),
      kind: 'fail',
    };
  };
  const valid: Entry[] = [];
  const known = all.map((r) => r.id);
  for (const entry of entries) {
    if (entry.tool === 'pillars-lint' && entry.covers.length === 0) {
      const hint = closest(entry.id, known);
      extra.push(at(entry, INVALID_SUPPRESSION_RULE.id, `Suppression of unknown rule "${entry.id}"${hint ? ` (did you mean "${hint}"?)` : ''}.`));
    } else if (entry.reason === undefined) {
      // Other tools' entries without a reason are theirs to judge: they only do not suppress here.
      if (entry.tool !== 'pillars-lint') continue;
      extra.push(at(entry, INVALID_SUPPRESSION_RULE.id, `Suppression of ${entry.id} has no reason, so it does not suppress anything.`));
    } else if (entry.covers.length > 0) valid.push(entry);
  }
  const suppressed = findings.map((f) => {
    const applicable = valid.filter((e) => e.logicalId === undefined || e.logicalId === f.logicalId);
    for (const entry of applicable) {
      for (const cover of entry.covers) {
        if (cover.rule !== f.ruleId || (cover.scope && !inScope(cover.scope, f))) continue;
        const by = together(entry, cover, applicable);
        if (!by) continue;
        for (const e of by) e.used = true;
        const justification = [...new Set(by.map((e) => e.reason!))].join('; ');
        return { ...f, suppression: { justification, source: entry.tool } };
      }
    }
    return f;
  });
  const ranIds = new Set(ran.map((r) => r.id));
  for (const entry of valid) {
    // Only our own entries: peer-tool entries also serve the peer tool, whose checks are broader than ours.
    if (entry.tool === 'pillars-lint' && !entry.used && entry.covers.some((c) => ranIds.has(c.rule))) {
      const where = entry.logicalId ? `resource ${entry.logicalId}` : 'this template';
      extra.push(at(entry, UNUSED_SUPPRESSION_RULE.id, `Suppression of ${entry.id} matches no finding in ${where}; remove it.`));
    }
  }
  return [...suppressed, ...extra];
}

/** Whether a finding lies in the part of its rule that a peer check covers. */
function inScope(scope: PeerScope, f: Finding): boolean {
  if (scope.messages && (f.messageId === undefined || !scope.messages.includes(f.messageId))) return false;
  if (scope.resourceTypes && (f.resourceType === undefined || !scope.resourceTypes.includes(f.resourceType))) return false;
  if (scope.properties) {
    const path = f.propertyPath ?? [];
    const within = (property: string) => property.split('.').every((key, i) => i < path.length && String(path[i]) === key);
    if (!scope.properties.some(within)) return false;
  }
  return true;
}

/**
 * The entries that suppress a finding through `cover`: the entry alone, or, for checks that cover it only together,
 * one applicable entry of the same tool for each of them; undefined when one is missing.
 */
function together(entry: Entry, cover: Cover, applicable: readonly Entry[]): Entry[] | undefined {
  const ids = cover.scope?.id;
  if (ids === undefined || typeof ids === 'string') return [entry];
  const by: Entry[] = [];
  for (const id of ids) {
    const other = applicable.find((e) => e.tool === entry.tool && e.covers.includes(cover) && e.id === id);
    if (!other) return undefined;
    by.push(other);
  }
  return by;
}

function collect(template: Template, all: readonly RuleDefinition[]): Entry[] {
  const entries: Entry[] = [];
  // Most resources have no Metadata: their paths are only built when there is some.
  const scan = (metadata: unknown, base: () => NodePath, logicalId?: string): void => {
    if (!isPlainObject(metadata)) return;
    for (const source of SOURCES) {
      if ('resourceOnly' in source && logicalId === undefined) continue;
      let node: unknown = metadata;
      for (const key of source.path) node = isPlainObject(node) ? node[key] : undefined;
      if (!Array.isArray(node)) continue;
      node.forEach((item: unknown, i) => {
        const path = [...base(), ...source.path, i];
        const id = source.id === undefined ? item : isPlainObject(item) ? (item as PlainObject)[source.id] : undefined;
        if (typeof id !== 'string') return;
        // cdk-nag's granular entries (applies_to) accept only some of its findings, which ours cannot be matched to.
        if (source.tool === 'cdk_nag' && Array.isArray((item as PlainObject).applies_to) && ((item as PlainObject).applies_to as unknown[]).length > 0) return;
        const reasonValue = source.id === undefined ? source.reason : (item as PlainObject)[source.reason];
        const reason = typeof reasonValue === 'string' && reasonValue.trim() !== '' ? reasonValue.trim() : undefined;
        entries.push({ tool: source.tool, id, reason, logicalId, path, covers: coversOf(source.tool, id, all), used: false });
      });
    }
  };
  scan(template.root.Metadata, () => ['Metadata']);
  for (const r of template.resources.values()) scan(r.metadata, () => [...r.path, 'Metadata'], r.logicalId);
  return entries;
}

/** What an entry stands for: the pillars-lint rule of that id, or the rule parts whose `peers` list the check. */
function coversOf(tool: Tool, id: string, all: readonly RuleDefinition[]): Cover[] {
  if (tool === 'pillars-lint') return all.some((r) => r.id === id) ? [{ rule: id }] : [];
  const index = peerIndex(all).get(tool);
  if (!index) return [];
  // cdk-nag ids are <pack>-<rule>: AwsSolutions-EC23, HIPAA.Security-EC2RestrictedSSH. A bare rule name in `peers`
  // stands for that cdk-nag rule in whichever pack runs it; an entry without a pack is no cdk-nag suppression.
  if (tool !== 'cdk_nag') return index.get(id) ?? [];
  const dash = id.indexOf('-');
  if (dash <= 0) return [];
  const rule = id.slice(dash + 1);
  return [...(index.get(id) ?? []), ...(rule.includes('-') ? [] : (index.get(rule) ?? []))];
}

/** Per tool and peer id, the rule parts it covers; built once per rule set. */
const peerIndexes = new WeakMap<readonly RuleDefinition[], Map<PeerTool, Map<string, Cover[]>>>();

function peerIndex(all: readonly RuleDefinition[]): Map<PeerTool, Map<string, Cover[]>> {
  let index = peerIndexes.get(all);
  if (index) return index;
  index = new Map();
  for (const rule of all) {
    for (const [tool, scopes] of Object.entries(peerScopes(rule.peers)) as Array<[PeerTool, readonly PeerScope[]]>) {
      let byId = index.get(tool);
      if (!byId) index.set(tool, (byId = new Map()));
      for (const scope of scopes) {
        // A scope without narrowing covers the whole rule; a list of ids is indexed under each of them.
        const whole = typeof scope.id === 'string' && !scope.messages && !scope.resourceTypes && !scope.properties;
        const cover: Cover = whole ? { rule: rule.id } : { rule: rule.id, scope };
        for (const id of typeof scope.id === 'string' ? [scope.id] : scope.id) {
          const list = byId.get(id);
          if (list) list.push(cover);
          else byId.set(id, [cover]);
        }
      }
    }
  }
  peerIndexes.set(all, index);
  return index;
}
