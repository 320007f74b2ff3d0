/** Shape and stride helpers for C-contiguous arrays. */
import { ArgumentError, ShapeError } from './errors.js';

export type Shape = readonly number[];

/** Number of elements of a shape (1 for a 0-d shape). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** C-order strides, in elements. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/** Throws unless `shape` is a list of non-negative safe integers. */
export function assertShape(shape: unknown, arg = 'shape'): number[] {
  if (!Array.isArray(shape)) throw new ShapeError(`${arg}: expected an array of non-negative integers, got ${String(shape)}`, arg);
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0) {
      throw new ShapeError(`${arg}: expected non-negative integers, got [${shape.join(', ')}]`, arg);
    }
  }
  return [...shape];
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Normalise a possibly negative axis against `ndim` (numpy style). */
export function normalizeAxis(axis: number, ndim: number, arg = 'axis'): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw new ArgumentError(`${arg}: axis ${axis} is out of range for an array of ${ndim} dimension(s)`, arg);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Normalise a list of axes; duplicates are an error. */
export function normalizeAxes(axes: readonly number[], ndim: number, arg = 'axes'): number[] {
  const out = axes.map((a) => normalizeAxis(a, ndim, arg));
  if (new Set(out).size !== out.length) throw new ArgumentError(`${arg}: repeated axis in [${axes.join(', ')}]`, arg);
  return out;
}

export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}
