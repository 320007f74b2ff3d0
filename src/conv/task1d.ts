/**
 * The worker side of threaded overlap-save (parallel.ts): one task computes the output blocks
 * [b0, b1) of a long 1-D convolution (oa.ts) from a shared input into a shared output.
 * Listed in src/parallel/tasks.ts as 'conv.os1d'. A leaf module: it must not import the pool.
 */
import { osPlan, overlapSaveBlocks } from './oa.js';

export interface Os1dArgs {
  /** The input (x, or x padded by the boundary rule), a view of shared memory. */
  xp: Float32Array | Float64Array;
  /** Kernel, convolution orientation. */
  k: Float64Array;
  /** Index of out[0] in the linear convolution xp ⊛ k. */
  start: number;
  /** The whole output (a view of shared memory); the blocks' samples are written. */
  out: Float32Array | Float64Array;
  b0: number;
  b1: number;
}

export function os1dTask(a: Os1dArgs): number {
  overlapSaveBlocks(a.xp, osPlan(a.k), a.start, a.out, a.b0, a.b1);
  return a.b1 - a.b0;
}
