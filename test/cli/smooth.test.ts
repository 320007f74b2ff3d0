import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { command } from '../../src/cli/commands/smooth.js';
import { decodePng } from '../../src/io/png.js';
import { ewm } from '../../src/stats/smooth.js';
import { runCommand, tempDir } from '../stats/cli-run.js';

const SUN = 'samples/series/sunspots.csv';
const sunspots = readFileSync(SUN, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => Number(l.split(',')[1]));

describe('convolab smooth', () => {
  test('smooth sunspots.csv --column SUNACTIVITY --method ewm:0.3 -o out.csv writes index,value,smoothed', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    const r = await runCommand(command, [SUN, '--column', 'SUNACTIVITY', '--method', 'ewm:0.3', '-o', out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('index,value,smoothed');
    expect(lines).toHaveLength(sunspots.length + 1);
    const want = ewm(sunspots, 0.3);
    expect(Number(lines[10].split(',')[2])).toBeCloseTo(want[9], 12);
  });

  test('smooth --method sma:5 --boundary valid --json reports the kernel and a shorter output', async () => {
    const r = await runCommand(command, [SUN, '--column', '1', '--method', 'sma:5', '--boundary', 'valid', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.kernel).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(j.smoothed).toHaveLength(sunspots.length - 4);
    expect(j.smoothed[0]).toBeCloseTo(sunspots.slice(0, 5).reduce((a: number, b: number) => a + b) / 5, 10);
  });

  test('smooth --plot p.png draws a PNG', async () => {
    const dir = tempDir();
    const png = join(dir, 'p.png');
    const r = await runCommand(command, [
      SUN,
      '--column',
      'SUNACTIVITY',
      '--method',
      'savgol:11:3',
      '--plot',
      png,
      '-o',
      join(dir, 'o.csv'),
    ]);
    expect(r.code).toBe(0);
    expect(decodePng(readFileSync(png)).image.shape).toEqual([3, 400, 800]);
  });

  test('smooth refuses gaps unless --interpolate, and bad specs with exit 2', async () => {
    const dir = tempDir();
    const csv = join(dir, 'gap.csv');
    writeFileSync(csv, 't,y\n1,1\n2,\n3,3\n4,4\n');
    const bad = await runCommand(command, [csv, '--column', 'y', '--method', 'sma:2']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/gap\.csv: column y has 1 missing .* data row 2; pass --interpolate/);
    const ok = await runCommand(command, [csv, '--column', 'y', '--method', 'sma:1', '--interpolate']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('1,2,2');
    const usage = await runCommand(command, [csv, '--method', 'median:3']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/method: cannot read "median:3"/);
    expect((await runCommand(command, [csv, '--method', 'ewm:0.5', '--align', 'causal'])).code).toBe(2);
    expect(existsSync(join(dir, 'nothing.csv'))).toBe(false);
  });
});
