import { describe, expect, it } from 'vitest';
import { chooseEngine } from '../../src/match/index.js';

describe('chooseEngine', () => {
  const one = { terms: 1, sources: 1, sums: 1 };
  it('chooseEngine(H, W, h, w, work) picks direct for small templates and fft for large ones', () => {
    expect(chooseEngine(1024, 1024, 5, 5, one)).toBe('direct');
    expect(chooseEngine(1024, 1024, 8, 8, one)).toBe('direct');
    expect(chooseEngine(1024, 1024, 24, 24, one)).toBe('fft');
    expect(chooseEngine(2048, 2048, 128, 128, one)).toBe('fft');
    // a template as large as the image leaves one output: direct
    expect(chooseEngine(64, 64, 64, 64, one)).toBe('direct');
  });
  it('chooseEngine counts every term: more correlations favour the transform that is shared', () => {
    expect(chooseEngine(512, 512, 12, 12, one)).toBe('direct');
    expect(chooseEngine(512, 512, 12, 12, { terms: 15, sources: 6, sums: 8 })).toBe('fft');
  });
});
