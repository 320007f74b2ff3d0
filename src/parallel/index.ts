/**
 * The worker pool: named tasks (tasks.ts) run on Node worker_threads or browser Web Workers,
 * over SharedArrayBuffers; one thread runs them inline.
 */
export { createPool, destroyPools, getPool, type PoolOptions } from './get-pool.js';
export type { Pool, RunOptions } from './pool.js';
export { parallelFor, splitRange } from './split.js';
export type { Task, TaskContext, TaskTable } from './task.js';
export { defaultThreads, resolveThreads } from './threads.js';
