import { describe, expect, it } from 'vitest';
import { subsetPerClass } from '../../src/io/fashion-mnist.js';
import { loadFashionMnist } from '../../src/io/node-fashion-mnist.js';
import { SearchAutoencoder } from '../../src/search/autoencoder.js';
import { normalizeContrast, sobelMagnitude } from '../../src/search/features.js';

const fm = loadFashionMnist();
const small = subsetPerClass(fm.train, 12); // 120 images

describe('SearchAutoencoder', () => {
  it('SearchAutoencoder.create({ dim: 32 }).embed(images, n) gives [n, 32]; the decoder reconstructs [n, 1, 28, 28] in (0, 1)', () => {
    const ae = SearchAutoencoder.create({ dim: 32 });
    expect(ae.encoder.outputShape).toEqual([32]);
    expect(ae.decoder.outputShape).toEqual([1, 28, 28]);
    const z = ae.embed(small.images.subarray(0, 3 * 784), 3);
    expect(z.length).toBe(96);
    const r = ae.reconstruct(small.images.subarray(0, 2 * 784), 2);
    expect(r.length).toBe(2 * 784);
    expect(r.every((v) => v > 0 && v < 1)).toBe(true);
  });

  it("ae.inputsOf(images, n) for input 'both', tone 'stretch' stacks the normalised grey and its Sobel magnitude / 1020", () => {
    const ae = SearchAutoencoder.create({ input: 'both', tone: 'stretch' });
    const img = small.images.subarray(0, 784);
    const x = ae.inputsOf(img, 1);
    const g = normalizeContrast(img);
    const s = sobelMagnitude(g);
    for (const p of [0, 300, 405]) {
      expect(x[p]).toBeCloseTo(g[p] / 255, 6);
      expect(x[784 + p]).toBeCloseTo(Math.min(1, s[p] / 1020), 6);
    }
  });

  it('ae.train(images, labels, n, { epochs: 3 }) lowers the reconstruction loss; with supervision the head learns', async () => {
    const ae = SearchAutoencoder.create({ supervision: 1, dim: 16, seed: 3 });
    const h = await ae.train(small.images, small.labels, small.count, { epochs: 3, batchSize: 20, lr: 3e-3 });
    expect(h).toHaveLength(3);
    expect(h[2].reconstruction).toBeLessThan(h[0].reconstruction);
    expect(h[2].accuracy).toBeGreaterThan(0.3); // 10 classes: chance is 0.1
  });

  it('ae.train(..., { gamma: [0.6, 1.6] }) trains on contrast-augmented inputs; a bad range is refused', async () => {
    const ae = SearchAutoencoder.create({ dim: 8, seed: 5 });
    const h = await ae.train(small.images, small.labels, small.count, { epochs: 2, batchSize: 30, lr: 3e-3, gamma: [0.6, 1.6] });
    expect(h[1].reconstruction).toBeLessThan(h[0].reconstruction);
    await expect(ae.train(small.images, small.labels, small.count, { epochs: 1, gamma: [2, 1] })).rejects.toThrow(
      /gamma: expected \[lo, hi\]/,
    );
  });

  it('SearchAutoencoder.load(ae.save()) round-trips: the same embeddings', () => {
    const ae = SearchAutoencoder.create({ input: 'sobel', dim: 8, supervision: 0.5, seed: 4 });
    const s = ae.save();
    const back = SearchAutoencoder.load(s.json, s.weights);
    expect(back.input).toBe('sobel');
    expect(back.head).toBeDefined();
    const img = small.images.subarray(0, 2 * 784);
    expect(back.embed(img, 2)).toEqual(ae.embed(img, 2));
  });

  it("SearchAutoencoder.create({ tone: 'equalize' }) embeds a garment and its gamma-recoloured copy alike; a file without tone loads as 'stretch'", () => {
    const ae = SearchAutoencoder.create({ dim: 8, seed: 6 });
    expect(ae.tone).toBe('equalize');
    const img = Float32Array.from(small.images.subarray(0, 784));
    const dim = img.map((v) => 0.5 * 255 * (v / 255) ** 1.4);
    const a = ae.embed(img, 1);
    const b = ae.embed(dim, 1);
    for (let i = 0; i < 8; i++) expect(b[i]).toBeCloseTo(a[i], 4);
    const s = ae.save();
    const doc = JSON.parse(s.json);
    delete doc.tone;
    expect(SearchAutoencoder.load(JSON.stringify(doc), s.weights).tone).toBe('stretch');
    expect(() => SearchAutoencoder.create({ tone: 'flat' as never })).toThrow(/tone: expected 'stretch' or 'equalize'/);
  });

  it('SearchAutoencoder.load(corrupt) throws DecodeErrors that say what is wrong', () => {
    const s = SearchAutoencoder.create({ dim: 8 }).save();
    expect(() => SearchAutoencoder.load('{nope', s.weights, 'm.json')).toThrow(/m\.json: not valid JSON/);
    expect(() => SearchAutoencoder.load(s.json, s.weights.subarray(0, 100), 'm.json')).toThrow(/expected \d+ bytes .* got 100/);
    const doc = JSON.parse(s.json);
    expect(() => SearchAutoencoder.load(JSON.stringify({ ...doc, input: 'colour' }), s.weights, 'm.json')).toThrow(
      /input: expected 'gray', 'sobel' or 'both'/,
    );
    expect(() => SearchAutoencoder.load(JSON.stringify({ ...doc, weights: { count: 3 } }), s.weights, 'm.json')).toThrow(
      /weights\.count: expected/,
    );
    const nan = s.weights.slice();
    new DataView(nan.buffer).setFloat32(8, Number.NaN, true);
    expect(() => SearchAutoencoder.load(s.json, nan, 'm.json')).toThrow(/weight 2 is NaN/);
  });

  it('SearchAutoencoder.create(bad options) names the option', () => {
    expect(() => SearchAutoencoder.create({ input: 'rgb' as never })).toThrow(/input: expected/);
    expect(() => SearchAutoencoder.create({ dim: 1 })).toThrow(/dim: expected an integer in 2\.\.1024/);
    expect(() => SearchAutoencoder.create({ supervision: -1 })).toThrow(/supervision: expected a non-negative number/);
  });
});
