/** Test images for the frequency-domain tests: gratings, samples, seeded noise. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NDArray } from '../../src/core/ndarray.js';
import { Rng } from '../../src/core/rng.js';
import { decodeImage } from '../../src/io/image.js';

/** 128 + 100·cos(2π f (x cos θ − y sin θ) + phase): stripes varying along θ (CCW on screen, rows down). */
export function grating(H: number, W: number, angleDeg: number, f: number, phase = 0.3): NDArray<'float32'> {
  const t = (angleDeg * Math.PI) / 180;
  const out = new NDArray('float32', [1, H, W]);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) out.data[y * W + x] = 128 + 100 * Math.cos(2 * Math.PI * f * (x * Math.cos(t) - y * Math.sin(t)) + phase);
  }
  return out;
}

export function sample(name: string): NDArray<'float32'> {
  const bytes = readFileSync(fileURLToPath(new URL(`../../samples/${name}`, import.meta.url)));
  return decodeImage(new Uint8Array(bytes)).image as NDArray<'float32'>;
}

export function noiseImage(C: number, H: number, W: number, seed = 1): NDArray<'float64'> {
  const rng = new Rng(seed);
  const out = new NDArray('float64', [C, H, W]);
  for (let i = 0; i < out.data.length; i++) out.data[i] = 255 * rng.random();
  return out;
}

/** Largest |a − b| / max|b|. */
export function relError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(a[i] - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  }
  return num / den;
}
