/**
 * The components page: KernelEditor → lab worker (correlate per channel) → ImageCanvas, with
 * charts of the result. #demo gets data-filter="done" and data-runs (count) after each draw.
 */
import './styles.css';
import { type NDArray, zeros } from '../../src/index.js';
import { chart } from './components/chart.js';
import { ImageCanvas } from './components/image-canvas.js';
import { KernelEditor } from './components/kernel-editor.js';
import { LabWorker } from './lab-worker.js';

const demo = document.getElementById('demo')!;
const caption = document.getElementById('demo-caption')!;
const editor = new KernelEditor({ preset: 'gaussian', size: 7 });
document.getElementById('editor')!.append(editor.element);
const kernelView = new ImageCanvas({ label: 'Kernel weights', colormap: 'coolwarm', range: 'symmetric', zoom: 24, zoomControls: false });
document.getElementById('kernel-view')!.append(kernelView.element);
const input = new ImageCanvas({ label: 'Input' });
const output = new ImageCanvas({ label: 'Output (clipped to 0..255)', range: [0, 255] });
output.canvas.id = 'demo-output';
document.getElementById('images')!.append(input.element, output.element);

/** Row `y` of channel `c` of a `[C, H, W]` array. */
function row(a: NDArray<'float32'>, c: number, y: number): Float32Array {
  const [, h, w] = a.shape;
  return a.data.subarray(c * h * w + y * w, c * h * w + (y + 1) * w);
}

function histogram(values: ArrayLike<number>, bins: number, lo: number, hi: number): Float64Array {
  const counts = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) {
    const k = Math.floor(((values[i] - lo) / (hi - lo)) * bins);
    counts[Math.min(bins - 1, Math.max(0, k))]++;
  }
  return counts;
}

const worker = new LabWorker();
let runs = 0;
let latest = 0;

async function update(kernel: number[][]): Promise<void> {
  const ticket = ++latest;
  demo.dataset.filter = 'pending';
  kernelView.draw(kernel);
  try {
    const { image, result, ms } = await worker.run({ op: 'filter', url: '/samples/chelsea.png', kernel });
    if (ticket !== latest) return;
    input.draw(image);
    output.draw(result);
    const [, h, w] = result.shape;
    const mid = Math.floor(h / 2);
    document.getElementById('profile-chart')!.replaceChildren(
      chart({
        kind: 'line',
        series: [
          { label: 'input', y: row(image, 1, mid), color: '#9aa1ad' },
          { label: 'output', y: row(result, 1, mid) },
        ],
        xLabel: 'column x',
        yLabel: 'green value',
      }),
    );
    const green = result.data.subarray(h * w, 2 * h * w);
    const counts = histogram(green, 32, 0, 256);
    const centres = Array.from({ length: 32 }, (_, i) => (i + 0.5) * 8);
    document.getElementById('histogram-chart')!.replaceChildren(
      chart({
        kind: 'bar',
        series: [{ label: 'pixels', x: centres, y: counts, color: '#17a589' }],
        xLabel: 'green value',
        yLabel: 'pixels',
      }),
    );
    caption.textContent = `${kernel.length}×${kernel.length} kernel over a ${w}×${h}×3 photo in ${ms.toFixed(1)} ms (Web Worker).`;
    runs += 1;
    demo.dataset.runs = String(runs);
    demo.dataset.filter = 'done';
  } catch (err) {
    if (ticket !== latest) return;
    demo.dataset.filter = 'error';
    caption.textContent = `Filtering failed: ${(err as Error).message}`;
  }
}

editor.addEventListener('change', (event) => void update((event as CustomEvent<number[][]>).detail));
void update(editor.kernel);
// A blank placeholder keeps the layout steady before the first result arrives.
output.draw(zeros([1, 1], 'float32'));
