/**
 * What every lab worker does first: fetch an image, decode it on an OffscreenCanvas, and keep the
 * result by key so sliders do not decode again. Browser-worker only (fetch, createImageBitmap).
 */
import { type NDArray, zeros } from '../../../src/core/ndarray.js';

/** Planar `[3, H, W]` float32 from interleaved RGBA bytes (alpha dropped). */
export function rgbaToPlanar(rgba: Uint8ClampedArray, width: number, height: number): NDArray<'float32'> {
  const n = width * height;
  if (rgba.length !== n * 4) throw new RangeError(`rgba: expected ${n * 4} bytes for ${width}×${height}, got ${rgba.length}`);
  const out = zeros([3, height, width], 'float32'); // [3, H, W]
  for (let i = 0; i < n; i++) {
    out.data[i] = rgba[i * 4];
    out.data[n + i] = rgba[i * 4 + 1];
    out.data[2 * n + i] = rgba[i * 4 + 2];
  }
  return out;
}

/** RGBA pixels of the image at `url` (resolved against the worker's location), the longer side scaled to `size` when > 0. */
export async function decodeRgba(url: string, size = 0): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const href = new URL(url, self.location.href).href;
  const response = await fetch(href);
  if (!response.ok) throw new Error(`${href}: HTTP ${response.status}`);
  const blob = await response.blob();
  let bitmap = await createImageBitmap(blob);
  if (size > 0) {
    const scale = size / Math.max(bitmap.width, bitmap.height);
    const [resizeWidth, resizeHeight] = [Math.round(bitmap.width * scale), Math.round(bitmap.height * scale)];
    bitmap.close();
    bitmap = await createImageBitmap(blob, { resizeWidth, resizeHeight, resizeQuality: 'high' });
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('OffscreenCanvas: no 2d context');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

/** The image at `url` as planar `[3, H, W]` float32 on 0..255 (see decodeRgba for `size`). */
export async function decodePlanar(url: string, size = 0): Promise<NDArray<'float32'>> {
  const { data, width, height } = await decodeRgba(url, size);
  return rgbaToPlanar(data, width, height);
}

/** `make()` once per key; a failed promise is dropped so the next call tries again. */
export function memo<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let entry = cache.get(key);
  if (!entry) {
    entry = make();
    entry.catch(() => cache.delete(key));
    cache.set(key, entry);
  }
  return entry;
}
