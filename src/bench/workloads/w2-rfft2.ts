/**
 * W2 — real 2-D FFT (rfft2) of a seeded random size × size image, float32 and float64,
 * size = 1024 and 4096, output [size, size/2 + 1] complex. Each case names its threads:
 * `threads=1` times `rfft2(a)` on the calling thread; `threads=2` times `rfft2Async(a, { threads: 2 })`
 * (rows, then blocks of columns, split over the worker pool; the pool is started in setup), with
 * the image on shared memory (`zeros(shape, dtype, true)`, made in setup, not timed), as the README
 * advises for threaded calls on large arrays and as W3 does: the workers read it where it is. (An
 * image on an ordinary buffer is first copied to shared memory by the call: 4096² float32, ~14 ms of
 * the calling thread's time, which competes with the workers for the two cores.)
 * Throughput counted as a half-size complex 2-D FFT: 2.5·N·log2(N) FLOP with N = size².
 * Anchors: scipy.fft.rfft2 (workers 1 and 2), numpy.fft.rfft2, cv2.dft (when installed).
 */
import { type NDArray, zeros } from '../../core/ndarray.js';
import { randomNormal } from '../../core/random.js';
import { rfft2 } from '../../fft/api.js';
import { rfft2Async } from '../../fft/parallel.js';
import type { SetupOptions, Workload } from '../workload.js';

interface State {
  a: NDArray; // [size, size]
  threads: number;
}

export const w2: Workload<State> = {
  id: 'W2',
  description: 'real 2-D FFT (rfft2 / rfft2Async) of a size × size image',
  params: ['size'],
  cases: [
    { size: 1024, dtype: 'float32', threads: 1 },
    { size: 1024, dtype: 'float64', threads: 1 },
    { size: 4096, dtype: 'float32', threads: 1 },
    { size: 4096, dtype: 'float64', threads: 1 },
    { size: 4096, dtype: 'float32', threads: 2 },
    { size: 4096, dtype: 'float64', threads: 2 },
  ],
  repeats: 5,
  // the thread count is each case's own `threads` (reported per case)
  parallel: true,
  async setup(params, { seed }: SetupOptions): Promise<State> {
    const size = Number(params.size);
    const dtype = params.dtype === 'float64' ? 'float64' : 'float32';
    const threads = Number(params.threads ?? 1);
    const random = randomNormal([size, size], { seed, dtype });
    const a = threads > 1 ? zeros([size, size], dtype, true) : random;
    if (a !== random) a.data.set(random.data);
    if (threads > 1) await rfft2Async(randomNormal([256, 256], { seed, dtype }), { threads }); // starts the workers
    return { a, threads };
  },
  run: ({ a, threads }) => (threads > 1 ? rfft2Async(a, { threads }).then((r) => r.data[1]) : rfft2(a).data[1]),
  work: (params) => {
    const N = Number(params.size) ** 2;
    return { amount: 2.5 * N * Math.log2(N), unit: 'FLOP' };
  },
  anchors: [
    { kind: 'python', name: 'scipy.fft.rfft2 workers=1', script: 'fft.py', module: 'scipy' },
    { kind: 'python', name: 'scipy.fft.rfft2 workers=2', script: 'fft.py', module: 'scipy' },
    { kind: 'python', name: 'numpy.fft.rfft2', script: 'fft.py', module: 'numpy' },
    { kind: 'python', name: 'cv2.dft', script: 'fft.py', module: 'cv2' },
  ],
};
