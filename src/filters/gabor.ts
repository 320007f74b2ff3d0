/**
 * Gabor kernel, computed exactly as OpenCV's getGaborKernel (imgproc/src/gabor.cpp) except
 * for the angle: convolab's theta is in degrees counter-clockwise from +x as seen on screen
 * (DESIGN.md), OpenCV's is radians clockwise on screen (rows down). So
 *   gabor(σ, θ, λ, γ, ψ) == cv2.getGaborKernel(ksize, σ, −θ·π/180, λ, γ, ψ, ktype=CV_64F).
 * θ is the normal of the stripes (the direction the cosine varies along); λ the wavelength in
 * pixels; γ the aspect ratio (σ_y = σ/γ); ψ the phase in radians.
 */
import { type NDArray, zeros } from '../core/ndarray.js';
import { assertFinite, assertPositive, assertSize } from './helpers.js';

export interface GaborOptions {
  /** [height, width] (OpenCV's ksize is (width, height)); default: OpenCV's ±3σ rule. */
  ksize?: [number, number];
}

export function gabor(sigma: number, theta: number, lambda: number, gamma = 0.5, psi = 0, opts: GaborOptions = {}): NDArray<'float64'> {
  assertPositive(sigma, 'sigma');
  assertFinite(theta, 'theta');
  assertPositive(lambda, 'lambda');
  assertPositive(gamma, 'gamma');
  assertFinite(psi, 'psi');
  const sx = sigma;
  const sy = sigma / gamma;
  const t = (-theta * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  const nstds = 3;
  let xmax: number;
  let ymax: number;
  if (opts.ksize) {
    ymax = Math.floor(assertSize(opts.ksize[0], 'ksize[0]') / 2);
    xmax = Math.floor(assertSize(opts.ksize[1], 'ksize[1]') / 2);
  } else {
    xmax = roundHalfEven(Math.max(Math.abs(nstds * sx * c), Math.abs(nstds * sy * s)));
    ymax = roundHalfEven(Math.max(Math.abs(nstds * sx * s), Math.abs(nstds * sy * c)));
  }
  const w = 2 * xmax + 1;
  const k = zeros([2 * ymax + 1, w], 'float64');
  const ex = -0.5 / (sx * sx);
  const ey = -0.5 / (sy * sy);
  const cscale = (2 * Math.PI) / lambda;
  for (let y = -ymax; y <= ymax; y++) {
    for (let x = -xmax; x <= xmax; x++) {
      const xr = x * c + y * s;
      const yr = -x * s + y * c;
      k.data[(ymax - y) * w + (xmax - x)] = Math.exp(ex * xr * xr + ey * yr * yr) * Math.cos(cscale * xr + psi);
    }
  }
  return k;
}

/** cvRound: round half to even. */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
