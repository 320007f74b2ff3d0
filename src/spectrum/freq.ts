/**
 * Frequency coordinates of FFT bins in cycles/pixel (numpy.fft.fftfreq order), and the 2-D
 * power spectrum of a plane. Angles of a frequency follow DESIGN.md: degrees counter-clockwise
 * from +x as seen on screen, so a bin (ky rows, kx columns) points at atan2(−fy, fx).
 */
import { NDArray } from '../core/ndarray.js';
import { fft2 } from '../fft/index.js';
import type { Plane } from './image.js';

/** Frequency of bin i of an n-point FFT, cycles per sample: i/n for i < ⌈n/2⌉, else (i − n)/n. */
export function binFrequency(i: number, n: number): number {
  return (i < (n + 1) >> 1 ? i : i - n) / n;
}

/** The plane's 2-D DFT (unnormalised, numpy layout) as interleaved complex128 `[H, W]`. */
export function planeFft(p: Plane): Float64Array {
  const F = fft2(new NDArray('float64', [p.height, p.width], p.data));
  return F.data as Float64Array;
}

/** |F|² of the plane's DFT, `[H, W]` numpy layout. */
export function powerSpectrum(p: Plane): Float64Array {
  const F = planeFft(p);
  const P = new Float64Array(p.height * p.width);
  for (let i = 0; i < P.length; i++) P[i] = F[2 * i] * F[2 * i] + F[2 * i + 1] * F[2 * i + 1];
  return P;
}

/** Wrap an angle in degrees into [0, 180). */
export function wrap180(deg: number): number {
  const a = deg % 180;
  return a < 0 ? a + 180 : a === 180 ? 0 : a;
}
