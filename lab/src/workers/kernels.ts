/**
 * The image kernels the lab's workers run (pure, no DOM): planar conversion, luminance, and
 * thin wrappers over the library's `correlate` (src/conv) and `gradientMagnitude` (src/filters),
 * so the lab runs the same engine as the CLI.
 */
import { correlate } from '../../../src/conv/index.js';
import { gradientMagnitude, sobelX, sobelY } from '../../../src/filters/index.js';
import { fromArray, NDArray, zeros } from '../../../src/index.js';

/** The library's Sobel kernels as rows (x: intensity rising to the right; y: rising downward). */
const rows = (k: NDArray): number[][] =>
  Array.from({ length: k.shape[0] }, (_, i) => Array.from(k.data.subarray(i * k.shape[1], (i + 1) * k.shape[1])));
export const SOBEL_X = rows(sobelX());
export const SOBEL_Y = rows(sobelY());

export { rgbaToPlanar } from './decode.js';

/** ITU-R BT.601 luma of a `[3, H, W]` (or `[1, H, W]`) image → `[H, W]`, same 0..255 scale. */
export function luminance(image: NDArray<'float32'>): NDArray<'float32'> {
  const [c, h, w] = image.shape;
  if (image.shape.length !== 3 || (c !== 1 && c < 3)) {
    throw new RangeError(`image: expected shape [1 | 3 | 4, H, W], got [${image.shape.join(', ')}]`);
  }
  const n = h * w;
  if (c === 1) return new NDArray('float32', [h, w], image.data.slice(0, n));
  const out = zeros([h, w], 'float32'); // [H, W]
  const d = image.data;
  for (let i = 0; i < n; i++) out.data[i] = 0.299 * d[i] + 0.587 * d[n + i] + 0.114 * d[2 * n + i];
  return out;
}

/**
 * out[c, y, x] = Σ k[i][j] · in[c, y + i - r, x + j - r] for a square odd kernel of radius r,
 * edges extended by `nearest` (aaa|abcd|ddd): the library's `correlate(x, k, { mode: 'same',
 * boundary: 'nearest' })` with a float32 kernel. `[H, W]` or `[C, H, W]` float32 in, same shape out.
 */
export function correlateSame(image: NDArray<'float32'>, kernel: readonly (readonly number[])[]): NDArray<'float32'> {
  const size = kernel.length;
  if (size % 2 === 0 || kernel.some((row) => row.length !== size)) {
    throw new RangeError(`kernel: expected a square grid of odd size, got ${size}×${kernel[0]?.length ?? 0}`);
  }
  if (image.shape.length !== 2 && image.shape.length !== 3) {
    throw new RangeError(`image: expected shape [H, W] or [C, H, W], got [${image.shape.join(', ')}]`);
  }
  const k = fromArray(kernel.flat(), 'float32', [size, size]); // [kh, kw]
  return correlate(image, k, { mode: 'same', boundary: 'nearest' }) as NDArray<'float32'>;
}

/** sqrt(gx² + gy²) with gx, gy the Sobel correlations of `gray` (`[H, W]`), nearest edges. */
export function sobelMagnitude(gray: NDArray<'float32'>): NDArray<'float32'> {
  if (gray.shape.length !== 2) throw new RangeError(`gray: expected shape [H, W], got [${gray.shape.join(', ')}]`);
  return gradientMagnitude(correlateSame(gray, SOBEL_X), correlateSame(gray, SOBEL_Y));
}
