/**
 * Chapter 5 (lab-dist/chapters/diffusion.html) in chromium: the tank animates (explicit steps beside
 * the exact Gaussian, mass counters constant), and the kernel-as-propagator panel reproduces the
 * seed's softmax example. Also the page's compute in Node. Needs lab-dist/; the browser part is
 * skipped without /usr/bin/chromium unless CI is set.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tankFrames } from '../../lab/src/chapters/diffusion/compute.js';
import { browserAvailable, canvasStats, type Lab, startLab, waitForRun } from './browser.js';

const dataset = (page: Page, key: string) => page.$eval('#df-root', (el, k) => (el as HTMLElement).dataset[k] ?? '', key);
const pixels = (page: Page, selector: string) => page.$eval(selector, (c) => (c as HTMLCanvasElement).toDataURL());

describe('tankFrames (the chapter’s compute)', () => {
  it('tankFrames({ frames: 5 }) — explicit and exact frames, mass constant to 1e-12, the two close', () => {
    const r = tankFrames({ size: 32, blocks: 4, seed: 1, D: 1, t: 40, frames: 5, boundary: 'reflect' });
    expect(r.times).toEqual([0, 10, 20, 30, 40]);
    expect(r.explicit.length).toBe(5 * 32 * 32);
    for (const m of [...r.massExplicit, ...r.massExact]) expect(Math.abs(m - r.massExplicit[0]) / r.massExplicit[0]).toBeLessThan(1e-12);
    expect(r.maxDiff[0]).toBe(0);
    expect(r.maxDiff[4]).toBeLessThan(5); // of 255: the 5-point stencil vs the Gaussian after D·t = 40
  });
});

describe.skipIf(!browserAvailable('test/lab/diffusion.test.ts'))('lab chapter 5: convolution as diffusion', () => {
  let lab: Lab;
  let page: Page;
  let consoleErrors: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    lab = await startLab();
    ({ page, consoleErrors, pageErrors } = await lab.open('/chapters/diffusion.html'));
    await waitForRun(page, 'df-root', 50_000); // the first run, module worker start-up included
    const state = await page.$eval('#df-root', (el) => (el as HTMLElement).dataset.state);
    expect(state, await page.$eval('#df-readout', (el) => el.textContent)).toBe('done');
  });

  afterAll(async () => {
    await page?.screenshot({ path: '/tmp/convolab-diffusion.png', fullPage: true });
    await lab?.close();
  });

  it('draws the tank twice (explicit, exact) at 128² and the animation advances', async () => {
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('5. Convolution as diffusion');
    const stats = await canvasStats(page, '#df-explicit');
    expect([stats.width, stats.height]).toEqual([128, 128]);
    const f0 = Number(await dataset(page, 'frame'));
    const before = await pixels(page, '#df-exact');
    await page.waitForFunction((f) => Number(document.querySelector<HTMLElement>('#df-root')!.dataset.frame) !== f, f0, {
      timeout: 10_000,
    });
    await page.waitForTimeout(400);
    expect(await pixels(page, '#df-exact')).not.toBe(before);
  });

  it('the mass counters read the same mass in every frame', async () => {
    const masses = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const text = (await page.$eval('#df-readout', (el) => el.textContent)) ?? '';
      const m = /explicit ([\d.]+), exact ([\d.]+) \(start ([\d.]+)\)/.exec(text);
      expect(m, text).not.toBeNull();
      for (const v of m!.slice(1)) masses.add(v);
      await page.waitForTimeout(150);
    }
    expect(masses.size).toBe(1);
  });

  it('pausing stops the animation; changing D reruns the worker', async () => {
    await page.click('#df-play');
    const f = await dataset(page, 'frame');
    await page.waitForTimeout(400);
    expect(await dataset(page, 'frame')).toBe(f);
    await page.click('#df-play');
    const runs = Number(await dataset(page, 'runs'));
    await page.$eval('#df-D', (el) => {
      const input = el as HTMLInputElement;
      input.value = '3';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('#df-root')!.dataset.runs) > n, runs, { timeout: 50_000 });
  });

  it("shows the seed's edge kernel as a propagator: centre 0.99901, entropy 0.00986 nats; temperature spreads it", async () => {
    const text = (await page.$eval('#pr-readout', (el) => el.textContent)) ?? '';
    expect(text).toContain('Centre 0.9990');
    expect(Number(await page.$eval('#pr-heat', (el) => (el as HTMLElement).dataset.entropy))).toBeCloseTo(0.009863533472111845, 12);
    await page.$eval('#pr-T', (el) => {
      const input = el as HTMLInputElement;
      input.value = '1';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(Number(await page.$eval('#pr-heat', (el) => (el as HTMLElement).dataset.entropy))).toBeGreaterThan(1.5);
    await page.$eval('#pr-n', (el) => {
      const input = el as HTMLInputElement;
      input.value = '16';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await page.$eval('#pr-readout', (el) => el.textContent)).toContain('After n = 16 steps the spread is 33 × 33');
  });

  it('logs no console errors or page errors', () => {
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
