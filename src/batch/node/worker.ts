/**
 * `convolab worker`: a BullMQ worker whose processor is a sandboxed file (processor.ts, run in
 * child processes), so CPU-heavy items never stall lock renewal. A worker killed mid-job loses
 * its lock; after `lockMs` the job is stalled and handed to another worker, which redoes it
 * (outputs are idempotent).
 */
import { existsSync } from 'node:fs';
import { IOError } from '../../core/errors.js';
import { connectionOptions, loadBullmq, openQueue, type RedisTarget } from './redis.js';

export interface WorkerOptions {
  target: RedisTarget;
  queueName: string;
  /** Jobs processed at once (each in its own child process). */
  concurrency: number;
  /** Lock duration: a dead worker's job is retried after about this long (default 30 s). */
  lockMs?: number;
  signal: AbortSignal;
  log: (line: string) => void;
  /** Also log every job's start and completion. */
  verbose?: boolean;
}

/** The built processor file: next to this module in dist/, or dist/ when running from src/. */
export function processorUrl(moduleUrl: string = import.meta.url): URL {
  if (!moduleUrl.endsWith('.ts')) return new URL('./processor.js', moduleUrl);
  const built = new URL('../../../dist/batch/node/processor.js', moduleUrl);
  if (!existsSync(built)) throw new IOError(`${built.pathname} is missing: run 'npm run build:ts' first`, 'processor');
  return built;
}

/** Runs until `signal` fires, then finishes the jobs in hand and closes. */
export async function runWorker(opts: WorkerOptions): Promise<{ completed: number; failed: number }> {
  const bull = await loadBullmq();
  const probe = await openQueue(bull, opts.target, opts.queueName);
  for (const w of probe.warnings) opts.log(`warning: ${w}`);
  await probe.queue.close();
  const lockMs = opts.lockMs ?? 30_000;
  const worker = new bull.Worker(opts.queueName, processorUrl(), {
    connection: connectionOptions(opts.target, false),
    concurrency: opts.concurrency,
    lockDuration: lockMs,
    stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
    maxStalledCount: 2,
  });
  let completed = 0;
  let failed = 0;
  worker.on('completed', () => completed++);
  worker.on('failed', (job, err) => {
    failed++;
    opts.log(`job ${job?.id ?? '?'} (${job?.data?.input ?? '?'}) failed: ${err.message}`);
  });
  if (opts.verbose) {
    worker.on('active', (job) => opts.log(`active ${job.id} ${job.data?.input ?? ''}`));
    worker.on('completed', (job, result) => opts.log(`completed ${job.id} ${result?.outcome ?? ''} ${result?.output ?? ''}`));
  }
  worker.on('error', (err) => opts.log(`worker error: ${err.message}`));
  opts.log(`listening on ${opts.target.display} queue ${opts.queueName}, concurrency ${opts.concurrency}`);
  await new Promise<void>((resolve) => {
    if (opts.signal.aborted) resolve();
    else opts.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await worker.close();
  return { completed, failed };
}
