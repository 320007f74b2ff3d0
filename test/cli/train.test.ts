import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/args.js';
import type { Command } from '../../src/cli/command.js';
import { command as train } from '../../src/cli/commands/train.js';
import { NDArray } from '../../src/core/ndarray.js';
import { writeImageFile } from '../../src/io/node.js';
import { decodeCheckpoint } from '../../src/nn/serialize.js';

async function runCommand(cmd: Command, argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const ctx = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    stderrIsTTY: false,
    cwd,
    signal: new AbortController().signal,
  };
  const code = await cmd.run(parseCommandArgs(cmd, argv), ctx);
  return { code, stdout, stderr };
}

const SMALL = ['--limit', '30', '--test-limit', '10', '--threads', '1'];

describe('convolab train', () => {
  it('train --out DIR --epochs 2 --json writes model, weights, checkpoint and history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convolab-train-'));
    const r = await runCommand(train, ['--out', 'run', '--epochs', '2', '--json', ...SMALL], dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.epochs).toHaveLength(2);
    expect(doc.params).toBe(184586);
    expect(doc.accuracy).toBeGreaterThan(0.2);
    for (const f of ['model.json', 'weights.bin', 'checkpoint.bin', 'history.json', 'curves.png'])
      expect(existsSync(join(dir, 'run', f))).toBe(true);
    expect(readFileSync(join(dir, 'run', 'weights.bin')).length).toBe(184586 * 4);
    expect(decodeCheckpoint(readFileSync(join(dir, 'run', 'checkpoint.bin'))).epoch).toBe(2);
  }, 60_000);

  it('train --resume continues to the same weights as an uninterrupted run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convolab-train-'));
    await runCommand(train, ['--out', 'full', '--epochs', '2', ...SMALL, '--seed', '4'], dir);
    await runCommand(train, ['--out', 'part', '--epochs', '1', ...SMALL, '--seed', '4'], dir);
    const r = await runCommand(train, ['--out', 'part', '--epochs', '2', ...SMALL, '--resume'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^epoch 2\/2: loss/);
    expect(readFileSync(join(dir, 'part', 'weights.bin')).equals(readFileSync(join(dir, 'full', 'weights.bin')))).toBe(true);
    const again = await runCommand(train, ['--out', 'part', '--epochs', '2', ...SMALL, '--resume'], dir);
    expect(again.stdout).toMatch(/already trained for 2 epochs/);
  }, 60_000);

  it('train --schedule cosine anneals the rate per epoch and resumes on the same curve', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convolab-train-'));
    const full = await runCommand(train, ['--out', 'full', '--epochs', '2', '--schedule', 'cosine', '--json', ...SMALL], dir);
    expect(JSON.parse(full.stdout).epochs.map((e: { lr: number }) => e.lr)).toEqual([1e-3, 5e-4]);
    await runCommand(train, ['--out', 'part', '--epochs', '1', '--schedule', 'cosine', ...SMALL], dir);
    await expect(runCommand(train, ['--out', 'part', '--epochs', '3', ...SMALL, '--resume'], dir)).rejects.toThrow(
      /--epochs 3 differs from the checkpoint's 1/,
    );
    await expect(runCommand(train, ['--out', 'x', '--schedule', 'linear'], dir)).rejects.toThrow(
      /option --schedule: expected constant \| cosine/,
    );
  }, 60_000);

  it("train --model strong uses the strong preset's recipe: Adam 2e-3 with a cosine, dropout 0.1", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convolab-train-'));
    const small = ['--limit', '3', '--test-limit', '2', '--threads', '1'];
    const r = await runCommand(train, ['--out', 'run', '--model', 'strong', '--epochs', '2', '--json', ...small], dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.epochs.map((e: { lr: number }) => e.lr)).toEqual([2e-3, 1e-3]); // cosine(2e-3, 2) at epochs 0, 1
    const ck = decodeCheckpoint(readFileSync(join(dir, 'run', 'checkpoint.bin')));
    expect(ck.meta).toMatchObject({ lr: 2e-3, schedule: 'cosine' });
    expect(ck.spec.layers.filter((l) => l.type === 'dropout').map((l) => l.rate)).toEqual([0.1, 0.1]);
  }, 60_000);

  it('train --model model.json trains a described network; a mismatched one is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convolab-train-'));
    const spec = {
      format: 'convolab-model',
      version: 1,
      inputShape: [1, 28, 28],
      layers: [{ type: 'flatten' }, { type: 'dense', units: 10 }],
    };
    writeFileSync(join(dir, 'm.json'), JSON.stringify(spec));
    const r = await runCommand(train, ['--out', 'run', '--model', 'm.json', '--epochs', '1', ...SMALL], dir);
    expect(r.code).toBe(0);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...spec, layers: [{ type: 'flatten' }, { type: 'dense', units: 3 }] }));
    await expect(runCommand(train, ['--out', 'run2', '--model', 'bad.json', '--epochs', '1', ...SMALL], dir)).rejects.toThrow(
      /3 outputs, the dataset 10 classes/,
    );
    writeFileSync(join(dir, 'bad2.json'), JSON.stringify({ ...spec, inputShape: [3, 32, 32] }));
    await expect(runCommand(train, ['--out', 'run3', '--model', 'bad2.json', '--epochs', '1', ...SMALL], dir)).rejects.toThrow(
      /takes \[3,32,32\] inputs/,
    );
  }, 60_000);

  it('train --dataset DIR trains on an image folder (one sub-folder per class)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convolab-train-'));
    for (const [c, v] of [
      ['dark', 20],
      ['light', 230],
    ] as const) {
      mkdirSync(join(dir, 'data', c), { recursive: true });
      for (let i = 0; i < 12; i++) {
        const px = new Float32Array(3 * 8 * 8).map((_, j) => v + ((i * 7 + j) % 5));
        writeImageFile(join(dir, 'data', c, `${i}.png`), new NDArray('float32', [3, 8, 8], px));
      }
    }
    const spec = {
      format: 'convolab-model',
      version: 1,
      inputShape: [3, 8, 8],
      layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }],
    };
    writeFileSync(join(dir, 'm.json'), JSON.stringify(spec));
    const r = await runCommand(
      train,
      [
        '--dataset',
        'data',
        '--model',
        'm.json',
        '--out',
        'run',
        '--epochs',
        '20',
        '--batch',
        '4',
        '--lr',
        '0.01',
        '--threads',
        '1',
        '--json',
      ],
      dir,
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.accuracy).toBe(1); // 2 held-out images (every 10th per class)
    const model = JSON.parse(readFileSync(join(dir, 'run', 'model.json'), 'utf8'));
    expect(model.classes).toEqual(['dark', 'light']);
    writeImageFile(join(dir, 'data', 'light', 'odd.png'), new NDArray('float32', [1, 9, 8], new Float32Array(72)));
    await expect(runCommand(train, ['--dataset', 'data', '--model', 'm.json', '--out', 'run2', '--threads', '1'], dir)).rejects.toThrow(
      /odd\.png: the image is 8x9/,
    );
  }, 60_000);

  it('train without --out, or with a bad --lr, is a usage error', async () => {
    await expect(runCommand(train, ['--epochs', '1'], tmpdir())).rejects.toThrow(/missing --out DIR/);
    await expect(runCommand(train, ['--out', 'x', '--lr', 'fast'], tmpdir())).rejects.toThrow(/option --lr/);
    await expect(runCommand(train, ['--out', 'x', '--resume'], mkdtempSync(join(tmpdir(), 'convolab-train-')))).rejects.toThrow(
      /no checkpoint to resume from/,
    );
  });
});
