import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inputSource } from '../../../src/batch/node/inputs.js';
import { runLocal } from '../../../src/batch/node/local.js';
import { runLocalThread, threadEntryUrl } from '../../../src/batch/node/local-thread.js';
import { parseRecipe } from '../../../src/batch/recipe.js';
import { IOError } from '../../../src/core/errors.js';
import { listFiles, tempDir, writePngs } from '../helpers.js';

const recipe = parseRecipe({ steps: [{ step: 'filter', options: { kernel: 'box:3' } }] });

describe('runLocalThread', () => {
  it('runLocalThread(opts) writes the same outputs and counts as runLocal({ thread: false }) on this thread', async () => {
    const dir = tempDir();
    const names = writePngs(dir, 9);
    const input = await inputSource(dir, '/');
    const [here, there] = [tempDir(), tempDir()];
    const progress: number[] = [];
    const a = await runLocal({ recipe, input, outDir: here, threads: 2, thread: false });
    const b = await runLocalThread({ recipe, input, outDir: there, threads: 2, onProgress: (c) => progress.push(c.done) });
    expect([a.done, a.failed, b.done, b.failed, b.interrupted]).toEqual([9, 0, 9, 0, false]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]); // each of the first 64 items, on this thread
    expect(listFiles(there)).toEqual(listFiles(here));
    const differ = names.filter((rel) => !readFileSync(join(here, rel)).equals(readFileSync(join(there, rel))));
    expect(differ).toEqual([]);
  });

  it('runLocalThread(out = input folder) rejects with the IOError thrown in the thread', async () => {
    const dir = tempDir();
    writePngs(dir, 1);
    const err = await runLocalThread({ recipe, input: await inputSource(dir, '/'), outDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IOError);
    expect((err as IOError).message).toMatch(/the output folder must not be the input folder/);
  });

  it('runLocalThread(signal already aborted) does nothing and reports interrupted', async () => {
    const dir = tempDir();
    writePngs(dir, 4);
    const out = tempDir();
    const controller = new AbortController();
    controller.abort();
    const s = await runLocalThread({ recipe, input: await inputSource(dir, '/'), outDir: out, threads: 1, signal: controller.signal });
    expect([s.interrupted, s.done, s.seen]).toEqual([true, 0, 0]);
  });

  it('runLocalThread(onProgress throws) stops the batch and rejects with that error', async () => {
    const dir = tempDir();
    writePngs(dir, 40, { sub: false });
    const out = tempDir();
    const boom = new Error('progress bar broke');
    let calls = 0;
    const onProgress = () => {
      calls++;
      throw boom;
    };
    await expect(runLocalThread({ recipe, input: await inputSource(dir, '/'), outDir: out, threads: 1, onProgress })).rejects.toBe(boom);
    expect(calls).toBe(1);
    expect(listFiles(out).length).toBeLessThan(41); // stopped before the end (the journal is one of them)
  });
});

describe('threadEntryUrl', () => {
  it('threadEntryUrl(built module) is the entry beside it; threadEntryUrl(source) the built one in dist/', () => {
    expect(threadEntryUrl('file:///x/dist/batch/node/local-thread.js').href).toBe('file:///x/dist/batch/node/local-thread-entry.js');
    const src = new URL('../../../src/batch/node/local-thread.ts', import.meta.url).href;
    expect(fileURLToPath(threadEntryUrl(src))).toBe(
      fileURLToPath(new URL('../../../dist/batch/node/local-thread-entry.js', import.meta.url)),
    );
  });
});
