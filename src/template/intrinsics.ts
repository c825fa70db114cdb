/** Recognising CloudFormation intrinsic functions in plain parsed values. */

export type PlainObject = Record<string, unknown>;

export function isPlainObject(node: unknown): node is PlainObject {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

export interface Intrinsic {
  /** 'Ref', 'Condition' or 'Fn::Name'. */
  name: string;
  args: unknown;
}

/**
 * The intrinsic a node is, if any: a mapping with exactly one key that is `Ref` or `Fn::*`.
 * `Condition` counts only inside condition expressions, because resources also have
 * ordinary properties named Condition (IAM statements).
 */
export function intrinsicOf(node: unknown, inConditionExpression = false): Intrinsic | undefined {
  const name = intrinsicName(node, inConditionExpression);
  return name === undefined ? undefined : { name, args: (node as PlainObject)[name] };
}

/** The name of the intrinsic a node is (see intrinsicOf), without building anything. */
export function intrinsicName(node: unknown, inConditionExpression = false): string | undefined {
  if (!isPlainObject(node)) return undefined;
  let name: string | undefined;
  for (const key in node) {
    if (name !== undefined) return undefined;
    name = key;
  }
  if (name === undefined) return undefined;
  return name === 'Ref' || name.startsWith('Fn::') || (inConditionExpression && name === 'Condition') ? name : undefined;
}

/** The plain value at a path of a parsed document (no intrinsic resolved), or undefined where the path leads nowhere. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isPlainObject(node) && typeof segment === 'string') node = node[segment];
    else return undefined;
  }
  return node;
}

/** `{{resolve:ssm:...}}` and friends: the value only exists at deploy time. */
export function isDynamicReference(value: unknown): boolean {
  return typeof value === 'string' && value.includes('{{resolve:');
}

export interface SubReference {
  /** The name inside ${...}: a parameter, resource, pseudo parameter or a variable of the Sub's map. */
  name: string;
  /** For ${Resource.Attr}. */
  attribute?: string;
}

/** Splits an Fn::Sub string into literal text and ${...} references; `${!X}` is the literal `${X}`. */
export function parseSubString(text: string): Array<string | SubReference> {
  const parts: Array<string | SubReference> = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('${', i);
    if (open < 0) break;
    const close = text.indexOf('}', open + 2);
    if (close < 0) break;
    literal += text.slice(i, open);
    const inner = text.slice(open + 2, close);
    if (inner.startsWith('!')) {
      literal += '${' + inner.slice(1) + '}';
    } else {
      if (literal) parts.push(literal);
      literal = '';
      const name = inner.trim();
      const dot = name.indexOf('.');
      // Pseudo parameters contain '::' but no dot; Resource.Attr splits at the first dot.
      if (dot > 0 && !name.startsWith('AWS::')) parts.push({ name: name.slice(0, dot), attribute: name.slice(dot + 1) });
      else parts.push({ name });
    }
    i = close + 1;
  }
  literal += text.slice(i);
  if (literal) parts.push(literal);
  return parts;
}

export const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);
