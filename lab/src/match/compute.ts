/**
 * What the "Searching with cross-correlation" page computes (in its worker; plain functions so
 * the Node tests can call them): the score map and best boxes of a template cut from a photo,
 * and a clip hidden in a long noisy signal, found again.
 */
import { NDArray, zeros } from '../../../src/core/ndarray.js';
import { Rng } from '../../../src/core/rng.js';
import { matchTemplate } from '../../../src/match/matchTemplate.js';
import { lowerIsBetter, type MatchMethod } from '../../../src/match/methods.js';
import { findPeaks, type Peak } from '../../../src/match/peaks.js';
import { findSnippet, type SnippetMatch } from '../../../src/match/snippet.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ImageJob {
  rect: Rect;
  method: MatchMethod;
  top: number;
  /** Minimum similarity in [0, 1]: scores ≥ T (correlations), ≤ 1 − T (sqdiff_normed); ignored for unnormalised scores. */
  similarity: number;
}

export interface ImageResult {
  map: NDArray<'float32' | 'float64'>;
  matches: Peak[];
  ms: number;
}

/** The rectangle clipped to the image and at least 2×2 (integer pixels). */
export function clipRect(r: Rect, H: number, W: number): Rect {
  const x = Math.max(0, Math.min(W - 2, Math.round(r.x)));
  const y = Math.max(0, Math.min(H - 2, Math.round(r.y)));
  const width = Math.max(2, Math.min(W - x, Math.round(r.width)));
  const height = Math.max(2, Math.min(H - y, Math.round(r.height)));
  return { x, y, width, height };
}

/** A copy of the image [C, H, W] inside `r`. */
export function cut(image: NDArray, r: Rect): NDArray<'float32'> {
  const [C, H, W] = image.shape;
  const out = zeros([C, r.height, r.width], 'float32');
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < r.height; i++) {
      const src = (c * H + r.y + i) * W + r.x;
      out.data.set(image.data.subarray(src, src + r.width) as Float32Array, (c * r.height + i) * r.width);
    }
  }
  return out;
}

/** The score map of the template cut at job.rect, and its best non-overlapping matches. */
export function searchImage(image: NDArray, job: ImageJob): ImageResult {
  const [, H, W] = image.shape;
  const rect = clipRect(job.rect, H, W);
  const t0 = performance.now();
  const map = matchTemplate(image, cut(image, rect), { method: job.method });
  const lower = lowerIsBetter(job.method);
  const normed = job.method.endsWith('_normed');
  const threshold = !normed ? undefined : lower ? 1 - job.similarity : job.similarity;
  const matches = findPeaks(map, {
    top: job.top,
    minDistance: Math.min(rect.width, rect.height),
    mode: lower ? 'min' : 'max',
    ...(threshold === undefined ? {} : { threshold }),
  });
  return { map, matches, ms: performance.now() - t0 };
}

export interface SignalJob {
  seed: number;
  /** Samples in the long signal. */
  length: number;
  /** Where the clip is hidden, and its length (samples). */
  at: number;
  clipLength: number;
  /** Standard deviation of the noise added to the whole signal (the clip has unit scale). */
  noise: number;
}

export interface SignalResult {
  signal: Float32Array;
  clip: Float32Array;
  /** Normalised cross-correlation of the clip with every window ([length − clipLength + 1]). */
  scores: Float32Array;
  found: SnippetMatch[];
  ms: number;
}

/** A bird-song-like clip (chirps), hidden at job.at in a noisy signal, then searched for. */
export function searchSignal(job: SignalJob): SignalResult {
  const rng = new Rng(job.seed);
  const clip = new Float32Array(job.clipLength);
  for (let i = 0; i < clip.length; i++) {
    const t = i / clip.length;
    clip[i] = Math.sin(2 * Math.PI * (8 + 40 * t) * t * 6) * Math.sin(Math.PI * t) + 0.3 * rng.normal();
  }
  const signal = new Float32Array(job.length);
  for (let i = 0; i < signal.length; i++) signal[i] = job.noise * rng.normal();
  for (let i = 0; i < clip.length; i++) signal[job.at + i] += clip[i];
  const t0 = performance.now();
  const found = findSnippet(signal, clip, { top: 3 });
  const ms = performance.now() - t0;
  // the whole score curve for the plot: ccoeff_normed of a [1, n] "image"
  const map = matchTemplate(new NDArray('float32', [1, signal.length], signal), new NDArray('float32', [1, clip.length], clip));
  return { signal, clip, scores: Float32Array.from(map.data), found, ms };
}
