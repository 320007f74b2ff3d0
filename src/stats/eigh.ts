/**
 * Symmetric eigendecomposition by the cyclic Jacobi method (Golub & Van Loan, Matrix
 * Computations, §8.5): rotate away each off-diagonal entry in turn until the off-diagonal
 * mass is negligible. Eigenvalues come back ascending, like `numpy.linalg.eigh`; each
 * eigenvector is normalised with its largest-magnitude component positive (numpy leaves
 * the sign to LAPACK, so compare up to sign).
 */
import { ArgumentError } from '../core/index.js';

export interface Eigh {
  /** `[n]`, ascending. */
  values: Float64Array;
  /** `[n, n]` row-major; column j is the eigenvector of values[j]. */
  vectors: Float64Array;
}

export function eigh(matrix: Float64Array, n: number, opts: { maxSweeps?: number } = {}): Eigh {
  if (matrix.length !== n * n) throw new ArgumentError(`matrix: expected ${n}×${n} = ${n * n} values, got ${matrix.length}`, 'matrix');
  const a = matrix.slice(); // [n, n]
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const s = Math.abs(a[i * n + j] - a[j * n + i]);
      if (s > 1e-9 * (Math.abs(a[i * n + j]) + Math.abs(a[j * n + i]) + 1e-300)) {
        throw new ArgumentError(`matrix: not symmetric at (${i}, ${j}): ${a[i * n + j]} vs ${a[j * n + i]}`, 'matrix');
      }
    }
  }
  const v = new Float64Array(n * n); // [n, n] accumulated rotations
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  const maxSweeps = opts.maxSweeps ?? 100;
  let norm = 0;
  for (let i = 0; i < n * n; i++) norm += a[i] * a[i];
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i * n + j] * a[i * n + j];
    if (off <= 1e-30 * norm || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        rotate(a, v, n, p, q, c, s);
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i];
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => values[x] - values[y]);
  const sortedValues = Float64Array.from(order, (i) => values[i]);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    let big = 0;
    for (let i = 0; i < n; i++) if (Math.abs(v[i * n + src]) > Math.abs(v[big * n + src])) big = i;
    const sign = v[big * n + src] < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) vectors[i * n + dst] = sign * v[i * n + src];
  });
  return { values: sortedValues, vectors };
}

/** Apply the Jacobi rotation J(p, q, c, s): a ← Jᵀ a J, v ← v J. */
function rotate(a: Float64Array, v: Float64Array, n: number, p: number, q: number, c: number, s: number): void {
  for (let k = 0; k < n; k++) {
    const akp = a[k * n + p];
    const akq = a[k * n + q];
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    const apk = a[p * n + k];
    const aqk = a[q * n + k];
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
  }
  a[p * n + q] = 0;
  a[q * n + p] = 0;
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p];
    const vkq = v[k * n + q];
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}
