/**
 * The lab's module worker: decodes images (cached by URL) and runs the convolution kernels off
 * the main thread. See protocol.ts for the messages.
 */
import type { NDArray } from '../../../src/index.js';
import { correlateSame, luminance, rgbaToPlanar, sobelMagnitude } from './kernels.js';
import type { LabRequest, LabResponse } from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const decoded = new Map<string, Promise<NDArray<'float32'>>>();

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
  return rgbaToPlanar(data, width, height);
}

function image(url: string): Promise<NDArray<'float32'>> {
  let entry = decoded.get(url);
  if (!entry) {
    entry = decode(url);
    entry.catch(() => decoded.delete(url));
    decoded.set(url, entry);
  }
  return entry;
}

scope.addEventListener('message', async (event: MessageEvent<LabRequest>) => {
  const request = event.data;
  try {
    const input = await image(request.url);
    const t0 = performance.now();
    const result = request.op === 'edges' ? sobelMagnitude(luminance(input)) : correlateSame(input, request.kernel);
    const ms = performance.now() - t0;
    const copy = input.data.slice(); // the cached image stays here; a copy travels
    const reply: LabResponse = {
      id: request.id,
      ok: true,
      image: { shape: [...input.shape], data: copy },
      result: { shape: [...result.shape], data: result.data },
      ms,
    };
    scope.postMessage(reply, [copy.buffer, result.data.buffer] as Transferable[]);
  } catch (err) {
    const reply: LabResponse = { id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) };
    scope.postMessage(reply);
  }
});
