// The batch bench of issue #11: N photos (tiles cut from samples/) through a 3-step recipe
// (gaussian:2 → sobel, normalized → gray), end to end with the CLI (read, compute, atomic
// write, fsync'd journal):
//   1. local, --threads 1 and --threads 2 (scaling);
//   2. distributed: a private redis-server, K `convolab worker --concurrency 1` processes, and
//      `convolab batch … --queue URL --wait` timed against the local run with --threads K
//      (overhead); the outputs must equal the local run's, byte for byte.
//   node scripts/batch-bench.mjs [--n 2000] [--tile 256] [--workers 2] [--repeat 1]
// Runs the built dist/ (build first); needs redis-server for step 2 (skipped without it).
// TMPDIR picks the folder for the images and outputs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { NDArray } from '../dist/core/ndarray.js';
import { decodeImage } from '../dist/io/image.js';
import { encodePng } from '../dist/io/png.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'bin/convolab.js');
const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '2000' },
    tile: { type: 'string', default: '256' },
    workers: { type: 'string', default: '2' },
    repeat: { type: 'string', default: '1' },
  },
});
const [n, tile, workers, repeat] = [values.n, values.tile, values.workers, values.repeat].map(Number);
const RECIPE = {
  steps: [
    { step: 'filter', options: { kernel: 'gaussian:2' } },
    { step: 'filter', options: { kernel: 'sobel', output: 'normalize' } },
    { step: 'convert', options: { color: 'gray' } },
  ],
};

/** `n` RGB tiles of `tile`² pixels cut at spread offsets from the sample photos, as PNGs in `dir/<photo>/`. */
function writeTiles(dir) {
  const photos = readdirSync(join(ROOT, 'samples')).filter((f) => /\.(png|jpe?g)$/i.test(f));
  const images = photos.map((f) => decodeImage(readFileSync(join(ROOT, 'samples', f)), { name: f }).image);
  for (let i = 0; i < n; i++) {
    const k = i % images.length;
    const src = images[k]; // [C, H, W]
    const [c, h, w] = src.shape;
    const t = Math.min(tile, h, w);
    const y0 = (Math.floor(i / images.length) * 53) % (h - t + 1);
    const x0 = (Math.floor(i / images.length) * 97) % (w - t + 1);
    const out = new NDArray('float32', [Math.min(c, 3), t, t]);
    for (let ch = 0; ch < out.shape[0]; ch++) {
      for (let y = 0; y < t; y++) {
        const from = ch * h * w + (y0 + y) * w + x0;
        out.data.set(src.data.subarray(from, from + t), ch * t * t + y * t);
      }
    }
    const folder = join(dir, photos[k].replace(/\.\w+$/, ''));
    if (i < images.length) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `t${String(i).padStart(5, '0')}.png`), encodePng(out));
  }
}

function cli(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 30 * 60_000 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`convolab ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return { seconds, json: r.stdout.trim().startsWith('{') ? JSON.parse(r.stdout) : undefined };
}

function files(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function waitForPort(port) {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((resolve) => {
      const sock = new Socket();
      sock.once('error', () => resolve(false));
      sock.connect(port, '127.0.0.1', () => {
        sock.destroy();
        resolve(true);
      });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`redis-server did not start on port ${port}`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const dir = mkdtempSync(join(tmpdir(), 'convolab-batch-bench-'));
try {
  const input = join(dir, 'in');
  writeTiles(input);
  const recipe = join(dir, 'recipe.json');
  writeFileSync(recipe, JSON.stringify(RECIPE));
  const local = {};
  for (const threads of [1, workers]) {
    local[threads] = [];
    for (let r = 0; r < repeat; r++) {
      const out = join(dir, `local-${threads}-${r}`);
      const { seconds, json } = cli(['batch', recipe, '--input', input, '--out', out, '--threads', String(threads), '--json']);
      if (json.done !== n) throw new Error(`local --threads ${threads}: ${json.done} of ${n} done`);
      local[threads].push(seconds);
      console.error(`local --threads ${threads}: ${seconds.toFixed(2)} s (${json.items_per_s} items/s inside the batch)`);
    }
  }
  const rows = [
    [`local, --threads 1`, median(local[1])],
    [`local, --threads ${workers}`, median(local[workers])],
  ];
  if (existsSync('/usr/bin/redis-server') || spawnSync('redis-server', ['--version']).status === 0) {
    const port = await freePort();
    const redisDir = join(dir, 'redis');
    mkdirSync(redisDir);
    const redis = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
        '--dir',
        redisDir,
      ],
      { stdio: 'ignore' },
    );
    try {
      await waitForPort(port);
      const url = `redis://127.0.0.1:${port}/0`;
      const times = [];
      for (let r = 0; r < repeat; r++) {
        const queue = ['--queue', url, '--queue-name', `bench-${r}`]; // a fresh queue: the same jobs again would be refused
        const procs = Array.from({ length: workers }, () =>
          spawn(process.execPath, [CLI, 'worker', ...queue, '--concurrency', '1'], { stdio: 'ignore' }),
        );
        try {
          await new Promise((resolve) => setTimeout(resolve, 2000)); // let the workers connect
          const out = join(dir, `queue-${r}`);
          const { seconds } = cli(['batch', recipe, '--input', input, '--out', out, ...queue, '--wait']);
          times.push(seconds);
          console.error(`distributed, ${workers} workers: ${seconds.toFixed(2)} s`);
          const ref = join(dir, `local-${workers}-0`);
          const names = files(ref);
          const same = names.filter((f) => existsSync(join(out, f)) && readFileSync(join(out, f)).equals(readFileSync(join(ref, f))));
          if (same.length !== n || files(out).length !== n)
            throw new Error(`distributed outputs differ from the local run's (${same.length} of ${n} equal)`);
        } finally {
          for (const p of procs) p.kill('SIGTERM');
          await Promise.all(procs.map((p) => new Promise((resolve) => (p.exitCode !== null ? resolve() : p.once('exit', resolve)))));
        }
      }
      rows.push([`distributed, ${workers} × \`worker --concurrency 1\``, median(times)]);
    } finally {
      redis.kill('SIGTERM');
    }
  } else {
    console.error('redis-server not found: the distributed run is skipped');
  }
  const base = rows[1][1];
  console.log(`${n} tiles of ${tile}×${tile} RGB, gaussian:2 → sobel (normalize) → gray, median of ${repeat}:\n`);
  console.log(`| run | seconds | items/s | × local --threads ${workers} |`);
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, s] of rows) console.log(`| ${name} | ${s.toFixed(2)} | ${(n / s).toFixed(0)} | ${(s / base).toFixed(2)} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
