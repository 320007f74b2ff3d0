/**
 * `convolab convolve` through the built CLI: scipy goldens (test/golden/cli, made by
 * scripts/golden/cli.py), images with a 2-D kernel per channel, 8-bit mapping, and the bad
 * inputs of issue 4 (non-finite kernel, rank mismatch, unknown names, empty / all-zero kernels).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { correlate } from '../../src/conv/index.js';
import { fromArray, type NDArray } from '../../src/core/ndarray.js';
import { decodeImage } from '../../src/io/image.js';
import { encodeNpy, parseNpy } from '../../src/io/npy.js';
import { cli, ensureBuilt, ROOT, tempDir } from './helpers.js';

beforeAll(ensureBuilt);

const golden = (name: string) => join(ROOT, 'test', 'golden', 'cli', name);
const readNpy = (path: string) => parseNpy(readFileSync(path));

function maxAbsDiff(a: NDArray, b: NDArray): number {
  expect(a.shape).toEqual(b.shape);
  let m = 0;
  for (let i = 0; i < a.data.length; i++) m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
  return m;
}

function writeNpy(dir: string, name: string, values: number[], shape: number[], dtype: 'float32' | 'float64' = 'float64'): string {
  const path = join(dir, name);
  writeFileSync(path, encodeNpy(fromArray(values, dtype, shape)));
  return path;
}

describe('convolab convolve', () => {
  it('convolve x2d.npy k_even.npy --mode same matches scipy.signal.convolve (even kernel)', () => {
    const out = join(tempDir(), 'c.npy');
    const r = cli(['convolve', golden('x2d.npy'), golden('k_even.npy'), '-o', out, '--mode', 'same', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      operation: 'convolve',
      shape: [5, 7],
      dtype: 'float64',
      mode: 'same',
      boundary: 'constant',
    });
    expect(maxAbsDiff(readNpy(out), readNpy(golden('convolve_same_x2d_keven.npy')))).toBeLessThan(1e-12);
  });

  it('convolve --correlate (mode full by default) matches scipy.signal.correlate', () => {
    const out = join(tempDir(), 'c.npy');
    for (const method of ['direct', 'fft']) {
      const r = cli(['convolve', golden('x2d.npy'), golden('k_even.npy'), '-o', out, '--correlate', '--method', method]);
      expect(r.code, r.stderr).toBe(0);
      expect(maxAbsDiff(readNpy(out), readNpy(golden('correlate_full_x2d_keven.npy')))).toBeLessThan(1e-12);
    }
  });

  it('convolve img.npy with a 2-D kernel gives one feature map per channel, raw and signed in .npy', () => {
    const dir = tempDir();
    const k = writeNpy(dir, 'k.npy', [-1, 0, 1, -2, 0, 2, -1, 0, 1], [3, 3]);
    const out = join(dir, 'gx.npy');
    const r = cli(['convolve', golden('img.npy'), k, '-o', out, '--mode', 'same', '--boundary', 'reflect', '--correlate']);
    expect(r.code, r.stderr).toBe(0);
    const gx = readNpy(out);
    expect(gx.shape).toEqual([2, 9, 11]);
    expect(gx.dtype).toBe('float32'); // the input's precision is kept (DESIGN.md), as scipy.ndimage and cv2.filter2D do
    expect(Math.min(...gx.data)).toBeLessThan(0); // never clamped
    expect(maxAbsDiff(gx, readNpy(golden('sobelx_reflect_img.npy')))).toBeLessThan(1e-3); // float32 rounding of values ~ 1e3
  });

  it('convolve IMAGE.png KERNEL -o OUT.png --kernel-norm sum writes an 8-bit blur of the image size', () => {
    const dir = tempDir();
    const k = writeNpy(dir, 'ones.npy', new Array(25).fill(1), [5, 5]);
    const out = join(dir, 'blur.png');
    const r = cli(['convolve', 'samples/astronaut.png', k, '-o', out, '--mode', 'same', '--boundary', 'nearest', '--kernel-norm', 'sum']);
    expect(r.code, r.stderr).toBe(0);
    const blurred = decodeImage(readFileSync(out)).image;
    const source = decodeImage(readFileSync(join(ROOT, 'samples/astronaut.png'))).image;
    expect(blurred.shape).toEqual([3, 512, 512]);
    const expected = correlate(source, fromArray(new Array(25).fill(1 / 25), 'float32', [5, 5]), { mode: 'same', boundary: 'nearest' });
    let worst = 0;
    for (let i = 0; i < expected.data.length; i++) worst = Math.max(worst, Math.abs(blurred.data[i] - Math.round(expected.data[i])));
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('convolve x.npy k.npy -o out.png --offset 128 maps a signed result to gray ± v', () => {
    const dir = tempDir();
    const x = writeNpy(dir, 'x.npy', [0, 10, 0, 0], [1, 4]);
    const k = writeNpy(dir, 'k.npy', [1, -1], [1, 2]);
    const out = join(dir, 'o.png');
    expect(cli(['convolve', x, k, '-o', out, '--offset', '128']).code).toBe(0);
    expect([...decodeImage(readFileSync(out)).image.data]).toEqual([128, 138, 118, 128, 128]); // full: [0, 10, -10, 0, 0]
    expect(cli(['convolve', x, k, '-o', out, '--abs']).code).toBe(0);
    expect([...decodeImage(readFileSync(out)).image.data]).toEqual([0, 10, 10, 0, 0]);
    expect(cli(['convolve', x, k, '-o', out]).code).toBe(0); // --clip by default
    expect([...decodeImage(readFileSync(out)).image.data]).toEqual([0, 10, 0, 0, 0]);
    expect(cli(['convolve', x, k, '-o', out, '--normalize']).code).toBe(0);
    expect([...decodeImage(readFileSync(out)).image.data]).toEqual([128, 255, 0, 128, 128]);
  });

  it('convolve with NaN or Inf in the kernel exits 1 naming the file, and --allow-non-finite accepts it', () => {
    const dir = tempDir();
    const x = writeNpy(dir, 'x.npy', [1, 2, 3], [3]);
    const k = writeNpy(dir, 'nan.npy', [1, Number.NaN], [2]);
    const out = join(dir, 'o.npy');
    const r = cli(['convolve', x, k, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nan.npy');
    expect(r.stderr).toMatch(/non-finite.*--allow-non-finite|allowNonFinite/);
    expect(existsSync(out)).toBe(false);
    const inf = cli(['convolve', x, writeNpy(dir, 'inf.npy', [Number.POSITIVE_INFINITY, 1], [2]), '-o', out]);
    expect(inf.code).toBe(1);
    expect(inf.stderr).toContain('inf.npy: kernel has a non-finite value (Infinity)');
    expect(existsSync(out)).toBe(false);
    expect(cli(['convolve', x, k, '-o', out, '--allow-non-finite', '--method', 'direct']).code).toBe(0);
    expect(Number.isNaN(readNpy(out).data[1])).toBe(true);
  });

  it('convolve with kernel rank ≠ input rank exits 1 with the ShapeError message', () => {
    const dir = tempDir();
    const x = writeNpy(dir, 'x.npy', [1, 2, 3, 4], [2, 2]);
    const k = writeNpy(dir, 'k1.npy', [1, 1], [2]);
    const r = cli(['convolve', x, k, '-o', join(dir, 'o.npy')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('k1.npy: kernel rank 1');
    expect(r.stderr).toContain('does not match input rank 2');
    expect(readdirSync(dir).sort()).toEqual(['k1.npy', 'x.npy']);
  });

  it('convolve --boundary bogus / --mode bogus / --method bogus exit 2 listing the valid names', () => {
    const args = ['convolve', golden('x2d.npy'), golden('k_even.npy'), '-o', join(tempDir(), 'o.npy')];
    const b = cli([...args, '--boundary', 'bogus']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('constant, reflect, mirror, nearest, wrap');
    const m = cli([...args, '--mode', 'bogus']);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('full, same, valid');
    const t = cli([...args, '--method', 'bogus']);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('auto, direct, separable, fft, oa');
  });

  it('convolve with an empty kernel exits 1 naming it', () => {
    const dir = tempDir();
    const k = join(dir, 'empty.npy');
    writeFileSync(k, encodeNpy(fromArray([], 'float64', [0])));
    const r = cli(['convolve', writeNpy(dir, 'x.npy', [1, 2], [2]), k, '-o', join(dir, 'o.npy')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('empty.npy: expected a non-empty array');
  });

  it('convolve --kernel-norm sum with an all-zero kernel exits 1; a zero-sum kernel suggests l1', () => {
    const dir = tempDir();
    const x = writeNpy(dir, 'x.npy', [1, 2, 3], [3]);
    const zero = cli(['convolve', x, writeNpy(dir, 'z.npy', [0, 0], [2]), '-o', join(dir, 'o.npy'), '--kernel-norm', 'sum']);
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain('z.npy: cannot normalise by sum: the kernel is all zeros');
    const edge = cli(['convolve', x, writeNpy(dir, 'e.npy', [1, -1], [2]), '-o', join(dir, 'o.npy'), '--kernel-norm', 'sum']);
    expect(edge.code).toBe(1);
    expect(edge.stderr).toContain('use l1 or max');
    expect(existsSync(join(dir, 'o.npy'))).toBe(false);
  });

  it('convolve a [C, H, W] image with a 1-D kernel exits 1; -o OUT.txt and --abs with .npy exit 2', () => {
    const dir = tempDir();
    const k = writeNpy(dir, 'k.npy', [1, 1], [2]);
    const r = cli(['convolve', 'samples/astronaut.png', k, '-o', join(dir, 'o.png')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('needs a 2-D kernel');
    expect(cli(['convolve', golden('x2d.npy'), golden('k_even.npy'), '-o', join(dir, 'o.txt')]).code).toBe(2);
    expect(cli(['convolve', golden('x2d.npy'), golden('k_even.npy'), '-o', join(dir, 'o.npy'), '--abs']).code).toBe(2);
    expect(cli(['convolve', golden('x2d.npy'), golden('k_even.npy'), '-o', join(dir, 'o.png'), '--abs', '--normalize']).code).toBe(2);
  });

  it('convolve --help shows an example', () => {
    const r = cli(['convolve', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('convolab convolve signal.npy taps.npy');
  });
});
