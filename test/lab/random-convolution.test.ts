/**
 * Chapter 5b (lab-dist/chapters/random-convolution.html) in chromium: one sample, the N-sample mean
 * and the exact convolution; the samples slider changes the error plot. Also the page's compute in
 * Node. Needs lab-dist/; the browser part is skipped without /usr/bin/chromium unless CI is set.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleView, shrinkGray } from '../../lab/src/chapters/random-convolution/compute.js';
import { randomUniform } from '../../src/core/random.js';
import { browserAvailable, type Lab, startLab, waitForRun } from './browser.js';

const root = (page: Page, key: string) => page.$eval('#rc-root', (el, k) => (el as HTMLElement).dataset[k] ?? '', key);
const plotData = (page: Page) =>
  page.$eval('#rc-plot', (el) => ({
    points: (el as HTMLElement).dataset.points,
    last: (el as HTMLElement).dataset.last,
    svg: el.innerHTML,
  }));

async function setSamples(page: Page, exponent: number): Promise<void> {
  const runs = Number(await root(page, 'runs'));
  await page.$eval(
    '#rc-samples',
    (el, v) => {
      const input = el as HTMLInputElement;
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    exponent,
  );
  await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('#rc-root')!.dataset.runs) > n, runs, { timeout: 50_000 });
}

describe('sampleView / shrinkGray (the chapter’s compute)', () => {
  it('sampleView(x, { samples: 64 }) — the error curve falls like σ/√N', () => {
    const x = randomUniform([32, 32], { seed: 3, hi: 255, dtype: 'float64' });
    const v = sampleView(x, { kernel: 'edge', samples: 64, seed: 1 });
    expect(v.counts).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(v.rmse[6] / v.rmse[0]).toBeGreaterThan(0.08); // 1/8 expected
    expect(v.rmse[6] / v.rmse[0]).toBeLessThan(0.17);
    expect(v.rmse[6] / (v.sigma / 8)).toBeGreaterThan(0.8);
    expect(v.rmse[6] / (v.sigma / 8)).toBeLessThan(1.2);
  });

  it('shrinkGray(512², 128) box-averages 4×4 blocks', () => {
    const g = randomUniform([512, 512], { seed: 1 });
    const s = shrinkGray(g, 128);
    expect(s.shape).toEqual([128, 128]);
    let want = 0;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) want += g.data[i * 512 + j] / 16;
    expect(s.data[0]).toBeCloseTo(want, 14);
  });
});

describe.skipIf(!browserAvailable('test/lab/random-convolution.test.ts'))('lab chapter 5b: convolution as a random process', () => {
  let lab: Lab;
  let page: Page;
  let consoleErrors: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    lab = await startLab();
    ({ page, consoleErrors, pageErrors } = await lab.open('/chapters/random-convolution.html'));
    await waitForRun(page, 'rc-root', 50_000); // the first run, module worker start-up included
    const state = await page.$eval('#rc-root', (el) => (el as HTMLElement).dataset.state);
    expect(state, await page.$eval('#rc-readout', (el) => el.textContent)).toBe('done');
  });

  afterAll(async () => {
    await page?.screenshot({ path: '/tmp/convolab-random-convolution.png', fullPage: true });
    await lab?.close();
  });

  it('shows one sample, the mean of 16 and the exact convolution (128² gray) and an error plot of 5 points', async () => {
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('5b. Convolution as a random process');
    for (const id of ['#rc-one', '#rc-mean', '#rc-exact']) {
      expect(await page.$eval(id, (c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height])).toEqual([128, 128]);
    }
    expect((await plotData(page)).points).toBe('5');
    expect(await page.$eval('#rc-readout', (el) => el.textContent)).toContain('N = 16');
  });

  it('moving the samples slider to 256 extends the error plot and lowers the error', async () => {
    const before = await plotData(page);
    await setSamples(page, 8);
    const after = await plotData(page);
    expect(after.points).toBe('9');
    expect(after.svg).not.toBe(before.svg);
    expect(Number(after.last)).toBeLessThan(Number(before.last) * 0.4); // 1/4 expected for 16× the samples
    expect(await page.$eval('#rc-readout', (el) => el.textContent)).toContain('N = 256');
  });

  it('a signed kernel (edge) and a new seed redraw', async () => {
    const runs = Number(await root(page, 'runs'));
    await page.selectOption('#rc-kernel', 'edge');
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('#rc-root')!.dataset.runs) > n, runs, { timeout: 50_000 });
    const one = await page.$eval('#rc-one', (c) => (c as HTMLCanvasElement).toDataURL());
    await page.click('#rc-reseed');
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('#rc-root')!.dataset.runs) > n + 1, runs, {
      timeout: 50_000,
    });
    expect(await page.$eval('#rc-one', (c) => (c as HTMLCanvasElement).toDataURL())).not.toBe(one);
  });

  it('logs no console errors or page errors', () => {
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
