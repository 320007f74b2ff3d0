import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Builds a page that uses the pool with Vite (as the lab does) and runs it in headless Chromium,
// served with the COOP/COEP headers SharedArrayBuffer needs. Errors are checked by `code`: the
// minified bundle renames error classes. Skipped when no Chromium is found.

const CHROMIUM = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (p) => p !== undefined && fs.existsSync(p),
);
const SRC_INDEX = fileURLToPath(new URL('../../src/parallel/index.ts', import.meta.url));

const MAIN = `
import { getPool } from ${JSON.stringify(SRC_INDEX)};
const out = {};
const failure = (e) => e.code + ': ' + e.message;
try {
  const pool = getPool({ threads: 2 });
  out.size = pool.size;
  const buffer = new SharedArrayBuffer(8 * 100);
  const x = new Float64Array(buffer);
  for (let i = 0; i < 100; i++) x[i] = i;
  out.sums = await pool.map('test.sum', [{ buffer, start: 0, end: 50 }, { buffer, start: 50, end: 100 }]);
  out.crash = await pool.run('test.crash', { code: 4 }).catch(failure);
  out.trap = await pool.run('test.trap').catch(failure);
  out.throw = await pool.run('test.throw', { kind: 'argument' }).catch((e) => [e.code, e.arg]);
  await pool.map('test.echo', [1, 2]);
  const t0 = performance.now();
  await pool.map('test.sleep', [{ ms: 300 }, { ms: 300 }]);
  out.sleepMs = performance.now() - t0;
  const controller = new AbortController();
  const running = pool.run('test.sleep', { ms: 5000 }, { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  out.abort = await running.catch((e) => e.code);
  out.after = await pool.map('test.echo', [1, 2, 3]);
  out.inline = await getPool({ threads: 1 }).run('test.sum', { buffer, start: 0, end: 100 });
} catch (e) {
  out.error = String(e && e.stack);
}
window.result = out;
`;

let dir = '';
let server: http.Server | undefined;

beforeAll(async () => {
  if (CHROMIUM === undefined) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convolab-browser-pool-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
  fs.writeFileSync(path.join(dir, 'main.js'), MAIN);
  const { build } = await import('vite');
  await build({ root: dir, logLevel: 'silent', build: { outDir: path.join(dir, 'dist'), target: 'es2022' } });
  const root = path.join(dir, 'dist');
  server = http.createServer((req, res) => {
    const file = path.join(root, req.url === '/' ? 'index.html' : (req.url ?? '').split('?')[0]);
    if (!file.startsWith(root) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': file.endsWith('.js') ? 'text/javascript' : 'text/html',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
});

afterAll(() => {
  server?.close();
  if (dir !== '') fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(CHROMIUM === undefined)('spawnBrowserWorker (headless Chromium)', () => {
  it('a Vite-built page runs test tasks on 2 Web Workers: results, crash, trap, abort, overlap', async () => {
    const bundle = fs
      .readdirSync(path.join(dir, 'dist', 'assets'))
      .map((f) => fs.readFileSync(path.join(dir, 'dist', 'assets', f), 'utf8'));
    expect(bundle.some((text) => /\bfrom\s*["']node:|import\(\s*["']node:/.test(text))).toBe(false);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const address = server?.address() as { port: number };
      await page.goto(`http://127.0.0.1:${address.port}/`);
      await page.waitForFunction(() => (window as unknown as { result?: unknown }).result !== undefined, null, { timeout: 30_000 });
      const out = await page.evaluate(() => (window as unknown as { result: Record<string, unknown> }).result);
      expect(out.error).toBeUndefined();
      expect(out.size).toBe(2);
      expect(out.sums).toEqual([1225, 3725]);
      expect(out.crash).toBe("E_WORKER: worker exited with code 4 while running task 'test.crash'");
      expect(out.trap).toBe("E_WORKER: task 'test.trap' trapped: RuntimeError: unreachable");
      expect(out.throw).toEqual(['E_ARGUMENT', 'x']);
      expect(out.sleepMs).toBeLessThan(500);
      expect(out.abort).toBe('E_ABORT');
      expect(out.after).toEqual([1, 2, 3]);
      expect(out.inline).toBe(4950);
    } finally {
      await browser.close();
    }
  });
});
