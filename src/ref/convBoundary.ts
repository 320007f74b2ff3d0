/**
 * Names and index maps shared by the reference convolution and the fast paths:
 * modes, boundary extensions (scipy.ndimage's names, OpenCV aliases), and the
 * padding each mode implies (DESIGN.md, "Semantics").
 */
import { ArgumentError, ShapeError } from '../core/errors.js';

export type ConvMode = 'full' | 'same' | 'valid';
export type Boundary = 'constant' | 'reflect' | 'mirror' | 'nearest' | 'wrap';
/** A boundary name as accepted from callers: the five names plus OpenCV's aliases. */
export type BoundaryName = Boundary | 'reflect101' | 'replicate';

export const MODES: readonly ConvMode[] = ['full', 'same', 'valid'];
export const BOUNDARIES: readonly Boundary[] = ['constant', 'reflect', 'mirror', 'nearest', 'wrap'];
const ALIASES: Record<string, Boundary> = { reflect101: 'mirror', replicate: 'nearest' };

export function parseMode(mode: unknown, arg = 'mode'): ConvMode {
  if ((MODES as readonly unknown[]).includes(mode)) return mode as ConvMode;
  throw new ArgumentError(`${arg}: unknown mode ${JSON.stringify(mode)}; expected one of ${MODES.join(', ')}`, arg);
}

/** Resolve a boundary name or alias (`reflect101` → mirror, `replicate` → nearest). */
export function parseBoundary(boundary: unknown, arg = 'boundary'): Boundary {
  if ((BOUNDARIES as readonly unknown[]).includes(boundary)) return boundary as Boundary;
  if (typeof boundary === 'string' && boundary in ALIASES) return ALIASES[boundary];
  const names = [...BOUNDARIES, ...Object.keys(ALIASES).map((a) => `${a} (= ${ALIASES[a]})`)];
  throw new ArgumentError(`${arg}: unknown boundary ${JSON.stringify(boundary)}; expected one of ${names.join(', ')}`, arg);
}

/**
 * Source index of position `i` (may be outside [0, n)) under a boundary, or -1 for `constant`
 * outside the array. Periodic rules, so pads wider than the input keep extending:
 * reflect dcba|abcd|dcba (period 2n), mirror dcb|abcd|cba (period 2n-2), nearest aaa|abcd|ddd,
 * wrap bcd|abcd|abc (period n).
 */
export function sourceIndex(i: number, n: number, boundary: Boundary): number {
  if (i >= 0 && i < n) return i;
  switch (boundary) {
    case 'constant':
      return -1;
    case 'nearest':
      return i < 0 ? 0 : n - 1;
    case 'wrap':
      return ((i % n) + n) % n;
    case 'reflect': {
      const p = 2 * n;
      const j = ((i % p) + p) % p;
      return j < n ? j : p - 1 - j;
    }
    case 'mirror': {
      if (n === 1) return 0;
      const p = 2 * n - 2;
      const j = ((i % p) + p) % p;
      return j < n ? j : p - j;
    }
  }
}

/** Pad widths [before, after] per axis that turn `mode` into a `valid` convolution of the padded input. */
export function padWidths(kShape: readonly number[], mode: ConvMode): [number, number][] {
  return kShape.map((k) => {
    if (mode === 'full') return [k - 1, k - 1];
    if (mode === 'same') return [Math.floor(k / 2), Math.floor((k - 1) / 2)];
    return [0, 0];
  });
}

/**
 * scipy.signal's rule for `valid`: the kernel must fit the input in every dimension, or the input
 * must fit the kernel in every dimension (then the two are swapped; convolution is commutative).
 * Anything else is an error. Returns true when a swap is needed.
 */
export function validSwapNeeded(xShape: readonly number[], kShape: readonly number[]): boolean {
  const xFits = xShape.every((d, i) => d >= kShape[i]);
  const kFits = xShape.every((d, i) => kShape[i] >= d);
  if (!xFits && !kFits) {
    throw new ShapeError(
      `k: mode 'valid' needs one operand at least as large as the other in every dimension; got input [${xShape.join(', ')}] and kernel [${kShape.join(', ')}]`,
      'k',
    );
  }
  return !xFits;
}
