/**
 * The central-limit theorem, measured: n steps of a propagator spread a particle by the n-fold
 * convolution p^{∗n}, which approaches the Gaussian of n times p's mean and covariance (the
 * local CLT on the integer lattice, for a p that is not confined to a sub-lattice).
 */
import { NDArray } from '../core/ndarray.js';
import type { Propagator } from './propagator.js';

/** p^{∗n}: `[(kh−1)n+1, (kw−1)n+1]`, its centre at n × p's centre. */
export function nfold(p: Propagator, n: number): NDArray<'float64'> {
  const [kh, kw] = p.kernel.shape;
  const k = p.kernel.data;
  let cur = Float64Array.of(1);
  let h = 1;
  let w = 1;
  for (let s = 0; s < n; s++) {
    const nh = h + kh - 1;
    const nw = w + kw - 1;
    const next = new Float64Array(nh * nw);
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) {
        const v = cur[i * w + j];
        if (v === 0) continue;
        for (let a = 0; a < kh; a++) for (let b = 0; b < kw; b++) next[(i + a) * nw + j + b] += v * k[a * kw + b];
      }
    }
    cur = next;
    h = nh;
    w = nw;
  }
  return new NDArray('float64', [h, w], cur);
}

/** The Gaussian density of mean n·μ and covariance n·Σ sampled on p^{∗n}'s grid (integer offsets). */
export function cltGaussian(p: Propagator, n: number): NDArray<'float64'> {
  const [kh, kw] = p.kernel.shape;
  const h = (kh - 1) * n + 1;
  const w = (kw - 1) * n + 1;
  const cy = p.center[0] * n;
  const cx = p.center[1] * n;
  const { xx, xy, yy } = p.covariance;
  const [sxx, sxy, syy] = [n * xx, n * xy, n * yy];
  const det = sxx * syy - sxy * sxy;
  const out = new NDArray('float64', [h, w]);
  const norm = 1 / (2 * Math.PI * Math.sqrt(det));
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      const dx = j - cx - n * p.mean.x;
      const dy = i - cy - n * p.mean.y;
      const q = (syy * dx * dx - 2 * sxy * dx * dy + sxx * dy * dy) / det;
      out.data[i * w + j] = norm * Math.exp(-0.5 * q);
    }
  }
  return out;
}

/** Distances between p^{∗n} and its Gaussian: L1 (= 2 × total variation) and the max gap relative to the peak. */
export function cltDistance(p: Propagator, n: number): { l1: number; maxRel: number } {
  const a = nfold(p, n).data;
  const g = cltGaussian(p, n).data;
  let l1 = 0;
  let max = 0;
  let peak = 0;
  for (let i = 0; i < a.length; i++) {
    l1 += Math.abs(a[i] - g[i]);
    max = Math.max(max, Math.abs(a[i] - g[i]));
    peak = Math.max(peak, a[i]);
  }
  return { l1, maxRel: max / peak };
}
