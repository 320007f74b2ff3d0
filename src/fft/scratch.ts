/**
 * A small pool of float64 scratch buffers, so plans keep no per-call state (re-entrant) and
 * repeated transforms do not allocate. `take` returns a buffer of exactly `length` scalars
 * (a view on a pooled buffer of at least that size); `give` returns it.
 */
const free: ArrayBuffer[] = [];
const MAX_POOLED = 8;

export function takeScratch(length: number): Float64Array {
  const bytes = length * 8;
  let best = -1;
  for (let i = 0; i < free.length; i++) {
    if (free[i].byteLength >= bytes && (best < 0 || free[i].byteLength < free[best].byteLength)) best = i;
  }
  if (best < 0) return new Float64Array(length);
  const buf = free.splice(best, 1)[0];
  return new Float64Array(buf, 0, length);
}

export function giveScratch(a: Float64Array): void {
  if (a.buffer instanceof ArrayBuffer && a.byteOffset === 0) {
    free.push(a.buffer);
    if (free.length > MAX_POOLED) {
      // drop the smallest buffer
      let min = 0;
      for (let i = 1; i < free.length; i++) if (free[i].byteLength < free[min].byteLength) min = i;
      free.splice(min, 1);
    }
  }
}
