// AWS::LanguageExtensions loops (Fn::ForEach::Name) in Resources, expanded as CloudFormation expands them, so the
// resources they make are linted like any other: one resource per item, `${Identifier}` and `&{Identifier}` replaced in
// keys and strings, `Ref: Identifier` replaced by the item, loops nested in loops expanded in turn.
import type { NodePath } from '../parse/types.ts';
import { setOwn } from '../parse/yaml.ts';
import { intrinsicOf, isPlainObject, type PlainObject } from './intrinsics.ts';
import type { Parameter } from './model.ts';

export const LOOP_PREFIX = 'Fn::ForEach::';

/** What a loop's collection rests on when it comes from a parameter: its given value or its Default. */
export interface LoopParameter {
  name: string;
  value: string;
  source: 'given' | 'default';
}

/** A resource a loop makes: its expanded logical id, its mapping with the items filled in, and where its body is written. */
export interface ExpandedResource {
  logicalId: string;
  node: unknown;
  /** Document path of the body it was made from (['Resources', 'Fn::ForEach::X', 2, 'Bucket${Name}']). */
  path: NodePath;
  /** The loop (outermost first) and the parameters its collections were read from. */
  loops: string[];
  parameters: LoopParameter[];
}

/** A loop that could not be expanded, and why (its resources are not linted). */
export interface UnexpandedLoop {
  name: string;
  path: NodePath;
  reason: string;
}

/** Items a loop makes resources for; CloudFormation's own limit on a template's resources is 500. */
const MAX_ITEMS = 1000;

/** Expands the Fn::ForEach keys of a Resources section (other keys are left to the caller). */
export function expandResourceLoops(
  resources: PlainObject,
  parameters: ReadonlyMap<string, Parameter>,
  mappings: PlainObject,
  given: ReadonlyMap<string, string>,
): { resources: ExpandedResource[]; unexpanded: UnexpandedLoop[] } {
  const out: ExpandedResource[] = [];
  const unexpanded: UnexpandedLoop[] = [];
  const context = { parameters, mappings, given, out, unexpanded, budget: MAX_ITEMS };
  for (const key in resources) {
    if (key.startsWith(LOOP_PREFIX)) expandLoop(key, resources[key], resources[key], ['Resources', key], [], [], context);
  }
  return { resources: out, unexpanded };
}

interface Context {
  parameters: ReadonlyMap<string, Parameter>;
  mappings: PlainObject;
  given: ReadonlyMap<string, string>;
  out: ExpandedResource[];
  unexpanded: UnexpandedLoop[];
  /** Resources still allowed: a loop over a loop over a loop must not make millions. */
  budget: number;
}

/**
 * `node` is the loop with the identifiers of enclosing loops filled in; `written` is the loop as the document has it,
 * whose keys make the paths that locate findings in the body.
 */
function expandLoop(key: string, node: unknown, written: unknown, path: NodePath, loops: string[], parameters: LoopParameter[], context: Context): void {
  const name = key.slice(LOOP_PREFIX.length);
  const fail = (reason: string) => context.unexpanded.push({ name, path, reason });
  if (!Array.isArray(node) || node.length !== 3 || typeof node[0] !== 'string' || !isPlainObject(node[2])) {
    fail('it is not [Identifier, Collection, {OutputKey: OutputValue}]');
    return;
  }
  const [identifier, collectionNode, fragment] = node as [string, unknown, PlainObject];
  const collection = readCollection(collectionNode, context);
  if ('reason' in collection) {
    fail(collection.reason);
    return;
  }
  const within = [...loops, name];
  const resting = collection.parameter ? [...parameters, collection.parameter] : parameters;
  const keys = Object.keys(fragment);
  const writtenFragment = Array.isArray(written) && isPlainObject(written[2]) ? written[2] : fragment;
  const writtenKeys = Object.keys(writtenFragment);
  for (const item of collection.items) {
    for (let k = 0; k < keys.length; k++) {
      const outputKey = keys[k]!;
      const writtenKey = writtenKeys.length === keys.length ? writtenKeys[k]! : outputKey;
      const bodyPath = [...path, 2, writtenKey];
      if (outputKey.startsWith(LOOP_PREFIX)) {
        // A loop inside a loop: the outer identifier is filled in first, then it is expanded on its own.
        const inner = substitute(fragment[outputKey], identifier, item);
        expandLoop(outputKey, inner, writtenFragment[writtenKey], bodyPath, within, resting, context);
        continue;
      }
      if (context.budget-- <= 0) {
        fail(`it makes more than ${MAX_ITEMS} resources`);
        return;
      }
      context.out.push({
        logicalId: replaceIn(outputKey, identifier, item),
        node: substitute(fragment[outputKey], identifier, item),
        path: bodyPath,
        loops: within,
        parameters: resting,
      });
    }
  }
}

/** The collection's items as strings, or why they are not known before deployment. */
function readCollection(node: unknown, context: Context): { items: string[]; parameter?: LoopParameter } | { reason: string } {
  if (Array.isArray(node)) {
    return node.every(isScalar) ? { items: node.map(String) } : { reason: 'its collection holds values that are not known before deployment' };
  }
  const intrinsic = intrinsicOf(node);
  if (intrinsic?.name === 'Ref' && typeof intrinsic.args === 'string') {
    const value = parameterValue(intrinsic.args, context);
    if ('reason' in value) return value;
    return { items: value.value.split(',').map((s) => s.trim()), parameter: value };
  }
  if (intrinsic?.name === 'Fn::FindInMap' && Array.isArray(intrinsic.args) && intrinsic.args.length === 3) {
    const keys: string[] = [];
    const parameters: LoopParameter[] = [];
    for (const k of intrinsic.args) {
      if (isScalar(k)) keys.push(String(k));
      else {
        const ref = intrinsicOf(k);
        if (ref?.name !== 'Ref' || typeof ref.args !== 'string')
          return { reason: 'its collection comes from a mapping key that is not known before deployment' };
        const value = parameterValue(ref.args, context);
        if ('reason' in value) return value;
        keys.push(value.value);
        parameters.push(value);
      }
    }
    const [map, top, second] = keys as [string, string, string];
    const level = context.mappings[map];
    const entry = isPlainObject(level) && isPlainObject(level[top]) ? level[top][second] : undefined;
    if (!Array.isArray(entry) || !entry.every(isScalar)) return { reason: `its collection, mapping ${map} ${top}.${second}, is not a list of values` };
    // A loop rests on at most one parameter in messages; a mapping read with two is rare enough to name the first.
    return { items: entry.map(String), ...(parameters[0] ? { parameter: parameters[0] } : {}) };
  }
  return { reason: 'its collection is not known before deployment' };
}

function parameterValue(name: string, context: Context): LoopParameter | { reason: string } {
  const given = context.given.get(name);
  if (given !== undefined) return { name, value: given, source: 'given' };
  const param = context.parameters.get(name);
  if (!param) return { reason: `its collection refers to ${name}, which is not a parameter` };
  if (param.type.startsWith('AWS::SSM::Parameter::Value')) return { reason: `its collection, parameter ${name}, is read from SSM at deploy time` };
  const value = param.default;
  if (isScalar(value)) return { name, value: String(value), source: 'default' };
  if (Array.isArray(value) && value.every(isScalar)) return { name, value: value.join(','), source: 'default' };
  return { reason: `its collection, parameter ${name}, has no Default` };
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** `${Id}` becomes the item; `&{Id}` the item without the characters a logical id cannot hold. */
function replaceIn(text: string, identifier: string, item: string): string {
  if (!text.includes('{')) return text;
  return text
    .split('${' + identifier + '}')
    .join(item)
    .split('&{' + identifier + '}')
    .join(item.replace(/[^A-Za-z0-9]/g, ''));
}

/** A copy of a loop body with the identifier filled in: in keys, in strings, and `Ref: Identifier` as the item itself. */
function substitute(node: unknown, identifier: string, item: string, depth = 0): unknown {
  if (typeof node === 'string') return replaceIn(node, identifier, item);
  // The parser bounds nesting; this bound only keeps a hand-built value from recursing without end.
  if (depth > 256 || typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) return node.map((child) => substitute(child, identifier, item, depth + 1));
  const ref = intrinsicOf(node);
  if (ref?.name === 'Ref' && ref.args === identifier) return item;
  const copy: PlainObject = {};
  for (const key in node as PlainObject) setOwn(copy, replaceIn(key, identifier, item), substitute((node as PlainObject)[key], identifier, item, depth + 1));
  return copy;
}
