/**
 * Shared setup for the lab's browser tests: Debian's chromium via playwright-core, and the
 * built lab (lab-dist/) served by the same static server as `convolab serve`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../src/cli/static-server.js';

export const CHROMIUM = '/usr/bin/chromium';
export const LAB_DIST = fileURLToPath(new URL('../../lab-dist', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../samples', import.meta.url));

/** True when the browser tests can run; throws under CI when chromium is missing. */
export function browserAvailable(file: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: the lab's browser tests need Debian's chromium (apt-get install chromium)`);
  console.warn(`${file}: skipped — ${CHROMIUM} not found (with CI set this is a failure)`);
  return false;
}

export interface Lab {
  server: RunningServer;
  browser: Browser;
  /** Open `path` and collect console errors / page errors from then on. */
  open(path: string): Promise<{ page: Page; consoleErrors: string[]; pageErrors: string[] }>;
  close(): Promise<void>;
}

export async function startLab(): Promise<Lab> {
  if (!existsSync(`${LAB_DIST}/index.html`)) {
    throw new Error(`${LAB_DIST}/index.html is missing: run \`npm run build\` (or npx vite build --config lab/vite.config.ts) first`);
  }
  const { chromium } = await import('playwright-core');
  const server = await startServer({ root: LAB_DIST, mounts: { '/samples/': SAMPLES }, port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    server,
    browser,
    async open(path) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      const consoleErrors: string[] = [];
      const pageErrors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(msg.text());
      });
      page.on('pageerror', (err) => pageErrors.push(err.message));
      await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
      return { page, consoleErrors, pageErrors };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Width, height and the count of pixels brighter than near-black, of a canvas on the page. */
export function canvasStats(page: Page, selector: string): Promise<{ width: number; height: number; nonBlack: number; mean: number }> {
  return page.$eval(selector, (canvas) => {
    const c = canvas as HTMLCanvasElement;
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    let nonBlack = 0;
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) {
      const v = data[i] + data[i + 1] + data[i + 2];
      sum += v / 3;
      if (v > 30) nonBlack++;
    }
    return { width: c.width, height: c.height, nonBlack, mean: sum / (c.width * c.height) };
  });
}

/** Wait until the element `#id` has `data-state` "done" or "error" (a chapter's worker run has ended). */
export async function waitForRun(page: Page, id: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction((sel) => ['done', 'error'].includes(document.getElementById(sel)?.dataset.state ?? ''), id, { timeout });
}
