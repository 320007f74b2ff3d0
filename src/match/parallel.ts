/**
 * matchTemplateAsync: matchTemplate on the worker pool. The unmasked FFT path splits each stage
 * of fftStages.ts over `threads` workers — rows of the image, columns of the spectrum, rows of
 * the output (with their window energies and scores) — over SharedArrayBuffers. Everything
 * else (a mask, the direct engine, one thread) runs matchTemplate on the calling thread.
 * Same results as matchTemplate to rounding (the same stages, in the same order per element).
 */
import { type NDArray, zeros } from '../core/ndarray.js';
import { getPool } from '../parallel/get-pool.js';
import { parallelFor } from '../parallel/split.js';
import { resolveThreads } from '../parallel/threads.js';
import { chooseEngine } from './engine.js';
import { fftGeometry, kernelRows } from './fftStages.js';
import { type MatchOptions, matchTemplate, needsEnergy, plainSetup } from './matchTemplate.js';
import { checkEngine, checkMethod } from './methods.js';
import { checkMatchInputs } from './planes.js';
import type { SharedImage } from './tasks.js';

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

  const g = fftGeometry(img.height, img.width, tpl.height, tpl.width);
  const { kernels, params } = plainSetup(img, tpl, method);
  const shared = sharedImage(image);
  const specs = kernels.map(() => takeShared(16 * g.bins * g.N)); // [C][bins, N] complex
  const kRows = kernels.map((k) => kernelRows(g, k)); // [C][bins, h] complex
  const outDtype = image.dtype === 'float64' || template.dtype === 'float64' ? 'float64' : 'float32';
  const out = zeros([g.outH, g.outW], outDtype, true);
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
