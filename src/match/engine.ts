/**
 * Choosing the correlation engine. Cost guess per call (nanoseconds on one core): direct ≈
 * DIRECT_NS · outH·outW·h·w per term; FFT ≈ FFT_NS · N·M·log2(N·M) per 2-D transform, with one
 * transform per source, one per kernel, one inverse. Calibrated on 256² and 1024² float32
 * images (CPU time, wasm SIMD): the crossover is a square template of side 12 to 16.
 */
import { nextFastLen } from '../fft/factor.js';
import { type Correlator, DirectCorrelator } from './correlate.js';
import { FftCorrelator } from './fftCorrelator.js';
import type { MatchEngine } from './methods.js';
import type { Planes } from './planes.js';

const DIRECT_NS = 0.25;
const FFT_NS = 0.7;

/** The work a score needs: correlation terms in all, distinct source planes, sums (inverse transforms). */
export interface Workload {
  terms: number;
  sources: number;
  sums: number;
}

export function makeCorrelator(engine: MatchEngine, img: Planes, tpl: Planes, work: Workload): Correlator {
  const { height: H, width: W } = img;
  const { height: h, width: w } = tpl;
  const choice = engine === 'auto' ? chooseEngine(H, W, h, w, work) : engine;
  // sources are worth caching when some are correlated more than once
  return choice === 'fft' ? new FftCorrelator(H, W, h, w, work.terms > work.sources) : new DirectCorrelator(H, W, h, w);
}

export function chooseEngine(H: number, W: number, h: number, w: number, work: Workload): 'fft' | 'direct' {
  const direct = DIRECT_NS * (H - h + 1) * (W - w + 1) * h * w * work.terms;
  const NM = nextFastLen(H, true) * nextFastLen(W, true);
  const fft = FFT_NS * NM * Math.log2(Math.max(2, NM)) * (work.sources + work.terms + work.sums);
  return direct <= fft ? 'direct' : 'fft';
}
