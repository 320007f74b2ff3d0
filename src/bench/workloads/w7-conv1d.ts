/**
 * W7 — 1-D convolution of n seeded random float64 samples (default 10,000,000) with a random
 * kernel of `kernel` taps (default 1,000), mode `full`: `convolveAsync(x, k, { threads })` with
 * `method: 'auto'` (overlap-save here, its blocks split over the worker pool; the signal lives on a
 * SharedArrayBuffer made in setup, not timed).
 * Anchors: scipy.signal.oaconvolve, scipy.signal.fftconvolve.
 */

import { convolveAsync } from '../../conv/parallel.js';
import { type NDArray, zeros } from '../../core/ndarray.js';
import { Rng } from '../../core/rng.js';
import type { CaseParams, SetupOptions, Workload } from '../workload.js';

interface State {
  x: NDArray<'float64'>; // [n]
  k: NDArray<'float64'>; // [kernel]
  threads: number;
}

/** Seeded standard-normal samples, on a SharedArrayBuffer when `shared` (the workers read it). */
function normal(n: number, seed: number, shared = false): NDArray<'float64'> {
  const a = zeros([n], 'float64', shared);
  new Rng(seed).fillNormal(a.data, 0, 1);
  return a;
}

export const w7: Workload<State> = {
  id: 'W7',
  description: '1-D convolution, n float64 samples with a kernel-tap random kernel, full, method auto',
  params: ['n', 'kernel'],
  cases: [{ n: 10_000_000, kernel: 1000 }],
  repeats: 5,
  parallel: true,
  setup(params: CaseParams, { seed, threads }: SetupOptions): State {
    return { x: normal(Number(params.n), seed, threads > 1), k: normal(Number(params.kernel), seed + 1), threads };
  },
  run: async ({ x, k, threads }) => (await convolveAsync(x, k, { threads })).data[1],
  work: (params) => ({ amount: 2 * Number(params.n) * Number(params.kernel), unit: 'FLOP (direct-equivalent)' }),
  anchors: [
    { kind: 'python', name: 'scipy.signal.oaconvolve', script: 'conv.py', module: 'scipy' },
    { kind: 'python', name: 'scipy.signal.fftconvolve', script: 'conv.py', module: 'scipy' },
  ],
};
