/**
 * Motion blur: a line of `length` pixels through the centre, at `angle` degrees
 * counter-clockwise from +x as seen on screen (rows run down), normalised to sum 1.
 * Pixels are counted along the line's dominant axis (as a Bresenham line is drawn), so every
 * angle gives exactly `length` pixels in an odd n×n kernel (n = length, or length + 1 if even).
 */
import { type NDArray, zeros } from '../core/ndarray.js';
import { assertFinite, assertSize } from './helpers.js';

export function motionBlur(length: number, angle = 0): NDArray<'float64'> {
  assertSize(length, 'length');
  assertFinite(angle, 'angle');
  const n = length % 2 === 1 ? length : length + 1; // odd, so the line is centred
  const c = (n - 1) / 2;
  const a = (angle * Math.PI) / 180;
  const m = Math.max(Math.abs(Math.cos(a)), Math.abs(Math.sin(a))); // one pixel along the dominant axis
  const k = zeros([n, n], 'float64');
  const half = (length - 1) / 2;
  const steps = Math.max(1, 4 * length);
  for (let i = 0; i <= steps; i++) {
    const t = -half + (2 * half * i) / steps;
    const col = Math.round(c + (t * Math.cos(a)) / m);
    const row = Math.round(c - (t * Math.sin(a)) / m); // screen: up is a smaller row
    k.data[row * n + col] = 1;
  }
  let s = 0;
  for (const v of k.data) s += v;
  for (let i = 0; i < k.data.length; i++) k.data[i] /= s;
  return k;
}
