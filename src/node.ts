/**
 * convolab/node — Node-only helpers (file system, worker_threads). Re-exports the library.
 * @packageDocumentation
 */
export * from './index.js';
export * from './io/node.js';
export * from './io/node-fashion-mnist.js';
