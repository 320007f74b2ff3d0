import { existsSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputSource } from '../../../src/batch/node/inputs.js';
import { JOURNAL_FILE } from '../../../src/batch/node/journal.js';
import { runLocal } from '../../../src/batch/node/local.js';
import { processBytes } from '../../../src/batch/process.js';
import { parseRecipe } from '../../../src/batch/recipe.js';
import { encodePng } from '../../../src/io/png.js';
import { bombPng, exited, listFiles, runCommand, spawnCommand, tempDir, tinyImage, truncatedPng, waitFor, writePngs } from '../helpers.js';

const RECIPE = {
  steps: [
    { step: 'filter', options: { kernel: 'gaussian:1.5' } },
    { step: 'convert', options: { color: 'gray' } },
  ],
};

/** A folder of `n` good PNGs plus the bad ones; returns the folder and the bad names. */
function mixedInputs(n: number): { dir: string; good: string[]; bad: Record<string, string> } {
  const dir = tempDir();
  const good = writePngs(dir, n);
  const bad: Record<string, string> = {
    'junk.png': 'E_DECODE',
    'half.png': 'E_DECODE',
    'empty.jpg': 'E_DECODE',
    'sub/bomb.png': 'E_LIMIT',
  };
  writeFileSync(join(dir, 'junk.png'), 'this is not an image');
  writeFileSync(join(dir, 'half.png'), truncatedPng(7));
  writeFileSync(join(dir, 'empty.jpg'), '');
  writeFileSync(join(dir, 'sub/bomb.png'), bombPng());
  return { dir, good, bad };
}

describe('runLocal', () => {
  it('runLocal(mixed batch) fails exactly the corrupt files and the bomb, writes every other output correctly', async () => {
    const { dir, good, bad } = mixedInputs(40);
    const out = tempDir();
    const recipe = parseRecipe(RECIPE);
    const summary = await runLocal({ recipe, input: await inputSource(dir, '/'), outDir: out, threads: 2 });
    expect(summary).toMatchObject({ seen: 44, done: 40, skipped: 0, failed: 4, interrupted: false });
    const failed = Object.fromEntries(summary.failures.map((f) => [f.input.slice(dir.length + 1), f.code]));
    expect(failed).toEqual(bad);
    expect(summary.failures.every((f) => f.message.includes(f.input))).toBe(true);
    expect(listFiles(out)).toEqual([JOURNAL_FILE, ...good].sort());
    for (const rel of good) {
      const expected = processBytes(readFileSync(join(dir, rel)), recipe, rel).bytes;
      expect(readFileSync(join(out, rel)).equals(expected)).toBe(true);
    }
  });

  it('runLocal(again) skips the done items, retries the failed ones and rewrites nothing', async () => {
    const { dir } = mixedInputs(12);
    const out = tempDir();
    const recipe = parseRecipe(RECIPE);
    const input = await inputSource(dir, '/');
    await runLocal({ recipe, input, outDir: out, threads: 1 });
    const before = statSync(join(out, 'img000.png'));
    const again = await runLocal({ recipe, input, outDir: out, threads: 1 });
    expect(again).toMatchObject({ done: 0, skipped: 12, failed: 4 });
    const after = statSync(join(out, 'img000.png'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    unlinkSync(join(out, 'img001.png')); // a journaled output deleted since is made again
    expect(await runLocal({ recipe, input, outDir: out, threads: 1 })).toMatchObject({ done: 1, skipped: 11, failed: 4 });
    expect(existsSync(join(out, 'img001.png'))).toBe(true);
  });

  it('runLocal(existing output with other contents) fails that item unless force', async () => {
    const dir = tempDir();
    writePngs(dir, 3, { sub: false });
    const out = tempDir();
    writeFileSync(join(out, 'img001.png'), 'precious');
    const recipe = parseRecipe(RECIPE);
    const input = await inputSource(dir, '/');
    const s = await runLocal({ recipe, input, outDir: out, threads: 1 });
    expect(s).toMatchObject({ done: 2, failed: 1 });
    expect(s.failures[0].message).toMatch(/img001\.png: exists with other contents; not overwritten \(use --force\)/);
    expect(readFileSync(join(out, 'img001.png'), 'utf8')).toBe('precious');
    expect(await runLocal({ recipe, input, outDir: out, threads: 1, force: true })).toMatchObject({ done: 1, skipped: 2, failed: 0 });
    expect(readFileSync(join(out, 'img001.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('runLocal(out = input folder) is refused before any work', async () => {
    const dir = tempDir();
    writePngs(dir, 2);
    await expect(runLocal({ recipe: parseRecipe(RECIPE), input: await inputSource(dir, '/'), outDir: dir })).rejects.toThrow(
      /must not be the input folder/,
    );
    expect(listFiles(dir)).toEqual(['img000.png', 'img001.png']);
  });

  it('runLocal(aborted) stops early, journals what finished and reports interrupted', async () => {
    const dir = tempDir();
    writePngs(dir, 30, { sub: false });
    const out = tempDir();
    const controller = new AbortController();
    const s = await runLocal({
      recipe: parseRecipe(RECIPE),
      input: await inputSource(dir, '/'),
      outDir: out,
      threads: 1,
      signal: controller.signal,
      onProgress: (c) => c.done >= 5 && controller.abort(),
    });
    expect(s.interrupted).toBe(true);
    expect(s.done).toBeGreaterThanOrEqual(5);
    expect(s.done).toBeLessThan(30);
    const lines = readFileSync(join(out, JOURNAL_FILE), 'utf8').trim().split('\n');
    expect(lines.length).toBe(s.done);
    expect(listFiles(out).length).toBe(s.done + 1);
  });
});

describe('convolab batch (local) killed with SIGKILL', () => {
  it('a rerun after SIGKILL finishes the rest without redoing finished items and leaves no partial file', async () => {
    const dir = tempDir();
    const n = 240;
    for (let i = 0; i < n; i++) writeFileSync(join(dir, `p${String(i).padStart(3, '0')}.png`), encodePng(tinyImage(i, 3, 40, 40)));
    const work = tempDir();
    const recipeFile = join(work, 'recipe.json');
    writeFileSync(recipeFile, JSON.stringify({ steps: [{ step: 'filter', options: { kernel: 'gaussian:4' } }], output: 'x/{stem}.{ext}' }));
    const reference = join(work, 'reference');
    expect(runCommand(['batch', recipeFile, '--input', dir, '--out', reference, '--threads', '2']).code).toBe(0);

    const out = join(work, 'out');
    const journal = join(out, JOURNAL_FILE);
    const doneLines = () => {
      try {
        return readFileSync(journal, 'utf8')
          .split('\n')
          .filter((l) => l.endsWith('}')).length;
      } catch {
        return 0;
      }
    };
    const child = spawnCommand(['batch', recipeFile, '--input', dir, '--out', out, '--threads', '2']);
    await waitFor(() => doneLines() >= 20 || child.exitCode !== null, 30_000, '20 finished items');
    child.kill('SIGKILL');
    await exited(child);
    const finished = doneLines();
    expect(finished).toBeGreaterThanOrEqual(20);
    expect(finished).toBeLessThan(n); // killed midway
    // every output present after the kill is complete (atomic rename); note their identity
    const early = new Map<string, [number, number]>();
    for (const rel of listFiles(join(out, 'x'))) {
      const st = statSync(join(out, 'x', rel));
      early.set(rel, [st.ino, st.mtimeMs]);
      expect(readFileSync(join(out, 'x', rel)).equals(readFileSync(join(reference, 'x', rel)))).toBe(true);
    }

    const rerun = runCommand(['batch', recipeFile, '--input', dir, '--out', out, '--threads', '2', '--json']);
    expect(rerun.code).toBe(0);
    const summary = JSON.parse(rerun.stdout);
    expect(summary).toMatchObject({ total: n, skipped: finished, done: n - finished, failed: 0 });
    expect(listFiles(out)).toEqual(listFiles(reference)); // no temporary file, no lock left
    for (const rel of listFiles(join(reference, 'x'))) {
      expect(readFileSync(join(out, 'x', rel)).equals(readFileSync(join(reference, 'x', rel)))).toBe(true);
    }
    const journalLines = readFileSync(journal, 'utf8').trim().split('\n');
    expect(journalLines.length).toBeGreaterThanOrEqual(n);
    expect(new Set(journalLines.filter((l) => l.endsWith('}')).map((l) => JSON.parse(l).id)).size).toBe(n);
    // items finished before the kill were not redone
    let untouched = 0;
    for (const [rel, [ino, mtime]] of early) {
      const st = statSync(join(out, 'x', rel));
      if (st.ino === ino && st.mtimeMs === mtime) untouched++;
    }
    expect(untouched).toBe(early.size);
  });
});
