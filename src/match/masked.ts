/**
 * Masked scores, cv::matchTemplate's formulas with a mask M (per channel c; the sums without
 * an argument run over the template's h×w cells):
 *
 *   sqdiff         A − 2B + Σ(T·M)²             A = Σ_c corr(I_c², M_c²),  B = Σ_c corr(I_c, T_c·M_c²)
 *   sqdiff_normed  (A − 2B + Σ(T·M)²) / √(A · Σ(T·M)²)
 *   ccorr          B
 *   ccorr_normed   B / √(A · Σ(T·M)²)
 *   ccoeff         Σ_c corr(I_c, T'_c − M_c · ΣT'_c / ΣM_c)      T'_c = M_c² (T_c − μ_c),  μ_c = Σ M_c T_c / Σ M_c
 *   ccoeff_normed  ccoeff / (‖M·(T − μ)‖ · √V)
 *                  V = Σ_c corr(I_c², M_c²) + corr(I_c, M_c)/ΣM_c · (ΣM_c²/ΣM_c · corr(I_c, M_c) − 2 corr(I_c, M_c²))
 *
 * For a binary mask these are the unmasked scores over the mask's cells only. Degenerate
 * windows get the values documented in matchTemplate.ts (flat threshold 1e-6 here: the masked
 * variance comes out of FFT correlations, not exact window sums).
 */
import { ArgumentError } from '../core/errors.js';
import { type Source, sourceOf, type Term } from './correlate.js';
import { makeCorrelator } from './engine.js';
import { clamp1, type MatchEngine, type MatchMethod } from './methods.js';
import { type Planes, planeToFloat64 } from './planes.js';
import { maxAbs } from './windowStats.js';

const MASK_FLAT_TOL = 1e-6;

const sum = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);
const mul = (a: Float64Array, b: Float64Array): Float64Array => a.map((v, i) => v * b[i]);

export function matchMasked(
  img: Planes,
  tpl: Planes,
  msk: Planes,
  method: MatchMethod,
  engine: MatchEngine,
  binary: boolean,
): Float64Array {
  const C = img.channels;
  const T = tpl.planes.map((p) => planeToFloat64(p));
  const M = msk.planes.map((p) => planeToFloat64(p, binary ? (v) => (v !== 0 ? 1 : 0) : undefined));
  const M2 = M.map((m) => mul(m, m));
  const sumM = M.map(sum);
  if (sumM.every((s) => s === 0)) throw new ArgumentError('mask: every weight is zero; nothing would be compared', 'mask');
  const I: Source[] = img.planes.map((p) => sourceOf(p));
  const I2: Source[] = img.planes.map((p) => sourceOf(p, true));
  const scale = Math.max(...img.planes.map(maxAbs));
  const sumM2 = M2.reduce((a, m) => a + sum(m), 0);
  const floor = sumM2 * (MASK_FLAT_TOL * scale) ** 2;
  const tScale = Math.max(...tpl.planes.map(maxAbs));
  const many = method === 'ccoeff_normed';
  const corr = makeCorrelator(engine, img, tpl, { terms: many ? 5 * C : 2 * C, sources: 2 * C, sums: many ? 2 + 2 * C : 2 });

  if (method === 'ccoeff' || method === 'ccoeff_normed') {
    const mu = T.map((t, c) => (sumM[c] === 0 ? 0 : sum(mul(M[c], t)) / sumM[c]));
    const Tx = T.map((t, c) =>
      mul(
        M2[c],
        t.map((v) => v - mu[c]),
      ),
    ); // M² (T − μ)
    const k = Tx.map((tx, c) => (sumM[c] === 0 ? tx : tx.map((v, i) => v - (M[c][i] * sum(tx)) / sumM[c])));
    const num = corr.sum(k.map((kernel, c) => ({ src: I[c], kernel })));
    if (method === 'ccoeff') return num;
    const normT2 = T.reduce((a, t, c) => a + sum(t.map((v, i) => (M[c][i] * (v - mu[c])) ** 2)), 0);
    const V = corr.sum(I2.map((src, c) => ({ src, kernel: M2[c] })));
    for (let c = 0; c < C; c++) {
      if (sumM[c] === 0) continue;
      const IM = corr.sum([{ src: I[c], kernel: M[c] }]);
      const IM2 = corr.sum([{ src: I[c], kernel: M2[c] }]);
      const r = sum(M2[c]) / sumM[c];
      for (let i = 0; i < V.length; i++) V[i] += (IM[i] / sumM[c]) * (r * IM[i] - 2 * IM2[i]);
    }
    const tFlat = normT2 <= sumM2 * (MASK_FLAT_TOL * tScale) ** 2;
    for (let i = 0; i < num.length; i++) num[i] = tFlat || V[i] <= floor ? 0 : clamp1(num[i] / Math.sqrt(V[i] * normT2));
    return num;
  }

  const tm2 = T.reduce((a, t, c) => a + sum(mul(t, t).map((v, i) => v * M2[c][i])), 0); // Σ (T·M)²
  const B = corr.sum(T.map((t, c): Term => ({ src: I[c], kernel: mul(t, M2[c]) })));
  if (method === 'ccorr') return B;
  const A = corr.sum(I2.map((src, c) => ({ src, kernel: M2[c] })));
  const tFlat = tm2 <= sumM2 * (MASK_FLAT_TOL * tScale) ** 2;
  for (let i = 0; i < B.length; i++) {
    const flat = A[i] <= floor;
    if (method === 'sqdiff' || method === 'sqdiff_normed') {
      const d = Math.max(0, A[i] - 2 * B[i] + tm2);
      if (method === 'sqdiff') B[i] = d;
      else B[i] = flat || tFlat ? (flat && tFlat ? 0 : 1) : d / Math.sqrt(A[i] * tm2);
    } else {
      B[i] = flat || tFlat ? 0 : clamp1(B[i] / Math.sqrt(A[i] * tm2));
    }
  }
  return B;
}
