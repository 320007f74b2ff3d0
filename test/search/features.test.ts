import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { equalizeForeground, normalizeContrast, pixelFeatures, sobelFeatures, sobelMagnitude } from '../../src/search/features.js';

const golden = JSON.parse(readFileSync(new URL('../golden/search/sobel28.json', import.meta.url), 'utf8')) as {
  image: number[];
  magnitude: number[];
};

describe('features', () => {
  it('sobelMagnitude(img, 28, 28) equals hypot(scipy.ndimage.sobel x, y) with mode constant', () => {
    const got = sobelMagnitude(golden.image, 28, 28);
    for (let i = 0; i < got.length; i++) expect(got[i]).toBeCloseTo(golden.magnitude[i], 2);
  });

  it('normalizeContrast(img) scales the maximum to 255 and keeps an empty image at 0', () => {
    expect([...normalizeContrast([0, 10, 50])]).toEqual([0, 51, 255]);
    expect([...normalizeContrast([0, 0])]).toEqual([0, 0]);
  });

  it('pixelFeatures(images, n) is the same for a garment at any brightness', () => {
    const a = Uint8Array.from({ length: 784 }, (_, i) => (i * 7) % 200);
    const b = Uint8Array.from(a, (v) => v >> 1);
    const fa = pixelFeatures(a, 1);
    const fb = pixelFeatures(b, 1);
    expect(Math.max(...fa)).toBe(255);
    let worst = 0;
    for (let i = 0; i < 784; i++) worst = Math.max(worst, Math.abs(fa[i] - fb[i]));
    expect(worst).toBeLessThan(3); // halving rounds each value by at most half a level (x 255/99)
  });

  it('sobelFeatures(images, 2) rows are the Sobel magnitude of each normalised image', () => {
    const imgs = new Uint8Array(2 * 784);
    imgs.set(Uint8Array.from(golden.image), 784);
    const f = sobelFeatures(imgs, 2);
    expect(f.subarray(0, 784).every((v) => v === 0)).toBe(true);
    const want = sobelMagnitude(normalizeContrast(golden.image), 28, 28);
    for (let i = 0; i < 784; i++) expect(f[784 + i]).toBeCloseTo(want[i], 3);
  });

  it('equalizeForeground(img) ranks the non-zero pixels (ties share their mean rank); gamma and scale do not change it', () => {
    expect([...equalizeForeground([0, 10, 30, 10, 50])]).toEqual([0, 95.625, 191.25, 95.625, 255]);
    const img = Float32Array.from({ length: 784 }, (_, i) => (i % 3 === 0 ? 0 : (i * 37) % 251));
    const eq = equalizeForeground(img);
    const changed = equalizeForeground(img.map((v) => 0.4 * 255 * (v / 255) ** 1.5));
    expect(changed).toEqual(eq);
    const inPlace = img.slice();
    equalizeForeground(inPlace, inPlace);
    expect(inPlace).toEqual(eq);
  });
});
