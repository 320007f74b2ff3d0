/**
 * The 8×8 block DCT-II / DCT-III (orthonormal) of JPEG, as two 8×8 matrix products per block:
 * Y = C·X·Cᵀ and X = Cᵀ·Y·C with C[k][n] = α_k cos(π(2n+1)k/16), α_0 = √(1/8), α_k = √(2/8).
 * It must match the reference `dct(dct(x, axis 2), axis 1)` with norm 'ortho' from src/fft
 * (test/spectrum/dct8.test.ts); at n = 8 the matrix form is several times faster than the
 * general FFT-based transform line by line (bench WS2).
 */

/** C as a flat row-major 8×8 matrix. */
const C = (() => {
  const m = new Float64Array(64);
  for (let k = 0; k < 8; k++) {
    const a = k === 0 ? Math.sqrt(1 / 8) : Math.sqrt(2 / 8);
    for (let n = 0; n < 8; n++) m[k * 8 + n] = a * Math.cos((Math.PI * (2 * n + 1) * k) / 16);
  }
  return m;
})();

/**
 * Transform `nb` blocks of `data` ([nb, 8, 8] row-major) in place: forward DCT-II when
 * `inverse` is false, else its inverse (DCT-III).
 */
export function dct8x8_f64(data: Float64Array, nb: number, inverse = false): void {
  const t = new Float64Array(64);
  for (let b = 0; b < nb; b++) {
    const o = b * 64;
    // rows: t[r][k] = Σ_n x[r][n] · M[k][n]  (M = C forward, Cᵀ inverse)
    for (let r = 0; r < 8; r++) {
      for (let k = 0; k < 8; k++) {
        let s = 0;
        for (let n = 0; n < 8; n++) s += data[o + r * 8 + n] * (inverse ? C[n * 8 + k] : C[k * 8 + n]);
        t[r * 8 + k] = s;
      }
    }
    // columns: y[k][c] = Σ_r M[k][r] · t[r][c]
    for (let k = 0; k < 8; k++) {
      for (let c = 0; c < 8; c++) {
        let s = 0;
        for (let r = 0; r < 8; r++) s += (inverse ? C[r * 8 + k] : C[k * 8 + r]) * t[r * 8 + c];
        data[o + k * 8 + c] = s;
      }
    }
  }
}
