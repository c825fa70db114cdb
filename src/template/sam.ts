import type { NodeLocations } from '../parse/locations.ts';
import { pathKey, type NodePath } from '../parse/types.ts';
import { intrinsicOf, isPlainObject, type PlainObject } from './intrinsics.ts';
import { makeResource, makeTemplate, type Resource, type StructureProblem, type Template } from './model.ts';

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/** The Globals section that applies to each serverless resource type. */
export const SAM_GLOBAL_SECTIONS: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
  'AWS::Serverless::LayerVersion': 'LayerVersion',
  'AWS::Serverless::CapacityProvider': 'CapacityProvider',
};

/** Where merged values came from: resource-relative path → document path of the Globals node. */
export type GlobalsOrigin = Map<string, NodePath>;

interface Move {
  /** Document path the merged node now has. */
  to: NodePath;
  /** Document path it was written at (in Globals, or the resource itself before a list shifted). */
  from: NodePath;
  value: unknown;
}

/**
 * SAM's Globals merged into each serverless resource's Properties, as the transform does it: the resource's
 * primitive (or intrinsic) value replaces the global one, mappings merge key by key (the resource wins), lists are
 * the global items followed by the resource's. Merged nodes keep their source location, so a finding about a value
 * that came from Globals points at Globals. The document's location table is copied, never changed in place.
 */
export function applySamGlobals(template: Template): { template: Template; problems: StructureProblem[] } {
  const problems: StructureProblem[] = [];
  const globals = template.root.Globals;
  if (globals === undefined || globals === null) return { template, problems };
  if (!isPlainObject(globals)) {
    problems.push({ message: 'Globals must be a mapping', path: ['Globals'] });
    return { template, problems };
  }
  for (const [section, value] of Object.entries(globals)) {
    if (!isPlainObject(value)) problems.push({ message: `Globals.${section} must be a mapping`, path: ['Globals', section] });
  }

  const doc = template.doc;
  let locations: NodeLocations | undefined;
  const origins = new Map<string, GlobalsOrigin>();
  const resources = new Map<string, Resource>();
  for (const [id, resource] of template.resources) {
    const section = SAM_GLOBAL_SECTIONS[resource.type];
    const global = section ? globals[section] : undefined;
    if (!isPlainObject(global) || Object.keys(global).length === 0) {
      resources.set(id, resource);
      continue;
    }
    const moves: Move[] = [];
    const shifted: Array<{ at: NodePath; value: unknown }> = [];
    const propsAt = [...resource.path, 'Properties'];
    const properties = mergeMaps(global, resource.properties ?? {}, ['Globals', section!], propsAt, moves, shifted);
    locations ??= doc.locations.withOverrides();
    const origin: GlobalsOrigin = new Map();
    // The items of a list that got global items in front have moved: their old entries go, then every moved node
    // takes the location it was written at.
    for (const { at, value } of shifted) forEachPath(value, (rel) => rel.length > 0 && locations!.delete([...at, ...rel]));
    for (const move of moves) {
      forEachPath(move.value, (rel) => {
        const found = doc.locations.get([...move.from, ...rel]);
        if (found) locations!.set([...move.to, ...rel], found);
      });
      if (move.from[0] === 'Globals') origin.set(pathKey(move.to.slice(resource.path.length)), move.from);
    }
    origins.set(id, origin);
    const node = { ...resource.node, Properties: properties };
    resources.set(id, makeResource({ ...resource, node, properties }));
  }
  if (!locations) return { template, problems };

  return {
    problems,
    template: makeTemplate({
      ...template,
      // Field by field, in the parsers' order: a spread copy of the document would get a hidden class of its own.
      doc: { format: doc.format, value: doc.value, source: doc.source, lineStarts: doc.lineStarts, locations, diagnostics: doc.diagnostics },
      resources,
      // Merging Globals changes no resource's type: the same groups, holding the merged resources.
      byType: new Map([...template.byType].map(([type, list]) => [type, list.map((r) => resources.get(r.logicalId)!)])),
      samGlobals: origins,
    }),
  };
}

/**
 * Where a property of a SAM resource that Globals supplied was written (its document path under Globals), for a
 * path relative to the resource; undefined for the resource's own values and for templates without Globals.
 */
export function samGlobalsOrigin(template: Template, logicalId: string, path: NodePath): NodePath | undefined {
  const origin = template.samGlobals?.get(logicalId);
  if (!origin) return undefined;
  // The node itself or the nearest ancestor that was copied from Globals.
  for (let n = path.length; n > 0; n--) {
    const from = origin.get(pathKey(path.slice(0, n)));
    if (from) return [...from, ...path.slice(n)];
  }
  return undefined;
}

/** SAM treats an intrinsic function as a primitive: it replaces, it is never merged into. */
function mergeable(value: unknown): 'map' | 'list' | undefined {
  if (Array.isArray(value)) return 'list';
  if (isPlainObject(value) && !intrinsicOf(value)) return 'map';
  return undefined;
}

/**
 * Merges a global mapping into the resource's mapping written at `at`; the merged node sits there too (only list
 * items move, and they are never merged into, so they are recorded as moves).
 */
function mergeMaps(
  global: PlainObject,
  local: PlainObject,
  gAt: NodePath,
  at: NodePath,
  moves: Move[],
  shifted: Array<{ at: NodePath; value: unknown }>,
): PlainObject {
  const out: PlainObject = {};
  for (const key of Object.keys(global)) out[key] = undefined; // global keys first, as SAM orders them
  for (const key of Object.keys(local)) out[key] = undefined;
  for (const key of Object.keys(out)) {
    const g = global[key];
    const l = local[key];
    const keyAt = [...at, key];
    if (!(key in local)) {
      moves.push({ to: keyAt, from: [...gAt, key], value: g });
      out[key] = g;
      continue;
    }
    const kind = mergeable(l);
    if (!(key in global) || kind === undefined || kind !== mergeable(g)) {
      out[key] = l; // primitives, intrinsics and differing shapes: the resource's value as written
    } else if (kind === 'map') {
      out[key] = mergeMaps(g as PlainObject, l as PlainObject, [...gAt, key], keyAt, moves, shifted);
    } else {
      const gl = g as unknown[];
      const ll = l as unknown[];
      gl.forEach((item, i) => moves.push({ to: [...keyAt, i], from: [...gAt, key, i], value: item }));
      if (gl.length > 0) {
        shifted.push({ at: keyAt, value: ll });
        ll.forEach((item, j) => moves.push({ to: [...keyAt, gl.length + j], from: [...keyAt, j], value: item }));
      }
      out[key] = [...gl, ...ll];
    }
  }
  return out;
}

/** Calls `visit` with the relative path of the node and of every node below it (iteratively: input may be deep). */
function forEachPath(value: unknown, visit: (rel: NodePath) => void): void {
  const stack: Array<{ node: unknown; rel: NodePath }> = [{ node: value, rel: [] }];
  while (stack.length) {
    const { node, rel } = stack.pop()!;
    visit(rel);
    if (Array.isArray(node)) node.forEach((child, i) => stack.push({ node: child, rel: [...rel, i] }));
    else if (isPlainObject(node)) for (const key of Object.keys(node)) stack.push({ node: node[key], rel: [...rel, key] });
  }
}
