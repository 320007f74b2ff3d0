/**
 * Small fixed kernels. All are given in correlation orientation, as displayed and as
 * cv2.filter2D applies them: `correlate(img, sobelX())` is positive where intensity rises to
 * the right; `sobelY` where it rises downward (rows run down). Symmetric kernels read the
 * same under convolve.
 */
import { ArgumentError } from '../core/errors.js';
import { type NDArray, zeros } from '../core/ndarray.js';
import { assertSize, kernel2d } from './helpers.js';

/** n×n of 1/n²: the brightness-preserving mean (normalisation factor m = n²). */
export function box(n = 3): NDArray<'float64'> {
  assertSize(n, 'n');
  const k = zeros([n, n], 'float64');
  k.data.fill(1 / (n * n));
  return k;
}

/** n×n with a single 1 at the centre (n odd). */
export function identity(n = 3): NDArray<'float64'> {
  assertSize(n, 'n');
  if (n % 2 === 0) throw new ArgumentError(`n: expected an odd size (an even kernel has no centre pixel), got ${n}`, 'n');
  const k = zeros([n, n], 'float64');
  k.data[(n * n - 1) / 2] = 1;
  return k;
}

export const sobelX = (): NDArray<'float64'> =>
  kernel2d([
    [-1, 0, 1],
    [-2, 0, 2],
    [-1, 0, 1],
  ]);
export const sobelY = (): NDArray<'float64'> =>
  kernel2d([
    [-1, -2, -1],
    [0, 0, 0],
    [1, 2, 1],
  ]);
export const scharrX = (): NDArray<'float64'> =>
  kernel2d([
    [-3, 0, 3],
    [-10, 0, 10],
    [-3, 0, 3],
  ]);
export const scharrY = (): NDArray<'float64'> =>
  kernel2d([
    [-3, -10, -3],
    [0, 0, 0],
    [3, 10, 3],
  ]);
export const prewittX = (): NDArray<'float64'> =>
  kernel2d([
    [-1, 0, 1],
    [-1, 0, 1],
    [-1, 0, 1],
  ]);
export const prewittY = (): NDArray<'float64'> =>
  kernel2d([
    [-1, -1, -1],
    [0, 0, 0],
    [1, 1, 1],
  ]);

/** The discrete Laplacian: 4-neighbour (centre −4) or 8-neighbour (centre −8). */
export function laplacian(neighbours: 4 | 8 = 4): NDArray<'float64'> {
  if (neighbours === 8)
    return kernel2d([
      [1, 1, 1],
      [1, -8, 1],
      [1, 1, 1],
    ]);
  if (neighbours !== 4) throw new ArgumentError(`neighbours: expected 4 or 8, got ${neighbours}`, 'neighbours');
  return kernel2d([
    [0, 1, 0],
    [1, -4, 1],
    [0, 1, 0],
  ]);
}

/** identity + 4-neighbour edge boost: centre 5, cross −1 (sums to 1). */
export const sharpen = (): NDArray<'float64'> =>
  kernel2d([
    [0, -1, 0],
    [-1, 5, -1],
    [0, -1, 0],
  ]);

/** Relief lit from the top-left: a diagonal derivative plus the image (sums to 1). */
export const emboss = (): NDArray<'float64'> =>
  kernel2d([
    [-2, -1, 0],
    [-1, 1, 1],
    [0, 1, 2],
  ]);
