import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/sample.js';
import { decodeImage } from '../../src/io/image.js';
import { parseNpy } from '../../src/io/npy.js';
import { destroyPools } from '../../src/parallel/get-pool.js';
import { runExamples, runIn, tempDir } from '../diffusion/cli-run.js';

// --threads 2 starts Node workers from dist/parallel/: run `npx tsc -p tsconfig.build.json` first.
afterAll(destroyPools);

describe('convolab sample', () => {
  it('sample IMG --kernel gaussian:2 --samples 16 --seed 1 -o out.png --variance var.png writes both; more samples, less error', async () => {
    const dir = tempDir();
    const r16 = await runIn(command, [
      'samples/coffee.png',
      '--kernel',
      'gaussian:2',
      '--samples',
      '16',
      '--seed',
      '1',
      '-o',
      join(dir, 'out.png'),
      '--variance',
      join(dir, 'var.png'),
      '--json',
    ]);
    expect(r16.code).toBe(0);
    const doc = JSON.parse(r16.stdout);
    expect(doc).toMatchObject({ samples: 16, seed: 1, boundary: 'reflect' });
    expect(doc.scale).toBeCloseTo(1, 12);
    const out = decodeImage(new Uint8Array(readFileSync(join(dir, 'out.png')))).image;
    const src = decodeImage(new Uint8Array(readFileSync('samples/coffee.png'))).image;
    expect(out.shape).toEqual(src.shape);
    expect(existsSync(join(dir, 'var.png'))).toBe(true);
    const r64 = JSON.parse(
      (
        await runIn(command, [
          'samples/coffee.png',
          '--kernel',
          'gaussian:2',
          '--samples',
          '64',
          '--seed',
          '1',
          '-o',
          join(dir, 'o64.png'),
          '--json',
        ])
      ).stdout,
    );
    expect(r64.rmse / doc.rmse).toBeGreaterThan(0.4); // 1/√4 = 0.5 expected
    expect(r64.rmse / doc.rmse).toBeLessThan(0.6);
  });

  it('sample … -o mean.npy --variance var.npy with a signed kernel: same seed, same bytes on 1 and 2 threads', async () => {
    const dir = tempDir();
    const argv = (o: string, threads: string) => [
      'samples/brick.png',
      '--kernel',
      'edge',
      '--samples',
      '4',
      '--seed',
      '9',
      '-o',
      join(dir, o),
      '--variance',
      join(dir, `v${o}`),
      '--threads',
      threads,
    ];
    expect((await runIn(command, argv('a.npy', '1'))).code).toBe(0);
    expect((await runIn(command, argv('b.npy', '2'))).code).toBe(0);
    expect(readFileSync(join(dir, 'a.npy')).equals(readFileSync(join(dir, 'b.npy')))).toBe(true);
    const variance = parseNpy(new Uint8Array(readFileSync(join(dir, 'va.npy'))));
    expect(variance.data.some((x) => x > 0)).toBe(true);
  });

  it('sample usage errors exit 2 and write nothing', async () => {
    const dir = tempDir();
    for (const argv of [
      ['samples/brick.png', '-o', join(dir, 'a.png')],
      ['samples/brick.png', '--kernel', 'gaussian:2', '--samples', '0', '-o', join(dir, 'a.png')],
      ['samples/brick.png', '--kernel', 'gaussian:2', '-o', join(dir, 'a.jpg')],
      ['samples/brick.png', '--kernel', 'sobel', '-o', join(dir, 'a.png')],
      ['samples/brick.png', '--kernel', 'gaussian:2', '--boundary', 'up', '-o', join(dir, 'a.png')],
      ['samples/brick.png', '--kernel', 'gaussian:2', '-o', 'samples/brick.png'],
    ]) {
      expect((await runIn(command, argv)).code, argv.join(' ')).toBe(2);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('sample --help examples all run (exit 0)', async () => {
    for (const r of await runExamples(command)) expect(r.code, `${r.example}\n${r.stderr}`).toBe(0);
  });
});
