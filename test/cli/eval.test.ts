import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/args.js';
import type { Command } from '../../src/cli/command.js';
import { command as evalCmd } from '../../src/cli/commands/eval.js';
import { command as filters } from '../../src/cli/commands/filters.js';
import { command as train } from '../../src/cli/commands/train.js';
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
  dir = mkdtempSync(join(tmpdir(), 'convolab-eval-'));
  await runCommand(train, ['--out', 'run', '--epochs', '1', '--limit', '30', '--test-limit', '10', '--threads', '1'], dir);
}, 60_000);

describe('convolab eval', () => {
  it('eval DIR --json prints accuracy, per-class accuracy and the confusion matrix', async () => {
    const r = await runCommand(evalCmd, ['run', '--json', '--test-limit', '20', '--threads', '1'], dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.images).toBe(200);
    expect(doc.accuracy).toBeGreaterThan(0.2);
    expect(Object.keys(doc.per_class)).toContain('Ankle boot');
    expect(doc.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(200);
    const correct = doc.confusion.reduce((a: number, row: number[], i: number) => a + row[i], 0);
    expect(correct / 200).toBeCloseTo(doc.accuracy, 10);
  });

  it('eval DIR prints a readable report', async () => {
    const r = await runCommand(evalCmd, ['run', '--test-limit', '5', '--threads', '1'], dir);
    expect(r.stdout).toMatch(/^accuracy \d+\.\d\d% \(50 test images\)/);
    expect(r.stdout).toContain('confusion (rows: true class');
  });

  it('eval on a corrupt or truncated model names the file', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'convolab-eval-'));
    writeFileSync(join(bad, 'model.json'), readFileSync(join(dir, 'run', 'model.json')));
    writeFileSync(join(bad, 'weights.bin'), readFileSync(join(dir, 'run', 'weights.bin')).subarray(0, 1000));
    await expect(runCommand(evalCmd, [bad, '--test-limit', '1'], dir)).rejects.toThrow(
      /weights\.bin: expected 738344 bytes .* \(truncated\?\)/,
    );
    const doc = JSON.parse(readFileSync(join(dir, 'run', 'model.json'), 'utf8'));
    doc.layers[0].filters = 0;
    writeFileSync(join(bad, 'model.json'), JSON.stringify(doc));
    await expect(runCommand(evalCmd, [bad, '--test-limit', '1'], dir)).rejects.toThrow(
      /model\.json: layers\[0\]\.filters: expected a positive integer, got 0/,
    );
    await expect(runCommand(evalCmd, [join(bad, 'missing')], dir)).rejects.toThrow(/model\.json: cannot read/);
  });

  it('filters DIR -o filters.png draws the 32 first-layer 5x5 filters', async () => {
    const r = await runCommand(filters, ['run', '-o', 'f.png', '--scale', '4', '--json'], dir);
    expect(JSON.parse(r.stdout)).toEqual({ output: 'f.png', filters: 32, channels: 1, kernel: [5, 5] });
    const png = decodePng(readFileSync(join(dir, 'f.png')));
    expect(png.image.shape).toEqual([1, 6 * 20 + 5, 6 * 20 + 5]); // 6 x 6 grid of 20 px tiles, 1 px gaps
  });
});
