/**
 * Test helpers for batch processing: tiny PNGs, a corrupt file and a real decompression bomb,
 * running the built `batch` / `worker` commands as processes, and a private redis-server.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { NDArray } from '../../src/core/ndarray.js';
import { crc32, encodePng } from '../../src/io/png.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNNER = join(ROOT, 'test', 'batch', 'run-command.mjs');

export function tempDir(prefix = 'convolab-batch-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A `[C, H, W]` image with pseudo-random integer values 0..255 (deterministic in `seed`). */
export function tinyImage(seed: number, c = 3, h = 12, w = 10): NDArray<'float32'> {
  const a = new NDArray('float32', [c, h, w]);
  let s = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < a.data.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    a.data[i] = (s >>> 0) % 256;
  }
  return a;
}

/** Writes `n` tiny PNGs (`img000.png`…; every fourth in `sub/`); returns their paths relative to `dir`. */
export function writePngs(dir: string, n: number, opts: { sub?: boolean } = {}): string[] {
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const rel = opts.sub !== false && i % 4 === 3 ? `sub/img${String(i).padStart(3, '0')}.png` : `img${String(i).padStart(3, '0')}.png`;
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), encodePng(tinyImage(i + 1, 1 + (i % 3))));
    names.push(rel);
  }
  return names;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(
    Array.from(type, (ch) => ch.charCodeAt(0)),
    4,
  );
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

let bomb: Uint8Array | undefined;

/**
 * A real decompression bomb: a valid 12000 × 12000 gray PNG (144 million pixels, over the
 * default limit of 100 million) whose all-zero pixel data deflates to about 140 KB.
 */
export function bombPng(): Uint8Array {
  if (bomb) return bomb;
  const size = 12000;
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, size);
  new DataView(ihdr.buffer).setUint32(4, size);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit gray, deflate, no interlace
  const raw = Buffer.alloc(size * (size + 1)); // 144 MB of zeros: filter byte 0 + zero pixels per row
  const idat = deflateSync(raw, { level: 9 });
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array()),
  ];
  bomb = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    bomb.set(p, off);
    off += p.length;
  }
  return bomb;
}

/** A PNG cut in half (a valid signature and header, then nothing). */
export function truncatedPng(seed: number): Uint8Array {
  const bytes = encodePng(tinyImage(seed));
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}

/** Every file under `dir` (relative, `/`-separated), hidden ones included, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `batch` / `worker` command to completion. */
export function runCommand(args: string[], opts: { cwd?: string; timeout?: number } = {}): Run {
  const r = spawnSync(process.execPath, [RUNNER, ...args], { cwd: opts.cwd ?? ROOT, encoding: 'utf8', timeout: opts.timeout ?? 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the built `batch` / `worker` command as a child process. */
export function spawnCommand(args: string[], opts: { cwd?: string; detached?: boolean } = {}): ChildProcess {
  return spawn(process.execPath, [RUNNER, ...args], {
    cwd: opts.cwd ?? ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: opts.detached ?? false,
  });
}

/** Resolves with the exit code of `child`. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const REDIS_SERVER = '/usr/bin/redis-server';

/**
 * Whether the Redis tests can run: redis-server must exist; without it they fail under CI
 * (`process.env.CI`) and are skipped with a message elsewhere.
 */
export function redisAvailable(): boolean {
  const found = existsSync(REDIS_SERVER) || spawnSync('redis-server', ['--version']).status === 0;
  if (!found && process.env.CI) throw new Error('redis-server is missing (apt-get install -y redis-server); CI must run the Redis tests');
  if (!found) console.warn('skipping the Redis tests: redis-server is not installed (apt-get install -y redis-server)');
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (d) => {
      socket.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
  });
}

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A private redis-server on a free loopback port, data in a temporary folder, no persistence. */
export async function startRedis(): Promise<RedisServer> {
  const dir = tempDir('convolab-redis-');
  const port = await freePort();
  const binary = existsSync(REDIS_SERVER) ? REDIS_SERVER : 'redis-server';
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
    '--maxmemory-policy',
    'noeviction',
  ];
  const child = spawn(binary, args, { stdio: 'ignore' });
  const t0 = Date.now();
  while (!(await answers(port))) {
    if (child.exitCode !== null || Date.now() - t0 > 10_000) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}/0`,
    port,
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
