/**
 * matchTemplate by its definitions, one window at a time in float64 (two-pass means): the
 * plain reference the fast engines are tested against. With weights W = M² and the
 * M-weighted means ν_c = Σ M·I_c / Σ M (window) and μ_c = Σ M·T_c / Σ M (template):
 *
 *   sqdiff  Σ W (I − T)²            ccorr  Σ W I T          ccoeff  Σ W (I − ν)(T − μ)
 *   *_normed divide by √(Σ W I² · Σ W T²), or √(Σ W (I − ν)² · Σ W (T − μ)²) for ccoeff
 *
 * (no mask: M = 1). Exactly flat / zero windows get matchTemplate's documented values.
 * Cost O(outH·outW·h·w·C): for tests on small inputs.
 */
import { type NDArray, zeros } from '../core/ndarray.js';
import { checkMethod, clamp1, type MatchMethod } from './methods.js';
import { checkMatchInputs, planeToFloat64 } from './planes.js';

export function matchTemplateRef(
  image: NDArray,
  template: NDArray,
  opts: { method?: MatchMethod; mask?: NDArray } = {},
): NDArray<'float64'> {
  const method = checkMethod(opts.method ?? 'ccoeff_normed');
  const { img, tpl, msk } = checkMatchInputs(image, template, opts.mask);
  const { height: h, width: w, channels: C } = tpl;
  const n = h * w;
  const I = img.planes.map((p) => planeToFloat64(p)); // [C][H·W]
  const T = tpl.planes.map((p) => planeToFloat64(p)); // [C][h·w]
  const binary = opts.mask?.dtype === 'uint8';
  const M = Array.from({ length: C }, (_, c) =>
    msk === undefined ? new Float64Array(n).fill(1) : planeToFloat64(msk.planes[c], binary ? (v) => (v !== 0 ? 1 : 0) : undefined),
  );
  const sumM = M.map((m) => m.reduce((a, v) => a + v, 0));
  const mu = T.map((t, c) => (sumM[c] === 0 ? 0 : t.reduce((a, v, i) => a + M[c][i] * v, 0) / sumM[c]));
  const coeff = method === 'ccoeff' || method === 'ccoeff_normed';
  const outH = img.height - h + 1;
  const outW = img.width - w + 1;
  const out = zeros([outH, outW], 'float64');
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      let sq = 0;
      let cr = 0;
      let ii = 0;
      let tt = 0;
      for (let c = 0; c < C; c++) {
        let nu = 0;
        if (coeff && sumM[c] !== 0) {
          for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) nu += M[c][i * w + j] * I[c][(y + i) * img.width + x + j];
          nu /= sumM[c];
        }
        const tm = coeff ? mu[c] : 0;
        for (let i = 0; i < h; i++) {
          for (let j = 0; j < w; j++) {
            const wt = M[c][i * w + j] ** 2;
            const a = I[c][(y + i) * img.width + x + j] - nu;
            const b = T[c][i * w + j] - tm;
            sq += wt * (a - b) ** 2;
            cr += wt * a * b;
            ii += wt * a * a;
            tt += wt * b * b;
          }
        }
      }
      out.data[y * outW + x] = score(method, sq, cr, ii, tt);
    }
  }
  return out;
}

function score(method: MatchMethod, sq: number, cr: number, ii: number, tt: number): number {
  switch (method) {
    case 'sqdiff':
      return sq;
    case 'sqdiff_normed':
      return ii === 0 || tt === 0 ? (ii === 0 && tt === 0 ? 0 : 1) : sq / Math.sqrt(ii * tt);
    case 'ccorr':
    case 'ccoeff':
      return cr;
    default:
      return ii === 0 || tt === 0 ? 0 : clamp1(cr / Math.sqrt(ii * tt));
  }
}
