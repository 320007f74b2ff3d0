import { describe, expect, it } from 'vitest';
import { PRESETS, presetKernel, resizeKernel } from '../../lab/src/components/kernel-editor.js';

const sum = (k: number[][]) => k.flat().reduce((a, b) => a + b, 0);

describe('presetKernel(preset, size)', () => {
  it('presetKernel("box", 3) is nine ninths', () => {
    expect(presetKernel('box', 3).flat()).toEqual(new Array(9).fill(1 / 9));
  });

  it('presetKernel("gaussian", 7) sums to 1, peaks at the centre and is symmetric', () => {
    const g = presetKernel('gaussian', 7);
    expect(sum(g)).toBeCloseTo(1, 12);
    expect(Math.max(...g.flat())).toBe(g[3][3]);
    expect(g[0][1]).toBeCloseTo(g[1][0], 15);
    expect(g[0][0]).toBeCloseTo(g[6][6], 15);
    // sigma = 7/6: the ratio of neighbours on the axis is exp(-1 / (2 sigma²)) at the centre.
    expect(g[3][4] / g[3][3]).toBeCloseTo(Math.exp(-1 / (2 * (7 / 6) ** 2)), 12);
  });

  it('presetKernel("identity", 5) has a single 1 at [2][2]', () => {
    const k = presetKernel('identity', 5);
    expect(k[2][2]).toBe(1);
    expect(sum(k)).toBe(1);
  });

  it('presetKernel("sobel-x") and "sobel-y" are transposes; laplacian and sobel sum to 0, sharpen to 1', () => {
    const sx = presetKernel('sobel-x');
    const sy = presetKernel('sobel-y');
    expect(sy).toEqual(sx.map((_, i) => sx.map((row) => row[i])));
    expect(sum(sx)).toBe(0);
    expect(sum(presetKernel('laplacian'))).toBe(0);
    expect(sum(presetKernel('sharpen'))).toBe(1);
    expect(PRESETS.length).toBe(8);
  });

  it('presetKernel with an even size or an unknown preset throws a RangeError', () => {
    expect(() => presetKernel('box', 4)).toThrow(/size: expected an odd integer >= 1, got 4/);
    expect(() => presetKernel('blur' as never, 3)).toThrow(/preset: expected one of/);
  });
});

describe('resizeKernel(kernel, size)', () => {
  it('resizeKernel(3×3, 5) zero-pads around the centre; back to 3 restores it', () => {
    const k = presetKernel('sobel-x');
    const big = resizeKernel(k, 5);
    expect(big[0]).toEqual([0, 0, 0, 0, 0]);
    expect(big[2]).toEqual([0, -2, 0, 2, 0]);
    expect(resizeKernel(big, 3)).toEqual(k);
  });

  it('resizeKernel(3×3, 1) keeps the centre weight', () => {
    expect(resizeKernel(presetKernel('sharpen'), 1)).toEqual([[5]]);
  });
});
