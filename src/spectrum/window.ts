/**
 * Windows against edge leakage: the separable 2-D Hann window, and a radial Hann taper (the same
 * in every direction, so rotating the content inside it rotates the spectrum exactly).
 */
import type { Plane } from './image.js';

export type WindowName = 'hann' | 'none';

/** Symmetric Hann window of length n: 0.5 − 0.5 cos(2πk/(n−1)) (numpy.hanning). */
export function hann(n: number): Float64Array {
  const w = new Float64Array(n);
  if (n === 1) w[0] = 1;
  for (let k = 0; k < n && n > 1; k++) w[k] = 0.5 - 0.5 * Math.cos((2 * Math.PI * k) / (n - 1));
  return w;
}

/** The plane multiplied by hann(H) ⊗ hann(W) (a new plane). */
export function applyHann(p: Plane): Plane {
  const wy = hann(p.height);
  const wx = hann(p.width);
  const data = new Float64Array(p.data.length);
  for (let y = 0; y < p.height; y++) for (let x = 0; x < p.width; x++) data[y * p.width + x] = p.data[y * p.width + x] * wy[y] * wx[x];
  return { data, height: p.height, width: p.width };
}

/**
 * The centred square of side min(H, W), minus its weighted mean, times the radial Hann taper
 * 0.5·(1 + cos(π r / R)) inside the inscribed disc (R = side / 2) and 0 outside.
 */
export function radialTaper(p: Plane): Plane {
  const s = Math.min(p.height, p.width);
  const y0 = (p.height - s) >> 1;
  const x0 = (p.width - s) >> 1;
  const c = (s - 1) / 2;
  const R = s / 2;
  const w = new Float64Array(s * s);
  const data = new Float64Array(s * s);
  let sw = 0;
  let sx = 0;
  for (let y = 0; y < s; y++) {
    for (let x = 0; x < s; x++) {
      const r = Math.hypot(x - c, y - c);
      const v = r < R ? 0.5 * (1 + Math.cos((Math.PI * r) / R)) : 0;
      const i = y * s + x;
      w[i] = v;
      data[i] = p.data[(y + y0) * p.width + x + x0];
      sw += v;
      sx += v * data[i];
    }
  }
  const mean = sw > 0 ? sx / sw : 0;
  for (let i = 0; i < data.length; i++) data[i] = (data[i] - mean) * w[i];
  return { data, height: s, width: s };
}

/** The plane minus its mean (a new plane). */
export function removeMean(p: Plane): Plane {
  let sum = 0;
  for (const v of p.data) sum += v;
  const mean = sum / p.data.length;
  return { data: p.data.map((v) => v - mean), height: p.height, width: p.width };
}
