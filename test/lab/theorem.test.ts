/**
 * Chapter 2, the convolution theorem (lab-dist/chapters/theorem.html), in chromium: the four steps
 * draw, the padding select switches between linear convolution (error ~1e-16) and circular
 * convolution (the wrap-around error), no console errors. Also the page's compute in Node. Needs
 * lab-dist/; the browser part is skipped without /usr/bin/chromium unless CI is set.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKernel, makeSignal, paddedLength, theorem } from '../../lab/src/chapters/theorem/compute.js';
import { browserAvailable, type Lab, startLab } from './browser.js';

describe('theorem (the chapter’s compute)', () => {
  it('theorem({ padding: linear }) recovers the direct convolution to 1e-13', () => {
    const r = theorem({ signal: 'pulses', kernel: 'decay', n: 96, k: 24, padding: 'linear', seed: 7 });
    expect(r.L).toBe(119);
    expect(r.direct.length).toBe(119);
    expect(r.viaFft.length).toBe(119);
    expect(r.magX.length).toBe(60);
    expect(r.relError).toBeLessThan(1e-13);
    expect(r.wrapped).toBe(0);
  });
  it('theorem({ padding: fast }) pads to nextFastLen(N + K − 1) and agrees too', () => {
    const r = theorem({ signal: 'steps', kernel: 'gauss', n: 100, k: 23, padding: 'fast', seed: 1 });
    expect(r.L).toBe(125);
    expect(r.relError).toBeLessThan(1e-13);
  });
  it('theorem({ padding: none }) is the circular convolution: y[i] = direct[i] + direct[i + N], the tail missing', () => {
    const n = 64;
    const k = 16;
    const r = theorem({ signal: 'pulses', kernel: 'box', n, k, padding: 'none', seed: 7 });
    expect(r.L).toBe(n);
    for (let i = 0; i < n; i++) expect(r.viaFft[i]).toBeCloseTo(r.direct[i] + (i < k - 1 ? r.direct[i + n] : 0), 12);
    expect(r.relError).toBeGreaterThan(0.1);
    expect(r.wrapped).toBeGreaterThan(k - 1); // the wrapped head and the missing tail
  });
  it('makeSignal / makeKernel / paddedLength: kernels sum to 1, signals are non-zero, lengths per padding', () => {
    for (const name of ['box', 'gauss', 'decay'] as const) expect(makeKernel(name, 9).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    for (const name of ['pulses', 'steps', 'chirp'] as const) expect(makeSignal(name, 50, 3).some((v) => v !== 0)).toBe(true);
    expect([paddedLength('none', 50, 8), paddedLength('linear', 50, 8), paddedLength('fast', 50, 8)]).toEqual([50, 57, 60]);
    expect(() => theorem({ signal: 'chirp', kernel: 'box', n: 10, k: 11, padding: 'none', seed: 0 })).toThrow(/k: expected/);
  });
});

describe.skipIf(!browserAvailable('test/lab/theorem.test.ts'))('lab chapter 2: the convolution theorem', () => {
  let lab: Lab;
  let page: Page;
  let consoleErrors: string[];
  let pageErrors: string[];
  const runs = () => page.$eval('#th-root', (el) => Number((el as HTMLElement).dataset.runs ?? 0));
  const readout = async () => (await page.$eval('#th-readout', (el) => el.textContent)) ?? '';
  async function settle(after: number): Promise<void> {
    await page.waitForFunction(
      (n) => {
        const el = document.querySelector<HTMLElement>('#th-root');
        return el?.dataset.state === 'error' || (el?.dataset.state === 'done' && Number(el.dataset.runs) > n);
      },
      after,
      { timeout: 30_000 },
    );
    expect(await page.$eval('#th-root', (el) => (el as HTMLElement).dataset.state), await readout()).toBe('done');
  }

  beforeAll(async () => {
    lab = await startLab();
    ({ page, consoleErrors, pageErrors } = await lab.open('/chapters/theorem.html'));
    await settle(0);
  });

  afterAll(async () => {
    await page?.screenshot({ path: '/tmp/convolab-theorem.png', fullPage: true });
    await lab?.close();
  });

  it('draws the four steps with charts and reads "linear convolution recovered" with a round-off error', async () => {
    expect(await page.$eval('h1', (h) => h.textContent)).toMatch(/convolution theorem/i);
    for (const id of ['#th-step-pad', '#th-step-spectra', '#th-step-product', '#th-step-result']) {
      expect(await page.$$eval(`${id} svg`, (s) => s.length)).toBeGreaterThan(0);
    }
    const text = await readout();
    expect(text).toMatch(/linear convolution recovered/);
    const err = Number(/max \|FFT − direct\| = ([\d.e+-]+)/.exec(text)?.[1]);
    expect(err).toBeLessThan(1e-12);
  });

  it('selecting "no padding" shows the wrap-around error; selecting linear again removes it', async () => {
    let n = await runs();
    await page.selectOption('#th-pad', 'none');
    await settle(n);
    const text = await readout();
    expect(text).toMatch(/wrap-around error on \d+ of 119 outputs/);
    expect(Number(/max \|FFT − direct\| = ([\d.e+-]+)/.exec(text)?.[1])).toBeGreaterThan(0.01);
    expect(await page.$eval('#th-step-pad p', (p) => p.textContent)).toMatch(/L = 96/);
    await page.screenshot({ path: '/tmp/convolab-theorem-circular.png', fullPage: true });
    n = await runs();
    await page.selectOption('#th-pad', 'linear');
    await settle(n);
    expect(await readout()).toMatch(/linear convolution recovered/);
  });

  it('changing the kernel length reruns the worker and L follows N + K − 1', async () => {
    const n = await runs();
    await page.$eval('#th-k', (el) => {
      const input = el as HTMLInputElement;
      input.value = '9';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle(n);
    expect(await readout()).toMatch(/L = 104;/);
  });

  it('logs no console errors and no page errors', () => {
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
