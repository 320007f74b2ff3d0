/**
 * The frequency domain: image spectra, orientation from the spectrum, frequency filters and the
 * spatial kernels they equal, and transform compression (spectral and JPEG-style).
 */
export { type CompressionResult, compressSpectrum, MAX_RADIUS, type SpectralCompressionOptions } from './compress.js';
export { category, SymbolTally } from './entropy.js';
export { bandpass, bandstop, type FilterPadding, type FrequencyFilterOptions, frequencyFilter, highpass, lowpass } from './filter.js';
export { binFrequency, powerSpectrum, wrap180 } from './freq.js';
export { type ChannelChoice, imageShape, type Plane, selectPlane, toDisplay } from './image.js';
export { type JpegRoundTrip, type JpegStyleOptions, type JpegStyleResult, jpegCompress, jpegRoundTrip, type Subsampling } from './jpeg.js';
export { type MaskKernelOptions, maskKernel } from './kernel.js';
export {
  checkMask,
  FILTER_KINDS,
  FILTER_SHAPES,
  type FilterKind,
  type FilterShape,
  frequencyMask,
  gainAt,
  gaussianCutoff,
  type MaskOptions,
  type MaskSpec,
} from './mask.js';
export { mse, psnr, ssim } from './metrics.js';
export { axialDistance, type Orientation, type OrientationOptions, type OrientationPeak, orientation } from './orientation.js';
export { CHROMINANCE_TABLE, checkQuality, LUMINANCE_TABLE, quantTable, ZIGZAG } from './quant.js';
export { type RotateOptions, rotate } from './rotate.js';
export { type Rotation, type RotationOptions, rotationBetween } from './rotation.js';
export { type Spectrum, type SpectrumOptions, spectrum } from './spectrum.js';
export { hann, type WindowName } from './window.js';
