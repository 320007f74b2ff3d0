/**
 * Splitting a range of work into contiguous chunks, one per thread.
 */
import { ArgumentError } from '../core/errors.js';
import { resolveThreads } from './threads.js';

/**
 * [start, end) chunks covering [0, n) in order: min(parts, ceil(n / align)) chunks whose
 * sizes differ by at most `align`, every boundary but the last a multiple of `align`.
 */
export function splitRange(n: number, parts: number, align = 1): Array<[start: number, end: number]> {
  if (!Number.isInteger(n) || n < 0) throw new ArgumentError(`n: expected a non-negative integer, got ${n}`, 'n');
  if (!Number.isInteger(parts) || parts < 1) throw new ArgumentError(`parts: expected a positive integer, got ${parts}`, 'parts');
  if (!Number.isInteger(align) || align < 1) throw new ArgumentError(`align: expected a positive integer, got ${align}`, 'align');
  const units = Math.ceil(n / align);
  const k = Math.min(parts, units);
  const chunks: Array<[number, number]> = [];
  for (let i = 0; i < k; i++) {
    const start = Math.floor((i * units) / k) * align;
    const end = Math.min(n, Math.floor(((i + 1) * units) / k) * align);
    chunks.push([start, end]);
  }
  return chunks;
}

/**
 * Calls `fn(start, end, index)` for each chunk of [0, n) split over `threads` (resolved like the
 * pool's option; 1 gives a single call over the whole range) and resolves with the results in order.
 * Typically `fn` is `(s, e) => pool.run('conv.rows', { …, start: s, end: e })`.
 */
export function parallelFor<R>(
  n: number,
  threads: number | undefined,
  fn: (start: number, end: number, index: number) => R | Promise<R>,
): Promise<Awaited<R>[]> {
  const chunks = splitRange(n, resolveThreads(threads));
  return Promise.all(chunks.map(([start, end], i) => fn(start, end, i)));
}
