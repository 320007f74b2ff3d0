import { describe, expect, test } from 'vitest';
import { seriesFromCsv } from '../../src/stats/csv-series.js';

const text = 'year,y\n2000,1\n2001,\n2002,3\n';

describe('csv-series', () => {
  test('seriesFromCsv refuses gaps, naming the file, column and row', () => {
    expect(() => seriesFromCsv(text, 'y', { name: 'a.csv' })).toThrow(
      /a\.csv: column y has 1 missing or non-finite value\(s\), the first at data row 2; pass --interpolate/,
    );
  });

  test('seriesFromCsv(text, column, { interpolate: true }) fills gaps linearly', () => {
    const r = seriesFromCsv(text, 'y', { interpolate: true });
    expect(Array.from(r.values)).toEqual([1, 2, 3]);
    expect(r.gaps).toBe(1);
    expect(Array.from(seriesFromCsv(text, 0).values)).toEqual([2000, 2001, 2002]);
  });
});
