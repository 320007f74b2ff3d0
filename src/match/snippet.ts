/**
 * findSnippet: where a short snippet occurs in a long 1-D signal, by normalised
 * cross-correlation (ccoeff_normed: Pearson correlation of the snippet with every window).
 *
 * Overlap-save: the snippet's spectrum is computed once at a block length L (a power of two
 * ≥ 2× the snippet); each block of L samples gives S = L − m + 1 correlation values by one real
 * FFT and one inverse, and the next block starts S samples later. Window means and energies come
 * from running sums in float64, restarted at every block, so rounding does not build up along the
 * signal. The signal may arrive in chunks (`SnippetSearch.push`, or an iterable of chunks): only
 * the current block is kept, so memory is O(L + minDistance) whatever the signal's length, and
 * scores are never stored for the whole signal. A match is a position whose score is the largest
 * within ±(minDistance − 1) samples (the 1-D form of a maximum filter, as in skimage's
 * peak_local_max), so matches are at least minDistance apart. A window counts as flat (score 0)
 * when its energy is under m·(FLAT_TOL·max)², max being the largest |sample| up to the end of
 * its block.
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { planRfft, type RfftPlan } from '../fft/lowlevel.js';
import { FLAT_TOL } from './matchTemplate.js';
import { PeakStream } from './peakStream.js';

export type Signal = Float32Array | Float64Array | NDArray;
type Chunk = Float32Array | Float64Array;

export interface SnippetOptions {
  /** How many matches at most; default 1. */
  top?: number;
  /** Samples per second: adds `seconds` to each match. */
  sampleRate?: number;
  /** A match must be the best score within ±(minDistance − 1) samples; default the snippet's length. */
  minDistance?: number;
  /** Keep scores ≥ threshold (in [−1, 1]). */
  threshold?: number;
  /** FFT block length (≥ the snippet's length); default the power of two ≥ max(2m, 65536). */
  blockSize?: number;
}

export interface SnippetMatch {
  /** Start of the match in the signal, in samples. */
  offset: number;
  /** offset / sampleRate, when a sample rate was given. */
  seconds?: number;
  /** Normalised cross-correlation in [−1, 1]. */
  score: number;
}

/**
 * The matches of `snippet` in `signal`: a whole signal (typed array or 1-D NDArray) or an
 * iterable of chunks (each a Float32Array / Float64Array), read once, in order.
 */
export function findSnippet(signal: Signal | Iterable<Chunk>, snippet: Signal, opts: SnippetOptions = {}): SnippetMatch[] {
  if (signal instanceof Float32Array || signal instanceof Float64Array || signal instanceof NDArray) {
    const x = samples(signal, 'signal');
    const s = samples(snippet, 'snippet');
    if (s.length > x.length)
      throw new ShapeError(`snippet: ${s.length} samples is longer than the signal (${x.length} samples)`, 'snippet');
    return new SnippetSearch(s, opts).push(x).finish();
  }
  const search = new SnippetSearch(snippet, opts);
  for (const chunk of signal) search.push(chunk);
  return search.finish();
}

/**
 * findSnippet over a signal that arrives in chunks: `push` each chunk in order, then `finish`
 * for the matches. Blocks are processed as soon as they are full.
 */
export class SnippetSearch {
  private readonly m: number;
  private readonly L: number;
  private readonly plan: RfftPlan<'float64'>;
  private readonly T: Float64Array; // [bins] complex: spectrum of the centred snippet
  private readonly tNorm2: number;
  private readonly flat: boolean;
  private readonly block: Float64Array; // [L]: samples [b0, b0 + filled)
  private readonly buf: Float64Array; // [L]: FFT scratch
  private readonly spec: Float64Array; // [bins] complex
  private readonly peaks: PeakStream;
  private readonly rate: number | undefined;
  private filled = 0;
  private b0 = 0;
  private n = 0;
  private xMax = 0;

  constructor(snippet: Signal, opts: SnippetOptions = {}) {
    const s = samples(snippet, 'snippet');
    const m = s.length;
    const { top, minDistance, threshold, L } = checkOptions(opts, m);
    this.m = m;
    this.L = L;
    this.rate = opts.sampleRate;
    this.plan = planRfft(L, 'float64');
    this.block = new Float64Array(L);
    this.buf = new Float64Array(L);
    this.spec = new Float64Array(2 * this.plan.bins);
    this.T = new Float64Array(2 * this.plan.bins);
    this.peaks = new PeakStream(top, minDistance, threshold);
    let mean = 0;
    for (let i = 0; i < m; i++) mean += s[i];
    mean /= m;
    let tNorm2 = 0;
    let tMax = 0;
    for (let i = 0; i < m; i++) {
      this.buf[i] = s[i] - mean;
      tNorm2 += this.buf[i] * this.buf[i];
      tMax = Math.max(tMax, Math.abs(s[i]));
    }
    this.tNorm2 = tNorm2;
    this.flat = tNorm2 <= m * (FLAT_TOL * tMax) ** 2; // a flat snippet correlates with nothing
    this.plan.forward(this.buf, this.T);
  }

  /** Append the next samples of the signal. */
  push(chunk: Chunk | NDArray): this {
    const x = samples(chunk, 'chunk', true);
    this.n += x.length;
    if (this.flat) return this;
    const { L, block } = this;
    for (let at = 0; at < x.length; ) {
      const take = Math.min(L - this.filled, x.length - at);
      block.set(take === x.length ? x : x.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
      if (this.filled === L) {
        this.runBlock(L - this.m + 1);
        block.copyWithin(0, L - this.m + 1, L); // the last m − 1 samples start the next block
        this.b0 += L - this.m + 1;
        this.filled = this.m - 1;
      }
    }
    return this;
  }

  /** The matches, best first (the signal ends here). */
  finish(): SnippetMatch[] {
    if (this.n === 0) throw new ShapeError('signal: expected at least one sample, got none', 'signal');
    if (this.m > this.n) throw new ShapeError(`snippet: ${this.m} samples is longer than the signal (${this.n} samples)`, 'snippet');
    if (this.flat) return [];
    const count = this.filled - this.m + 1;
    if (count > 0) {
      this.block.fill(0, this.filled);
      this.runBlock(count);
    }
    const rate = this.rate;
    return this.peaks
      .finish()
      .map(({ offset, score }) => (rate === undefined ? { offset, score } : { offset, seconds: offset / rate, score }));
  }

  /** Scores of the windows starting at block[0 .. count), pushed to the peak stream. */
  private runBlock(count: number): void {
    const { m, L, block, buf, spec, T, plan } = this;
    for (let i = 0; i < this.filled; i++) {
      const v = Math.abs(block[i]);
      if (v > this.xMax) this.xMax = v;
    }
    const floor = m * (FLAT_TOL * this.xMax) ** 2;
    buf.set(block);
    plan.forward(buf, spec);
    for (let i = 0; i < spec.length; i += 2) {
      const re = spec[i] * T[i] + spec[i + 1] * T[i + 1];
      spec[i + 1] = spec[i + 1] * T[i] - spec[i] * T[i + 1];
      spec[i] = re;
    }
    plan.backward(spec, buf); // buf[p] · L = Σ_i block[p + i] · t[i]
    const invL = 1 / L;
    // window sums restarted at the block start
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < m; i++) {
      const v = block[i];
      sum += v;
      sum2 += v * v;
    }
    for (let p = 0; p < count; p++) {
      if (p > 0) {
        const out = block[p - 1];
        const inn = block[p + m - 1];
        sum += inn - out;
        sum2 += inn * inn - out * out;
      }
      const energy = sum2 - (sum * sum) / m;
      const r = (buf[p] * invL) / Math.sqrt(energy * this.tNorm2);
      this.peaks.push(this.b0 + p, energy <= floor ? 0 : Math.min(1, Math.max(-1, r)));
    }
  }
}

function samples(a: Signal, arg: string, emptyOk = false): Chunk {
  if (a instanceof Float32Array || a instanceof Float64Array) {
    if (a.length === 0 && !emptyOk) throw new ShapeError(`${arg}: expected at least one sample, got none`, arg);
    return a;
  }
  if (!(a instanceof NDArray)) throw new ArgumentError(`${arg}: expected a Float32Array, Float64Array or 1-D NDArray`, arg);
  if (a.ndim !== 1 || (a.dtype !== 'float32' && a.dtype !== 'float64')) {
    throw new ShapeError(`${arg}: expected a 1-D float32 / float64 array, got ${a.dtype} [${a.shape.join(', ')}]`, arg);
  }
  return samples(a.data as Chunk, arg, emptyOk);
}

function checkOptions(opts: SnippetOptions, m: number) {
  const top = opts.top ?? 1;
  if (!Number.isInteger(top) || top < 1) throw new ArgumentError(`top: expected a positive integer, got ${top}`, 'top');
  const minDistance = opts.minDistance ?? m;
  if (!(Number.isFinite(minDistance) && minDistance >= 0)) {
    throw new ArgumentError(`minDistance: expected a non-negative number of samples, got ${minDistance}`, 'minDistance');
  }
  if (opts.sampleRate !== undefined && !(opts.sampleRate > 0)) {
    throw new ArgumentError(`sampleRate: expected a positive number, got ${opts.sampleRate}`, 'sampleRate');
  }
  const threshold = opts.threshold ?? Number.NEGATIVE_INFINITY;
  if (Number.isNaN(threshold)) throw new ArgumentError('threshold: expected a number, got NaN', 'threshold');
  // a power of two (the FFT engine's fastest lengths): 524288 for a 5 s clip at 44.1 kHz
  const L = opts.blockSize ?? 2 ** Math.ceil(Math.log2(Math.max(2 * m, 65536)));
  if (!Number.isInteger(L) || L < m)
    throw new ArgumentError(`blockSize: expected an integer ≥ the snippet's length ${m}, got ${L}`, 'blockSize');
  return { top, minDistance, threshold, L };
}
