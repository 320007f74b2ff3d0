/**
 * The one place that tells Node from a browser: which `Spawn` makes workers here.
 */
import { WorkerError } from '../core/errors.js';
import { spawnBrowserWorker } from './browser-endpoint.js';
import { spawnNodeWorker } from './node-endpoint.js';
import type { Spawn } from './pool.js';

/** True in Node (>= 20.16, which has `process.getBuiltinModule`). */
export function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string' && typeof process.getBuiltinModule === 'function';
}

/** The worker factory of this platform; a WorkerError when it has none. */
export function platformSpawn(): Spawn {
  if (isNode()) return spawnNodeWorker;
  if (typeof Worker !== 'undefined') return spawnBrowserWorker;
  throw new WorkerError('no worker threads here (neither Node worker_threads nor Web Workers): use threads: 1');
}
