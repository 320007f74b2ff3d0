/**
 * Seeded initialisers. He (Kaiming) normal, std = sqrt(2 / fanIn) (He et al. 2015,
 * https://arxiv.org/abs/1502.01852); Glorot (Xavier) uniform, bound = sqrt(6 / (fanIn +
 * fanOut)) (Glorot & Bengio 2010). Biases zeros, batch-norm scales ones.
 */
import type { Rng } from '../core/rng.js';
import type { Param } from './layer.js';

export function initParam(p: Param, rng: Rng): void {
  const v = p.value;
  switch (p.init) {
    case 'zeros':
      v.fill(0);
      return;
    case 'ones':
      v.fill(1);
      return;
    case 'he': {
      const std = Math.sqrt(2 / p.fanIn);
      for (let i = 0; i < v.length; i++) v[i] = rng.normal(0, std);
      return;
    }
    case 'glorot': {
      const b = Math.sqrt(6 / (p.fanIn + p.fanOut));
      for (let i = 0; i < v.length; i++) v[i] = rng.uniform(-b, b);
      return;
    }
  }
}
