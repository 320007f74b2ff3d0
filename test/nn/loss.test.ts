import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { softmaxCrossEntropy } from '../../src/nn/loss.js';
import { tensor } from '../../src/nn/tensor.js';

/** -sum_j target_j log softmax(z)_j with target (1 - e) onehot(y) + e / K, in float64. */
function smoothedRef(z: number[], y: number, e: number): number {
  const max = Math.max(...z);
  const lse = max + Math.log(z.reduce((a, v) => a + Math.exp(v - max), 0));
  return z.reduce((a, v, j) => a - ((j === y ? 1 - e : 0) + e / z.length) * (v - lse), 0);
}

describe('softmaxCrossEntropy', () => {
  it('softmaxCrossEntropy(logits, labels) of known logits: loss ln(1 + e^-2 + e^-1), gradient (p - onehot) / N', () => {
    const r = softmaxCrossEntropy(tensor([1, 3], new Float64Array([2, 0, 1])), [0]);
    const s = 1 + Math.exp(-2) + Math.exp(-1);
    expect(r.loss).toBeCloseTo(Math.log(s), 12);
    expect(r.grad.data[0]).toBeCloseTo(1 / s - 1, 12);
    expect(r.grad.data[1]).toBeCloseTo(Math.exp(-2) / s, 12);
    expect(r.correct).toBe(1);
  });

  for (const e of [0, 0.1, 0.5, 1]) {
    it(`softmaxCrossEntropy(logits, labels, ${e}) equals the smoothed-target cross-entropy and its gradient is the finite difference`, () => {
      const rng = new Rng(7);
      const [n, k] = [5, 7];
      const z = Float64Array.from({ length: n * k }, () => 4 * rng.random() - 2);
      const labels = [0, 6, 3, 3, 1];
      const r = softmaxCrossEntropy(tensor([n, k], z), labels, e);
      let ref = 0;
      for (let i = 0; i < n; i++) ref += smoothedRef(Array.from(z.subarray(i * k, (i + 1) * k)), labels[i], e);
      expect(r.loss).toBeCloseTo(ref / n, 12);
      const g = Float64Array.from(r.grad.data);
      const h = 1e-6;
      for (const idx of [0, 6, 13, 20, 34]) {
        const zp = Float64Array.from(z);
        const zm = Float64Array.from(z);
        zp[idx] += h;
        zm[idx] -= h;
        const fd =
          (softmaxCrossEntropy(tensor([n, k], zp), labels, e).loss - softmaxCrossEntropy(tensor([n, k], zm), labels, e).loss) / (2 * h);
        expect(g[idx]).toBeCloseTo(fd, 7);
      }
    });
  }

  it('softmaxCrossEntropy(logits, labels, 1.5) throws an ArgumentError naming smoothing', () => {
    expect(() => softmaxCrossEntropy(tensor([1, 2], new Float64Array(2)), [0], 1.5)).toThrow(ArgumentError);
    expect(() => softmaxCrossEntropy(tensor([1, 2], new Float64Array(2)), [0], 1.5)).toThrow(/smoothing/);
  });
});
