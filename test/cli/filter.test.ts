/**
 * `convolab filter` through the built CLI: scipy.ndimage goldens (test/golden/cli, made by
 * scripts/golden/cli.py), the Sobel magnitude, signed responses kept in .npy, the 8-bit
 * mappings, and bad input (unknown kernel / boundary, NaN in a .npy kernel, all-zero kernel).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { correlate } from '../../src/conv/index.js';
import { fromArray, type NDArray } from '../../src/core/ndarray.js';
import { sobelX, sobelY } from '../../src/filters/index.js';
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

describe('convolab filter', () => {
  it('filter img.npy --kernel sobel-x -o gx.npy matches scipy.ndimage.correlate (reflect) and stays signed', () => {
    const out = join(tempDir(), 'gx.npy');
    const r = cli(['filter', golden('img.npy'), '--kernel', 'sobel-x', '-o', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({
      shape: [2, 9, 11],
      dtype: 'float32',
      boundary: 'reflect',
      output_mapping: 'raw',
      kernel_shape: [3, 3],
    });
    expect(summary.min).toBeLessThan(0);
    const gx = readNpy(out);
    expect(gx.dtype).toBe('float32');
    expect(maxAbsDiff(gx, readNpy(golden('sobelx_reflect_img.npy')))).toBeLessThan(1e-3); // float32 on values up to ~1000
  });

  it('filter img.npy --kernel gaussian:1 --boundary nearest matches scipy.ndimage.correlate', () => {
    const out = join(tempDir(), 'g.npy');
    expect(cli(['filter', golden('img.npy'), '--kernel', 'gaussian:1', '--boundary', 'nearest', '-o', out]).code).toBe(0);
    expect(maxAbsDiff(readNpy(out), readNpy(golden('gauss_nearest_img.npy')))).toBeLessThan(1e-3);
  });

  it('filter astronaut.png --kernel sobel -o edges.png --normalize writes √(gx² + gy²) stretched to 0..255', () => {
    const dir = tempDir();
    const npy = join(dir, 'mag.npy');
    const png = join(dir, 'mag.png');
    expect(cli(['filter', 'samples/astronaut.png', '--kernel', 'sobel', '-o', npy]).code).toBe(0);
    const r = cli(['filter', 'samples/astronaut.png', '--kernel', 'sobel', '-o', png, '--normalize', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ combine: 'magnitude', output_mapping: 'normalize', dtype: 'uint8', shape: [3, 512, 512] });
    const source = decodeImage(readFileSync(join(ROOT, 'samples/astronaut.png'))).image;
    const opts = { mode: 'same', boundary: 'reflect' } as const;
    const gx = correlate(source, fromArray(sobelX().data, 'float32', [3, 3]), opts);
    const gy = correlate(source, fromArray(sobelY().data, 'float32', [3, 3]), opts);
    const mag = readNpy(npy);
    for (const i of [0, 12345, 262144 + 777, 3 * 262144 - 1]) expect(mag.data[i]).toBeCloseTo(Math.hypot(gx.data[i], gy.data[i]), 2);
    const png8 = decodeImage(readFileSync(png)).image;
    const hi = Array.from(mag.data as ArrayLike<number>).reduce((a, b) => Math.max(a, b), 0);
    expect(png8.data.reduce((a, b) => Math.max(a, b), 0)).toBe(255);
    for (const i of [0, 12345, 262144 + 777]) expect(Math.abs(png8.data[i] - (mag.data[i] * 255) / hi)).toBeLessThanOrEqual(1);
  });

  it('filter --kernel sobel-x -o gx.png clips by default and --offset 128 keeps the sign as gray ± v', () => {
    const dir = tempDir();
    const x = join(dir, 'step.npy');
    writeFileSync(x, encodeNpy(fromArray([0, 0, 10, 10, 0, 0, 10, 10, 0, 0, 10, 10], 'float32', [3, 4]))); // rising then wrapping edge
    const clip = join(dir, 'clip.png');
    const off = join(dir, 'off.png');
    expect(cli(['filter', x, '--kernel', 'sobel-x', '--boundary', 'wrap', '-o', clip]).code).toBe(0);
    expect(cli(['filter', x, '--kernel', 'sobel-x', '--boundary', 'wrap', '-o', off, '--offset', '128']).code).toBe(0);
    // each row of gx (wrap): [-40+... ] = 4·(x[c+1] − x[c−1]) = [4·(0−10), 4·(10−0), 4·(10−0), 4·(0−10)]
    expect([...decodeImage(readFileSync(clip)).image.data.subarray(0, 4)]).toEqual([0, 40, 40, 0]);
    expect([...decodeImage(readFileSync(off)).image.data.subarray(0, 4)]).toEqual([88, 168, 168, 88]);
  });

  it('filter with an unknown kernel or boundary exits 2 listing the valid names', () => {
    const out = join(tempDir(), 'o.png');
    const k = cli(['filter', 'samples/astronaut.png', '--kernel', 'blurry:3', '-o', out]);
    expect(k.code).toBe(2);
    expect(k.stderr).toContain('unknown kernel "blurry"');
    expect(k.stderr).toContain('gaussian');
    const b = cli(['filter', 'samples/astronaut.png', '--kernel', 'box:3', '--boundary', 'torus', '-o', out]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('constant, reflect, mirror, nearest, wrap, reflect101 (= mirror), replicate (= nearest)');
    expect(cli(['filter', 'samples/astronaut.png', '-o', out]).stderr).toContain('missing --kernel');
    expect(existsSync(out)).toBe(false);
  });

  it('filter --kernel file.npy with NaN exits 1 unless --allow-non-finite; an all-zero kernel cannot be normalised', () => {
    const dir = tempDir();
    const nan = join(dir, 'nan.npy');
    writeFileSync(nan, encodeNpy(fromArray([1, Number.NaN, 1, 1], 'float64', [2, 2])));
    const r = cli(['filter', golden('img.npy'), '--kernel', nan, '-o', join(dir, 'o.npy')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nan.npy: kernel has a non-finite value');
    expect(cli(['filter', golden('img.npy'), '--kernel', nan, '-o', join(dir, 'o.npy'), '--allow-non-finite']).code).toBe(0);
    const zero = join(dir, 'zero.npy');
    writeFileSync(zero, encodeNpy(fromArray([0, 0, 0, 0], 'float64', [2, 2])));
    const z = cli(['filter', golden('img.npy'), '--kernel', zero, '-o', join(dir, 'z.npy'), '--kernel-norm', 'sum']);
    expect(z.code).toBe(1);
    expect(z.stderr).toContain('zero.npy: cannot normalise by sum: the kernel is all zeros');
    expect(readdirSync(dir).sort()).toEqual(['nan.npy', 'o.npy', 'zero.npy']);
  });

  it('filter --kernel file.npy with an even 2×2 kernel uses the same-mode offset floor((k-1)/2)', () => {
    const dir = tempDir();
    const x = join(dir, 'x.npy');
    writeFileSync(x, encodeNpy(fromArray([1, 2, 3, 4, 5, 6, 7, 8, 9], 'float64', [3, 3])));
    const k = join(dir, 'k.npy');
    writeFileSync(k, encodeNpy(fromArray([1, 0, 0, 0], 'float64', [2, 2]))); // the top-left tap picks x[i−1, j−1]
    const out = join(dir, 'o.npy');
    expect(cli(['filter', x, '--kernel', k, '--boundary', 'constant', '-o', out]).code).toBe(0);
    expect([...readNpy(out).data]).toEqual([0, 0, 0, 0, 1, 2, 0, 4, 5]);
  });

  it('filter --help shows a working example', () => {
    const r = cli(['filter', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('convolab filter samples/astronaut.png --kernel gaussian:2.5 -o blurred.png');
  });
});
