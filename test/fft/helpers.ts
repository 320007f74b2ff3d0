/** Test helpers for the FFT engine: golden .npy files, random buffers, relative errors. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NDArray } from '../../src/core/ndarray.js';
import { Rng } from '../../src/core/rng.js';
import { parseNpy } from '../../src/io/npy.js';

const DIR = fileURLToPath(new URL('../golden/fft/', import.meta.url));

/** test/golden/fft/<name>.<tag>.npy, made by scripts/golden/fft.py. */
export function golden(name: string, tag: string): NDArray {
  return parseNpy(new Uint8Array(readFileSync(`${DIR}${name}.${tag}.npy`)), `${name}.${tag}.npy`);
}

/** Relative L2 error ||a − b|| / ||b|| over flat storage (complex: both parts). */
export function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let e = 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    e += (a[i] - b[i]) ** 2;
    s += b[i] ** 2;
  }
  return s === 0 ? Math.sqrt(e) : Math.sqrt(e / s);
}

export function randomBuffer(length: number, seed: number): Float64Array {
  return new Rng(seed).fillNormal(new Float64Array(length));
}
