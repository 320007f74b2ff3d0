/** Checking layer options at the public boundary (the constructors and the JSON loader). */
import { ArgumentError, ShapeError } from '../../core/errors.js';
import { formatShape } from '../../core/shape.js';

export function posInt(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    throw new ArgumentError(`${name}: expected a positive integer, got ${JSON.stringify(v)}`, name);
  return v;
}

export function nonNegInt(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw new ArgumentError(`${name}: expected a non-negative integer, got ${JSON.stringify(v)}`, name);
  return v;
}

/** A positive integer or a pair [h, w] of them. */
export function pair(v: unknown, name: string, check = posInt): [number, number] {
  if (Array.isArray(v)) {
    if (v.length !== 2) throw new ArgumentError(`${name}: expected a number or a pair [h, w], got ${JSON.stringify(v)}`, name);
    return [check(v[0], `${name}[0]`), check(v[1], `${name}[1]`)];
  }
  const x = check(v, name);
  return [x, x];
}

export function finiteIn(v: unknown, name: string, lo: number, hi: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi)
    throw new ArgumentError(`${name}: expected a number in [${lo}, ${hi}], got ${JSON.stringify(v)}`, name);
  return v;
}

export function expectRank(layer: string, inShape: number[], rank: number, what: string): void {
  if (inShape.length !== rank)
    throw new ShapeError(`${layer}: expected a per-sample input of ${what}, got ${formatShape(inShape)}`, 'input');
}
