import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { maxPool2x2F32, maxPoolGradF32, reluF32, reluGradF32 } from '../../src/nn/wasm-ops.js';

function rand(rng: Rng, n: number): Float32Array {
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = rng.random() * 2 - 1;
  return x;
}

/** The plain loop of pool.ts (pool2x2): first maximum in row-major window order wins. */
function poolRef(x: Float32Array, planes: number, h: number, w: number, oh: number, ow: number) {
  const y = new Float32Array(planes * oh * ow);
  const am = new Int32Array(y.length);
  let o = 0;
  for (let p = 0; p < planes; p++) {
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++, o++) {
        let at = p * h * w + 2 * oy * w + 2 * ox;
        for (const d of [1, w, w + 1]) if (x[p * h * w + 2 * oy * w + 2 * ox + d] > x[at]) at = p * h * w + 2 * oy * w + 2 * ox + d;
        y[o] = x[at];
        am[o] = at;
      }
    }
  }
  return { y, am };
}

describe('reluF32 / reluGradF32', () => {
  for (const n of [1, 3, 4, 7, 37, 1031]) {
    it(`reluF32(x, y) and reluGradF32(dy, x, dx) with n = ${n} equal max(x, 0) and dy * (x > 0)`, () => {
      const rng = new Rng(n);
      const x = rand(rng, n);
      const dy = rand(rng, n);
      const y = new Float32Array(n);
      const dx = new Float32Array(n);
      reluF32(x, y);
      reluGradF32(dy, x, dx);
      for (let i = 0; i < n; i++) {
        expect(y[i]).toBe(Math.max(x[i], 0));
        expect(dx[i]).toBe(x[i] > 0 ? dy[i] : 0);
      }
    });
  }

  it('reluF32 keeps NaN (so a diverging loss is still detected), maps -0 and negatives to 0', () => {
    const x = new Float32Array([Number.NaN, -0, -1, 2, Number.NaN]);
    const y = new Float32Array(5);
    reluF32(x, y);
    expect([...y]).toEqual([Number.NaN, 0, 0, 2, Number.NaN]);
  });
});

describe('maxPool2x2F32 / maxPoolGradF32', () => {
  for (const [planes, h, w] of [
    [1, 2, 2],
    [3, 5, 7],
    [2, 8, 8],
    [4, 24, 24],
    [2, 9, 19],
  ]) {
    it(`maxPool2x2F32 over [${planes}, ${h}, ${w}] matches the plain loop (values and arg-max), and its gradient scatters to the arg-max`, () => {
      const rng = new Rng(planes * 100 + h * 10 + w);
      const x = rand(rng, planes * h * w);
      for (let i = 0; i < x.length; i += 5) x[i] = x[i - (i % 2)]; // ties: the first maximum must win
      const oh = h >> 1;
      const ow = w >> 1;
      const want = poolRef(x, planes, h, w, oh, ow);
      const y = new Float32Array(want.y.length);
      const am = new Int32Array(want.y.length);
      maxPool2x2F32(x, planes, h, w, oh, ow, y, am);
      expect([...y]).toEqual([...want.y]);
      expect([...am]).toEqual([...want.am]);
      const dy = rand(rng, y.length);
      const dx = new Float32Array(x.length).fill(7); // overwritten, not accumulated
      maxPoolGradF32(dy, am, dx);
      const ref = new Float32Array(x.length);
      for (let i = 0; i < dy.length; i++) ref[am[i]] += dy[i];
      expect([...dx]).toEqual([...ref]);
    });
  }
});
