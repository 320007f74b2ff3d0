/**
 * Walls of the tank. `reflect`: a particle stepping past an edge is mirrored back (half-sample
 * symmetric, dcba|abcd — Neumann, mass conserved); `wrap`: it re-enters on the other side
 * (periodic, mass conserved); `constant`: it leaves for good (absorbing, mass lost).
 */
import { ArgumentError } from '../core/errors.js';
import { sourceIndex } from '../ref/convBoundary.js';

export type DiffusionBoundary = 'reflect' | 'wrap' | 'constant';
export const DIFFUSION_BOUNDARIES: readonly DiffusionBoundary[] = ['reflect', 'wrap', 'constant'];

export function parseDiffusionBoundary(b: unknown, arg = 'boundary'): DiffusionBoundary {
  if ((DIFFUSION_BOUNDARIES as readonly unknown[]).includes(b)) return b as DiffusionBoundary;
  throw new ArgumentError(`${arg}: expected one of ${DIFFUSION_BOUNDARIES.join(', ')}, got ${JSON.stringify(b)}`, arg);
}

/** Where position i (any integer) lands in [0, n) under the boundary; −1 when absorbed. */
export function landing(i: number, n: number, boundary: DiffusionBoundary): number {
  return sourceIndex(i, n, boundary);
}

/** landing(i + shift, n) for i = 0..n−1. */
export function landingMap(n: number, shift: number, boundary: DiffusionBoundary): Int32Array {
  const map = new Int32Array(n);
  for (let i = 0; i < n; i++) map[i] = landing(i + shift, n, boundary);
  return map;
}
