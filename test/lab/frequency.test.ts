/**
 * Chapter 3a (lab-dist/chapters/frequency.html) in chromium: the striped paper and its spectrum,
 * the rotation slider turning both, the orientation read-out. Needs lab-dist/; skipped without
 * /usr/bin/chromium unless CI is set.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compute, shrink, stripes } from '../../lab/src/chapters/frequency/compute.js';
import { pixels, readout, runsOf, setRange, waitRuns } from '../spectrum/lab.js';
import { browserAvailable, canvasStats, type Lab, startLab } from './browser.js';

describe.skipIf(!browserAvailable('test/lab/frequency.test.ts'))('lab chapter 3a: images in the frequency domain', () => {
  let lab: Lab;
  let page: Page;
  let consoleErrors: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    lab = await startLab();
    ({ page, consoleErrors, pageErrors } = await lab.open('/chapters/frequency.html'));
    await waitRuns(page, 1);
  });

  afterAll(async () => {
    await page?.screenshot({ path: '/tmp/convolab-frequency.png', fullPage: true });
    await lab?.close();
  });

  it('loads the striped paper (30°) with its spectrum and reads an orientation of 30°', async () => {
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('3a. Images in the frequency domain');
    const img = await canvasStats(page, '#fd-image');
    expect([img.width, img.height]).toEqual([256, 256]);
    const spec = await canvasStats(page, '#fd-spectrum');
    expect(spec.nonBlack).toBeGreaterThan(0);
    const angle = Number(/Orientation ([\d.]+)°/.exec(await readout(page))?.[1]);
    expect(Math.abs(angle - 30)).toBeLessThan(1);
  });

  it('the rotation slider turns the image and the spectrum: 30° + 40° reads 70°, rotation 40°', async () => {
    const before = await pixels(page, '#fd-spectrum');
    const n = await runsOf(page);
    await setRange(page, '#fd-rotate', 40);
    await waitRuns(page, n + 1);
    expect(await pixels(page, '#fd-spectrum')).not.toBe(before);
    const text = await readout(page);
    expect(Math.abs(Number(/Orientation ([\d.]+)°/.exec(text)?.[1]) - 70)).toBeLessThan(1);
    expect(Math.abs(Number(/spectra: (-?[\d.]+)°/.exec(text)?.[1]) - 40)).toBeLessThan(2);
  });

  it('choosing the brick photo redraws from /samples/ and the angle histogram has 180 bars', async () => {
    const n = await runsOf(page);
    await page.click('button[data-source="brick"]');
    await waitRuns(page, n + 1);
    const img = await canvasStats(page, '#fd-image');
    expect([img.width, img.height]).toEqual([256, 256]);
    expect(await page.$$eval('#fd-histogram svg .chart__plot rect', (r) => r.length)).toBe(180);
  });

  it('logs no console errors or page errors', () => {
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('compute(image, job) — what the chapter-3 worker runs (Node)', () => {
  it('stripes(30, 12) → compute(orient, rotate 25) reads 55° and a rotation of 25°', () => {
    const r = compute(stripes(30, 12), { op: 'orient', rotate: 25 });
    expect(Math.abs((r.numbers.angle as number) - 55)).toBeLessThan(1);
    expect(Math.abs((r.numbers.rotation as number) - 25)).toBeLessThan(0.5);
    expect(r.arrays.spectrum.shape).toEqual([1, 256, 256]);
    expect((r.numbers.histogram as number[]).length).toBe(180);
  });

  it('compute(filter) returns the filtered image, a centred mask with 1 at the centre and an odd kernel', () => {
    const img = shrink(stripes(0, 8), 64); // [1, 64, 64]
    const r = compute(img, { op: 'filter', kind: 'lowpass', shape: 'ideal', cutoff: 0.1, kernelSize: 31 });
    expect(r.arrays.image.shape).toEqual([1, 64, 64]);
    expect(r.arrays.mask.data[32 * 64 + 32]).toBe(1);
    expect(r.arrays.mask.data[0]).toBe(0);
    expect(r.arrays.kernel.shape).toEqual([31, 31]);
  });

  it('compute(curve, keep) gives PSNR rising with the ratio kept; shrink(…, 256) halves a 512² image', () => {
    const img = shrink(stripes(10, 6), 64);
    const r = compute(img, { op: 'curve', mode: 'keep' });
    const psnr = r.numbers.psnr as number[];
    for (let i = 1; i < psnr.length; i++) expect(psnr[i]).toBeGreaterThanOrEqual(psnr[i - 1]);
    expect(shrink(stripes(0, 8, 512), 256).shape).toEqual([1, 256, 256]);
  });
});
