export * from './dtype.js';
export * from './errors.js';
export * from './ndarray.js';
export * from './random.js';
export * from './rng.js';
export * from './shape.js';
