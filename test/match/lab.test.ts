/**
 * The lab page "Searching with cross-correlation" (lab/chapters/correlation.html, lab/src/match/): its compute
 * functions in Node, then the page itself in headless chromium — built on its own by Vite into a
 * temporary folder, served with the samples — where dragging a rectangle on the photo draws the
 * match boxes and the hidden chirp is found. The browser part is skipped without
 * /usr/bin/chromium (unless CI is set: then it fails).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipRect, cut, searchImage, searchSignal } from '../../lab/src/match/compute.js';
import { type RunningServer, startServer } from '../../src/cli/static-server.js';
import { readImageFile } from '../../src/io/node.js';
import { browserAvailable, CHROMIUM } from '../lab/browser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('lab/src/match/compute.ts', () => {
  it('searchImage(photo, { rect }) finds the cut-out piece first, with score 1', () => {
    const photo = readImageFile(join(ROOT, 'samples/astronaut.png')).image;
    const r = searchImage(photo, { rect: { x: 180, y: 80, width: 60, height: 70 }, method: 'ccoeff_normed', top: 3, similarity: 0.5 });
    expect(r.map.shape).toEqual([443, 453]);
    expect(r.matches[0]).toMatchObject({ x: 180, y: 80 });
    expect(r.matches[0].score).toBeCloseTo(1, 4);
    expect(r.matches.every((m) => m.score >= 0.5)).toBe(true);
    const sq = searchImage(photo, { rect: { x: 10, y: 300, width: 30, height: 20 }, method: 'sqdiff_normed', top: 1, similarity: 0.9 });
    expect(sq.matches[0]).toMatchObject({ x: 10, y: 300 });
    expect(sq.matches[0].score).toBeCloseTo(0, 5);
  });

  it('clipRect(r, H, W) keeps the rectangle inside the image and at least 2×2; cut copies it', () => {
    expect(clipRect({ x: -5, y: 8.4, width: 1, height: 900 }, 20, 30)).toEqual({ x: 0, y: 8, width: 2, height: 12 });
    const photo = readImageFile(join(ROOT, 'samples/astronaut.png')).image;
    const piece = cut(photo, { x: 3, y: 4, width: 2, height: 2 });
    expect(piece.shape).toEqual([3, 2, 2]);
    expect(piece.data[3]).toBe(photo.data[5 * 512 + 4]);
  });

  it('searchSignal(job) finds the hidden chirp within one sample at noise σ = 1', () => {
    const r = searchSignal({ seed: 3, length: 20000, at: 12300, clipLength: 800, noise: 1 });
    expect(Math.abs(r.found[0].offset - 12300)).toBeLessThanOrEqual(1);
    expect(r.scores.length).toBe(19201);
    expect(r.scores[r.found[0].offset]).toBeCloseTo(r.found[0].score, 5);
  });
});

const runBrowser = browserAvailable('test/match/lab.test.ts');

describe.runIf(runBrowser)('lab/chapters/correlation.html in chromium', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convolab-lab-match-'));
    const { build } = await import('vite');
    const lab = join(ROOT, 'lab');
    await build({
      configFile: false,
      root: lab,
      base: '/',
      publicDir: false,
      logLevel: 'silent',
      worker: { format: 'es' },
      define: { __LAB_PAGES__: JSON.stringify(['correlation']) },
      build: {
        outDir: dir,
        emptyOutDir: true,
        target: 'es2022',
        rolldownOptions: { input: { match: join(lab, 'chapters', 'correlation.html') } },
      },
    });
    server = await startServer({ root: dir, mounts: { '/samples/': join(ROOT, 'samples') }, port: 0 });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run'] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('dragging a rectangle on the photo makes it the template and boxes appear; the chirp is found', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(new URL('/chapters/correlation.html', server.url).href);
    await page.waitForSelector('#search-image[data-state="done"]', { timeout: 60_000 });
    await page.waitForSelector('#search-signal[data-state="done"]', { timeout: 60_000 });
    expect(Number(await page.getAttribute('#search-signal', 'data-found'))).toBeGreaterThanOrEqual(12299);
    expect(Number(await page.getAttribute('#search-signal', 'data-found'))).toBeLessThanOrEqual(12301);

    // drag over the image region (300, 200) → (340, 250) in image pixels
    const box = (await page.locator('#search-overlay').boundingBox())!;
    const at = (x: number, y: number) => [box.x + (x / 512) * box.width, box.y + (y / 512) * box.height] as const;
    await page.mouse.move(...at(300, 200));
    await page.mouse.down();
    await page.mouse.move(...at(320, 230), { steps: 4 });
    await page.mouse.move(...at(340, 250), { steps: 4 });
    await page.mouse.up();
    await page.waitForSelector('#search-image[data-state="done"]', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('#search-readout')?.textContent?.includes('template 40×50'), null, {
      timeout: 60_000,
    });
    const boxes = await page.locator('.search-box').count();
    expect(boxes).toBeGreaterThanOrEqual(1);
    expect(await page.getAttribute('#search-image', 'data-matches')).toBe(String(boxes));
    expect(await page.locator('#search-readout').textContent()).toMatch(/1\. x=300, y=200, score 1\.000/);
    const map = await page.$eval('#search-map', (c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height]);
    expect(map).toEqual([473, 463]);
    expect(errors).toEqual([]);
    if (process.env.CONVOLAB_LAB_SCREENSHOT) await page.screenshot({ path: process.env.CONVOLAB_LAB_SCREENSHOT, fullPage: true });
  }, 120_000);
});
