/**
 * `convolab match`, run in-process through the command's own argument parser (the command
 * registry line is added by the CLI owner; exit codes as main.ts maps them: usage 2, bad data 1).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/match.js';
import { fromArray, zeros } from '../../src/core/index.js';
import { decodeImage } from '../../src/io/image.js';
import { encodeNpy, parseNpy } from '../../src/io/npy.js';
import { encodePng } from '../../src/io/png.js';
import { runIn } from '../match/cli.js';
import { ROOT, tempDir } from './helpers.js';

/** A crop [C, h, w] of the astronaut written as PNG; returns its path. */
function cropPng(dir: string, y: number, x: number, h: number, w: number): string {
  const img = decodeImage(readFileSync(join(ROOT, 'samples/astronaut.png'))).image;
  const [C, H, W] = img.shape;
  const out = zeros([C, h, w], 'float32');
  for (let c = 0; c < C; c++)
    for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) out.data[(c * h + i) * w + j] = img.data[(c * H + y + i) * W + x + j];
  const path = join(dir, 'tpl.png');
  writeFileSync(path, encodePng(out));
  return path;
}

describe('convolab match', () => {
  it('match IMG TEMPLATE --json prints { matches: [{ x, y, score }] } best first', async () => {
    const tpl = cropPng(tempDir(), 200, 230, 40, 36);
    const r = await runIn(command, ['samples/astronaut.png', tpl, '--json', '--top', '2']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['matches']);
    expect(doc.matches).toHaveLength(2);
    expect(doc.matches[0]).toMatchObject({ x: 230, y: 200 });
    expect(doc.matches[0].score).toBeCloseTo(1, 4);
    expect(doc.matches[1].score).toBeLessThan(doc.matches[0].score);
  });

  it('match … -o map.npy --boxes out.png --method sqdiff writes the map and the outlined image', async () => {
    const dir = tempDir();
    const tpl = cropPng(dir, 100, 300, 20, 30);
    const map = join(dir, 'map.npy');
    const boxes = join(dir, 'boxes.png');
    const r = await runIn(command, ['samples/astronaut.png', tpl, '--method', 'sqdiff', '-o', map, '--boxes', boxes]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('x=300 y=100 score=0.0000\n');
    const m = parseNpy(readFileSync(map));
    expect(m.shape).toEqual([493, 483]);
    expect(m.data[100 * 483 + 300]).toBe(0);
    const drawn = decodeImage(readFileSync(boxes)).image; // [3, 512, 512], red outline at the match
    expect([0, 1, 2].map((c) => drawn.data[(c * 512 + 100) * 512 + 310])).toEqual([255, 0, 0]);
  });

  it('match with --mask (.npy weights) and --threshold filters the matches', async () => {
    const dir = tempDir();
    const tpl = cropPng(dir, 50, 60, 16, 16);
    const mask = join(dir, 'mask.npy');
    writeFileSync(
      mask,
      encodeNpy(
        fromArray(
          new Float32Array(256).map((_, i) => (i % 16 < 8 ? 1 : 0.5)),
          'float32',
          [16, 16],
        ),
      ),
    );
    const r = await runIn(command, ['samples/astronaut.png', tpl, '--mask', mask, '--threshold', '0.999', '--top', '5', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).matches.map((m: { x: number; y: number }) => [m.x, m.y])).toEqual([[60, 50]]);
  });

  it('match rejects a template larger than the image, channel mismatches and wrong mask shapes (exit 1), bad flags (exit 2)', async () => {
    const dir = tempDir();
    const small = join(dir, 'small.npy');
    writeFileSync(small, encodeNpy(zeros([3, 4, 4], 'float32')));
    const big = join(dir, 'big.npy');
    writeFileSync(big, encodeNpy(zeros([3, 600, 4], 'float32')));
    const gray = join(dir, 'gray.npy');
    writeFileSync(gray, encodeNpy(zeros([4, 4], 'float32')));
    const badMask = join(dir, 'mask.npy');
    writeFileSync(badMask, encodeNpy(zeros([5, 4], 'float32')));
    expect(await runIn(command, ['samples/astronaut.png', big])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/larger than the image/),
    });
    expect(await runIn(command, ['samples/astronaut.png', gray])).toMatchObject({ code: 1, stderr: expect.stringMatching(/channel/) });
    expect(await runIn(command, ['samples/astronaut.png', small, '--mask', badMask])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/mask: expected shape/),
    });
    expect(await runIn(command, ['samples/astronaut.png', join(dir, 'missing.png')])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/missing.png: cannot read/),
    });
    expect((await runIn(command, ['samples/astronaut.png', small, '--method', 'best'])).code).toBe(2);
    expect((await runIn(command, ['samples/astronaut.png', small, '--top', '0'])).code).toBe(2);
    expect((await runIn(command, ['samples/astronaut.png', small, '-o', join(dir, 'map.jpg')])).code).toBe(2);
    expect((await runIn(command, ['samples/astronaut.png', small, '--boxes', small.replace('.npy', '.png'), '-o', small])).code).toBe(2);
    expect(existsSync(join(dir, 'map.jpg'))).toBe(false);
  });
});

describe('convolab match --help', () => {
  it('the first example of match --help runs and prints three matches', async () => {
    const first = command.examples[0].split(' ').slice(2); // drop "convolab match"
    const r = await runIn(command, first);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).matches).toHaveLength(3);
  });
});
