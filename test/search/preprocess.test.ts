import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core/ndarray.js';
import { subsetPerClass } from '../../src/io/fashion-mnist.js';
import { loadFashionMnist } from '../../src/io/node-fashion-mnist.js';
import { normalizeContrast } from '../../src/search/features.js';
import { grayOf, preprocessQuery, resizeArea } from '../../src/search/preprocess.js';

/** A w x h RGB photo: background `bg`, a filled rectangle of colour `fg` at (x, y, rw, rh). */
function photo(w: number, h: number, bg: number[], fg: number[], [x, y, rw, rh]: number[]): NDArray<'float32'> {
  const img = new NDArray('float32', [3, h, w]);
  for (let c = 0; c < 3; c++)
    for (let r = 0; r < h; r++)
      for (let q = 0; q < w; q++) img.data[c * w * h + r * w + q] = q >= x && q < x + rw && r >= y && r < y + rh ? fg[c] : bg[c];
  return img;
}

describe('preprocess', () => {
  it('resizeArea(g, w/2, h/2) averages 2 x 2 blocks; a constant image stays constant at any ratio', () => {
    const g = { width: 4, height: 2, data: Float32Array.of(0, 2, 4, 6, 8, 10, 12, 14) };
    expect([...resizeArea(g, 2, 1).data]).toEqual([5, 9]);
    const c = resizeArea({ width: 7, height: 5, data: new Float32Array(35).fill(3) }, 3, 4);
    for (const v of c.data) expect(v).toBeCloseTo(3, 5);
    // 3 -> 2: the middle input pixel is shared half and half
    expect([...resizeArea({ width: 3, height: 1, data: Float32Array.of(0, 3, 6) }, 2, 1).data]).toEqual([1, 5]);
  });

  it('preprocessQuery(photo on white) inverts, crops to the garment, pads to square and fills 28 x 28', () => {
    // 200 x 100 white photo, a dark-blue 40 x 80 garment at (130, 10)
    const p = preprocessQuery(photo(200, 100, [255, 255, 255], [20, 30, 120], [130, 10, 40, 80]));
    expect(p.inverted).toBe(true);
    expect(p.box).toEqual({ x: 130, y: 10, width: 40, height: 80 });
    expect(p.steps.square.width).toBe(80);
    expect(p.image.length).toBe(784);
    // The garment spans all rows and the middle half of the columns: columns 7..20 bright, 0..5 and 22..27 black.
    const at = (r: number, c: number) => p.image[r * 28 + c];
    expect(at(0, 14)).toBeCloseTo(255, 3);
    expect(at(27, 14)).toBeCloseTo(255, 3);
    expect(at(14, 3)).toBe(0);
    expect(at(14, 24)).toBe(0);
    expect(Math.max(...p.image)).toBeCloseTo(255, 3);
  });

  it('preprocessQuery(photo on black) does not invert; a recoloured garment gives the same image', () => {
    const a = preprocessQuery(photo(60, 60, [0, 0, 0], [200, 200, 200], [10, 20, 30, 20]));
    const b = preprocessQuery(photo(60, 60, [0, 0, 0], [30, 90, 10], [10, 20, 30, 20]));
    expect(a.inverted).toBe(false);
    for (let i = 0; i < 784; i++) expect(b.image[i]).toBeCloseTo(a.image[i], 3);
  });

  it('preprocessQuery(rgba) composites transparent pixels on white (then inverts them to background)', () => {
    const img = new NDArray('float32', [4, 10, 10]);
    img.data.fill(0); // black, fully transparent
    for (let i = 0; i < 100; i++) if (i % 10 >= 3 && i % 10 < 7) img.data[300 + i] = 255; // opaque black stripe
    expect(grayOf(img).data[0]).toBe(255);
    const p = preprocessQuery(img);
    expect(p.inverted).toBe(true);
    expect(p.box).toEqual({ x: 3, y: 0, width: 4, height: 10 });
  });

  it('preprocessQuery(a garment blown up x10, tinted, off-centre on a 500 x 400 white photo) recovers the 28 x 28 garment', () => {
    const ds = subsetPerClass(loadFashionMnist().test, 1);
    for (const k of [0, 1, 7, 9]) {
      const g = ds.images.subarray(k * 784, (k + 1) * 784);
      const img = new NDArray('float32', [3, 400, 500]);
      img.data.fill(255);
      const tint = [0.9, 0.4, 0.2];
      for (let c = 0; c < 3; c++)
        for (let y = 0; y < 280; y++)
          for (let x = 0; x < 280; x++)
            img.data[c * 200000 + (60 + y) * 500 + 170 + x] = 255 - g[Math.floor(y / 10) * 28 + Math.floor(x / 10)] * tint[c];
      const p = preprocessQuery(img);
      expect(p.inverted).toBe(true);
      // Compare with the garment as the dataset stores it, re-framed by the same pipeline.
      const ref = preprocessQuery(new NDArray('float32', [1, 28, 28], Float32Array.from(g))).image;
      const a = normalizeContrast(p.image);
      let num = 0;
      let da = 0;
      let db = 0;
      for (let i = 0; i < 784; i++) {
        num += a[i] * ref[i];
        da += a[i] * a[i];
        db += ref[i] * ref[i];
      }
      expect(num / Math.sqrt(da * db)).toBeGreaterThan(0.93); // cosine similarity (the two resample different pixel grids)
    }
  });

  it('preprocessQuery(noise only) keeps the whole frame; the crop does not move under a contrast change', () => {
    const flat = new NDArray('float32', [1, 8, 8]);
    flat.data.fill(40);
    expect(preprocessQuery(flat).box).toEqual({ x: 0, y: 0, width: 8, height: 8 });
    const a = new NDArray('float32', [1, 20, 20]);
    for (let y = 3; y < 15; y++) for (let x = 5; x < 12; x++) a.data[y * 20 + x] = y === 3 ? 20 : 200; // a faint top row
    const b = new NDArray(
      'float32',
      [1, 20, 20],
      a.data.map((v) => 255 * (v / 255) ** 1.6),
    );
    expect(preprocessQuery(a).box).toEqual({ x: 5, y: 3, width: 7, height: 12 });
    expect(preprocessQuery(b).box).toEqual(preprocessQuery(a).box);
  });

  it('preprocessQuery(bad) throws errors naming the argument', () => {
    expect(() => preprocessQuery(new NDArray('float32', [5, 4, 4]))).toThrow(/image: expected \[C, H, W\] with 1 to 4 channels/);
    expect(() => preprocessQuery(new NDArray('float32', [1, 4, 4]), { threshold: 2 })).toThrow(/threshold: expected a number in \[0, 1\)/);
    expect(() => preprocessQuery(new NDArray('float32', [1, 4, 4]), { invert: 'yes' as never })).toThrow(/invert: expected/);
  });
});
