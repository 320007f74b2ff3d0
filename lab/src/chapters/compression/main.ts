/**
 * Chapter 3c, "Compression": keep only the strongest fraction of the spectrum (or code 8×8 blocks
 * JPEG-style at a quality), see the reconstruction, and where it sits on the PSNR-vs-ratio curve.
 * #fd-root gets data-state="done" and data-runs after each draw.
 */
import '../../styles.css';
import { chart } from '../../components/chart.js';
import { ImageCanvas } from '../../components/image-canvas.js';
import { chartFigure, liveRun, prose, readout as readoutOf, row, select, slider } from '../../controls.js';
import { frequencyPage, type Reply, SpectrumWorker, sourcePicker, sticky } from '../frequency/client.js';
import type { Source } from '../frequency/protocol.js';

const { main, element: root, side, body } = frequencyPage('compression');

const intro = prose(
  'Most of a photo’s spectrum is tiny. Keep only the largest coefficients, zero the rest, transform back: the fraction kept is the ' +
    'compression ratio. JPEG does the same on 8 × 8 blocks with the cosine transform, rounding coefficients by a quality-scaled table.',
);
const mode = select(
  'Method',
  'fd-mode',
  [
    ['keep', 'keep the largest Fourier coefficients'],
    ['jpeg', 'JPEG-style 8 × 8 DCT'],
  ] as const,
  'keep',
);
const keep = slider('Keep (fraction of coefficients)', {
  min: -3,
  max: 0,
  step: 0.05,
  value: -1.3,
  id: 'fd-keep',
  format: (v) => `${(100 * 10 ** v).toFixed(2)} %`,
});
const quality = slider('JPEG quality', { min: 1, max: 100, step: 1, value: 50, id: 'fd-quality', format: (v) => String(v) });
const readout = readoutOf('fd-readout');

const original = new ImageCanvas({ label: 'Original', range: [0, 255] });
const recon = new ImageCanvas({ label: 'Reconstruction', range: [0, 255] });
recon.canvas.id = 'fd-image';
const pair = row('pair', original.element, recon.element);
const curve = chartFigure('fd-curve');
body.append(pair, curve);

let source: Source = { kind: 'url', url: '/samples/chelsea.png' };
let points: { ratio: number[]; psnr: number[] } | undefined;
const worker = new SpectrumWorker();

function value(): number {
  return mode.value() === 'keep' ? Math.min(1, 10 ** keep.value()) : quality.value();
}

function drawCurve(current?: { ratio: number; psnr: number }): void {
  if (!points) return;
  const series = [{ label: mode.value() === 'keep' ? 'keep largest' : 'JPEG-style', x: points.ratio, y: points.psnr }];
  if (current) series.push({ label: 'current', x: [current.ratio, current.ratio], y: [current.psnr - 0.5, current.psnr + 0.5] });
  curve.replaceChildren(chart({ kind: 'line', series, xLabel: 'fraction of coefficients kept', yLabel: 'PSNR (dB)' }));
}

const update = liveRun(
  root,
  readout,
  async () => {
    const current = source;
    source = sticky(source);
    const [r, c] = await Promise.all([
      worker.run(current, { op: 'compress', mode: mode.value(), value: value() }),
      points ? Promise.resolve(undefined) : worker.run(sticky(current), { op: 'curve', mode: mode.value() }),
    ]);
    return { r, c };
  },
  ({ r, c }: { r: Reply; c?: Reply }) => {
    if (c) points = { ratio: c.numbers.ratio as number[], psnr: c.numbers.psnr as number[] };
    recon.draw(r.arrays.image);
    const { ratio, psnr, ssim, bpp } = r.numbers as Record<string, number>;
    readout.textContent =
      `Kept ${(100 * ratio).toFixed(2)} % of coefficients${bpp >= 0 ? `, ≈ ${bpp.toFixed(2)} bits/pixel` : ''}. ` +
      `PSNR ${Number.isFinite(psnr) ? psnr.toFixed(2) : '∞'} dB, SSIM ${ssim.toFixed(3)}. ${r.ms.toFixed(0)} ms.`;
    drawCurve({ ratio, psnr: Number.isFinite(psnr) ? psnr : 60 });
  },
);

const showOriginal = () =>
  worker.run(source, { op: 'compress', mode: 'keep', value: 1 }).then(
    (r) => original.draw(r.arrays.image),
    () => undefined,
  );
const picker = sourcePicker((s) => {
  source = s;
  points = undefined;
  update();
  showOriginal();
});
const syncMode = () => {
  keep.element.hidden = mode.value() !== 'keep';
  quality.element.hidden = mode.value() !== 'jpeg';
  points = undefined;
  update();
};
mode.input.addEventListener('input', syncMode);
keep.input.addEventListener('input', update);
quality.input.addEventListener('input', update);
side.append(intro, picker.element, mode.element, keep.element, quality.element, readout);
main.append(root);
quality.element.hidden = true;
picker.click('cat');
