import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/propagator.js';
import { fromArray } from '../../src/core/ndarray.js';
import { encodeNpy, parseNpy } from '../../src/io/npy.js';
import { runExamples, runIn, tempDir } from '../diffusion/cli-run.js';

describe('convolab propagator', () => {
  it("propagator edge --json prints the seed's softmax density", async () => {
    const r = await runIn(command, ['edge', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ kernel: 'edge', method: 'softmax', temperature: 1, shape: [3, 3], center: { x: 1, y: 1 } });
    expect(doc.density[1][1]).toBeCloseTo(1 / (1 + 8 * Math.exp(-9)), 15);
    expect(doc.density[0][0]).toBeCloseTo(Math.exp(-9) / (1 + 8 * Math.exp(-9)), 17);
    expect(doc.entropy).toBeCloseTo(0.009863533472111845, 14);
  });

  it('propagator edge prints the grid, the moments and the entropy as text', async () => {
    const r = await runIn(command, ['edge', '--softmax', '4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('softmax T=4');
    expect(r.stdout).toContain('0.542'); // e² / (e² + 8 e^-¼) = 0.5425
    expect(r.stdout).toMatch(/entropy/);
  });

  it('propagator "[[0,1],[0,3]]" --l1 -o p.npy writes the density and reports the drift', async () => {
    const dir = tempDir();
    const r = await runIn(command, ['[[0,1],[0,3]]', '--l1', '--json', '-o', join(dir, 'p.npy')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).mean).toEqual({ x: 1, y: 0.75 });
    expect([...parseNpy(new Uint8Array(readFileSync(join(dir, 'p.npy')))).data]).toEqual([0, 0.25, 0, 0.75]);
  });

  it('propagator gaussian:1 and a .npy kernel work; sobel (a pair) and junk are usage errors', async () => {
    expect((await runIn(command, ['gaussian:1', '--shift'])).code).toBe(0);
    const dir = tempDir();
    writeFileSync(join(dir, 'k.npy'), encodeNpy(fromArray([1, 2, 3, 4], 'float32', [2, 2])));
    const npy = await runIn(command, [join(dir, 'k.npy'), '--l1', '--json']);
    expect(JSON.parse(npy.stdout).density).toEqual([
      [0.1, 0.2],
      [0.3, 0.4],
    ]);
    const pair = await runIn(command, ['sobel']);
    expect(pair.code).toBe(2);
    expect(pair.stderr).toContain('sobel-x');
    expect((await runIn(command, ['nonsense'])).code).toBe(2);
    expect((await runIn(command, ['[[1,2],[3]]'])).code).toBe(2);
    expect((await runIn(command, ['edge', '--softmax', '0'])).code).toBe(2);
    expect((await runIn(command, ['edge', '--l1', '--shift'])).code).toBe(2);
    expect((await runIn(command, ['edge', '-o', join(dir, 'p.png')])).code).toBe(2);
  });

  it('propagator --help examples all run (exit 0)', async () => {
    for (const r of await runExamples(command)) expect(r.code, `${r.example}\n${r.stderr}`).toBe(0);
  });
});
