/** matchTemplate against cv2.matchTemplate (test/golden/match, made by scripts/golden/match.py). */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { astype, type NDArray } from '../../src/core/index.js';
import { parseNpy } from '../../src/io/npy.js';
import { type MatchMethod, matchTemplate } from '../../src/match/index.js';

interface GoldenCase {
  name: string;
  method: MatchMethod;
  image: string;
  template: string;
  mask?: string;
  out: string;
}

const DIR = new URL('../golden/match/', import.meta.url);
const doc = JSON.parse(readFileSync(new URL('cv2.json', DIR), 'utf8')) as { cases: GoldenCase[] };
const members = unzipSync(readFileSync(new URL('cv2.npz', DIR)));
const array = (m: string): NDArray => parseNpy(members[`${m}.npy`], m);
/** Inputs were stored as uint8 where integer-valued; OpenCV saw them as float32. */
const float32 = (m: string): NDArray => astype(array(m), 'float32');

/** max |a − b| (normalised scores) or max |a − b| / max |b| (the others). */
function err(a: NDArray, b: NDArray, normed: boolean): number {
  let d = 0;
  let s = 0;
  for (let i = 0; i < b.data.length; i++) {
    d = Math.max(d, Math.abs(a.data[i] - b.data[i]));
    s = Math.max(s, Math.abs(b.data[i]));
  }
  return normed ? d : d / s;
}

describe('matchTemplate vs cv2.matchTemplate', () => {
  for (const c of doc.cases) {
    for (const engine of ['fft', 'direct'] as const) {
      it(`matchTemplate(image, template, { method: '${c.method}'${c.mask ? ', mask' : ''}, engine: '${engine}' }) equals cv2 on ${c.name}`, () => {
        const mask = c.mask === undefined ? undefined : array(c.mask); // uint8 = binary, as OpenCV reads it
        const got = matchTemplate(float32(c.image), float32(c.template), { method: c.method, engine, ...(mask ? { mask } : {}) });
        const want = array(c.out);
        expect(got.shape).toEqual(want.shape);
        expect(err(got, want, c.method.endsWith('_normed'))).toBeLessThanOrEqual(1e-4);
      });
    }
  }
});
