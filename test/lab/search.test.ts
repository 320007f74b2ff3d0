/**
 * Chapter 8 (lab-dist/chapters/search.html) in chromium: the subset loads and is indexed in the
 * worker, the PCA map draws 2,000 points, picking a test garment returns a grid of 10 matches,
 * no console errors. Also the chapter's compute in Node. Needs lab-dist/; the browser part is
 * skipped without /usr/bin/chromium unless CI is set.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, decodeSubset, pca2, TOP_K, topMatches } from '../../lab/src/chapters/search/compute.js';
import { PIXELS, pixelEmbedder, sobelEmbedder } from '../../src/search/index.js';
import { browserAvailable, canvasStats, type Lab, startLab } from './browser.js';

const subset = () => decodeSubset(new Uint8Array(readFileSync(new URL('../../samples/fashion-mnist-subset.bin', import.meta.url))));

describe('search chapter compute', () => {
  it('pca2(x, n, d) — points on a line along (3, 4) project to ±5t on the first axis, 0 on the second', () => {
    const ts = [-2, -1, 0, 1, 2];
    const x = Float32Array.from(ts.flatMap((t) => [3 * t + 1, 4 * t - 2]));
    const p = pca2(x, 5, 2);
    const first = ts.map((_, i) => p[2 * i]);
    const sign = Math.sign(first[4]);
    ts.forEach((t, i) => {
      expect(first[i] * sign).toBeCloseTo(5 * t, 4);
      expect(p[2 * i + 1]).toBeCloseTo(0, 4);
    });
  });

  it('topMatches(buildIndex(pixelEmbedder, train), test garment) — 10 matches, scores descending, mostly its class', () => {
    const s = subset();
    const { index } = buildIndex(pixelEmbedder, s.train.images, s.train.count);
    let sameClass = 0;
    for (const q of [0, 60, 110, 260, 460]) {
      const v = pixelEmbedder.embed(s.test.images.subarray(q * PIXELS, (q + 1) * PIXELS), 1);
      const r = topMatches(index, v, TOP_K);
      expect(r.indices.length).toBe(10);
      for (let i = 1; i < 10; i++) expect(r.scores[i]).toBeLessThanOrEqual(r.scores[i - 1]);
      expect(r.scores[0]).toBeLessThanOrEqual(1.0001);
      for (const j of r.indices) if (s.train.labels[j] === s.test.labels[q]) sameClass++;
    }
    expect(sameClass).toBeGreaterThanOrEqual(30); // of 50
  });

  it('topMatches(buildIndex(sobelEmbedder, train), a training garment) — finds itself first with score 1', () => {
    const s = subset();
    const { index } = buildIndex(sobelEmbedder, s.train.images, s.train.count);
    const v = sobelEmbedder.embed(s.train.images.subarray(1234 * PIXELS, 1235 * PIXELS), 1);
    const r = topMatches(index, v);
    expect(r.indices[0]).toBe(1234);
    expect(r.scores[0]).toBeCloseTo(1, 4);
  });
});

describe.runIf(browserAvailable('test/lab/search.test.ts'))('search chapter in chromium', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  }, 60_000);
  afterAll(async () => {
    await lab?.close();
  });

  it('search.html — loads, maps 2,000 points, picking a test garment returns a grid of 10 matches, no console errors', async () => {
    const { page, consoleErrors, pageErrors } = await lab.open('/chapters/search.html');
    await page.waitForSelector('#search[data-state="ready"]', { timeout: 30_000 });
    await page.waitForSelector('#search-map[data-points="2000"]', { timeout: 30_000 });
    expect((await canvasStats(page, '#search-map')).nonBlack).toBeGreaterThan(500);
    expect(await page.locator('#search-picker button').count()).toBe(20);
    await page.locator('#search-picker button').nth(6).click();
    await page.waitForSelector('#search-matches[data-count="10"]', { timeout: 30_000 });
    expect(await page.locator('#search-matches figure').count()).toBe(10);
    const captions = await page.locator('#search-matches figcaption').allTextContents();
    const scores = captions.map((c) => Number(c.split('·')[1]));
    expect(scores.every((v) => v > 0 && v <= 1.0001)).toBe(true);
    expect(await page.locator('#search-steps canvas').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getAttribute('#search', 'data-state')).toBe('done');

    // a photo: a dark boot-like shape on a white background, fed to the file input
    await page.evaluate(async () => {
      const c = document.createElement('canvas');
      [c.width, c.height] = [240, 160];
      const ctx = c.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 240, 160);
      ctx.fillStyle = '#222';
      ctx.fillRect(90, 30, 50, 90);
      ctx.fillRect(90, 90, 110, 30);
      const blob = await new Promise<Blob>((res) => c.toBlob((b) => res(b!), 'image/png'));
      const dt = new DataTransfer();
      dt.items.add(new File([blob], 'boot.png', { type: 'image/png' }));
      const input = document.querySelector('#search-upload') as HTMLInputElement;
      input.files = dt.files;
      input.dispatchEvent(new Event('change'));
    });
    await page.waitForFunction(() => document.querySelectorAll('#search-steps canvas').length === 6, undefined, { timeout: 30_000 });
    const names = await page.locator('#search-steps figcaption').allTextContents();
    expect(names).toEqual(['grey', 'inverted, background removed', 'cropped', 'padded square', 'resized 28×28', 'contrast normalised']);
    expect(
      await page.$eval('#search-steps canvas:nth-of-type(1)', (c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height]),
    ).toEqual([240, 160]);
    await page.waitForSelector('#search[data-state="done"]');
    expect(await page.locator('#search-matches figure').count()).toBe(10);

    // two epochs of the autoencoder, then the same query by its code, with the reconstruction
    await page.click('#search-train');
    await page.waitForSelector('#search[data-state="training"]');
    await page.waitForSelector('#search[data-state="done"]', { timeout: 60_000 });
    expect(await page.inputValue('#search-feature')).toBe('autoencoder');
    expect(await page.textContent('#search-status')).toMatch(/Top 10 of 2,000 by autoencoder/);
    expect(await page.textContent('#search-train-status')).toMatch(/^Trained: reconstruction MSE 0\.\d+ → 0\.\d+/);
    expect(await page.locator('#search-steps figcaption').last().textContent()).toBe('reconstruction (of the equalised input)');
    expect(await page.locator('#search-matches figure').count()).toBe(10);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
