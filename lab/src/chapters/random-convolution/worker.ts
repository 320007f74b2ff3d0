/** The random-convolution chapter's module worker: decodes the sample image once (gray, ≤ 128 px), then answers jobs. */
import { NDArray } from '../../../../src/core/ndarray.js';
import { serveWorker, toWire, transfer, type WireArray } from '../../worker-rpc.js';
import { decodeRgba, memo } from '../../workers/decode.js';
import { type SampleJob, sampleView, shrinkGray } from './compute.js';

export type Request = SampleJob & { url: string };
export interface Reply {
  one: WireArray;
  mean: WireArray;
  exact: WireArray;
  counts: number[];
  rmse: number[];
  sigma: number;
  ms: number;
}

const cache = new Map<string, Promise<NDArray<'float64'>>>();

async function grayOf(url: string): Promise<NDArray<'float64'>> {
  const { data, width, height } = await decodeRgba(url);
  const gray = new NDArray('float64', [height, width]);
  for (let i = 0; i < width * height; i++) gray.data[i] = 0.299 * data[4 * i] + 0.587 * data[4 * i + 1] + 0.114 * data[4 * i + 2];
  return shrinkGray(gray, 128);
}

serveWorker<Request, Reply>(async ({ url, ...job }) => {
  const x = await memo(cache, url, () => grayOf(url));
  const t0 = performance.now();
  const v = sampleView(x, job);
  const ms = performance.now() - t0;
  const wire = (a: NDArray) => toWire(new NDArray('float32', [...a.shape], Float32Array.from(a.data as Float64Array)));
  const arrays = { one: wire(v.one), mean: wire(v.mean), exact: wire(v.exact) };
  return transfer(
    { ...arrays, counts: v.counts, rmse: v.rmse, sigma: v.sigma, ms },
    Object.values(arrays).map((a) => a.data.buffer),
  );
});
