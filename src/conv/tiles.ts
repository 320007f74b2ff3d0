/**
 * Tiled FFT convolution of a 2-D real plane (overlap-save in two dimensions): the output is cut
 * into tiles of T0 × T1 = (B0 − K0 + 1) × (B1 − K1 + 1); each tile is the wanted corner of the
 * circular convolution of a B0 × B1 block of the input (power-of-two lengths, zero outside the
 * input) with the kernel, whose spectrum is computed once. Small transforms stay in cache and
 * power-of-two lengths are the FFT engine's fastest, so this beats one transform of the whole
 * padded image once the image spans a few tiles (see `tilePlan`).
 *
 * Tiles sit on a fixed grid, so splitting them over workers (parallel.ts, task1d.ts's sibling
 * task2d.ts) gives the same bits as one thread. Reference: src/ref/convolve.ts.
 */
import { NDArray } from '../core/ndarray.js';
import { irfftn, rfftn } from '../fft/api.js';

type Real = Float32Array | Float64Array;

export interface TilePlan {
  /** FFT block [B0, B1]. */
  B: [number, number];
  /** Output tile [T0, T1] = B - K + 1. */
  T: [number, number];
  /** Tiles per axis over the output. */
  tiles: [number, number];
}

const pow2AtLeast = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(n, 1)));

/**
 * The cheapest power-of-two block for a [K0, K1] kernel and an [O0, O1] output (cost ≈ tiles ×
 * B0·B1·log2(B0·B1)), and that cost; blocks span at least 2 K per axis.
 */
export function tilePlan(K: readonly number[], O: readonly number[]): TilePlan & { cost: number } {
  let best: (TilePlan & { cost: number }) | undefined;
  const lo = K.map((k) => pow2AtLeast(2 * k));
  for (let b0 = lo[0]; b0 <= Math.max(lo[0], pow2AtLeast(O[0] + K[0] - 1)); b0 *= 2) {
    for (let b1 = lo[1]; b1 <= Math.max(lo[1], pow2AtLeast(O[1] + K[1] - 1)); b1 *= 2) {
      const T: [number, number] = [b0 - K[0] + 1, b1 - K[1] + 1];
      const tiles: [number, number] = [Math.ceil(O[0] / T[0]), Math.ceil(O[1] / T[1])];
      const n = b0 * b1;
      const cost = tiles[0] * tiles[1] * (2 * 2.5 * n * Math.log2(n) + 4 * n);
      if (best === undefined || cost < best.cost) best = { B: [b0, b1], T, tiles, cost };
    }
  }
  return best as TilePlan & { cost: number };
}

/** The kernel's spectrum at block size B, in the working precision (computed once per plane). */
export function tileKernelSpectrum(k: NDArray, B: readonly number[], dtype: 'float32' | 'float64'): NDArray {
  const kk = new NDArray(dtype, k.shape, dtype === 'float32' ? Float32Array.from(k.data) : Float64Array.from(k.data));
  return rfftn(kk, { s: [...B] });
}

/**
 * out[i, j] = (xp ⊛ k)[start0 + i, start1 + j] for the tiles with flat index in [t0, t1)
 * (row-major over plan.tiles). xp [H, W] is read as zero outside; kSpec = tileKernelSpectrum.
 */
export function convolveTiles(
  xp: NDArray,
  K: readonly number[],
  kSpec: NDArray,
  plan: TilePlan,
  start: readonly number[],
  out: NDArray,
  t0: number,
  t1: number,
): void {
  const [h, w] = xp.shape;
  const [O0, O1] = out.shape;
  const [B0, B1] = plan.B;
  const [T0, T1] = plan.T;
  const dtype = kSpec.dtype === 'complex64' ? 'float32' : 'float64';
  const xd = xp.data as Real;
  const od = out.data as Real;
  const block = new NDArray(dtype, [B0, B1], dtype === 'float32' ? new Float32Array(B0 * B1) : new Float64Array(B0 * B1));
  const bd = block.data as Real;
  const S = kSpec.data as Real;
  for (let t = t0; t < t1; t++) {
    const i0 = Math.floor(t / plan.tiles[1]) * T0;
    const j0 = (t % plan.tiles[1]) * T1;
    // input block rows [r0, r0 + B0), columns [c0, c0 + B1) feed output tile (i0, j0)
    const r0 = start[0] + i0 - (K[0] - 1);
    const c0 = start[1] + j0 - (K[1] - 1);
    const cLo = Math.max(0, -c0);
    const cHi = Math.min(B1, w - c0);
    for (let r = 0; r < B0; r++) {
      const src = r0 + r;
      const at = r * B1;
      if (src < 0 || src >= h || cHi <= cLo) {
        bd.fill(0, at, at + B1);
        continue;
      }
      if (cLo > 0) bd.fill(0, at, at + cLo);
      bd.set(xd.subarray(src * w + c0 + cLo, src * w + c0 + cHi), at + cLo);
      if (cHi < B1) bd.fill(0, at + Math.max(cLo, cHi), at + B1);
    }
    const X = rfftn(block); // [B0, B1/2 + 1] complex
    const a = X.data as Real;
    for (let i = 0; i < a.length; i += 2) {
      const re = a[i] * S[i] - a[i + 1] * S[i + 1];
      a[i + 1] = a[i] * S[i + 1] + a[i + 1] * S[i];
      a[i] = re;
    }
    const y = irfftn(X, { s: [B0, B1] }).data as Real; // [B0, B1]
    const rows = Math.min(T0, O0 - i0);
    const cols = Math.min(T1, O1 - j0);
    for (let r = 0; r < rows; r++) {
      const from = (K[0] - 1 + r) * B1 + K[1] - 1;
      od.set(y.subarray(from, from + cols), (i0 + r) * O1 + j0);
    }
  }
}
