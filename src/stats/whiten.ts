/**
 * Whitening: make data look like white noise — mean 0, variance 1, uncorrelated. For a data
 * matrix X [n, d] (rows are observations) with covariance C = E Λ Eᵀ (eigh.ts):
 *   standardize:  (X − μ) / σ                      (per column)
 *   PCA:          (X − μ) E Λ^{−1/2}               (rotate onto the eigenvectors, then scale)
 *   ZCA:          (X − μ) E Λ^{−1/2} Eᵀ            (…and rotate back: the whitened data closest to X)
 * `epsilon` is added to Λ to damp directions of tiny variance.
 */
import { ArgumentError, type NDArray, ShapeError, zeros } from '../core/index.js';
import { eigh } from './eigh.js';
import { checkNumber } from './series.js';

function matrixOf(x: NDArray, arg = 'x'): { data: ArrayLike<number>; n: number; d: number } {
  if (x.ndim !== 2)
    throw new ShapeError(`${arg}: expected a 2-D data matrix [observations, features], got shape [${x.shape.join(', ')}]`, arg);
  if (x.dtype !== 'float32' && x.dtype !== 'float64') throw new ShapeError(`${arg}: expected float32 or float64, got ${x.dtype}`, arg);
  const [n, d] = x.shape;
  if (n < 2 || d < 1) throw new ShapeError(`${arg}: need at least 2 observations and 1 feature, got [${n}, ${d}]`, arg);
  const data = x.data as ArrayLike<number>;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i]))
      throw new ArgumentError(`${arg}: value ${data[i]} at row ${Math.floor(i / d)}, column ${i % d} is not finite`, arg);
  }
  return { data, n, d };
}

export function columnMeans(x: NDArray): Float64Array {
  const { data, n, d } = matrixOf(x);
  const mu = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mu[j] += data[i * d + j];
  return mu.map((v) => v / n);
}

/** Sample covariance [d, d] (numpy.cov(x, rowvar=False, ddof)). */
export function covarianceMatrix(x: NDArray, opts: { ddof?: number } = {}): Float64Array {
  const { data, n, d } = matrixOf(x);
  const ddof = opts.ddof ?? 1;
  const mu = columnMeans(x);
  const c = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = data[i * d + j] - mu[j];
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++) c[a * d + b] += row[a] * row[b];
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      c[a * d + b] /= n - ddof;
      c[b * d + a] = c[a * d + b];
    }
  }
  return c;
}

/** Per-column (x − mean) / std (ddof 1 by default); refuses a constant column. */
export function standardize(x: NDArray, opts: { ddof?: number } = {}): NDArray<'float64'> {
  const { data, n, d } = matrixOf(x);
  const cov = covarianceMatrix(x, opts);
  const mu = columnMeans(x);
  const out = zeros([n, d], 'float64');
  for (let j = 0; j < d; j++) {
    const s = Math.sqrt(cov[j * d + j]);
    if (!(s > 0)) throw new ArgumentError(`x: column ${j} is constant; it cannot be scaled to variance 1`, 'x');
    for (let i = 0; i < n; i++) out.data[i * d + j] = (data[i * d + j] - mu[j]) / s;
  }
  return out;
}

export interface Whitened {
  /** [n, d] whitened data. */
  data: NDArray<'float64'>;
  /** [d] column means removed first. */
  mean: Float64Array;
  /** [d] covariance eigenvalues, descending. */
  eigenvalues: Float64Array;
  /** [d, d] eigenvectors as rows, in the order of `eigenvalues` (the principal axes). */
  components: Float64Array;
  /** [d, d] the whitening matrix W: data = (x − mean) W. */
  transform: Float64Array;
}

function whitenWith(x: NDArray, kind: 'pca' | 'zca', epsilon: number, ddof: number): Whitened {
  const { data, n, d } = matrixOf(x);
  checkNumber(epsilon, 'epsilon', 0);
  const mean = columnMeans(x);
  const { values, vectors } = eigh(covarianceMatrix(x, { ddof }), d);
  const order = Array.from({ length: d }, (_, i) => d - 1 - i); // descending
  const eigenvalues = Float64Array.from(order, (i) => values[i]);
  const components = new Float64Array(d * d); // [d, d], row k = k-th principal axis
  order.forEach((src, k) => {
    for (let i = 0; i < d; i++) components[k * d + i] = vectors[i * d + src];
  });
  for (let k = 0; k < d; k++) {
    if (!(eigenvalues[k] + epsilon > 1e-12 * Math.max(eigenvalues[0], 1e-300))) {
      throw new ArgumentError(
        `x: the covariance is singular (eigenvalue ${eigenvalues[k]} in direction ${k}); pass epsilon > 0`,
        'epsilon',
      );
    }
  }
  // PCA: W[i][k] = E[i][k] / √(λ_k + ε);  ZCA: W = E Λ^{-1/2} Eᵀ
  const pca = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let k = 0; k < d; k++) pca[i * d + k] = components[k * d + i] / Math.sqrt(eigenvalues[k] + epsilon);
  let transform = pca;
  if (kind === 'zca') {
    transform = new Float64Array(d * d);
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += pca[i * d + k] * components[k * d + j];
        transform[i * d + j] = s;
      }
    }
  }
  const out = zeros([n, d], 'float64');
  const row = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) row[j] = data[r * d + j] - mean[j];
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let i = 0; i < d; i++) s += row[i] * transform[i * d + j];
      out.data[r * d + j] = s;
    }
  }
  return { data: out, mean, eigenvalues, components, transform };
}

/** PCA whitening: project onto the principal axes (largest variance first) and scale each to variance 1. */
export function pcaWhiten(x: NDArray, opts: { epsilon?: number; ddof?: number } = {}): Whitened {
  return whitenWith(x, 'pca', opts.epsilon ?? 0, opts.ddof ?? 1);
}

/** ZCA (Mahalanobis) whitening: PCA whitening rotated back to the original axes. */
export function zcaWhiten(x: NDArray, opts: { epsilon?: number; ddof?: number } = {}): Whitened {
  return whitenWith(x, 'zca', opts.epsilon ?? 0, opts.ddof ?? 1);
}
