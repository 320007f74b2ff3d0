import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/args.js';
import type { CommandContext } from '../../src/cli/command.js';
import { command } from '../../src/cli/commands/fft.js';
import { UsageError } from '../../src/cli/usage.js';
import { ArgumentError } from '../../src/core/errors.js';
import { fromArray } from '../../src/core/ndarray.js';
import { encodeNpy, parseNpy } from '../../src/io/npy.js';

function setup(): { dir: string; ctx: CommandContext; out: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'convolab-fft-'));
  const out: string[] = [];
  const ctx: CommandContext = {
    stdout: (t) => out.push(t),
    stderr: () => {},
    stderrIsTTY: false,
    cwd: dir,
    signal: new AbortController().signal,
  };
  writeFileSync(join(dir, 'x.npy'), encodeNpy(fromArray([1, 2, 3, 4, 5, 6], 'float64', [2, 3])));
  return { dir, ctx, out };
}

const runFft = (argv: string[], ctx: CommandContext): Promise<number> => command.run(parseCommandArgs(command, argv), ctx);

describe('convolab fft', () => {
  it('fft x.npy -o y.npy transforms the last axis to complex128', async () => {
    const { dir, ctx } = setup();
    expect(await runFft(['x.npy', '-o', 'y.npy'], ctx)).toBe(0);
    const y = parseNpy(readFileSync(join(dir, 'y.npy')));
    expect(y.dtype).toBe('complex128');
    expect(y.shape).toEqual([2, 3]);
    // row [1, 2, 3]: [6, −1.5 + 0.866i, −1.5 − 0.866i]
    expect(y.data[0]).toBeCloseTo(6, 12);
    expect(y.data[2]).toBeCloseTo(-1.5, 12);
    expect(y.data[3]).toBeCloseTo(Math.sqrt(3) / 2, 12);
  });

  it('fft --real --axes 0,1 then --inverse --real --n 2,3 returns the input', async () => {
    const { dir, ctx, out } = setup();
    expect(await runFft(['x.npy', '-o', 's.npy', '--real', '--axes', '0,1', '--norm', 'ortho', '--json'], ctx)).toBe(0);
    expect(JSON.parse(out[0])).toMatchObject({ shape: [2, 2], dtype: 'complex128' });
    expect(await runFft(['s.npy', '-o', 'b.npy', '--real', '--inverse', '--axes', '0,1', '--n', '2,3', '--norm', 'ortho'], ctx)).toBe(0);
    const back = parseNpy(readFileSync(join(dir, 'b.npy')));
    expect(back.dtype).toBe('float64');
    expect(Array.from(back.data).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('fft --norm bad is a usage error and writes nothing', async () => {
    const { dir, ctx } = setup();
    await expect(runFft(['x.npy', '-o', 'y.npy', '--norm', 'unitary'], ctx)).rejects.toThrow(UsageError);
    await expect(runFft(['x.npy', '-o', 'y.npy', '--axes', '0,a'], ctx)).rejects.toThrow(/--axes/);
    await expect(runFft(['x.npy', '-o', 'y.npy', '--n', '0'], ctx)).rejects.toThrow(/--n/);
    await expect(runFft(['x.npy', '-o', 'y.npy', '--n', '4', '--axes', '0,1'], ctx)).rejects.toThrow(/one length per axis/);
    expect(readdirSync(dir)).toEqual(['x.npy']);
  });

  it('fft --axes 5 names the axis and writes nothing', async () => {
    const { dir, ctx } = setup();
    await expect(runFft(['x.npy', '-o', 'y.npy', '--axes', '5'], ctx)).rejects.toThrow(ArgumentError);
    expect(readdirSync(dir)).toEqual(['x.npy']);
  });
});
