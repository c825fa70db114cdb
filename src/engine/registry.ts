import { BUILTIN_RULES } from './builtin.ts';
import { UsageError } from '../errors.ts';
import { ruleDocsUrl } from '../version.ts';
import type { RuleDefinition } from './rule.ts';
import type { PeerRef, PeerScope, Peers, PeerTool, Pillar, RuleMeta } from './types.ts';

export interface WaPractice {
  title: string;
  url: string;
}

/**
 * Rule metadata as formatters see it. helpUri: the rule's own (a plugin may give one), else a built-in rule's docs page,
 * else a plugin rule's first Well-Architected best practice.
 */
export function ruleMeta(rule: RuleDefinition, practices: Readonly<Record<string, WaPractice>>): RuleMeta {
  const first = rule.wellArchitected.map((id) => practices[id]).find(Boolean);
  const builtIn = !rule.id.includes('/');
  return {
    id: rule.id,
    pillar: rule.pillar,
    level: rule.level,
    title: rule.title,
    rationale: rule.rationale,
    remediation: rule.remediation,
    wellArchitected: rule.wellArchitected,
    securityHub: rule.securityHub ?? [],
    securitySeverity: rule.securitySeverity,
    appliesTo: rule.appliesTo,
    tags: rule.tags ?? [],
    peers: peerScopes(rule.peers),
    helpUri: rule.helpUri ?? (builtIn ? ruleDocsUrl(rule.id) : (first?.url ?? 'https://docs.aws.amazon.com/wellarchitected/latest/framework/welcome.html')),
    experimental: rule.experimental,
    ...(rule.docs ? { examples: { fail: rule.docs.noncompliant, pass: rule.docs.compliant } } : {}),
  };
}

/** Peer checks in the object form (what `rules --format json` prints and suppressions read): a bare id covers the whole rule. */
export function peerScopes(peers: Peers | undefined): Peers<PeerScope> {
  const out: Peers<PeerScope> = {};
  for (const [tool, refs] of Object.entries(peers ?? {}) as Array<[PeerTool, readonly PeerRef[]]>) {
    out[tool] = refs.map((ref) => (typeof ref === 'string' ? { id: ref } : ref));
  }
  return out;
}

export interface RuleSelection {
  /** Only these rule ids (--rule). */
  ids?: string[];
  /** Never these rule ids (--skip-rule). */
  skip?: string[];
  /** Only rules of these pillars (--pillar). */
  pillars?: Pillar[];
}

/** Picks rules by id and pillar; unknown ids are an error naming them (with the closest known id). */
export function selectRules(all: readonly RuleDefinition[], selection: RuleSelection): RuleDefinition[] {
  const known = new Set(all.map((r) => r.id));
  for (const id of [...(selection.ids ?? []), ...(selection.skip ?? [])]) {
    if (!known.has(id)) {
      const hint = closest(id, [...known]);
      throw new UsageError(`unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
  }
  return all.filter(
    (r) =>
      (!selection.ids?.length || selection.ids.includes(r.id)) &&
      !selection.skip?.includes(r.id) &&
      (!selection.pillars?.length || selection.pillars.includes(r.pillar)),
  );
}

/** What a rule reference given at the command line stands for: the rule ids, and the peer check it was, if one. */
export interface ResolvedRef {
  ref: string;
  ids: string[];
  /** The peer tool whose check id `ref` is (`CKV_AWS_24` → checkov), when it is not a rule id. */
  peerOf?: PeerTool;
}

/**
 * Resolves `--rule`/`--skip-rule` arguments: a rule id is itself; a peer tool's check id (checkov, cfn_nag, cdk-nag,
 * cfn-lint, cfn-guard) stands for every rule that lists it as a peer, so a habit from another tool carries over.
 * Anything else is an error with the closest rule or peer id.
 */
export function resolveRuleRefs(all: readonly RuleDefinition[], refs: readonly string[]): ResolvedRef[] {
  const known = new Set(all.map((r) => r.id));
  return refs.map((ref) => {
    if (known.has(ref)) return { ref, ids: [ref] };
    const matches = new Map<string, PeerTool>();
    for (const rule of all) {
      for (const [tool, scopes] of Object.entries(peerScopes(rule.peers)) as Array<[PeerTool, PeerScope[]]>) {
        if (scopes.some((s) => [s.id].flat().includes(ref))) matches.set(rule.id, tool);
      }
    }
    if (matches.size) return { ref, ids: [...matches.keys()], peerOf: [...matches.values()][0] };
    const peerIds = all.flatMap((r) => (Object.values(peerScopes(r.peers)) as PeerScope[][]).flatMap((scopes) => scopes.flatMap((s) => [s.id].flat())));
    const hint = closest(ref, [...known, ...peerIds]);
    throw new UsageError(`unknown rule "${ref}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
  });
}

/** The candidate within a small edit distance, for "did you mean". */
export function closest(input: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  // Two edits for short words, a third of a longer one: "bogus" is not a typo of "jobs".
  let bestDistance = Math.max(2, Math.floor(input.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(input, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/**
 * The rules of several lists (the parts of a run, the runs of a merge), each once, in the order one run lists them:
 * the engine's own rules first, then the registry's order; a rule the registry does not know (a plugin's, in a merge)
 * keeps its place after the rule it follows in its own list.
 */
export function unionInRegistryOrder<T extends { id: string }>(lists: ReadonlyArray<readonly T[]>, registry: ReadonlyArray<{ id: string }>): T[] {
  const merged: T[] = [];
  const index = new Set<string>();
  for (const list of lists) {
    let after = -1;
    for (const rule of list) {
      if (index.has(rule.id)) {
        after = merged.findIndex((r) => r.id === rule.id);
        continue;
      }
      merged.splice(after + 1, 0, rule);
      index.add(rule.id);
      after++;
    }
  }
  const rank = new Map<string, number>();
  BUILTIN_RULES.forEach((r, i) => rank.set(r.id, i - BUILTIN_RULES.length));
  registry.forEach((r, i) => {
    if (!rank.has(r.id)) rank.set(r.id, i);
  });
  // Unknown rules sort with the rule before them, so they stay where the merge put them.
  let last = -Infinity;
  const keyed = merged.map((rule) => {
    const known = rank.get(rule.id);
    if (known !== undefined) last = known;
    return { rule, key: known ?? last + 0.5 };
  });
  return keyed.sort((a, b) => a.key - b.key).map((k) => k.rule);
}
