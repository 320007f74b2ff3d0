import { describe, expect, test } from 'vitest';
import { savgolFilter } from '../../src/stats/savgol.js';
import { ewm, sma } from '../../src/stats/smooth.js';
import { kernelOf, parseSmoothSpec, smooth } from '../../src/stats/spec.js';

const x = Array.from({ length: 30 }, (_, i) => Math.sin(i / 3) + (i % 4) * 0.1);

describe('spec', () => {
  test('parseSmoothSpec reads sma:5, ewm:0.3, savgol:11:3, gaussian:2', () => {
    expect(parseSmoothSpec('sma:5')).toEqual({ method: 'sma', window: 5 });
    expect(parseSmoothSpec('ewm:0.3')).toEqual({ method: 'ewm', alpha: 0.3 });
    expect(parseSmoothSpec('savgol:11:3')).toEqual({ method: 'savgol', window: 11, polyorder: 3 });
    expect(parseSmoothSpec('gaussian:2')).toEqual({ method: 'gaussian', sigma: 2 });
  });

  test('parseSmoothSpec refuses unknown or malformed specs, naming the argument', () => {
    expect(() => parseSmoothSpec('median:3')).toThrow(/method: cannot read "median:3"/);
    expect(() => parseSmoothSpec('sma:')).toThrow(/method: cannot read/);
    expect(() => parseSmoothSpec('ewm:2')).toThrow(/method: expected a number in \(0, 1\)/);
  });

  test('smooth(x, spec) dispatches to the named smoother', () => {
    expect(Array.from(smooth(x, 'sma:3'))).toEqual(Array.from(sma(x, 3)));
    expect(Array.from(smooth(x, 'ewm:0.4'))).toEqual(Array.from(ewm(x, 0.4)));
    expect(Array.from(smooth(x, 'savgol:7:2'))).toEqual(Array.from(savgolFilter(x, 7, 2)));
  });

  test('kernelOf(spec) returns the convolution kernel (length and sum)', () => {
    expect(kernelOf({ method: 'sma', window: 4 }).length).toBe(4);
    expect(kernelOf({ method: 'savgol', window: 7, polyorder: 2 }).reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  });
});
