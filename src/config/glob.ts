/**
 * Config globs (`exclude`, `overrides[].files`) over forward-slash paths relative to the working directory:
 * `**` crosses folders, `*` and `?` do not, `{a,b}` alternates. A pattern without a slash matches the file name in
 * any folder, as .gitignore and ESLint do; one that ends in `/` matches everything below the folder.
 *
 * Matched by walking all the ways through the pattern at once (a Thompson NFA), not by a regular expression: a
 * backtracking regex of `*a*a*a*b` or `**\/**\/**\/x` takes exponential time on a long name or a deep path, and a
 * config comes with the repository.
 */

/** One state of a compiled glob: consume a given character, any but `/`, or any; fork; or accept. */
type State =
  | { kind: 'char'; char: string; next: number }
  | { kind: 'segment'; next: number }
  | { kind: 'any'; next: number }
  | { kind: 'fork'; to: number[] }
  | { kind: 'match' };

type Node =
  | { kind: 'char'; char: string }
  | { kind: 'one' } // ?
  | { kind: 'star' } // *
  | { kind: 'globstar' } // ** (not before a slash)
  | { kind: 'folders' } // **/ : any number of whole folders, none included
  | { kind: 'alternatives'; options: Node[][] };

export type GlobMatcher = (relativePath: string) => boolean;

const compiled = new Map<string, GlobMatcher>();

/** The matcher for a glob (compiled once per glob). */
export function globMatcher(glob: string): GlobMatcher {
  let matcher = compiled.get(glob);
  if (!matcher) {
    matcher = compile(glob);
    compiled.set(glob, matcher);
  }
  return matcher;
}

export function matchesAny(relativePath: string, globs: readonly string[]): boolean {
  return globs.some((g) => globMatcher(g)(relativePath));
}

function compile(glob: string): GlobMatcher {
  const pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  const nodes = parse(pattern);
  if (!pattern.includes('/')) nodes.unshift({ kind: 'folders' });
  if (pattern.endsWith('/')) nodes.push({ kind: 'globstar' });
  const states: State[] = [{ kind: 'match' }];
  const start = build(nodes, 0, states);
  return (path) => run(states, start, path);
}

/** The glob as nodes; `{` opens alternatives that `}` closes (an unclosed one runs to the end), `,` separates them. */
function parse(pattern: string): Node[] {
  let i = 0;
  const sequence = (inBraces: boolean): Node[] => {
    const out: Node[] = [];
    while (i < pattern.length) {
      const c = pattern[i]!;
      if (inBraces && (c === ',' || c === '}')) return out;
      i++;
      if (c === '*') {
        if (pattern[i] === '*') {
          i++;
          if (pattern[i] === '/') {
            i++;
            out.push({ kind: 'folders' });
          } else out.push({ kind: 'globstar' });
        } else out.push({ kind: 'star' });
      } else if (c === '?') out.push({ kind: 'one' });
      else if (c === '{') {
        const options = [sequence(true)];
        while (pattern[i] === ',') {
          i++;
          options.push(sequence(true));
        }
        if (pattern[i] === '}') i++;
        out.push({ kind: 'alternatives', options });
      } else out.push({ kind: 'char', char: c });
    }
    return out;
  };
  return sequence(false);
}

/** Adds the states for `nodes`, built back to front, each leading to `next`; returns the first. */
function build(nodes: readonly Node[], next: number, states: State[]): number {
  const add = (state: State) => states.push(state) - 1;
  const loop = (kind: 'segment' | 'any', then: number) => {
    const fork: State & { kind: 'fork' } = { kind: 'fork', to: [] };
    const at = add(fork);
    fork.to.push(add({ kind, next: at }), then);
    return at;
  };
  let at = next;
  for (let n = nodes.length - 1; n >= 0; n--) {
    const node = nodes[n]!;
    if (node.kind === 'char') at = add({ kind: 'char', char: node.char, next: at });
    else if (node.kind === 'one') at = add({ kind: 'segment', next: at });
    else if (node.kind === 'star') at = loop('segment', at);
    else if (node.kind === 'globstar') at = loop('any', at);
    else if (node.kind === 'folders') {
      // (anything ending in /)? : skip, or any characters then a slash.
      const slash = add({ kind: 'char', char: '/', next: at });
      at = add({ kind: 'fork', to: [loop('any', slash), at] });
    } else at = add({ kind: 'fork', to: node.options.map((option) => build(option, at, states)) });
  }
  return at;
}

/** Every state reachable at once, one character at a time: time linear in the path times the glob. */
function run(states: readonly State[], start: number, path: string): boolean {
  const seen = new Int32Array(states.length).fill(-1);
  let current: number[] = [];
  const enter = (from: number, step: number, into: number[]) => {
    const pending = [from];
    while (pending.length) {
      const s = pending.pop()!;
      if (seen[s] === step) continue;
      seen[s] = step;
      const state = states[s]!;
      if (state.kind === 'fork') pending.push(...state.to);
      else into.push(s);
    }
  };
  enter(start, 0, current);
  for (let i = 0; i < path.length && current.length; i++) {
    const c = path[i]!;
    const next: number[] = [];
    for (const s of current) {
      const state = states[s]!;
      if (state.kind === 'fork' || state.kind === 'match') continue;
      if (state.kind === 'char' ? state.char === c : state.kind === 'any' || c !== '/') enter(state.next, i + 1, next);
    }
    current = next;
  }
  return current.some((s) => states[s]!.kind === 'match');
}
