import { findingRegion } from '../parse/locate.ts';
import type { NodePath } from '../parse/types.ts';
import { isPlainObject, type PlainObject } from '../template/intrinsics.ts';
import type { Template } from '../template/model.ts';
import { INVALID_SUPPRESSION_RULE, UNUSED_SUPPRESSION_RULE } from './builtin.ts';
import { closest } from './registry.ts';
import type { RuleDefinition } from './rule.ts';
import type { Finding } from './types.ts';

/** Where other tools keep their suppressions in Metadata, and how each entry names the rule and the reason. */
const SOURCES = [
  { tool: 'pillars-lint', path: ['pillars-lint', 'ignore'], id: 'id', reason: 'reason' },
  { tool: 'cfn_nag', path: ['cfn_nag', 'rules_to_suppress'], id: 'id', reason: 'reason' },
  { tool: 'checkov', path: ['checkov', 'skip'], id: 'id', reason: 'comment' },
  { tool: 'cdk_nag', path: ['cdk_nag', 'rules_to_suppress'], id: 'id', reason: 'reason' },
  { tool: 'cfn-lint', path: ['cfn-lint', 'config', 'ignore_checks'], id: undefined, reason: undefined },
] as const;

interface Entry {
  tool: (typeof SOURCES)[number]['tool'];
  id: string;
  reason?: string;
  /** The resource it sits in; undefined for template-level Metadata. */
  logicalId?: string;
  /** Document path of the entry, for locating problems with it. */
  path: NodePath;
  /** The pillars-lint rules it stands for. */
  rules: string[];
  used: boolean;
}

/**
 * Applies in-template suppressions (resource or template Metadata) to a file's findings. An entry without a
 * reason does not suppress and is reported; a pillars-lint entry that suppresses nothing is reported as unused.
 */
export function applySuppressions(template: Template, findings: Finding[], ran: readonly RuleDefinition[], all: readonly RuleDefinition[]): Finding[] {
  const entries = collect(template, all);
  if (entries.length === 0) return findings;
  const extra: Finding[] = [];
  const at = (entry: Entry, ruleId: string, message: string): Finding => {
    const rule = ruleId === UNUSED_SUPPRESSION_RULE.id ? UNUSED_SUPPRESSION_RULE : INVALID_SUPPRESSION_RULE;
    return {
      ruleId, level: rule.level, pillar: rule.pillar, message, file: template.file, region: findingRegion(template.doc, entry.path),
      logicalId: entry.logicalId, resourceType: entry.logicalId ? template.resources.get(entry.logicalId)?.type : undefined,
      propertyPath: entry.path.slice(2), kind: 'fail',
    };
  };
  const valid: Entry[] = [];
  const known = all.map((r) => r.id);
  for (const entry of entries) {
    if (entry.tool === 'pillars-lint' && entry.rules.length === 0) {
      const hint = closest(entry.id, known);
      extra.push(at(entry, INVALID_SUPPRESSION_RULE.id, `Suppression of unknown rule "${entry.id}"${hint ? ` (did you mean "${hint}"?)` : ''}.`));
    } else if (entry.reason === undefined) {
      // Other tools' entries without a reason are theirs to judge: they only do not suppress here.
      if (entry.tool !== 'pillars-lint') continue;
      extra.push(at(entry, INVALID_SUPPRESSION_RULE.id, `Suppression of ${entry.id} has no reason, so it does not suppress anything.`));
    } else valid.push(entry);
  }
  const suppressed = findings.map((f) => {
    const entry = valid.find((e) => e.rules.includes(f.ruleId) && (e.logicalId === undefined || e.logicalId === f.logicalId));
    if (!entry) return f;
    entry.used = true;
    return { ...f, suppression: { justification: entry.reason!, source: entry.tool } };
  });
  const ranIds = new Set(ran.map((r) => r.id));
  for (const entry of valid) {
    // Only our own entries: peer-tool entries also serve the peer tool, whose checks are broader than ours.
    if (entry.tool === 'pillars-lint' && !entry.used && entry.rules.some((r) => ranIds.has(r))) {
      const where = entry.logicalId ? `resource ${entry.logicalId}` : 'this template';
      extra.push(at(entry, UNUSED_SUPPRESSION_RULE.id, `Suppression of ${entry.id} matches no finding in ${where}; remove it.`));
    }
  }
  return [...suppressed, ...extra];
}

function collect(template: Template, all: readonly RuleDefinition[]): Entry[] {
  const entries: Entry[] = [];
  // Most resources have no Metadata: their paths are only built when there is some.
  const scan = (metadata: unknown, base: () => NodePath, logicalId?: string): void => {
    if (!isPlainObject(metadata)) return;
    for (const source of SOURCES) {
      let node: unknown = metadata;
      for (const key of source.path) node = isPlainObject(node) ? node[key] : undefined;
      if (!Array.isArray(node)) continue;
      node.forEach((item: unknown, i) => {
        const path = [...base(), ...source.path, i];
        const id = source.id === undefined ? item : isPlainObject(item) ? (item as PlainObject)[source.id] : undefined;
        if (typeof id !== 'string') return;
        const reasonValue = source.reason === undefined ? `ignored through cfn-lint ignore_checks` : (item as PlainObject)[source.reason];
        const reason = typeof reasonValue === 'string' && reasonValue.trim() !== '' ? reasonValue.trim() : undefined;
        entries.push({ tool: source.tool, id, reason, logicalId, path, rules: rulesFor(source.tool, id, all), used: false });
      });
    }
  };
  scan(template.root.Metadata, () => ['Metadata']);
  for (const r of template.resources.values()) scan(r.metadata, () => [...r.path, 'Metadata'], r.logicalId);
  return entries;
}

/** Our rules an entry stands for: the id itself, or the rules whose `peers` list it. */
function rulesFor(tool: Entry['tool'], id: string, all: readonly RuleDefinition[]): string[] {
  if (tool === 'pillars-lint') return all.some((r) => r.id === id) ? [id] : [];
  // Peer ids in rule metadata may carry a note in parentheses ("EC2RestrictedSSH (HIPAA)").
  return all.filter((r) => (r.peers?.[tool] ?? []).some((p) => p.split(' ')[0] === id)).map((r) => r.id);
}
