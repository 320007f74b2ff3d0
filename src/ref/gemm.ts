/**
 * Reference GEMM: C[M, N] = op(A) * op(B) (+ C), summed in float64. op(A) is A [M, K], or A
 * stored as [K, M] when `transA`; op(B) is B [K, N], or [N, K] when `transB`. Works on
 * float32 or float64 arrays. The fast version is src/wasm/gemm.ts (gemmF32, assembly/gemm.ts).
 */
export interface GemmFlags {
  /** A is stored [K, M] (use its transpose). */
  transA?: boolean;
  /** B is stored [N, K] (use its transpose). */
  transB?: boolean;
  /** Add to C instead of overwriting it. */
  accumulate?: boolean;
}

export function gemmRef<T extends Float32Array | Float64Array>(
  m: number,
  n: number,
  k: number,
  a: Float32Array | Float64Array,
  b: Float32Array | Float64Array,
  c: T,
  flags: GemmFlags = {},
): T {
  const [aRs, aCs] = flags.transA ? [1, m] : [k, 1];
  const [bRs, bCs] = flags.transB ? [1, k] : [n, 1];
  const row = new Float64Array(n); // one row of C, summed in float64
  for (let i = 0; i < m; i++) {
    if (flags.accumulate) for (let j = 0; j < n; j++) row[j] = c[i * n + j];
    else row.fill(0);
    for (let p = 0; p < k; p++) {
      const av = a[i * aRs + p * aCs];
      if (av === 0) continue;
      const bo = p * bRs;
      for (let j = 0; j < n; j++) row[j] += av * b[bo + j * bCs];
    }
    for (let j = 0; j < n; j++) c[i * n + j] = row[j];
  }
  return c;
}
