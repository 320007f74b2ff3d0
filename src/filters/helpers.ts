/** Kernel helpers: flip, normalize, gradient magnitude, and argument checks for the kernel makers. */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { fromArray, type NDArray, zeros } from '../core/ndarray.js';
import { formatShape, sameShape } from '../core/shape.js';

/** A float64 kernel from rows of numbers. */
export function kernel2d(rows: number[][]): NDArray<'float64'> {
  return fromArray(rows.flat(), 'float64', [rows.length, rows[0].length]);
}

/** Reverse every axis (the flip convolve applies; complex values are not conjugated). */
export function flip<T extends NDArray>(k: T): T {
  const l = k.data.length / k.size;
  const out = zeros(k.shape, k.dtype) as T;
  for (let i = 0, n = k.size; i < n; i++) {
    for (let c = 0; c < l; c++) out.data[(n - 1 - i) * l + c] = k.data[i * l + c];
  }
  return out;
}

export type NormKind = 'sum' | 'l1' | 'max';

/** k / sum(k), k / Σ|k| or k / max|k|. A zero divisor is an error (an edge kernel sums to 0: use l1 or max). */
export function normalize(k: NDArray<'float64'> | NDArray<'float32'>, kind: NormKind = 'sum'): NDArray {
  if (kind !== 'sum' && kind !== 'l1' && kind !== 'max') {
    throw new ArgumentError(`kind: unknown normalisation ${JSON.stringify(kind)}; expected one of sum, l1, max`, 'kind');
  }
  const d = k.data;
  let s = 0;
  for (let i = 0; i < d.length; i++) s = kind === 'sum' ? s + d[i] : kind === 'l1' ? s + Math.abs(d[i]) : Math.max(s, Math.abs(d[i]));
  if (s === 0 || !Number.isFinite(s)) {
    const why =
      kind === 'sum' && d.some((v) => v !== 0) ? 'the kernel sums to 0 (an edge detector?); use l1 or max' : 'the kernel is all zeros';
    throw new ArgumentError(`k: cannot normalise by ${kind}: ${why}`, 'k');
  }
  const out = k.copy();
  for (let i = 0; i < d.length; i++) out.data[i] = d[i] / s;
  return out;
}

/** √(gx² + gy²), elementwise (e.g. of the Sobel x and y responses). */
export function gradientMagnitude<T extends NDArray<'float32'> | NDArray<'float64'>>(gx: T, gy: T): T {
  if (!sameShape(gx.shape, gy.shape) || gx.dtype !== gy.dtype) {
    throw new ShapeError(`gy: expected ${gx.dtype} ${formatShape(gx.shape)} like gx, got ${gy.dtype} ${formatShape(gy.shape)}`, 'gy');
  }
  const out = zeros(gx.shape, gx.dtype) as T;
  for (let i = 0; i < gx.data.length; i++) out.data[i] = Math.hypot(gx.data[i], gy.data[i]);
  return out;
}

export function assertPositive(v: number, arg: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new ArgumentError(`${arg}: expected a positive number, got ${v}`, arg);
  return v;
}

export function assertFinite(v: number, arg: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ArgumentError(`${arg}: expected a finite number, got ${v}`, arg);
  return v;
}

export function assertSize(n: number, arg: string, max = 4095): number {
  if (!Number.isSafeInteger(n) || n < 1 || n > max) throw new ArgumentError(`${arg}: expected an integer in 1..${max}, got ${n}`, arg);
  return n;
}
