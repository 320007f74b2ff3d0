/**
 * Creating pools: `getPool` returns a shared, lazily created pool per thread count;
 * `createPool` a private one. One thread means the inline pool (no worker).
 */
import { InlinePool } from './inline-pool.js';
import { platformSpawn } from './platform.js';
import { type Pool, WorkerPool } from './pool.js';
import { resolveThreads } from './threads.js';

export interface PoolOptions {
  /** Number of threads: a positive integer; default `CONVOLAB_THREADS`, else the number of cores. */
  threads?: number;
}

const shared = new Map<number, Pool>();

/** A new pool of its own; destroy it when done (idle workers do not keep Node alive anyway). */
export function createPool(options: PoolOptions = {}): Pool {
  return makePool(resolveThreads(options.threads));
}

/** The shared pool with `threads` threads, created on first use; `destroy()` removes it. */
export function getPool(options: PoolOptions = {}): Pool {
  const size = resolveThreads(options.threads);
  let pool = shared.get(size);
  if (pool === undefined) {
    pool = makePool(size, () => shared.delete(size));
    shared.set(size, pool);
  }
  return pool;
}

/** Destroys every shared pool. */
export async function destroyPools(): Promise<void> {
  await Promise.all([...shared.values()].map((pool) => pool.destroy()));
}

function makePool(size: number, onDestroy?: () => void): Pool {
  return size === 1 ? new InlinePool(onDestroy) : new WorkerPool(size, platformSpawn(), onDestroy);
}
