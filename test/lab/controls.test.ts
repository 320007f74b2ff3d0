/**
 * lab/src/controls.ts as the built chapter pages use it (lab-dist/, chromium): sliders, selects,
 * integer inputs, tabs, panels and liveRun's data-state. Skipped without /usr/bin/chromium unless CI is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, type Lab, startLab } from './browser.js';

describe.skipIf(!browserAvailable('test/lab/controls.test.ts'))('controls.ts on the chapter pages', () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await startLab();
  });

  afterAll(async () => {
    await lab?.close();
  });

  it('slider(label, { id: "df-D", format }) shows format(value) in its output and follows input events', async () => {
    const { page, pageErrors } = await lab.open('/chapters/diffusion.html');
    const output = () => page.$eval('#df-D', (el) => el.closest('label.lab-control')?.querySelector('output')?.textContent);
    expect(await output()).toBe('1.0');
    await page.$eval('#df-D', (el) => {
      (el as HTMLInputElement).value = '2.5';
      el.dispatchEvent(new Event('input'));
    });
    expect(await output()).toBe('2.5');
    expect(await page.$eval('#df-boundary', (el) => [(el as HTMLSelectElement).value, el.closest('label')?.className])).toEqual([
      'reflect',
      'lab-control',
    ]);
    expect(await page.$eval('#df-readout', (el) => el.className)).toBe('lab-readout');
    expect(await page.$$eval('nav.lab-tabs a', (as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('aria-current')]))).toEqual([
      ['/chapters/diffusion.html', 'page'],
      ['/chapters/random-convolution.html', null],
    ]);
    // chapterPage + liveRun: the panel goes pending → done and counts the runs
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#df-root')?.dataset.state === 'done', null, { timeout: 50_000 });
    expect(Number(await page.$eval('#df-root', (el) => (el as HTMLElement).dataset.runs))).toBeGreaterThanOrEqual(1);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('integer("p", "st-p", 3, 0, 12) renders a step-1 number input from 0 to 12 in label.lab-int', async () => {
    const { page, pageErrors } = await lab.open('/chapters/statistics.html');
    const p = await page.$eval('#st-p', (el) => {
      const input = el as HTMLInputElement;
      return { value: input.value, min: input.min, max: input.max, step: input.step, wrap: el.closest('label')?.className };
    });
    expect(p).toEqual({ value: '3', min: '0', max: '12', step: '1', wrap: 'lab-int' });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
