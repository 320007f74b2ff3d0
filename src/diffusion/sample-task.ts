/**
 * The worker side of sampleConvolveAsync: one task draws rows [y0, y1) of one plane, reading the
 * padded input and writing the mean and variance through SharedArrayBuffer views. Listed in
 * src/parallel/tasks.ts as 'diffusion.sampleRows'. A leaf module: it must not import the pool.
 */
import { drawTables, sampleRows } from './sample.js';

export interface SampleRowsTaskArgs {
  /** Padded plane [H + kh − 1, Wp] (shared). */
  xpad: Float64Array;
  Wp: number;
  W: number;
  /** The alias table and taps (small: copied). */
  prob: Float64Array;
  alias: Int32Array;
  off: Int32Array;
  wt: Float64Array;
  keys: Uint32Array;
  pixelBase: number;
  y0: number;
  y1: number;
  /** Output planes [H, W] (shared views). */
  mean: Float64Array | Float32Array;
  variance: Float64Array | Float32Array;
}

export function sampleRowsTask(a: SampleRowsTaskArgs): number {
  const tables = drawTables(a.prob, a.alias, a.off, a.wt);
  sampleRows({
    xpad: a.xpad,
    Wp: a.Wp,
    W: a.W,
    plan: { tables },
    keys: a.keys,
    pixelBase: a.pixelBase,
    y0: a.y0,
    y1: a.y1,
    mean: a.mean,
    variance: a.variance,
  });
  return a.y1 - a.y0;
}
