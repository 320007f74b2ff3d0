/** Convolution as diffusion: propagators, the heat equation three ways, the tank, stochastic convolution. */
export { type AliasTable, aliasProbabilities, aliasTable } from './alias.js';
export { DIFFUSION_BOUNDARIES, type DiffusionBoundary } from './boundary.js';
export { cltDistance, cltGaussian, nfold } from './clt.js';
export {
  DIFFUSION_METHODS,
  type DiffuseOptions,
  type DiffusionFrame,
  type DiffusionMethod,
  defaultStep,
  diffuse,
  diffusionFrames,
  maxStableStep,
} from './diffuse.js';
export { gaussianTaps } from './exact.js';
export { compensatedSum, mass } from './field.js';
export { type PropagateOptions, propagate } from './propagate.js';
export { describe, heatStencil, type Propagator, type PropagatorMethod, type PropagatorOptions, toPropagator } from './propagator.js';
export { type ErrorCurve, type SampleOptions, type SampleResult, sampleConvolve, sampleErrorCurve } from './sample.js';
export { type AsyncSampleOptions, sampleConvolveAsync } from './sample-async.js';
export { type TankOptions, tank, tankFromImage } from './tank.js';
