/**
 * The worker side of threaded overlap-save (parallel.ts): one task computes the output blocks
 * [b0, b1) of a long 1-D convolution (oa.ts) from a shared input into a shared output.
 * Listed in src/parallel/tasks.ts as 'conv.os1d'. A leaf module: it must not import the pool.
 */

import { chargeShare } from '../core/kernel-memory.js';
import { type OsPlan, osBlocks, osPlan, overlapSaveBlocks } from './oa.js';

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
  /** The output was allocated for this call: charge this task's share of its bytes to this worker's GC (task2d.ts chargeShare). */
  fresh?: boolean;
}

export function os1dTask(a: Os1dArgs): number {
  if (a.fresh) chargeShare(Math.ceil((a.out.byteLength * (a.b1 - a.b0)) / osBlocks(a.k.length, a.out.length)));
  overlapSaveBlocks(a.xp, planFor(a.k), a.start, a.out, a.b0, a.b1);
  return a.b1 - a.b0;
}

/** The plan of the last kernel seen on this thread (a call's tasks all bring the same one). */
let last: { k: Float64Array; plan: OsPlan } | undefined;
function planFor(k: Float64Array): OsPlan {
  if (last === undefined || last.k.length !== k.length || !last.k.every((v, i) => Object.is(v, k[i]))) last = { k, plan: osPlan(k) };
  return last.plan;
}
