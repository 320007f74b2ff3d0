/** Small DOM helpers for the convolution chapter, and a robust colour-scale end point. */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
) {
  const e = document.createElement(tag);
  Object.assign(e, props);
  e.append(...children);
  return e;
}

export function selectOf(id: string, label: string, options: readonly string[], value: string): HTMLSelectElement {
  const s = el('select', { id });
  s.setAttribute('aria-label', label);
  for (const o of options) s.append(new Option(o, o));
  s.value = value;
  return s;
}

export function control(label: string, ...inputs: (Node | string)[]): HTMLElement {
  return el('label', { className: 'cv-control' }, el('span', {}, label), ...inputs);
}

export function para(html: string, className = 'cv-text'): HTMLParagraphElement {
  const p = el('p', { className });
  p.innerHTML = html;
  return p;
}

/** The q-quantile of |v| (from a strided sample of at most ~16k values). */
export function quantileAbs(data: Float32Array, q: number): number {
  const step = Math.max(1, Math.floor(data.length / 16384));
  const sample: number[] = [];
  for (let i = 0; i < data.length; i += step) sample.push(Math.abs(data[i]));
  sample.sort((a, b) => a - b);
  return sample[Math.min(sample.length - 1, Math.floor(q * sample.length))];
}
