/**
 * A local batch: inputs streamed from their source through the worker pool, a fixed window of
 * items in flight (bounded memory), each output written atomically, each finished item journaled
 * (fsync'd) so that a rerun skips it. A failing item (corrupt file, pixel bomb) is journaled with
 * its error and the batch goes on.
 */
import { access, mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { AbortError, ConvolabError, IOError, WorkerError } from '../../core/errors.js';
import { getPool } from '../../parallel/get-pool.js';
import type { Pool } from '../../parallel/pool.js';
import { outputName } from '../output-name.js';
import type { Processed } from '../process.js';
import type { Recipe } from '../recipe.js';
import type { ProcessArgs } from '../task.js';
import { itemId, recipeKey } from './ids.js';
import { type InputItem, type InputSource, listInputs } from './inputs.js';
import { Journal } from './journal.js';
import { lockOutDir } from './lock.js';
import { sweepTemp, writeOutput } from './output.js';

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
  /** Called after every finished item. */
  onProgress?: (counts: BatchCounts) => void;
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
    const inFlight = new Set<Promise<void>>();
    for await (const item of listInputs(opts.input, resolve(outDir))) {
      if (signal?.aborted) break;
      run.counts.seen++;
      const id = itemId(key, item.path);
      if (journal.done.has(id) && (await exists(resolve(outDir, outputName(opts.recipe.json.output, item.rel, opts.recipe.format))))) {
        run.counts.skipped++;
        opts.onProgress?.({ ...run.counts });
        continue;
      }
      const p = runItem(run, item, id).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= window) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
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

let youngGenerationLimited = false;

/**
 * Caps V8's young generation (1 MB semi-spaces) for the isolates created from now on — the pool's
 * worker threads. Each item allocates many short-lived buffers (decode, steps, deflate); with the
 * default limit a worker's young generation keeps growing towards 16 MB semi-spaces as the batch
 * goes on, holding more and more dead ArrayBuffers, and the peak RSS of a 2-thread batch rose
 * with the item count (135 MB at 2,000 items, 161 MB at 8,000, 188 MB at 20,000, 214–243 MB at
 * 40,000). Capped it stays flat (about 105–111 MB) at the same speed. Once per process.
 */
function limitYoungGeneration(): void {
  if (youngGenerationLimited) return;
  youngGenerationLimited = true;
  setFlagsFromString('--max-semi-space-size=1');
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
