/**
 * The built landing page (lab-dist/index.html) in chromium, served as `convolab serve` does.
 * Needs lab-dist/ (`npm run build`); skipped without /usr/bin/chromium unless CI is set.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAPTERS } from '../../lab/src/chapters.js';
import { browserAvailable, canvasStats, type Lab, startLab } from './browser.js';

describe.skipIf(!browserAvailable('test/lab/landing.test.ts'))('lab landing page (lab-dist/index.html in chromium)', () => {
  let lab: Lab;
  let page: Page;
  let consoleErrors: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    lab = await startLab();
    ({ page, consoleErrors, pageErrors } = await lab.open('/'));
    await page.waitForSelector('#hero[data-edges="done"], #hero[data-edges="error"]', { timeout: 30_000 });
    await page.screenshot({ path: '/tmp/convolab-landing.png', fullPage: true });
  });

  afterAll(async () => {
    await lab?.close();
  });

  it('page.goto("/") logs no console errors and throws no page errors', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('crossOriginIsolated === true under the COOP/COEP headers', async () => {
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
  });

  it('lists the eight chapter cards in the order of DESIGN.md, each with a status', async () => {
    const cards = await page.$$eval('#chapters > li.card', (lis) =>
      lis.map((li) => ({
        slug: (li as HTMLElement).dataset.chapter,
        title: li.querySelector('.card__title')?.textContent?.trim(),
        status: li.querySelector('.card__status')?.textContent?.trim(),
        summary: li.querySelector('.card__summary')?.textContent?.trim() ?? '',
      })),
    );
    expect(cards.map((c) => c.title)).toEqual([
      'What is convolution',
      'The convolution theorem (FFT)',
      'The frequency domain',
      'Cross-correlation as search',
      'Diffusion',
      'Statistics as convolution',
      'Learned kernels (CNN)',
      'Fashion search',
    ]);
    expect(cards.map((c) => c.slug)).toEqual(CHAPTERS.map((c) => c.slug));
    for (const card of cards) {
      expect(['coming soon', 'open →']).toContain(card.status);
      expect(card.summary.length).toBeGreaterThan(100);
    }
  });

  it('the hero draws the worker-computed Sobel edge map of chelsea.png (451×300)', async () => {
    expect(await page.$eval('#hero', (el) => (el as HTMLElement).dataset.edges)).toBe('done');
    const edges = await canvasStats(page, '#hero-edges');
    const photo = await canvasStats(page, '#hero-images .image-canvas:first-child canvas');
    expect([edges.width, edges.height]).toEqual([451, 300]);
    expect([photo.width, photo.height]).toEqual([451, 300]);
    // Edges are sparse but present; the photo is mostly not black.
    expect(edges.nonBlack / (451 * 300)).toBeGreaterThan(0.05);
    expect(edges.nonBlack / (451 * 300)).toBeLessThan(0.98);
    expect(photo.nonBlack / (451 * 300)).toBeGreaterThan(0.5);
  });

  it('clicking the "brick" sample recomputes the edge map at 512×512', async () => {
    await page.click('#sample-picker button[data-file="brick.png"]');
    await page.waitForFunction(() => {
      const c = document.getElementById('hero-edges') as HTMLCanvasElement;
      return document.getElementById('hero')?.dataset.edges === 'done' && c.width === 512;
    });
    const edges = await canvasStats(page, '#hero-edges');
    expect([edges.width, edges.height]).toEqual([512, 512]);
    expect(edges.nonBlack).toBeGreaterThan(0.05 * 512 * 512);
    expect(await page.$eval('#hero-caption', (el) => el.textContent)).toMatch(/512×512 photo, computed in a Web Worker in [\d.]+ ms/);
  });
});
