/**
 * Turning a row of correlations into a row of scores, given the windows' energies (windowStats.ts)
 * and the template's: the last step of every unmasked method (matchTemplate.ts, tasks.ts).
 */
import type { MatchMethod } from './methods.js';

/** What the scores need besides the correlation and the window energies. */
export interface ScoreParams {
  method: MatchMethod;
  /** Σ T² over every channel. */
  tSum2: number;
  /** The template energy the normalised methods divide by (Σ T², or Σ (T − mean)² for ccoeff). */
  tEnergy: number;
  /** Window energies at or below this are flat. */
  floor: number;
  /** True when the template itself is flat. */
  tFlat: boolean;
}

/** scores = the method's score from num (the correlation) and energy, one row. */
export function scoreRow(p: ScoreParams, num: Float64Array, energy: Float64Array, scores: Float64Array): void {
  if (p.method === 'ccorr' || p.method === 'ccoeff') scores.set(num);
  else if (p.method === 'sqdiff') sqdiffInto(num, energy, p.tSum2, scores);
  else if (p.method === 'sqdiff_normed') sqdiffNormedInto(num, energy, p.tSum2, p.floor, p.tFlat, scores);
  else normedInto(num, energy, p.tEnergy, p.floor, p.tFlat, scores);
}

/** Σ (I − T)² = Σ I² − 2 Σ I·T + Σ T², ≥ 0. */
function sqdiffInto(num: Float64Array, energy: Float64Array, tSum2: number, out: Float64Array): void {
  for (let i = 0; i < num.length; i++) out[i] = Math.max(0, energy[i] - 2 * num[i] + tSum2);
}

function sqdiffNormedInto(
  num: Float64Array,
  energy: Float64Array,
  tSum2: number,
  floor: number,
  tFlat: boolean,
  out: Float32Array | Float64Array,
): void {
  for (let i = 0; i < num.length; i++) {
    const e = energy[i];
    const flat = e <= floor;
    out[i] = flat || tFlat ? (flat && tFlat ? 0 : 1) : Math.max(0, e - 2 * num[i] + tSum2) / Math.sqrt(e * tSum2);
  }
}

/** num / √(energy · tEnergy) in [−1, 1]; 0 where either side is flat. */
function normedInto(
  num: Float64Array,
  energy: Float64Array,
  tEnergy: number,
  floor: number,
  tFlat: boolean,
  out: Float32Array | Float64Array,
): void {
  if (tFlat) {
    out.fill(0);
    return;
  }
  for (let i = 0; i < num.length; i++) {
    const e = energy[i];
    const r = num[i] / Math.sqrt(e * tEnergy);
    out[i] = e <= floor ? 0 : Math.min(1, Math.max(-1, r));
  }
}
