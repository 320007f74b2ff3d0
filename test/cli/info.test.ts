import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileInfo, runtimeInfo } from '../../src/cli/commands/info.js';
import { fromArray } from '../../src/core/ndarray.js';
import { encodeNpy } from '../../src/io/npy.js';
import { cli, ensureBuilt, tempDir } from './helpers.js';

beforeAll(ensureBuilt);

describe('convolab info', () => {
  it('convolab info --json has version, simd and threads', () => {
    const r = cli(['info', '--json'], { CONVOLAB_THREADS: '3' });
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(typeof info.simd).toBe('boolean');
    expect(info.threads).toBe(3);
    expect(info.threads_source).toBe('CONVOLAB_THREADS');
    expect(info.threads_available).toBeGreaterThanOrEqual(1);
  });

  it('convolab info samples/astronaut.png --json reads the header: [3, 512, 512] uint8', () => {
    const r = cli(['info', 'samples/astronaut.png', '--json']);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info).toMatchObject({
      file: 'samples/astronaut.png',
      format: 'png',
      shape: [3, 512, 512],
      dtype: 'uint8',
      channels: 3,
      bit_depth: 8,
    });
  });

  it('convolab info samples/rocket.jpg prints text lines', () => {
    const r = cli(['info', 'samples/rocket.jpg']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^format\s+jpeg$/m);
    expect(r.stdout).toMatch(/^channels\s+3$/m);
  });

  it('convolab info with CONVOLAB_THREADS=abc exits 1 naming CONVOLAB_THREADS', () => {
    const r = cli(['info'], { CONVOLAB_THREADS: 'abc' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("CONVOLAB_THREADS: expected a positive integer, got 'abc'");
  });

  it('convolab info missing.png exits 1 naming the file', () => {
    const r = cli(['info', 'missing.png']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('missing.png');
  });
});

describe('fileInfo / runtimeInfo', () => {
  it('fileInfo(npy) reports shape, dtype, channels and descr', async () => {
    const path = join(tempDir(), 'a.npy');
    writeFileSync(path, encodeNpy(fromArray([1, 2, 3, 4, 5, 6], 'float64', [2, 1, 3])));
    const info = await fileInfo(path, 'a.npy');
    expect(info).toMatchObject({
      file: 'a.npy',
      format: 'npy',
      shape: [2, 1, 3],
      dtype: 'float64',
      channels: 2,
      bit_depth: 64,
      descr: '<f8',
      npy_version: '1.0',
    });
  });

  it('fileInfo(not an image) throws naming the file', async () => {
    const path = join(tempDir(), 'junk.bin');
    writeFileSync(path, 'hello world');
    await expect(fileInfo(path, 'junk.bin')).rejects.toThrow(/junk\.bin/);
  });

  it('runtimeInfo() reports threads from CONVOLAB_THREADS or the cores', () => {
    const info = runtimeInfo();
    expect(Number.isInteger(info.threads)).toBe(true);
    expect(info.threads as number).toBeGreaterThanOrEqual(1);
  });
});
