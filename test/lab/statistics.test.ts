/**
 * Chapter 6 (lab-dist/chapters/statistics.html) in chromium: the smoothing kernel redraws the
 * series when its width changes, an ARIMA fit shows coefficients, AIC and a 95% forecast band, the
 * correlogram and the whitening views draw. Also the page's compute in Node. Needs lab-dist/; the
 * browser part is skipped without /usr/bin/chromium unless CI is set.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cloud,
  correlogram,
  decimalYear,
  fitArima,
  grayShrink,
  parseSeries,
  patchView,
  smoothView,
  specFor,
} from '../../lab/src/chapters/statistics/compute.js';
import { NDArray } from '../../src/core/index.js';
import { browserAvailable, canvasStats, type Lab, startLab, waitForRun } from './browser.js';

const csv = (name: string) => readFileSync(new URL(`../../samples/series/${name}.csv`, import.meta.url), 'utf8');

describe('statistics chapter compute', () => {
  it('parseSeries("sunspots" | "co2") — years and values, co2 gaps filled', () => {
    const s = parseSeries('sunspots', csv('sunspots'));
    expect(s.y.length).toBe(309);
    expect([s.t[0], s.t[308], s.y[0], s.y[1]]).toEqual([1700, 2008, 5, 11]);
    const c = parseSeries('co2', csv('co2'));
    expect(c.y.length).toBe(2284);
    expect(c.gaps).toBe(59);
    expect(c.t[0]).toBeCloseTo(1958 + 87 / 365, 10); // 29 March 1958
    expect(decimalYear(20000101)).toBe(2000);
  });

  it('smoothView(y, "sma", 5) — the 5-point centred mean, kernel 1/5 at offsets 2..−2', () => {
    const y = Float64Array.from({ length: 20 }, (_, i) => i * i);
    const v = smoothView(y, 'sma', 5);
    expect(v.spec).toBe('sma:5');
    expect(Array.from(v.offsets)).toEqual([2, 1, 0, -1, -2]);
    for (const k of v.kernel) expect(k).toBeCloseTo(0.2, 15);
    expect(v.smoothed[10]).toBeCloseTo((64 + 81 + 100 + 121 + 144) / 5, 12);
    expect(specFor('ewm', 9)).toEqual({ method: 'ewm', alpha: 0.2 });
    expect(specFor('savgol', 8)).toEqual({ method: 'savgol', window: 9, polyorder: 3 });
    const e = smoothView(y, 'ewm', 9);
    expect(e.causal).toBe(true);
    expect(e.kernel[0]).toBeCloseTo(0.2, 3);
    expect(e.offsets[1]).toBe(-1);
  });

  it('fitArima(sunspots, [2, 0, 0]) — AR coefficients, AIC, a 95% band widening with the horizon, ψ kernel', () => {
    const s = parseSeries('sunspots', csv('sunspots'));
    const r = fitArima({ y: s.y, order: [2, 0, 0], horizon: 20, lags: 30, seed: 1 });
    expect(r.names).toEqual(['const', 'ar.L1', 'ar.L2', 'sigma2']);
    // statsmodels ARIMA(sunspots, order=(2,0,0)).fit(): const 49.75, ar.L1 1.3907, ar.L2 −0.6886
    expect(r.params[1]).toBeCloseTo(1.39, 1);
    expect(r.params[2]).toBeCloseTo(-0.69, 1);
    expect(r.aic).toBeCloseTo(-2 * r.loglik + 2 * 4, 8);
    expect(r.psi[0]).toBe(1);
    expect(r.psi[1]).toBeCloseTo(r.params[1], 12); // ψ1 = φ1
    expect(r.psi[2]).toBeCloseTo(r.params[1] ** 2 + r.params[2], 12); // ψ2 = φ1² + φ2
    for (let i = 0; i < 20; i++) expect(r.upper[i]).toBeGreaterThan(r.lower[i]);
    expect(r.upper[19] - r.lower[19]).toBeGreaterThan(r.upper[0] - r.lower[0]);
    expect(r.upper[0] - r.lower[0]).toBeCloseTo(2 * 1.959963984540054 * Math.sqrt(r.sigma2), 6);
    expect(r.coloured.length).toBe(240);
  });

  it('correlogram(sunspots, 0, 20) — acf[0] = 1, bands positive', () => {
    const c = correlogram(parseSeries('sunspots', csv('sunspots')).y, 0, 20);
    expect(c.acf.length).toBe(21);
    expect(c.acf[0]).toBe(1);
    expect(c.acf[1]).toBeGreaterThan(0.7);
    expect(c.pacfBand).toBeCloseTo(1.959963984540054 / Math.sqrt(309), 12);
    expect(c.acfBand[1]).toBeCloseTo(c.pacfBand, 12);
    expect(c.acfBand[5]).toBeGreaterThan(c.acfBand[1]);
  });

  it('cloud(500, 0.8, 1) — PCA and ZCA covariance the identity, standardized diagonal 1', () => {
    const c = cloud(500, 0.8, 1);
    for (const cov of [c.cov.pca, c.cov.zca]) {
      expect(cov[0]).toBeCloseTo(1, 10);
      expect(cov[1]).toBeCloseTo(0, 10);
      expect(cov[3]).toBeCloseTo(1, 10);
    }
    expect(c.cov.standardized[0]).toBeCloseTo(1, 10);
    expect(c.cov.standardized[1]).toBeGreaterThan(0.5); // scaling alone keeps the correlation
    expect(c.eigenvalues[0]).toBeGreaterThan(c.eigenvalues[1]);
  });

  it('patchView(gray, 5, 0.01) — a centre-surround kernel and a whitened image of the same size', () => {
    const img = new NDArray('float32', [3, 64, 80]);
    for (let c = 0; c < 3; c++)
      for (let y = 0; y < 64; y++)
        for (let x = 0; x < 80; x++)
          img.data[(c * 64 + y) * 80 + x] = 100 + 60 * Math.sin(x / 5) * Math.cos(y / 7) + ((x * 7 + y * 13) % 11);
    const g = grayShrink(img, 40);
    expect(g.shape).toEqual([1, 32, 40]);
    const v = patchView(g, 5, 0.01);
    expect(v.whitened.length).toBe(32 * 40);
    expect(v.kernel.length).toBe(25);
    const centre = v.kernel[12];
    expect(centre).toBeGreaterThan(0);
    expect(Math.max(...Array.from(v.kernel).filter((_, i) => i !== 12))).toBeLessThan(centre);
  });
});

const state = (page: Page, id: string) => page.$eval(`#${id}`, (el) => (el as HTMLElement).dataset.state ?? '');
const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

describe.skipIf(!browserAvailable('test/lab/statistics.test.ts'))('lab chapter 6: statistics as convolution', () => {
  let lab: Lab;
  let page: Page;
  let consoleErrors: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    lab = await startLab();
    ({ page, consoleErrors, pageErrors } = await lab.open('/chapters/statistics.html'));
    await waitForRun(page, 'st-arima');
    expect(await state(page, 'st-arima'), await text(page, '#st-arima-readout')).toBe('done');
    await waitForRun(page, 'st-patches');
    expect(await state(page, 'st-patches'), await text(page, '#st-patches-readout')).toBe('done');
    await page.screenshot({ path: '/tmp/convolab-statistics-initial.png', fullPage: true });
  }, 90_000);

  afterAll(async () => {
    await page?.screenshot({ path: '/tmp/convolab-statistics.png', fullPage: true });
    await lab?.close();
  });

  it('shows the sunspots smoothed by sma:9, the kernel as 9 bars of 1/9', async () => {
    expect(await text(page, 'h1')).toBe('6. Statistics as convolution');
    expect(await page.$eval('#st-smooth', (el) => (el as HTMLElement).dataset.spec)).toBe('sma:9');
    expect(await page.$$eval('#st-kernel-chart [data-layer="weights"] rect', (r) => r.length)).toBe(9);
    expect(await page.$$eval('#st-series-chart [data-layer="kernel"] rect', (r) => r.length)).toBe(10); // window + 9 bars
    expect(await text(page, '#st-smooth-readout')).toContain('9 weights summing to 1');
  });

  it('changing the smoothing width changes the smoothed curve and the kernel', async () => {
    const before = await page.$eval('#st-series-chart [data-layer="smoothed"]', (p) => p.getAttribute('d'));
    await page.$eval('#st-width', (el) => {
      const input = el as HTMLInputElement;
      input.value = '25';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await page.$eval('#st-smooth', (el) => (el as HTMLElement).dataset.spec)).toBe('sma:25');
    expect(await page.$eval('#st-series-chart [data-layer="smoothed"]', (p) => p.getAttribute('d'))).not.toBe(before);
    expect(await page.$$eval('#st-kernel-chart [data-layer="weights"] rect', (r) => r.length)).toBe(25);
    const pos = await page.$eval('#st-pos', (el) => (el as HTMLInputElement).value);
    await page.click('#st-slide');
    await page.waitForFunction((p) => (document.getElementById('st-pos') as HTMLInputElement).value !== p, pos, { timeout: 10_000 });
    await page.click('#st-slide');
    expect(await text(page, '#st-slide')).toBe('Slide the kernel');
    await page.selectOption('#st-method', 'ewm');
    expect(await page.$eval('#st-smooth', (el) => (el as HTMLElement).dataset.spec)).toBe('ewm:0.0769');
  });

  it('an ARIMA(2,0,1) fit shows its coefficients, AIC and a widening 95% forecast band', async () => {
    const fits = Number(await page.$eval('#st-arima', (el) => (el as HTMLElement).dataset.fits));
    await page.fill('#st-p', '2');
    await page.fill('#st-q', '1');
    await page.click('#st-fit');
    await page.waitForFunction((n) => Number(document.getElementById('st-arima')?.dataset.fits) > n, fits, { timeout: 60_000 });
    await waitForRun(page, 'st-arima');
    const readout = await text(page, '#st-arima-readout');
    expect(await state(page, 'st-arima'), readout).toBe('done');
    expect(readout).toMatch(/^ARIMA\(2,0,1\): log-likelihood -[\d.]+, AIC [\d.]+/);
    const names = await page.$$eval('#st-coefs td:first-child', (tds) => tds.map((td) => td.textContent));
    expect(names).toEqual(['const', 'ar.L1', 'ar.L2', 'ma.L1', 'sigma2']);
    const values = await page.$$eval('#st-coefs td:nth-child(2)', (tds) => tds.map((td) => Number(td.textContent)));
    for (const v of values) expect(Number.isFinite(v)).toBe(true);
    const band = await page.$eval('#st-forecast-chart', (el) => ({ ...(el as HTMLElement).dataset }));
    expect(Number(band.bandWidth1)).toBeGreaterThan(0);
    expect(Number(band.bandWidth)).toBeGreaterThan(Number(band.bandWidth1));
    expect(await page.$eval('#st-forecast-chart [data-layer="band"]', (p) => p.getAttribute('d')?.length ?? 0)).toBeGreaterThan(100);
    expect(await page.$$eval('#st-psi-chart [data-layer="psi"] rect', (r) => r.length)).toBe(40);
    expect(readout).toMatch(/Ljung–Box p = [\d.e-]+ at lag 10/);
  });

  it('the correlogram switches to the residuals of the last fit', async () => {
    await page.selectOption('#st-corr-of', 'residuals');
    expect(await page.$eval('#st-corr', (el) => (el as HTMLElement).dataset.of)).toBe('residuals');
    expect(await text(page, '#st-corr-readout')).toMatch(/^Residuals of ARIMA\(2,0,1\): 309 values\./);
    const readout = await text(page, '#st-corr-readout');
    const lag1 = Number(/Lag-1 autocorrelation (-?[\d.e-]+)\./.exec(readout)?.[1]);
    expect(Number.isFinite(lag1), readout).toBe(true);
    expect(Math.abs(lag1)).toBeLessThan(0.2); // the series' is 0.82
    await page.selectOption('#st-corr-of', 'series');
    expect(await text(page, '#st-corr-readout')).toMatch(/^309 values\. Lag-1 autocorrelation 0\.82/);
  });

  it('a new fit while one runs supersedes it: only the newest order is shown', async () => {
    const fits = Number(await page.$eval('#st-arima', (el) => (el as HTMLElement).dataset.fits));
    await page.fill('#st-p', '12');
    await page.fill('#st-q', '6');
    await page.click('#st-fit'); // slow (many seconds); superseded below
    await page.waitForTimeout(200);
    const t0 = Date.now();
    await page.$eval('#st-p', (el) => {
      (el as HTMLInputElement).value = '1';
    });
    await page.$eval('#st-q', (el) => {
      (el as HTMLInputElement).value = '0';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForFunction((n) => Number(document.getElementById('st-arima')?.dataset.fits) > n, fits, { timeout: 30_000 });
    await waitForRun(page, 'st-arima');
    // the ARIMA(12,0,6) fit alone takes tens of seconds: an answer this soon means it was cancelled
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(await text(page, '#st-arima-readout')).toMatch(/^ARIMA\(1,0,0\): /);
    expect(await page.$$eval('#st-coefs td:first-child', (tds) => tds.map((td) => td.textContent))).toEqual(['const', 'ar.L1', 'sigma2']);
  });

  it('selecting the CO₂ series (59 gaps filled) refits with its default order ARIMA(2,1,1)', async () => {
    const fits = Number(await page.$eval('#st-arima', (el) => (el as HTMLElement).dataset.fits));
    await page.selectOption('#st-series', 'co2');
    await page.waitForFunction((n) => Number(document.getElementById('st-arima')?.dataset.fits) > n, fits, { timeout: 60_000 });
    await waitForRun(page, 'st-arima');
    const readout = await text(page, '#st-arima-readout');
    expect(await state(page, 'st-arima'), readout).toBe('done');
    expect(readout).toMatch(/^ARIMA\(2,1,1\): /);
    expect(await page.$eval('#st-d', (el) => (el as HTMLInputElement).value)).toBe('1');
    expect(await page.$$eval('#st-coefs td:first-child', (tds) => tds.map((td) => td.textContent))).toEqual([
      'ar.L1',
      'ar.L2',
      'ma.L1',
      'sigma2',
    ]);
    expect(await page.$eval('#st-smooth', (el) => (el as HTMLElement).dataset.spec)).toBe('ewm:0.0769');
    expect(await text(page, '#st-corr-readout')).toContain('2283 values (differenced 1×)');
  });

  it('draws the correlogram with bands, the whitened cloud (ZCA covariance ≈ identity) and the whitened photo', async () => {
    expect(await page.$$eval('#st-acf-chart [data-layer="acf"] rect', (r) => r.length)).toBeGreaterThan(10);
    expect(await page.$$eval('#st-pacf-chart [data-layer="band"]', (r) => r.length)).toBe(1);
    expect(await page.$$eval('#st-cloud-zca [data-layer="points"] circle', (r) => r.length)).toBe(500);
    expect(Math.abs(Number(await page.$eval('#st-whiten', (el) => (el as HTMLElement).dataset.zcaOffDiagonal)))).toBeLessThan(1e-10);
    const white = await canvasStats(page, '#st-white');
    expect(white.width).toBeGreaterThan(100);
    expect(white.nonBlack).toBeGreaterThan(white.width * white.height * 0.5);
    expect(await canvasStats(page, '#st-zca-kernel')).toMatchObject({ width: 7, height: 7 });
  });

  it('logs no console errors or page errors', () => {
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
