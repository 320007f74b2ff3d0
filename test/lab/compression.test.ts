/**
 * Chapter 3c (lab-dist/chapters/compression.html) in chromium: the keep slider changes the
 * reconstruction and its PSNR; the PSNR-vs-ratio curve is drawn; JPEG mode reports bits/pixel.
 * Needs lab-dist/; skipped without /usr/bin/chromium unless CI is set.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsOf, setRange, waitRuns } from '../spectrum/lab.js';
import { browserAvailable, canvasStats, type Lab, startLab } from './browser.js';

const psnrOf = async (page: Page) => Number(/PSNR ([\d.]+) dB/.exec((await page.$eval('#fd-readout', (el) => el.textContent)) ?? '')?.[1]);

describe.skipIf(!browserAvailable('test/lab/compression.test.ts'))('lab chapter 3c: compression', () => {
  let lab: Lab;
  let page: Page;
  let consoleErrors: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    lab = await startLab();
    ({ page, consoleErrors, pageErrors } = await lab.open('/chapters/compression.html'));
    await waitRuns(page, 1);
  });

  afterAll(async () => {
    await page?.screenshot({ path: '/tmp/convolab-compression.png', fullPage: true });
    await lab?.close();
  });

  it('shows the reconstruction of the cat (225 × 150) and a PSNR-vs-ratio curve', async () => {
    const img = await canvasStats(page, '#fd-image');
    expect([img.width, img.height]).toEqual([225, 150]);
    expect(img.nonBlack).toBeGreaterThan(0.5 * 225 * 150);
    expect(await page.$$eval('#fd-curve svg path', (p) => p.length)).toBeGreaterThanOrEqual(1);
    expect(await psnrOf(page)).toBeGreaterThan(15);
  });

  it('raising keep from 5 % to 40 % changes the image and raises the PSNR', async () => {
    const before = await psnrOf(page);
    const n = await runsOf(page);
    await setRange(page, '#fd-keep', -0.4);
    await waitRuns(page, n + 1);
    expect(await psnrOf(page)).toBeGreaterThan(before + 3);
    expect(await page.$eval('#fd-readout', (el) => el.textContent)).toMatch(/Kept 39\.\d\d %/);
  });

  it('JPEG mode at quality 90 reports bits per pixel', async () => {
    const n = await runsOf(page);
    await page.selectOption('#fd-mode', 'jpeg');
    await waitRuns(page, n + 1);
    const m = await runsOf(page);
    await setRange(page, '#fd-quality', 90);
    await waitRuns(page, m + 1);
    expect(await page.$eval('#fd-readout', (el) => el.textContent)).toMatch(/bits\/pixel/);
    expect(await psnrOf(page)).toBeGreaterThan(30);
  });

  it('logs no console errors or page errors', () => {
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
