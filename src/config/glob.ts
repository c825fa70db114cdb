// Config globs (overrides.files, include, exclude) come from the repository, so a glob is untrusted input: it is
// checked when the config loads (a located error, not a hang), and compiled to a regular expression that cannot
// backtrack without bound, so matching costs time linear in the path's length whatever the glob.

/** Past these a glob is refused: no real glob comes near them, and they bound the size of the expression. */
export const GLOB_LIMITS = { length: 1000, braceDepth: 5, alternatives: 32, wildcards: 32, globstars: 8, inNameGlobstars: 2 } as const;

/** A glob the config cannot use; the message says why, in words for the user. */
export class GlobError extends Error {}

/** `**` as a whole path segment: any number of folders, none included. */
const GLOBSTAR = Symbol('**');
type Component = string | typeof GLOBSTAR;

/** A brace-free glob's text, as a list of alternatives: `a{b,c}` → `ab`, `ac`. */
type Sequence = Array<string | Sequence[]>;

function parseBraces(glob: string): Sequence {
  const root: Sequence = [];
  let current = root;
  const open: Array<{ group: Sequence[]; parent: Sequence; column: number }> = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '{') {
      if (open.length >= GLOB_LIMITS.braceDepth) throw new GlobError(`braces nested more than ${GLOB_LIMITS.braceDepth} deep`);
      const group: Sequence[] = [[]];
      current.push(group);
      open.push({ group, parent: current, column: i + 1 });
      current = group[0]!;
    } else if (c === '}') {
      const top = open.pop();
      if (!top) throw new GlobError(`unbalanced braces: the "}" at column ${i + 1} closes no "{"`);
      current = top.parent;
    } else if (c === ',' && open.length) {
      const next: Sequence = [];
      open.at(-1)!.group.push(next);
      current = next;
    } else current.push(c);
  }
  if (open.length) throw new GlobError(`unbalanced braces: the "{" at column ${open.at(-1)!.column} is not closed`);
  return root;
}

function tooMany(): GlobError {
  return new GlobError(`it expands to more than ${GLOB_LIMITS.alternatives} patterns (list the globs separately)`);
}

function expand(sequence: Sequence): string[] {
  let out = [''];
  for (const item of sequence) {
    if (typeof item === 'string') {
      out = out.map((s) => s + item);
      continue;
    }
    const options = item.flatMap(expand);
    if (out.length * options.length > GLOB_LIMITS.alternatives) throw tooMany();
    out = out.flatMap((s) => options.map((o) => s + o));
  }
  return out;
}

/**
 * A brace-free glob as path components. A pattern without a slash matches the file name in any folder (a leading
 * `**`); a trailing slash means everything below. A `**` inside a name (`a**b`) crosses folders: it is `a*b` or
 * `a*` / any folders / `*b`, so it becomes two lists.
 */
function components(glob: string, anchored: boolean): Component[][] {
  let pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  const anywhere = !anchored && !pattern.includes('/');
  if (pattern.endsWith('/')) pattern += '**';
  const parts: Component[] = pattern.split('/').map((p) => (/^\*\*+$/.test(p) ? GLOBSTAR : p));
  if (anywhere && parts[0] !== GLOBSTAR) parts.unshift(GLOBSTAR);
  const out: Component[][] = [];
  const split = (list: Component[]): void => {
    const i = list.findIndex((p) => p !== GLOBSTAR && p.includes('**'));
    if (i < 0) {
      // Consecutive globstars mean what one does.
      out.push(list.filter((p, j) => !(p === GLOBSTAR && list[j - 1] === GLOBSTAR)));
      return;
    }
    const part = list[i] as string;
    const at = part.indexOf('**');
    const before = part.slice(0, at);
    const after = part.slice(at + 2).replace(/^\*+/, '');
    split([...list.slice(0, i), `${before}*${after}`, ...list.slice(i + 1)]);
    split([...list.slice(0, i), `${before}*`, GLOBSTAR, `*${after}`, ...list.slice(i + 1)]);
  };
  split(parts);
  return out;
}

/**
 * Any number of whole components, as few as will do. `[^/]*` can only end at a slash, so giving back its characters
 * fails at once: linear.
 */
const FOLDERS = '(?:[^/]*/)*?';

function literal(text: string): string {
  return text.replace(/[.+^$()|[\]{}\\*?]/g, '\\$&').replace(/\\\?/g, '[^/]');
}

/** Builds the expression, numbering the capture groups of the atomic lookaheads across alternatives. */
class Builder {
  private groups = 0;

  /**
   * `(?=(X))\N`: matches what X matches first, and is never re-entered when what follows fails. Groups are numbered
   * by their opening parenthesis, so the number is taken before X (which may hold groups of its own) is built.
   */
  atomic(body: () => string): string {
    const n = ++this.groups;
    return `(?=(${body()}))\\${n}`;
  }

  /**
   * One path component. `*` does not cross `/`, so each piece between stars is taken at its first occurrence
   * (the classic greedy wildcard match: no later choice can do better), and the last piece ends the component.
   */
  component(glob: string): string {
    const pieces = glob.split('*').map(literal);
    if (pieces.length === 1) return pieces[0]!;
    let out = pieces[0]!;
    for (const piece of pieces.slice(1, -1)) if (piece) out += this.atomic(() => `[^/]*?${piece}`);
    return `${out}[^/]*${pieces.at(-1)!}`;
  }

  block(list: string[]): string {
    return list.map((c) => this.component(c)).join('/');
  }

  /**
   * Components as an expression that ends the path. Blocks between globstars are taken at their first
   * occurrence too, for the same reason: a globstar matches any folders, so an earlier block leaves the rest of
   * the pattern the most to match.
   */
  alternative(list: Component[]): string {
    const blocks: string[][] = [[]];
    for (const c of list) {
      if (c === GLOBSTAR) blocks.push([]);
      else blocks.at(-1)!.push(c);
    }
    const [first, ...rest] = blocks;
    if (rest.length === 0) return `${this.block(first!)}$`;
    // Each globstar starts at a component boundary: the path's start or after a slash.
    let out = first!.length ? `${this.block(first!)}/` : '';
    rest.forEach((block, i) => {
      const last = i === rest.length - 1;
      if (block.length === 0) {
        // A trailing globstar: everything below (between two globstars, an empty block cannot occur).
        out += '.*$';
      } else if (last) {
        out += `${FOLDERS}${this.block(block)}$`;
      } else {
        out += this.atomic(() => `${FOLDERS}${this.block(block)}/`);
      }
    });
    return out;
  }
}

function inNameGlobstars(glob: string): number {
  let count = 0;
  for (const m of glob.matchAll(/\*{2,}/g)) {
    const before = m.index === 0 ? '/' : glob[m.index - 1];
    const after = glob[m.index + m[0].length] ?? '/';
    if (before !== '/' || after !== '/') count++;
  }
  return count;
}

/** Checks a glob against the limits and parses it into alternatives of path components; throws GlobError. */
function parse(glob: string, anchored = false): Component[][] {
  if (glob.length > GLOB_LIMITS.length) throw new GlobError(`it is longer than ${GLOB_LIMITS.length} characters`);
  const wildcards = glob.match(/\*+/g) ?? [];
  if (wildcards.length > GLOB_LIMITS.wildcards) throw new GlobError(`it has more than ${GLOB_LIMITS.wildcards} wildcards`);
  if (wildcards.filter((w) => w.length > 1).length > GLOB_LIMITS.globstars) throw new GlobError(`it has more than ${GLOB_LIMITS.globstars} "**"`);
  const expanded = expand(parseBraces(glob));
  // Each `**` inside a name doubles the patterns (see components()).
  if (expanded.some((g) => inNameGlobstars(g.replace(/\\/g, '/')) > GLOB_LIMITS.inNameGlobstars)) {
    throw new GlobError(`it has more than ${GLOB_LIMITS.inNameGlobstars} "**" inside a name (write "**" as a whole path segment: "a/**/b")`);
  }
  const alternatives = new Map<string, Component[]>();
  for (const list of expanded.flatMap((g) => components(g, anchored))) {
    alternatives.set(list.map((c) => (c === GLOBSTAR ? '/**' : `/${c}`)).join(''), list);
  }
  if (alternatives.size > GLOB_LIMITS.alternatives) throw tooMany();
  return [...alternatives.values()];
}

/** Why the config cannot use this glob, or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  try {
    parse(glob);
    return undefined;
  } catch (error) {
    if (error instanceof GlobError) return error.message;
    throw error;
  }
}

/**
 * A glob as a regular expression over forward-slash paths relative to the working directory:
 * `**` crosses folders, `*` and `?` do not, `{a,b}` alternates. A pattern without a slash matches
 * the file name in any folder, as .gitignore and ESLint do, unless `anchored` (a glob typed as a path, which a
 * shell would expand in the working directory). Throws GlobError for a glob past the limits.
 */
export function globToRegExp(glob: string, anchored = false): RegExp {
  const builder = new Builder();
  // Alternatives that are "any folders, then one block" (`*.{yaml,yml}`, which matches in any folder) share one
  // walk over the folders: each would otherwise walk the whole path on its own.
  const anywhere: string[] = [];
  const body: string[] = [];
  for (const list of parse(glob, anchored)) {
    if (list.length > 1 && list[0] === GLOBSTAR && !list.slice(1).includes(GLOBSTAR)) anywhere.push(builder.block(list.slice(1) as string[]));
    else body.push(builder.alternative(list));
  }
  if (anywhere.length) body.push(`${FOLDERS}(?:${anywhere.join('|')})$`);
  // `s`: a file name may hold a line break, and `.` must match it like any other character.
  return new RegExp(`^(?:${body.join('|')})`, 's');
}

const compiled = new Map<string, RegExp>();

export function matchesAny(relativePath: string, globs: readonly string[]): boolean {
  return globs.some((glob) => {
    let re = compiled.get(glob);
    if (!re) {
      re = globToRegExp(glob);
      compiled.set(glob, re);
    }
    return re.test(relativePath);
  });
}
