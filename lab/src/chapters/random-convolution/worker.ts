/** The random-convolution chapter's module worker: decodes the sample image once (gray, ≤ 128 px), then answers jobs. */
import { NDArray } from '../../../../src/core/ndarray.js';
import { type SampleJob, sampleView, shrinkGray } from './compute.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const cache = new Map<string, Promise<NDArray<'float64'>>>();

async function grayOf(url: string): Promise<NDArray<'float64'>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bitmap = await createImageBitmap(await response.blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('OffscreenCanvas: no 2d context');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const gray = new NDArray('float64', [height, width]);
  for (let i = 0; i < width * height; i++) gray.data[i] = 0.299 * data[4 * i] + 0.587 * data[4 * i + 1] + 0.114 * data[4 * i + 2];
  return shrinkGray(gray, 128);
}

scope.addEventListener('message', async (event: MessageEvent<SampleJob & { id: number; url: string }>) => {
  const { id, url, ...job } = event.data;
  try {
    let image = cache.get(url);
    if (!image) {
      image = grayOf(new URL(url, scope.location.href).href);
      cache.set(url, image);
    }
    const x = await image;
    const t0 = performance.now();
    const v = sampleView(x, job);
    const ms = performance.now() - t0;
    const wire = (a: NDArray) => ({ shape: [...a.shape], data: Float32Array.from(a.data as Float64Array) });
    const arrays = { one: wire(v.one), mean: wire(v.mean), exact: wire(v.exact) };
    scope.postMessage(
      { id, ok: true, ...arrays, counts: v.counts, rmse: v.rmse, sigma: v.sigma, ms },
      Object.values(arrays).map((a) => a.data.buffer),
    );
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
