/**
 * matchTemplate: OpenCV's six scores (methods.ts) for every placement of a template in an
 * image, result [H − h + 1, W − w + 1] (x = column, y = row of the window's top-left corner),
 * channels summed as cv::matchTemplate sums them, with an optional weight mask (masked.ts).
 *
 * Unmasked scores need one correlation Σ_c corr(I_c, K_c) (K = T, or T minus its channel mean
 * for ccoeff) plus window sums of I and I² (windowStats.ts): fast normalised cross-correlation
 * (Lewis 1995). The correlation runs by FFT or sliding sums, chosen by a cost guess (`engine`).
 *
 * Degenerate windows are defined: where the window or the template is flat (ccoeff_normed) or
 * has zero energy (ccorr_normed, sqdiff_normed) up to 1e-7 of the data's scale, normalised
 * correlation scores are 0 and sqdiff_normed is 0 if both are zero, else 1; normalised
 * correlations are clamped to [−1, 1] and squared differences to ≥ 0.
 */
import { type NDArray, zeros } from '../core/ndarray.js';
import type { Correlator, Term } from './correlate.js';
import { sourceOf } from './correlate.js';
import { makeCorrelator } from './engine.js';
import { matchMasked } from './masked.js';
import { checkEngine, checkMethod, type MatchEngine, type MatchMethod } from './methods.js';
import { checkMatchInputs, type Planes, planeToFloat64 } from './planes.js';
import { type ScoreParams, scoreRow } from './scores.js';
import { maxAbs, WindowEnergy } from './windowStats.js';

export interface MatchOptions {
  /** Default 'ccoeff_normed'. */
  method?: MatchMethod;
  /** Weights [h, w] (every channel) or [C, h, w]; uint8 masks are binary (non-zero = 1), as in OpenCV. */
  mask?: NDArray;
  /** 'auto' (default), 'fft' or 'direct'. */
  engine?: MatchEngine;
}

/** Relative size below which a window or template counts as flat (fraction of the data's largest |value|). */
export const FLAT_TOL = 1e-7;

export function matchTemplate(image: NDArray, template: NDArray, opts: MatchOptions = {}): NDArray<'float32' | 'float64'> {
  const method = checkMethod(opts.method ?? 'ccoeff_normed');
  const engine = checkEngine(opts.engine ?? 'auto');
  const { img, tpl, msk } = checkMatchInputs(image, template, opts.mask);
  const dtype = image.dtype === 'float64' || template.dtype === 'float64' ? 'float64' : 'float32';
  const out = zeros([img.height - tpl.height + 1, img.width - tpl.width + 1], dtype);
  if (msk === undefined) matchPlain(img, tpl, method, engine, out.data);
  else out.data.set(matchMasked(img, tpl, msk, method, engine, opts.mask?.dtype === 'uint8'));
  return out;
}

/** Per-channel template statistics in float64 (two-pass). */
export function templateStats(tpl: Planes) {
  const n = tpl.height * tpl.width;
  const planes = tpl.planes.map((p) => planeToFloat64(p));
  const means = planes.map((t) => t.reduce((a, v) => a + v, 0) / n);
  const sum2 = planes.reduce((a, t) => a + t.reduce((b, v) => b + v * v, 0), 0);
  const centred = planes.map((t, c) => t.map((v) => v - means[c]));
  const var2 = centred.reduce((a, t) => a + t.reduce((b, v) => b + v * v, 0), 0); // Σ_c Σ (T − m)²
  const scale = Math.max(...tpl.planes.map(maxAbs));
  return { n, planes, centred, sum2, var2, scale };
}

/** The kernels to correlate with (T, or T minus its channel means) and the score parameters. */
export function plainSetup(img: Planes, tpl: Planes, method: MatchMethod): { kernels: Float64Array[]; params: ScoreParams } {
  const t = templateStats(tpl);
  const coeff = method === 'ccoeff' || method === 'ccoeff_normed';
  const tEnergy = coeff ? t.var2 : t.sum2;
  const params: ScoreParams = {
    method,
    tSum2: t.sum2,
    tEnergy,
    floor: t.n * (FLAT_TOL * Math.max(...img.planes.map(maxAbs))) ** 2, // a flat window's energy
    tFlat: tEnergy <= t.n * (FLAT_TOL * t.scale) ** 2,
  };
  return { kernels: coeff ? t.centred : t.planes, params };
}

/** True when the score needs the window energies (all but ccorr and ccoeff). */
export function needsEnergy(method: MatchMethod): boolean {
  return method !== 'ccorr' && method !== 'ccoeff';
}

function matchPlain(img: Planes, tpl: Planes, method: MatchMethod, engine: MatchEngine, out: Float32Array | Float64Array): void {
  const { kernels, params } = plainSetup(img, tpl, method);
  const corr: Correlator = makeCorrelator(engine, img, tpl, { terms: img.channels, sources: img.channels, sums: 1 }, method);
  const terms: Term[] = img.planes.map((p, c) => ({ src: sourceOf(p), kernel: kernels[c] }));
  const { outW } = corr;
  // the window energy Σ_c Σ I² (ccoeff_normed: Σ_c Σ (I − mean_c)²), row by row with the correlation
  const centred = method === 'ccoeff_normed';
  const energy = needsEnergy(method) ? new WindowEnergy(img.planes, tpl.height, tpl.width, centred) : undefined;
  const scores = new Float64Array(outW); // one row, float64 (the output may be float32)
  corr.sumRows(terms, (y, num) => {
    scoreRow(params, num, energy === undefined ? num : energy.next(), scores);
    out.set(scores, y * outW);
  });
}
