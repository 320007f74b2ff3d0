import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSearchModel } from '../../src/cli/commands/search.js';
import { command } from '../../src/cli/commands/search-train.js';
import { runIn } from '../match/cli.js';
import { tempDir } from './helpers.js';

describe('convolab search-train', () => {
  it('search-train --out DIR --limit 8 --epochs 2 --dim 16 --json writes a loadable model', async () => {
    const dir = tempDir();
    const r = await runIn(command, ['--out', dir, '--limit', '8', '--epochs', '2', '--dim', '16', '--input', 'both', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ input: 'both', tone: 'equalize', dim: 16, supervision: 0 });
    expect(doc.epochs).toHaveLength(2);
    expect(doc.epochs[1].reconstruction).toBeLessThan(doc.epochs[0].reconstruction);
    const ae = readSearchModel(dir);
    expect(ae.dim).toBe(16);
    expect(ae.input).toBe('both');
    expect(JSON.parse(readFileSync(join(dir, 'search-model.json'), 'utf8')).training.images).toBe(80);
  });

  it('search-train without --out, or with --input rgb, is a usage error', async () => {
    expect((await runIn(command, [])).code).toBe(2);
    const r = await runIn(command, ['--out', tempDir(), '--input', 'rgb']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--input: expected one of gray, sobel, both/);
  });
});
