/**
 * Chapter 3a, "Images in the frequency domain": pick a photo (or the striped paper), turn it with
 * a slider and watch its spectrum turn with it; the orientation and the rotation are read off the
 * spectrum. #fd-root gets data-state="done" and data-runs (count) after each draw.
 */
import '../../styles.css';
import { chart } from '../../components/chart.js';
import { ImageCanvas } from '../../components/image-canvas.js';
import { chartFigure, liveRun, prose, readout as readoutOf, row, slider } from '../../controls.js';
import { frequencyPage, type Reply, SpectrumWorker, sourcePicker, sticky } from './client.js';
import type { Source } from './protocol.js';

const { main, element: root, side, body } = frequencyPage('frequency');

const intro = prose(
  'Stripes put their energy in two bright dots of the spectrum, on the line through the centre along which the intensity varies. ' +
    'Turn the picture and the spectrum turns by the same angle: that is how the orientation is read off the spectrum.',
);

const rotation = slider('Rotate', { min: -90, max: 90, step: 1, value: 0, id: 'fd-rotate', format: (v) => `${v}°` });
const period = slider('Stripe period (striped paper)', { min: 4, max: 32, step: 1, value: 12, id: 'fd-period', format: (v) => `${v} px` });
const readout = readoutOf('fd-readout');
readout.textContent = 'Computing…';

const image = new ImageCanvas({ label: 'Image (turned)', range: [0, 255] });
image.canvas.id = 'fd-image';
const spec = new ImageCanvas({ label: 'log(1 + |F|), centred', colormap: 'magma' });
spec.canvas.id = 'fd-spectrum';
const pair = row('pair', image.element, spec.element);
const histogram = chartFigure('fd-histogram');
body.append(pair, histogram);

let source: Source = { kind: 'stripes', angle: 30, period: 12 };
const worker = new SpectrumWorker();

const update = liveRun(
  root,
  readout,
  () => {
    const s = source.kind === 'stripes' ? { ...source, period: period.value() } : source;
    const job = worker.run(s, { op: 'orient', rotate: rotation.value() });
    source = sticky(source);
    return job;
  },
  (r: Reply) => {
    image.draw(r.arrays.image);
    spec.draw(r.arrays.spectrum);
    const { angle, confidence, rotation: turned } = r.numbers as Record<string, number>;
    readout.textContent =
      `Orientation ${angle.toFixed(1)}° (confidence ${confidence.toFixed(2)}). ` +
      `Rotation read from the two spectra: ${turned.toFixed(1)}° (slider ${rotation.value()}°). ${r.ms.toFixed(0)} ms.`;
    const hist = r.numbers.histogram as number[];
    histogram.replaceChildren(
      chart({
        kind: 'bar',
        series: [{ label: 'spectral energy', y: hist, x: hist.map((_, i) => i + 0.5) }],
        xLabel: 'angle (degrees)',
        yLabel: 'share of energy',
      }),
    );
  },
);

const picker = sourcePicker(
  (s) => {
    source = s;
    update();
  },
  [{ name: 'striped paper', source: () => ({ kind: 'stripes', angle: 30, period: period.value() }) }],
);
rotation.input.addEventListener('input', update);
period.input.addEventListener('input', () => source.kind === 'stripes' && update());
side.append(intro, picker.element, rotation.element, period.element, readout);
main.append(root);
picker.click('striped paper');
