/**
 * 1-D edge extension with the convolution engine's boundary names (scipy.ndimage's:
 * constant, reflect, mirror, nearest, wrap, plus OpenCV's aliases reflect101 and replicate),
 * and a direct `valid` convolution. Kernels here are short (smoothing windows), so the
 * direct sum is the right tool.
 */
import { ArgumentError } from '../core/index.js';

export type Boundary = 'constant' | 'reflect' | 'mirror' | 'nearest' | 'wrap' | 'reflect101' | 'replicate';
const BOUNDARIES = ['constant', 'reflect', 'mirror', 'nearest', 'wrap', 'reflect101', 'replicate'];

export function checkBoundary(b: unknown, arg = 'boundary'): Boundary {
  if (typeof b !== 'string' || !BOUNDARIES.includes(b)) {
    throw new ArgumentError(`${arg}: expected one of ${BOUNDARIES.join(', ')}, got ${String(b)}`, arg);
  }
  return b as Boundary;
}

/** Index into [0, n) for a position outside it, under `boundary` (-1 means "use cval"). */
function sourceIndex(i: number, n: number, boundary: Boundary): number {
  if (i >= 0 && i < n) return i;
  switch (boundary) {
    case 'constant':
      return -1;
    case 'nearest':
    case 'replicate':
      return i < 0 ? 0 : n - 1;
    case 'wrap':
      return ((i % n) + n) % n;
    case 'reflect': {
      // dcba|abcd|dcba: period 2n
      const m = ((i % (2 * n)) + 2 * n) % (2 * n);
      return m < n ? m : 2 * n - 1 - m;
    }
    default: {
      // mirror / reflect101: dcb|abcd|cba, period 2n − 2
      if (n === 1) return 0;
      const period = 2 * n - 2;
      const m = ((i % period) + period) % period;
      return m < n ? m : period - m;
    }
  }
}

/** `x` extended by `before` and `after` samples. */
export function pad1d(x: Float64Array, before: number, after: number, boundary: Boundary, cval = 0): Float64Array {
  const n = x.length;
  const out = new Float64Array(n + before + after); // [before | n | after]
  for (let i = 0; i < out.length; i++) {
    const src = sourceIndex(i - before, n, boundary);
    out[i] = src < 0 ? cval : x[src];
  }
  return out;
}

/** y[i] = Σ_j k[j] · xp[i + K − 1 − j], i.e. scipy.signal.convolve(xp, k, 'valid'). */
export function convolveValid(xp: Float64Array, k: Float64Array): Float64Array {
  const K = k.length;
  const out = new Float64Array(Math.max(xp.length - K + 1, 0));
  for (let i = 0; i < out.length; i++) {
    let s = 0;
    for (let j = 0; j < K; j++) s += k[j] * xp[i + K - 1 - j];
    out[i] = s;
  }
  return out;
}
