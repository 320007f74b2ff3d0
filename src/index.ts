/**
 * convolab — the isomorphic library (Node and browser). Node-only I/O lives in `convolab/node`.
 * @packageDocumentation
 */
export * from './core/index.js';
export const VERSION = '0.1.0';
export * from './parallel/index.js';
export * from './io/index.js';
export * as stats from './stats/index.js';
export * as spectrum from './spectrum/index.js';
export * as diffusion from './diffusion/index.js';
