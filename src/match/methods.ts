/**
 * OpenCV's six template-matching scores (cv::TemplateMatchModes), by their lower-case names.
 * For a window I of the image under the template T (sums run over the window and channels):
 *
 *   sqdiff          Σ (I − T)²                          best = lowest
 *   sqdiff_normed   Σ (I − T)² / √(Σ I² · Σ T²)          best = lowest
 *   ccorr           Σ I · T                             best = highest
 *   ccorr_normed    Σ I · T / √(Σ I² · Σ T²)             best = highest
 *   ccoeff          Σ I' · T'   (I', T' minus their per-channel means)
 *   ccoeff_normed   Σ I' · T' / √(Σ I'² · Σ T'²)          best = highest
 */
import { ArgumentError } from '../core/errors.js';

export type MatchMethod = 'sqdiff' | 'sqdiff_normed' | 'ccorr' | 'ccorr_normed' | 'ccoeff' | 'ccoeff_normed';

export const MATCH_METHODS: readonly MatchMethod[] = ['sqdiff', 'sqdiff_normed', 'ccorr', 'ccorr_normed', 'ccoeff', 'ccoeff_normed'];

/** How the correlations are computed: FFT, plain sliding sums, or chosen by a cost guess. */
export type MatchEngine = 'auto' | 'fft' | 'direct';

export const MATCH_ENGINES: readonly MatchEngine[] = ['auto', 'fft', 'direct'];

export function checkMethod(method: unknown, arg = 'method'): MatchMethod {
  if (typeof method === 'string' && (MATCH_METHODS as readonly string[]).includes(method)) return method as MatchMethod;
  throw new ArgumentError(`${arg}: expected one of ${MATCH_METHODS.join(', ')}, got ${JSON.stringify(method)}`, arg);
}

export function checkEngine(engine: unknown, arg = 'engine'): MatchEngine {
  if (typeof engine === 'string' && (MATCH_ENGINES as readonly string[]).includes(engine)) return engine as MatchEngine;
  throw new ArgumentError(`${arg}: expected one of ${MATCH_ENGINES.join(', ')}, got ${JSON.stringify(engine)}`, arg);
}

/** True for the two squared-difference scores, where the best match is the lowest score. */
export function lowerIsBetter(method: MatchMethod): boolean {
  return method === 'sqdiff' || method === 'sqdiff_normed';
}

/** v clamped to [−1, 1] (normalised correlations, whose rounding can step just outside). */
export function clamp1(v: number): number {
  return Math.min(1, Math.max(-1, v));
}
