/** File formats, isomorphic (no node:fs): .npy, PNG, JPEG, CSV. File-system helpers are in `./node.js`. */
export * from './csv.js';
export * from './fashion-mnist.js';
export * from './gif.js';
export * from './image.js';
export * from './jpeg.js';
export * from './npy.js';
export * from './png.js';
export * from './wav.js';
