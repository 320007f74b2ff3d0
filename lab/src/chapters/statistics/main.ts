/**
 * Chapter 6, "Statistics as convolution": a real series smoothed by a kernel sliding over it; an
 * ARIMA fit of the user's order (coefficients, AIC, the 95% forecast band) and its impulse
 * response — the MA(∞) kernel that turns white noise into the series; the correlogram; and
 * whitening — a 2-D cloud centred, scaled and rotated onto its eigenvectors (PCA) or back (ZCA),
 * and ZCA-whitened patches of a photo. ARIMA fits and patch whitening run in a module worker.
 *
 * Test hooks: #st-smooth[data-spec][data-runs], #st-arima[data-state][data-fits],
 * #st-patches[data-state] — data-state is "pending" | "done" | "error".
 */
import '../../styles.css';
import { NDArray } from '../../../../src/core/ndarray.js';
import type { Order } from '../../../../src/stats/arima/index.js';
import { ImageCanvas } from '../../components/image-canvas.js';
import { button, integer, panel as panelOf, prose, readout, row, select, slider } from '../../controls.js';
import { mountChapterPage } from '../../page.js';
import { SAMPLES } from '../../samples.js';
import { latestOnly, WorkerClient } from '../../worker-rpc.js';
import {
  type ArimaView,
  cloud,
  correlogram,
  type LoadedSeries,
  type PatchView,
  parseSeries,
  SERIES,
  type SeriesName,
  type SmoothMethod,
  seriesInfo,
  smoothView,
} from './compute.js';
import { type Layer, plot } from './plot.js';
import { card } from './ui.js';
import type { StatsRequest } from './worker.js';

const BLUE = '#2f6fdf';
const ORANGE = '#e4572e';
const GREEN = '#17a589';
const GREY = '#9aa1ad';
const PURPLE = '#8e44ad';

const { main } = mountChapterPage('statistics');

function panel(id: string, title: string): { root: HTMLElement; side: HTMLElement; body: HTMLElement } {
  const { element: root, side, body } = panelOf(id, 'panel st-panel');
  const h2 = document.createElement('h2');
  h2.textContent = title;
  side.append(h2);
  body.className = 'st-body';
  main.append(root);
  return { root, side, body };
}

const spawn = (name: string) => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name });
/** Patches in one worker; ARIMA fits in another, restarted when a newer fit supersedes a running one. */
const worker = new WorkerClient<StatsRequest, { ms: number }>(() => spawn('convolab-statistics'));
const fitter = new WorkerClient<StatsRequest, { ms: number }>(() => spawn('convolab-statistics-arima'), { restartWhenBusy: true });

const fmt = (v: number, digits = 4) => {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e5 || a < 1e-3) ? v.toExponential(2) : Number(v.toPrecision(digits)).toString();
};

// ---- 1. the series and a moving average sliding over it -------------------------------------
const sm = panel('st-smooth', 'A moving average is a convolution');
sm.root.dataset.runs = '0';
const seriesSelect = select<SeriesName>(
  'Series',
  'st-series',
  SERIES.map((s) => [s.name, s.title] as const),
  'sunspots',
);
const method = select<SmoothMethod>(
  'Kernel',
  'st-method',
  [
    ['sma', 'simple moving average (box)'],
    ['wma', 'weighted moving average (causal, linear)'],
    ['ewm', 'exponential (causal IIR, span = width)'],
    ['gaussian', 'Gaussian (σ = width / 4)'],
    ['savgol', 'Savitzky–Golay (cubic)'],
  ],
  'sma',
);
const width = slider('Width', { min: 1, max: 51, step: 1, value: 9, id: 'st-width', format: (v) => `${v} samples` });
const position = slider('Kernel position', { min: 0, max: 308, step: 1, value: 150, id: 'st-pos', format: (v) => `sample ${v}` });
const smText = readout('st-smooth-readout');
let sliding = false;
const slide = button('Slide the kernel', 'st-slide', () => {
  sliding = !sliding;
  slide.textContent = sliding ? 'Stop' : 'Slide the kernel';
  if (sliding) requestAnimationFrame(step);
});
let lastStep = 0;
function step(now: number): void {
  if (!sliding) return;
  if (series && now - lastStep > 40) {
    lastStep = now;
    const n = series.y.length;
    position.set((position.value() + Math.max(1, Math.round(n / 240))) % n);
    drawSmooth();
  }
  requestAnimationFrame(step);
}
sm.side.append(
  prose(
    'Each smoothed value is a weighted sum of its neighbours: the series convolved with a fixed kernel. The shaded strip ' +
      'is the kernel at one position; its bars are the weights, and the dot is the weighted sum they produce. Widen the ' +
      'kernel and the curve forgets more of the fast wiggles.',
  ),
  seriesSelect.element,
  method.element,
  width.element,
  position.element,
  slide,
  smText,
);
const seriesCard = card('st-series-chart', 'The series (grey), smoothed (blue), the kernel at the chosen position (orange).');
const kernelCard = card('st-kernel-chart', 'The kernel: weight per offset from the output sample.');
const smRow = row('st-row st-row--wide', seriesCard.element, kernelCard.element);
const removedCard = card('st-removed-chart', 'What the kernel took out: series − smoothed, the fast part (a high-pass filter).');
sm.body.append(smRow, removedCard.element);

// ---- 2. ARIMA -------------------------------------------------------------------------------
const ar = panel('st-arima', 'An ARIMA model is a convolution of white noise');
ar.root.dataset.state = 'pending';
ar.root.dataset.fits = '0';
const pIn = integer('p', 'st-p', 3, 0, 12);
const dIn = integer('d', 'st-d', 0, 0, 2);
const qIn = integer('q', 'st-q', 0, 0, 6);
const fitButton = button('Fit', 'st-fit', () => refit());
const order = row('st-order', pIn.element, dIn.element, qIn.element, fitButton);
const horizon = slider('Forecast horizon', { min: 5, max: 200, step: 1, value: 40, id: 'st-h', format: (v) => `${v} samples` });
const arText = readout('st-arima-readout');
const coefs = document.createElement('table');
coefs.className = 'st-coefs';
coefs.id = 'st-coefs';
ar.side.append(
  prose(
    'ARIMA(p, d, q): difference the series d times, then explain each value by the p before it (AR) and the q last ' +
      'surprises (MA). Run forwards, the model is a convolution: the series is white noise convolved with the kernel ψ — ' +
      'its impulse response, the MA(∞) form. Fitted by exact maximum likelihood (Kalman filter).',
  ),
  order,
  horizon.element,
  arText,
  coefs,
);
const forecastCard = card('st-forecast-chart', 'The last stretch of the series, the forecast (orange) and its 95% band.');
const psiCard = card('st-psi-chart', 'Impulse response ψ: the kernel that colours white noise.');
const noiseCard = card('st-noise-chart', 'White noise e (grey) and ψ ∗ e (blue): a fresh series with the same correlations.');
const arRow = row('st-row', psiCard.element, noiseCard.element);
ar.body.append(forecastCard.element, arRow);

// ---- 3. ACF / PACF --------------------------------------------------------------------------
const co = panel('st-corr', 'Autocorrelation: what the kernel leaves behind');
const coText = readout('st-corr-readout');
const coOf = select(
  'Of',
  'st-corr-of',
  [
    ['series', 'the series (differenced d times)'],
    ['residuals', 'the residuals of the last ARIMA fit'],
  ],
  'series',
);
let lastResiduals: { label: string; values: Float64Array } | undefined;
co.side.append(
  prose(
    'The autocorrelation at lag k is the series correlated with itself shifted by k — a convolution with its own reverse. ' +
      'An AR(p) process has partial autocorrelations that stop after lag p; an MA(q) process has autocorrelations that stop ' +
      'after lag q. Bars outside the shaded 95% band are unlikely under white noise. A good model leaves residuals that are white noise: every bar inside the band.',
  ),
  coOf.element,
  coText,
);
const acfCard = card('st-acf-chart', 'ACF with Bartlett’s 95% band.');
const pacfCard = card('st-pacf-chart', 'PACF (Yule–Walker) with the ±1.96/√n band.');
const coRow = row('st-row', acfCard.element, pacfCard.element);
co.body.append(coRow);

// ---- 4. whitening a cloud -------------------------------------------------------------------
const wh = panel('st-whiten', 'Whitening: making data look like white noise');
const rho = slider('Correlation', { min: -0.95, max: 0.95, step: 0.05, value: 0.8, id: 'st-rho', format: (v) => v.toFixed(2) });
let cloudSeed = 1;
const again = button('New sample', 'st-cloud-new', () => {
  cloudSeed++;
  drawCloud();
});
const whText = readout('st-whiten-readout');
wh.side.append(
  prose(
    'Before modelling, data is made to look like white noise: shift it to mean 0, scale each axis to variance 1, and — ' +
      'since scaling alone keeps the correlation — rotate onto the eigenvectors of its covariance and scale those (PCA ' +
      'whitening). ZCA rotates back afterwards: the covariance is still the identity, and the points stay as close as ' +
      'possible to where they were.',
  ),
  rho.element,
  again,
  whText,
);
const cloudCards = [
  card('st-cloud-raw', 'Raw, with its principal axes'),
  card('st-cloud-std', 'Centred and scaled'),
  card('st-cloud-pca', 'PCA-whitened (rotated)'),
  card('st-cloud-zca', 'ZCA-whitened'),
];
const quad = row('st-quad', ...cloudCards.map((c) => c.element));
wh.body.append(quad);

// ---- 5. whitening image patches -------------------------------------------------------------
const pa = panel('st-patches', 'Whitened image patches');
pa.root.dataset.state = 'pending';
const photo = select(
  'Photo',
  'st-photo',
  SAMPLES.map((s) => [s.file, s.name] as const),
  'chelsea.png',
);
const patchSize = select(
  'Patch size',
  'st-patch-size',
  [
    ['3', '3 × 3'],
    ['5', '5 × 5'],
    ['7', '7 × 7'],
    ['9', '9 × 9'],
  ],
  '7',
);
const eps = slider('ε (fraction of the mean variance, log scale)', {
  min: -4,
  max: 0,
  step: 0.25,
  value: -2,
  id: 'st-eps',
  format: (v) => (10 ** v).toPrecision(2),
});
const paText = readout('st-patches-readout');
pa.side.append(
  prose(
    'Neighbouring pixels are strongly correlated. Collect every patch of a photo, ZCA-whiten the patches, and keep the row ' +
      'of the whitening matrix that produces the centre pixel: that row is a kernel — a centre-surround filter — and ' +
      'convolving the photo with it whitens every pixel. Smooth regions go flat; edges stand out.',
  ),
  photo.element,
  patchSize.element,
  eps.element,
  paText,
);
const grayView = new ImageCanvas({ label: 'The photo (gray)', zoomControls: false });
grayView.canvas.id = 'st-gray';
const whiteView = new ImageCanvas({ label: 'ZCA-whitened', zoomControls: false });
whiteView.canvas.id = 'st-white';
const kernelView = new ImageCanvas({ label: 'The whitening kernel', colormap: 'coolwarm', zoomControls: false });
kernelView.canvas.id = 'st-zca-kernel';
const triple = row('st-triple', grayView.element, whiteView.element, kernelView.element);
pa.body.append(triple);

// ---- behaviour ------------------------------------------------------------------------------
const texts = new Map<string, Promise<string>>();
let series: LoadedSeries | undefined;

/** Run a redraw; an error becomes the panel's readout instead of an uncaught exception. */
function guard(out: HTMLElement, draw: () => void): void {
  try {
    draw();
  } catch (err) {
    out.textContent = `Error: ${(err as Error).message}`;
  }
}

function loadText(file: string): Promise<string> {
  let p = texts.get(file);
  if (!p) {
    p = fetch(`/samples/series/${file}`).then((r) => {
      if (!r.ok) throw new Error(`/samples/series/${file}: HTTP ${r.status}`);
      return r.text();
    });
    p.catch(() => texts.delete(file));
    texts.set(file, p);
  }
  return p;
}

function drawSmooth(): void {
  guard(smText, drawSmoothNow);
}

function drawSmoothNow(): void {
  if (!series) return;
  const { t, y, info } = series;
  const v = smoothView(y, method.value(), width.value());
  const pos = Math.min(position.value(), y.length - 1);
  const clamp = (i: number) => Math.min(y.length - 1, Math.max(0, i));
  const kx = Array.from(v.offsets, (o) => t[clamp(pos + o)]);
  const span: [number, number] = [Math.min(...kx), Math.max(...kx)];
  const dt = t.length > 1 ? (t[t.length - 1] - t[0]) / (t.length - 1) : 1;
  seriesCard.show(
    plot({
      layers: [
        { kind: 'line', x: t, y, color: GREY, width: 1.1, label: 'series', id: 'raw' },
        { kind: 'line', x: t, y: v.smoothed, color: BLUE, width: 2, label: v.spec, id: 'smoothed' },
        { kind: 'points', x: [t[pos]], y: [v.smoothed[pos]], color: ORANGE, radius: 4.5, id: 'output' },
      ],
      inset: { x: kx, y: v.kernel, color: ORANGE, id: 'kernel', window: [span[0] - dt / 2, span[1] + dt / 2] },
      xLabel: info.xLabel,
      yLabel: info.yLabel,
      width: 640,
      height: 290,
    }),
  );
  kernelCard.show(
    plot({
      layers: [{ kind: 'bars', x: v.offsets, y: v.kernel, color: ORANGE, id: 'weights' }],
      xLabel: v.causal ? 'offset (samples back)' : 'offset (samples)',
      yLabel: 'weight',
      width: 300,
      height: 290,
    }),
  );
  removedCard.show(
    plot({
      layers: [{ kind: 'line', x: t, y: y.map((yi, i) => yi - v.smoothed[i]), color: GREEN, width: 1.1, id: 'removed' }],
      xLabel: info.xLabel,
      width: 940,
      height: 170,
    }),
  );
  const sum = v.kernel.reduce((a, b) => a + b, 0);
  smText.textContent =
    `${v.spec}: ${v.kernel.length} weights summing to ${fmt(sum, 6)}` +
    `${v.causal ? ' — causal, it sees only the past' : ' — centred'}. At ${fmt(t[pos], 6)} the raw value ${fmt(y[pos])} ` +
    `smooths to ${fmt(v.smoothed[pos])}.` +
    (series.gaps ? ` (${series.gaps} missing values were filled by linear interpolation.)` : '');
  sm.root.dataset.spec = v.spec;
  sm.root.dataset.runs = String(Number(sm.root.dataset.runs) + 1);
}

function drawCorrelogram(): void {
  guard(coText, drawCorrelogramNow);
}

function drawCorrelogramNow(): void {
  if (!series) return;
  const ofResiduals = coOf.value() === 'residuals' && lastResiduals !== undefined;
  const d = ofResiduals ? 0 : dIn.value();
  const c = correlogram(ofResiduals && lastResiduals ? lastResiduals.values : series.y, d, 40);
  co.root.dataset.of = ofResiduals ? 'residuals' : 'series';
  const lags = Array.from({ length: c.acf.length - 1 }, (_, i) => i + 1);
  const band = (half: ArrayLike<number>) => ({
    lo: lags.map((k) => -half[k]),
    hi: lags.map((k) => half[k]),
  });
  const ab = band(c.acfBand);
  acfCard.show(
    plot({
      layers: [
        { kind: 'band', x: lags, lo: ab.lo, hi: ab.hi, color: BLUE, label: '95% band', id: 'band' },
        { kind: 'bars', x: lags, y: c.acf.slice(1), color: BLUE, label: 'ACF', id: 'acf' },
      ],
      xLabel: 'lag',
      yDomain: [-1, 1],
      width: 420,
      height: 230,
    }),
  );
  pacfCard.show(
    plot({
      layers: [
        {
          kind: 'band',
          x: lags,
          lo: lags.map(() => -c.pacfBand),
          hi: lags.map(() => c.pacfBand),
          color: GREEN,
          label: '95% band',
          id: 'band',
        },
        { kind: 'bars', x: lags, y: c.pacf.slice(1), color: GREEN, label: 'PACF', id: 'pacf' },
      ],
      xLabel: 'lag',
      yDomain: [-1, 1],
      width: 420,
      height: 230,
    }),
  );
  const outside = lags.filter((k) => Math.abs(c.pacf[k]) > c.pacfBand);
  coText.textContent =
    `${ofResiduals && lastResiduals ? `Residuals of ${lastResiduals.label}: ` : ''}${c.n} values${d ? ` (differenced ${d}×)` : ''}. Lag-1 autocorrelation ${fmt(c.acf[1], 3)}. ` +
    `PACF outside the band at lag${outside.length === 1 ? '' : 's'} ${outside.slice(0, 8).join(', ') || 'none'}${outside.length > 8 ? ', …' : ''}.`;
}

const refit = latestOnly(
  () => {
    if (!series) return Promise.reject(new Error('no series loaded yet'));
    ar.root.dataset.state = 'pending';
    arText.textContent = 'Fitting… (large orders can take several seconds; a new request cancels this one)';
    const job: StatsRequest = {
      op: 'arima',
      y: series.y,
      order: [pIn.value(), dIn.value(), qIn.value()] as Order,
      horizon: horizon.value(),
      lags: 40,
      seed: 7,
    };
    const s = series;
    return fitter.run(job).then((r) => ({ r: r as unknown as ArimaView, s }));
  },
  ({ r, s }) => {
    lastResiduals = { label: r.label, values: r.residuals };
    drawArima(r, s);
    if (coOf.value() === 'residuals') drawCorrelogram();
    ar.root.dataset.fits = String(Number(ar.root.dataset.fits) + 1);
    ar.root.dataset.state = 'done';
  },
  (err) => {
    lastResiduals = undefined;
    ar.root.dataset.state = 'error';
    arText.textContent = `Cannot fit: ${err.message}`;
    coefs.replaceChildren();
  },
);

function drawArima(r: ArimaView, s: LoadedSeries): void {
  const { t, y, info } = s;
  const n = y.length;
  const h = r.mean.length;
  const dt = (t[n - 1] - t[0]) / (n - 1);
  const tail = Math.min(n, Math.max(3 * h, 100));
  const tt = Array.from(t.subarray(n - tail));
  const ft = Array.from({ length: h + 1 }, (_, i) => t[n - 1] + i * dt);
  // the band starts at the last observation (zero width) so it joins the series
  const mean = [y[n - 1], ...r.mean];
  const lo = [y[n - 1], ...r.lower];
  const hi = [y[n - 1], ...r.upper];
  forecastCard.show(
    plot({
      layers: [
        { kind: 'band', x: ft, lo, hi, color: ORANGE, label: '95% band', id: 'band' },
        { kind: 'line', x: tt, y: Array.from(y.subarray(n - tail)), color: GREY, width: 1.3, label: info.name, id: 'series' },
        { kind: 'line', x: ft, y: mean, color: ORANGE, width: 2, label: `${r.label} forecast`, id: 'forecast' },
        { kind: 'vline', x: t[n - 1], color: GREY },
      ],
      xLabel: info.xLabel,
      yLabel: info.yLabel,
      width: 760,
      height: 270,
    }),
  );
  const fc = forecastCard.element;
  fc.dataset.bandWidth = String(r.upper[h - 1] - r.lower[h - 1]);
  fc.dataset.bandWidth1 = String(r.upper[0] - r.lower[0]);
  psiCard.show(
    plot({
      layers: [{ kind: 'bars', x: Array.from(r.psi, (_, j) => j), y: r.psi, color: PURPLE, id: 'psi' }],
      xLabel: 'lag j',
      yLabel: 'ψ_j',
      width: 380,
      height: 230,
    }),
  );
  const steps = Array.from(r.noise, (_, i) => i);
  noiseCard.show(
    plot({
      layers: [
        { kind: 'line', x: steps, y: r.noise, color: GREY, width: 1, label: 'e', id: 'noise' },
        { kind: 'line', x: steps, y: r.coloured, color: BLUE, width: 1.6, label: 'ψ ∗ e', id: 'coloured' },
      ],
      xLabel: 'step',
      width: 380,
      height: 230,
    }),
  );
  const head = document.createElement('tr');
  for (const name of ['parameter', 'estimate', 'std err']) head.append(Object.assign(document.createElement('th'), { textContent: name }));
  const rows = r.names.map((name, i) => {
    const tr = document.createElement('tr');
    for (const text of [name, fmt(r.params[i], 5), fmt(r.bse[i], 3)])
      tr.append(Object.assign(document.createElement('td'), { textContent: text }));
    return tr;
  });
  coefs.replaceChildren(head, ...rows);
  const warn = r.warnings.length ? ` Warning: ${r.warnings.join('; ')}.` : '';
  arText.textContent =
    `${r.label}${r.converged ? '' : ' (not converged)'}: log-likelihood ${fmt(r.loglik, 7)}, AIC ${fmt(r.aic, 7)}, ` +
    `BIC ${fmt(r.bic, 7)}, σ² ${fmt(r.sigma2, 5)}. Residuals: Ljung–Box p = ${fmt(r.ljungP, 3)} at lag ${r.ljungLags} ` +
    `(${r.ljungP > 0.05 ? 'white enough' : 'correlation left over — try another order'}). Fitted in ${r.ms.toFixed(0)} ms.${warn}`;
}

function drawCloud(): void {
  const n = 500;
  const c = cloud(n, rho.value(), cloudSeed);
  const col = (a: Float64Array, j: number) => Array.from({ length: n }, (_, i) => a[2 * i + j]);
  const lim = (a: Float64Array, pad: number): [number, number] => {
    let m = 0;
    for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
    return [-m - pad, m + pad];
  };
  // raw: keep the origin in view so the shift to mean 0 shows
  const box = (j: number): [number, number] => {
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, c.raw[2 * i + j]);
      hi = Math.max(hi, c.raw[2 * i + j]);
    }
    return [lo - 0.5, hi + 0.5];
  };
  const axes: Layer[] = [0, 1].map((k) => {
    const s = 2 * Math.sqrt(c.eigenvalues[k]);
    const vx = c.components[2 * k];
    const vy = c.components[2 * k + 1];
    return {
      kind: 'line',
      x: [c.mean[0] - s * vx, c.mean[0] + s * vx],
      y: [c.mean[1] - s * vy, c.mean[1] + s * vy],
      color: k ? GREEN : ORANGE,
      width: 2.5,
    };
  });
  const origin: Layer[] = [
    { kind: 'hline', y: 0, color: GREY, dash: '3 3' },
    { kind: 'vline', x: 0, color: GREY },
  ];
  const views: [Float64Array, Layer[], [number, number], [number, number]][] = [
    [c.raw, axes, box(0), box(1)],
    [c.standardized, [], lim(c.standardized, 0.3), lim(c.standardized, 0.3)],
    [c.pca, [], lim(c.pca, 0.3), lim(c.pca, 0.3)],
    [c.zca, [], lim(c.zca, 0.3), lim(c.zca, 0.3)],
  ];
  views.forEach(([pts, extra, xDomain, yDomain], k) => {
    cloudCards[k].show(
      plot({
        layers: [...origin, { kind: 'points', x: col(pts, 0), y: col(pts, 1), color: k ? BLUE : GREY, radius: 2, id: 'points' }, ...extra],
        xDomain,
        yDomain,
        equal: true,
        width: 420,
        height: 250,
      }),
    );
  });
  const cv = (m: Float64Array) => `[[${fmt(m[0], 3)}, ${fmt(m[1], 3)}], [${fmt(m[2], 3)}, ${fmt(m[3], 3)}]]`;
  whText.textContent =
    `Covariance — raw ${cv(c.cov.raw)}; centred and scaled ${cv(c.cov.standardized)} (still correlated); ` +
    `PCA ${cv(c.cov.pca)}; ZCA ${cv(c.cov.zca)}. Eigenvalues ${fmt(c.eigenvalues[0], 3)} and ${fmt(c.eigenvalues[1], 3)}.`;
  wh.root.dataset.zcaOffDiagonal = String(c.cov.zca[1]);
}

const whitenPhoto = latestOnly(
  () => {
    pa.root.dataset.state = 'pending';
    paText.textContent = 'Whitening…';
    return worker
      .run({ op: 'patches', url: `/samples/${photo.value()}`, size: Number(patchSize.value()), epsilon: 10 ** eps.value(), max: 256 })
      .then((r) => r as unknown as PatchView);
  },
  (r) => {
    grayView.draw(new NDArray('float32', [r.height, r.width], r.gray), { range: [0, 255] });
    whiteView.draw(new NDArray('float32', [r.height, r.width], r.whitened), { range: r.range });
    let m = 0;
    for (const v of r.kernel) m = Math.max(m, Math.abs(v));
    kernelView.draw(new NDArray('float64', [r.size, r.size], r.kernel), { range: [-m, m] });
    const c = Math.floor((r.size * r.size) / 2);
    const centre = r.kernel[c];
    const around = [r.kernel[c - 1], r.kernel[c + 1], r.kernel[c - r.size], r.kernel[c + r.size]];
    const surround = around.every((v) => v < 0)
      ? 'its four neighbours negative: a centre-surround filter'
      : 'its neighbours ' + around.map((v) => fmt(v, 2)).join(', ');
    paText.textContent =
      `${r.width} × ${r.height} pixels, ${r.size} × ${r.size} patches (${r.size * r.size} dimensions), whitened in ${r.ms.toFixed(0)} ms. ` +
      `Kernel centre ${fmt(centre, 3)}, ${surround}.`;
    pa.root.dataset.state = 'done';
  },
  (err) => {
    pa.root.dataset.state = 'error';
    paText.textContent = `Cannot whiten: ${err.message}`;
  },
);

async function selectSeries(): Promise<void> {
  const info = seriesInfo(seriesSelect.value());
  ar.root.dataset.state = 'pending';
  try {
    series = parseSeries(info.name, await loadText(info.file));
    lastResiduals = undefined;
  } catch (err) {
    ar.root.dataset.state = 'error';
    smText.textContent = `Cannot load ${info.file}: ${(err as Error).message}`;
    return;
  }
  position.set(Math.floor(series.y.length / 2), series.y.length - 1);
  pIn.set(info.order[0]);
  dIn.set(info.order[1]);
  qIn.set(info.order[2]);
  horizon.set(info.horizon);
  drawSmooth();
  drawCorrelogram();
  refit();
}

seriesSelect.input.addEventListener('change', () => void selectSeries());
method.input.addEventListener('change', drawSmooth);
width.input.addEventListener('input', drawSmooth);
position.input.addEventListener('input', drawSmooth);
for (const input of [pIn.input, qIn.input]) input.addEventListener('change', refit);
dIn.input.addEventListener('change', () => {
  drawCorrelogram();
  refit();
});
horizon.input.addEventListener('change', refit);
rho.input.addEventListener('input', drawCloud);
coOf.input.addEventListener('change', drawCorrelogram);
photo.input.addEventListener('change', whitenPhoto);
patchSize.input.addEventListener('change', whitenPhoto);
eps.input.addEventListener('change', whitenPhoto);

drawCloud();
void selectSeries();
whitenPhoto();
