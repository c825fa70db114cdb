// `--jobs N`: a run split over worker threads. Each thread discovers the same units and lints every N-th family of
// them (a template with the ones it nests, a cloud assembly, as --shard splits them); the parts are merged in the
// order one thread would have produced them, so every report is the same, byte for byte, whatever N is.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { discoverFiles } from '../discover/files.ts';
import { ProjectFiles } from '../discover/read.ts';
import { UsageError } from '../errors.ts';
import { sortFindings, type LintOptions, type Part, type RunOrder, type WorkerSetup } from './lint.ts';
import { unionInRegistryOrder } from './registry.ts';
import { rules as registeredRules } from '../../rules/index.ts';
import type { LintResult } from './types.ts';

/**
 * Below this many templates per thread a run stays on one: a thread costs its start (about 300 ms to its first
 * template on a two-core machine: loading the bundle, the config, discovery and the nested-stack scan of every file)
 * and warms up V8's compiler on its own, which a hundred templates do not pay back.
 */
export const MIN_UNITS_PER_WORKER = 150;

/**
 * The default --jobs: half the cores. One linting thread already keeps V8's background compiler and garbage
 * collector busy on another core (on two cores, a run of the corpus takes 16 s of CPU in 12 s), so a thread per core
 * would compete with them: on two cores the default is one thread.
 */
export function defaultJobs(cores: number): number {
  return Math.max(1, Math.floor(cores / 2));
}

/** What a worker is told: the run's options that can cross a thread, how to load the config, and its part. */
export interface WorkerTask {
  options: SerializableOptions;
  setup: WorkerSetup;
  part: Part;
}

type SerializableOptions = Omit<LintOptions, 'config' | 'rules' | 'onProgress' | 'only' | 'stdin' | 'stacks' | 'workers' | 'jobs'>;

export type WorkerMessage =
  | { kind: 'progress'; done: number }
  | { kind: 'done'; result: LintResult; order: RunOrder }
  | { kind: 'error'; message: string; usage: boolean; stack?: string };

/**
 * The run on up to `jobs` threads, or undefined when it is better run on this one (too few templates, or no worker
 * script beside this module, as when the sources run under a test runner).
 */
export async function lintInWorkers(options: LintOptions, setup: WorkerSetup, jobs: number): Promise<LintResult | undefined> {
  const script = new URL('./worker.js', import.meta.url);
  if (script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return undefined;
  const cwd = options.cwd ?? process.cwd();
  let count: number;
  try {
    const discovered = await discoverFiles(options.paths, cwd, new ProjectFiles(path.resolve(cwd, options.root ?? cwd), options.maxFileSize));
    count = discovered.filter((d) => !d.skipReason).length;
  } catch {
    return undefined; // the run on this thread says what is wrong, as it would without --jobs
  }
  const threads = Math.min(jobs, Math.floor(count / MIN_UNITS_PER_WORKER));
  if (threads < 2) return undefined;

  const { config: _config, rules: _rules, onProgress, only: _only, stdin: _stdin, stacks: _stacks, workers: _workers, jobs: _jobs, ...rest } = options;
  const serializable: SerializableOptions = { ...rest, cwd };
  const done = new Array<number>(threads).fill(0);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, index) =>
      runWorker(script, { options: serializable, setup, part: { index, count: threads } }, (n) => {
        done[index] = n;
        onProgress?.(
          done.reduce((a, b) => a + b, 0),
          count,
        );
      }),
    ),
  );
  const merged = mergeParts(parts, cwd, options.rules ?? registeredRules);
  // A nested template that only a computed TemplateURL leads to (the pre-scan reads literal ones) can fall in another
  // thread's share than its parent, and be linted by both: the run is then done again on one thread, as it should be.
  if (new Set(merged.files.map((f) => f.file)).size !== merged.files.length) return undefined;
  return merged;
}

function runWorker(script: URL, task: WorkerTask, progress: (done: number) => void): Promise<{ result: LintResult; order: RunOrder }> {
  return new Promise((resolve, reject) => {
    // The thread takes this process's Node options, less those about how the main module was given (-e, --input-type).
    const execArgv = process.execArgv.filter((a) => !/^--(input-type|eval|print)\b|^-[ep]$/.test(a));
    const worker = new Worker(script, { workerData: task, execArgv });
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') progress(message.done);
      else if (message.kind === 'done') {
        settled = true;
        resolve({ result: message.result, order: message.order });
      } else {
        settled = true;
        const error = message.usage ? new UsageError(message.message) : new Error(message.message);
        if (message.stack && !message.usage) error.stack = message.stack;
        reject(error);
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`a worker thread stopped (exit code ${code}) before finishing its part of the run`));
    });
  });
}

/** The parts as the one run they are: files and failures in one thread's order, findings sorted, rules once. */
export function mergeParts(parts: ReadonlyArray<{ result: LintResult; order: RunOrder }>, cwd: string, registry: ReadonlyArray<{ id: string }>): LintResult {
  const inOrder = <T>(pick: (part: { result: LintResult; order: RunOrder }) => { items: readonly T[]; calls: readonly number[] }): T[] => {
    const all: Array<{ item: T; call: number; part: number; seq: number }> = [];
    parts.forEach((part, p) => {
      const { items, calls } = pick(part);
      items.forEach((item, seq) => all.push({ item, call: calls[seq]!, part: p, seq }));
    });
    // A top-level visit happens in one part, so its items keep their order; visits go in the run's order.
    all.sort((a, b) => a.call - b.call || a.part - b.part || a.seq - b.seq);
    return all.map((e) => e.item);
  };
  const shard = parts[0]!.result.shard;
  return {
    cwd,
    files: inOrder((p) => ({ items: p.result.files, calls: p.order.files })),
    findings: sortFindings(parts.flatMap((p) => p.result.findings)),
    rules: unionInRegistryOrder(
      parts.map((p) => p.result.rules),
      registry,
    ),
    threads: parts.length,
    failures: inOrder((p) => ({ items: p.result.failures, calls: p.order.failures })),
    ...(shard ? { shard: { ...shard, units: parts.reduce((n, p) => n + (p.result.shard?.units ?? 0), 0) } } : {}),
  };
}
