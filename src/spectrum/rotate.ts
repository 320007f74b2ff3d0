/**
 * rotate(image, angle): turn an image counter-clockwise (as seen on screen) about its centre by
 * bilinear interpolation, keeping its size; pixels that come from outside are `fill`.
 */
import { ArgumentError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { imageShape } from './image.js';

export interface RotateOptions {
  /** Value of pixels whose source lies outside the image (default 0). */
  fill?: number;
}

/** `image` ([H, W] or [C, H, W]) rotated by `angle` degrees CCW on screen; float32 in → float32 out, else float64. */
export function rotate(image: NDArray, angle: number, opts: RotateOptions = {}): NDArray {
  const [C, H, W] = imageShape(image);
  if (!Number.isFinite(angle)) throw new ArgumentError(`angle: expected a finite number of degrees, got ${angle}`, 'angle');
  const fill = opts.fill ?? 0;
  const out = new NDArray(image.dtype === 'float32' ? 'float32' : 'float64', image.shape);
  const t = (angle * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = (W - 1) / 2;
  const cy = (H - 1) / 2;
  const src = image.data;
  const dst = out.data;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      // inverse map: the source of output (x, y); rows run down, so CCW on screen is this matrix
      const dx = x - cx;
      const dy = y - cy;
      const sx = cx + cos * dx - sin * dy;
      const sy = cy + sin * dx + cos * dy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < C; c++) {
        const base = c * H * W;
        const at = (yy: number, xx: number) => (yy >= 0 && yy < H && xx >= 0 && xx < W ? src[base + yy * W + xx] : fill);
        const top = at(y0, x0) * (1 - fx) + at(y0, x0 + 1) * fx;
        const bottom = at(y0 + 1, x0) * (1 - fx) + at(y0 + 1, x0 + 1) * fx;
        dst[base + y * W + x] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return out;
}
