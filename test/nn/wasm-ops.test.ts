import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { modelFromSpec } from '../../src/nn/model.js';
import { tensor } from '../../src/nn/tensor.js';
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

/** max |a - b| / (floor + |b|) */
function maxRelErr(a: ArrayLike<number>, b: ArrayLike<number>, floor: number): number {
  let e = 0;
  for (let i = 0; i < b.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]) / (floor + Math.abs(b[i])));
  return e;
}

describe('batchNormForwardF32 / batchNormGradF32 (BatchNorm2D and BatchNorm1D in float32, alone and fused with a ReLU) match the float64 loops', () => {
  const cases: Array<[string, number[], number]> = [
    ['batchnorm2d', [1, 1, 1], 2],
    ['batchnorm2d', [3, 5, 7], 4],
    ['batchnorm2d', [2, 4, 4], 3],
    ['batchnorm2d', [5, 13, 11], 2],
    ['batchnorm2d', [32, 28, 28], 5],
    ['batchnorm1d', [37], 9],
  ];
  for (const [type, shape, n, relu] of cases.flatMap(([t, s, n]) => [[t, s, n, false] as const, [t, s, n, true] as const])) {
    for (const training of [true, false]) {
      const what = `${type}${relu ? ' + relu (fused)' : ''} over [${n}, ${shape}] (${training ? 'training' : 'inference'})`;
      it(`${what}: forward, running stats, dx, dgamma, dbeta`, () => {
        const layers = relu ? [{ type }, { type: 'relu' }] : [{ type }];
        const spec = { format: 'convolab-model', version: 1, inputShape: shape, layers };
        const f32 = modelFromSpec(spec, { dtype: 'float32' });
        f32.fuseActivations();
        if (relu) expect((f32.layers[0] as unknown as { fuseRelu: boolean }).fuseRelu).toBe(true);
        const f64 = modelFromSpec(spec, { dtype: 'float64' });
        const rng = new Rng(shape.reduce((a, b) => a * b, n));
        const c = shape[0];
        // gamma, beta and running statistics away from their initial 1, 0
        for (let i = 0; i < c; i++) {
          const vals = [0.5 + rng.random(), rng.random() - 0.5, rng.random() - 0.5, 0.5 + rng.random()];
          vals.forEach((v, j) => {
            f32.params[j * c + i] = v;
            f64.params[j * c + i] = Math.fround(v);
          });
        }
        const size = n * shape.reduce((a, b) => a * b, 1);
        const x32 = new Float32Array(size);
        const dy32 = new Float32Array(size);
        for (let i = 0; i < size; i++) {
          x32[i] = 3 * rng.random() + 1.5; // an offset mean, as after a convolution
          dy32[i] = rng.random() - 0.5;
        }
        const ctx = { training, rng: new Rng(0) };
        // centred inputs when a ReLU follows (so both of its sides are exercised)
        if (relu) for (let i = 0; i < size; i++) x32[i] -= 3;
        const y32 = f32.forward(tensor([n, ...shape], x32), ctx).data;
        const y64 = f64.forward(tensor([n, ...shape], Float64Array.from(x32)), ctx).data;
        expect(maxRelErr(y32, y64, 1)).toBeLessThan(2e-5);
        for (let i = 0; i < f32.params.length; i++) expect(f32.params[i]).toBeCloseTo(f64.params[i], 5);
        f32.zeroGrad();
        f64.zeroGrad();
        const dx32 = f32.backwardInput(tensor([n, ...shape], dy32)).data;
        const dx64 = f64.backwardInput(tensor([n, ...shape], Float64Array.from(dy32))).data;
        // relative to the largest dx or dy (with m = 2 samples per channel dx nearly cancels to 0)
        let scale = 0.5;
        for (const v of dx64) scale = Math.max(scale, Math.abs(v));
        expect(maxRelErr(dx32, dx64, scale)).toBeLessThan(1e-4);
        expect(maxRelErr(f32.grads.subarray(0, 2 * c), f64.grads.subarray(0, 2 * c), 1)).toBeLessThan(1e-4);
      });
    }
  }
});
