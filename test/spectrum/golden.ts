/** Loads test/golden/spectrum/spectrum.json and its .npy arrays (written by scripts/golden/spectrum.py). */
import { readFileSync } from 'node:fs';
import type { NDArray } from '../../src/core/ndarray.js';
import { parseNpy } from '../../src/io/npy.js';

const DIR = new URL('../golden/spectrum/', import.meta.url);

export const golden = JSON.parse(readFileSync(new URL('spectrum.json', DIR), 'utf8'));

export function goldenArray(name: string): NDArray {
  return parseNpy(new Uint8Array(readFileSync(new URL(`${name}.npy`, DIR))), name);
}
