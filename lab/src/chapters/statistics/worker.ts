/**
 * The statistics chapter's module worker: ARIMA fits (with forecast, ψ kernel and the
 * noise-colouring demo) and ZCA whitening of a sample photo's patches. Replies `{ id, ok, … }`.
 */
import { NDArray } from '../../../../src/core/ndarray.js';
import { type ArimaJob, fitArima, grayShrink, patchView } from './compute.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

export type StatsRequest = ({ op: 'arima' } & ArimaJob) | { op: 'patches'; url: string; size: number; epsilon: number; max: number };

const images = new Map<string, Promise<NDArray<'float32'>>>();

async function decode(url: string, max: number): Promise<NDArray<'float32'>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bitmap = await createImageBitmap(await response.blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('OffscreenCanvas: no 2d context');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const rgb = new NDArray('float32', [3, height, width]);
  const n = width * height;
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) rgb.data[c * n + i] = data[4 * i + c];
  return grayShrink(rgb, max);
}

scope.addEventListener('message', async (event: MessageEvent<StatsRequest & { id: number }>) => {
  const { id, ...request } = event.data;
  try {
    if (request.op === 'arima') {
      const view = fitArima(request);
      scope.postMessage({ id, ok: true, ...view });
    } else {
      const key = `${request.url}@${request.max}`;
      let image = images.get(key);
      if (!image) {
        image = decode(request.url, request.max);
        image.catch(() => images.delete(key));
        images.set(key, image);
      }
      const view = patchView(await image, request.size, request.epsilon);
      scope.postMessage({ id, ok: true, ...view });
    }
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
