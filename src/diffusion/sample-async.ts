/**
 * sampleConvolveAsync: sampleConvolve with each plane's rows split over the worker pool. The
 * padded input and the outputs live in SharedArrayBuffers; the random numbers are counter-based
 * (sample.ts), so 1 and N threads give identical bits. Without SharedArrayBuffer (a browser page
 * that is not cross-origin isolated) or with one thread it runs sampleConvolve on this thread.
 */
import { NDArray } from '../core/ndarray.js';
import { getPool } from '../parallel/get-pool.js';
import { splitRange } from '../parallel/split.js';
import { resolveThreads } from '../parallel/threads.js';
import { padPlane, prepareSampling, type SampleOptions, type SampleResult, sampleConvolve, sampleKeys } from './sample.js';
import type { SampleRowsTaskArgs } from './sample-task.js';

export interface AsyncSampleOptions extends SampleOptions {
  /** Worker threads (default: CONVOLAB_THREADS, else the number of cores). */
  threads?: number;
  /** Cancels the queued and running row tasks. */
  signal?: AbortSignal;
}

function sharedAvailable(): boolean {
  return typeof SharedArrayBuffer === 'function' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== false;
}

function shared<T extends Float32Array | Float64Array>(Ctor: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, n: number): T {
  return new Ctor(new SharedArrayBuffer(n * Ctor.BYTES_PER_ELEMENT));
}

export async function sampleConvolveAsync(x: NDArray, kernel: NDArray | number[][], opts: AsyncSampleOptions = {}): Promise<SampleResult> {
  const threads = resolveThreads(opts.threads);
  const P = prepareSampling(x, kernel, opts);
  if (threads === 1 || !sharedAvailable()) return sampleConvolve(x, kernel, opts);
  const { C, H, W, Wp, plan } = P;
  const Out = P.outDtype === 'float64' ? Float64Array : Float32Array;
  const meanS = shared<Float32Array | Float64Array>(Out, C * H * W);
  const varS = shared<Float32Array | Float64Array>(Out, C * H * W);
  const keys = sampleKeys(P.seed, 0, P.samples);
  const pool = getPool({ threads });
  const jobs: Promise<unknown>[] = [];
  for (let c = 0; c < C; c++) {
    const plane = x.data.subarray(c * H * W, (c + 1) * H * W) as ArrayLike<number>;
    const padded = padPlane(plane, H, W, plan.kh, plan.kw, P.boundary, P.cval);
    const xpad = shared(Float64Array, padded.length);
    xpad.set(padded);
    for (const [y0, y1] of splitRange(H, threads)) {
      const args: SampleRowsTaskArgs = {
        xpad,
        Wp,
        W,
        prob: plan.prob,
        alias: plan.alias,
        off: plan.off,
        wt: plan.wt,
        keys,
        pixelBase: c * H * W,
        y0,
        y1,
        mean: meanS.subarray(c * H * W, (c + 1) * H * W),
        variance: varS.subarray(c * H * W, (c + 1) * H * W),
      };
      jobs.push(pool.run('diffusion.sampleRows', args, { signal: opts.signal }));
    }
  }
  await Promise.all(jobs);
  const mean = new NDArray(P.outDtype, x.shape);
  const variance = new NDArray(P.outDtype, x.shape);
  mean.data.set(meanS);
  variance.data.set(varS);
  return { mean, variance, samples: P.samples, scale: plan.scale };
}
