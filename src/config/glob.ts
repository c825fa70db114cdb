/**
 * A glob as a regular expression over forward-slash paths relative to the working directory:
 * `**` crosses folders, `*` and `?` do not, `{a,b}` alternates. A pattern without a slash matches
 * the file name in any folder, as .gitignore and ESLint do.
 */
export function globToRegExp(glob: string): RegExp {
  let pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  const anywhere = !pattern.includes('/');
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const slash = pattern[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  // A folder pattern ("sandbox/") matches everything below it.
  if (pattern.endsWith('/')) out += '.*';
  return new RegExp(`^${anywhere ? '(?:.*/)?' : ''}${out}$`);
}

export function matchesAny(relativePath: string, globs: readonly string[]): boolean {
  return globs.some((g) => globToRegExp(g).test(relativePath));
}
