import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/spectrum.js';
import { decodeImage } from '../../src/io/image.js';
import { parseNpy } from '../../src/io/npy.js';
import { spectrum } from '../../src/spectrum/spectrum.js';
import { runCommand, tempDir } from '../spectrum/cli.js';
import { sample } from '../spectrum/helpers.js';

describe('convolab spectrum', () => {
  it('spectrum samples/brick.png -o spec.png writes the centred log-magnitude as an 8-bit PNG', async () => {
    const out = join(tempDir(), 'spec.png');
    const r = await runCommand(command, ['samples/brick.png', '-o', out, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'magnitude', shape: [512, 512], window: 'hann' });
    const png = decodeImage(new Uint8Array(readFileSync(out))).image;
    expect(png.shape).toEqual([1, 512, 512]);
    const expected = spectrum(sample('brick.png')).magnitudeImage.data;
    for (const i of [0, 1000, 256 * 512 + 256, 100_000]) expect(png.data[i]).toBe(Math.round(expected[i]));
  });

  it('spectrum IMG -o phase.npy --phase --window none writes the raw [H, W] phase (float32, like the decoded image)', async () => {
    const out = join(tempDir(), 'phase.npy');
    const r = await runCommand(command, ['samples/chelsea.png', '-o', out, '--phase', '--window', 'none']);
    expect(r.code).toBe(0);
    const a = parseNpy(new Uint8Array(readFileSync(out)));
    expect([a.dtype, ...a.shape]).toEqual(['float32', 300, 451]);
    expect(a.data.every((v) => v >= -Math.fround(Math.PI) && v <= Math.fround(Math.PI))).toBe(true);
  });

  it('spectrum with --window kaiser, a .jpg output or no -o exits 2 and writes nothing', async () => {
    const dir = tempDir();
    for (const args of [
      ['samples/brick.png', '-o', join(dir, 'a.png'), '--window', 'kaiser'],
      ['samples/brick.png', '-o', join(dir, 'a.jpg')],
      ['samples/brick.png'],
    ]) {
      const r = await runCommand(command, args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/window: expected one of hann, none|unsupported output extension|missing -o/);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('spectrum of a missing file exits 1 naming it', async () => {
    const r = await runCommand(command, ['samples/nope.png', '-o', join(tempDir(), 'a.png')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.png');
  });
});
