/**
 * Pictures of a search: boxes drawn on an image, and a score map as a gray image.
 */
import { type NDArray, zeros } from '../core/ndarray.js';
import { asPlanes } from './planes.js';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * An RGB copy [3, H, W] float32 of `image` ([H, W], [C, H, W]; gray is repeated, alpha dropped;
 * values clipped to 0..255) with each box outlined `thickness` pixels wide in `color`.
 */
export function drawBoxes(
  image: NDArray,
  boxes: readonly Box[],
  opts: { color?: [number, number, number]; thickness?: number } = {},
): NDArray<'float32'> {
  const { channels, height: H, width: W, planes } = asPlanes(image, 'image');
  const color = opts.color ?? [255, 0, 0];
  const t = Math.max(1, Math.round(opts.thickness ?? 2));
  const out = zeros([3, H, W], 'float32');
  const o = out.data;
  for (let c = 0; c < 3; c++) {
    const p = planes[channels >= 3 ? c : 0];
    for (let i = 0; i < H * W; i++) o[c * H * W + i] = Math.min(255, Math.max(0, p.data[p.offset + i] || 0));
  }
  const paint = (y: number, x: number): void => {
    if (y < 0 || y >= H || x < 0 || x >= W) return;
    for (let c = 0; c < 3; c++) o[(c * H + y) * W + x] = color[c];
  };
  for (const b of boxes) {
    const x0 = Math.round(b.x);
    const y0 = Math.round(b.y);
    const x1 = x0 + Math.round(b.width) - 1;
    const y1 = y0 + Math.round(b.height) - 1;
    for (let k = 0; k < t; k++) {
      for (let x = x0; x <= x1; x++) {
        paint(y0 + k, x);
        paint(y1 - k, x);
      }
      for (let y = y0; y <= y1; y++) {
        paint(y, x0 + k);
        paint(y, x1 - k);
      }
    }
  }
  return out;
}

/** A score map [h, w] as a gray image [1, h, w] on 0..255, min → 0 and max → 255 (`invert` swaps). */
export function mapToGray(map: NDArray, invert = false): NDArray<'float32'> {
  const v = map.data as ArrayLike<number>;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < v.length; i++) {
    if (v[i] < lo) lo = v[i];
    if (v[i] > hi) hi = v[i];
  }
  const out = zeros([1, map.shape[0], map.shape[1]], 'float32');
  const span = hi > lo ? hi - lo : 1;
  for (let i = 0; i < v.length; i++) {
    const u = (v[i] - lo) / span;
    out.data[i] = Math.round(255 * (invert ? 1 - u : u));
  }
  return out;
}
