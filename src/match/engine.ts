/**
 * Choosing the correlation engine. Cost guess per call (nanoseconds on one core): direct ≈
 * DIRECT_NS · outH·outW·h·w per term; FFT ≈ FFT_NS · N·M·log2(N·M) per 2-D transform, with one
 * transform per source, one per kernel, one inverse. Calibrated on 256² and 1024² float32
 * images (CPU time, wasm SIMD): the crossover is a square template of side 12 to 16.
 */
import { nextFastLen } from '../fft/factor.js';
import { type Correlator, DirectCorrelator } from './correlate.js';
import { FftCorrelator } from './fftCorrelator.js';
import type { MatchEngine, MatchMethod } from './methods.js';
import type { Planes } from './planes.js';
import { TileCorrelator } from './tileCorrelator.js';

const DIRECT_NS = 0.25;
const FFT_NS = 0.7;

/** The work a score needs: correlation terms in all, distinct source planes, sums (inverse transforms). */
export interface Workload {
  terms: number;
  sources: number;
  sums: number;
}

export function makeCorrelator(engine: MatchEngine, img: Planes, tpl: Planes, work: Workload, method?: MatchMethod): Correlator {
  const { height: H, width: W } = img;
  const { height: h, width: w } = tpl;
  const choice = engine === 'auto' ? chooseEngine(H, W, h, w, work) : engine;
  if (choice === 'direct') return new DirectCorrelator(H, W, h, w);
  // sources are worth caching when some are correlated more than once (masked scores): the
  // whole-plane FftCorrelator keeps their spectra; plain scores run as tiles
  if (work.terms > work.sources) return new FftCorrelator(H, W, h, w, true);
  return new TileCorrelator(H, W, h, w, tilePrecision(img, method));
}

/**
 * The tiles' precision: float32 for float32 and uint8 planes (uint8 is exact in float32), as
 * cv2.matchTemplate computes, except for the squared differences, Σ I² − 2 Σ I·T + Σ T², whose
 * terms cancel where the template fits (a perfect match must stay 0); float64 otherwise.
 */
export function tilePrecision(img: Planes, method?: MatchMethod): 'float32' | 'float64' {
  if (method === undefined || method === 'sqdiff' || method === 'sqdiff_normed') return 'float64';
  return img.planes.every((p) => p.data instanceof Float32Array || p.data instanceof Uint8Array) ? 'float32' : 'float64';
}

export function chooseEngine(H: number, W: number, h: number, w: number, work: Workload): 'fft' | 'direct' {
  const direct = DIRECT_NS * (H - h + 1) * (W - w + 1) * h * w * work.terms;
  const NM = nextFastLen(H, true) * nextFastLen(W, true);
  const fft = FFT_NS * NM * Math.log2(Math.max(2, NM)) * (work.sources + work.terms + work.sums);
  return direct <= fft ? 'direct' : 'fft';
}
