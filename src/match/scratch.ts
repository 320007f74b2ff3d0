/**
 * Reusable float64 work buffers for the big per-call arrays (spectra of a few tens of MB): a
 * call takes buffers and gives them back when done, so repeated calls of one size neither
 * allocate nor page-fault. Synchronous use only (nothing is held across an await). At most
 * `KEEP` buffers are kept (call clearBuffers() to free them); contents are not cleared.
 */
const KEEP = 2;
const free: Float64Array[] = [];

/** A buffer of at least n elements (its first n are used; contents arbitrary). */
export function takeBuffer(n: number): Float64Array {
  let best = -1;
  for (let i = 0; i < free.length; i++) if (free[i].length >= n && (best < 0 || free[i].length < free[best].length)) best = i;
  if (best < 0) return new Float64Array(n);
  const [buf] = free.splice(best, 1);
  return buf.length === n ? buf : buf.subarray(0, n);
}

export function giveBuffer(buf: Float64Array): void {
  const whole = buf.length === buf.buffer.byteLength / 8 ? buf : new Float64Array(buf.buffer as ArrayBuffer);
  free.push(whole);
  if (free.length > KEEP) {
    free.sort((a, b) => b.length - a.length);
    free.length = KEEP;
  }
}

/** Drop every kept buffer (frees their memory). */
export function clearBuffers(): void {
  free.length = 0;
}
