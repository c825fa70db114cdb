// What several rules ask of the same resource (its subnets' zones, its ingress entries, its policy statements) is
// worked out once per template run. The cache is keyed by the run's context, never by the template alone: the same
// template is linted again with other parameters (a nested stack per parent), and its values then differ.
import type { RuleContext } from '../engine/rule.ts';
import type { Variant } from '../values/variant.ts';

type Ctx = RuleContext<any, any>;

/**
 * A cache of `compute` per run and key. What `compute` reads must depend on the run and the key only, and it must not
 * report (a report would belong to whichever rule asked first); for a computation that notes unknown values, see
 * perRunNoting.
 */
export function perRun<K extends object, V>(): (ctx: Ctx, key: K, compute: () => V) => V {
  const byRun = new WeakMap<Ctx, Map<K, V>>();
  return (ctx, key, compute) => {
    let byKey = byRun.get(ctx);
    if (!byKey) byRun.set(ctx, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key)!;
    const value = compute();
    byKey.set(key, value);
    return value;
  };
}

/**
 * perRun for a computation that notes the values it cannot know (ctx.known, ctx.unknown): it runs once, on a context
 * that records those notes, and every rule that asks gets them noted under its own name (--report-unknown lists them
 * per rule). It must not report findings.
 */
export function perRunNoting<K extends object, V>(): (ctx: Ctx, key: K, compute: (recording: Ctx) => V) => V {
  const cached = perRun<K, { value: V; notes: Array<[Variant, string]> }>();
  return (ctx, key, compute) => {
    const { value, notes } = cached(ctx, key, () => {
      const notes: Array<[Variant, string]> = [];
      const recording: Ctx = Object.create(ctx);
      // The graph is built on first use and kept on the context: asked through the recording, it must land there.
      Object.defineProperty(recording, 'graph', { get: () => ctx.graph });
      recording.unknown = (variant: Variant, what: string) => {
        notes.push([variant, what]);
      };
      recording.report = () => {
        throw new Error('a computation cached with perRunNoting reported a finding');
      };
      return { value: compute(recording), notes };
    });
    for (const [variant, what] of notes) ctx.unknown(variant, what);
    return value;
  };
}
