/**
 * A local batch: inputs streamed from their source through the worker pool, a fixed window of
 * items in flight (bounded memory), each output written atomically, each finished item journaled
 * (fsync'd) so that a rerun skips it. A failing item (corrupt file, pixel bomb) is journaled with
 * its error and the batch goes on. The loop runs on a thread of its own (local-thread.ts), so the
 * main thread's heap does not grow with the item count.
 */
import { access, mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AbortError, ConvolabError, IOError, WorkerError } from '../../core/errors.js';
import { getPool } from '../../parallel/get-pool.js';
import type { Pool } from '../../parallel/pool.js';
import { outputName } from '../output-name.js';
import type { Processed } from '../process.js';
import type { Recipe } from '../recipe.js';
import type { ProcessArgs } from '../task.js';
import { itemId, recipeKey } from './ids.js';
import { InFlight } from './in-flight.js';
import { type InputItem, type InputSource, listInputs } from './inputs.js';
import { Journal } from './journal.js';
import { runLocalThread } from './local-thread.js';
import { lockOutDir } from './lock.js';
import { sweepTemp, writeOutput } from './output.js';
import { limitYoungGeneration } from './young-generation.js';

export interface LocalOptions {
  recipe: Recipe;
  input: InputSource;
  /** Absolute output folder (created when missing). */
  outDir: string;
  /** Overwrite existing outputs whose contents differ. */
  force?: boolean;
  /** Worker threads (default: the pool's default, i.e. CONVOLAB_THREADS or the cores). */
  threads?: number;
  /** Items in flight at once (default max(8, 4 × threads)). */
  window?: number;
  signal?: AbortSignal;
  /**
   * Called with the counts as items finish, on the calling thread: after every item with
   * `thread: false`; from the batch thread after each of the first 64 items, then at most every
   * 16 ms, and once with the final counts.
   */
  onProgress?: (counts: BatchCounts) => void;
  /**
   * Run the batch loop on a thread of its own (default true): the calling thread then only gets
   * progress calls, and its heap stays flat however many items there are. False runs it here.
   */
  thread?: boolean;
}

export interface BatchCounts {
  /** Items seen so far (done + skipped + failed + in flight). */
  seen: number;
  done: number;
  skipped: number;
  failed: number;
}

export interface ItemFailure {
  input: string;
  code: string;
  message: string;
}

export interface BatchSummary extends BatchCounts {
  failures: ItemFailure[];
  /** True when the run stopped early on a signal (finished items are journaled). */
  interrupted: boolean;
  seconds: number;
}

/** The most failures kept in the summary (all of them are in the journal). */
export const MAX_REPORTED_FAILURES = 1000;

export async function runLocal(opts: LocalOptions): Promise<BatchSummary> {
  if (opts.thread ?? true) return runLocalThread(opts);
  const { outDir, signal } = opts;
  if (opts.input.kind !== 'manifest' && resolve(opts.input.root) === resolve(outDir)) {
    throw new IOError(`--out ${outDir}: the output folder must not be the input folder`, 'out');
  }
  await mkdir(outDir, { recursive: true }).catch((err: Error) => {
    throw new IOError(`--out ${outDir}: cannot create (${err.message})`, 'out', { cause: err });
  });
  const unlock = await lockOutDir(outDir);
  const started = performance.now();
  const run: Run = { opts, counts: { seen: 0, done: 0, skipped: 0, failed: 0 }, failures: [], journal: undefined, pool: undefined };
  try {
    await sweepTemp(outDir);
    const journal = await Journal.open(outDir);
    run.journal = journal;
    limitYoungGeneration();
    run.pool = getPool(opts.threads === undefined ? {} : { threads: opts.threads });
    const window = opts.window ?? Math.max(8, 4 * run.pool.size); // enough to overlap the fsyncs with compute
    const key = recipeKey(opts.recipe.json);
    const inFlight = new InFlight(window);
    for await (const item of listInputs(opts.input, resolve(outDir))) {
      if (signal?.aborted) break;
      run.counts.seen++;
      const id = itemId(key, item.path);
      if (journal.done.has(id) && (await exists(resolve(outDir, outputName(opts.recipe.json.output, item.rel, opts.recipe.format))))) {
        run.counts.skipped++;
        opts.onProgress?.({ ...run.counts });
        continue;
      }
      inFlight.add(runItem(run, item, id));
      await inFlight.room();
    }
    await inFlight.drain();
  } finally {
    await run.journal?.close();
    await sweepTemp(outDir).catch(() => 0);
    await unlock();
  }
  const { counts, failures } = run;
  return { ...counts, failures, interrupted: signal?.aborted ?? false, seconds: (performance.now() - started) / 1000 };
}

/** The state of one local run, shared by its items. */
interface Run {
  opts: LocalOptions;
  counts: BatchCounts;
  failures: ItemFailure[];
  journal: Journal | undefined;
  pool: Pool | undefined;
}

/** One item: read, process on the pool, write atomically, journal; a failure is journaled too. */
async function runItem(run: Run, item: InputItem, id: string): Promise<void> {
  const { recipe, outDir, signal } = run.opts;
  const journal = run.journal as Journal;
  const output = outputName(recipe.json.output, item.rel, recipe.format);
  try {
    if (resolve(outDir, output) === item.path) {
      throw new IOError(`${item.path}: the output would overwrite the input; change "output"`, 'output');
    }
    const bytes = await readFile(item.path).catch((err: Error) => {
      throw new IOError(`${item.path}: cannot read (${err.message})`, item.path, { cause: err });
    });
    const input = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await processOnPool(run.pool as Pool, { bytes: input, recipe: recipe.json, name: item.path }, signal);
    await writeOutput(outDir, output, result.bytes, run.opts.force ?? false);
    await journal.record({ t: 'done', id, input: item.path, output, ...(result.info ? { info: result.info } : {}) });
    run.counts.done++;
  } catch (err) {
    if (signal?.aborted) return; // not a failure of the item: it is redone next run
    const { code, message } = describeError(err);
    await journal.record({ t: 'failed', id, input: item.path, error: { code, message } });
    run.counts.failed++;
    if (run.failures.length < MAX_REPORTED_FAILURES) run.failures.push({ input: item.path, code, message });
  }
  run.opts.onProgress?.({ ...run.counts });
}

/**
 * `batch.process` on the pool. A crashed worker thread is not the item's fault: the item is tried
 * once more (the first try gets a copy of the bytes, which it takes over) before the error stands.
 */
export async function processOnPool(pool: Pool, args: ProcessArgs, signal: AbortSignal | undefined): Promise<Processed> {
  const first = args.bytes.slice();
  try {
    return await pool.run<Processed>('batch.process', { ...args, bytes: first }, { signal, transfer: transferable(first) });
  } catch (err) {
    if (!(err instanceof WorkerError) || signal?.aborted) throw err;
    return await pool.run<Processed>('batch.process', args, { signal, transfer: transferable(args.bytes) });
  }
}

/** True when `path` exists (a journaled output deleted since is made again). */
function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The buffer of `bytes` when it can be moved to a worker (it is the whole buffer). */
function transferable(bytes: Uint8Array): ArrayBuffer[] {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : [];
}

/** An error's code and message for the journal and the summary. */
export function describeError(err: unknown): { code: string; message: string } {
  if (err instanceof ConvolabError) return { code: err.code, message: err.message };
  if (err instanceof AbortError) return { code: 'E_ABORT', message: err.message };
  return { code: 'E_INTERNAL', message: err instanceof Error ? err.message : String(err) };
}
