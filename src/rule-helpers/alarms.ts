// Which CloudWatch alarms of a template watch a resource, and whether anyone hears them. One answer for every rule
// that asks "is this monitored": a metric alarm watches a resource when one of its metrics (its own, or a MetricStat of
// a metric-math alarm) has a dimension that names it; a composite alarm carries the alarms its AlarmRule names.
import type { RuleContext } from '../engine/rule.ts';
import type { NodePath } from '../parse/types.ts';
import type { Resource } from '../template/model.ts';
import { asBoolean, asString, isSet } from '../values/coerce.ts';
import { unknownVariant, type Variant } from '../values/variant.ts';

export const METRIC_ALARM = 'AWS::CloudWatch::Alarm';
export const COMPOSITE_ALARM = 'AWS::CloudWatch::CompositeAlarm';

/** What names a resource in a metric's dimensions. */
export interface WatchTarget {
  resource: Resource;
  /** The dimension names that name it: DBInstanceIdentifier, AutoScalingGroupName, TargetGroup... */
  dimensions: readonly string[];
  /** Its name property, for alarms that write the name as text (DBInstanceIdentifier, AutoScalingGroupName). */
  nameProperty?: string;
  /** Names compare without case (RDS stores identifiers in lower case). */
  ignoreCase?: boolean;
  /** Only metrics of these namespaces count (any namespace when left out). */
  namespaces?: readonly string[];
}

export interface Watching {
  /** The metric alarms of the template that watch the resource. */
  alarms: Resource[];
  /** A dimension or namespace value that may name the resource but is only known at deploy time. */
  doubt?: Variant;
}

/** Whether the template declares any CloudWatch alarm at all. */
export function templateHasAlarms(ctx: RuleContext<any, any>): boolean {
  return ctx.graph.ofType(METRIC_ALARM).length > 0 || ctx.graph.ofType(COMPOSITE_ALARM).length > 0;
}

/**
 * The metric alarms of the template whose metric, or one of whose metric-math MetricStat metrics, has a dimension that
 * names the target: by Ref, Fn::GetAtt or Fn::Sub to it, or by a literal equal to its name property.
 */
export function alarmsWatching(ctx: RuleContext<any, any>, target: WatchTarget): Watching {
  const alarms: Resource[] = [];
  let doubt: Variant | undefined;
  const names = target.nameProperty ? literalNames(ctx, target.resource, target.nameProperty, target.ignoreCase) : new Set<string>();
  for (const alarm of ctx.graph.ofType(METRIC_ALARM)) {
    const edges = ctx.graph.edgesFrom(alarm.logicalId).filter((e) => e.to === target.resource.logicalId && e.path[0] === 'Properties');
    // An alarm the parameters' Defaults leave out, but that references the resource: an option the deployment may take.
    const optional = notCreated(ctx, alarm);
    if (optional) {
      if (edges.length > 0) doubt ??= optional;
      continue;
    }
    let found = false;
    for (const metric of metricsOf(ctx, alarm)) {
      const verdict = metricNames(
        ctx,
        metric,
        target,
        names,
        edges.map((e) => e.path),
      );
      if (verdict === true) {
        found = true;
        break;
      }
      if (verdict !== false) doubt ??= verdict;
    }
    if (found) alarms.push(alarm);
  }
  return { alarms, doubt };
}

/** Where an alarm's metrics are: the alarm's own properties, and each metric of its Metrics list that has a MetricStat. */
function metricsOf(ctx: RuleContext<any, any>, alarm: Resource): Array<{ from: Resource | Variant; at: NodePath }> {
  const found: Array<{ from: Resource | Variant; at: NodePath }> = [{ from: alarm, at: ['Properties'] }];
  for (const metric of ctx.items(alarm, ['Properties', 'Metrics'])) {
    if (metric.kind !== 'literal') continue;
    for (const stat of ctx.value(metric, ['MetricStat', 'Metric'])) {
      if (stat.kind === 'literal') found.push({ from: stat, at: [] });
    }
  }
  return found;
}

/** true when the metric names the target, false when it does not, or the unknown value that may. */
function metricNames(
  ctx: RuleContext<any, any>,
  metric: { from: Resource | Variant; at: NodePath },
  target: WatchTarget,
  names: Set<string>,
  edgePaths: NodePath[],
): boolean | Variant {
  let doubt: Variant | undefined;
  if (target.namespaces) {
    const namespaces = ctx.value(metric.from, [...metric.at, 'Namespace']);
    if (!namespaces.some((n) => n.kind === 'unknown' || target.namespaces!.includes(asString(n) ?? ''))) return false;
    doubt = namespaces.find((n) => n.kind === 'unknown');
  }
  for (const dimension of ctx.items(metric.from, [...metric.at, 'Dimensions'])) {
    if (dimension.kind !== 'literal') {
      if (dimension.kind === 'unknown') doubt ??= dimension;
      continue;
    }
    const name = ctx.value(dimension, ['Name']).map(asString);
    if (!name.some((n) => n !== undefined && target.dimensions.includes(n))) continue;
    // A reference to the target anywhere in the dimension's Value (Ref, Fn::GetAtt, Fn::Sub, Fn::Join...).
    const valuePath = [...dimension.path, 'Value'];
    if (!dimension.external && edgePaths.some((p) => startsWith(p, valuePath))) return true;
    for (const value of ctx.value(dimension, ['Value'])) {
      if (value.ref) {
        if (value.ref.logicalId === target.resource.logicalId) return true;
        continue;
      }
      const text = asString(value);
      if (text !== undefined && names.has(target.ignoreCase ? text.toLowerCase() : text)) return true;
      if (value.kind === 'unknown') doubt ??= value;
    }
  }
  return doubt ?? false;
}

/** The literal values a resource's name property can take. */
function literalNames(ctx: RuleContext<any, any>, resource: Resource, property: string, ignoreCase?: boolean): Set<string> {
  const names = new Set<string>();
  for (const value of ctx.value(resource, ['Properties', property])) {
    const text = asString(value);
    if (text !== undefined) names.add(ignoreCase ? text.toLowerCase() : text);
  }
  return names;
}

/**
 * The composite alarms whose AlarmRule includes the alarm, directly or through other composites: by Fn::GetAtt Arn,
 * Ref or Fn::Sub to it, or by its literal AlarmName (or ARN) in ALARM("..."), OK(...) or INSUFFICIENT_DATA(...).
 */
export function compositesIncluding(ctx: RuleContext<any, any>, alarm: Resource): Resource[] {
  const found: Resource[] = [];
  const seen = new Set<string>([alarm.logicalId]);
  const queue = [alarm];
  while (queue.length > 0) {
    const child = queue.shift()!;
    const names = literalNames(ctx, child, 'AlarmName');
    for (const composite of ctx.graph.ofType(COMPOSITE_ALARM)) {
      if (seen.has(composite.logicalId)) continue;
      const byReference = ctx.graph.referrers(child.logicalId, COMPOSITE_ALARM, ['Properties', 'AlarmRule']).some((r) => r.resource === composite);
      if (byReference || (names.size > 0 && ruleNames(ctx, composite).some((n) => names.has(n)))) {
        seen.add(composite.logicalId);
        found.push(composite);
        queue.push(composite);
      }
    }
  }
  return found;
}

/** The alarm names a composite's AlarmRule text names in its state functions (an ARN counts by its last part). */
function ruleNames(ctx: RuleContext<any, any>, composite: Resource): string[] {
  const names: string[] = [];
  const texts = ctx.value(composite, ['Properties', 'AlarmRule']).map((rule) => asString(rule));
  // A rule joined from references and text (as the CDK writes it) cannot be resolved as a whole: its text parts still
  // name alarms.
  if (texts.some((t) => t === undefined)) texts.push(textParts(composite.properties?.AlarmRule));
  for (const text of texts) {
    if (text === undefined) continue;
    for (const match of text.matchAll(/\b(?:ALARM|OK|INSUFFICIENT_DATA)\s*\(\s*("?)([^")]+)\1\s*\)/g)) {
      const name = match[2]!.trim();
      names.push(name.includes(':alarm:') ? name.slice(name.lastIndexOf(':alarm:') + ':alarm:'.length) : name);
    }
  }
  return names;
}

/**
 * Whether the alarm, or a composite alarm that includes it, acts when it fires: it has an AlarmActions entry that
 * `counts` (every entry by default) and ActionsEnabled is not false. An unknown action list or switch is returned for
 * --report-unknown.
 */
export function alarmActs(ctx: RuleContext<any, any>, alarm: Resource, counts: (action: Variant) => boolean = () => true): boolean | Variant {
  let doubt: Variant | undefined;
  for (const carrier of [alarm, ...compositesIncluding(ctx, alarm)]) {
    const verdict = ownActions(ctx, carrier, counts);
    if (verdict === true) return true;
    if (verdict !== false) doubt ??= verdict;
  }
  return doubt ?? false;
}

function ownActions(ctx: RuleContext<any, any>, alarm: Resource, counts: (action: Variant) => boolean): boolean | Variant {
  const optional = notCreated(ctx, alarm);
  if (optional) return optional;
  let doubt: Variant | undefined;
  for (const [enabled, list] of ctx.each(ctx.value(alarm, ['Properties', 'ActionsEnabled']), ctx.value(alarm, ['Properties', 'AlarmActions']))) {
    if (enabled.kind === 'unknown') {
      doubt ??= enabled;
      continue;
    }
    if (asBoolean(enabled) === false) continue;
    if (list.kind === 'unknown') {
      doubt ??= list;
      continue;
    }
    for (const action of ctx.items(list, [])) {
      if (!isSet(action)) continue;
      if (counts(action)) return true;
    }
  }
  return doubt ?? false;
}

/**
 * For a resource whose Condition is false under the given parameters and Defaults: an unknown value that says so. The
 * template provides it as an option the deployment may turn on, so the rules that count it give no verdict rather
 * than a finding that ignores it.
 */
export function notCreated(ctx: RuleContext<any, any>, resource: Resource): Variant | undefined {
  if (!resource.condition || ctx.value(resource, ['Type']).length > 0) return undefined;
  return unknownVariant(`${resource.logicalId} is created only when condition ${resource.condition} holds`, ['Condition'], false, [], {
    kind: 'other',
  });
}

/** Whether an alarm action runs an Auto Scaling (or Application Auto Scaling) policy rather than telling someone. */
export function isScalingAction(ctx: RuleContext<any, any>, action: Variant): boolean {
  if (action.ref) {
    const type = ctx.template.resources.get(action.ref.logicalId)?.type;
    return type === 'AWS::AutoScaling::ScalingPolicy' || type === 'AWS::ApplicationAutoScaling::ScalingPolicy';
  }
  const text = asString(action) ?? '';
  return /^arn:[^:]+:autoscaling:.*:scalingPolicy:/.test(text) || /^arn:\$\{AWS::Partition\}:autoscaling:.*:scalingPolicy:/.test(text);
}

/** The literal text of a value, with references (Ref, Fn::GetAtt) left out and the rest concatenated. */
function textParts(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(textParts).join('');
  if (typeof node !== 'object' || node === null) return '';
  const entries = Object.entries(node);
  if (entries.length === 1 && (entries[0]![0] === 'Ref' || entries[0]![0] === 'Fn::GetAtt')) return '';
  return entries.map(([, v]) => textParts(v)).join('');
}

function startsWith(path: NodePath, prefix: NodePath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}
