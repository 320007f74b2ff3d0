import { describe, expect, it } from 'vitest';
import { zeros } from '../../src/core/index.js';
import { makeCorrelator, tilePrecision } from '../../src/match/engine.js';
import { chooseEngine, matchTemplate } from '../../src/match/index.js';
import { asPlanes } from '../../src/match/planes.js';
import { TileCorrelator } from '../../src/match/tileCorrelator.js';
import { randImage } from './helpers.js';

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
  it('tilePrecision(img, method) is float32 for float32 / uint8 planes except the squared differences', () => {
    const f32 = asPlanes(zeros([8, 8], 'float32'), 'image');
    expect(tilePrecision(f32, 'ccoeff_normed')).toBe('float32');
    expect(tilePrecision(asPlanes(zeros([8, 8], 'uint8'), 'image'), 'ccorr')).toBe('float32');
    expect(tilePrecision(f32, 'sqdiff')).toBe('float64');
    expect(tilePrecision(f32, 'sqdiff_normed')).toBe('float64');
    expect(tilePrecision(asPlanes(zeros([8, 8], 'float64'), 'image'), 'ccoeff_normed')).toBe('float64');
    const corr = makeCorrelator('fft', f32, asPlanes(zeros([3, 3], 'float32'), 'template'), one, 'ccoeff');
    expect(corr).toBeInstanceOf(TileCorrelator);
  });
  it("matchTemplate(image, piece of it, { method: 'sqdiff', engine: 'fft' }) is exactly 0 at the piece", () => {
    const img = randImage([300, 257], 3, 'float32', true);
    const tpl = zeros([41, 37], 'float32');
    for (let r = 0; r < 41; r++) for (let c = 0; c < 37; c++) tpl.data[r * 37 + c] = img.data[(100 + r) * 257 + 60 + c];
    const map = matchTemplate(img, tpl, { method: 'sqdiff', engine: 'fft' });
    expect(map.data[100 * map.shape[1] + 60]).toBe(0);
  });
});
