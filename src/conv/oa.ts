/**
 * Overlap-save for a long 1-D real signal and a shorter kernel (the `oa` method): the output
 * is cut into blocks of S samples; block b is the last S samples of the circular convolution
 * of B = S + K - 1 input samples with the kernel (FFT length B, a power of two ≥ 8·K), so
 * every output sample is written once, straight into `out` (no accumulator, no overlap sums).
 * The kernel spectrum is computed once per call (scaled by 1/B).
 *
 * Blocks sit on a fixed grid (b·S), so splitting blocks over workers (parallel.ts,
 * task1d.ts) gives the same bits as one thread. Reference: src/ref/convolve.ts.
 */
import { planRfft, type RfftPlan } from '../fft/lowlevel.js';

type Real = Float32Array | Float64Array;

export interface OsPlan {
  /** FFT length. */
  B: number;
  /** Output samples per block: B - K + 1. */
  S: number;
  /** Kernel taps. */
  K: number;
  rfft: RfftPlan<'float64'>;
  /** Kernel spectrum / B, [B/2 + 1] complex interleaved. */
  spec: Float64Array;
}

/** The block length for a K-tap kernel: a power of two ≥ 8·K (at least 256). */
export function osBlockLength(K: number): number {
  let B = 256;
  while (B < 8 * K) B *= 2;
  return B;
}

export function osPlan(k: ArrayLike<number>): OsPlan {
  const K = k.length;
  const B = osBlockLength(K);
  const rfft = planRfft(B, 'float64');
  const buf = new Float64Array(B);
  for (let i = 0; i < K; i++) buf[i] = k[i] / B;
  const spec = new Float64Array(2 * rfft.bins);
  rfft.forward(buf, spec);
  return { B, S: B - K + 1, K, rfft, spec };
}

/** Number of blocks covering O output samples with a K-tap kernel. */
export function osBlocks(K: number, O: number): number {
  return Math.ceil(O / (osBlockLength(K) - K + 1));
}

/**
 * out[t] = (xp ⊛ k)[start + t] (linear convolution, xp zero outside its length) for the output
 * samples of blocks [b0, b1): t in [b0·S, min(b1·S, out.length)).
 */
export function overlapSaveBlocks(xp: Real, plan: OsPlan, start: number, out: Real, b0: number, b1: number): void {
  const { B, S, K, rfft, spec: Kf } = plan;
  const n = xp.length;
  const O = out.length;
  const buf = new Float64Array(B); // [B] time domain
  const X = new Float64Array(Kf.length); // [B/2 + 1] complex
  for (let b = b0; b < b1; b++) {
    const t0 = b * S;
    const len = Math.min(S, O - t0);
    if (len <= 0) break;
    // input samples [seg, seg + B) feed outputs [t0, t0 + S): seg = start + t0 - (K - 1)
    const seg = start + t0 - (K - 1);
    const lo = Math.max(0, -seg);
    const hi = Math.min(B, n - seg);
    if (lo > 0) buf.fill(0, 0, lo);
    if (hi > lo) buf.set(xp.subarray(seg + lo, seg + hi), lo);
    if (hi < B) buf.fill(0, Math.max(hi, lo), B);
    rfft.forward(buf, X);
    for (let i = 0; i < X.length; i += 2) {
      const re = X[i] * Kf[i] - X[i + 1] * Kf[i + 1];
      X[i + 1] = X[i] * Kf[i + 1] + X[i + 1] * Kf[i];
      X[i] = re;
    }
    rfft.backward(X, buf);
    out.set(buf.subarray(K - 1, K - 1 + len), t0);
  }
}
