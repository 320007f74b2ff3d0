/**
 * Real-input FFT plans. Even n runs a complex FFT of length n/2 on the samples read as
 * complex pairs (z_j = x_{2j} + i·x_{2j+1}, which is the same memory) and splits the result:
 *   X_k = E_k + e^{−2πik/n}·O_k,  E_k = (Z_k + conj Z_{h−k}) / 2,  O_k = (Z_k − conj Z_{h−k}) / 2i,
 * with h = n/2. Odd n runs the full complex transform. All unnormalised, like plan.ts.
 */
import type { ComplexPlan } from './plan.js';
import { giveScratch, takeScratch } from './scratch.js';
import { cis2pi } from './twiddle.js';

export class RealPlan {
  readonly n: number;
  /** Number of complex bins of the half spectrum: floor(n/2) + 1. */
  readonly bins: number;
  /** The complex plan: length n/2 (even n) or n (odd n). */
  readonly inner: ComplexPlan;
  /** e^{−2πik/n}, k = 0..n/2, interleaved (even n only). */
  private readonly w: Float64Array;

  constructor(n: number, inner: ComplexPlan) {
    this.n = n;
    this.bins = (n >> 1) + 1;
    this.inner = inner;
    const h = n >> 1;
    this.w = new Float64Array(n % 2 === 0 ? 2 * (h + 1) : 0);
    if (n % 2 === 0) {
      for (let k = 0; k <= h; k++) {
        cis2pi(k, n, this.w, 2 * k);
        this.w[2 * k + 1] = -this.w[2 * k + 1];
      }
    }
  }

  /** out (2·bins scalars) = the first n/2+1 bins of FFT(x), x real of length n. */
  forward(x: Float64Array, out: Float64Array): void {
    const n = this.n;
    if (n % 2 === 1) {
      const z = takeScratch(2 * n);
      for (let j = 0; j < n; j++) {
        z[2 * j] = x[j];
        z[2 * j + 1] = 0;
      }
      this.inner.forward(z, z);
      out.set(z.subarray(0, 2 * this.bins));
      giveScratch(z);
      return;
    }
    const h = n >> 1;
    const Z = takeScratch(2 * h);
    this.inner.forward(x.length === n ? x : x.subarray(0, n), Z);
    const w = this.w;
    for (let k = 0; k <= h; k++) {
      const a = k === h ? 0 : k;
      const b = k === 0 ? 0 : h - k;
      const zr = Z[2 * a];
      const zi = Z[2 * a + 1];
      const cr = Z[2 * b];
      const ci = -Z[2 * b + 1];
      const er = 0.5 * (zr + cr);
      const ei = 0.5 * (zi + ci);
      // O = (Z − C) / 2i = (Im(Z−C), −Re(Z−C)) / 2
      const or = 0.5 * (zi - ci);
      const oi = -0.5 * (zr - cr);
      const wr = w[2 * k];
      const wi = w[2 * k + 1];
      out[2 * k] = er + (or * wr - oi * wi);
      out[2 * k + 1] = ei + (or * wi + oi * wr);
    }
    giveScratch(Z);
  }

  /**
   * x (n reals) = unnormalised inverse of the Hermitian spectrum given by its first n/2+1 bins
   * (2·bins scalars). Like numpy, the imaginary parts of bin 0 and (even n) bin n/2 are ignored.
   */
  backward(spec: Float64Array, x: Float64Array): void {
    const n = this.n;
    const h = n >> 1;
    if (n % 2 === 1) {
      const z = takeScratch(2 * n);
      z[0] = spec[0];
      z[1] = 0;
      for (let k = 1; k <= h; k++) {
        z[2 * k] = spec[2 * k];
        z[2 * k + 1] = spec[2 * k + 1];
        z[2 * (n - k)] = spec[2 * k];
        z[2 * (n - k) + 1] = -spec[2 * k + 1];
      }
      this.inner.backward(z, z);
      for (let j = 0; j < n; j++) x[j] = z[2 * j];
      giveScratch(z);
      return;
    }
    const Z = takeScratch(2 * h);
    const w = this.w;
    for (let k = 0; k < h; k++) {
      const xr = spec[2 * k];
      const xi = k === 0 ? 0 : spec[2 * k + 1];
      const cr = spec[2 * (h - k)];
      const ci = k === 0 ? 0 : -spec[2 * (h - k) + 1]; // conj X_{h−k}; X_h's imaginary part is ignored
      const er = xr + cr;
      const ei = xi + ci;
      // 2O = (X − C)·conj(w^k)
      const dr = xr - cr;
      const di = xi - ci;
      const wr = w[2 * k];
      const wi = -w[2 * k + 1];
      const or = dr * wr - di * wi;
      const oi = dr * wi + di * wr;
      // Z = 2E + i·2O
      Z[2 * k] = er - oi;
      Z[2 * k + 1] = ei + or;
    }
    this.inner.backward(Z, x.length === n ? x : x.subarray(0, n));
    giveScratch(Z);
  }
}
