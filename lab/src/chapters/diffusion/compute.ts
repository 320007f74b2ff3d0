/**
 * The tank chapter's compute (runs in the worker; plain functions, testable in Node): the tank
 * diffusing, frame by frame, by explicit propagator steps and by the exact Gaussian.
 */

import type { DiffusionBoundary } from '../../../../src/diffusion/boundary.js';
import { diffusionFrames } from '../../../../src/diffusion/diffuse.js';
import { tank } from '../../../../src/diffusion/tank.js';

export interface TankJob {
  size: number;
  blocks: number;
  seed: number;
  D: number;
  /** Time of the last frame. */
  t: number;
  frames: number;
  boundary: DiffusionBoundary;
}

export interface TankFrames {
  /** [frames, size, size] float32 each: explicit steps, exact Gaussian. */
  explicit: Float32Array;
  exact: Float32Array;
  times: number[];
  massExplicit: number[];
  massExact: number[];
  /** max |explicit − exact| per frame. */
  maxDiff: number[];
}

export function tankFrames(job: TankJob): TankFrames {
  const u = tank({ size: job.size, blocks: job.blocks, seed: job.seed });
  const n = job.size * job.size;
  const out: TankFrames = {
    explicit: new Float32Array(job.frames * n),
    exact: new Float32Array(job.frames * n),
    times: [],
    massExplicit: [],
    massExact: [],
    maxDiff: [],
  };
  const opts = { D: job.D, t: job.t, frames: job.frames, boundary: job.boundary };
  for (const f of diffusionFrames(u, { ...opts, method: 'explicit' })) {
    out.explicit.set(f.field.data as Float64Array, f.index * n);
    out.times.push(f.t);
    out.massExplicit.push(f.mass);
  }
  for (const f of diffusionFrames(u, { ...opts, method: 'exact' })) {
    out.exact.set(f.field.data as Float64Array, f.index * n);
    out.massExact.push(f.mass);
    let m = 0;
    const d = f.field.data;
    for (let i = 0; i < n; i++) m = Math.max(m, Math.abs(d[i] - out.explicit[f.index * n + i]));
    out.maxDiff.push(m);
  }
  return out;
}
