import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/index.js';
import { DirectCorrelator, sourceOf } from '../../src/match/correlate.js';
import type { Plane } from '../../src/match/planes.js';
import { TileCorrelator } from '../../src/match/tileCorrelator.js';

function plane(H: number, W: number, seed: number, f32: boolean): Plane {
  const data = f32 ? new Float32Array(H * W) : new Float64Array(H * W);
  new Rng(seed).fillUniform(data, 0, 255);
  return { data, offset: 0, height: H, width: W };
}

function kernel(h: number, w: number, seed: number): Float64Array {
  const k = new Float64Array(h * w);
  new Rng(seed).fillNormal(k, 0, 1);
  return k;
}

/** max |a − b| / max |b|. */
function relMax(a: Float64Array, b: Float64Array): number {
  let d = 0;
  let m = 0;
  for (let i = 0; i < b.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    m = Math.max(m, Math.abs(b[i]));
  }
  return d / m;
}

describe('TileCorrelator', () => {
  for (const precision of ['float64', 'float32'] as const) {
    it(`TileCorrelator.sum(terms) equals DirectCorrelator on prime sizes, several terms and a squared source (${precision})`, () => {
      for (const [H, W, h, w] of [
        [61, 83, 7, 13],
        [131, 127, 31, 2],
        [17, 19, 17, 19],
        [5, 300, 1, 1],
      ]) {
        const p0 = plane(H, W, H, precision === 'float32');
        const p1 = plane(H, W, W, precision === 'float32');
        const terms = [
          { src: sourceOf(p0), kernel: kernel(h, w, 1) },
          { src: sourceOf(p1), kernel: kernel(h, w, 2) },
          { src: sourceOf(p0, true), kernel: kernel(h, w, 3) },
        ];
        const want = new DirectCorrelator(H, W, h, w).sum(terms);
        const tiles = new TileCorrelator(H, W, h, w, precision);
        expect(relMax(tiles.sum(terms), want), `${H}x${W} * ${h}x${w}`).toBeLessThan(precision === 'float64' ? 1e-12 : 1e-5);
        expect(relMax(tiles.sum(terms.slice(0, 1)), new DirectCorrelator(H, W, h, w).sum(terms.slice(0, 1)))).toBeLessThan(
          precision === 'float64' ? 1e-12 : 1e-5,
        );
        const rows: number[] = [];
        tiles.sumRows(terms, (y, row) => {
          rows.push(y);
          expect(row.length).toBe(W - w + 1);
        });
        expect(rows).toEqual(Array.from({ length: H - h + 1 }, (_, y) => y));
      }
    });
  }
  it('TileCorrelator picks power-of-two blocks that cover the valid output (2048² image, 128² template: 512² blocks)', () => {
    const c = new TileCorrelator(2048, 2048, 128, 128, 'float32');
    expect(c.plan.B).toEqual([512, 512]);
    expect(c.plan.tiles[0] * c.plan.T[0]).toBeGreaterThanOrEqual(1921);
  });
});
