/**
 * Separable kernels: detection by a rank-1 SVD (power iteration on KᵀK) and convolution as
 * one 1-D pass per axis. A [kh, kw] kernel costs kh + kw taps per output instead of kh·kw.
 */
import { isComplex } from '../core/dtype.js';
import { ArgumentError, ShapeError } from '../core/errors.js';
import { fromArray, type NDArray } from '../core/ndarray.js';

/** The best rank-1 factorisation K ≈ outer(col, row) of a real 2-D kernel, and its relative residual. */
export interface Rank1 {
  /** [kh] */
  col: Float64Array;
  /** [kw] */
  row: Float64Array;
  /** ‖K − outer(col, row)‖_F / ‖K‖_F (0 for an exactly separable kernel, up to rounding). */
  residual: number;
}

/**
 * Rank-1 factorisation of a real 2-D kernel. First the pivot factorisation col = K[:, j],
 * row = K[i, :] / K[i, j] at the largest entry (i, j): exact for an exactly separable kernel,
 * so integer kernels such as Sobel keep integer factors and exact results. When that leaves a
 * residual, the optimal (SVD) rank-1 fit by power iteration on KᵀK.
 */
export function rank1(k: NDArray): Rank1 {
  if (k.ndim !== 2) throw new ShapeError(`k: expected a 2-D kernel, got shape [${k.shape.join(', ')}]`, 'k');
  if (isComplex(k.dtype)) throw new ArgumentError(`k: separable kernels must be real, got ${k.dtype}`, 'k');
  const pivot = pivotRank1(k);
  return pivot.residual <= 1e-14 ? pivot : powerRank1(k);
}

function pivotRank1(k: NDArray): Rank1 {
  const [h, w] = k.shape;
  const K = k.data;
  let p = 0;
  for (let i = 1; i < K.length; i++) if (Math.abs(K[i]) > Math.abs(K[p])) p = i;
  const pi = Math.floor(p / w);
  const pj = p % w;
  const col = new Float64Array(h);
  const row = new Float64Array(w);
  const sign = K[p] < 0 ? -1 : 1; // keep the row's pivot entry positive (1)
  for (let i = 0; i < h; i++) col[i] = sign * K[i * w + pj];
  for (let j = 0; j < w; j++) row[j] = K[p] === 0 ? 0 : (sign * K[pi * w + j]) / K[p];
  return { col, row, residual: residualOf(K, h, w, col, row) };
}

function residualOf(K: ArrayLike<number>, h: number, w: number, col: Float64Array, row: Float64Array): number {
  let res = 0;
  let norm = 0;
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      res += (K[i * w + j] - col[i] * row[j]) ** 2;
      norm += K[i * w + j] ** 2;
    }
  }
  return norm > 0 ? Math.sqrt(res / norm) : 0;
}

/** The optimal rank-1 fit (leading singular pair) by power iteration on KᵀK. */
function powerRank1(k: NDArray): Rank1 {
  const [h, w] = k.shape;
  const K = k.data;
  // start from the row of largest norm: exact for a rank-1 kernel, a good start otherwise
  let v = new Float64Array(w);
  let best = -1;
  for (let i = 0; i < h; i++) {
    let s = 0;
    for (let j = 0; j < w; j++) s += K[i * w + j] ** 2;
    if (s > best) {
      best = s;
      for (let j = 0; j < w; j++) v[j] = K[i * w + j];
    }
  }
  const u = new Float64Array(h);
  let sigma = 0;
  for (let iter = 0; iter < 100 && best > 0; iter++) {
    normalise(v);
    for (let i = 0; i < h; i++) {
      let s = 0;
      for (let j = 0; j < w; j++) s += K[i * w + j] * v[j];
      u[i] = s; // u = K v
    }
    const next = new Float64Array(w);
    for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) next[j] += K[i * w + j] * u[i]; // Kᵀ K v
    const prev = sigma;
    sigma = Math.hypot(...u);
    v = next;
    if (iter > 0 && Math.abs(sigma - prev) <= 1e-15 * sigma) break;
  }
  normalise(v);
  for (let i = 0; i < h; i++) {
    let s = 0;
    for (let j = 0; j < w; j++) s += K[i * w + j] * v[j];
    u[i] = s; // u = K v = σ û
  }
  // split σ evenly and make the row's largest entry positive (a Gaussian factors as g ⊗ g)
  sigma = Math.hypot(...u);
  let jmax = 0;
  for (let j = 1; j < w; j++) if (Math.abs(v[j]) > Math.abs(v[jmax])) jmax = j;
  const sign = v[jmax] < 0 ? -1 : 1;
  const root = Math.sqrt(sigma);
  const col = u.map((x) => (sign * x) / Math.max(root, Number.MIN_VALUE));
  const row = v.map((x) => sign * x * root);
  return { col, row, residual: residualOf(K, h, w, col, row) };
}

function normalise(v: Float64Array): void {
  const n = Math.hypot(...v);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] /= n;
}

/** True when a real 2-D kernel is rank 1 within `tol` (relative Frobenius residual). 1-D kernels are trivially separable. */
export function isSeparable(k: NDArray, tol = 1e-10): boolean {
  if (isComplex(k.dtype) || k.size === 0) return false;
  if (k.ndim === 1) return true;
  if (k.ndim !== 2) return false;
  return rank1(k).residual <= tol;
}

/**
 * Factor a separable 2-D kernel: returns [col ([kh]), row ([kw])] with k = outer(col, row),
 * as float64 arrays. Throws an ArgumentError when k is not rank 1 within `tol`.
 */
export function separate(k: NDArray, tol = 1e-10): [NDArray<'float64'>, NDArray<'float64'>] {
  const r = rank1(k);
  if (r.residual > tol) {
    throw new ArgumentError(`k: kernel is not separable (rank-1 residual ${r.residual.toExponential(2)} > tol ${tol})`, 'k');
  }
  return [fromArray(r.col, 'float64'), fromArray(r.row, 'float64')];
}
