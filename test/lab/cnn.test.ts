/**
 * Chapter 7 (lab-dist/chapters/cnn.html) in chromium: the subset loads, training starts in the
 * worker, the loss chart gets points, the first-layer kernels and the feature maps redraw, pause
 * stops it, a model saved by the CLI's saveModel loads from two files, no console errors. Also the
 * chapter's compute and the committed data subset in Node. Needs lab-dist/; the browser part is
 * skipped without /usr/bin/chromium unless CI is set.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  argmax,
  checkFits,
  decodeSubset,
  firstFilters,
  inspect,
  labSpec,
  mapLayers,
  pickerIndices,
  SOBEL,
  sampleOf,
  sobelNet,
} from '../../lab/src/chapters/cnn/compute.js';
import { gridSize, tileRGBA } from '../../lab/src/chapters/cnn/tiles.js';
import { decodeFashionMnistCache, subsetPerClass } from '../../src/io/fashion-mnist.js';
import { defaultCacheDir, FASHION_MNIST_CACHE_FILE } from '../../src/io/node-fashion-mnist.js';
import { modelFromSpec } from '../../src/nn/model.js';
import { Adam } from '../../src/nn/optim.js';
import { presetSpec } from '../../src/nn/presets.js';
import { saveModel } from '../../src/nn/serialize.js';
import { evaluate, fit } from '../../src/nn/train.js';
import { browserAvailable, canvasStats, type Lab, startLab } from './browser.js';

const subsetBytes = () => new Uint8Array(readFileSync(new URL('../../samples/fashion-mnist-subset.bin', import.meta.url)));

describe('cnn chapter compute', () => {
  it('decodeSubset(samples/fashion-mnist-subset.bin) — 200 train + 50 test per class, class by class', () => {
    const bytes = subsetBytes();
    expect(bytes.length).toBe(24 + 2500 * 785);
    const s = decodeSubset(bytes);
    expect([s.train.count, s.test.count, s.testImages.count]).toEqual([2000, 500, 500]);
    expect(s.train.sampleShape).toEqual([1, 28, 28]);
    expect(Array.from(s.train.labels.subarray(198, 202))).toEqual([0, 0, 1, 1]);
    expect(Array.from(s.test.labels.subarray(49, 51))).toEqual([0, 1]);
    expect(s.testImages.classes[9]).toBe('Ankle boot');
  });

  it('decodeSubset(…) equals subsetPerClass of the full cache (the script keeps the standard split)', () => {
    const cache = join(defaultCacheDir(), FASHION_MNIST_CACHE_FILE);
    if (!existsSync(cache)) return void console.warn(`${cache} missing: comparison skipped (run convolab train once)`);
    const full = decodeFashionMnistCache(new Uint8Array(readFileSync(cache)));
    const s = decodeSubset(subsetBytes());
    const train = subsetPerClass(full.train, 200);
    const test = subsetPerClass(full.test, 50);
    expect(Buffer.compare(Buffer.from(s.train.images), Buffer.from(train.images))).toBe(0);
    expect(Buffer.compare(Buffer.from(s.testImages.images), Buffer.from(test.images))).toBe(0);
    expect(Buffer.from(s.test.labels).equals(Buffer.from(test.labels))).toBe(true);
  });

  it('labSpec() — conv 5×5 ×8, conv 3×3 ×16, dense 10: 5,386 parameters, output [10]', () => {
    const m = modelFromSpec(labSpec(), { seed: 1 });
    expect(m.paramCount).toBe(8 * 25 + 8 + 16 * 72 + 16 + 400 * 10 + 10);
    expect(m.outputShape).toEqual([10]);
    const f = firstFilters(m)!;
    expect(f.shape).toEqual([8, 1, 5, 5]);
    expect(Array.from(f.data)).toEqual(Array.from(m.params.subarray(0, 200)));
  });

  it('inspect(model, x) — every layer’s output, probabilities summing to 1, equal to model.forward', () => {
    const s = decodeSubset(subsetBytes());
    const m = modelFromSpec(labSpec(), { seed: 1 });
    const x = sampleOf(s.testImages, 7);
    expect(x[0]).toBe(s.testImages.images[7 * 784] / 255);
    const ins = inspect(m, x);
    expect(ins.layers.map((l) => l.shape)).toEqual([
      [8, 24, 24],
      [8, 24, 24],
      [8, 12, 12],
      [16, 10, 10],
      [16, 10, 10],
      [16, 5, 5],
      [400],
      [10],
    ]);
    expect(mapLayers(ins).map((l) => l.type)).toEqual(['conv2d', 'relu', 'maxpool2d', 'conv2d', 'relu', 'maxpool2d']);
    expect(ins.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const logits = ins.layers[7].data;
    expect(argmax(ins.probs)).toBe(argmax(logits));
    // relu of the conv output, max of each 2×2 block
    const conv = ins.layers[0].data;
    const relu = ins.layers[1].data;
    for (let i = 0; i < conv.length; i++) expect(relu[i]).toBe(Math.max(0, conv[i]));
    expect(ins.layers[2].data[0]).toBe(Math.max(relu[0], relu[1], relu[24], relu[25]));
  });

  it('fit(labSpec model, subset, 2 epochs) — test accuracy above 70% (what the page shows within seconds)', async () => {
    const s = decodeSubset(subsetBytes());
    const m = modelFromSpec(labSpec(), { seed: 1 });
    const before = await evaluate(m, s.test, { threads: 1 });
    // biome-ignore lint/suspicious/noFocusedTests: fit() is the training call, not a focused test
    await fit(m, s.train, { epochs: 2, batchSize: 32, threads: 1, seed: 1, optimizer: new Adam(m, { lr: 3e-3 }) });
    const after = await evaluate(m, s.test, { threads: 1 });
    expect(before.accuracy).toBeLessThan(0.3);
    expect(after.accuracy).toBeGreaterThan(0.7);
  });

  it('inspect(sobelNet(), x) — the hand-set conv layer computes Sobel x / y as cross-correlation, zero padded', () => {
    const x = Float32Array.from({ length: 784 }, (_, i) => ((i * 37) % 101) / 100);
    const [out] = inspect(sobelNet(), x).layers;
    expect(out.shape).toEqual([2, 28, 28]);
    const px = (r: number, c: number) => (r < 0 || c < 0 || r > 27 || c > 27 ? 0 : x[r * 28 + c]);
    for (const [r, c] of [
      [5, 9],
      [0, 0],
      [27, 13],
    ]) {
      let gx = 0;
      let gy = 0;
      for (let i = -1; i <= 1; i++) {
        for (let j = -1; j <= 1; j++) {
          gx += SOBEL[0].kernel[i + 1][j + 1] * px(r + i, c + j);
          gy += SOBEL[1].kernel[i + 1][j + 1] * px(r + i, c + j);
        }
      }
      expect(out.data[r * 28 + c]).toBeCloseTo(gx, 5);
      expect(out.data[784 + r * 28 + c]).toBeCloseTo(gy, 5);
    }
  });

  it('checkFits(model, subset.train, name) — accepts 1×28×28 → 10, names the file and the mismatch otherwise', () => {
    const s = decodeSubset(subsetBytes());
    expect(() => checkFits(modelFromSpec(labSpec()), s.train)).not.toThrow();
    const rgb = modelFromSpec({ ...presetSpec('reference', [3, 28, 28]) });
    expect(() => checkFits(rgb, s.train, 'rgb.json')).toThrow('rgb.json: inputShape is [3,28,28], but these images are [1,28,28]');
    const five = modelFromSpec(presetSpec('reference', [1, 28, 28], 5));
    expect(() => checkFits(five, s.train)).toThrow('model.json: the model outputs [5], expected [10] class scores');
  });

  it('pickerIndices(test, 2) — two garments per class in class order', () => {
    const s = decodeSubset(subsetBytes());
    const idx = pickerIndices(s.testImages, 2);
    expect(idx).toEqual([0, 1, 50, 51, 100, 101, 150, 151, 200, 201, 250, 251, 300, 301, 350, 351, 400, 401, 450, 451]);
  });

  it('tileRGBA([-2, 0, 1, 2], 1, 2, 2, coolwarm symmetric) — zero is the middle colour, tiles and gaps laid out', () => {
    expect(gridSize(8, 5, 5, { scale: 2, gap: 1, cols: 4 })).toEqual({ width: 43, height: 21, cols: 4 });
    const rgba = tileRGBA([-2, 0, 1, 2], 1, 2, 2, { scale: 1, gap: 0 });
    expect(Array.from(rgba.subarray(0, 3))).toEqual([0x3b, 0x4c, 0xc0]); // -2 → the coldest
    expect(Array.from(rgba.subarray(12, 15))).toEqual([0xb4, 0x04, 0x26]); // +2 → the warmest
    const mid = Array.from(rgba.subarray(4, 7));
    for (const v of mid) expect(Math.abs(v - 0xdd)).toBeLessThan(6); // 0 → grey
    const gaps = tileRGBA(new Float32Array(8), 2, 2, 2, { scale: 1, gap: 1, cols: 2 });
    expect(gaps.length).toBe(5 * 2 * 4);
    expect(gaps[2 * 4 + 3]).toBe(0); // the gap column is transparent
    for (const v of gaps.subarray(0, 3)) expect(Math.abs(v - 0xdd)).toBeLessThan(3); // an all-zero kernel: the middle grey
    const dead = tileRGBA(new Float32Array(4), 1, 2, 2, { scale: 1, gap: 0, colormap: 'magma', range: 'auto' });
    expect(Array.from(dead.subarray(0, 3))).toEqual([0, 0, 4]); // an all-zero ReLU map: magma's black
  });
});

const run = browserAvailable('test/lab/cnn.test.ts');

describe.skipIf(!run)('cnn chapter in chromium', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(async () => {
    await lab?.close();
  });

  it('trains: loss chart gets points, kernels and feature maps redraw, pause stops, no console errors', async () => {
    const { page, consoleErrors, pageErrors } = await lab.open('/chapters/cnn.html');
    await page.waitForSelector('#cnn[data-state="ready"]', { timeout: 30_000 });
    expect(await page.$$eval('#cnn-garments button', (b) => b.length)).toBe(20);
    const filters0 = await canvasStats(page, '#cnn-filters');
    expect(filters0.width).toBeGreaterThan(100);
    expect(filters0.nonBlack).toBeGreaterThan(1000);
    const firstKernels = await page.$eval('#cnn-filters', (c) => (c as HTMLCanvasElement).toDataURL());
    expect(await page.$$eval('#cnn-maps canvas', (c) => c.length)).toBe(7);
    expect(await page.$$eval('#cnn-probs .cnn-prob', (r) => r.length)).toBe(10);

    await page.click('#cnn-start');
    await page.waitForSelector('#cnn[data-state="training"]');
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#cnn-loss')?.dataset.points) >= 20, undefined, {
      timeout: 60_000,
    });
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#cnn-filters')?.dataset.draws) >= 3, undefined, {
      timeout: 60_000,
    });
    expect(await page.$$eval('#cnn-loss svg path, #cnn-loss svg polyline', (p) => p.length)).toBeGreaterThan(0);
    const laterKernels = await page.$eval('#cnn-filters', (c) => (c as HTMLCanvasElement).toDataURL());
    expect(laterKernels).not.toBe(firstKernels);
    // pick another garment while training: the maps follow it
    await page.click('#cnn-garments button[data-index="350"]');
    await page.waitForSelector('#cnn-garments button[data-index="350"][aria-pressed="true"]', { timeout: 30_000 });

    await page.click('#cnn-start'); // pause
    await page.waitForSelector('#cnn[data-state="paused"], #cnn[data-state="done"]', { timeout: 30_000 });
    const points = Number(await page.$eval('#cnn-loss', (e) => (e as HTMLElement).dataset.points));
    await page.waitForTimeout(500);
    expect(Number(await page.$eval('#cnn-loss', (e) => (e as HTMLElement).dataset.points))).toBe(points);
    if (process.env.CNN_SCREENSHOT) await page.screenshot({ path: process.env.CNN_SCREENSHOT, fullPage: true });
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('loads model.json + weights.bin from the CLI format, and names a bad pair', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convolab-cnn-'));
    const model = modelFromSpec({ ...presetSpec('reference'), classes: undefined }, { seed: 3 });
    const saved = saveModel(model);
    writeFileSync(join(dir, 'model.json'), saved.json);
    writeFileSync(join(dir, 'weights.bin'), saved.weights);
    writeFileSync(join(dir, 'short.bin'), saved.weights.subarray(0, 100));
    const { page, consoleErrors, pageErrors } = await lab.open('/chapters/cnn.html');
    await page.waitForSelector('#cnn[data-state="ready"]', { timeout: 30_000 });

    await page.setInputFiles('#cnn-files', [join(dir, 'model.json'), join(dir, 'short.bin')]);
    await page.waitForFunction(() => document.querySelector('#cnn-load-status')?.textContent?.startsWith('Error'), undefined, {
      timeout: 30_000,
    });
    expect(await page.textContent('#cnn-load-status')).toMatch(/short\.bin: expected 738344 bytes/);

    await page.setInputFiles('#cnn-files', [join(dir, 'model.json'), join(dir, 'weights.bin')]);
    await page.waitForFunction(() => document.querySelector('#cnn-load-status')?.textContent?.startsWith('Loaded'), undefined, {
      timeout: 30_000,
    });
    expect(await page.textContent('#cnn-load-status')).toContain('184,586 parameters');
    expect(await page.textContent('#cnn-summary')).toContain('Total params: 184,586');
    const f = await canvasStats(page, '#cnn-filters');
    expect(f.nonBlack).toBeGreaterThan(1000);
    expect(await page.$$eval('#cnn-maps canvas', (c) => c.length)).toBe(7);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
