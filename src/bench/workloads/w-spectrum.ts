/**
 * Frequency-domain workloads (issue 5).
 *   WS1 — Gaussian low-pass in the frequency domain of a seeded random size × size float32 image
 *         (size 4096): rfft2 → mask → irfft2, wrap padding (the plain DFT filter, as
 *         scipy.ndimage.fourier_gaussian computes it). Work: two real 2-D FFTs, 5·N·log2(N) FLOP.
 *   WS2 — JPEG-style round trip (8×8 DCT-II, quantise at quality 50, entropy estimate, inverse)
 *         of a size × size RGB image (size 2048): smooth seeded random texture plus noise.
 *         Work: 3·size² pixels.
 * Anchors: scipy.fft + scipy.ndimage.fourier_gaussian, cv2.GaussianBlur (spatial, same σ);
 * scipy.fft.dctn on 8×8 blocks with the same quantisation, cv2.imencode / imdecode JPEG.
 */
import type { NDArray } from '../../core/ndarray.js';
import { randomNormal, randomUniform } from '../../core/random.js';
import { frequencyFilter } from '../../spectrum/filter.js';
import { jpegRoundTrip } from '../../spectrum/jpeg.js';
import { gaussianCutoff } from '../../spectrum/mask.js';
import type { SetupOptions, Workload } from '../workload.js';

/** σ of the Gaussian low-pass, pixels (cutoff 1/(2πσ) cycles/pixel). */
export const WS1_SIGMA = 5;

export const ws1: Workload<{ a: NDArray }> = {
  id: 'WS1',
  description: 'Gaussian low-pass (σ = 5 px) in the frequency domain of a size × size float32 image',
  params: ['size'],
  cases: [{ size: 4096, dtype: 'float32', sigma: WS1_SIGMA }],
  repeats: 3,
  parallel: false,
  setup: (params, { seed }: SetupOptions) => ({ a: randomNormal([Number(params.size), Number(params.size)], { seed, dtype: 'float32' }) }),
  run: ({ a }) => frequencyFilter(a, { kind: 'lowpass', shape: 'gaussian', cutoff: gaussianCutoff(WS1_SIGMA), padding: 'wrap' }).data[1],
  work: (params) => {
    const N = Number(params.size) ** 2;
    return { amount: 5 * N * Math.log2(N), unit: 'FLOP' };
  },
  anchors: [
    { kind: 'python', name: 'scipy.ndimage.fourier_gaussian', script: 'spectrum.py', module: 'scipy' },
    { kind: 'python', name: 'cv2.GaussianBlur', script: 'spectrum.py', module: 'cv2' },
  ],
};

/** A smooth random RGB texture on 0..255 plus a little noise, [3, size, size] float32. */
export function syntheticPhoto(size: number, seed: number): NDArray {
  const noise = randomUniform([3, size, size], { seed, dtype: 'float32', lo: 0, hi: 255 });
  const smooth = frequencyFilter(noise, { kind: 'lowpass', shape: 'gaussian', cutoff: 0.02, padding: 'wrap' });
  const grain = randomNormal([3, size, size], { seed: seed + 1, dtype: 'float32', std: 3 });
  for (let i = 0; i < smooth.data.length; i++)
    smooth.data[i] = Math.min(255, Math.max(0, 128 + 8 * (smooth.data[i] - 127.5) + grain.data[i]));
  return smooth;
}

export const ws2: Workload<{ a: NDArray }> = {
  id: 'WS2',
  description: 'JPEG-style round trip (8×8 DCT, quality 50, entropy estimate) of a size × size RGB image',
  params: ['size'],
  cases: [{ size: 2048, quality: 50 }],
  repeats: 3,
  parallel: false,
  setup: (params, { seed }: SetupOptions) => ({ a: syntheticPhoto(Number(params.size), seed) }),
  run: ({ a }) => jpegRoundTrip(a, 50).bitsPerPixel,
  work: (params) => ({ amount: 3 * Number(params.size) ** 2, unit: 'px' }),
  anchors: [
    { kind: 'python', name: 'scipy.fft.dctn blocks', script: 'spectrum.py', module: 'scipy' },
    { kind: 'python', name: 'cv2.imencode jpeg', script: 'spectrum.py', module: 'cv2' },
  ],
};
