import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/args.js';
import type { Command } from '../../src/cli/command.js';
import { command as featuremaps } from '../../src/cli/commands/featuremaps.js';
import { command as predict } from '../../src/cli/commands/predict.js';
import { command as train } from '../../src/cli/commands/train.js';
import { NDArray } from '../../src/core/ndarray.js';
import { writeImageFile } from '../../src/io/node.js';
import { loadFashionMnist } from '../../src/io/node-fashion-mnist.js';
import { decodePng } from '../../src/io/png.js';

async function runCommand(cmd: Command, argv: string[], cwd: string) {
  let stdout = '';
  const ctx = {
    stdout: (t: string) => void (stdout += t),
    stderr: () => {},
    stderrIsTTY: false,
    cwd,
    signal: new AbortController().signal,
  };
  const code = await cmd.run(parseCommandArgs(cmd, argv), ctx);
  return { code, stdout };
}

let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'convolab-predict-'));
  await runCommand(train, ['--out', 'run', '--epochs', '2', '--limit', '60', '--test-limit', '5', '--threads', '1'], dir);
  const fm = loadFashionMnist();
  // Test image 1000 * 1 (the first trouser) as a 28x28 gray PNG, and a 30x28 one.
  const px = Float32Array.from(fm.test.images.subarray(1000 * 784, 1001 * 784));
  writeImageFile(join(dir, 'trouser.png'), new NDArray('float32', [1, 28, 28], px));
  writeImageFile(join(dir, 'wide.png'), new NDArray('float32', [3, 28, 30], new Float32Array(3 * 28 * 30)));
}, 60_000);

describe('convolab predict', () => {
  it('predict DIR IMG --json gives the top classes with probabilities', async () => {
    const r = await runCommand(predict, ['run', 'trouser.png', '--top', '3', '--json'], dir);
    expect(r.code).toBe(0);
    const [p] = JSON.parse(r.stdout).predictions;
    expect(p.file).toBe('trouser.png');
    expect(p.top).toHaveLength(3);
    expect(p.top[0].label).toBe('Trouser');
    expect(p.top[0].probability).toBeGreaterThan(p.top[1].probability);
    expect(p.top.reduce((a: number, t: { probability: number }) => a + t.probability, 0)).toBeLessThanOrEqual(1 + 1e-6);
  });

  it('predict refuses an image of the wrong size, naming it and both sizes', async () => {
    await expect(runCommand(predict, ['run', 'wide.png'], dir)).rejects.toThrow(
      /wide\.png: the image is 30x28, the model takes 28x28 images/,
    );
  });

  it('featuremaps DIR IMG -o maps.png draws the input and every image-shaped layer', async () => {
    const r = await runCommand(featuremaps, ['run', 'trouser.png', '-o', 'maps.png', '--json'], dir);
    const doc = JSON.parse(r.stdout);
    expect(doc.layers.map((l: { type: string }) => l.type)).toEqual(['conv2d', 'relu', 'maxpool2d', 'conv2d', 'relu', 'maxpool2d']);
    expect(doc.layers[3].shape).toEqual([64, 8, 8]);
    const png = decodePng(readFileSync(join(dir, 'maps.png')));
    expect(png.image.shape[0]).toBe(1);
    expect(png.image.shape[2]).toBeGreaterThan(16 * 48);
  });
});
