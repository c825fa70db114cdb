import type { NodePath, ParsedDocument } from '../parse/types.ts';
import { expandResourceLoops, LOOP_PREFIX, type LoopParameter, type UnexpandedLoop } from './foreach.ts';
import { isPlainObject, type PlainObject } from './intrinsics.ts';
import { applySamGlobals, SAM_TRANSFORM, type GlobalsOrigin } from './sam.ts';

export interface Parameter {
  name: string;
  type: string;
  default?: unknown;
  allowedValues?: unknown[];
  allowedPattern?: string;
}

export interface Resource {
  logicalId: string;
  type: string;
  /** The resource's whole mapping as written (Type, Properties, Metadata, ...). */
  node: PlainObject;
  properties: PlainObject | undefined;
  condition?: string;
  dependsOn: string[];
  metadata: PlainObject | undefined;
  /** Path of the resource in the document: ['Resources', logicalId], or the body of the Fn::ForEach loop that made it. */
  path: NodePath;
  /** For a resource an Fn::ForEach loop made: the loops (outermost first) and the parameters their collections came from. */
  loop: { names: string[]; parameters: LoopParameter[] } | undefined;
}

export interface Template {
  file: string;
  doc: ParsedDocument;
  root: PlainObject;
  parameters: Map<string, Parameter>;
  conditions: Map<string, unknown>;
  mappings: PlainObject;
  resources: Map<string, Resource>;
  /** Resources grouped by type, for rules and graph queries. */
  byType: Map<string, Resource[]>;
  transforms: string[];
  /**
   * SAM templates: for each resource that got values from Globals, where each merged node was written (see
   * samGlobalsOrigin in sam.ts); undefined for other templates.
   */
  samGlobals: Map<string, GlobalsOrigin> | undefined;
  /**
   * Tag keys CloudFormation gives every resource of the stack at deploy time, as the stack's own tags (a CDK stack's
   * tags in the cloud assembly manifest): present on each taggable resource without being written in the template.
   */
  stackTags: readonly string[];
  /** Fn::ForEach loops whose resources could not be made (their collection is only known at deploy time). */
  unexpandedLoops: UnexpandedLoop[];
}

// Templates and resources are only built by these two functions, with every field in one order: V8 then gives all
// of them one hidden class (a spread copy would get another), and the resolver and the rules, which read them for
// every value, stay monomorphic instead of being deoptimized and recompiled when a SAM template turns up.
export function makeTemplate(t: Template): Template {
  return {
    file: t.file,
    doc: t.doc,
    root: t.root,
    parameters: t.parameters,
    conditions: t.conditions,
    mappings: t.mappings,
    resources: t.resources,
    byType: t.byType,
    transforms: t.transforms,
    samGlobals: t.samGlobals,
    stackTags: t.stackTags,
    unexpandedLoops: t.unexpandedLoops,
  };
}

export function makeResource(r: Resource): Resource {
  return {
    logicalId: r.logicalId,
    type: r.type,
    node: r.node,
    properties: r.properties,
    condition: r.condition,
    dependsOn: r.dependsOn,
    metadata: r.metadata,
    path: r.path,
    loop: r.loop,
  };
}

/** A structural problem: located by the document path it concerns. */
export interface StructureProblem {
  message: string;
  path: NodePath;
}

export type TemplateBuild =
  | { kind: 'template'; template: Template; problems: StructureProblem[] }
  | { kind: 'not-cloudformation'; reason: string }
  | { kind: 'invalid'; problems: StructureProblem[] };

const SECTIONS = ['Parameters', 'Conditions', 'Mappings', 'Resources', 'Outputs', 'Metadata', 'Rules'] as const;

export interface BuildOptions {
  /** The stack's own tag keys, when the cloud assembly (or deployed stack) says what they are. */
  stackTags?: readonly string[];
  /** Parameter values given by the user: Fn::ForEach collections read from parameters use them. */
  parameters?: ReadonlyMap<string, string>;
}

const NO_PARAMETERS: ReadonlyMap<string, string> = new Map();

/**
 * Why a document found by a scan is not a CloudFormation template, or undefined when it is shaped like one: it has
 * AWSTemplateFormatVersion, or Resources is a mapping that is empty or holds a resource with a string Type (or an
 * Fn::ForEach loop). A template with one broken resource is still a template, and its problem is reported.
 */
export function notTemplateShaped(root: unknown): string | undefined {
  if (!isPlainObject(root)) return 'the document is not a mapping';
  if ('AWSTemplateFormatVersion' in root) return undefined;
  const resources = root.Resources;
  if (resources === undefined) return 'no Resources section and no AWSTemplateFormatVersion';
  if (!isPlainObject(resources)) return 'its Resources is not a mapping of resources';
  let empty = true;
  for (const id in resources) {
    empty = false;
    const entry = resources[id];
    if (id.startsWith(LOOP_PREFIX) || (isPlainObject(entry) && typeof entry.Type === 'string')) return undefined;
  }
  return empty ? undefined : 'no entry of its Resources has a Type';
}

/** Builds the CloudFormation model from a parsed document, collecting every structural problem it meets. */
export function buildTemplate(doc: ParsedDocument, file: string, options: BuildOptions = {}): TemplateBuild {
  const root = doc.value;
  if (!isPlainObject(root)) {
    return { kind: 'not-cloudformation', reason: 'the document is not a mapping' };
  }
  if (!('Resources' in root) && !('AWSTemplateFormatVersion' in root)) {
    return { kind: 'not-cloudformation', reason: 'no Resources section and no AWSTemplateFormatVersion' };
  }
  const problems: StructureProblem[] = [];
  for (const section of SECTIONS) {
    if (section in root && root[section] !== null && !isPlainObject(root[section])) {
      problems.push({ message: `${section} must be a mapping`, path: [section] });
    }
  }
  if (!isPlainObject(root.Resources)) {
    if (!('Resources' in root)) problems.push({ message: 'the template has no Resources section', path: [] });
    else if (root.Resources === null) problems.push({ message: 'Resources must be a mapping', path: ['Resources'] });
    return { kind: 'invalid', problems };
  }

  const parameters = readParameters(root, problems);

  const conditions = new Map<string, unknown>(Object.entries(isPlainObject(root.Conditions) ? root.Conditions : {}));

  const resources = new Map<string, Resource>();
  const byType = new Map<string, Resource[]>();
  let loops = false;
  for (const logicalId in root.Resources) {
    // AWS::LanguageExtensions loops: their bodies are templates of resources, expanded below.
    if (logicalId.startsWith(LOOP_PREFIX)) {
      loops = true;
      continue;
    }
    const resource = readResource(logicalId, root.Resources[logicalId], ['Resources', logicalId], undefined, problems);
    if (resource) addResource(resource, resources, byType);
  }
  const mappings = isPlainObject(root.Mappings) ? root.Mappings : {};
  const unexpandedLoops: UnexpandedLoop[] = [];
  if (loops) {
    const expanded = expandResourceLoops(root.Resources, parameters, mappings, options.parameters ?? NO_PARAMETERS);
    for (const made of expanded.resources) {
      if (resources.has(made.logicalId)) {
        problems.push({ message: `loop ${made.loops.at(-1)} makes resource ${made.logicalId}, which the template already has`, path: made.path });
        continue;
      }
      const resource = readResource(made.logicalId, made.node, made.path, { names: made.loops, parameters: made.parameters }, problems);
      if (resource) addResource(resource, resources, byType);
    }
    for (const loop of expanded.unexpanded) unexpandedLoops.push(loop);
  }

  const transform = root.Transform;
  const transforms = typeof transform === 'string' ? [transform] : Array.isArray(transform) ? transform.filter((t): t is string => typeof t === 'string') : [];

  const template = makeTemplate({
    file,
    doc,
    root,
    parameters,
    conditions,
    mappings,
    resources,
    byType,
    transforms,
    samGlobals: undefined,
    stackTags: options.stackTags ?? [],
    unexpandedLoops,
  });
  if (!transforms.includes(SAM_TRANSFORM)) return { kind: 'template', problems, template };
  // SAM resources are linted as themselves, with Globals merged in the way the transform merges them.
  const sam = applySamGlobals(template);
  for (const problem of sam.problems) problems.push(problem);
  return { kind: 'template', problems, template: sam.template };
}

// buildTemplate's sections are functions of their own: small functions are quicker for V8 to optimize, and a
// template that has no parameters never runs that code.
function readParameters(root: PlainObject, problems: StructureProblem[]): Map<string, Parameter> {
  const parameters = new Map<string, Parameter>();
  const paramSection = isPlainObject(root.Parameters) ? root.Parameters : {};
  for (const [name, node] of Object.entries(paramSection)) {
    if (!isPlainObject(node)) {
      problems.push({ message: `parameter ${name} must be a mapping`, path: ['Parameters', name] });
      continue;
    }
    parameters.set(name, {
      name,
      type: typeof node.Type === 'string' ? node.Type : 'String',
      default: node.Default,
      allowedValues: Array.isArray(node.AllowedValues) ? node.AllowedValues : undefined,
      allowedPattern: typeof node.AllowedPattern === 'string' ? node.AllowedPattern : undefined,
    });
  }
  return parameters;
}

function addResource(resource: Resource, resources: Map<string, Resource>, byType: Map<string, Resource[]>): void {
  resources.set(resource.logicalId, resource);
  let list = byType.get(resource.type);
  if (!list) byType.set(resource.type, (list = []));
  list.push(resource);
}

/** One entry of Resources, or undefined (with the problem noted) when it is not a usable resource. */
function readResource(logicalId: string, node: unknown, path: NodePath, loop: Resource['loop'], problems: StructureProblem[]): Resource | undefined {
  if (!isPlainObject(node)) {
    problems.push({ message: `resource ${logicalId} must be a mapping`, path });
    return undefined;
  }
  if (typeof node.Type !== 'string' || node.Type === '') {
    const message = node.Type === undefined ? `resource ${logicalId} has no Type` : `the Type of resource ${logicalId} is not a resource type name`;
    problems.push({ message, path: node.Type === undefined ? path : [...path, 'Type'] });
    return undefined;
  }
  if ('Properties' in node && node.Properties !== null && !isPlainObject(node.Properties)) {
    problems.push({ message: `Properties of ${logicalId} must be a mapping`, path: [...path, 'Properties'] });
    return undefined;
  }
  const dependsOn =
    typeof node.DependsOn === 'string'
      ? [node.DependsOn]
      : Array.isArray(node.DependsOn)
        ? node.DependsOn.filter((d): d is string => typeof d === 'string')
        : [];
  return makeResource({
    logicalId,
    type: node.Type,
    node,
    properties: isPlainObject(node.Properties) ? node.Properties : undefined,
    condition: typeof node.Condition === 'string' ? node.Condition : undefined,
    dependsOn,
    metadata: isPlainObject(node.Metadata) ? node.Metadata : undefined,
    path,
    loop,
  });
}
