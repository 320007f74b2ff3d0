/**
 * The FFT engine: numpy.fft / scipy.fft semantics on NDArrays, plus a low-level plan API on
 * raw interleaved buffers for other engines.
 */
export {
  type FftNOptions,
  type FftNorm,
  type FftOptions,
  fft,
  fft2,
  fftn,
  ifft,
  ifft2,
  ifftn,
  irfft,
  irfft2,
  irfftn,
  rfft,
  rfft2,
  rfftn,
} from './api.js';
export { type FftBackend, fftBackend, setFftBackend } from './backend.js';
export { clearPlanCache } from './cache.js';
export { type DctOptions, type DctType, dct, idct } from './dct.js';
export { nextFastLen } from './factor.js';
export { type FftPlan, type FftPrecision, planFft, planRfft, type RfftPlan } from './lowlevel.js';
export {
  type AsyncFftOptions,
  fft2Async,
  fftAsync,
  fftnAsync,
  ifft2Async,
  ifftAsync,
  ifftnAsync,
  irfft2Async,
  irfftAsync,
  irfftnAsync,
  releaseFftScratch,
  rfft2Async,
  rfftAsync,
  rfftnAsync,
} from './parallel.js';
export { fftfreq, fftshift, ifftshift, rfftfreq } from './shift.js';
