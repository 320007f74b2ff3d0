import { describe, expect, it } from 'vitest';
import { asPlanes } from '../../src/match/planes.js';
import { maxAbs, WindowEnergy } from '../../src/match/windowStats.js';
import { randImage } from './helpers.js';

/** Σ_c Σ_window (I − centre_c)² for the window at (y, x), by definition. */
function energyAt(img: Float64Array[], W: number, y: number, x: number, h: number, w: number, centred: boolean): number {
  let e = 0;
  for (const p of img) {
    let mean = 0;
    if (centred) {
      for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) mean += p[(y + i) * W + x + j] / (h * w);
    }
    for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) e += (p[(y + i) * W + x + j] - mean) ** 2;
  }
  return e;
}

describe('WindowEnergy', () => {
  for (const centred of [false, true]) {
    it(`new WindowEnergy(planes, h, w, ${centred}, y0).next() gives each row's window energies from row y0 on`, () => {
      const a = randImage([2, 17, 23], 5, 'float32', true);
      const { planes } = asPlanes(a, 'a');
      const vals = planes.map((p) => Float64Array.from(p.data.subarray(p.offset, p.offset + 17 * 23)));
      for (const y0 of [0, 6]) {
        const e = new WindowEnergy(planes, 5, 4, centred, y0);
        for (let y = y0; y < 13; y++) {
          const row = e.next();
          expect(row.length).toBe(20);
          // integer pixels: every running sum is exact
          for (let x = 0; x < 20; x++) expect(row[x]).toBeCloseTo(energyAt(vals, 23, y, x, 5, 4, centred), 6);
        }
      }
    });
  }

  it('maxAbs(plane) is the largest magnitude of the plane only', () => {
    const { planes } = asPlanes(randImage([2, 3, 3], 1, 'float64'), 'a');
    planes[0].data[4] = -300;
    expect(maxAbs(planes[0])).toBe(300);
    expect(maxAbs(planes[1])).toBeLessThan(255);
  });
});
