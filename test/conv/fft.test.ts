import { describe, expect, it } from 'vitest';
import { convolve, correlate } from '../../src/conv/index.js';
import { normErr, rand, tolOf } from './helpers.js';

describe('convolveFft (method fft / oa)', () => {
  it('convolve(x, k, { method: "fft" | "oa" }) agrees with direct: real, complex, N-D, every mode and boundary', () => {
    const cases: [number[], number[], 'float64' | 'float32' | 'complex128'][] = [
      [[300], [17], 'float64'],
      [[5], [9], 'float64'],
      [[23, 19], [5, 6], 'float64'],
      [[23, 19], [4, 3], 'float32'],
      [[9, 8], [3, 4], 'complex128'],
      [[6, 5, 7], [3, 2, 4], 'float64'],
    ];
    let seed = 10;
    for (const [xs, ks, dtype] of cases) {
      const x = rand(xs, dtype, seed++);
      const k = rand(ks, dtype, seed++);
      for (const mode of ['full', 'same', 'valid'] as const) {
        for (const boundary of ['constant', 'reflect', 'mirror', 'nearest', 'wrap'] as const) {
          for (const cval of [0, 1.5]) {
            const opts = { mode, boundary, cval };
            const want = convolve(x, k, { ...opts, method: 'direct' });
            for (const method of ['fft', 'oa'] as const) {
              const label = `${xs}/${ks} ${dtype} ${mode} ${boundary} ${cval} ${method}`;
              expect(normErr(convolve(x, k, { ...opts, method }), want), label).toBeLessThan(tolOf(dtype));
              expect(normErr(correlate(x, k, { ...opts, method }), correlate(x, k, { ...opts, method: 'direct' })), label).toBeLessThan(
                tolOf(dtype),
              );
            }
          }
        }
      }
    }
  });
  it('convolve(long 1-D, short k, { method: "oa" }) spans many blocks', () => {
    const x = rand([20000], 'float64', 1);
    const k = rand([100], 'float64', 2);
    expect(
      normErr(
        convolve(x, k, { method: 'oa', mode: 'same', boundary: 'mirror' }),
        convolve(x, k, { method: 'direct', mode: 'same', boundary: 'mirror' }),
      ),
    ).toBeLessThan(1e-12);
  });
  it('convolve(float32 512², 63², { method: "fft" }) runs float32 transforms within 1e-5 of direct', () => {
    const x = rand([512, 512], 'float32', 3);
    const k = rand([63, 63], 'float32', 4);
    const fft = convolve(x, k, { method: 'fft', mode: 'same' });
    expect(fft.dtype).toBe('float32');
    expect(normErr(fft, convolve(x, k, { method: 'direct', mode: 'same' }))).toBeLessThan(1e-5);
  });
});
