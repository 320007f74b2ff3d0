/**
 * Stochastic convolution: convolution as a random process. For each output pixel n and each
 * sample, draw one kernel tap m from the propagator |k|/S (S = Σ|k|) and take
 *   v = sign(k[m]) · S · x[n + c − m]              (c = ⌊(k−1)/2⌋, the `same` centre)
 * so E[v] = Σ_m k[m] x[n + c − m] = convolve(x, k, { mode: 'same', boundary })[n]: the estimator is
 * unbiased for positive and signed kernels alike; its mean over N samples has error ∝ 1/√N.
 *
 * Randomness is counter-based: the draw of sample s at flat pixel p (channel included) is
 * fmix32(imul(p, φ) ^ key(seed, s)), murmur3's finaliser. Every (seed, sample, pixel) has its
 * own number, so results do not depend on how the rows are split across threads, and the first
 * N samples of a longer run are exactly the N-sample run.
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { type Boundary, type BoundaryName, parseBoundary, sourceIndex } from '../ref/convBoundary.js';
import { aliasTable } from './alias.js';

export interface SampleOptions {
  /** Samples per pixel (default 16). */
  samples?: number;
  /** Any 32-bit integer (default 0). */
  seed?: number;
  /** How x is extended past its edge (default `reflect`, as scipy.ndimage). */
  boundary?: BoundaryName;
  /** Value outside x for `constant` (default 0). */
  cval?: number;
}

export interface SampleResult {
  /** The sample mean: an unbiased estimate of convolve(x, k, { mode: 'same', boundary }). */
  mean: NDArray;
  /** Per-pixel variance of one sample (n − 1 denominator; 0 when samples = 1). Standard error of the mean = √(variance / samples). */
  variance: NDArray;
  samples: number;
  /** S = Σ|k|, the weight each draw carries. */
  scale: number;
}

/** The sampling plan of one kernel: alias table over its non-zero taps, with offsets into the padded input. */
export interface SamplePlan {
  prob: Float64Array;
  alias: Int32Array;
  /** Offset of each tap into the padded plane, relative to the output pixel. */
  off: Int32Array;
  /** sign(k[m]) · S for each tap. */
  wt: Float64Array;
  scale: number;
  kh: number;
  kw: number;
  /** Branch-free draw tables (see `draw`). */
  tables: DrawTables;
}

/**
 * Column j of the alias table keeps tap j when v < j + prob[j] (v uniform in [0, K)), else takes
 * alias[j]. Chosen without a branch: with mask = −1 to keep j, 0 otherwise,
 * offset = offB[j] ^ (offX[j] & mask) and tap = alias[j] ^ (tapX[j] & mask).
 */
export interface DrawTables {
  /** K / 2³²: a 32-bit hash to v in [0, K). */
  toUnit: number;
  thr: Float64Array;
  offB: Int32Array;
  offX: Int32Array;
  alias: Int32Array;
  tapX: Int32Array;
  wt: Float64Array;
}

export function drawTables(prob: Float64Array, alias: Int32Array, off: Int32Array, wt: Float64Array): DrawTables {
  const offB = Int32Array.from(alias, (j) => off[j]);
  return {
    toUnit: prob.length / 4294967296,
    thr: Float64Array.from(prob, (q, j) => j + q),
    offB,
    offX: Int32Array.from(off, (o, j) => o ^ offB[j]),
    alias,
    tapX: Int32Array.from(alias, (b, j) => b ^ j),
    wt,
  };
}

/** One draw: the value sign·S·x at the tap chosen by hash(ph ^ key), for the output pixel at `base` in xpad. */
export function draw(t: DrawTables, xpad: Float64Array, base: number, ph: number, key: number): number {
  let h = ph ^ key;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  const v = (h >>> 0) * t.toUnit;
  const j = v | 0;
  const mask = -Number(v < t.thr[j]);
  return t.wt[t.alias[j] ^ (t.tapX[j] & mask)] * xpad[base + (t.offB[j] ^ (t.offX[j] & mask))];
}

/** The per-pixel part of the hash: imul(flat pixel index, φ). */
export function pixelHash(p: number): number {
  return Math.imul(p, 0x9e3779b1);
}

export function planSampling(kernel: NDArray<'float64'>, Wp: number): SamplePlan {
  const [kh, kw] = kernel.shape;
  const taps: number[] = [];
  let scale = 0;
  for (let i = 0; i < kernel.size; i++) {
    if (kernel.data[i] !== 0) taps.push(i);
    scale += Math.abs(kernel.data[i]);
  }
  if (!(scale > 0) || !Number.isFinite(scale)) throw new ArgumentError('kernel: expected finite weights, not all zero', 'kernel');
  const { prob, alias } = aliasTable(taps.map((i) => Math.abs(kernel.data[i])));
  const off = Int32Array.from(taps, (i) => (kh - 1 - Math.floor(i / kw)) * Wp + (kw - 1 - (i % kw)));
  const wt = Float64Array.from(taps, (i) => Math.sign(kernel.data[i]) * scale);
  return { prob, alias, off, wt, scale, kh, kw, tables: drawTables(prob, alias, off, wt) };
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** key(seed, s) for s = from..to−1. */
export function sampleKeys(seed: number, from: number, to: number): Uint32Array {
  const base = fmix32((Math.trunc(seed) >>> 0) ^ 0x5bd1e995);
  return Uint32Array.from({ length: to - from }, (_, i) => fmix32((base + Math.imul(from + i, 0x9e3779b9)) | 0));
}

/** A plane `[H, W]` padded by the kernel's `same` widths: `[H + kh − 1, W + kw − 1]`. */
export function padPlane(
  x: ArrayLike<number>,
  H: number,
  W: number,
  kh: number,
  kw: number,
  boundary: Boundary,
  cval: number,
): Float64Array {
  const Hp = H + kh - 1;
  const Wp = W + kw - 1;
  const by = Math.floor(kh / 2);
  const bx = Math.floor(kw / 2);
  const cols = Int32Array.from({ length: Wp }, (_, j) => sourceIndex(j - bx, W, boundary));
  const out = new Float64Array(Hp * Wp);
  for (let i = 0; i < Hp; i++) {
    const r = sourceIndex(i - by, H, boundary);
    for (let j = 0; j < Wp; j++) out[i * Wp + j] = r < 0 || cols[j] < 0 ? cval : x[r * W + cols[j]];
  }
  return out;
}

export interface SampleRowsArgs {
  /** Padded plane `[H + kh − 1, Wp]`. */
  xpad: Float64Array;
  Wp: number;
  W: number;
  plan: Pick<SamplePlan, 'tables'>;
  /** key(seed, s) per sample. */
  keys: Uint32Array;
  /** Flat index of this plane's pixel (0, 0) among all channels. */
  pixelBase: number;
  y0: number;
  y1: number;
  /** Outputs `[H, W]`: rows y0..y1−1 are written. */
  mean: Float64Array | Float32Array;
  variance: Float64Array | Float32Array;
}

/** The kernel loop: rows [y0, y1) of one plane, every sample. Trusts its inputs. */
export function sampleRows(a: SampleRowsArgs): void {
  const { xpad, Wp, W, keys, pixelBase, mean, variance } = a;
  const t = a.plan.tables;
  const N = keys.length;
  for (let y = a.y0; y < a.y1; y++) {
    for (let x = 0; x < W; x++) {
      const ph = pixelHash(pixelBase + y * W + x);
      const base = y * Wp + x;
      const first = draw(t, xpad, base, ph, keys[0]);
      let sum = 0; // shifted by the first draw: no cancellation when the variance is small
      let sq = 0;
      for (let s = 1; s < N; s++) {
        const d = draw(t, xpad, base, ph, keys[s]) - first;
        sum += d;
        sq += d * d;
      }
      const o = y * W + x;
      mean[o] = first + sum / N;
      variance[o] = N > 1 ? (sq - (sum * sum) / N) / (N - 1) : 0;
    }
  }
}

export interface Prepared {
  C: number;
  H: number;
  W: number;
  Wp: number;
  kernel: NDArray<'float64'>;
  plan: SamplePlan;
  boundary: Boundary;
  cval: number;
  samples: number;
  seed: number;
  outDtype: 'float32' | 'float64';
}

/** Validate the public arguments of sampleConvolve. */
export function prepareSampling(x: NDArray, kernel: NDArray | number[][], opts: SampleOptions): Prepared {
  if (!(x instanceof NDArray) || (x.ndim !== 2 && x.ndim !== 3) || x.size === 0) {
    throw new ShapeError(
      `x: expected a non-empty [H, W] or [C, H, W] array${x instanceof NDArray ? `, got shape [${x.shape.join(', ')}]` : ''}`,
      'x',
    );
  }
  if (x.dtype === 'complex64' || x.dtype === 'complex128') throw new ShapeError(`x: expected a real array, got ${x.dtype}`, 'x');
  const k = Array.isArray(kernel)
    ? new NDArray('float64', [kernel.length, kernel[0]?.length ?? 0], Float64Array.from(kernel.flat()))
    : kernel instanceof NDArray && kernel.ndim === 2 && kernel.dtype !== 'complex64' && kernel.dtype !== 'complex128'
      ? new NDArray('float64', kernel.shape, Float64Array.from(kernel.data as ArrayLike<number>))
      : undefined;
  if (!k || k.size === 0) throw new ShapeError('kernel: expected a non-empty real 2-D kernel', 'kernel');
  const samples = opts.samples ?? 16;
  if (!Number.isSafeInteger(samples) || samples < 1 || samples > 1 << 20) {
    throw new ArgumentError(`samples: expected an integer 1..${1 << 20}, got ${samples}`, 'samples');
  }
  const seed = opts.seed ?? 0;
  if (!Number.isFinite(seed)) throw new ArgumentError(`seed: expected a finite number, got ${seed}`, 'seed');
  const cval = opts.cval ?? 0;
  if (!Number.isFinite(cval)) throw new ArgumentError(`cval: expected a finite number, got ${cval}`, 'cval');
  const [C, H, W] = x.ndim === 2 ? [1, x.shape[0], x.shape[1]] : x.shape;
  const Wp = W + k.shape[1] - 1;
  return {
    C,
    H,
    W,
    Wp,
    kernel: k,
    plan: planSampling(k, Wp),
    boundary: parseBoundary(opts.boundary ?? 'reflect'),
    cval,
    samples,
    seed,
    outDtype: x.dtype === 'float64' ? 'float64' : 'float32',
  };
}

/** Monte-Carlo convolution: the mean (and variance) of `samples` random single-tap draws per pixel. */
export function sampleConvolve(x: NDArray, kernel: NDArray | number[][], opts: SampleOptions = {}): SampleResult {
  const P = prepareSampling(x, kernel, opts);
  const { C, H, W, Wp, plan } = P;
  const mean = new NDArray(P.outDtype, x.shape);
  const variance = new NDArray(P.outDtype, x.shape);
  const keys = sampleKeys(P.seed, 0, P.samples);
  for (let c = 0; c < C; c++) {
    const plane = x.data.subarray(c * H * W, (c + 1) * H * W) as ArrayLike<number>;
    const xpad = padPlane(plane, H, W, plan.kh, plan.kw, P.boundary, P.cval);
    sampleRows({
      xpad,
      Wp,
      W,
      plan,
      keys,
      pixelBase: c * H * W,
      y0: 0,
      y1: H,
      mean: mean.data.subarray(c * H * W, (c + 1) * H * W) as Float64Array,
      variance: variance.data.subarray(c * H * W, (c + 1) * H * W) as Float64Array,
    });
  }
  return { mean, variance, samples: P.samples, scale: plan.scale };
}

export interface ErrorCurve {
  /** Sample counts, ascending. */
  counts: number[];
  /** Root-mean-square error of the N-sample mean against `reference`, per count (all pixels, all channels). */
  rmse: number[];
}

/**
 * How the error of the sample mean falls with the number of samples: for each count N in
 * `counts`, the RMS difference between the mean of the first N samples (exactly what
 * sampleConvolve(x, k, { samples: N, seed }) returns) and `reference` (the exact convolution).
 * One pass of max(counts) samples.
 */
export function sampleErrorCurve(
  x: NDArray,
  kernel: NDArray | number[][],
  reference: NDArray,
  opts: Omit<SampleOptions, 'samples'> & { counts: number[] },
): ErrorCurve {
  const counts = [...opts.counts].sort((a, b) => a - b);
  if (counts.length === 0 || counts.some((n) => !Number.isSafeInteger(n) || n < 1)) {
    throw new ArgumentError(`counts: expected positive integers, got [${opts.counts.join(', ')}]`, 'counts');
  }
  const P = prepareSampling(x, kernel, { ...opts, samples: counts[counts.length - 1] });
  if (reference.size !== x.size)
    throw new ShapeError(`reference: expected shape [${x.shape.join(', ')}], got [${reference.shape.join(', ')}]`, 'reference');
  const { C, H, W, Wp, plan } = P;
  const keys = sampleKeys(P.seed, 0, P.samples);
  const isCheck = new Int32Array(P.samples).fill(-1);
  counts.forEach((n, i) => {
    isCheck[n - 1] = i;
  });
  const err2 = new Float64Array(counts.length);
  for (let c = 0; c < C; c++) {
    const plane = x.data.subarray(c * H * W, (c + 1) * H * W) as ArrayLike<number>;
    const xpad = padPlane(plane, H, W, plan.kh, plan.kw, P.boundary, P.cval);
    for (let y = 0; y < H; y++) {
      for (let xx = 0; xx < W; xx++) {
        const p = y * W + xx;
        const ref = reference.data[c * H * W + p];
        const ph = pixelHash(c * H * W + p);
        const base = y * Wp + xx;
        let sum = 0;
        for (let s = 0; s < P.samples; s++) {
          sum += draw(plan.tables, xpad, base, ph, keys[s]);
          const i = isCheck[s];
          if (i >= 0) err2[i] += (sum / (s + 1) - ref) ** 2;
        }
      }
    }
  }
  return { counts, rmse: [...err2].map((e) => Math.sqrt(e / (C * H * W))) };
}
