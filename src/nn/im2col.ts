/**
 * im2col / col2im for 2-D convolution as a matrix product (Chellapilla et al. 2006,
 * https://hal.inria.fr/inria-00112631). Correlation semantics, as in every CNN library:
 * y[n, o, oy, ox] = sum_{c, i, j} w[o, c, i, j] * x[n, c, oy*sh - pt + i*dh, ox*sw - pl + j*dw].
 */
import type { Floats } from './tensor.js';

/** Sizes of one 2-D convolution (input [n, c, h, w], output [n, ·, oh, ow]). */
export interface ConvGeom {
  n: number;
  c: number;
  h: number;
  w: number;
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  /** Padding before (top, left); the bottom / right padding is implied by oh, ow. */
  pt: number;
  pl: number;
  dh: number;
  dw: number;
  oh: number;
  ow: number;
}

/** The range [lo, hi) of outputs o with 0 <= o*s - p + off < size. */
function validRange(out: number, s: number, p: number, off: number, size: number): [number, number] {
  const lo = Math.max(0, Math.ceil((p - off) / s));
  const hi = Math.min(out, Math.floor((size - 1 + p - off) / s) + 1);
  return [lo, Math.max(lo, hi)];
}

/**
 * col [cg * kh * kw, n * oh * ow] from channels [c0, c0 + cg) of x [n, c, h, w];
 * zero where the window reads padding.
 */
export function im2col(x: Floats, g: ConvGeom, c0: number, cg: number, col: Floats): void {
  const { n, c, h, w, kh, kw, sh, sw, pt, pl, dh, dw, oh, ow } = g;
  const P = n * oh * ow;
  for (let ci = 0; ci < cg; ci++) {
    for (let i = 0; i < kh; i++) {
      const [y0, y1] = validRange(oh, sh, pt, i * dh, h);
      for (let j = 0; j < kw; j++) {
        const [x0, x1] = validRange(ow, sw, pl, j * dw, w);
        const row = ((ci * kh + i) * kw + j) * P;
        for (let b = 0; b < n; b++) {
          const plane = (b * c + c0 + ci) * h * w;
          const ob = row + b * oh * ow;
          if (y0 > 0) col.fill(0, ob, ob + y0 * ow);
          if (y1 < oh) col.fill(0, ob + y1 * ow, ob + oh * ow);
          for (let oy = y0; oy < y1; oy++) {
            const o = ob + oy * ow;
            const src = plane + (oy * sh - pt + i * dh) * w - pl + j * dw;
            for (let ox = 0; ox < x0; ox++) col[o + ox] = 0;
            if (sw === 1) for (let ox = x0; ox < x1; ox++) col[o + ox] = x[src + ox];
            else for (let ox = x0; ox < x1; ox++) col[o + ox] = x[src + ox * sw];
            for (let ox = x1; ox < ow; ox++) col[o + ox] = 0;
          }
        }
      }
    }
  }
}

/** The adjoint of im2col: dx[n, c0 + ci, ...] += col scattered back (dx [n, c, h, w]). */
export function col2im(col: Floats, g: ConvGeom, c0: number, cg: number, dx: Floats): void {
  const { n, c, h, w, kh, kw, sh, sw, pt, pl, dh, dw, oh, ow } = g;
  const P = n * oh * ow;
  for (let ci = 0; ci < cg; ci++) {
    for (let i = 0; i < kh; i++) {
      const [y0, y1] = validRange(oh, sh, pt, i * dh, h);
      for (let j = 0; j < kw; j++) {
        const [x0, x1] = validRange(ow, sw, pl, j * dw, w);
        const row = ((ci * kh + i) * kw + j) * P;
        for (let b = 0; b < n; b++) {
          const plane = (b * c + c0 + ci) * h * w;
          const ob = row + b * oh * ow;
          for (let oy = y0; oy < y1; oy++) {
            const o = ob + oy * ow;
            const dst = plane + (oy * sh - pt + i * dh) * w - pl + j * dw;
            if (sw === 1) for (let ox = x0; ox < x1; ox++) dx[dst + ox] += col[o + ox];
            else for (let ox = x0; ox < x1; ox++) dx[dst + ox * sw] += col[o + ox];
          }
        }
      }
    }
  }
}

/** y[n, o0 + co, p] = m[co, n * P + p] (+ bias[o0 + co]) for co < mg: [mg, n*P] to NCHW [n, cTot, P]. */
export function colsToNchw(m: Floats, n: number, mg: number, p: number, o0: number, cTot: number, y: Floats, bias?: Floats): void {
  for (let co = 0; co < mg; co++) {
    const bv = bias === undefined ? 0 : bias[o0 + co];
    for (let b = 0; b < n; b++) {
      const src = co * n * p + b * p;
      const dst = (b * cTot + o0 + co) * p;
      for (let q = 0; q < p; q++) y[dst + q] = m[src + q] + bv;
    }
  }
}

/** The inverse gather: m[co, n * P + p] = y[n, o0 + co, p]. */
export function nchwToCols(y: Floats, n: number, mg: number, p: number, o0: number, cTot: number, m: Floats): void {
  for (let co = 0; co < mg; co++) {
    for (let b = 0; b < n; b++) {
      const dst = co * n * p + b * p;
      const src = (b * cTot + o0 + co) * p;
      for (let q = 0; q < p; q++) m[dst + q] = y[src + q];
    }
  }
}
