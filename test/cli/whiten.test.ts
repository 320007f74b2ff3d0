import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { command } from '../../src/cli/commands/whiten.js';
import { fromArray } from '../../src/core/index.js';
import { encodeNpy, parseNpy } from '../../src/io/npy.js';
import { decodePng } from '../../src/io/png.js';
import { runCommand, tempDir } from '../stats/cli-run.js';
import { expectClose, golden } from '../stats/golden.js';

const g = golden('whiten.json');

describe('convolab whiten', () => {
  test('whiten data.npy --zca -o out.npy equals numpy’s ZCA and reports cov ≈ I', async () => {
    const dir = tempDir();
    const input = join(dir, 'data.npy');
    writeFileSync(input, encodeNpy(fromArray(g.X, 'float64', [g.rows, g.cols])));
    const out = join(dir, 'white.npy');
    const r = await runCommand(command, [input, '--zca', '-o', out, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).max_abs_cov_minus_identity).toBeLessThan(1e-8);
    const a = parseNpy(readFileSync(out));
    expect(a.shape).toEqual([g.rows, g.cols]);
    expectClose(a.data as Float64Array, g['zca_0.0'], { atol: 1e-9 });
  });

  test('whiten image --patch 3 -o out.png writes a same-size viewable image', async () => {
    const out = join(tempDir(), 'zca.png');
    const r = await runCommand(command, ['samples/brick.png', '--patch', '3', '-o', out]);
    expect(r.code).toBe(0);
    expect(decodePng(readFileSync(out)).image.shape.slice(1)).toEqual([512, 512]);
  });

  test('whiten refuses no mode or two modes (exit 2) and a 3-D array without --patch (exit 1)', async () => {
    const dir = tempDir();
    const input = join(dir, 'cube.npy');
    writeFileSync(
      input,
      encodeNpy(
        fromArray(
          new Float64Array(8).map((_, i) => i * i),
          'float64',
          [2, 2, 2],
        ),
      ),
    );
    expect((await runCommand(command, [input, '-o', join(dir, 'o.npy')])).code).toBe(2);
    expect((await runCommand(command, [input, '--zca', '--pca', '-o', join(dir, 'o.npy')])).code).toBe(2);
    const r = await runCommand(command, [input, '--zca', '-o', join(dir, 'o.npy')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/expected a 2-D data matrix/);
  });
});
