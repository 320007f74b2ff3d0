/**
 * maskKernel(mask): the spatial kernel a frequency mask multiplies by, k = Re(ifft2(mask)),
 * shifted so its centre (the zero lag) sits at (⌊H/2⌋, ⌊W/2⌋). Multiplying an H × W spectrum by
 * the mask is the circular convolution of the image with this kernel. The ideal circle's kernel
 * is the ringing jinc (the 2-D sinc); a Gaussian mask gives a Gaussian.
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { ifft2 } from '../fft/index.js';

export interface MaskKernelOptions {
  /** Crop to the central size × size (odd, ≤ the mask's sides) — for display; the crop is no longer exact. */
  size?: number;
}

/** The spatial kernel of a real `[H, W]` frequency mask given in numpy layout (zero frequency at [0, 0]). */
export function maskKernel(mask: NDArray, opts: MaskKernelOptions = {}): NDArray<'float64'> {
  if (!(mask instanceof NDArray) || mask.ndim !== 2 || mask.dtype === 'complex64' || mask.dtype === 'complex128') {
    throw new ShapeError(
      `mask: expected a real [H, W] array, got ${mask instanceof NDArray ? `${mask.dtype} [${mask.shape.join(', ')}]` : typeof mask}`,
      'mask',
    );
  }
  const [H, W] = mask.shape;
  const k = ifft2(mask).data; // [H, W] complex
  const hy = H >> 1;
  const hx = W >> 1;
  const full = new Float64Array(H * W);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) full[((y + hy) % H) * W + ((x + hx) % W)] = k[2 * (y * W + x)];
  if (opts.size === undefined) return new NDArray('float64', [H, W], full);
  const s = opts.size;
  if (!(Number.isInteger(s) && s % 2 === 1 && s <= H && s <= W)) {
    throw new ArgumentError(`size: expected an odd integer ≤ ${Math.min(H, W)}, got ${s}`, 'size');
  }
  const out = new NDArray('float64', [s, s]);
  const r = s >> 1;
  for (let y = 0; y < s; y++) for (let x = 0; x < s; x++) out.data[y * s + x] = full[(hy - r + y) * W + hx - r + x];
  return out;
}
