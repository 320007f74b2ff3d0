/**
 * The spectral solution of ∂u/∂t = D∇²u: each Fourier mode of frequency f (cycles per pixel)
 * decays by exp(−4π²D|f|²t) — the Fourier transform of the Gaussian of variance 2Dt.
 *   wrap:    rfft2 → multiply → irfft2 (periodic; f = fftfreq)
 *   reflect: DCT-II → multiply → DCT-III (Neumann; the DCT is the DFT of the even extension of
 *            period 2N, so mode k has f = k / 2N)
 * Mode 0 (the mean) is multiplied by exactly 1, so Σu is conserved.
 */
import { ArgumentError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { dct, idct, irfft2, rfft2 } from '../fft/index.js';
import type { DiffusionBoundary } from './boundary.js';

/** exp(−4π²·Dt·f²) for the frequencies of one axis. */
function decay(freqs: Float64Array, Dt: number): Float64Array {
  return freqs.map((f) => Math.exp(-4 * Math.PI * Math.PI * Dt * f * f));
}

/** numpy.fft.fftfreq(n) as a Float64Array. */
function fftFrequencies(n: number): Float64Array {
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) f[i] = (i < Math.ceil(n / 2) ? i : i - n) / n;
  return f;
}

/** Spectral heat flow of one plane H×W over time·D = Dt. Returns a new plane. */
export function spectralPlane(plane: Float64Array, H: number, W: number, Dt: number, boundary: DiffusionBoundary): Float64Array {
  const u = new NDArray('float64', [H, W], plane);
  if (boundary === 'wrap') {
    const spec = rfft2(u); // [H, W/2+1] complex128
    const Wr = Math.floor(W / 2) + 1;
    const gy = decay(fftFrequencies(H), Dt);
    const gx = decay(
      Float64Array.from({ length: Wr }, (_, j) => j / W),
      Dt,
    );
    const s = spec.data as Float64Array;
    for (let i = 0; i < H; i++) {
      for (let j = 0; j < Wr; j++) {
        const g = gy[i] * gx[j];
        s[2 * (i * Wr + j)] *= g;
        s[2 * (i * Wr + j) + 1] *= g;
      }
    }
    return irfft2(spec, { s: [H, W] }).data as Float64Array;
  }
  if (boundary === 'reflect') {
    const c = dct(dct(u, { axis: 0, norm: 'ortho' }), { axis: 1, norm: 'ortho' });
    const gy = decay(
      Float64Array.from({ length: H }, (_, k) => k / (2 * H)),
      Dt,
    );
    const gx = decay(
      Float64Array.from({ length: W }, (_, k) => k / (2 * W)),
      Dt,
    );
    const s = c.data as Float64Array;
    for (let i = 0; i < H; i++) for (let j = 0; j < W; j++) s[i * W + j] *= gy[i] * gx[j];
    return idct(idct(c, { axis: 1, norm: 'ortho' }), { axis: 0, norm: 'ortho' }).data as Float64Array;
  }
  throw new ArgumentError(
    `boundary: the spectral method needs reflect (DCT) or wrap (FFT), got ${boundary}; use method explicit or exact for an absorbing wall`,
    'boundary',
  );
}
