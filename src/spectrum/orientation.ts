/**
 * orientation(image): the dominant orientation(s) of an image read off its power spectrum.
 * Stripes whose intensity varies along direction θ put their energy at frequencies of angle θ,
 * so an energy-weighted histogram of frequency angles peaks at θ. Each peak is refined by the
 * doubled-angle mean of the energy near it (angles are axial: θ ≡ θ + 180°), the frequency-domain
 * form of the structure tensor (Bigün & Granlund 1987).
 * Angles: degrees CCW from +x as seen on screen, in [0, 180) (DESIGN.md).
 */
import { ArgumentError } from '../core/errors.js';
import type { NDArray } from '../core/ndarray.js';
import { binFrequency, powerSpectrum, wrap180 } from './freq.js';
import { type ChannelChoice, type Plane, selectPlane } from './image.js';
import { checkWindow } from './spectrum.js';
import { applyHann, removeMean, type WindowName } from './window.js';

export interface OrientationOptions extends ChannelChoice {
  /** 'hann' (default) or 'none'. */
  window?: WindowName;
  /** Histogram bins over [0°, 180°) (default 180). */
  bins?: number;
  /** Ignore frequencies below this, cycles/pixel (default 4 / min(H, W)). */
  minFrequency?: number;
  /** Ignore frequencies above this, cycles/pixel (default 0.5, Nyquist). */
  maxFrequency?: number;
  /** Most peaks to report (default 3). */
  maxPeaks?: number;
}

export interface OrientationPeak {
  /** Degrees in [0, 180). */
  angle: number;
  /** Share of the spectral energy within ±10° of the angle (0..1). */
  strength: number;
}

export interface Orientation {
  /** The dominant orientation, degrees in [0, 180). */
  angle: number;
  /** The dominant peak's strength: ~1 for pure stripes, ~0.11 (20/180) for isotropic texture. */
  confidence: number;
  /** Peaks, strongest first (at least 10° apart). */
  peaks: OrientationPeak[];
  /** Energy share per bin (bin b covers [b, b+1)·180/bins degrees); sums to 1. */
  histogram: Float64Array;
  /** |Σ P e^{2iφ}| / Σ P over the band: 1 for one orientation, 0 for none. */
  coherence: number;
}

/** Angles (degrees in [0, 180)) and energies of the spectrum bins in the band. */
export interface AngularSamples {
  angle: Float64Array;
  energy: Float64Array;
  radius: Float64Array;
}

/** The (angle, energy, radius) of every DFT bin of `p` whose radius lies in [minF, maxF] cycles/pixel. */
export function angularSamples(P: Float64Array, H: number, W: number, minF: number, maxF: number): AngularSamples {
  const angle: number[] = [];
  const energy: number[] = [];
  const radius: number[] = [];
  for (let y = 0; y < H; y++) {
    const fy = binFrequency(y, H);
    for (let x = 0; x < W; x++) {
      const fx = binFrequency(x, W);
      const r = Math.hypot(fx, fy);
      if (r < minF || r > maxF) continue;
      angle.push(wrap180((Math.atan2(-fy, fx) * 180) / Math.PI));
      energy.push(P[y * W + x]);
      radius.push(r);
    }
  }
  return { angle: Float64Array.from(angle), energy: Float64Array.from(energy), radius: Float64Array.from(radius) };
}

/** Energy histogram over [0, 180) with linear splitting between neighbouring bins (circular). */
export function angleHistogram(s: AngularSamples, bins: number): Float64Array {
  const h = new Float64Array(bins);
  const width = 180 / bins;
  for (let i = 0; i < s.angle.length; i++) {
    const t = s.angle[i] / width - 0.5; // bin centres at (b + 0.5)·width
    const b0 = Math.floor(t);
    const f = t - b0;
    h[(b0 + bins) % bins] += s.energy[i] * (1 - f);
    h[(b0 + 1) % bins] += s.energy[i] * f;
  }
  return h;
}

/** Circular distance between two axial angles, degrees in [0, 90]. */
export function axialDistance(a: number, b: number): number {
  const d = Math.abs(wrap180(a - b));
  return Math.min(d, 180 - d);
}

/** Refine an angle by the doubled-angle mean of the energy within ±half degrees of it (a few passes). */
function refine(s: AngularSamples, start: number, half: number): number {
  let theta = start;
  for (let pass = 0; pass < 4; pass++) {
    let c = 0;
    let si = 0;
    for (let i = 0; i < s.angle.length; i++) {
      const d = wrap180(s.angle[i] - theta + 90) - 90; // signed, in [−90, 90)
      if (Math.abs(d) > half) continue;
      const a = (2 * d * Math.PI) / 180;
      c += s.energy[i] * Math.cos(a);
      si += s.energy[i] * Math.sin(a);
    }
    if (c === 0 && si === 0) break;
    theta = wrap180(theta + (Math.atan2(si, c) * 90) / Math.PI);
  }
  return theta;
}

function energyNear(s: AngularSamples, theta: number, half: number): number {
  let e = 0;
  for (let i = 0; i < s.angle.length; i++) if (axialDistance(s.angle[i], theta) <= half) e += s.energy[i];
  return e;
}

function positive(value: unknown, arg: string, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new ArgumentError(`${arg}: expected a positive ${integer ? 'integer' : 'number'}, got ${String(value)}`, arg);
  }
  return value;
}

/** The dominant orientation(s) of `image` from the angular distribution of its spectral energy. */
export function orientation(image: NDArray, opts: OrientationOptions = {}): Orientation {
  const window = checkWindow(opts.window);
  let plane: Plane = removeMean(selectPlane(image, opts));
  if (window === 'hann') plane = applyHann(plane);
  const { height: H, width: W } = plane;
  const bins = positive(opts.bins, 'bins', 180, true);
  const minF = positive(opts.minFrequency, 'minFrequency', 4 / Math.min(H, W));
  const maxF = positive(opts.maxFrequency, 'maxFrequency', 0.5);
  const maxPeaks = positive(opts.maxPeaks, 'maxPeaks', 3, true);
  const s = angularSamples(powerSpectrum(plane), H, W, minF, maxF);
  return orientationOf(s, bins, maxPeaks);
}

/** Histogram, peaks and coherence of a set of angular samples. */
export function orientationOf(s: AngularSamples, bins: number, maxPeaks: number): Orientation {
  let total = 0;
  let c = 0;
  let si = 0;
  for (let i = 0; i < s.angle.length; i++) {
    total += s.energy[i];
    c += s.energy[i] * Math.cos((s.angle[i] * Math.PI) / 90);
    si += s.energy[i] * Math.sin((s.angle[i] * Math.PI) / 90);
  }
  const histogram = angleHistogram(s, bins);
  if (!(total > 0)) return { angle: 0, confidence: 0, peaks: [], histogram, coherence: 0 };
  for (let b = 0; b < bins; b++) histogram[b] /= total;
  // smoothed copy for peak picking: circular [1, 2, 1] / 4
  const smooth = histogram.map((v, b) => (histogram[(b + bins - 1) % bins] + 2 * v + histogram[(b + 1) % bins]) / 4);
  const order = [...smooth.keys()].filter((b) => smooth[b] >= smooth[(b + bins - 1) % bins] && smooth[b] > smooth[(b + 1) % bins]);
  order.sort((a, b) => smooth[b] - smooth[a]);
  const peaks: OrientationPeak[] = [];
  const top = order.length > 0 ? smooth[order[0]] : 0;
  for (const b of order) {
    if (peaks.length >= maxPeaks || smooth[b] < 0.25 * top) break;
    const angle = refine(s, ((b + 0.5) * 180) / bins, 10);
    if (peaks.some((p) => axialDistance(p.angle, angle) < 10)) continue;
    peaks.push({ angle, strength: energyNear(s, angle, 10) / total });
  }
  peaks.sort((a, b) => b.strength - a.strength);
  const angle = peaks[0]?.angle ?? 0;
  return { angle, confidence: peaks[0]?.strength ?? 0, peaks, histogram, coherence: Math.hypot(c, si) / total };
}
