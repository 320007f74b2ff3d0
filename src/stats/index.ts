/**
 * Statistics as convolution: smoothing kernels and IIR filters, autocorrelation, AR / ARIMA
 * models (whose impulse response is the kernel that turns white noise into the series),
 * white noise and its tests, and whitening of data matrices and image patches.
 */
export { type AcfResult, type AcovfOptions, acf, acovf, defaultAcfLags } from './acf.js';
export { type ArFit, arFromPacf, arOls, burg, yuleWalker } from './ar.js';
export * from './arima/index.js';
export { type Eigh, eigh } from './eigh.js';
export { filtfilt, lfilter, lfilterZi, type PadType } from './lfilter.js';
export { defaultPacfLags, type Levinson, levinsonDurbin, type PacfMethod, type PacfResult, pacf, pacfBurg, pacfOls } from './pacf.js';
export { type Boundary, pad1d } from './pad.js';
export { type WhitenedPatches, whitenPatches } from './patches.js';
export { savgolCoeffs, savgolFilter } from './savgol.js';
export { diff, interpolateGaps, type SeriesLike } from './series.js';
export {
  type Align,
  ewm,
  ewmKernel,
  gaussianKernel,
  gaussianSmooth,
  movingAverage,
  type SmoothOptions,
  sma,
  smaKernel,
  wma,
  wmaKernel,
} from './smooth.js';
export { kernelOf, parseSmoothSpec, type SmoothSpec, smooth } from './spec.js';
export { chi2Sf, normCdf, normPpf } from './special.js';
export { columnMeans, covarianceMatrix, pcaWhiten, standardize, type Whitened, zcaWhiten } from './whiten.js';
export { ljungBox, type PortmanteauRow, whiteNoise } from './whitenoise.js';
