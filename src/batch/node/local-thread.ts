/**
 * `runLocal` on a thread of its own. The main thread's V8 heap cannot be capped once Node runs,
 * and a batch loop there made its young generation grow with the item count (main-thread new
 * space 8 → 16 → 32 MB over 2,000 → 20,000 items, live objects flat at 6.5 MB: all of it dead
 * fs requests, promises and buffers). On a thread created after `limitYoungGeneration`, the loop
 * runs in 1 MB semi-spaces, and the main thread only receives progress messages.
 *
 * The thread runs the built `dist/batch/node/local-thread-entry.js` (like the pool's workers):
 * from the TypeScript sources (vitest), build first.
 */
import { existsSync } from 'node:fs';
import { WorkerError } from '../../core/errors.js';
import { startNodeWorker } from '../../parallel/node-endpoint.js';
import { deserializeError, type SerializedError } from '../../parallel/protocol.js';
import type { RecipeJson } from '../recipe.js';
import type { InputSource } from './inputs.js';
import type { BatchCounts, BatchSummary, LocalOptions } from './local.js';
import { limitYoungGeneration } from './young-generation.js';

/** What the thread gets (structured-cloned): the options without functions or signals. */
export interface ThreadData {
  recipe: RecipeJson;
  input: InputSource;
  outDir: string;
  force: boolean;
  threads: number | undefined;
  window: number | undefined;
  /** Post a `progress` message after every finished item. */
  progress: boolean;
  /** The signal had already fired. */
  aborted: boolean;
}

/** Thread → main. (Main → thread: the string `abort`.) */
export type ThreadMessage =
  | { t: 'progress'; counts: BatchCounts }
  | { t: 'done'; summary: BatchSummary }
  | { t: 'error'; error: SerializedError };

const ENTRY = './local-thread-entry.js';

/** The entry script: beside this module once built; from the sources, the built one in dist/. */
export function threadEntryUrl(moduleUrl: string = import.meta.url): URL {
  if (!moduleUrl.endsWith('.ts')) return new URL(ENTRY, moduleUrl);
  const built = new URL('../../../dist/batch/node/local-thread-entry.js', moduleUrl);
  if (!existsSync(built)) {
    throw new WorkerError(
      `batch thread script ${built.pathname} is missing: run 'npm run build:ts' first (the batch thread runs the built dist/)`,
    );
  }
  return built;
}

export function runLocalThread(opts: LocalOptions): Promise<BatchSummary> {
  const { signal, onProgress } = opts;
  const data: ThreadData = {
    recipe: opts.recipe.json,
    input: opts.input,
    outDir: opts.outDir,
    force: opts.force ?? false,
    threads: opts.threads,
    window: opts.window,
    progress: onProgress !== undefined,
    aborted: signal?.aborted ?? false,
  };
  limitYoungGeneration(); // before the thread starts: it and the pool it creates get 1 MB semi-spaces
  const worker = startNodeWorker(threadEntryUrl(), { workerData: data });
  return new Promise<BatchSummary>((resolve, reject) => {
    let outcome: ThreadMessage | undefined;
    let thrown: unknown; // by onProgress: the batch stops and runLocal rejects with it
    const abort = () => worker.postMessage('abort');
    signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (message: ThreadMessage) => {
      if (message.t !== 'progress') {
        outcome = message;
        return;
      }
      if (thrown !== undefined) return;
      try {
        onProgress?.(message.counts);
      } catch (err) {
        thrown = err;
        abort();
      }
    });
    worker.on('error', (err) => {
      outcome ??= {
        t: 'error',
        error: {
          name: err.name,
          message: `batch thread failed: ${err.message}`,
          code: 'E_WORKER',
          arg: undefined,
          stack: err.stack,
          trap: false,
        },
      };
    });
    worker.on('exit', (code) => {
      signal?.removeEventListener('abort', abort);
      if (thrown !== undefined) reject(thrown);
      else if (outcome?.t === 'done') resolve(outcome.summary);
      else if (outcome?.t === 'error') reject(deserializeError(outcome.error, 'runLocal'));
      else reject(new WorkerError(`batch thread exited with code ${code} before finishing`));
    });
  });
}
