/**
 * W5 — a seeded random size × size float32 image (default 2048²) convolved with a random
 * kernel × kernel kernel (default 63²), `same`, zero border: `convolveAsync(x, k, { threads })`
 * with `method: 'auto'` (the cost model must pick an FFT method here).
 * Anchors: scipy.signal.fftconvolve (mode same), cv2.filter2D (BORDER_CONSTANT; OpenCV
 * switches to its DFT path for large kernels).
 */

import { convolveAsync } from '../../conv/parallel.js';
import type { NDArray } from '../../core/ndarray.js';
import type { CaseParams, SetupOptions, Workload } from '../workload.js';
import { sharedNormal } from './w3-conv2d.js';

interface State {
  x: NDArray<'float32'>; // [size, size]
  k: NDArray<'float32'>; // [kernel, kernel]
  threads: number;
}

export const w5: Workload<State> = {
  id: 'W5',
  description: 'size² float32 image with a random kernel² kernel, same, zero border, method auto',
  params: ['size', 'kernel'],
  cases: [{ size: 2048, kernel: 63, boundary: 'constant' }],
  repeats: 5,
  parallel: true,
  setup(params: CaseParams, { seed, threads }: SetupOptions): State {
    const n = Number(params.size);
    const kn = Number(params.kernel);
    return { x: sharedNormal([n, n], seed, threads > 1), k: sharedNormal([kn, kn], seed + 1, false), threads };
  },
  run: async ({ x, k, threads }) => (await convolveAsync(x, k, { mode: 'same', threads })).data[1],
  work: (params) => ({ amount: 2 * Number(params.size) ** 2 * Number(params.kernel) ** 2, unit: 'FLOP (direct-equivalent)' }),
  anchors: [
    { kind: 'python', name: 'scipy.signal.fftconvolve', script: 'conv.py', module: 'scipy' },
    { kind: 'python', name: 'cv2.filter2D', script: 'conv.py', module: 'cv2' },
  ],
};
