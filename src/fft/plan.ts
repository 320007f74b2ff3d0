/**
 * Complex FFT plans: factorise n into radix passes (4, 2, 3, 5, generic odd) run as a
 * Stockham autosort, or Bluestein's chirp-z for lengths whose large prime factor makes that
 * cheaper (pocketfft's cost guess). Twiddles are computed once per plan; executing keeps no
 * state on the plan (scratch comes from a pool), so one plan may serve concurrent callers.
 *
 * All transforms here are unnormalised: forward = Σ x_j e^{−2πi jk/n}, backward = Σ X_k e^{+2πi jk/n}.
 * Buffers are interleaved complex (re, im): a length-n transform reads and writes 2n scalars.
 */
import { LimitError } from '../core/errors.js';
import { fftBackend, variantOf, WASM_MIN_N } from './backend.js';
import { bluesteinLength, factorize, useBluestein } from './factor.js';
import { pass2, pass3, pass4, pass5, passOdd } from './passes.js';
import { giveScratch, takeScratch } from './scratch.js';
import { cis2pi } from './twiddle.js';
import {
  fourStepSplit,
  WasmBluestein,
  WasmBluestein32,
  WasmFourStep,
  type WasmPlan,
  WasmRadixPlan,
  WasmRadixPlan32,
  wasmEngine,
} from './wasm.js';

interface Stage {
  p: number;
  l1: number;
  ido: number;
  /** Offset of this pass's twiddles in the plan's tables (scalars). */
  tb: number;
  /** (cos, sin)(2π q / p), for generic odd passes. */
  roots?: Float64Array;
}

interface Bluestein {
  /** Convolution length (5-smooth, >= 2n − 1). */
  m: number;
  plan: ComplexPlan;
  /** e^{−πi k²/n}, k = 0..n−1, interleaved. */
  chirp: Float64Array;
  /** FFT_m of the conjugate chirp (wrapped), divided by m. */
  kernel: Float64Array;
}

export class ComplexPlan {
  readonly n: number;
  /** Radix of each pass (empty for n = 1 or Bluestein). */
  readonly factors: readonly number[];
  readonly stages: readonly Stage[];
  /** Forward twiddles e^{−2πi…} and backward ones e^{+2πi…}, per stage (see passes.ts). */
  readonly twF: Float64Array;
  readonly twB: Float64Array;
  readonly bluestein: Bluestein | undefined;
  /** The WebAssembly tables of this plan, built on first use. */
  private wasm: WasmPlan | undefined;
  /** The complex64 WebAssembly tables (5-smooth lengths, or Bluestein over one), built on first use; null: none. */
  private wasm32: WasmRadixPlan32 | WasmBluestein32 | null | undefined;

  constructor(n: number) {
    this.n = n;
    if (n > 1 && useBluestein(n)) {
      this.factors = [];
      this.stages = [];
      this.twF = new Float64Array(0);
      this.twB = new Float64Array(0);
      this.bluestein = makeBluestein(n);
      return;
    }
    this.bluestein = undefined;
    this.factors = n > 1 ? factorize(n) : [];
    const stages: Stage[] = [];
    let l1 = 1;
    let size = 0;
    for (const p of this.factors) {
      const ido = n / (l1 * p);
      stages.push({ p, l1, ido, tb: size });
      size += 2 * (p - 1) * ido;
      l1 *= p;
    }
    this.twF = new Float64Array(size);
    this.twB = new Float64Array(size);
    const cs = [0, 0];
    for (const st of stages) {
      for (let j = 1; j < st.p; j++) {
        for (let i = 0; i < st.ido; i++) {
          cis2pi(j * st.l1 * i, n, cs);
          const at = st.tb + 2 * ((j - 1) * st.ido + i);
          this.twF[at] = cs[0];
          this.twF[at + 1] = -cs[1];
          this.twB[at] = cs[0];
          this.twB[at + 1] = cs[1];
        }
      }
      if (st.p > 5) {
        st.roots = new Float64Array(2 * st.p);
        for (let q = 0; q < st.p; q++) cis2pi(q, st.p, st.roots, 2 * q);
      }
    }
    this.stages = stages;
  }

  /** out = FFT(input), unnormalised. `input` is not modified; out may be input. float32 in and out runs float32 kernels (5-smooth n, or Bluestein over a 5-smooth m), else float64. */
  forward(input: Float64Array | Float32Array, out: Float64Array | Float32Array): void {
    this.exec(input, out, false);
  }

  /** out = unnormalised inverse FFT(input) (no 1/n). */
  backward(input: Float64Array | Float32Array, out: Float64Array | Float32Array): void {
    this.exec(input, out, true);
  }

  private exec(input: Float64Array | Float32Array, out: Float64Array | Float32Array, bwd: boolean): void {
    const n = this.n;
    if (n === 1) {
      out[0] = input[0];
      out[1] = input[1];
      return;
    }
    const backend = fftBackend();
    if (backend !== 'ts' && (n >= WASM_MIN_N || backend !== 'auto')) {
      const engine = wasmEngine(variantOf(backend));
      if (engine && input instanceof Float32Array && out instanceof Float32Array) {
        if (this.wasm32 === undefined) this.wasm32 = this.makeWasmPlan32();
        try {
          if (this.wasm32 instanceof WasmRadixPlan32) {
            engine.c2c32(this.wasm32, input, out, bwd);
            return;
          }
          if (this.wasm32 instanceof WasmBluestein32) {
            engine.bluestein32(this.wasm32, input, out, bwd);
            return;
          }
        } catch (err) {
          if (!(err instanceof LimitError)) throw err;
        }
      }
      if (engine) {
        this.wasm ??= this.makeWasmPlan();
        try {
          engine.c2c(this.wasm, input, out, bwd);
          return;
        } catch (err) {
          // wasm memory could not grow for this length: fall through to the TS passes
          if (!(err instanceof LimitError)) throw err;
        }
      }
    }
    if (input instanceof Float64Array && out instanceof Float64Array) {
      this.run(input, out, bwd);
      return;
    }
    const a = takeScratch(2 * n);
    a.set(input.subarray(0, 2 * n));
    this.run(a, a, bwd);
    out.set(a);
    giveScratch(a);
  }

  /** complex64 runs float32 kernels for 5-smooth lengths and Bluestein over a 5-smooth m; else null (float64). */
  private makeWasmPlan32(): WasmRadixPlan32 | WasmBluestein32 | null {
    const bs = this.bluestein;
    if (bs) return WasmRadixPlan32.fitsSmooth(bs.plan.factors) ? new WasmBluestein32(this.n, bs.chirp, bs.kernel) : null;
    return WasmRadixPlan32.fitsSmooth(this.factors) ? new WasmRadixPlan32(this.n, this.factors) : null;
  }

  private makeWasmPlan(): WasmPlan {
    if (this.bluestein) return new WasmBluestein(this.n, this.bluestein.chirp, this.bluestein.kernel);
    const n1 = fourStepSplit(this.n);
    return n1 > 0 ? new WasmFourStep(this.n, n1) : new WasmRadixPlan(this.n);
  }

  /** The plain-TS transform (reference path), float64 only. */
  private run(input: Float64Array, out: Float64Array, bwd: boolean): void {
    const n = this.n;
    if (this.bluestein) {
      runBluestein(this.bluestein, n, input, out, bwd);
      return;
    }
    const stages = this.stages;
    const tw = bwd ? this.twB : this.twF;
    const scratch = takeScratch(2 * n);
    let src = input;
    let copy: Float64Array | undefined;
    if (input === out) {
      copy = takeScratch(2 * n);
      copy.set(input);
      src = copy;
    }
    // Choose the first destination so that the last pass writes `out`.
    let dst = stages.length % 2 === 1 ? out : scratch;
    for (const st of stages) {
      const { p, l1, ido, tb } = st;
      if (p === 4) pass4(ido, l1, src, dst, tw, tb, bwd);
      else if (p === 2) pass2(ido, l1, src, dst, tw, tb);
      else if (p === 3) pass3(ido, l1, src, dst, tw, tb, bwd);
      else if (p === 5) pass5(ido, l1, src, dst, tw, tb, bwd);
      else passOdd(p, st.roots!, ido, l1, src, dst, tw, tb, bwd);
      src = dst;
      dst = dst === out ? scratch : out;
    }
    giveScratch(scratch);
    if (copy) giveScratch(copy);
  }
}

function makeBluestein(n: number): Bluestein {
  const m = bluesteinLength(n);
  const chirp = new Float64Array(2 * n);
  // k² mod 2n, updated exactly: (k+1)² = k² + 2k + 1
  let r = 0;
  const cs = [0, 0];
  for (let k = 0; k < n; k++) {
    cis2pi(r, 2 * n, cs);
    chirp[2 * k] = cs[0];
    chirp[2 * k + 1] = -cs[1];
    r = (r + 2 * k + 1) % (2 * n);
  }
  const plan = new ComplexPlan(m);
  const b = new Float64Array(2 * m); // conj chirp at ±k (wrapped), scaled by 1/m
  for (let k = 0; k < n; k++) {
    const re = chirp[2 * k] / m;
    const im = -chirp[2 * k + 1] / m;
    b[2 * k] = re;
    b[2 * k + 1] = im;
    if (k > 0) {
      b[2 * (m - k)] = re;
      b[2 * (m - k) + 1] = im;
    }
  }
  const kernel = new Float64Array(2 * m);
  plan.forward(b, kernel);
  return { m, plan, chirp, kernel };
}

/**
 * Bluestein: X_k = w_k Σ_j (x_j w_j) conj(w_{k−j}), w_k = e^{−πi k²/n}, the sum done as a
 * circular convolution of length m via two FFTs. The inverse conjugates input and output.
 */
function runBluestein(bs: Bluestein, n: number, input: Float64Array, out: Float64Array, bwd: boolean): void {
  const { m, chirp, kernel } = bs;
  const a = takeScratch(2 * m);
  const sg = bwd ? -1 : 1;
  for (let k = 0; k < n; k++) {
    const xr = input[2 * k];
    const xi = sg * input[2 * k + 1];
    const cr = chirp[2 * k];
    const ci = chirp[2 * k + 1];
    a[2 * k] = xr * cr - xi * ci;
    a[2 * k + 1] = xr * ci + xi * cr;
  }
  a.fill(0, 2 * n);
  bs.plan.forward(a, a);
  for (let k = 0; k < m; k++) {
    const ar = a[2 * k];
    const ai = a[2 * k + 1];
    const br = kernel[2 * k];
    const bi = kernel[2 * k + 1];
    a[2 * k] = ar * br - ai * bi;
    a[2 * k + 1] = ar * bi + ai * br;
  }
  bs.plan.backward(a, a);
  for (let k = 0; k < n; k++) {
    const ar = a[2 * k];
    const ai = a[2 * k + 1];
    const cr = chirp[2 * k];
    const ci = chirp[2 * k + 1];
    out[2 * k] = ar * cr - ai * ci;
    out[2 * k + 1] = sg * (ar * ci + ai * cr);
  }
  giveScratch(a);
}
