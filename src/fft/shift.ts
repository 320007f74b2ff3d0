/** numpy.fft.fftshift / ifftshift / fftfreq / rfftfreq. */
import { lanes } from '../core/dtype.js';
import { ArgumentError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { normalizeAxes, sizeOf } from '../core/shape.js';
import { checkArray } from './args.js';

/** Roll every listed axis by shifts[i] (positive: towards higher indices). */
function roll(a: NDArray, axes: number[], shifts: number[]): NDArray {
  const out = new NDArray(a.dtype, a.shape);
  const ln = lanes(a.dtype);
  const shape = a.shape;
  const ndim = shape.length;
  const strides = a.strides;
  const shiftOf = new Array<number>(ndim).fill(0);
  axes.forEach((ax, i) => {
    const d = shape[ax];
    shiftOf[ax] = d === 0 ? 0 : (((shiftOf[ax] + shifts[i]) % d) + d) % d;
  });
  const size = sizeOf(shape);
  const src = a.data;
  const dst = out.data;
  const idx = new Array<number>(ndim).fill(0);
  for (let flat = 0; flat < size; flat++) {
    let target = 0;
    for (let d = 0; d < ndim; d++) {
      let j = idx[d] + shiftOf[d];
      if (j >= shape[d]) j -= shape[d];
      target += j * strides[d];
    }
    for (let l = 0; l < ln; l++) dst[target * ln + l] = src[flat * ln + l];
    for (let d = ndim - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

function axesOf(a: NDArray, axes: number | readonly number[] | undefined): number[] {
  if (axes === undefined) return a.shape.map((_, i) => i);
  return normalizeAxes(typeof axes === 'number' ? [axes] : axes, a.ndim, 'axes');
}

/** Move the zero-frequency bin to the centre (roll by floor(n/2) on each axis; default all axes). */
export function fftshift(a: NDArray, axes?: number | readonly number[]): NDArray {
  const arr = checkArray(a);
  const ax = axesOf(arr, axes);
  return roll(
    arr,
    ax,
    ax.map((d) => Math.floor(arr.shape[d] / 2)),
  );
}

/** The inverse of fftshift (roll by −floor(n/2)). */
export function ifftshift(a: NDArray, axes?: number | readonly number[]): NDArray {
  const arr = checkArray(a);
  const ax = axesOf(arr, axes);
  return roll(
    arr,
    ax,
    ax.map((d) => -Math.floor(arr.shape[d] / 2)),
  );
}

function checkFreqArgs(n: number, d: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new ArgumentError(`n: expected a positive integer, got ${n}`, 'n');
  if (!Number.isFinite(d) || d === 0) throw new ArgumentError(`d: expected a finite non-zero sample spacing, got ${d}`, 'd');
}

/** Sample frequencies of fft bins: [0, 1, …, ⌈n/2⌉−1, −⌊n/2⌋, …, −1] / (d·n), float64. */
export function fftfreq(n: number, d = 1): NDArray<'float64'> {
  checkFreqArgs(n, d);
  const out = new Float64Array(n);
  const half = Math.floor((n - 1) / 2) + 1;
  const val = 1 / (n * d);
  for (let i = 0; i < half; i++) out[i] = i * val;
  for (let i = half; i < n; i++) out[i] = (i - n) * val;
  return new NDArray('float64', [n], out);
}

/** Sample frequencies of rfft bins: [0, 1, …, ⌊n/2⌋] / (d·n), float64. */
export function rfftfreq(n: number, d = 1): NDArray<'float64'> {
  checkFreqArgs(n, d);
  const m = Math.floor(n / 2) + 1;
  const out = new Float64Array(m);
  const val = 1 / (n * d);
  for (let i = 0; i < m; i++) out[i] = i * val;
  return new NDArray('float64', [m], out);
}
