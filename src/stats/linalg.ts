/**
 * Small dense linear algebra for the statistics code (matrices are row-major Float64Arrays):
 * Gaussian elimination with partial pivoting, Householder least squares, and an inverse.
 * Sizes here are tens, not thousands; clarity beats blocking.
 */
import { ArgumentError } from '../core/index.js';

/** Solve A x = b for square A `[n, n]`; throws on a (numerically) singular matrix. */
export function solve(a: Float64Array, b: Float64Array, n: number, arg = 'matrix'): Float64Array {
  const m = a.slice(); // [n, n]
  const x = b.slice(); // [n]
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r * n + col]) > Math.abs(m[piv * n + col])) piv = r;
    const pivot = m[piv * n + col];
    if (pivot === 0 || !Number.isFinite(pivot)) throw new ArgumentError(`${arg}: the linear system is singular`, arg);
    if (piv !== col) {
      for (let c = 0; c < n; c++) {
        const t = m[col * n + c];
        m[col * n + c] = m[piv * n + c];
        m[piv * n + c] = t;
      }
      const t = x[col];
      x[col] = x[piv];
      x[piv] = t;
    }
    for (let r = col + 1; r < n; r++) {
      const f = m[r * n + col] / pivot;
      if (f === 0) continue;
      for (let c = col; c < n; c++) m[r * n + c] -= f * m[col * n + c];
      x[r] -= f * x[col];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = x[r];
    for (let c = r + 1; c < n; c++) s -= m[r * n + c] * x[c];
    x[r] = s / m[r * n + r];
  }
  return x;
}

/** Inverse of a square matrix `[n, n]` (column by column through `solve`). */
export function inverse(a: Float64Array, n: number, arg = 'matrix'): Float64Array {
  const out = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const col = solve(a, e, n, arg);
    for (let i = 0; i < n; i++) out[i * n + j] = col[i];
  }
  return out;
}

/**
 * Least squares min ‖X β − y‖ for X `[rows, cols]` (rows ≥ cols) by Householder QR,
 * numpy.linalg.lstsq's answer for full-rank X. Returns β `[cols]` and the residual sum of squares.
 */
export function lstsq(x: Float64Array, y: Float64Array, rows: number, cols: number): { beta: Float64Array; ssr: number } {
  const a = x.slice(); // [rows, cols], overwritten by R and the reflectors
  const b = y.slice(); // [rows]
  for (let k = 0; k < cols; k++) {
    let norm = 0;
    for (let i = k; i < rows; i++) norm += a[i * cols + k] * a[i * cols + k];
    norm = Math.sqrt(norm);
    if (norm === 0) throw new ArgumentError('X: the regressors are linearly dependent (rank deficient)', 'X');
    const alpha = a[k * cols + k] > 0 ? -norm : norm;
    const v = new Float64Array(rows - k);
    for (let i = k; i < rows; i++) v[i - k] = a[i * cols + k];
    v[0] -= alpha;
    let vnorm2 = 0;
    for (let i = 0; i < v.length; i++) vnorm2 += v[i] * v[i];
    if (vnorm2 === 0) continue;
    for (let c = k; c < cols; c++) {
      let s = 0;
      for (let i = k; i < rows; i++) s += v[i - k] * a[i * cols + c];
      s = (2 * s) / vnorm2;
      for (let i = k; i < rows; i++) a[i * cols + c] -= s * v[i - k];
    }
    let s = 0;
    for (let i = k; i < rows; i++) s += v[i - k] * b[i];
    s = (2 * s) / vnorm2;
    for (let i = k; i < rows; i++) b[i] -= s * v[i - k];
  }
  const beta = new Float64Array(cols);
  for (let r = cols - 1; r >= 0; r--) {
    let s = b[r];
    for (let c = r + 1; c < cols; c++) s -= a[r * cols + c] * beta[c];
    const d = a[r * cols + r];
    if (Math.abs(d) < 1e-300) throw new ArgumentError('X: the regressors are linearly dependent (rank deficient)', 'X');
    beta[r] = s / d;
  }
  let ssr = 0;
  for (let i = cols; i < rows; i++) ssr += b[i] * b[i];
  return { beta, ssr };
}
