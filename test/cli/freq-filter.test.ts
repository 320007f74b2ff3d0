import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command, parseShape } from '../../src/cli/commands/freq-filter.js';
import { parseNpy } from '../../src/io/npy.js';
import { lowpass } from '../../src/spectrum/filter.js';
import { runCommand, tempDir } from '../spectrum/cli.js';
import { relError, sample } from '../spectrum/helpers.js';

describe('convolab freq-filter', () => {
  it('freq-filter chelsea.png --lowpass 0.1 --shape butterworth:4 -o out.npy equals lowpass(...) per channel', async () => {
    const out = join(tempDir(), 'out.npy');
    const r = await runCommand(command, ['samples/chelsea.png', '--lowpass', '0.1', '--shape', 'butterworth:4', '-o', out, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'lowpass', cutoff: 0.1, shape: 'butterworth', order: 4, padding: 'reflect' });
    const a = parseNpy(new Uint8Array(readFileSync(out)));
    expect(a.shape).toEqual([3, 300, 451]);
    expect(relError(a.data, lowpass(sample('chelsea.png'), 0.1, { shape: 'butterworth', order: 4 }).data)).toBeLessThan(1e-6);
  });

  it('freq-filter --bandpass 0.05,0.2 --units nyquist --normalize -o out.png writes a PNG', async () => {
    const dir = tempDir();
    const r = await runCommand(command, [
      'samples/brick.png',
      '--bandpass',
      '0.05,0.2',
      '--units',
      'nyquist',
      '--normalize',
      '-o',
      join(dir, 'b.png'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ideal bandpass 0.05..0.2 × Nyquist');
    expect(readdirSync(dir)).toEqual(['b.png']);
  });

  it('freq-filter with an unknown shape, a cutoff of 0 or 0.7, two kinds or LO ≥ HI exits 2 with the valid range; nothing is written', async () => {
    const dir = tempDir();
    const o = ['-o', join(dir, 'x.png')];
    const cases: [string[], RegExp][] = [
      [['--lowpass', '0.1', '--shape', 'box'], /option --shape: expected ideal, gaussian, butterworth or butterworth:N/],
      [['--lowpass', '0'], /option --lowpass: expected cycles\/pixel in \(0, 0.5\], got "0"/],
      [['--highpass', '0.7'], /option --highpass: expected cycles\/pixel in \(0, 0.5\]/],
      [['--lowpass', '0.1', '--highpass', '0.2'], /give exactly one of --lowpass/],
      [['--bandstop', '0.3,0.1'], /option --bandstop: expected LO < HI/],
      [['--lowpass', '1.5', '--units', 'nyquist'], /fraction of Nyquist in \(0, 1\]/],
    ];
    for (const [args, message] of cases) {
      const r = await runCommand(command, ['samples/brick.png', ...args, ...o]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('parseShape("butterworth:3") is order 3; parseShape("gaussian:2") is refused', () => {
    expect(parseShape('butterworth:3')).toEqual({ shape: 'butterworth', order: 3 });
    expect(parseShape(undefined)).toEqual({ shape: 'ideal' });
    expect(() => parseShape('gaussian:2')).toThrow(/--shape/);
  });
});
