/**
 * Matrix products for the layers: C[m, n] = op(A) * op(B) (+ C). Float32 runs the SIMD
 * kernel of assembly/gemm.ts with the operands written straight into its memory (the caller
 * fills `a`, `b` (and `c` to accumulate), calls `run()`, reads `c`); `x` is an optional
 * input region from which `im2col` writes B in place (assembly/gemm.ts im2col_f32), and `ySize`
 * reserves room for an NCHW tensor that `colsToNchw` / `nchwToCols` move between the layout
 * of the layers and the GEMM's columns (with the bias and its gradient fused in).
 * Float64 runs src/ref/gemm.ts and the TS loops (used by the gradient checks).
 * The views stay valid until the next `matmul` call on this thread: use one plan at a time.
 */
import { gemmRef } from '../ref/gemm.js';
import type { GemmExports } from '../wasm/gemm.js';
import { wasmKernels } from '../wasm/loader.js';
import { type ConvGeom, col2im, colsToNchw, im2col, nchwToCols } from './im2col.js';
import type { Floats, NNDType } from './tensor.js';

export interface MatMulPlan {
  /** op(A) storage: [m, k], or [k, m] with transA. */
  readonly a: Floats;
  /** op(B) storage: [k, n], or [n, k] with transB. */
  readonly b: Floats;
  /** [m, n] */
  readonly c: Floats;
  /** The extra input region asked for (e.g. an image batch [N, C, H, W]). */
  readonly x: Floats;
  /** b = im2col(x) for channels [c0, c0 + cg) of the geometry `g` (B must be [cg*kh*kw, n*oh*ow]). */
  im2col(g: ConvGeom, c0: number, cg: number): void;
  /** x += col2im(c) for channels [c0, c0 + cg) of `g` (C must be [cg*kh*kw, n*oh*ow], x the [n, c, h, w] gradient). */
  col2im(g: ConvGeom, c0: number, cg: number): void;
  /** out[n, cTot, p] channels [o0, o0 + mg) = c [mg, n*p] (+ bias[o0 + co]); needs ySize >= out.length. */
  colsToNchw(n: number, mg: number, p: number, o0: number, cTot: number, out: Floats, bias?: Floats): void;
  /** a (or b) [mg, n*p] = channels [o0, o0 + mg) of src [n, cTot, p]; gb[o0 + co] += their sums when given. */
  nchwToCols(src: Floats, n: number, mg: number, p: number, o0: number, cTot: number, into: 'a' | 'b', gb?: Floats): void;
  run(): void;
}

export interface MatMulFlags {
  transA?: boolean;
  transB?: boolean;
  accumulate?: boolean;
}

interface ConvExports extends GemmExports {
  im2col_f32(xPtr: number, geo: number, c0: number, cg: number, colPtr: number): void;
  col2im_f32(colPtr: number, geo: number, c0: number, cg: number, dxPtr: number): void;
  cols_to_nchw_f32(m: number, n: number, mg: number, p: number, o0: number, cTot: number, y: number, bias: number): void;
  nchw_to_cols_f32(y: number, n: number, mg: number, p: number, o0: number, cTot: number, m: number, gb: number): void;
}

/** gb[o0 + co] += sum of channel o0 + co of y [n, cTot, p] (the bias gradient; sums in float64). */
function biasGrad(y: Floats, n: number, mg: number, p: number, o0: number, cTot: number, gb: Floats): void {
  for (let co = 0; co < mg; co++) {
    let s = 0;
    for (let b = 0; b < n; b++) {
      const o = (b * cTot + o0 + co) * p;
      for (let q = 0; q < p; q++) s += y[o + q];
    }
    gb[o0 + co] += s;
  }
}

const f64Cache = new Map<string, Float64Array>();

function f64(key: string, n: number): Float64Array {
  const cur = f64Cache.get(key);
  if (cur !== undefined && cur.length >= n) return cur.subarray(0, n);
  const fresh = new Float64Array(n);
  f64Cache.set(key, fresh);
  return fresh;
}

/** Writes the 14 i32 of a geometry at `gp` for the wasm kernels; returns gp. */
function geo(buf: ArrayBuffer, gp: number, g: ConvGeom): number {
  new Int32Array(buf, gp, 14).set([g.n, g.c, g.h, g.w, g.kh, g.kw, g.sh, g.sw, g.pt, g.pl, g.dh, g.dw, g.oh, g.ow]);
  return gp;
}

export function matmul(dtype: NNDType, m: number, n: number, k: number, flags: MatMulFlags = {}, xSize = 0, ySize = 0): MatMulPlan {
  if (dtype === 'float64') {
    const a = f64('a', m * k);
    const b = f64('b', k * n);
    const c = f64('c', m * n);
    const x = f64('x', xSize);
    return {
      a,
      b,
      c,
      x,
      im2col: (g, c0, cg) => im2col(x, g, c0, cg, b),
      col2im: (g, c0, cg) => col2im(c, g, c0, cg, x),
      colsToNchw: (nn, mg, p, o0, cTot, out, bias) => colsToNchw(c, nn, mg, p, o0, cTot, out, bias),
      nchwToCols: (src, nn, mg, p, o0, cTot, into, gb) => {
        nchwToCols(src, nn, mg, p, o0, cTot, into === 'a' ? a : b);
        if (gb !== undefined) biasGrad(src, nn, mg, p, o0, cTot, gb);
      },
      run: () => gemmRef(m, n, k, a, b, c, flags),
    };
  }
  const kern = wasmKernels('gemm');
  const ex = kern.exports as unknown as ConvExports;
  const [pa, pb, ap, bp, cp, xp, gp, yp, vp] = kern.arena.layout([
    ex.gemm_pack_a_bytes(),
    ex.gemm_pack_b_bytes(),
    m * k * 4,
    k * n * 4,
    m * n * 4,
    xSize * 4,
    64,
    ySize * 4,
    1024 * 4, // a bias vector (up to 1024 channels, else the bias goes through TS)
  ]);
  const buf = kern.memory.buffer;
  const [aRs, aCs] = flags.transA ? [1, m] : [k, 1];
  const [bRs, bCs] = flags.transB ? [1, k] : [n, 1];
  return {
    a: new Float32Array(buf, ap, m * k),
    b: new Float32Array(buf, bp, k * n),
    c: new Float32Array(buf, cp, m * n),
    x: new Float32Array(buf, xp, xSize),
    im2col: (g, c0, cg) => ex.im2col_f32(xp, geo(buf, gp, g), c0, cg, bp),
    col2im: (g, c0, cg) => ex.col2im_f32(cp, geo(buf, gp, g), c0, cg, xp),
    colsToNchw: (nn, mg, p, o0, cTot, out, bias) => {
      const size = nn * cTot * p;
      const y = new Float32Array(buf, yp, size);
      if (o0 > 0 || mg < cTot) y.set(out); // other groups' channels
      const fused = bias !== undefined && cTot <= 1024;
      if (fused) new Float32Array(buf, vp, cTot).set(bias);
      ex.cols_to_nchw_f32(cp, nn, mg, p, o0, cTot, yp, fused ? vp : 0);
      out.set(y);
      if (bias !== undefined && !fused) {
        for (let b = 0; b < nn; b++)
          for (let co = 0; co < mg; co++) for (let q = 0, o = (b * cTot + o0 + co) * p; q < p; q++) out[o + q] += bias[o0 + co];
      }
    },
    nchwToCols: (src, nn, mg, p, o0, cTot, into, gb) => {
      new Float32Array(buf, yp, nn * cTot * p).set(src);
      const fused = gb !== undefined && cTot <= 1024;
      if (fused) new Float32Array(buf, vp, cTot).set(gb);
      ex.nchw_to_cols_f32(yp, nn, mg, p, o0, cTot, into === 'a' ? ap : bp, fused ? vp : 0);
      if (fused) gb.set(new Float32Array(buf, vp, cTot));
      else if (gb !== undefined) biasGrad(src, nn, mg, p, o0, cTot, gb);
    },
    run: () => ex.gemm_f32(m, n, k, ap, aRs, aCs, bp, bRs, bCs, cp, n, flags.accumulate ? 1 : 0, pa, pb),
  };
}
