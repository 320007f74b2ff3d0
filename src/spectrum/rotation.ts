/**
 * rotationBetween(a, b): the angle by which b is a turned, read from their spectra. The DFT
 * magnitude ignores shifts and turns with the image, so the angular profiles of the two spectra
 * differ by a circular shift; the best shift of their cross-correlation (refined by a parabola
 * through the peak) is the rotation. Each image is cut to its centred square and tapered by a
 * radial Hann window, the same in every direction, so the frame itself does not vote.
 * When both spectra are strongly oriented (coherence ≥ 0.5: stripes, gratings), the profiles are
 * near-deltas that the square grid of bins biases; there the phase of the doubled-angle moments
 * Σ P e^{2iφ} (whose ratio is e^{2iθ}) is used instead.
 * The magnitude cannot tell θ from θ + 180°: the answer lies in (−90, 90].
 */
import { ArgumentError } from '../core/errors.js';
import type { NDArray } from '../core/ndarray.js';
import { binFrequency, planeFft } from './freq.js';
import { type ChannelChoice, selectPlane } from './image.js';
import { radialTaper } from './window.js';

export interface RotationOptions extends ChannelChoice {
  /** Angular resolution of the profiles, degrees (default 0.25). */
  step?: number;
  /** Frequency band used, cycles/pixel (default [0.02, 0.35]). */
  band?: readonly [number, number];
}

export interface Rotation {
  /** Degrees CCW on screen that turn a into b, in (−90, 90]. */
  angle: number;
  /** Normalised correlation of the two profiles at that angle (−1..1). */
  score: number;
}

/** The angular profile and the doubled-angle moment of one image's spectrum. */
interface AngularSummary {
  /** Mean of log1p(|F|·r) per angle bin over [0, 180) (whitened magnitude). */
  profile: Float64Array;
  /** Σ |F|² e^{2iφ} (re, im) and Σ |F|² over the band. */
  moment: [number, number];
  power: number;
}

function summarize(image: NDArray, bins: number, band: readonly [number, number], choice: ChannelChoice, arg: string): AngularSummary {
  const p = radialTaper(selectPlane(image, choice, arg));
  const F = planeFft(p);
  const n = p.height; // square
  const profile = new Float64Array(bins);
  const count = new Float64Array(bins);
  const width = 180 / bins;
  let mr = 0;
  let mi = 0;
  let power = 0;
  for (let y = 0; y < n; y++) {
    const fy = binFrequency(y, n);
    for (let x = 0; x < n; x++) {
      const fx = binFrequency(x, n);
      const r = Math.hypot(fx, fy);
      if (r < band[0] || r > band[1]) continue;
      const phi = Math.atan2(-fy, fx);
      const i = y * n + x;
      const e = F[2 * i] ** 2 + F[2 * i + 1] ** 2;
      mr += e * Math.cos(2 * phi);
      mi += e * Math.sin(2 * phi);
      power += e;
      const v = Math.log1p(Math.sqrt(e) * r);
      const deg = ((((phi * 180) / Math.PI) % 180) + 180) % 180;
      const t = deg / width - 0.5;
      const b0 = Math.floor(t);
      const f = t - b0;
      profile[(b0 + bins) % bins] += v * (1 - f);
      count[(b0 + bins) % bins] += 1 - f;
      profile[(b0 + 1) % bins] += v * f;
      count[(b0 + 1) % bins] += f;
    }
  }
  for (let b = 0; b < bins; b++) profile[b] = count[b] > 0 ? profile[b] / count[b] : 0;
  return { profile, moment: [mr, mi], power };
}

function standardize(p: Float64Array): Float64Array {
  let mean = 0;
  for (const v of p) mean += v;
  mean /= p.length;
  let ss = 0;
  for (const v of p) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / p.length) || 1;
  return p.map((v) => (v - mean) / sd);
}

/** Wrap degrees into (−90, 90]. */
function half(deg: number): number {
  let a = ((deg % 180) + 180) % 180;
  if (a > 90) a -= 180;
  return a;
}

/** The rotation (degrees CCW on screen, in (−90, 90]) that turns image a into image b. */
export function rotationBetween(a: NDArray, b: NDArray, opts: RotationOptions = {}): Rotation {
  const step = opts.step ?? 0.25;
  if (!(step > 0 && step <= 5)) throw new ArgumentError(`step: expected degrees in (0, 5], got ${step}`, 'step');
  const band = opts.band ?? [0.02, 0.35];
  if (!(band[0] >= 0 && band[1] > band[0] && band[1] <= 0.5)) {
    throw new ArgumentError(`band: expected [lo, hi] cycles/pixel with 0 ≤ lo < hi ≤ 0.5, got [${band.join(', ')}]`, 'band');
  }
  const bins = Math.round(180 / step);
  const sa = summarize(a, bins, band, opts, 'a');
  const sb = summarize(b, bins, band, opts, 'b');
  const pa = standardize(sa.profile);
  const pb = standardize(sb.profile);
  // score(k) = mean over φ of pa(φ − kΔ) · pb(φ)
  const score = new Float64Array(bins);
  for (let k = 0; k < bins; k++) {
    let s = 0;
    for (let j = 0; j < bins; j++) s += pa[(j - k + bins) % bins] * pb[j];
    score[k] = s / bins;
  }
  let best = 0;
  for (let k = 1; k < bins; k++) if (score[k] > score[best]) best = k;
  const l = score[(best + bins - 1) % bins];
  const r = score[(best + 1) % bins];
  const denom = l - 2 * score[best] + r;
  const offset = denom < 0 ? (0.5 * (l - r)) / denom : 0;
  let angle = half((best + offset) * (180 / bins));
  const coherence = (s: AngularSummary) => (s.power > 0 ? Math.hypot(s.moment[0], s.moment[1]) / s.power : 0);
  if (coherence(sa) >= 0.5 && coherence(sb) >= 0.5) {
    // e^{2iθ} = m_b · conj(m_a) / |…|
    const [ar, ai] = sa.moment;
    const [br, bi] = sb.moment;
    angle = half((Math.atan2(bi * ar - br * ai, br * ar + bi * ai) * 90) / Math.PI);
  }
  return { angle, score: score[best] };
}
