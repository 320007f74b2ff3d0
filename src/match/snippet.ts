/**
 * findSnippet: where a short snippet occurs in a long 1-D signal, by normalised
 * cross-correlation (ccoeff_normed: Pearson correlation of the snippet with every window).
 *
 * Overlap-save: the snippet's spectrum is computed once at a block length L (5-smooth,
 * ≥ 2× the snippet); each block of L samples gives L − m + 1 correlation values by one real FFT
 * and one inverse. Window means and energies come from running sums in float64, restarted at
 * every block, so rounding does not build up along the signal. Memory is O(L + minDistance)
 * beyond the signal itself: scores are never stored for the whole signal. A match is a position
 * whose score is the largest within ±(minDistance − 1) samples (the 1-D form of a maximum
 * filter, as in skimage's peak_local_max), so matches are at least minDistance apart.
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import type { NDArray } from '../core/ndarray.js';
import { nextFastLen } from '../fft/factor.js';
import { planRfft } from '../fft/lowlevel.js';
import { FLAT_TOL } from './matchTemplate.js';

export type Signal = Float32Array | Float64Array | NDArray;

export interface SnippetOptions {
  /** How many matches at most; default 1. */
  top?: number;
  /** Samples per second: adds `seconds` to each match. */
  sampleRate?: number;
  /** A match must be the best score within ±(minDistance − 1) samples; default the snippet's length. */
  minDistance?: number;
  /** Keep scores ≥ threshold (in [−1, 1]). */
  threshold?: number;
  /** FFT block length (≥ the snippet's length); default a fast length ≥ max(2m, 65536). */
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

export function findSnippet(signal: Signal, snippet: Signal, opts: SnippetOptions = {}): SnippetMatch[] {
  const x = samples(signal, 'signal');
  const s = samples(snippet, 'snippet');
  const n = x.length;
  const m = s.length;
  if (m > n) throw new ShapeError(`snippet: ${m} samples is longer than the signal (${n} samples)`, 'snippet');
  const { top, minDistance, threshold, L } = checkOptions(opts, m);

  // the centred snippet and its spectrum at length L
  let mean = 0;
  for (let i = 0; i < m; i++) mean += s[i];
  mean /= m;
  const plan = planRfft(L, 'float64');
  const buf = new Float64Array(L); // [L]
  let tNorm2 = 0;
  let tMax = 0;
  for (let i = 0; i < m; i++) {
    buf[i] = s[i] - mean;
    tNorm2 += buf[i] * buf[i];
    tMax = Math.max(tMax, Math.abs(s[i]));
  }
  if (tNorm2 <= m * (FLAT_TOL * tMax) ** 2) return []; // a flat snippet correlates with nothing
  const T = new Float64Array(2 * plan.bins); // [bins] complex
  plan.forward(buf, T);

  let xMax = 0;
  for (let i = 0; i < n; i++) xMax = Math.max(xMax, Math.abs(x[i]));
  const floor = m * (FLAT_TOL * xMax) ** 2;
  const peaks = new PeakStream(top, minDistance, threshold);
  const spec = new Float64Array(2 * plan.bins);
  const nOut = n - m + 1;
  const S = L - m + 1;
  const invL = 1 / L;
  for (let b0 = 0; b0 < nOut; b0 += S) {
    const len = Math.min(L, n - b0);
    for (let i = 0; i < len; i++) buf[i] = x[b0 + i];
    buf.fill(0, len);
    plan.forward(buf, spec);
    for (let i = 0; i < spec.length; i += 2) {
      const re = spec[i] * T[i] + spec[i + 1] * T[i + 1];
      spec[i + 1] = spec[i + 1] * T[i] - spec[i] * T[i + 1];
      spec[i] = re;
    }
    plan.backward(spec, buf); // buf[p] · L = Σ_i x[b0 + p + i] · t[i]
    // window sums restarted at the block start
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < m; i++) {
      const v = x[b0 + i];
      sum += v;
      sum2 += v * v;
    }
    for (let p = 0, count = Math.min(S, nOut - b0); p < count; p++) {
      if (p > 0) {
        const out = x[b0 + p - 1];
        const inn = x[b0 + p + m - 1];
        sum += inn - out;
        sum2 += inn * inn - out * out;
      }
      const energy = sum2 - (sum * sum) / m;
      const r = (buf[p] * invL) / Math.sqrt(energy * tNorm2);
      peaks.push(b0 + p, energy <= floor ? 0 : Math.min(1, Math.max(-1, r)));
    }
  }
  const rate = opts.sampleRate;
  return peaks.finish().map(({ offset, score }) => (rate === undefined ? { offset, score } : { offset, seconds: offset / rate, score }));
}

/**
 * Peaks of a score stream: positions whose score is the largest within ±(minDistance − 1)
 * (ties go to the earliest), found with a sliding-window maximum (a monotonic deque over the
 * last 2·(minDistance − 1) + 1 scores), and the best `top` of them kept in a small sorted list.
 * Two such peaks are always at least minDistance apart. Memory O(minDistance + top).
 */
class PeakStream {
  private readonly R: number;
  private readonly pos: Float64Array; // deque ring: positions, scores decreasing from the front
  private readonly val: Float64Array;
  private head = 0;
  private size = 0;
  private q = 0; // positions seen so far
  private readonly best: { offset: number; score: number }[] = []; // best first, at most `top`

  constructor(
    private readonly top: number,
    minDistance: number,
    private readonly threshold: number,
  ) {
    this.R = Math.max(0, Math.ceil(minDistance) - 1);
    this.pos = new Float64Array(2 * this.R + 2);
    this.val = new Float64Array(2 * this.R + 2);
  }

  /** Scores arrive in offset order 0, 1, 2, … */
  push(offset: number, score: number): void {
    const cap = this.pos.length;
    // drop from the back every score below the new one (equal ones stay: the earliest wins)
    for (;;) {
      if (this.size === 0) break;
      let back = this.head + this.size - 1;
      if (back >= cap) back -= cap;
      if (this.val[back] >= score) break;
      this.size--;
    }
    let at = this.head + this.size;
    if (at >= cap) at -= cap;
    this.pos[at] = offset;
    this.val[at] = score;
    this.size++;
    this.q = offset + 1;
    this.decide(offset - this.R);
  }

  finish(): { offset: number; score: number }[] {
    const last = this.q - 1;
    for (let p = Math.max(0, last - this.R + 1); p <= last; p++) this.decide(p);
    return this.best;
  }

  /** Position p, whose window [p − R, p + R] has been seen: a peak if it heads the deque. */
  private decide(p: number): void {
    if (p < 0) return;
    const cap = this.pos.length;
    while (this.size > 0 && this.pos[this.head] < p - this.R) {
      this.head = this.head + 1 === cap ? 0 : this.head + 1;
      this.size--;
    }
    if (this.size === 0 || this.pos[this.head] !== p) return;
    const score = this.val[this.head];
    if (!(score >= this.threshold)) return;
    const b = this.best;
    if (b.length === this.top && score <= b[b.length - 1].score) return;
    let i = b.length;
    while (i > 0 && b[i - 1].score < score) i--;
    b.splice(i, 0, { offset: p, score });
    if (b.length > this.top) b.pop();
  }
}

function samples(a: Signal, arg: string): Float32Array | Float64Array {
  if (a instanceof Float32Array || a instanceof Float64Array) {
    if (a.length === 0) throw new ShapeError(`${arg}: expected at least one sample, got none`, arg);
    return a;
  }
  if (a.ndim !== 1 || (a.dtype !== 'float32' && a.dtype !== 'float64')) {
    throw new ShapeError(`${arg}: expected a 1-D float32 / float64 array, got ${a.dtype} [${a.shape.join(', ')}]`, arg);
  }
  return samples(a.data as Float32Array | Float64Array, arg);
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
  const L = opts.blockSize ?? nextFastLen(Math.max(2 * m, 65536), true);
  if (!Number.isInteger(L) || L < m)
    throw new ArgumentError(`blockSize: expected an integer ≥ the snippet's length ${m}, got ${L}`, 'blockSize');
  return { top, minDistance, threshold, L };
}
