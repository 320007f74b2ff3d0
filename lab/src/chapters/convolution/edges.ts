/**
 * The second view: Sobel edges as hand-made features — the photo's luma, gx, gy and the
 * gradient magnitude, computed in the worker with the library's correlate. The section's
 * dataset.state is "done" once drawn.
 */
import { ImageCanvas } from '../../components/image-canvas.js';
import type { ConvWorker } from './client.js';
import type { ImageRef } from './protocol.js';
import { el, para, quantileAbs } from './ui.js';

const VIEWS = [
  ['gray', 'photo (luma)', 'gray'],
  ['gx', 'gx (Sobel-x)', 'coolwarm'],
  ['gy', 'gy (Sobel-y)', 'coolwarm'],
  ['magnitude', '√(gx² + gy²)', 'magma'],
] as const;

export class EdgesView {
  readonly element = el('section', { className: 'panel cv-wide', id: 'cv-edges' });
  private readonly canvases = VIEWS.map(([key, label, cmap]) => {
    const v = new ImageCanvas({ label, colormap: cmap, zoomControls: false });
    v.canvas.id = `cv-edge-${key}`;
    return v;
  });
  private readonly timing = el('p', { className: 'cv-timing', id: 'cv-edge-timing' });

  constructor() {
    this.element.dataset.state = 'pending';
    this.element.append(
      el('h2', {}, 'Edges as features: Sobel'),
      para(
        'Before networks learned their kernels, vision engineers designed them. The Sobel pair is the classic: ' +
          '<code>[−1 0 1; −2 0 2; −1 0 1]</code> responds where intensity rises to the right (gx), its transpose where it rises downward (gy). ' +
          'Each is a <em>feature</em>: a map saying “there is an edge here, this way”, with a sign (red: brighter to the right or below; blue: darker). ' +
          'Their length √(gx² + gy²) finds edges in every direction; their angle says which way they run. Colours are scaled to the 99th ' +
          'percentile. Chapter 7 lets a network discover kernels like these on its own.',
      ),
      this.timing,
      el('div', { className: 'cv-edges' }, ...this.canvases.map((v) => v.element)),
    );
  }

  async run(worker: ConvWorker, image: ImageRef): Promise<void> {
    this.element.dataset.state = 'pending';
    const reply = await worker.run(image, { op: 'sobel' });
    VIEWS.forEach(([key], i) => {
      const a = reply.arrays[key]; // [H, W]
      const top = quantileAbs(a.data, 0.99) || 1; // a robust white point: a few strong edges would wash out the rest
      const range: [number, number] = key === 'gray' ? [0, 255] : key === 'magnitude' ? [0, top] : [-top, top];
      this.canvases[i].draw(a, { range });
    });
    const [h, w] = reply.arrays.gx.shape;
    this.timing.textContent = `gx, gy and the magnitude of a ${w}×${h} luma image in ${reply.ms.toFixed(1)} ms (worker, correlate, reflect border).`;
    this.element.dataset.state = 'done';
  }
}
