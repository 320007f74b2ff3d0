/**
 * The statistics chapter's compute — plain functions over src/stats, testable in Node: reading a
 * bundled series, a smoothing kernel and its output, an ARIMA fit reduced to plain numbers (for
 * the worker to post), the correlogram, a correlated 2-D cloud whitened three ways, and the
 * ZCA-whitened image.
 */
import { fromArray, NDArray, Rng } from '../../../../src/core/index.js';
import { readCsvColumn } from '../../../../src/io/csv.js';
import { acf } from '../../../../src/stats/acf.js';
import { arima, type Order } from '../../../../src/stats/arima/index.js';
import { seriesFromCsv } from '../../../../src/stats/csv-series.js';
import { pacf } from '../../../../src/stats/pacf.js';
import { whitenPatches } from '../../../../src/stats/patches.js';
import { diff } from '../../../../src/stats/series.js';
import { kernelOf, type SmoothSpec, smooth } from '../../../../src/stats/spec.js';
import { normPpf } from '../../../../src/stats/special.js';
import { covarianceMatrix, pcaWhiten, standardize, zcaWhiten } from '../../../../src/stats/whiten.js';
import { ljungBox, whiteNoise } from '../../../../src/stats/whitenoise.js';

// ---- series ---------------------------------------------------------------------------------

export type SeriesName = 'sunspots' | 'nile' | 'co2';

export interface SeriesInfo {
  name: SeriesName;
  title: string;
  file: string;
  timeColumn: string;
  valueColumn: string;
  xLabel: string;
  yLabel: string;
  /** A sensible first model and forecast horizon (in samples). */
  order: Order;
  horizon: number;
}

export const SERIES: readonly SeriesInfo[] = [
  {
    name: 'sunspots',
    title: 'Yearly sunspot numbers, 1700–2008',
    file: 'sunspots.csv',
    timeColumn: 'YEAR',
    valueColumn: 'SUNACTIVITY',
    xLabel: 'year',
    yLabel: 'sunspot number',
    order: [3, 0, 0],
    horizon: 40,
  },
  {
    name: 'nile',
    title: 'Annual Nile flow at Aswan, 1871–1970',
    file: 'nile.csv',
    timeColumn: 'year',
    valueColumn: 'volume',
    xLabel: 'year',
    yLabel: 'flow (10⁸ m³)',
    order: [1, 0, 1],
    horizon: 20,
  },
  {
    name: 'co2',
    title: 'Weekly CO₂ at Mauna Loa, 1958–2001',
    file: 'co2.csv',
    timeColumn: 'date',
    valueColumn: 'co2',
    xLabel: 'year',
    yLabel: 'CO₂ (ppm)',
    order: [2, 1, 1],
    horizon: 156,
  },
];

export function seriesInfo(name: string): SeriesInfo {
  const info = SERIES.find((s) => s.name === name);
  if (!info) throw new RangeError(`series: expected one of ${SERIES.map((s) => s.name).join(', ')}, got ${JSON.stringify(name)}`);
  return info;
}

export interface LoadedSeries {
  info: SeriesInfo;
  /** Time of each sample in years (co2's YYYYMMDD dates as fractional years). */
  t: Float64Array;
  y: Float64Array;
  /** Gaps filled by linear interpolation. */
  gaps: number;
}

/** Decimal year of a YYYYMMDD date. */
export function decimalYear(yyyymmdd: number): number {
  const year = Math.floor(yyyymmdd / 10000);
  const month = Math.floor(yyyymmdd / 100) % 100;
  const day = yyyymmdd % 100;
  const start = Date.UTC(year, 0, 1);
  return year + (Date.UTC(year, month - 1, day) - start) / (Date.UTC(year + 1, 0, 1) - start);
}

export function parseSeries(name: string, text: string): LoadedSeries {
  const info = seriesInfo(name);
  const { values, gaps } = seriesFromCsv(text, info.valueColumn, { name: info.file, interpolate: true });
  const raw = readCsvColumn(text, info.timeColumn, { name: info.file });
  const t = info.timeColumn === 'date' ? raw.map(decimalYear) : raw;
  return { info, t, y: values, gaps };
}

// ---- smoothing ------------------------------------------------------------------------------

export type SmoothMethod = 'sma' | 'wma' | 'ewm' | 'gaussian' | 'savgol';

/** The spec a method takes at slider width `width` (samples). */
export function specFor(method: SmoothMethod, width: number): SmoothSpec {
  const w = Math.max(1, Math.round(width));
  switch (method) {
    case 'sma':
    case 'wma':
      return { method, window: w };
    case 'ewm':
      return { method, alpha: 2 / (w + 1) }; // pandas' span = w
    case 'gaussian':
      return { method, sigma: Math.max(w / 4, 0.25) };
    case 'savgol': {
      const window = Math.max(5, w % 2 === 1 ? w : w + 1);
      return { method, window, polyorder: 3 };
    }
  }
}

export function specLabel(s: SmoothSpec): string {
  switch (s.method) {
    case 'sma':
    case 'wma':
      return `${s.method}:${s.window}`;
    case 'ewm':
      return `ewm:${Number(s.alpha.toFixed(4))}`;
    case 'gaussian':
      return `gaussian:${Number(s.sigma.toFixed(3))}`;
    case 'savgol':
      return `savgol:${s.window}:${s.polyorder}`;
  }
}

export interface SmoothView {
  spec: string;
  kernel: Float64Array;
  /** Where each kernel weight sits relative to the output sample (0 = the sample itself, −j = j samples back). */
  offsets: Float64Array;
  smoothed: Float64Array;
  causal: boolean;
}

/**
 * Smooth `y`: SMA, Gaussian and Savitzky–Golay centred; WMA causal (newest sample heaviest);
 * EWM as its exact IIR recursion (causal), drawn as its truncated kernel.
 */
export function smoothView(y: Float64Array, method: SmoothMethod, width: number): SmoothView {
  const spec = specFor(method, width);
  const causal = method === 'wma' || method === 'ewm';
  let kernel = kernelOf(spec);
  if (method === 'ewm') {
    // drop the tail below 0.1% of the first weight: invisible as bars
    let n = kernel.length;
    while (n > 1 && kernel[n - 1] < 1e-3 * kernel[0]) n--;
    kernel = kernel.slice(0, n);
  }
  const smoothed = method === 'wma' ? smooth(y, spec, { align: 'causal' }) : smooth(y, spec);
  const K = kernel.length;
  const offsets = Float64Array.from({ length: K }, (_, j) => (causal ? -j : Math.floor(K / 2) - j));
  return { spec: specLabel(spec), kernel, offsets, smoothed, causal };
}

// ---- ARIMA ----------------------------------------------------------------------------------

export interface ArimaJob {
  y: Float64Array;
  order: Order;
  horizon: number;
  /** Impulse-response length (lags). */
  lags: number;
  seed: number;
}

export interface ArimaView {
  label: string;
  names: string[];
  params: number[];
  bse: number[];
  sigma2: number;
  loglik: number;
  aic: number;
  bic: number;
  converged: boolean;
  warnings: string[];
  /** [horizon] forecast mean and 95% band. */
  mean: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** ψ_0..ψ_{lags−1}: the MA(∞) kernel. */
  psi: Float64Array;
  /** White noise e (σ-scaled) and ψ ∗ e (+ the mean when the model has one): the convolution view. */
  noise: Float64Array;
  coloured: Float64Array;
  /** One-step residuals (length n − d). */
  residuals: Float64Array;
  /** Ljung–Box p-value of the residuals at lag `ljungLags` (large: the residuals look white). */
  ljungP: number;
  ljungLags: number;
  ms: number;
}

export function fitArima(job: ArimaJob): ArimaView {
  const t0 = performance.now();
  const r = arima(job.y, job.order);
  const f = r.forecast(job.horizon, { alpha: 0.05 });
  const psi = r.impulseResponse(job.lags);
  const n = 240;
  const sigma = Math.sqrt(r.sigma2);
  const e = whiteNoise(n + job.lags, { seed: job.seed, std: sigma });
  const mu = job.order[1] === 0 && r.trend === 'c' ? r.trendCoefs[0] : 0;
  const coloured = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let s = mu;
    for (let j = 0; j < job.lags; j++) s += psi[j] * e[t + job.lags - j];
    coloured[t] = s;
  }
  const df = job.order[0] + job.order[2];
  const ljungLags = Math.min(Math.max(10, df + 5), Math.floor(r.residuals.length / 2) - 1);
  const lb = ljungBox(r.residuals, { lags: ljungLags, modelDf: Math.min(df, ljungLags - 1) });
  return {
    label: `ARIMA(${job.order.join(',')})`,
    names: [...r.paramNames],
    params: Array.from(r.params),
    bse: Array.from(r.bse),
    sigma2: r.sigma2,
    loglik: r.loglik,
    aic: r.aic,
    bic: r.bic,
    converged: r.converged,
    warnings: [...r.warnings],
    mean: f.mean,
    lower: f.lower,
    upper: f.upper,
    psi,
    noise: e.slice(job.lags),
    coloured,
    residuals: r.residuals,
    ljungP: lb[lb.length - 1].lbPvalue,
    ljungLags,
    ms: performance.now() - t0,
  };
}

// ---- correlogram ----------------------------------------------------------------------------

export interface Correlogram {
  acf: Float64Array;
  /** Bartlett half-width per lag (the band centred on 0). */
  acfBand: Float64Array;
  pacf: Float64Array;
  /** ±z/√n */
  pacfBand: number;
  n: number;
}

/** ACF and PACF (lags 1..nlags, lag 0 kept at index 0) of `y` differenced `d` times, with 95% bands. */
export function correlogram(y: Float64Array, d: number, nlags: number): Correlogram {
  const w = d > 0 ? diff(y, d) : y;
  const lags = Math.min(nlags, Math.floor(w.length / 2) - 1);
  const a = acf(w, { nlags: lags, alpha: 0.05 });
  const p = pacf(w, { nlags: lags, alpha: 0.05 });
  const acfBand = a.acf.map((v, k) => (a.upper ? a.upper[k] - v : 0));
  return { acf: a.acf, acfBand, pacf: p.pacf, pacfBand: normPpf(0.975) / Math.sqrt(w.length), n: w.length };
}

// ---- whitening a 2-D cloud ------------------------------------------------------------------

export interface Cloud {
  /** [n, 2] row-major each. */
  raw: Float64Array;
  standardized: Float64Array;
  pca: Float64Array;
  zca: Float64Array;
  /** Covariance [xx, xy, yx, yy] of each. */
  cov: { raw: Float64Array; standardized: Float64Array; pca: Float64Array; zca: Float64Array };
  /** Principal axes (rows) and their variances, of the raw cloud. */
  components: Float64Array;
  eigenvalues: Float64Array;
  mean: Float64Array;
}

/** n points of a Gaussian with correlation `rho` between axes scaled 3 : 1, shifted off the origin; whitened three ways. */
export function cloud(n: number, rho: number, seed: number): Cloud {
  const rng = new Rng(seed);
  const raw = new Float64Array(2 * n);
  const sx = 3;
  const sy = 1.2;
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    const b = rng.normal();
    raw[2 * i] = 4 + sx * a;
    raw[2 * i + 1] = 2 + sy * (rho * a + Math.sqrt(1 - rho * rho) * b);
  }
  const x = fromArray(raw, 'float64', [n, 2]);
  const st = standardize(x);
  const p = pcaWhiten(x);
  const z = zcaWhiten(x);
  const cov = (a: NDArray) => covarianceMatrix(a);
  return {
    raw,
    standardized: st.data as Float64Array,
    pca: p.data.data,
    zca: z.data.data,
    cov: { raw: cov(x), standardized: cov(st), pca: cov(p.data), zca: cov(z.data) },
    components: p.components,
    eigenvalues: p.eigenvalues,
    mean: p.mean,
  };
}

// ---- whitening image patches ----------------------------------------------------------------

/** Mean of the colour channels, box-averaged down so the longer side is at most `max` pixels. [1, h, w]. */
export function grayShrink(image: NDArray, max: number): NDArray<'float32'> {
  const [C, H, W] = image.shape;
  const f = Math.max(1, Math.ceil(Math.max(H, W) / max));
  const h = Math.floor(H / f);
  const w = Math.floor(W / f);
  const out = new NDArray('float32', [1, h, w]);
  const src = image.data as ArrayLike<number>;
  const norm = 1 / (C * f * f);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let c = 0; c < C; c++)
        for (let dy = 0; dy < f; dy++) for (let dx = 0; dx < f; dx++) s += src[(c * H + y * f + dy) * W + x * f + dx];
      out.data[y * w + x] = s * norm;
    }
  }
  return out;
}

export interface PatchView {
  /** [h, w] gray input and its ZCA-whitened version. */
  gray: Float32Array;
  whitened: Float32Array;
  height: number;
  width: number;
  /** [size, size] the kernel that whitens a pixel (the ZCA row of the patch centre). */
  kernel: Float64Array;
  size: number;
  /** Display range ±3 standard deviations of the whitened image. */
  range: [number, number];
  ms: number;
}

export function patchView(gray: NDArray<'float32'>, size: number, epsilon: number): PatchView {
  const t0 = performance.now();
  const r = whitenPatches(gray, size, { epsilon, maxPatches: 12000, seed: 1 });
  const wd = r.image.data;
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < wd.length; i++) {
    s += wd[i];
    s2 += wd[i] * wd[i];
  }
  const m = s / wd.length;
  const sd = Math.sqrt(Math.max(s2 / wd.length - m * m, 1e-30));
  return {
    gray: Float32Array.from(gray.data),
    whitened: wd,
    height: gray.shape[1],
    width: gray.shape[2],
    kernel: Float64Array.from(r.kernels.data),
    size,
    range: [m - 3 * sd, m + 3 * sd],
    ms: performance.now() - t0,
  };
}
