/**
 * The body of the batch thread started by local-thread.ts: runs `runLocal` here (not in yet
 * another thread), posting progress and the summary (or the error) to the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { destroyPools } from '../../parallel/get-pool.js';
import { serializeError } from '../../parallel/protocol.js';
import { runtimeEnv } from '../process.js';
import { parseRecipe } from '../recipe.js';
import { type BatchCounts, runLocal } from './local.js';
import type { ThreadData, ThreadMessage } from './local-thread.js';

const port = parentPort;
if (port === null) throw new Error('local-thread-entry.js must run in a worker thread');
const data = workerData as ThreadData;
const post = (message: ThreadMessage) => port.postMessage(message);

const controller = new AbortController();
if (data.aborted) controller.abort();
port.on('message', (message) => message === 'abort' && controller.abort());
port.unref(); // the batch's own work keeps the thread alive, not the port

/**
 * Progress goes to the main thread for each of the first FIRST_ITEMS items, then at most every
 * PROGRESS_MS (and once at the end): a message per item would make the main thread's heap work,
 * and grow, with the item count; a caller that stops after a few items still sees each count.
 */
const FIRST_ITEMS = 64;
const PROGRESS_MS = 16;
let sentAt = Number.NEGATIVE_INFINITY;
let unsent: BatchCounts | undefined;
function progress(counts: BatchCounts): void {
  const now = performance.now();
  if (counts.done + counts.failed + counts.skipped > FIRST_ITEMS && now - sentAt < PROGRESS_MS) {
    unsent = counts;
    return;
  }
  sentAt = now;
  unsent = undefined;
  post({ t: 'progress', counts });
}

try {
  const summary = await runLocal({
    recipe: parseRecipe(data.recipe, runtimeEnv()),
    input: data.input,
    outDir: data.outDir,
    force: data.force,
    threads: data.threads,
    window: data.window,
    signal: controller.signal,
    onProgress: data.progress ? progress : undefined,
    thread: false,
  });
  if (unsent !== undefined) post({ t: 'progress', counts: unsent });
  post({ t: 'done', summary });
} catch (err) {
  post({ t: 'error', error: serializeError(err) });
} finally {
  await destroyPools();
}
