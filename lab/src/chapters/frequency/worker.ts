/**
 * The frequency-domain chapters' module worker: decodes and caches sources (downsampled to
 * WORK_SIZE), runs compute.ts, and transfers the arrays back.
 */
import { NDArray } from '../../../../src/core/ndarray.js';
import { compute, shrink, stripes } from './compute.js';
import { type Request, type Response, type Source, type WireArray, WORK_SIZE } from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const cache = new Map<string, Promise<NDArray<'float32'>>>();

async function decodeUrl(url: string): Promise<NDArray<'float32'>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bitmap = await createImageBitmap(await response.blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('OffscreenCanvas: no 2d context');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const out = new NDArray('float32', [3, height, width]);
  const n = width * height;
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) out.data[c * n + i] = data[4 * i + c];
  return out;
}

function load(source: Source): Promise<NDArray<'float32'>> {
  if (source.kind === 'stripes') return Promise.resolve(stripes(source.angle, source.period));
  const key = source.kind === 'url' ? source.url : `pixels:${source.key}`;
  let entry = cache.get(key);
  if (source.kind === 'pixels' && source.image) {
    const { shape, data } = source.image;
    entry = Promise.resolve(shrink(new NDArray('float32', shape, data), WORK_SIZE));
    cache.set(key, entry);
  }
  if (!entry) {
    if (source.kind !== 'url') throw new Error(`pixels ${source.key}: not sent yet`);
    entry = decodeUrl(source.url).then((a) => shrink(a, WORK_SIZE));
    entry.catch(() => cache.delete(key));
    cache.set(key, entry);
  }
  return entry;
}

scope.addEventListener('message', async (event: MessageEvent<Request>) => {
  const request = event.data;
  try {
    const image = await load(request.source);
    const t0 = performance.now();
    const { arrays, numbers } = compute(image, request);
    const ms = performance.now() - t0;
    const wire: Record<string, WireArray> = {};
    const transfer: Transferable[] = [];
    for (const [name, a] of Object.entries(arrays)) {
      const data = a.data === image.data ? a.data.slice() : a.data; // the cached source stays here
      wire[name] = { shape: [...a.shape], data };
      transfer.push(data.buffer);
    }
    const reply: Response = { id: request.id, ok: true, arrays: wire, numbers, ms };
    scope.postMessage(reply, transfer);
  } catch (err) {
    const reply: Response = { id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) };
    scope.postMessage(reply);
  }
});
