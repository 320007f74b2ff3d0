/**
 * Chapter 1 (lab-dist/chapters/convolution.html). First the sliding-window logic the animation
 * draws (lab/src/chapters/convolution/sliding.ts) against the library's correlate, position by
 * position; then the page in chromium: it loads, the animation steps, editing a kernel changes
 * the rendered feature map, the 1024² update is timed, the Sobel view draws, and no console
 * errors. The browser part needs lab-dist/; skipped without /usr/bin/chromium unless CI is set.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESET_ARGS, PRESET_NAMES, presetKernel } from '../../lab/src/chapters/convolution/editor.js';
import { effectiveKernel, geometry, type Kernel, resizeKernel, windowAt } from '../../lab/src/chapters/convolution/sliding.js';
import { correlate } from '../../src/conv/index.js';
import { fromArray } from '../../src/core/ndarray.js';
import { BOUNDARIES, MODES } from '../../src/ref/convBoundary.js';
import { browserAvailable, canvasStats, type Lab, startLab } from './browser.js';

describe('sliding window (lab/src/chapters/convolution/sliding.ts)', () => {
  it('windowAt(plane, k, mode, boundary, cval, oy, ox).sum equals correlate(x, k, { mode, boundary, cval }) everywhere', () => {
    const h = 5;
    const w = 6;
    const data = Array.from({ length: h * w }, (_, i) => ((i * 37) % 23) - 7);
    const x = fromArray(data, 'float64', [h, w]);
    for (const [rows, cols] of [
      [1, 1],
      [3, 3],
      [2, 2],
      [4, 3],
      [2, 5],
    ]) {
      const k: Kernel = { rows, cols, data: Array.from({ length: rows * cols }, (_, i) => Math.sin(i + 1)) };
      const kk = fromArray(k.data, 'float64', [rows, cols]);
      for (const mode of MODES) {
        for (const boundary of BOUNDARIES) {
          const expected = correlate(x, kk, { mode, boundary, cval: 3, method: 'direct' });
          const [oh, ow] = geometry({ h, w }, k, mode).out;
          expect([oh, ow]).toEqual(expected.shape);
          for (let oy = 0; oy < oh; oy++) {
            for (let ox = 0; ox < ow; ox++) {
              const got = windowAt({ h, w, data }, k, mode, boundary, 3, oy, ox).sum;
              expect(got, `${rows}×${cols} ${mode} ${boundary} (${oy}, ${ox})`).toBeCloseTo(expected.data[oy * ow + ox], 10);
            }
          }
        }
      }
    }
  });

  it('geometry(4×4 kernel, same) anchors at tap (2, 2): the window reaches 2 up/left and 1 down/right', () => {
    const g = geometry({ h: 8, w: 8 }, { rows: 4, cols: 4 }, 'same');
    expect(g.anchor).toEqual([2, 2]);
    expect(g.pad).toEqual([
      [2, 1],
      [2, 1],
    ]);
    expect(g.out).toEqual([8, 8]);
    expect(geometry({ h: 3, w: 3 }, { rows: 5, cols: 5 }, 'valid').out).toEqual([0, 0]);
  });

  it('effectiveKernel(k, { normalize, flip }) divides by m = Σk and reverses both axes; m = 0 is left alone', () => {
    const k: Kernel = { rows: 2, cols: 2, data: [1, 2, 3, 4] };
    const normalized = effectiveKernel(k, { normalize: true, flip: false }).data;
    for (const [i, v] of normalized.entries()) expect(v).toBeCloseTo((i + 1) / 10, 15);
    expect(effectiveKernel(k, { normalize: false, flip: true }).data).toEqual([4, 3, 2, 1]);
    expect(effectiveKernel({ rows: 1, cols: 2, data: [-1, 1] }, { normalize: true, flip: false }).data).toEqual([-1, 1]);
  });

  it('resizeKernel(3×3, 4, 5) keeps the anchor tap in place', () => {
    const k: Kernel = { rows: 3, cols: 3, data: [0, 0, 0, 0, 9, 0, 0, 0, 0] };
    const r = resizeKernel(k, 4, 5);
    expect([r.rows, r.cols]).toEqual([4, 5]);
    expect(r.data.indexOf(9)).toBe(2 * 5 + 2);
  });

  it('presetKernel(name) gives the library kernel for every preset, and refuses kernels over 15×15', () => {
    expect(PRESET_NAMES).toContain('gaussian');
    expect(PRESET_NAMES).not.toContain('sobel'); // a gradient pair, not one kernel
    for (const name of PRESET_NAMES) {
      const k = presetKernel(name, PRESET_ARGS[name] ?? '', { rows: 3, cols: 3 });
      expect(k.rows * k.cols).toBe(k.data.length);
      expect(Math.max(k.rows, k.cols)).toBeLessThanOrEqual(15);
    }
    expect(presetKernel('box', '3', { rows: 3, cols: 3 }).data).toEqual(new Array(9).fill(1 / 9));
    expect(() => presetKernel('gaussian', '3', { rows: 3, cols: 3 })).toThrow('gaussian:3 is 25×25; the editor holds up to 15×15');
  });
});

const state = (page: Page, id: string) => page.$eval(`#${id}`, (el) => ({ ...(el as HTMLElement).dataset }));
const waitLive = (page: Page, runs: number) =>
  page.waitForFunction(
    (n) => {
      const el = document.getElementById('cv-live')!;
      return el.dataset.state === 'done' && Number(el.dataset.runs) >= n;
    },
    runs,
    { timeout: 60_000 },
  );
const pixels = (page: Page, selector: string) => page.$eval(selector, (c) => (c as HTMLCanvasElement).toDataURL());

describe.skipIf(!browserAvailable('test/lab/convolution.test.ts'))('lab chapter 1: what is convolution', () => {
  let lab: Lab;
  let page: Page;
  let consoleErrors: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    lab = await startLab();
    ({ page, consoleErrors, pageErrors } = await lab.open('/chapters/convolution.html'));
    await waitLive(page, 1);
    await page.waitForFunction(() => document.getElementById('cv-edges')?.dataset.state === 'done', null, { timeout: 60_000 });
  });

  afterAll(async () => {
    await page?.screenshot({ path: '/tmp/convolab-convolution.png', fullPage: true });
    await page?.locator('#cv-root').screenshot({ path: '/tmp/convolab-convolution-anim.png' });
    await lab?.close();
  });

  it('loads: title, the RAM patch with its padded border, an empty Buffer, the 1024² photo', async () => {
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('1. What is convolution');
    const ram = await canvasStats(page, '#cv-ram');
    expect(ram.width).toBeGreaterThan(0);
    expect(ram.width % 14).toBe(0); // 12 cells + 1 padding cell each side for a 3×3 kernel in same mode
    expect((await state(page, 'cv-anim')).step).toBe('0');
    const photo = await canvasStats(page, '#cv-photo');
    expect([photo.width, photo.height]).toEqual([1024, 1024]);
  });

  it('the animation steps: each Step writes one Buffer pixel and spells out the sum', async () => {
    const before = await pixels(page, '#cv-buffer');
    await page.click('#cv-step');
    await page.click('#cv-step');
    await page.click('#cv-step');
    expect((await state(page, 'cv-anim')).step).toBe('3');
    expect(await page.$eval('#cv-formula', (e) => e.textContent)).toMatch(/^Σ value × weight = [\d.]+, ÷ m = 9 → Buffer\[0, 2\] = [\d.]+$/);
    expect(await page.$$eval('#cv-sum td', (tds) => tds.length)).toBe(9);
    expect(await pixels(page, '#cv-buffer')).not.toBe(before);
    await page.click('#cv-play');
    await page.waitForFunction(() => Number(document.getElementById('cv-anim')!.dataset.step) >= 6, null, { timeout: 10_000 });
    await page.click('#cv-play'); // pause
    expect(await page.$eval('#cv-play', (b) => b.textContent)).toBe('Play');
  });

  it('editing a kernel weight changes the rendered feature maps and the Buffer', async () => {
    const { runs } = await state(page, 'cv-live');
    const mapBefore = await pixels(page, '#cv-map-r');
    const resultBefore = await pixels(page, '#cv-result');
    const bufferBefore = await pixels(page, '#cv-buffer');
    await page.fill('#cv-kernel input[aria-label="weight row 1 column 1"]', '-8');
    await waitLive(page, Number(runs) + 1);
    expect(await pixels(page, '#cv-map-r')).not.toBe(mapBefore);
    expect(await pixels(page, '#cv-result')).not.toBe(resultBefore);
    expect(await pixels(page, '#cv-buffer')).not.toBe(bufferBefore);
    expect(await page.$eval('#cv-preset', (s) => (s as HTMLSelectElement).value)).toBe('custom');
    expect(await page.$eval('#cv-m', (e) => e.textContent)).toContain('m = 0');
  });

  it('shows the update time of the 1024² photo', async () => {
    const text = await page.$eval('#cv-timing', (e) => e.textContent ?? '');
    expect(text).toMatch(
      /3 × 1024 × 1024 image, 3×3 kernel, mode same → 3 × 1024 × 1024, one channel per worker on \d workers?: [\d.]+ ms for the slowest channel/,
    );
    expect(Number((await state(page, 'cv-timing')).screenMs)).toBeGreaterThan(0);
    expect(Number((await state(page, 'cv-timing')).ms)).toBeGreaterThan(0);
  });

  it('a 4×4 kernel in full mode widens the Buffer to n + k − 1 and the RAM by k − 1 on each side', async () => {
    const { runs } = await state(page, 'cv-live');
    await page.selectOption('#cv-preset', 'ones');
    await page.selectOption('#cv-rows', '4');
    await page.selectOption('#cv-cols', '4');
    await page.selectOption('#cv-mode', 'full');
    await waitLive(page, Number(runs) + 1);
    const ram = await canvasStats(page, '#cv-ram');
    const buffer = await canvasStats(page, '#cv-buffer');
    expect(ram.width / buffer.width).toBeCloseTo(18 / 15, 5); // RAM 12 + 2·3 cells, Buffer 12 + 4 − 1
    expect(await page.$eval('#cv-timing', (e) => e.textContent)).toContain('→ 3 × 1027 × 1027');
    await page.selectOption('#cv-mode', 'same');
  });

  it('the Sobel view draws gx, gy and a magnitude with edges', async () => {
    for (const id of ['gray', 'gx', 'gy', 'magnitude']) {
      const s = await canvasStats(page, `#cv-edge-${id}`);
      expect([s.width, s.height]).toEqual([1024, 1024]);
      expect(s.nonBlack).toBeGreaterThan(1000);
    }
  });

  it('logs no console errors or page errors', () => {
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
