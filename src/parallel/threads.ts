/**
 * How many threads a pool gets: an explicit `threads` option, else `CONVOLAB_THREADS`, else the
 * machine's cores (`navigator.hardwareConcurrency` in browsers, `os.availableParallelism()` in Node).
 */
import { ArgumentError } from '../core/errors.js';

/** `threads` if given (a positive integer, else an ArgumentError naming `threads`), else the default. */
export function resolveThreads(threads?: number): number {
  if (threads === undefined) return defaultThreads();
  if (typeof threads !== 'number' || !Number.isInteger(threads) || threads < 1) {
    throw new ArgumentError(`threads: expected a positive integer, got ${String(threads)}`, 'threads');
  }
  return threads;
}

/** `CONVOLAB_THREADS` (Node) if set, else the number of cores; 1 when nothing is known. */
export function defaultThreads(): number {
  const env = typeof process !== 'undefined' ? process.env?.CONVOLAB_THREADS : undefined;
  if (env !== undefined && env.trim() !== '') {
    const n = Number(env);
    if (!Number.isInteger(n) || n < 1) {
      throw new ArgumentError(`CONVOLAB_THREADS: expected a positive integer, got '${env}'`, 'CONVOLAB_THREADS');
    }
    return n;
  }
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : undefined;
  if (typeof cores === 'number' && cores >= 1) return cores;
  // Node 20 has no `navigator`; getBuiltinModule (Node >= 20.16) avoids a static `node:` import.
  const os = typeof process !== 'undefined' ? process.getBuiltinModule?.('node:os') : undefined;
  return os ? Math.max(1, os.availableParallelism()) : 1;
}
