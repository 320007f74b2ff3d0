/**
 * W4 — Gaussian blur, sigma 5 (41 taps, truncate 4), of a seeded random size × size float32
 * image (default 4096²), `same`, mirror border: `convolveAsync(x, gaussian(5), { threads })`
 * with `method: 'auto'`, which detects the rank-1 kernel and runs the SIMD row and column
 * passes (symmetric taps folded in pairs), rows split over the worker pool. Before the workers
 * start, `auto` runs on the calling thread: where its cost model ranks the tiled FFT below two
 * 1-D passes (as here), it scans x for FFT accuracy, ~27 ms of CPU for 4096² (choose.ts).
 * Anchors: cv2.GaussianBlur (BORDER_REFLECT_101), scipy.ndimage.gaussian_filter (mode mirror).
 */

import { convolveAsync } from '../../conv/parallel.js';
import { type NDArray, zeros } from '../../core/ndarray.js';
import { gaussian } from '../../filters/gaussian.js';
import type { CaseParams, SetupOptions, Workload } from '../workload.js';
import { sharedNormal } from './w3-conv2d.js';

interface State {
  x: NDArray<'float32'>; // [size, size], shared
  k: NDArray<'float32'>; // [41, 41]
  out: NDArray<'float32'> | undefined;
  threads: number;
}

export const w4: Workload<State> = {
  id: 'W4',
  description: 'Gaussian blur sigma 5 (41 taps) of a size² float32 image, same, mirror border',
  params: ['size'],
  cases: [
    { size: 4096, sigma: 5, output: 'new' },
    { size: 4096, sigma: 5, output: 'reuse' },
  ],
  repeats: 5,
  parallel: true,
  setup(params: CaseParams, { seed, threads }: SetupOptions): State {
    const n = Number(params.size);
    const g = gaussian(Number(params.sigma));
    const k = zeros(g.shape, 'float32');
    k.data.set(g.data);
    const shared = threads > 1;
    return {
      x: sharedNormal([n, n], seed, shared),
      k,
      out: params.output === 'reuse' ? zeros([n, n], 'float32', shared) : undefined,
      threads,
    };
  },
  run: async ({ x, k, out, threads }) => (await convolveAsync(x, k, { mode: 'same', boundary: 'mirror', threads, out })).data[1],
  work: (params) => ({ amount: 2 * 2 * Number(params.size) ** 2 * (8 * Number(params.sigma) + 1), unit: 'FLOP' }),
  anchors: [
    { kind: 'python', name: 'cv2.GaussianBlur', script: 'conv.py', module: 'cv2' },
    { kind: 'python', name: 'scipy.ndimage.gaussian_filter', script: 'conv.py', module: 'scipy' },
  ],
};
