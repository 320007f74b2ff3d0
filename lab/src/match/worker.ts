/** The search page's module worker: decodes a sample photo once ([3, H, W] float32) and answers jobs. */
import { NDArray } from '../../../src/core/ndarray.js';
import { type ImageJob, type SignalJob, searchImage, searchSignal } from './compute.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const cache = new Map<string, Promise<NDArray<'float32'>>>();

async function decode(url: string): Promise<NDArray<'float32'>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bitmap = await createImageBitmap(await response.blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('OffscreenCanvas: no 2d context');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const n = width * height;
  const image = new NDArray('float32', [3, height, width]);
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) image.data[c * n + i] = data[4 * i + c];
  return image;
}

export type Request = ({ op: 'image'; url: string } & ImageJob) | ({ op: 'signal' } & SignalJob);

scope.addEventListener('message', async (event: MessageEvent<Request & { id: number }>) => {
  const { id } = event.data;
  try {
    if (event.data.op === 'image') {
      const { url, rect, method, top, similarity } = event.data;
      let image = cache.get(url);
      if (!image) {
        image = decode(new URL(url, scope.location.href).href);
        cache.set(url, image);
      }
      const img = await image;
      const r = searchImage(img, { rect, method, top, similarity });
      const map = Float32Array.from(r.map.data);
      scope.postMessage({
        id,
        ok: true,
        image: img.data.slice(),
        shape: img.shape,
        map,
        mapShape: r.map.shape,
        matches: r.matches,
        ms: r.ms,
      });
    } else {
      const r = searchSignal(event.data);
      scope.postMessage({ id, ok: true, ...r }, [r.signal.buffer, r.clip.buffer, r.scores.buffer]);
    }
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
