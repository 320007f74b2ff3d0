import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/core/index.js';
import { gabor, gaussian, KERNELS, log, parseKernelSpec, sobelX } from '../../src/filters/index.js';

describe('parseKernelSpec', () => {
  it("parseKernelSpec('gaussian:2.5') builds gaussian(2.5)", () => {
    const p = parseKernelSpec('gaussian:2.5');
    expect(p.name).toBe('gaussian');
    expect(p.combine).toBe('single');
    expect([...p.kernels[0].data]).toEqual([...gaussian(2.5).data]);
  });
  it("parseKernelSpec('sobel') is a magnitude pair; 'sobel-x' one kernel", () => {
    const p = parseKernelSpec('sobel');
    expect(p.combine).toBe('magnitude');
    expect(p.kernels.length).toBe(2);
    expect([...parseKernelSpec('sobel-x').kernels[0].data]).toEqual([...sobelX().data]);
  });
  it('parseKernelSpec handles box:3, log:2, laplacian:8, gabor:4,30,10, motion:9,45, and defaults', () => {
    expect(parseKernelSpec('box:3').kernels[0].shape).toEqual([3, 3]);
    expect([...parseKernelSpec('log:2').kernels[0].data]).toEqual([...log(2).data]);
    expect(parseKernelSpec('laplacian:8').kernels[0].data[4]).toBe(-8);
    expect(parseKernelSpec('laplacian').kernels[0].data[4]).toBe(-4);
    expect([...parseKernelSpec('gabor:4,30,10').kernels[0].data]).toEqual([...gabor(4, 30, 10).data]);
    expect(parseKernelSpec('motion:9,45').kernels[0].shape).toEqual([9, 9]);
    expect(parseKernelSpec('sharpen').kernels[0].data[4]).toBe(5);
    expect(parseKernelSpec('emboss').args).toEqual([]);
  });
  it('parseKernelSpec rejects unknown names (listing them), bad numbers and wrong arity', () => {
    expect(() => parseKernelSpec('blur:3')).toThrow(ArgumentError);
    expect(() => parseKernelSpec('blur:3')).toThrow(/expected one of identity, box, gaussian/);
    expect(() => parseKernelSpec('gaussian:abc')).toThrow(/not a number/);
    expect(() => parseKernelSpec('gaussian')).toThrow(/usage gaussian:SIGMA/);
    expect(() => parseKernelSpec('gaussian:-1')).toThrow(/sigma: expected a positive number/);
    expect(() => parseKernelSpec('constructor')).toThrow(/unknown kernel/);
  });
  it('every KERNELS entry has a one-line description and builds with its minimum parameters', () => {
    for (const [name, e] of Object.entries(KERNELS)) {
      expect(e.description.length, name).toBeGreaterThan(10);
      expect(e.description.includes('\n')).toBe(false);
      const args = [2, 30, 8, 0.5, 0].slice(0, e.arity[0]);
      const ks = e.make(name === 'motion' ? [5] : args);
      expect(ks.length).toBeGreaterThan(0);
    }
  });
});
