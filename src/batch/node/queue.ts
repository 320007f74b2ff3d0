/**
 * The distributed batch on BullMQ: one job per item (job id = the item id, so enqueueing the same
 * batch again adds nothing), the queue's counts for `--status`, and `--wait` until it drains.
 */
import { resolve } from 'node:path';
import type { Job, Queue } from 'bullmq';
import { outputName } from '../output-name.js';
import type { Recipe } from '../recipe.js';
import { itemId, recipeKey } from './ids.js';
import { type InputSource, listInputs } from './inputs.js';
import type { JobData } from './item.js';

/** Retries of a failing job (unrecoverable errors are not retried), with exponential backoff from `BACKOFF_MS`. */
export const JOB_ATTEMPTS = 3;
export const BACKOFF_MS = 1000;
const CHUNK = 500;

export interface EnqueueOptions {
  recipe: Recipe;
  input: InputSource;
  outDir: string;
  force?: boolean;
  onProgress?: (items: number) => void;
}

/** Adds one job per item, in chunks; returns the number of items. */
export async function enqueueBatch(queue: Queue, opts: EnqueueOptions): Promise<number> {
  const key = recipeKey(opts.recipe.json);
  const outDir = resolve(opts.outDir);
  let chunk: Parameters<Queue['addBulk']>[0] = [];
  let items = 0;
  const flush = async () => {
    if (chunk.length > 0) await queue.addBulk(chunk);
    chunk = [];
    opts.onProgress?.(items);
  };
  for await (const item of listInputs(opts.input, outDir)) {
    const data: JobData = {
      input: item.path,
      outDir,
      output: outputName(opts.recipe.json.output, item.rel, opts.recipe.format),
      recipe: opts.recipe.json,
      force: opts.force ?? false,
    };
    chunk.push({
      name: 'item',
      data,
      opts: {
        jobId: itemId(key, item.path),
        attempts: JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: BACKOFF_MS },
        removeOnComplete: { age: 7 * 24 * 3600 },
        removeOnFail: false,
      },
    });
    items++;
    if (chunk.length >= CHUNK) await flush();
  }
  await flush();
  return items;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

export async function queueCounts(queue: Queue): Promise<QueueCounts> {
  const c = await queue.getJobCounts('waiting', 'prioritized', 'paused', 'active', 'delayed', 'completed', 'failed');
  return {
    waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.paused ?? 0),
    active: c.active ?? 0,
    delayed: c.delayed ?? 0,
    completed: c.completed ?? 0,
    failed: c.failed ?? 0,
  };
}

export interface JobFailure {
  id: string;
  input: string;
  message: string;
  attempts: number;
}

/** The failed-jobs list (poison items), newest first, at most `limit`. */
export async function failedJobs(queue: Queue, limit = 100): Promise<JobFailure[]> {
  const jobs = (await queue.getFailed(0, limit - 1)) as Job<JobData>[];
  return jobs.map((j) => ({ id: String(j.id), input: j.data?.input ?? '', message: j.failedReason ?? '', attempts: j.attemptsMade }));
}

/** Polls until no job is waiting, active or delayed; resolves with the final counts. */
export async function waitForQueue(
  queue: Queue,
  opts: { signal?: AbortSignal; intervalMs?: number; onProgress?: (c: QueueCounts) => void } = {},
): Promise<QueueCounts> {
  for (;;) {
    const c = await queueCounts(queue);
    opts.onProgress?.(c);
    if (c.waiting + c.active + c.delayed === 0 || opts.signal?.aborted) return c;
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 500));
  }
}
