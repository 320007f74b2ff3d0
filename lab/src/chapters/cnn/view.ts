/** Drawing a snapshot: the feature-map rows (hand-made, then every learned layer) and the probability bars. */
import { argmax, type LayerOutput, mapLayers } from './compute.js';
import type { Snapshot } from './protocol.js';
import { drawTiles } from './tiles.js';
import { el } from './ui.js';

/** One layer's maps as a captioned grid: signed maps (conv outputs) on coolwarm around 0, the rest on magma. */
function mapRow(l: LayerOutput, caption: string): HTMLElement {
  const [c, h, w] = l.shape;
  const fig = el('figure', { class: 'cnn-maprow' });
  const canvas = el('canvas', { class: 'cnn-tiles' });
  const signed = l.type === 'conv2d' || l.type === 'batchnorm2d';
  drawTiles(canvas, l.data, c, h, w, {
    scale: Math.max(1, Math.round(56 / h)),
    gap: 3,
    cols: Math.min(c, 16),
    colormap: signed ? 'coolwarm' : 'magma',
    range: signed ? 'symmetric' : 'auto',
  });
  fig.append(el('figcaption', {}, caption), canvas);
  return fig;
}

export function renderMaps(box: HTMLElement, s: Snapshot): void {
  const handmade = mapRow(
    s.handmade,
    'Hand-made, for comparison: the garment through Sobel x and y (a conv layer whose weights are set by hand)',
  );
  handmade.classList.add('cnn-maprow--handmade');
  const learned = mapLayers(s.inspection).map((l) =>
    mapRow(l, `${l.index + 1}. ${l.type} → ${l.shape[0]} maps of ${l.shape[1]}×${l.shape[2]}`),
  );
  box.replaceChildren(handmade, el('h3', {}, 'Learned, layer by layer'), ...learned);
  box.dataset.draws = String(Number(box.dataset.draws ?? 0) + 1);
}

/** Horizontal bars of the class probabilities; the top class in blue, the true class in bold. */
export function renderProbs(box: HTMLElement, probs: ArrayLike<number>, classes: readonly string[], truth: number): void {
  const top = argmax(probs);
  box.dataset.top = classes[top];
  box.replaceChildren(
    ...Array.from(probs, (v, k) => {
      const row = el('div', { class: `cnn-prob${k === top ? ' is-top' : ''}${k === truth ? ' is-truth' : ''}` });
      const bar = el('span', { class: 'cnn-prob__bar' });
      bar.style.width = `${(100 * v).toFixed(1)}%`;
      const track = el('span', { class: 'cnn-prob__track' });
      track.append(bar);
      row.append(
        el('span', { class: 'cnn-prob__name' }, classes[k]),
        track,
        el('span', { class: 'cnn-prob__value' }, `${(100 * v).toFixed(1)}%`),
      );
      return row;
    }),
    el('p', { class: 'cnn-readout' }, `True class: ${classes[truth]} — ${top === truth ? 'right' : 'wrong'}.`),
  );
}
