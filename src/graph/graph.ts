import type { NodePath, PathSegment } from '../parse/types.ts';
import { intrinsicOf, isPlainObject, parseSubString } from '../template/intrinsics.ts';
import type { Resource, Template } from '../template/model.ts';

export type EdgeKind = 'Ref' | 'GetAtt' | 'Sub' | 'DependsOn' | 'Condition';

/** One resource pointing at another resource. */
export interface Edge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** For GetAtt and ${X.Attr}. */
  attribute?: string;
  /** Where in the referring resource the reference sits (relative to the resource). */
  path: NodePath;
}

/** One resource's edges: to other resources, and to conditions. */
interface Walked {
  edges: Edge[];
  conditions: Edge[];
}

/**
 * Resource graph: edges from Ref, Fn::GetAtt (both forms), Fn::Sub, DependsOn; queries by type and by reference.
 * A resource's values are walked the first time a query needs its edges, and most queries name the type of the
 * referring resources: asking which flow logs point at a VPC walks the flow logs, not the whole template.
 */
export class ResourceGraph {
  /** For each resource walked so far: its edges to other resources, and to conditions. */
  private readonly walked = new Map<string, Walked>();
  /** Edges into each resource from the resources of one type, by that type; '' for every type. */
  private readonly incoming = new Map<string, Map<string, Edge[]>>();
  private conditionUsers: Map<string, Edge[]> | undefined;
  /** The resources the Outputs section refers to, walked on first use. */
  private outputTargets: Set<string> | undefined;

  constructor(private readonly template: Template) {}

  /** Resources of a type, in template order. */
  ofType(type: string): Resource[] {
    return this.template.byType.get(type) ?? [];
  }

  edgesFrom(logicalId: string): Edge[] {
    const resource = this.template.resources.get(logicalId);
    return resource ? this.edgesOf(resource).edges : [];
  }

  edgesTo(logicalId: string): Edge[] {
    return this.incomingFrom(undefined).get(logicalId) ?? [];
  }

  /**
   * Who references `logicalId`, optionally only resources of `fromType` and only through a property path
   * that starts with `via` (e.g. ['Properties', 'ResourceId']).
   */
  referrers(logicalId: string, fromType?: string, via?: NodePath): Array<{ resource: Resource; edge: Edge }> {
    const found: Array<{ resource: Resource; edge: Edge }> = [];
    for (const edge of this.incomingFrom(fromType).get(logicalId) ?? []) {
      if (via && !startsWith(edge.path, via)) continue;
      found.push({ resource: this.template.resources.get(edge.from)!, edge });
    }
    return found;
  }

  /** Resources that `logicalId` references, optionally of one type. */
  targets(logicalId: string, toType?: string): Array<{ resource: Resource; edge: Edge }> {
    const found: Array<{ resource: Resource; edge: Edge }> = [];
    for (const edge of this.edgesFrom(logicalId)) {
      const resource = this.template.resources.get(edge.to);
      if (resource && (!toType || resource.type === toType)) found.push({ resource, edge });
    }
    return found;
  }

  /**
   * Whether an output refers to the resource (Ref, Fn::GetAtt or an Fn::Sub placeholder, anywhere in the output):
   * something outside the template, another stack or a person, may be using it.
   */
  referencedByOutputs(logicalId: string): boolean {
    if (!this.outputTargets) {
      const found: Walked = { edges: [], conditions: [] };
      this.walk(found, '', this.template.root.Outputs, ['Outputs']);
      this.outputTargets = new Set(found.edges.map((e) => e.to));
    }
    return this.outputTargets.has(logicalId);
  }

  /** Edges from resources to a condition: their own `Condition`, or an `Fn::If` on it in their properties. */
  usersOfCondition(name: string): Edge[] {
    if (!this.conditionUsers) {
      this.conditionUsers = new Map();
      for (const resource of this.template.resources.values()) {
        for (const edge of this.edgesOf(resource).conditions) push(this.conditionUsers, edge.to, edge);
      }
    }
    return this.conditionUsers.get(name) ?? [];
  }

  /** Incoming edges from the resources of `type` (or of every type), in template order. */
  private incomingFrom(type: string | undefined): Map<string, Edge[]> {
    const key = type ?? '';
    let index = this.incoming.get(key);
    if (!index) {
      index = new Map();
      const sources = type === undefined ? this.template.resources.values() : this.ofType(type);
      for (const resource of sources) for (const edge of this.edgesOf(resource).edges) push(index, edge.to, edge);
      this.incoming.set(key, index);
    }
    return index;
  }

  private edgesOf(resource: Resource): Walked {
    let found = this.walked.get(resource.logicalId);
    if (!found) {
      found = { edges: [], conditions: [] };
      this.collect(resource, found);
      this.walked.set(resource.logicalId, found);
    }
    return found;
  }

  private add(into: Walked, edge: Edge): void {
    if (edge.kind === 'Condition') {
      into.conditions.push(edge);
      return;
    }
    if (!this.template.resources.has(edge.to) || edge.to === edge.from) return;
    into.edges.push(edge);
  }

  private collect(resource: Resource, into: Walked): void {
    const from = resource.logicalId;
    resource.dependsOn.forEach((to, i) => this.add(into, { from, to, kind: 'DependsOn', path: ['DependsOn', i] }));
    if (resource.condition) this.add(into, { from, to: resource.condition, kind: 'Condition', path: ['Condition'] });
    const path: PathSegment[] = [];
    for (const key of ['Properties', 'Metadata'] as const) {
      if (resource.node[key] === undefined) continue;
      path.push(key);
      this.walk(into, from, resource.node[key], path);
      path.pop();
    }
  }

  /**
   * Depth first through one value; `path` is where it sits, copied only where an edge is found (most nodes are not
   * references). The recursion is as deep as the document, which both parsers cap at MAX_DEPTH.
   */
  private walk(into: Walked, from: string, node: unknown, path: PathSegment[]): void {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        this.walk(into, from, node[i], path);
        path.pop();
      }
      return;
    }
    const intrinsic = intrinsicOf(node);
    if (intrinsic) {
      const { name, args } = intrinsic;
      if (name === 'Ref' && typeof args === 'string') {
        // Most Refs name parameters: check the target before copying the path.
        if (this.template.resources.has(args)) this.add(into, { from, to: args, kind: 'Ref', path: [...path] });
        return;
      }
      if (name !== 'Ref') this.intrinsicEdges(into, from, name, args, path);
    }
    for (const key in node as Record<string, unknown>) {
      path.push(key);
      this.walk(into, from, (node as Record<string, unknown>)[key], path);
      path.pop();
    }
  }

  private intrinsicEdges(into: Walked, from: string, name: string, args: unknown, path: PathSegment[]): void {
    if (name === 'Fn::If' && Array.isArray(args) && typeof args[0] === 'string') {
      this.add(into, { from, to: args[0], kind: 'Condition', path: [...path] });
    } else if (name === 'Fn::GetAtt') {
      const target = getAttTarget(args);
      if (target) this.add(into, { from, to: target.logicalId, kind: 'GetAtt', attribute: target.attribute, path: [...path] });
    } else if (name === 'Fn::Sub') {
      const text = typeof args === 'string' ? args : Array.isArray(args) && typeof args[0] === 'string' ? args[0] : undefined;
      if (text === undefined) return;
      const variables = Array.isArray(args) && isPlainObject(args[1]) ? args[1] : {};
      for (const part of parseSubString(text)) {
        if (typeof part !== 'string' && !(part.name in variables)) {
          this.add(into, { from, to: part.name, kind: 'Sub', attribute: part.attribute, path: [...path] });
        }
      }
    }
  }
}

/** `Fn::GetAtt: [A, B]` or `Fn::GetAtt: 'A.B'` → {logicalId: A, attribute: B}. */
export function getAttTarget(args: unknown): { logicalId: string; attribute?: string } | undefined {
  if (Array.isArray(args) && typeof args[0] === 'string') {
    return { logicalId: args[0], attribute: typeof args[1] === 'string' ? args[1] : undefined };
  }
  if (typeof args === 'string' && args.length > 0) {
    const dot = args.indexOf('.');
    return dot > 0 ? { logicalId: args.slice(0, dot), attribute: args.slice(dot + 1) } : { logicalId: args };
  }
  return undefined;
}

function startsWith(path: NodePath, prefix: NodePath): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((segment, i) => path[i] === segment);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
