/** Loads test/golden/conv/<part>.npz + <part>.json (written by scripts/golden/conv.py). */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { NDArray } from '../../src/core/index.js';
import { parseNpy } from '../../src/io/npy.js';

export interface GoldenCase {
  name: string;
  fn: string;
  x: string;
  k: string;
  out: string;
  mode: 'full' | 'same' | 'valid';
  boundary: 'constant' | 'reflect' | 'mirror' | 'nearest' | 'wrap';
  cval: number;
}

export interface GoldenPart {
  cases: GoldenCase[];
  kernels: Record<string, unknown>[];
  array(member: string): NDArray;
}

const DIR = new URL('../golden/conv/', import.meta.url);

export function loadGolden(part: 'scipy' | 'cv2'): GoldenPart {
  const doc = JSON.parse(readFileSync(new URL(`${part}.json`, DIR), 'utf8'));
  const members = unzipSync(readFileSync(new URL(`${part}.npz`, DIR)));
  return {
    cases: doc.cases,
    kernels: doc.kernels,
    array(member: string): NDArray {
      const bytes = members[`${member}.npy`];
      if (!bytes) throw new Error(`golden member ${member} not found in ${part}.npz`);
      return parseNpy(bytes, member);
    },
  };
}

/** max |a - b| / max(max |b|, tiny), over all scalars (complex counted by parts). */
export function relErr(a: NDArray, b: NDArray): number {
  if (a.data.length !== b.data.length) return Number.POSITIVE_INFINITY;
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.data.length; i++) {
    num = Math.max(num, Math.abs(a.data[i] - b.data[i]));
    den = Math.max(den, Math.abs(b.data[i]));
  }
  return num / Math.max(den, 1e-300);
}
