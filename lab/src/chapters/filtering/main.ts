/**
 * Chapter 3b, "Filtering is multiplying spectra": drag the circle's radius and see the filtered
 * image, the mask (black outside the circle) and the spatial kernel the mask equals — for the
 * ideal circle, a ringing jinc. #fd-root gets data-state="done" and data-runs after each draw.
 */
import '../../styles.css';
import { ImageCanvas } from '../../components/image-canvas.js';
import { liveRun, prose, readout as readoutOf, row, select, slider } from '../../controls.js';
import { frequencyPage, type Reply, SpectrumWorker, sourcePicker, sticky } from '../frequency/client.js';
import type { Source } from '../frequency/protocol.js';

const { main, element: root, side, body } = frequencyPage('filtering');

const intro = prose(
  'Multiply the spectrum by a circle — 1 inside, 0 outside — and transform back: the fine detail (high frequencies) is gone. ' +
    'The same result is a convolution with the circle read back in space: a kernel that rings, which is why sharp cut-offs leave ripples.',
);
const radius = slider('Radius (cycles/pixel)', {
  min: 0.01,
  max: 0.5,
  step: 0.01,
  value: 0.1,
  id: 'fd-radius',
  format: (v) => v.toFixed(2),
});
const kind = select(
  'Keep',
  'fd-kind',
  [
    ['lowpass', 'inside the circle (low-pass)'],
    ['highpass', 'outside the circle (high-pass)'],
  ] as const,
  'lowpass',
);
const shape = select(
  'Edge of the mask',
  'fd-shape',
  [
    ['ideal', 'hard (ideal)'],
    ['butterworth', 'Butterworth, order 2'],
    ['gaussian', 'Gaussian'],
  ] as const,
  'ideal',
);
const readout = readoutOf('fd-readout');

const filtered = new ImageCanvas({ label: 'Filtered image', range: [0, 255] });
filtered.canvas.id = 'fd-image';
const mask = new ImageCanvas({ label: 'Mask (zero frequency at the centre)', range: [0, 1] });
mask.canvas.id = 'fd-mask';
const kernel = new ImageCanvas({
  label: 'Equivalent kernel (central 31 × 31)',
  colormap: 'coolwarm',
  range: 'symmetric',
  zoomControls: false,
});
kernel.canvas.id = 'fd-kernel';
const triple = row('fd-triple', filtered.element, mask.element, kernel.element);
body.append(triple);

let source: Source = { kind: 'url', url: '/samples/astronaut.png' };
const worker = new SpectrumWorker();

const update = liveRun(
  root,
  readout,
  () => {
    const job = worker.run(source, { op: 'filter', kind: kind.value(), shape: shape.value(), cutoff: radius.value(), kernelSize: 31 });
    source = sticky(source);
    return job;
  },
  (r: Reply) => {
    const highpass = kind.value() === 'highpass';
    if (highpass) for (let i = 0; i < r.arrays.image.data.length; i++) r.arrays.image.data[i] += 128; // centred on 0: shift to mid-gray
    filtered.draw(r.arrays.image);
    mask.draw(r.arrays.mask);
    kernel.draw(r.arrays.kernel);
    readout.textContent = `${highpass ? 'High-pass (shown + 128)' : 'Low-pass'}, radius ${radius.value().toFixed(2)} cycles/pixel. ${r.ms.toFixed(0)} ms.`;
  },
);

const picker = sourcePicker((s) => {
  source = s;
  update();
});
for (const c of [radius.input, kind.input, shape.input]) c.addEventListener('input', update);
side.append(intro, picker.element, radius.element, kind.element, shape.element, readout);
main.append(root);
picker.click('astronaut');
