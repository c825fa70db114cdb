// Templates written for Rain (aws-cloudformation/rain), whose `Rain::Module`, `Rain::Embed`... directives (`!Rain::X`
// tags in YAML) are expanded by `rain pkg` before CloudFormation sees them. Such a file is one problem, not one per
// directive: it cannot be deployed as it is.
import type { NodePath } from '../parse/types.ts';
import { isPlainObject } from './intrinsics.ts';

/** A Rain directive key as the parsers give it: `Rain::X` in JSON, `Fn::Rain::X` from a `!Rain::X` tag. */
export function isRainKey(key: string): boolean {
  return key.startsWith('Rain::') || key.startsWith('Fn::Rain::');
}

/** A value that is a Rain directive: a mapping whose one key is one. */
export function isRainDirective(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && isRainKey(keys[0]!);
}

/** The first Rain directive in a document (its path and key), in document order; a bounded walk. */
export function firstRainDirective(root: unknown): { path: NodePath; key: string } | undefined {
  const stack: Array<{ node: unknown; path: NodePath }> = [{ node: root, path: [] }];
  let budget = 200_000;
  while (stack.length && budget-- > 0) {
    const { node, path } = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], path: [...path, i] });
    } else if (isPlainObject(node)) {
      const keys = Object.keys(node);
      for (const key of keys) if (isRainKey(key)) return { path: [...path, key], key: key.replace(/^Fn::/, '') };
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ node: node[keys[i]!], path: [...path, keys[i]!] });
    }
  }
  return undefined;
}
