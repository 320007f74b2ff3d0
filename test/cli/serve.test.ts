import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/command.js';
import { command, defaultLabPaths, runServe } from '../../src/cli/commands/serve.js';
import { type RunningServer, safeSegments, startServer } from '../../src/cli/static-server.js';
import { UsageError } from '../../src/cli/usage.js';

const SECRET = 'TOP-SECRET-CONTENTS-0451';

/** Send raw bytes over TCP (an HTTP client would normalise the path) and return the raw response. */
function rawRequest(port: number, request: string): Promise<{ status: number; headers: string; body: string; raw: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = raw.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body: rest.join('\r\n\r\n'), raw });
    });
    socket.write(request);
  });
}

const get = (port: number, path: string, method = 'GET') =>
  rawRequest(port, `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);

let tmp: string;
let root: string;
let server: RunningServer;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'convolab-serve-'));
  root = join(tmp, 'site');
  mkdirSync(join(root, 'sub'), { recursive: true });
  mkdirSync(join(tmp, 'samples'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>lab</title>');
  writeFileSync(join(root, 'sub', 'index.html'), '<p>sub</p>');
  writeFileSync(join(root, 'app.js'), 'export {};');
  writeFileSync(join(root, 'kernel.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  writeFileSync(join(root, 'style.css'), 'body{}');
  writeFileSync(join(tmp, 'secret.txt'), SECRET);
  writeFileSync(join(tmp, 'samples', 'pic.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  symlinkSync(join(tmp, 'secret.txt'), join(root, 'escape.txt'));
  symlinkSync(tmp, join(root, 'escape-dir'));
  symlinkSync(join(root, 'app.js'), join(root, 'inside-link.js'));
  server = await startServer({ root, mounts: { '/samples/': join(tmp, 'samples') }, port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('startServer({ root, port: 0 })', () => {
  it('listens on 127.0.0.1 and serves index.html with COOP/COEP/CORP headers', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await get(server.port, '/');
    expect(res.status).toBe(200);
    expect(res.body).toBe('<!doctype html><title>lab</title>');
    expect(res.headers).toContain('cross-origin-opener-policy: same-origin');
    expect(res.headers).toContain('cross-origin-embedder-policy: require-corp');
    expect(res.headers).toContain('cross-origin-resource-policy: same-origin');
    expect(res.headers).toContain('content-type: text/html; charset=utf-8');
  });

  it('GET /kernel.wasm is application/wasm; .js, .css, .png have their MIME types', async () => {
    const wasm = await get(server.port, '/kernel.wasm');
    expect(wasm.status).toBe(200);
    expect(wasm.headers).toContain('content-type: application/wasm');
    expect(wasm.headers).toContain('content-length: 8');
    expect((await get(server.port, '/app.js')).headers).toContain('content-type: text/javascript');
    expect((await get(server.port, '/style.css')).headers).toContain('content-type: text/css');
    expect((await get(server.port, '/samples/pic.png')).headers).toContain('content-type: image/png');
  });

  it('GET /sub/ serves the folder index; a symlink inside the root is followed', async () => {
    expect((await get(server.port, '/sub/')).body).toBe('<p>sub</p>');
    expect((await get(server.port, '/inside-link.js?v=1')).body).toBe('export {};');
  });

  it.each([
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc/passwd',
    '/%2E%2E/secret.txt',
    '/../secret.txt',
    '/samples/../../secret.txt',
    '/samples/%2e%2e/secret.txt',
    '/sub/..%5c..%5csecret.txt',
    '/..\\secret.txt',
    '/%00',
    '/index.html%00.png',
    '/%zz',
    'secret.txt',
  ])('GET %s is refused (400/403/404) without the file', async (path) => {
    const res = await get(server.port, path);
    expect([400, 403, 404]).toContain(res.status);
    expect(res.raw).not.toContain(SECRET);
    expect(res.raw).not.toContain('root:');
  });

  it('GET a symlink that resolves outside the root is 403', async () => {
    const file = await get(server.port, '/escape.txt');
    expect(file.status).toBe(403);
    expect(file.raw).not.toContain(SECRET);
    const dir = await get(server.port, '/escape-dir/secret.txt');
    expect(dir.status).toBe(403);
    expect(dir.raw).not.toContain(SECRET);
  });

  it('GET a missing file is 404 with the isolation headers', async () => {
    const res = await get(server.port, '/nope.js');
    expect(res.status).toBe(404);
    expect(res.headers).toContain('cross-origin-embedder-policy: require-corp');
  });

  it('HEAD sends headers only; POST/PUT/DELETE are 405 with Allow', async () => {
    const head = await get(server.port, '/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers).toContain('content-length: 10');
    expect(head.body).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await get(server.port, '/app.js', method);
      expect(res.status).toBe(405);
      expect(res.headers).toContain('allow: get, head');
    }
  });
});

describe('safeSegments(rawUrl)', () => {
  it('safeSegments("/a/b%20c/?q=1") decodes segments and drops the query', () => {
    expect(safeSegments('/a/b%20c/?q=1')).toEqual(['a', 'b c']);
  });
  it('safeSegments throws on dot segments, encoded separators, backslashes and NUL', () => {
    for (const bad of ['/..', '/a/%2e', '/a%2fb', '/a%5cb', '/a\\b', '/a%00', '/%']) {
      expect(() => safeSegments(bad), bad).toThrow();
    }
  });
});

function context(signal: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CommandContext = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stderrIsTTY: false, cwd: process.cwd(), signal };
  return { ctx, out, err };
}

describe('convolab serve', () => {
  it('command.run with a missing lab-dist exits 1 and says to run npm run build', async () => {
    const { ctx, err } = context(new AbortController().signal);
    const code = await runServe({ values: { port: '0' }, positionals: [] }, ctx, {
      labDir: join(tmp, 'no-such-lab'),
      samplesDir: join(tmp, 'samples'),
    });
    expect(code).toBe(1);
    expect(err.join('')).toContain('npm run build');
  });

  it('command.run with --port 70000 or --port abc throws a UsageError naming --port (exit 2)', async () => {
    const { ctx } = context(new AbortController().signal);
    await expect(command.run({ values: { port: '70000' }, positionals: [] }, ctx)).rejects.toThrow(UsageError);
    await expect(command.run({ values: { port: 'abc' }, positionals: [] }, ctx)).rejects.toThrow(
      /--port: expected an integer in 0\.\.65535, got "abc"/,
    );
  });

  it('runServe --port 0 prints the URL, serves the lab and /samples/, and stops on abort', async () => {
    const abort = new AbortController();
    const { ctx, out } = context(abort.signal);
    const done = runServe({ values: { port: '0' }, positionals: [] }, ctx, { labDir: root, samplesDir: join(tmp, 'samples') });
    await expect.poll(() => out.join(''), { timeout: 5000 }).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\n$/);
    const port = Number(new URL(out.join('').trim()).port);
    expect(port).toBeGreaterThan(0);
    expect((await get(port, '/')).status).toBe(200);
    expect((await get(port, '/samples/pic.png')).status).toBe(200);
    abort.abort();
    expect(await done).toBe(0);
  });
});

describe('main(["serve", ...]) through the CLI registry', () => {
  it('main(["serve", "--port", "0"]) serves the built lab and /samples/ until aborted (exit 0), or exits 1 without lab-dist', async () => {
    const { main } = await import('../../src/cli/main.js');
    const abort = new AbortController();
    const { ctx, out, err } = context(abort.signal);
    const done = main(['serve', '--port', '0'], ctx);
    if (!existsSync(`${defaultLabPaths().labDir}/index.html`)) {
      expect(await done).toBe(1);
      expect(err.join('')).toContain('run `npm run build` first');
      return;
    }
    await expect.poll(() => out.join(''), { timeout: 5000 }).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\n$/);
    const port = Number(new URL(out.join('').trim()).port);
    const index = await get(port, '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>convolab · lab</title>');
    const sample = await get(port, '/samples/chelsea.png', 'HEAD');
    expect(sample.status).toBe(200);
    expect(sample.headers).toContain('content-type: image/png');
    abort.abort();
    expect(await done).toBe(0);
  });

  it('main(["serve", "--port", "x"]) is a usage error: exit 2 and the usage line', async () => {
    const { main } = await import('../../src/cli/main.js');
    const { ctx, err } = context(new AbortController().signal);
    expect(await main(['serve', '--port', 'x'], ctx)).toBe(2);
    expect(err.join('')).toContain('--port: expected an integer in 0..65535');
    expect(err.join('')).toContain('Usage: convolab serve');
  });
});
