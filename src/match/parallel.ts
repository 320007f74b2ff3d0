/**
 * matchTemplateAsync: matchTemplate on the worker pool. The unmasked FFT path of a one-channel
 * image splits the tiles of the tiled FFT correlation (src/conv/tiles.ts, as matchTemplate's
 * TileCorrelator) and then the output rows (window energies and scores) over `threads` workers;
 * with several channels it splits each stage of fftStages.ts — rows of the image, columns of the
 * spectrum, rows of the output. Big arrays travel as SharedArrayBuffers. Everything else (a mask,
 * the direct engine, one thread) runs matchTemplate on the calling thread. Same results as
 * matchTemplate to rounding (one channel: the same tiles, so the same correlation bits).
 */

import type { Tiles2dArgs } from '../conv/task2d.js';
import { type NDArray, zeros } from '../core/ndarray.js';
import { getPool } from '../parallel/get-pool.js';
import { parallelFor, splitRange } from '../parallel/split.js';
import { resolveThreads } from '../parallel/threads.js';
import { chooseEngine, tilePrecision } from './engine.js';
import { fftGeometry, kernelRows } from './fftStages.js';
import { type MatchOptions, matchTemplate, needsEnergy, plainSetup } from './matchTemplate.js';
import { checkEngine, checkMethod, type MatchMethod } from './methods.js';
import { checkMatchInputs, type Planes } from './planes.js';
import type { SharedImage } from './tasks.js';
import { TileCorrelator } from './tileCorrelator.js';

export interface ParallelMatchOptions extends MatchOptions {
  /** Worker threads (default: CONVOLAB_THREADS, else the cores). */
  threads?: number;
  signal?: AbortSignal;
}

export async function matchTemplateAsync(
  image: NDArray,
  template: NDArray,
  opts: ParallelMatchOptions = {},
): Promise<NDArray<'float32' | 'float64'>> {
  const method = checkMethod(opts.method ?? 'ccoeff_normed');
  const engine = checkEngine(opts.engine ?? 'auto');
  const threads = resolveThreads(opts.threads);
  const { img, tpl } = checkMatchInputs(image, template, opts.mask);
  const work = { terms: img.channels, sources: img.channels, sums: 1 };
  const fft = engine === 'fft' || (engine === 'auto' && chooseEngine(img.height, img.width, tpl.height, tpl.width, work) === 'fft');
  if (threads === 1 || opts.mask !== undefined || !fft) return matchTemplate(image, template, opts);
  if (img.channels === 1 && image.dtype !== 'int32') return tiledAsync(image, img, tpl, method, threads, opts.signal);

  const g = fftGeometry(img.height, img.width, tpl.height, tpl.width);
  const { kernels, params } = plainSetup(img, tpl, method);
  const shared = sharedImage(image);
  const specs = kernels.map(() => takeShared(16 * g.bins * g.N)); // [C][bins, N] complex
  const kRows = kernels.map((k) => kernelRows(g, k)); // [C][bins, h] complex
  const outDtype = image.dtype === 'float64' || template.dtype === 'float64' ? 'float64' : 'float32';
  const out = zeros([g.outH, g.outW], outDtype, 'plain'); // new each call: not a kernel memory
  const pool = getPool({ threads });
  const run = { signal: opts.signal };
  const args = {
    g,
    image: shared,
    acc: specs[0],
    out: out.data.buffer,
    outDtype,
    params,
    centred: method === 'ccoeff_normed',
    energy: needsEnergy(method),
  };
  try {
    await parallelFor(g.H, threads, (r0, r1) => pool.run('match.rows', { g, image: shared, specs, r0, r1 }, run));
    await parallelFor(g.bins, threads, (k0, k1) => pool.run('match.cols', { g, specs, kRows, k0, k1 }, run));
    await parallelFor(g.outH, threads, (y0, y1) => pool.run('match.scores', { ...args, y0, y1 }, run));
  } finally {
    for (const b of [...specs, shared.buffer]) giveShared(b);
  }
  return out;
}

/**
 * One plane: the correlation map as tiles of a tiled FFT convolution over the pool ('conv.tiles2d',
 * the tiles matchTemplate's TileCorrelator runs: the same bits), then the window energies and
 * scores by output rows ('match.scores').
 */
async function tiledAsync(
  image: NDArray,
  img: Planes,
  tpl: Planes,
  method: MatchMethod,
  threads: number,
  signal: AbortSignal | undefined,
): Promise<NDArray<'float32' | 'float64'>> {
  const g = fftGeometry(img.height, img.width, tpl.height, tpl.width);
  const { kernels, params } = plainSetup(img, tpl, method);
  const precision = tilePrecision(img, method);
  const corr = new TileCorrelator(g.H, g.W, g.h, g.w, precision);
  const { plan } = corr;
  const shared = sharedImage(image);
  const bytes = precision === 'float32' ? 4 : 8;
  const num = takeShared(bytes * g.outH * g.outW); // [outH, outW], the correlation map
  const numView = precision === 'float32' ? new Float32Array(num) : new Float64Array(num);
  const xp = shared.dtype === 'float32' ? new Float32Array(shared.buffer) : new Float64Array(shared.buffer);
  const spec = corr.kernelSpectrum(kernels[0]).data as Float32Array | Float64Array;
  const specShared =
    precision === 'float32'
      ? new Float32Array(new SharedArrayBuffer(4 * spec.length))
      : new Float64Array(new SharedArrayBuffer(8 * spec.length));
  specShared.set(spec);
  const outDtype = image.dtype === 'float64' || tpl.planes[0].data instanceof Float64Array ? 'float64' : 'float32';
  const out = zeros([g.outH, g.outW], outDtype, 'plain'); // new each call: not a kernel memory
  const pool = getPool({ threads });
  try {
    const tiles = plan.tiles[0] * plan.tiles[1];
    await Promise.all(
      splitRange(tiles, 4 * threads).map(([t0, t1]) => {
        const args: Tiles2dArgs = {
          xp,
          xShape: [g.H, g.W],
          k: new Float64Array(0), // unused: the spectrum comes with `spec`
          kShape: [g.h, g.w],
          plan,
          start: [g.h - 1, g.w - 1],
          out: numView,
          oShape: [g.outH, g.outW],
          t0,
          t1,
          spec: specShared,
        };
        return pool.run('conv.tiles2d', args, { signal });
      }),
    );
    const args = {
      g,
      image: shared,
      out: out.data.buffer,
      outDtype,
      params,
      centred: method === 'ccoeff_normed',
      energy: needsEnergy(method),
      num: { buffer: num, dtype: precision },
    };
    await parallelFor(g.outH, threads, (y0, y1) => pool.run('match.scores', { ...args, y0, y1 }, { signal }));
  } finally {
    giveShared(num);
    giveShared(shared.buffer);
  }
  return out;
}

/** Shared work buffers kept between calls (a call takes its own; at most KEEP are kept). */
const KEEP = 4;
const sharedFree: SharedArrayBuffer[] = [];

function takeShared(bytes: number): SharedArrayBuffer {
  const i = sharedFree.findIndex((b) => b.byteLength === bytes);
  return i < 0 ? new SharedArrayBuffer(bytes) : sharedFree.splice(i, 1)[0];
}

function giveShared(b: SharedArrayBuffer): void {
  sharedFree.push(b);
  if (sharedFree.length > KEEP) sharedFree.shift();
}

/** The image's planes [C, H, W] copied into a SharedArrayBuffer (as float32 or float64). */
function sharedImage(image: NDArray): SharedImage {
  const channels = image.ndim === 2 ? 1 : image.shape[0];
  const dtype = image.dtype === 'float64' ? 'float64' : 'float32';
  const bytes = dtype === 'float64' ? 8 : 4;
  const buffer = takeShared(bytes * image.size);
  const view = dtype === 'float64' ? new Float64Array(buffer) : new Float32Array(buffer);
  view.set(image.data as ArrayLike<number>);
  return { buffer, dtype, channels };
}
