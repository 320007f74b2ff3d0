/**
 * Workers for Node: `worker_threads`, reached through `process.getBuiltinModule` (Node >= 20.16)
 * so that this module has no static `node:` import and a browser bundle can include it unused.
 */
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { WorkerError } from '../core/errors.js';
import type { Endpoint, Spawn } from './pool.js';
import type { TaskReply } from './protocol.js';

// The worker script sits next to this module once built: dist/parallel/node-worker.js. (The file
// name is a constant, not a literal inside `new URL(…)`, so that bundlers do not try to copy a
// Node-only script into a browser build.)
const WORKER_FILE = './node-worker.js';

/**
 * The URL of the worker script. When this module runs from its TypeScript source (vitest runs
 * src/*.ts), Node 20 cannot run a .ts file in a worker, so the built file in dist/parallel/ is
 * used instead: build first (`npm run build:ts`, which `npm test` does).
 */
export function nodeWorkerUrl(moduleUrl: string = import.meta.url): URL {
  if (!moduleUrl.endsWith('.ts')) return new URL(WORKER_FILE, moduleUrl);
  const built = new URL('../../dist/parallel/node-worker.js', moduleUrl);
  if (!process.getBuiltinModule('node:fs').existsSync(built)) {
    throw new WorkerError(`worker script ${built.pathname} is missing: run 'npm run build:ts' first (Node workers run the built dist/)`);
  }
  return built;
}

/**
 * The parent's Node flags minus `--input-type` (without this, a pool used from
 * `node --input-type=module -e '…'` has every worker fail). V8 options (`--max-old-space-size`,
 * `--stack-size`, `--expose-gc`, `--jitless`…) already apply to the whole process, and a Worker
 * refuses them: startNodeWorker drops the ones it names.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i];
    if (flag === '--input-type') i++;
    else if (!flag.startsWith('--input-type=')) kept.push(flag);
  }
  return kept;
}

/**
 * `new Worker(url, options)` with the parent's flags (workerExecArgv). Node refuses per-process
 * V8 flags in a worker's execArgv with ERR_WORKER_INVALID_EXEC_ARGV, naming them after
 * "flags: "; those are dropped and the worker is started again (with no flags at all if the
 * message cannot be read).
 */
export function startNodeWorker(url: URL, options: WorkerOptions = {}, execArgv: readonly string[] = process.execArgv): Worker {
  const { Worker: NodeWorker } = process.getBuiltinModule('node:worker_threads');
  const flags = workerExecArgv(execArgv);
  try {
    return new NodeWorker(url, { ...options, execArgv: flags });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    const named = String((error as Error).message).split('flags: ')[1] ?? '';
    const refused = new Set(named.split(/,\s*/).filter((f) => f !== ''));
    const kept = flags.filter((f) => !refused.has(f));
    return new NodeWorker(url, { ...options, execArgv: kept.length < flags.length ? kept : [] });
  }
}

export const spawnNodeWorker: Spawn = (events) => {
  const worker = startNodeWorker(nodeWorkerUrl());
  worker.unref(); // idle workers never keep the process alive
  worker.on('message', (reply: TaskReply) => events.message(reply));
  worker.on('messageerror', (error) => events.failure('sent a message that could not be read', error));
  worker.on('error', (error) => events.failure(`threw an uncaught ${error.name}: ${error.message}`, error));
  worker.on('exit', (code) => events.failure(`exited with code ${code}`));
  const endpoint: Endpoint = {
    post: (request, transfer) => worker.postMessage(request, transfer as never),
    terminate: async () => {
      await worker.terminate();
    },
    setBusy: (busy) => (busy ? worker.ref() : worker.unref()),
  };
  return endpoint;
};
