/**
 * Chapter 3b (lab-dist/chapters/filtering.html) in chromium: the radius slider changes the
 * filtered image, the mask and the kernel. Needs lab-dist/; skipped without /usr/bin/chromium unless CI is set.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pixels, runsOf, setRange, waitRuns } from '../spectrum/lab.js';
import { browserAvailable, canvasStats, type Lab, startLab } from './browser.js';

describe.skipIf(!browserAvailable('test/lab/filtering.test.ts'))('lab chapter 3b: filtering is multiplying spectra', () => {
  let lab: Lab;
  let page: Page;
  let consoleErrors: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    lab = await startLab();
    ({ page, consoleErrors, pageErrors } = await lab.open('/chapters/filtering.html'));
    await waitRuns(page, 1);
  });

  afterAll(async () => {
    await page?.screenshot({ path: '/tmp/convolab-filtering.png', fullPage: true });
    await lab?.close();
  });

  it('shows the filtered astronaut (256²), the circle mask and a 31 × 31 kernel', async () => {
    const img = await canvasStats(page, '#fd-image');
    expect([img.width, img.height]).toEqual([256, 256]);
    const mask = await canvasStats(page, '#fd-mask');
    // a circle of radius 0.1 cycles/pixel covers π·0.1² ≈ 3 % of the mask
    expect(mask.nonBlack / (256 * 256)).toBeGreaterThan(0.025);
    expect(mask.nonBlack / (256 * 256)).toBeLessThan(0.04);
    const kernel = await canvasStats(page, '#fd-kernel');
    expect([kernel.width, kernel.height]).toEqual([31, 31]);
  });

  it('dragging the radius to 0.3 changes the image and widens the mask', async () => {
    const before = await pixels(page, '#fd-image');
    const n = await runsOf(page);
    await setRange(page, '#fd-radius', 0.3);
    await waitRuns(page, n + 1);
    expect(await pixels(page, '#fd-image')).not.toBe(before);
    const mask = await canvasStats(page, '#fd-mask');
    expect(mask.nonBlack / (256 * 256)).toBeGreaterThan(0.25);
    expect(await page.$eval('#fd-readout', (el) => el.textContent)).toContain('radius 0.30');
  });

  it('switching to a Gaussian high-pass redraws', async () => {
    const n = await runsOf(page);
    await page.selectOption('#fd-kind', 'highpass');
    await waitRuns(page, n + 1);
    expect(await page.$eval('#fd-readout', (el) => el.textContent)).toContain('High-pass');
  });

  it('logs no console errors or page errors', () => {
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
