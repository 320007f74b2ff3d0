/**
 * The frequency-domain chapters' module worker: decodes and caches sources (downsampled to
 * WORK_SIZE), runs compute.ts, and transfers the arrays back.
 */
import { NDArray } from '../../../../src/core/ndarray.js';
import { serveWorker, transfer, type WireArray } from '../../worker-rpc.js';
import { decodePlanar, memo } from '../../workers/decode.js';
import { compute, shrink, stripes } from './compute.js';
import { type Request, type Result, type Source, WORK_SIZE } from './protocol.js';

const cache = new Map<string, Promise<NDArray<'float32'>>>();

function load(source: Source): Promise<NDArray<'float32'>> {
  if (source.kind === 'stripes') return Promise.resolve(stripes(source.angle, source.period));
  if (source.kind === 'url') return memo(cache, source.url, () => decodePlanar(source.url).then((a) => shrink(a, WORK_SIZE)));
  const key = `pixels:${source.key}`;
  if (source.image) {
    const { shape, data } = source.image;
    cache.set(key, Promise.resolve(shrink(new NDArray('float32', shape, data), WORK_SIZE)));
  }
  const entry = cache.get(key);
  if (!entry) throw new Error(`pixels ${source.key}: not sent yet`);
  return entry;
}

serveWorker<Request, Result>(async (request) => {
  const image = await load(request.source);
  const t0 = performance.now();
  const { arrays, numbers } = compute(image, request);
  const ms = performance.now() - t0;
  const wire: Record<string, WireArray> = {};
  const buffers: Transferable[] = [];
  for (const [name, a] of Object.entries(arrays)) {
    const data = a.data === image.data ? a.data.slice() : a.data; // the cached source stays here
    wire[name] = { shape: [...a.shape], data };
    buffers.push(data.buffer);
  }
  return transfer({ arrays: wire, numbers, ms }, buffers);
});
