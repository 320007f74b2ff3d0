/** Parity of the WebAssembly passes (assembly/fft.ts) with the plain-TS passes (plan.ts), both variants. */
import { afterAll, describe, expect, it } from 'vitest';
import { setFftBackend, variantOf } from '../../src/fft/backend.js';
import { ComplexPlan } from '../../src/fft/plan.js';
import {
  cmulPlain,
  FOUR_STEP_MIN,
  fourStepSplit,
  WasmEngine,
  WasmFourStep,
  WasmRadixPlan,
  WasmRadixPlan32,
  wasmEngine,
} from '../../src/fft/wasm.js';
import { dftRef } from '../../src/ref/dft.js';
import { defaultVariant, type WasmVariant } from '../../src/wasm/loader.js';
import { randomBuffer, relErr } from './helpers.js';

// radix 4, 2, 3, 5, generic 7 / 11 / 13, mixed, Bluestein (inner plan in wasm), sizes 1 and 2
const SIZES = [1, 2, 3, 4, 5, 7, 8, 11, 16, 24, 25, 49, 60, 64, 77, 100, 128, 143, 210, 243, 1000, 1009, 4096, 5005, 65536];

afterAll(() => setFftBackend('auto'));

/** 'wasm' runs the best variant (relaxed SIMD where supported), 'wasm-simd' plain SIMD, 'wasm-scalar' neither. */
const BACKENDS = ['wasm', 'wasm-simd', 'wasm-scalar'] as const;
/** Every variant this engine runs: the default (relaxed where supported), SIMD and scalar. */
const VARIANTS: WasmVariant[] = [...new Set<WasmVariant>([defaultVariant(), 'simd', 'scalar'])];

describe.each(BACKENDS)('%s backend', (backend) => {
  it(`wasmEngine(${JSON.stringify(variantOf(backend) ?? defaultVariant())}) loads the fft family`, () => {
    expect(wasmEngine(variantOf(backend))).not.toBeNull();
  });
  it('plan.forward / backward match the TS passes within 1e-14', () => {
    for (const n of SIZES) {
      const plan = new ComplexPlan(n);
      const x = randomBuffer(2 * n, n);
      for (const bwd of [false, true]) {
        setFftBackend('ts');
        const want = new Float64Array(2 * n);
        bwd ? plan.backward(x, want) : plan.forward(x, want);
        setFftBackend(backend);
        const got = new Float64Array(2 * n);
        bwd ? plan.backward(x, got) : plan.forward(x, got);
        expect(relErr(got, want), `n=${n} bwd=${bwd}`).toBeLessThan(1e-14);
      }
    }
  });
  it('plan.forward with WasmEngine.twoBuffers on and off gives the same bits (odd and even pass counts, complex64 too)', () => {
    setFftBackend(backend);
    try {
      for (const n of [8, 64, 96, 512, 4096, 1 << 15, 1 << 16]) {
        const plan = new ComplexPlan(n);
        const x = randomBuffer(2 * n, n + 1);
        const x32 = Float32Array.from(x);
        const run = (two: boolean) => {
          WasmEngine.twoBuffers = two;
          const a = new Float64Array(2 * n);
          const b = new Float32Array(2 * n);
          plan.forward(x, a);
          plan.backward(x32, b);
          return [...a, ...b];
        };
        expect(run(true), `n=${n}`).toEqual(run(false));
      }
    } finally {
      WasmEngine.twoBuffers = true;
    }
  });
  it('plan.forward(x, x) in place and NaN propagation', () => {
    setFftBackend(backend);
    const plan = new ComplexPlan(96);
    const x = randomBuffer(192, 3);
    const want = new Float64Array(192);
    plan.forward(x, want);
    plan.forward(x, x);
    expect(relErr(x, want)).toBe(0);
    x[5] = Number.NaN;
    plan.forward(x, x);
    for (let k = 0; k < 96; k++) expect(Number.isNaN(x[2 * k]) || Number.isNaN(x[2 * k + 1]), `bin ${k}`).toBe(true);
  });
});

describe('WasmFourStep', () => {
  it('engine.c2c(new WasmFourStep(n, n1)) matches the radix passes (both directions, both variants)', () => {
    for (const variant of VARIANTS) {
      const engine = wasmEngine(variant)!;
      for (const [n, n1] of [
        [4096, 64],
        [6000, 60],
        [3 ** 8, 81],
      ]) {
        const x = randomBuffer(2 * n, n);
        for (const bwd of [false, true]) {
          const want = new Float64Array(2 * n);
          engine.c2c(new WasmRadixPlan(n), x, want, bwd);
          const got = new Float64Array(2 * n);
          engine.c2c(new WasmFourStep(n, n1), x, got, bwd);
          expect(relErr(got, want), `${variant} n=${n} bwd=${bwd}`).toBeLessThan(1e-14);
        }
      }
    }
  });
  it('fourStepSplit(n) is 0 below FOUR_STEP_MIN and a divisor near √n above it', () => {
    expect(fourStepSplit(1024)).toBe(0);
    if (Number.isFinite(FOUR_STEP_MIN)) expect(fourStepSplit(2 ** 20)).toBe(1024);
  });
});

describe.each(BACKENDS)('%s complex64 kernels', (backend) => {
  it('plan.forward / backward on Float32Array match the float64 TS passes within 1e-6 (powers of two)', () => {
    for (const n of [2, 4, 8, 16, 32, 128, 512, 2048, 8192]) {
      const plan = new ComplexPlan(n);
      const x = Float32Array.from(randomBuffer(2 * n, n));
      for (const bwd of [false, true]) {
        setFftBackend('ts');
        const want = new Float64Array(2 * n);
        const x64 = Float64Array.from(x);
        bwd ? plan.backward(x64, want) : plan.forward(x64, want);
        setFftBackend(backend);
        const got = new Float32Array(2 * n);
        bwd ? plan.backward(x, got) : plan.forward(x, got);
        expect(relErr(got, want), `n=${n} bwd=${bwd}`).toBeLessThan(1e-6);
      }
    }
  });
});

describe.each(BACKENDS)('complex64 float32 kernels, %s backend', (backend) => {
  // radix 3 and 5 in every pair layout (odd / even ido, odd l1, tails), mixed with 8 / 4 / 2
  const SMOOTH = [3, 5, 6, 9, 10, 15, 25, 27, 45, 60, 75, 96, 125, 243, 360, 625, 1000, 1215, 3125, 6000, 100000];
  // Bluestein lengths (prime, inner m 5-smooth) — 1000003 only on the default build (time)
  const BLUESTEIN = backend === 'wasm' ? [4099, 65537, 1000003] : [4099, 65537];
  const check = (n: number, tol: number) => {
    const plan = new ComplexPlan(n);
    const x = Float32Array.from(randomBuffer(2 * n, n + 7));
    const x64 = Float64Array.from(x);
    for (const bwd of [false, true]) {
      setFftBackend('wasm');
      const want = new Float64Array(2 * n);
      bwd ? plan.backward(x64, want) : plan.forward(x64, want);
      setFftBackend(backend);
      const got = new Float32Array(2 * n);
      bwd ? plan.backward(x, got) : plan.forward(x, got);
      expect(relErr(got, want), `n=${n} bwd=${bwd}`).toBeLessThan(tol);
      const inPlace = Float32Array.from(x);
      bwd ? plan.backward(inPlace, inPlace) : plan.forward(inPlace, inPlace);
      let diff = 0; // toEqual is slow on millions of elements
      for (let i = 0; i < 2 * n; i++) if (!Object.is(inPlace[i], got[i])) diff++;
      expect(diff, `n=${n} bwd=${bwd} in place`).toBe(0);
    }
  };
  it('plan.forward / backward on Float32Array at 5-smooth lengths match the float64 passes within 1e-6', () => {
    for (const n of SMOOTH) check(n, 1e-6);
  });
  it('plan.forward / backward on Float32Array at Bluestein lengths (float32 Bluestein) match float64 within 5e-6', () => {
    for (const n of BLUESTEIN) {
      expect(new ComplexPlan(n).bluestein, `n=${n}`).toBeDefined();
      check(n, 5e-6);
    }
    // and against the exact O(n²) DFT
    const n = 4099;
    const x = Float32Array.from(randomBuffer(2 * n, 3));
    const got = new Float32Array(2 * n);
    setFftBackend(backend);
    new ComplexPlan(n).forward(x, got);
    expect(relErr(got, dftRef(Float64Array.from(x)))).toBeLessThan(5e-6);
  });
  it('pass3_c64 / pass5_c64 SIMD and scalar builds agree to float32 rounding on batched columns (engine.radix32)', () => {
    const e = wasmEngine(variantOf(backend))!;
    for (const [n, batch] of [
      [15, 2],
      [45, 4],
      [75, 3],
      [30, 6],
    ] as const) {
      const plan = new WasmRadixPlan32(n);
      const x = Float32Array.from(randomBuffer(2 * n * batch, n * batch));
      const t = e.table(plan);
      const [a, o, s1, s2] = e.buffers([8 * n * batch, 8 * n * batch, 8 * n * batch, 8 * n * batch]);
      new Float32Array(e.k.memory.buffer, a, 2 * n * batch).set(x);
      e.radix32(plan, t, batch, a, batch, o, batch, false, s1, s2);
      const got = new Float32Array(e.k.memory.buffer, o, 2 * n * batch).slice();
      // column b of the batch against a float64 transform of that column
      const ref = new ComplexPlan(n);
      for (let b = 0; b < batch; b++) {
        const col = new Float64Array(2 * n);
        const gc = new Float64Array(2 * n);
        for (let j = 0; j < n; j++) {
          col[2 * j] = x[2 * (j * batch + b)];
          col[2 * j + 1] = x[2 * (j * batch + b) + 1];
          gc[2 * j] = got[2 * (j * batch + b)];
          gc[2 * j + 1] = got[2 * (j * batch + b) + 1];
        }
        setFftBackend('ts');
        const want = new Float64Array(2 * n);
        ref.forward(col, want);
        expect(relErr(gc, want), `n=${n} batch=${batch} col=${b}`).toBeLessThan(1e-6);
      }
    }
  });
});

describe.each(VARIANTS)('cmul kernels (%s)', (variant) => {
  it('k.cmul_c64 / k.cmul_c128 give the bits of cmulPlain (odd, prime and even counts, in place too)', () => {
    const e = wasmEngine(variant);
    expect(e).not.toBeNull();
    if (e === null) return;
    for (const n of [1, 2, 3, 7, 64, 131, 1000, 4099]) {
      for (const single of [true, false]) {
        const View = single ? Float32Array : Float64Array;
        const a = View.from(randomBuffer(2 * n, n));
        const b = View.from(randomBuffer(2 * n, n + 7));
        a[0] = Number.NaN; // NaN propagates
        const want = new View(2 * n);
        cmulPlain(a, b, want, n, single);
        const eb = View.BYTES_PER_ELEMENT * 2 * n;
        const [pa, pb, po] = e.buffers([eb, eb, eb]);
        new View(e.k.memory.buffer, pa, 2 * n).set(a);
        new View(e.k.memory.buffer, pb, 2 * n).set(b);
        const k = e.k.exports;
        (single ? k.cmul_c64 : k.cmul_c128)(pa, pb, po, n);
        expect(Array.from(new View(e.k.memory.buffer, po, 2 * n)), `n=${n} single=${single}`).toEqual(Array.from(want));
        (single ? k.cmul_c64 : k.cmul_c128)(pa, pb, pa, n); // out = a
        expect(Array.from(new View(e.k.memory.buffer, pa, 2 * n)), `in place n=${n}`).toEqual(Array.from(want));
      }
    }
    // the float32 product really rounds each step: differs from float64 arithmetic rounded once
    const a = Float32Array.of(1 + 2 ** -23, 3, 0, 0);
    const b = Float32Array.of(1 - 2 ** -23, 1 / 3, 0, 0);
    const o = new Float32Array(4);
    cmulPlain(a, b, o, 2, true);
    expect(o[0]).toBe(Math.fround(Math.fround(a[0] * b[0]) - Math.fround(a[1] * b[1])));
  });
});
