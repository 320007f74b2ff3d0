/** Convolution and correlation: N-D, every mode / boundary / method (DESIGN.md, "Semantics"). */
export { BOUNDARIES, type Boundary, type BoundaryName, type ConvMode, MODES } from '../ref/convBoundary.js';
export { chooseMethod, FFT_MIN_TAPS, type MethodChoice } from './choose.js';
export { convolve, correlate, flipConj, resultOf } from './convolve.js';
export { convolveSeparable, outerKernel } from './convolveSeparable.js';
export { type ConvMethod, type ConvOptions, METHODS, type MethodName } from './options.js';
export { type AsyncConvOptions, convolveAsync, correlateAsync } from './parallel.js';
export { type PaddedRows, paddedRows } from './rows.js';
export { isSeparable, rank1, separate } from './separable.js';
