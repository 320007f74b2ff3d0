/**
 * Plain O(n²) reference transforms, for tests: the DFT and the DCT types I–IV written as
 * their defining sums (scipy's unnormalised conventions). Roots of unity come from exact
 * integer angle reduction (src/fft/twiddle.ts) and sums are compensated (Neumaier), so the
 * reference is accurate to a few ulps of the result's norm.
 */
import { cis2pi } from '../fft/twiddle.js';

/** Neumaier-compensated running sum. */
class Sum {
  s = 0;
  c = 0;
  add(x: number): void {
    const t = this.s + x;
    if (Math.abs(this.s) >= Math.abs(x)) this.c += this.s - t + x;
    else this.c += x - t + this.s;
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

/** Unnormalised DFT of interleaved complex `x` (length 2n): X_k = Σ_j x_j e^{∓2πi jk/n} (− forward). */
export function dftRef(x: ArrayLike<number>, inverse = false): Float64Array {
  const n = x.length >> 1;
  const roots = unitRoots(n);
  const sg = inverse ? 1 : -1;
  const out = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    const re = new Sum();
    const im = new Sum();
    let q = 0; // j·k mod n
    for (let j = 0; j < n; j++) {
      const c = roots[2 * q];
      const s = sg * roots[2 * q + 1];
      const xr = x[2 * j];
      const xi = x[2 * j + 1];
      re.add(xr * c - xi * s);
      im.add(xr * s + xi * c);
      q += k;
      if (q >= n) q -= n;
    }
    out[2 * k] = re.value;
    out[2 * k + 1] = im.value;
  }
  return out;
}

/** (cos, sin)(2π q / n) for q = 0..n−1, interleaved: the table dftBinRef can reuse. */
export function unitRoots(n: number): Float64Array {
  const roots = new Float64Array(2 * n);
  for (let q = 0; q < n; q++) cis2pi(q, n, roots, 2 * q);
  return roots;
}

/** One bin of the unnormalised forward DFT: X_k, as [re, im]. O(n). `roots` = unitRoots(n). */
export function dftBinRef(x: ArrayLike<number>, k: number, roots = unitRoots(x.length >> 1)): [number, number] {
  const n = x.length >> 1;
  const re = new Sum();
  const im = new Sum();
  let q = 0;
  for (let j = 0; j < n; j++) {
    const c = roots[2 * q];
    const s = -roots[2 * q + 1];
    re.add(x[2 * j] * c - x[2 * j + 1] * s);
    im.add(x[2 * j] * s + x[2 * j + 1] * c);
    q += k % n;
    if (q >= n) q -= n;
  }
  return [re.value, im.value];
}

/**
 * Unnormalised DCT of real `x` along its only axis, scipy.fft.dct's definitions:
 *   I:   y_k = x_0 + (−1)^k x_{N−1} + 2 Σ_{n=1}^{N−2} x_n cos(π k n / (N−1))
 *   II:  y_k = 2 Σ x_n cos(π k (2n+1) / (2N))
 *   III: y_k = x_0 + 2 Σ_{n≥1} x_n cos(π n (2k+1) / (2N))
 *   IV:  y_k = 2 Σ x_n cos(π (2n+1)(2k+1) / (4N))
 */
export function dctRef(x: ArrayLike<number>, type: 1 | 2 | 3 | 4): Float64Array {
  const N = x.length;
  const out = new Float64Array(N);
  const cs = [0, 0];
  // cos(2π q / period) via the exact table
  const cosq = (q: number, period: number): number => {
    cis2pi(q, period, cs);
    return cs[0];
  };
  for (let k = 0; k < N; k++) {
    const s = new Sum();
    for (let n = 0; n < N; n++) {
      let term: number;
      if (type === 1) {
        if (n === 0) term = x[0];
        else if (n === N - 1) term = (k % 2 === 0 ? 1 : -1) * x[N - 1];
        else term = 2 * x[n] * cosq(k * n, 2 * (N - 1));
      } else if (type === 2) term = 2 * x[n] * cosq(k * (2 * n + 1), 4 * N);
      else if (type === 3) term = n === 0 ? x[0] : 2 * x[n] * cosq(n * (2 * k + 1), 4 * N);
      else term = 2 * x[n] * cosq((2 * n + 1) * (2 * k + 1), 8 * N);
      s.add(term);
    }
    out[k] = s.value;
  }
  return out;
}
