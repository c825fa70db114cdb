import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { realPath } from '../discover/paths.ts';

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

export function isPullRequestEvent(name: string | undefined): boolean {
  return name !== undefined && PULL_REQUEST_EVENTS.has(name);
}

export type ChangedFiles = { base: string; files: Set<string> } | { error: string };

/** Files the pull request changes (added, modified, renamed; not deleted) since it left its base branch. */
export function changedFiles(workspace: string, eventPath: string | undefined): ChangedFiles {
  if (!eventPath) return { error: 'GITHUB_EVENT_PATH is not set' };
  let base: unknown;
  try {
    base = JSON.parse(readFileSync(eventPath, 'utf8'))?.pull_request?.base?.sha;
  } catch (error) {
    return { error: `cannot read the event payload: ${(error as Error).message}` };
  }
  // Checked before it reaches git's command line, where a leading '-' would be an option.
  if (typeof base !== 'string' || !/^[0-9a-f]{7,64}$/i.test(base)) return { error: 'the event payload has no pull_request.base.sha' };
  const git = (args: string[]) =>
    execFileSync('git', args, { cwd: workspace, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  try {
    // git prints paths relative to the top of the repository, which need not be the workspace.
    const top = git(['rev-parse', '--show-toplevel']).trim();
    const names = git(['diff', '--name-only', '-z', '--diff-filter=d', `${base}...HEAD`, '--'])
      .split('\0')
      .filter(Boolean);
    return { base, files: new Set(names.map((name) => realPath(path.resolve(top, name)))) };
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    const detail =
      e.code === 'ENOENT'
        ? 'git is not installed'
        : String(e.stderr ?? '')
            .trim()
            .split('\n')[0] || e.message;
    return { error: `git diff ${base.slice(0, 12)}...HEAD failed (${detail})` };
  }
}
