/**
 * KernelEditor — a grid of number inputs with presets and a size control. It is an EventTarget
 * that emits `change` (a CustomEvent whose detail is the kernel, rows of numbers) on every edit.
 *
 *   const editor = new KernelEditor({ preset: 'sobel-x' });
 *   editor.addEventListener('change', (e) => run((e as CustomEvent<number[][]>).detail));
 */

export const PRESETS = ['identity', 'box', 'gaussian', 'sharpen', 'sobel-x', 'sobel-y', 'laplacian', 'emboss'] as const;
export type Preset = (typeof PRESETS)[number];
export const SIZES = [1, 3, 5, 7, 9] as const;

/** Presets fixed at 3×3 whatever the size control says. */
const FIXED_3: ReadonlySet<Preset> = new Set(['sharpen', 'sobel-x', 'sobel-y', 'laplacian', 'emboss']);

function grid(size: number, f: (dy: number, dx: number) => number): number[][] {
  const r = Math.floor(size / 2);
  return Array.from({ length: size }, (_, y) => Array.from({ length: size }, (_, x) => f(y - r, x - r)));
}

/**
 * The kernel for `preset` at `size` (odd). Box and Gaussian are normalised to sum 1; the
 * Gaussian has sigma = size / 6 (so ±3 sigma spans the grid). Sobel-x responds to intensity
 * rising to the right, Sobel-y to intensity rising downward (correlation convention).
 */
export function presetKernel(preset: Preset, size = 3): number[][] {
  if (!Number.isInteger(size) || size < 1 || size % 2 === 0) throw new RangeError(`size: expected an odd integer >= 1, got ${size}`);
  switch (preset) {
    case 'identity':
      return grid(size, (dy, dx) => (dy === 0 && dx === 0 ? 1 : 0));
    case 'box':
      return grid(size, () => 1 / (size * size));
    case 'gaussian': {
      const sigma = Math.max(size / 6, 0.5);
      const raw = grid(size, (dy, dx) => Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)));
      const total = raw.flat().reduce((a, b) => a + b, 0);
      return raw.map((row) => row.map((v) => v / total));
    }
    case 'sharpen':
      return [
        [0, -1, 0],
        [-1, 5, -1],
        [0, -1, 0],
      ];
    case 'sobel-x':
      return [
        [-1, 0, 1],
        [-2, 0, 2],
        [-1, 0, 1],
      ];
    case 'sobel-y':
      return [
        [-1, -2, -1],
        [0, 0, 0],
        [1, 2, 1],
      ];
    case 'laplacian':
      return [
        [0, 1, 0],
        [1, -4, 1],
        [0, 1, 0],
      ];
    case 'emboss':
      return [
        [-2, -1, 0],
        [-1, 1, 1],
        [0, 1, 2],
      ];
    default:
      throw new RangeError(`preset: expected one of ${PRESETS.join(', ')}, got ${JSON.stringify(preset)}`);
  }
}

/** Resize a kernel to `size` × `size`, keeping it centred (crop or zero-pad). */
export function resizeKernel(kernel: readonly (readonly number[])[], size: number): number[][] {
  const old = kernel.length;
  const shift = Math.floor(old / 2) - Math.floor(size / 2);
  return grid(size, (dy, dx) => {
    const y = dy + Math.floor(size / 2) + shift;
    const x = dx + Math.floor(size / 2) + shift;
    return y >= 0 && y < old && x >= 0 && x < old ? kernel[y][x] : 0;
  });
}

/** A weight as shown in a cell: integers as is, others to 3 decimals (the full value is the cell's title). */
function formatWeight(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(3)));
}

export interface KernelEditorOptions {
  preset?: Preset;
  size?: number;
  /** Start from this kernel instead of a preset (square, odd size). */
  kernel?: number[][];
  /** Presets offered; default all. */
  presets?: readonly Preset[];
}

export class KernelEditor extends EventTarget {
  readonly element: HTMLElement;
  private readonly gridEl: HTMLElement;
  private readonly sizeSelect: HTMLSelectElement;
  private readonly presetSelect: HTMLSelectElement;
  private readonly sumEl: HTMLElement;
  private values: number[][];

  constructor(options: KernelEditorOptions = {}) {
    super();
    const preset = options.preset ?? 'sobel-x';
    this.values = options.kernel ? options.kernel.map((r) => [...r]) : presetKernel(preset, options.size ?? 3);
    this.element = document.createElement('div');
    this.element.className = 'kernel-editor';

    const controls = document.createElement('div');
    controls.className = 'kernel-editor__controls';
    this.presetSelect = document.createElement('select');
    this.presetSelect.setAttribute('aria-label', 'Kernel preset');
    const custom = new Option('custom', 'custom');
    this.presetSelect.append(custom, ...(options.presets ?? PRESETS).map((p) => new Option(p, p)));
    this.presetSelect.value = options.kernel ? 'custom' : preset;
    this.presetSelect.addEventListener('change', () => {
      if (this.presetSelect.value === 'custom') return;
      const p = this.presetSelect.value as Preset;
      this.setKernel(presetKernel(p, FIXED_3.has(p) ? 3 : Number(this.sizeSelect.value)), p);
    });
    this.sizeSelect = document.createElement('select');
    this.sizeSelect.setAttribute('aria-label', 'Kernel size');
    this.sizeSelect.append(...SIZES.map((s) => new Option(`${s}×${s}`, String(s))));
    this.sizeSelect.value = String(this.values.length);
    this.sizeSelect.addEventListener('change', () => {
      const size = Number(this.sizeSelect.value);
      const p = this.presetSelect.value;
      const next = p !== 'custom' && !FIXED_3.has(p as Preset) ? presetKernel(p as Preset, size) : resizeKernel(this.values, size);
      this.setKernel(next, p === 'custom' || !FIXED_3.has(p as Preset) ? p : 'custom');
    });
    this.sumEl = document.createElement('span');
    this.sumEl.className = 'kernel-editor__sum';
    controls.append(this.presetSelect, this.sizeSelect, this.sumEl);

    this.gridEl = document.createElement('div');
    this.gridEl.className = 'kernel-editor__grid';
    this.element.append(controls, this.gridEl);
    this.render();
  }

  /** The current kernel (a copy), rows of numbers. */
  get kernel(): number[][] {
    return this.values.map((r) => [...r]);
  }

  /** Replace the kernel; `preset` names it in the preset menu (default `custom`). Emits `change`. */
  setKernel(kernel: number[][], preset: Preset | 'custom' | string = 'custom'): void {
    const n = kernel.length;
    if (n === 0 || n % 2 === 0 || kernel.some((r) => r.length !== n)) {
      throw new RangeError(`kernel: expected a square grid of odd size, got ${n}×${kernel[0]?.length ?? 0}`);
    }
    this.values = kernel.map((r) => [...r]);
    this.presetSelect.value = preset;
    this.sizeSelect.value = String(n);
    this.render();
    this.emit();
  }

  private emit(): void {
    this.updateSum();
    this.dispatchEvent(new CustomEvent<number[][]>('change', { detail: this.kernel }));
  }

  private updateSum(): void {
    const sum = this.values.flat().reduce((a, b) => a + b, 0);
    this.sumEl.textContent = `sum ${Number((Math.round(sum * 1e6) / 1e6).toPrecision(6))}`;
  }

  private render(): void {
    const n = this.values.length;
    this.gridEl.style.gridTemplateColumns = `repeat(${n}, minmax(2.2rem, 1fr))`;
    this.gridEl.replaceChildren(
      ...this.values.flatMap((row, y) =>
        row.map((v, x) => {
          const input = document.createElement('input');
          input.type = 'number';
          input.step = 'any';
          input.value = formatWeight(v);
          input.title = String(v);
          input.setAttribute('aria-label', `weight row ${y} column ${x}`);
          input.addEventListener('input', () => {
            const value = Number(input.value);
            if (input.value.trim() === '' || !Number.isFinite(value)) return;
            this.values[y][x] = value;
            this.presetSelect.value = 'custom';
            this.emit();
          });
          return input;
        }),
      ),
    );
    this.updateSum();
  }
}
