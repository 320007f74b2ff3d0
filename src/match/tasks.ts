/**
 * Worker tasks of the parallel FFT matcher (parallel.ts), listed in src/parallel/tasks.ts as
 * `match.rows`, `match.cols` and `match.scores`. Every big array travels as a
 * SharedArrayBuffer; each task writes only its own rows or columns.
 */
import { columnPass, emitRows, type FftGeometry, rowPass } from './fftStages.js';
import type { Plane } from './planes.js';
import { type ScoreParams, scoreRow } from './scores.js';
import { WindowEnergy } from './windowStats.js';

/** The image: C planes [C, H, W] in one shared buffer, float32 or float64. */
export interface SharedImage {
  buffer: SharedArrayBuffer;
  dtype: 'float32' | 'float64';
  channels: number;
}

function planesOf(img: SharedImage, g: FftGeometry): Plane[] {
  const data = img.dtype === 'float32' ? new Float32Array(img.buffer) : new Float64Array(img.buffer);
  return Array.from({ length: img.channels }, (_, c) => ({ data, offset: c * g.H * g.W, height: g.H, width: g.W }));
}

/** Row spectra of rows [r0, r1) of every channel c into specs[c] ([bins, N] complex, shared). */
export function rowsTask(a: { g: FftGeometry; image: SharedImage; specs: SharedArrayBuffer[]; r0: number; r1: number }): number {
  const planes = planesOf(a.image, a.g);
  planes.forEach((p, c) => {
    rowPass(a.g, p, false, new Float64Array(a.specs[c]), a.r0, a.r1);
  });
  return a.r1 - a.r0;
}

/** Columns [k0, k1): transform, multiply by conj(kernel), sum over channels into specs[0], invert. */
export function colsTask(a: { g: FftGeometry; specs: SharedArrayBuffer[]; kRows: Float64Array[]; k0: number; k1: number }): number {
  const specs = a.specs.map((b) => new Float64Array(b));
  columnPass(a.g, specs, a.kRows, specs[0], a.k0, a.k1);
  return a.k1 - a.k0;
}

/** Output rows [y0, y1): correlation rows from acc, window energies, scores into out ([outH, outW], shared). */
export function scoresTask(a: {
  g: FftGeometry;
  image: SharedImage;
  /** The summed spectra [bins, N] (fftStages); unused when `num` is given. */
  acc?: SharedArrayBuffer;
  out: SharedArrayBuffer;
  outDtype: 'float32' | 'float64';
  params: ScoreParams;
  centred: boolean;
  energy: boolean;
  y0: number;
  y1: number;
  /** The correlation map [outH, outW] already computed (tiled FFT, parallel.ts), read instead of inverting `acc`. */
  num?: { buffer: SharedArrayBuffer; dtype: 'float32' | 'float64' };
}): number {
  const { g, params } = a;
  const n = g.outH * g.outW; // [outH, outW] at the start of a.out (a large one has kernel scratch after it)
  const out = a.outDtype === 'float32' ? new Float32Array(a.out, 0, n) : new Float64Array(a.out, 0, n);
  const energy = a.energy ? new WindowEnergy(planesOf(a.image, g), g.h, g.w, a.centred, a.y0) : undefined;
  const scores = new Float64Array(g.outW);
  const score = (y: number, num: Float64Array): void => {
    scoreRow(params, num, energy === undefined ? num : energy.next(), scores);
    out.set(scores, y * g.outW);
  };
  if (a.num === undefined) emitRows(g, new Float64Array(a.acc as SharedArrayBuffer), a.y0, a.y1, score);
  else {
    const map = a.num.dtype === 'float32' ? new Float32Array(a.num.buffer) : new Float64Array(a.num.buffer);
    const row = new Float64Array(g.outW); // [outW]
    for (let y = a.y0; y < a.y1; y++) {
      row.set(map.subarray(y * g.outW, (y + 1) * g.outW));
      score(y, row);
    }
  }
  return a.y1 - a.y0;
}
