/** The kernel library: classic image kernels, helpers and the name registry. */
export { box, emboss, identity, laplacian, prewittX, prewittY, scharrX, scharrY, sharpen, sobelX, sobelY } from './basic.js';
export { type GaborOptions, gabor } from './gabor.js';
export { dog, type GaussianOptions, gaussian, gaussian1d, log, unsharp } from './gaussian.js';
export { flip, gradientMagnitude, kernel2d, type NormKind, normalize } from './helpers.js';
export { motionBlur } from './motion.js';
export { KERNELS, type KernelEntry, type ParsedKernel, parseKernelSpec } from './registry.js';
