/** Small DOM helpers for the chapter: elements, labelled selects, the garment picker, downloads. */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A paragraph; `html` only for the chapter's own constant strings. */
export function prose(text: string, html = false): HTMLParagraphElement {
  const p = el('p', { class: 'cnn-prose' });
  if (html) p.innerHTML = text;
  else p.textContent = text;
  return p;
}

export function select(
  label: string,
  id: string,
  options: readonly (readonly [string, string])[],
  value: string,
): { root: HTMLElement; input: HTMLSelectElement } {
  const root = el('label', { class: 'cnn-control', for: id });
  const input = el('select', { id });
  for (const [v, text] of options) input.append(el('option', { value: v }, text));
  input.value = value;
  root.append(el('span', {}, label), input);
  return { root, input };
}

/** Buttons with the first `perClass` test garments of every class, drawn 28×28 at 2×. */
export function picker(
  images: Uint8Array,
  labels: Uint8Array,
  classes: readonly string[],
  perClass: number,
  onPick: (index: number) => void,
): HTMLElement {
  const box = el('div', { class: 'cnn-picker' });
  const taken = new Array(classes.length).fill(0);
  const chosen: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (taken[labels[i]] < perClass) {
      taken[labels[i]]++;
      chosen.push(i);
    }
  }
  chosen.sort((a, b) => labels[a] - labels[b] || a - b);
  for (const i of chosen) {
    const b = el('button', {
      type: 'button',
      title: classes[labels[i]],
      'aria-label': `test image ${i}: ${classes[labels[i]]}`,
      'aria-pressed': 'false',
    });
    b.dataset.index = String(i);
    const c = el('canvas', { width: '28', height: '28' });
    const rgba = new Uint8ClampedArray(28 * 28 * 4);
    for (let q = 0; q < 784; q++) {
      const v = 255 - images[i * 784 + q]; // dark garment on white, like a catalogue
      rgba.set([v, v, v, 255], 4 * q);
    }
    c.getContext('2d')!.putImageData(new ImageData(rgba, 28, 28), 0, 0);
    b.append(c);
    b.addEventListener('click', () => onPick(i));
    box.append(b);
  }
  return box;
}

/** Saves `data` as a file named `name` through a temporary link. */
export function fileDownload(name: string, data: string | Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
