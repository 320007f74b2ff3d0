import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/compress.js';
import { decodeImage } from '../../src/io/image.js';
import { psnr } from '../../src/spectrum/metrics.js';
import { runCommand, tempDir } from '../spectrum/cli.js';
import { sample } from '../spectrum/helpers.js';

describe('convolab compress', () => {
  it('compress chelsea.png --keep 0.05 -o out.png --json reports ratio, bits_per_pixel, psnr, ssim', async () => {
    const out = join(tempDir(), 'out.png');
    const r = await runCommand(command, ['samples/chelsea.png', '--keep', '0.05', '-o', out, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['ratio', 'bits_per_pixel', 'psnr', 'ssim']));
    expect(doc.ratio).toBeCloseTo(0.05, 3);
    expect(doc.bits_per_pixel).toBeNull();
    expect(doc.psnr).toBeGreaterThan(25);
    const written = decodeImage(new Uint8Array(readFileSync(out))).image;
    expect(Math.abs(psnr(sample('chelsea.png'), written) - doc.psnr)).toBeLessThan(0.2); // PNG rounding
  });

  it('compress --jpeg-quality 50 reports an entropy estimate in bits per pixel; --radius 0.1 keeps ≈ π·0.1²', async () => {
    const dir = tempDir();
    const jpeg = JSON.parse(
      (await runCommand(command, ['samples/astronaut.png', '--jpeg-quality', '50', '-o', join(dir, 'q.png'), '--json'])).stdout,
    );
    expect(jpeg).toMatchObject({ method: 'jpeg', quality: 50, subsampling: '4:4:4' });
    const sub = JSON.parse(
      (
        await runCommand(command, [
          'samples/astronaut.png',
          '--jpeg-quality',
          '50',
          '--subsampling',
          '4:2:0',
          '-o',
          join(dir, 'q420.png'),
          '--json',
        ])
      ).stdout,
    );
    expect(sub.subsampling).toBe('4:2:0');
    expect(sub.bits_per_pixel).toBeLessThan(jpeg.bits_per_pixel);
    expect(jpeg.bits_per_pixel).toBeGreaterThan(0.5);
    expect(jpeg.bits_per_pixel).toBeLessThan(2);
    const disc = JSON.parse(
      (await runCommand(command, ['samples/brick.png', '--radius', '0.1', '-o', join(dir, 'r.png'), '--json'])).stdout,
    );
    expect(disc.ratio).toBeCloseTo(Math.PI * 0.01, 3);
    const text = await runCommand(command, ['samples/brick.png', '--radius', '0.1', '-o', join(dir, 'r2.png')]);
    expect(text.stdout).toMatch(/kept 3\.\d\d% of coefficients, PSNR \d+\.\d\d dB, SSIM 0\.\d{4}/);
  });

  it('compress --keep 0, --keep 2, a negative radius, --jpeg-quality 0 or two modes exit 2 with the valid range; nothing written', async () => {
    const dir = tempDir();
    const o = ['-o', join(dir, 'x.png')];
    const cases: [string[], RegExp][] = [
      [['--keep', '0'], /option --keep: expected a fraction in \(0, 1\], got "0"/],
      [['--keep', '2'], /option --keep: expected a fraction in \(0, 1\], got "2"/],
      [['--radius', '-1'], /--radius.*\n.*R in \(0, 0.7071\] cycles\/pixel/], // parseArgs refuses "-1" as a value; usage names the range
      [['--radius=-1'], /option --radius: expected cycles\/pixel in \(0, 0.7071\], got "-1"/],
      [['--jpeg-quality', '0'], /option --jpeg-quality: expected an integer 1..100/],
      [['--keep', '0.1', '--radius', '0.1'], /give exactly one of --keep F, --radius R, --jpeg-quality Q/],
      [[], /give exactly one of/],
      [['--keep', '0.1', '--subsampling', '4:2:0'], /--subsampling applies only with --jpeg-quality/],
      [['--jpeg-quality', '50', '--subsampling', '4:1:1'], /option --subsampling: expected one of 4:4:4, 4:2:0/],
    ];
    for (const [args, message] of cases) {
      const r = await runCommand(command, ['samples/brick.png', ...args, ...o]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('compress IMG -o IMG refuses to overwrite its input (exit 2)', async () => {
    const r = await runCommand(command, ['samples/brick.png', '--keep', '0.5', '-o', 'samples/brick.png']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the same file');
  });
});
