import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/search-eval.js';
import { command as train } from '../../src/cli/commands/search-train.js';
import { runIn } from '../match/cli.js';
import { tempDir } from './helpers.js';

describe('convolab search-eval', () => {
  it('search-eval DIR --json (small gallery and queries) reports the autoencoder, pixel and Sobel rows', async () => {
    const dir = tempDir();
    expect((await runIn(train, ['--out', dir, '--limit', '5', '--epochs', '1', '--dim', '8'])).code).toBe(0);
    const r = await runIn(command, [dir, '--json', '--queries', '3', '--gallery-limit', '20', '--recolour', '10', '--threads', '1']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ gallery: 200, queries: 30, recoloured: 10, metric: 'cosine' });
    expect(doc.rows.map((x: { features: string }) => x.features)).toEqual(['autoencoder', 'pixels', 'sobel']);
    for (const row of doc.rows) {
      expect(row.precision_at_k['1']).toBeGreaterThanOrEqual(0);
      expect(row.precision_at_k['10']).toBeLessThanOrEqual(1);
      expect(row.map).toBeGreaterThan(0.1);
      expect(row.colour_overlap).toBeGreaterThan(0.3);
      expect(row.per_class).toHaveLength(10);
      expect(row.per_class[0]).toMatchObject({ class: 'T-shirt/top', queries: 3 });
    }
    // Raw pixels on Fashion-MNIST retrieve well above chance (0.1) even from a 200-image gallery.
    expect(doc.rows[1].precision_at_k['10']).toBeGreaterThan(0.5);
  });

  it('search-eval DIR (no model) prints the baseline table; --features bogus is a usage error', async () => {
    const dir = tempDir();
    const r = await runIn(command, [dir, '--queries', '2', '--gallery-limit', '10', '--recolour', '0', '--threads', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^20 test queries vs 100 training images/);
    expect(r.stdout).toMatch(/\npixels +0\.\d{4} 0\.\d{4} 0\.\d{4}/);
    expect(r.stdout).toMatch(/\nsobel +0\.\d{4}/);
    expect(r.stdout).not.toMatch(/autoencoder/);
    expect((await runIn(command, [dir, '--features', 'bogus'])).code).toBe(2);
  });
});
