/**
 * convolab — the isomorphic library (Node and browser). Node-only I/O lives in `convolab/node`.
 * @packageDocumentation
 */
export * from './core/index.js';
export const VERSION = '0.1.0';
export * from './conv/index.js';
export * as diffusion from './diffusion/index.js';
export * from './fft/index.js';
export * as filters from './filters/index.js';
export * from './io/index.js';
export * as match from './match/index.js';
export * as nn from './nn/index.js';
export * from './parallel/index.js';
export * as search from './search/index.js';
export * as spectrum from './spectrum/index.js';
export * as stats from './stats/index.js';
