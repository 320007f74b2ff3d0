/** Reads test/golden/diffusion/<name>.npy (written by scripts/golden/diffusion.py). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NDArray } from '../../src/core/ndarray.js';
import { parseNpy } from '../../src/io/npy.js';

export function golden(name: string): NDArray {
  return parseNpy(new Uint8Array(readFileSync(fileURLToPath(new URL(`../golden/diffusion/${name}.npy`, import.meta.url)))), name);
}

/** max |a − b| / max |b|. */
export function relMaxError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let err = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    err = Math.max(err, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return err / scale;
}

/** ‖a − b‖₂ / ‖b − mean(b)‖₂: error relative to the field's contrast. */
export function relContrastError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < b.length; i++) m += b[i];
  m /= b.length;
  let e = 0;
  let s = 0;
  for (let i = 0; i < b.length; i++) {
    e += (a[i] - b[i]) ** 2;
    s += (b[i] - m) ** 2;
  }
  return Math.sqrt(e / s);
}
