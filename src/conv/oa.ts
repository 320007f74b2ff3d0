/**
 * Overlap-save for a long 1-D real signal and a shorter kernel (the `oa` method): the output
 * is cut into blocks of S samples; block b is the last S samples of the circular convolution
 * of B = S + K - 1 input samples with the kernel (FFT length B, a power of two ≥ 8·K), so
 * every output sample is written once, straight into `out` (no accumulator, no overlap sums).
 * The kernel spectrum is computed once per call (scaled by 1/B).
 *
 * Two versions: `osWasm` transforms a batch of blocks per call inside the FFT engine's
 * WebAssembly memory (rows of a [blocks, B] array: the real split runs in wasm, and nothing is
 * allocated per block); `osPlain`, the reference it must match, runs one block at a time through
 * the low-level plan API, wherever the wasm engine does not.
 *
 * Blocks sit on a fixed grid (b·S) and each is transformed alone (a batch is rows transformed one
 * by one), so splitting blocks over workers (parallel.ts, task1d.ts) gives the same bits as one
 * thread. Reference: src/ref/convolve.ts.
 */
import { ndEngine } from '../fft/api.js';
import { planRfft, type RfftPlan } from '../fft/lowlevel.js';
import type { WasmEngine } from '../fft/wasm.js';
import { type NdStep, ndSupported, runNdIn } from '../fft/wasmnd.js';
import { mulSpectrum } from './tiles.js';

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
  const batch = Math.max(1, Math.floor(BATCH_SAMPLES / plan.B));
  const engine = ndEngine(batch * plan.B, 1);
  if (engine !== null && ndSupported([batch, plan.B], forward(plan.B))) osWasm(engine, xp, plan, start, out, b0, b1, batch);
  else osPlain(xp, plan, start, out, b0, b1);
}

/** Samples per batch of blocks in osWasm: 1 MiB of float64 per buffer (cache-sized, few calls). */
const BATCH_SAMPLES = 1 << 17;
const forward = (B: number): NdStep[] => [{ axis: 1, kind: 'r2c', n: B, inverse: false }];
const inverse = (B: number): NdStep[] => [{ axis: 1, kind: 'c2r', n: B, inverse: true }];

/**
 * overlapSaveBlocks in batches of `batch` blocks: one forward runNdIn on the rows (filled straight
 * into wasm memory, a band of rows at a time when `fill(at, count, offset)` asks so), the product
 * with the kernel spectrum in a reused scratch, one inverse runNdIn, the outputs copied out.
 */
export function osWasm(engine: WasmEngine, xp: Real, plan: OsPlan, start: number, out: Real, b0: number, b1: number, batch: number): void {
  const { B, S, K, spec: Kf } = plan;
  const n = xp.length;
  const O = out.length;
  const bins2 = Kf.length; // 2 (B/2 + 1)
  const view = (at: number, count: number): Float64Array => new Float64Array(engine.k.memory.buffer, at, count);
  const prod = prodScratch(batch * bins2); // [batch, B/2 + 1] complex
  const last = Math.min(b1, Math.ceil(O / S));
  for (let bb = b0; bb < last; bb += batch) {
    const rows = Math.min(batch, last - bb);
    // row r: input samples [seg, seg + B) of block bb + r, zero outside xp
    const fill = (at: number, count: number, offset = 0): void => {
      const v = view(at, count);
      for (let r = offset / B; r < (offset + count) / B; r++) {
        const seg = start + (bb + r) * S - (K - 1);
        const lo = Math.min(B, Math.max(0, -seg));
        const hi = Math.max(lo, Math.min(B, n - seg));
        const row = r * B - offset;
        if (lo > 0) v.fill(0, row, row + lo);
        if (hi > lo) v.set(xp.subarray(seg + lo, seg + hi), row + lo);
        if (hi < B) v.fill(0, row + hi, row + B);
      }
    };
    const X = runNdIn(engine, false, fill, 1, [rows, B], forward(B), 1); // [rows, B/2 + 1] complex
    const a = view(X.at, X.count);
    for (let o = 0; o < X.count; o += bins2) mulSpectrum(prod.subarray(o, o + bins2), a.subarray(o, o + bins2), Kf);
    const y = runNdIn(
      engine,
      false,
      (at, count, offset = 0) => view(at, count).set(prod.subarray(offset, offset + count)),
      2,
      [rows, bins2 / 2],
      inverse(B),
      1,
    );
    const res = view(y.at, y.count); // [rows, B] real
    for (let r = 0; r < rows; r++) {
      const t0 = (bb + r) * S;
      out.set(res.subarray(r * B + K - 1, r * B + K - 1 + Math.min(S, O - t0)), t0);
    }
  }
}

/** osWasm's product buffer, reused from call to call (calls on one thread run one at a time). */
let PROD = new Float64Array(0);
function prodScratch(n: number): Float64Array {
  if (PROD.length !== n) PROD = new Float64Array(n);
  return PROD;
}

/** overlapSaveBlocks one block at a time on the low-level plan API: the reference osWasm must match. */
export function osPlain(xp: Real, plan: OsPlan, start: number, out: Real, b0: number, b1: number): void {
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
