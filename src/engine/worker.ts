// A worker thread of a --jobs run: loads the run's configuration as the CLI did, lints its part, and posts the part
// back with the order the merge needs (parallel.ts). Bundled on its own as dist/worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { rules } from '../../rules/index.ts';
import { loadConfig } from '../config/config.ts';
import { UsageError } from '../errors.ts';
import { lintRun } from './lint.ts';
import type { WorkerMessage, WorkerTask } from './parallel.ts';

const { options, setup, part } = workerData as WorkerTask;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
try {
  const cwd = options.cwd ?? process.cwd();
  const config = await loadConfig(setup.configFile, rules, cwd, setup.plugins, { root: options.root ?? cwd });
  const { result, order } = await lintRun({ ...options, config, rules: config.rules, onProgress: (done) => post({ kind: 'progress', done }) }, part);
  post({ kind: 'done', result, order });
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  post({ kind: 'error', message: e.message, usage: error instanceof UsageError, stack: e.stack });
}
