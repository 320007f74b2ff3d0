/**
 * W3 — direct 2-D correlation of a seeded random size × size float32 image (default 4096²)
 * with a random kernel × kernel kernel (3 and 7), `same`, mirror border (OpenCV's
 * BORDER_REFLECT_101): `correlateAsync(x, k, { method: 'direct', threads })`, rows split over
 * the worker pool. `output: 'new'` allocates the result each call (as cv2.filter2D does without
 * `dst`); `output: 'reuse'` writes into one preallocated `out` (cv2 `dst=`, scipy `output=`).
 * With threads > 1 the image and `out` live on SharedArrayBuffers (made in setup, not timed),
 * which the workers read and write in place; with 1 thread on ordinary buffers (faster to copy).
 * Anchors: cv2.filter2D, scipy.ndimage.convolve (bench/anchors/conv.py).
 */

import { correlateAsync } from '../../conv/parallel.js';
import { type NDArray, zeros } from '../../core/ndarray.js';
import { Rng } from '../../core/rng.js';
import type { CaseParams, SetupOptions, Workload } from '../workload.js';

interface State {
  x: NDArray<'float32'>; // [size, size], shared
  k: NDArray<'float32'>; // [kernel, kernel]
  out: NDArray<'float32'> | undefined; // [size, size], shared, when output = reuse
  threads: number;
}

/** A seeded standard-normal float32 array, on a SharedArrayBuffer when `shared`. */
export function sharedNormal(shape: number[], seed: number, shared = true): NDArray<'float32'> {
  const a = zeros(shape, 'float32', shared);
  new Rng(seed).fillNormal(a.data, 0, 1);
  return a;
}

export const w3: Workload<State> = {
  id: 'W3',
  description: 'direct 2-D correlation, size² float32, random kernel², same, mirror border',
  params: ['size', 'kernel'],
  cases: [
    { size: 4096, kernel: 3, boundary: 'mirror', output: 'new' },
    { size: 4096, kernel: 3, boundary: 'mirror', output: 'reuse' },
    { size: 4096, kernel: 7, boundary: 'mirror', output: 'new' },
    { size: 4096, kernel: 7, boundary: 'mirror', output: 'reuse' },
  ],
  repeats: 7,
  parallel: true,
  setup(params: CaseParams, { seed, threads }: SetupOptions): State {
    const n = Number(params.size);
    const kn = Number(params.kernel);
    return {
      x: sharedNormal([n, n], seed, threads > 1),
      k: sharedNormal([kn, kn], seed + 1, false),
      out: params.output === 'reuse' ? zeros([n, n], 'float32', threads > 1) : undefined,
      threads,
    };
  },
  run: async ({ x, k, out, threads }) =>
    (await correlateAsync(x, k, { mode: 'same', boundary: 'mirror', method: 'direct', threads, out })).data[1],
  work: (params) => ({ amount: 2 * Number(params.size) ** 2 * Number(params.kernel) ** 2, unit: 'FLOP' }),
  anchors: [
    { kind: 'python', name: 'cv2.filter2D', script: 'conv.py', module: 'cv2' },
    { kind: 'python', name: 'scipy.ndimage.convolve', script: 'conv.py', module: 'scipy' },
  ],
};
