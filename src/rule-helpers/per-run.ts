// What several rules ask of the same resource (its subnets' zones, its ingress entries, its policy statements) is
// worked out once per template run. The cache is keyed by the run's context, never by the template alone: the same
// template is linted again with other parameters (a nested stack per parent), and its values then differ.
import type { RuleContext } from '../engine/rule.ts';

/**
 * A cache of `compute` per run and key. What `compute` reads must depend on the run and the key only, and it must not
 * report (a report would belong to whichever rule asked first).
 */
export function perRun<K extends object, V>(): (ctx: RuleContext<any, any>, key: K, compute: () => V) => V {
  const byRun = new WeakMap<RuleContext<any, any>, Map<K, V>>();
  return (ctx, key, compute) => {
    let byKey = byRun.get(ctx);
    if (!byKey) byRun.set(ctx, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key)!;
    const value = compute();
    byKey.set(key, value);
    return value;
  };
}
