import { existsSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputSource } from '../../../src/batch/node/inputs.js';
import { JOURNAL_FILE } from '../../../src/batch/node/journal.js';
import { processOnPool, runLocal } from '../../../src/batch/node/local.js';
import { processBytes } from '../../../src/batch/process.js';
import { parseRecipe } from '../../../src/batch/recipe.js';
import { DecodeError, WorkerError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';
import { encodePng } from '../../../src/io/png.js';
import { spawnNodeWorker } from '../../../src/parallel/node-endpoint.js';
import { type Pool, type RunOptions, type Spawn, WorkerPool } from '../../../src/parallel/pool.js';
import { bombPng, exited, listFiles, runCommand, spawnCommand, tempDir, tinyImage, truncatedPng, waitFor, writePngs } from '../helpers.js';

const RECIPE = {
  steps: [
    { step: 'filter', options: { kernel: 'gaussian:1.5' } },
    { step: 'convert', options: { color: 'gray' } },
  ],
};

/**
 * A folder of `n` items (`img000.png`…, every fourth in `sub/`) of which four are bad — two corrupt
 * PNGs, an empty JPEG and a decompression bomb — at positions drawn from `seed`; returns the folder,
 * the good names and the bad names with the code each must fail with.
 */
function mixedInputs(n: number, seed = 1): { dir: string; good: string[]; bad: Record<string, string> } {
  const dir = tempDir();
  const names = writePngs(dir, n);
  const rng = new Rng(seed);
  const positions: number[] = [];
  while (positions.length < 4) {
    const i = Math.floor(rng.random() * n);
    if (!positions.includes(i)) positions.push(i);
  }
  const contents: [string, Uint8Array | string][] = [
    ['E_DECODE', 'this is not an image'],
    ['E_DECODE', truncatedPng(7)],
    ['E_DECODE', ''],
    ['E_LIMIT', bombPng()],
  ];
  const bad: Record<string, string> = {};
  positions.forEach((i, k) => {
    const [code, bytes] = contents[k];
    let rel = names[i];
    unlinkSync(join(dir, rel));
    if (k === 2) rel = rel.replace(/\.png$/, '.jpg'); // the empty file is a "JPEG"
    writeFileSync(join(dir, rel), bytes);
    bad[rel] = code;
  });
  const good = names.filter((_, i) => !positions.includes(i));
  return { dir, good, bad };
}

describe('runLocal', () => {
  it('runLocal(500 items, corrupt files and a bomb at random positions) fails exactly those, writes every other output correctly', async () => {
    const { dir, good, bad } = mixedInputs(500, 2026);
    expect(good.length).toBe(496);
    const out = tempDir();
    const recipe = parseRecipe(RECIPE);
    const summary = await runLocal({ recipe, input: await inputSource(dir, '/'), outDir: out, threads: 2 });
    expect(summary).toMatchObject({ seen: 500, done: 496, skipped: 0, failed: 4, interrupted: false });
    const failed = Object.fromEntries(summary.failures.map((f) => [f.input.slice(dir.length + 1), f.code]));
    expect(failed).toEqual(bad);
    expect(summary.failures.every((f) => f.message.includes(f.input))).toBe(true);
    expect(listFiles(out)).toEqual([JOURNAL_FILE, ...good].sort());
    const wrong = good.filter((rel) => !readFileSync(join(out, rel)).equals(processBytes(readFileSync(join(dir, rel)), recipe, rel).bytes));
    expect(wrong).toEqual([]);
    const journal = readFileSync(join(out, JOURNAL_FILE), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(journal.filter((e) => e.t === 'done').length).toBe(496);
    const journaledFailures = Object.fromEntries(
      journal.filter((e) => e.t === 'failed').map((e) => [e.input.slice(dir.length + 1), e.error.code]),
    );
    expect(journaledFailures).toEqual(bad);
  });

  it('runLocal(again) skips the done items, retries the failed ones and rewrites nothing', async () => {
    const { dir, good } = mixedInputs(16);
    const out = tempDir();
    const recipe = parseRecipe(RECIPE);
    const input = await inputSource(dir, '/');
    await runLocal({ recipe, input, outDir: out, threads: 1 });
    const before = statSync(join(out, good[0]));
    const again = await runLocal({ recipe, input, outDir: out, threads: 1 });
    expect(again).toMatchObject({ done: 0, skipped: 12, failed: 4 });
    const after = statSync(join(out, good[0]));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    unlinkSync(join(out, good[1])); // a journaled output deleted since is made again
    expect(await runLocal({ recipe, input, outDir: out, threads: 1 })).toMatchObject({ done: 1, skipped: 11, failed: 4 });
    expect(existsSync(join(out, good[1]))).toBe(true);
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

/** A real 2-thread pool whose first `crashes` tasks lose their worker thread right after being posted. */
function crashingPool(crashes: number): WorkerPool & { spawned: number } {
  let spawned = 0;
  const spawn: Spawn = (events) => {
    spawned++;
    const endpoint = spawnNodeWorker(events);
    return {
      ...endpoint,
      post(request, transfer) {
        endpoint.post(request, transfer);
        if (crashes-- > 0) void endpoint.terminate(); // the thread dies mid-task, as a crash would
      },
    };
  };
  const pool = new WorkerPool(2, spawn);
  return Object.defineProperty(pool, 'spawned', { get: () => spawned }) as WorkerPool & { spawned: number };
}

/** A fake pool that answers each `run` with the next of `answers` (an Error rejects), recording the calls. */
function scriptedPool(answers: unknown[]): Pool & { calls: { args: { bytes: Uint8Array }; options?: RunOptions }[] } {
  const calls: { args: { bytes: Uint8Array }; options?: RunOptions }[] = [];
  return {
    size: 2,
    inline: false,
    calls,
    run<R>(_task: string, args?: unknown, options?: RunOptions): Promise<R> {
      calls.push({ args: args as { bytes: Uint8Array }, options });
      const answer = answers.shift();
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer as R);
    },
    map: () => Promise.reject(new Error('unused')),
    destroy: () => Promise.resolve(),
  };
}

describe('processOnPool', () => {
  const recipe = parseRecipe(RECIPE);
  const png = () => encodePng(tinyImage(5, 3, 20, 16));

  it('processOnPool(worker thread crashes on the first try) redoes the item on a new thread with the same result', async () => {
    const pool = crashingPool(1);
    try {
      const bytes = png();
      const expected = processBytes(bytes, recipe, 'a.png');
      const result = await processOnPool(pool, { bytes, recipe: recipe.json, name: 'a.png' }, undefined);
      expect(Buffer.from(result.bytes).equals(Buffer.from(expected.bytes))).toBe(true);
      expect(result.shape).toEqual([1, 20, 16]);
      expect(pool.spawned).toBe(2); // the crashed thread was replaced
    } finally {
      await pool.destroy();
    }
  });

  it('processOnPool(worker thread crashes twice) rejects with the WorkerError', async () => {
    const pool = crashingPool(2);
    try {
      await expect(processOnPool(pool, { bytes: png(), recipe: recipe.json, name: 'a.png' }, undefined)).rejects.toThrow(WorkerError);
    } finally {
      await pool.destroy();
    }
  });

  it('processOnPool(crash) transfers a copy on the first try and the original bytes on the retry', async () => {
    const done = { bytes: new Uint8Array([1]), format: 'png', shape: [1, 1, 1] };
    const pool = scriptedPool([new WorkerError('worker exited with code 1'), done]);
    const bytes = png();
    const copy = bytes.slice();
    expect(await processOnPool(pool, { bytes, recipe: recipe.json, name: 'a.png' }, undefined)).toBe(done);
    expect(pool.calls.length).toBe(2);
    const [first, second] = pool.calls;
    expect(first.args.bytes).not.toBe(bytes);
    expect(first.args.bytes).toEqual(copy);
    expect(first.options?.transfer).toEqual([first.args.bytes.buffer]);
    expect(second.args.bytes).toBe(bytes);
    expect(second.options?.transfer).toEqual([bytes.buffer]);
  });

  it('processOnPool(item error or aborted) does not retry', async () => {
    const decode = scriptedPool([new DecodeError('a.png: not a PNG or JPEG', 'a.png'), undefined]);
    await expect(processOnPool(decode, { bytes: png(), recipe: recipe.json, name: 'a.png' }, undefined)).rejects.toThrow(DecodeError);
    expect(decode.calls.length).toBe(1);
    const controller = new AbortController();
    controller.abort();
    const aborted = scriptedPool([new WorkerError('worker exited with code 1'), undefined]);
    await expect(processOnPool(aborted, { bytes: png(), recipe: recipe.json, name: 'a.png' }, controller.signal)).rejects.toThrow(
      WorkerError,
    );
    expect(aborted.calls.length).toBe(1);
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
