import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/diffuse.js';
import { decodeImage } from '../../src/io/image.js';
import { parseNpy } from '../../src/io/npy.js';
import { runExamples, runIn, tempDir } from '../diffusion/cli-run.js';

describe('convolab diffuse', () => {
  it('diffuse --tank 64 --D 1 --t 20 --frames 6 -o tank.gif writes a 6-frame animated GIF and conserves mass', async () => {
    const dir = tempDir();
    const r = await runIn(command, ['--tank', '64', '--D', '1', '--t', '20', '--frames', '6', '-o', join(dir, 'tank.gif'), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ frames: 6, method: 'spectral', boundary: 'reflect', shape: [64, 64], tank: 64 });
    expect(doc.mass_relative_change).toBeLessThan(1e-12);
    const gif = readFileSync(join(dir, 'tank.gif'));
    expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(gif.readUInt16LE(6)).toBe(64);
    expect([...gif].filter((b, i) => b === 0x2c && gif[i - 1] === 0 && gif[i - 7] === 0xf9).length).toBe(6); // image descriptors after each graphic control block
    expect(readdirSync(dir)).toEqual(['tank.gif']);
  });

  it('diffuse IMG --method exact -o out.png blurs the image and keeps its shape', async () => {
    const dir = tempDir();
    const r = await runIn(command, ['samples/astronaut.png', '--D', '2', '--t', '3', '--method', 'exact', '-o', join(dir, 'b.png')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('mass');
    const img = decodeImage(new Uint8Array(readFileSync(join(dir, 'b.png')))).image;
    expect(img.shape).toEqual([3, 512, 512]);
  });

  it('diffuse --tank 16 --method explicit --frames 3 -o DIR/ writes PNG frames into a new directory', async () => {
    const dir = tempDir();
    const out = join(dir, 'frames');
    const r = await runIn(command, [
      '--tank',
      '16',
      '--blocks',
      '4',
      '--D',
      '1',
      '--t',
      '2',
      '--method',
      'explicit',
      '--dt',
      '0.25',
      '--frames',
      '3',
      '-o',
      `${out}/`,
    ]);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(['frame-0000.png', 'frame-0001.png', 'frame-0002.png']);
    expect(readdirSync(dir)).toEqual(['frames']); // no temporary directory left
  });

  it('diffuse … -o out.npy keeps float64 values; explicit with an unstable --dt fails naming the largest stable step', async () => {
    const dir = tempDir();
    const ok = await runIn(command, ['--tank', '8', '--D', '1', '--t', '1', '--boundary', 'wrap', '-o', join(dir, 'u.npy')]);
    expect(ok.code).toBe(0);
    expect(parseNpy(new Uint8Array(readFileSync(join(dir, 'u.npy')))).dtype).toBe('float64');
    const bad = await runIn(command, [
      '--tank',
      '8',
      '--D',
      '2',
      '--t',
      '1',
      '--method',
      'explicit',
      '--dt',
      '0.5',
      '-o',
      join(dir, 'x.png'),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('the largest stable step is dt = 0.125');
    expect(existsSync(join(dir, 'x.png'))).toBe(false);
  });

  it('diffuse usage errors exit 2: no input, both inputs, missing --D, frames into .png, unknown method, bad extension', async () => {
    const dir = tempDir();
    const o = join(dir, 'o.png');
    for (const argv of [
      ['--D', '1', '--t', '1', '-o', o],
      ['samples/astronaut.png', '--tank', '8', '--D', '1', '--t', '1', '-o', o],
      ['--tank', '8', '--t', '1', '-o', o],
      ['--tank', '8', '--D', '1', '--t', '1', '--frames', '3', '-o', o],
      ['--tank', '8', '--D', '1', '--t', '1', '--method', 'magic', '-o', o],
      ['--tank', '8', '--D', '1', '--t', '1', '-o', join(dir, 'o.jpg')],
      ['--tank', '8', '--D', '-1', '--t', '1', '-o', o],
    ]) {
      expect((await runIn(command, argv)).code, argv.join(' ')).toBe(2);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('diffuse a missing or corrupt input exits 1 naming it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    for (const input of [join(dir, 'nope.png'), join(dir, 'bad.png')]) {
      const r = await runIn(command, [input, '--D', '1', '--t', '1', '-o', join(dir, 'o.png')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(input.split('/').pop());
    }
    expect(existsSync(join(dir, 'o.png'))).toBe(false);
  });

  it('diffuse --help examples all run (exit 0)', async () => {
    for (const r of await runExamples(command)) expect(r.code, `${r.example}\n${r.stderr}`).toBe(0);
  });
});
