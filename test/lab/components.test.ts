/**
 * The components page (lab-dist/components.html) in chromium: KernelEditor → lab worker →
 * ImageCanvas and charts. Needs lab-dist/; skipped without /usr/bin/chromium unless CI is set.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, canvasStats, type Lab, startLab } from './browser.js';

const runs = (page: Page) => page.$eval('#demo', (el) => Number((el as HTMLElement).dataset.runs ?? 0));
const waitRuns = (page: Page, n: number) =>
  page.waitForFunction((k) => {
    const el = document.getElementById('demo')!;
    return el.dataset.filter === 'done' && Number(el.dataset.runs) >= k;
  }, n);

describe.skipIf(!browserAvailable('test/lab/components.test.ts'))('lab components page (KernelEditor, ImageCanvas, chart)', () => {
  let lab: Lab;
  let page: Page;
  let consoleErrors: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    lab = await startLab();
    ({ page, consoleErrors, pageErrors } = await lab.open('/components.html'));
    await waitRuns(page, 1);
  });

  afterAll(async () => {
    await page?.screenshot({ path: '/tmp/convolab-components.png', fullPage: true });
    await lab?.close();
  });

  it('new KernelEditor({ preset: "gaussian", size: 7 }) renders 49 inputs summing to 1', async () => {
    expect(await page.$$eval('.kernel-editor__grid input', (inputs) => inputs.length)).toBe(49);
    expect(await page.$eval('.kernel-editor__sum', (el) => el.textContent)).toBe('sum 1');
    const kernel = await canvasStats(page, '#kernel-view canvas');
    expect([kernel.width, kernel.height]).toEqual([7, 7]);
  });

  it('ImageCanvas.draw(result) shows the blurred photo and chart() plots the profile and a 32-bar histogram', async () => {
    const out = await canvasStats(page, '#demo-output');
    expect([out.width, out.height]).toEqual([451, 300]);
    expect(out.nonBlack).toBeGreaterThan(0.5 * 451 * 300);
    expect(await page.$$eval('#profile-chart svg path', (p) => p.length)).toBe(2);
    expect(await page.$$eval('#histogram-chart svg .chart__plot rect', (r) => r.length)).toBe(32);
    expect(await page.$$eval('#profile-chart svg text.chart__label', (t) => t.map((e) => e.textContent))).toEqual([
      'column x',
      'green value',
    ]);
  });

  it('choosing the sobel-x preset emits change, resizes to 3×3 and refilters to a mostly dark edge map', async () => {
    const before = await canvasStats(page, '#demo-output');
    const n = await runs(page);
    await page.selectOption('.kernel-editor select[aria-label="Kernel preset"]', 'sobel-x');
    await waitRuns(page, n + 1);
    expect(await page.$$eval('.kernel-editor__grid input', (inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
      '-1',
      '0',
      '1',
      '-2',
      '0',
      '2',
      '-1',
      '0',
      '1',
    ]);
    const after = await canvasStats(page, '#demo-output');
    expect(after.mean).toBeLessThan(before.mean / 2);
  });

  it('typing a weight emits change with preset "custom" and refilters', async () => {
    const n = await runs(page);
    await page.fill('.kernel-editor__grid input[aria-label="weight row 1 column 1"]', '1');
    await waitRuns(page, n + 1);
    expect(await page.$eval('.kernel-editor select[aria-label="Kernel preset"]', (s) => (s as HTMLSelectElement).value)).toBe('custom');
    expect(await page.$eval('.kernel-editor__sum', (el) => el.textContent)).toBe('sum 1');
  });

  it('ImageCanvas zoom + from fit goes to 1:1 (451px) and the readout shows the value under the pointer', async () => {
    await page.click('#images .image-canvas:first-child button[title="Fit to width"]');
    await page.click('#images .image-canvas:first-child button[title="Zoom in"]');
    const width = await page.$eval('#images .image-canvas:first-child canvas', (c) => (c as HTMLCanvasElement).style.width);
    expect(['451px', '902px']).toContain(width);
    await page.click('#images .image-canvas:first-child button[title="Fit to width"]');
    const box = (await (await page.$('#images .image-canvas:first-child canvas'))!.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.5);
    expect(await page.$eval('#images .image-canvas:first-child .image-canvas__readout', (el) => el.textContent)).toMatch(
      /^x 11[23] {2}y 1(49|50) {2}· {2}\d+, \d+, \d+$/,
    );
  });

  it('the page logged no console errors and threw no page errors', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
