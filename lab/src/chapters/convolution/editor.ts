/**
 * The chapter's kernel editor: presets from the library (src/filters KERNELS, with a parameter
 * field), any size from 1×1 to 15×15 — even sizes included — and a grid of weights. The tap the
 * output pixel sits under (⌊k/2⌋ on each axis) is outlined. Emits `change` on every edit;
 * `kernel` is the current weights (correlation orientation).
 */
import { KERNELS, parseKernelSpec } from '../../../../src/filters/index.js';
import { type Kernel, resizeKernel } from './sliding.js';

export const MAX_SIZE = 15;

/** Parameters each preset starts with (chosen so the kernel fits 15×15). */
export const PRESET_ARGS: Record<string, string> = {
  identity: '3',
  box: '3',
  gaussian: '1',
  laplacian: '4',
  log: '1',
  dog: '1,1.6',
  unsharp: '1,1',
  motion: '7,30',
  gabor: '1.4,30,5',
};

/** Presets offered: `ones` (all weights 1, the un-normalised box) and every single-kernel library entry. */
export const PRESET_NAMES = ['ones', ...Object.keys(KERNELS).filter(isSinglePreset)];

function isSinglePreset(name: string): boolean {
  try {
    return parseKernelSpec(specOf(name, PRESET_ARGS[name] ?? '')).kernels.length === 1;
  } catch {
    return false; // needs parameters we have no default for
  }
}

function specOf(name: string, args: string): string {
  return args.trim() === '' ? name : `${name}:${args}`;
}

/** The kernel of a preset with its parameter text; throws a RangeError when it is larger than 15×15. */
export function presetKernel(name: string, args: string, size: { rows: number; cols: number }): Kernel {
  if (name === 'ones') return { rows: size.rows, cols: size.cols, data: new Array(size.rows * size.cols).fill(1) };
  const [k] = parseKernelSpec(specOf(name, args)).kernels;
  const [rows, cols] = k.shape;
  if (rows > MAX_SIZE || cols > MAX_SIZE) {
    throw new RangeError(`${specOf(name, args)} is ${rows}×${cols}; the editor holds up to ${MAX_SIZE}×${MAX_SIZE}`);
  }
  return { rows, cols, data: Array.from(k.data) };
}

/** A weight as shown in a cell (the full value is the cell's title): integers as is, tiny ones as 8e-5. */
function formatWeight(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) < 1e-3 ? v.toExponential(0) : String(Number(v.toPrecision(3)));
}

function sizeSelect(label: string, value: number): HTMLSelectElement {
  const s = document.createElement('select');
  s.setAttribute('aria-label', label);
  for (let n = 1; n <= MAX_SIZE; n++) s.append(new Option(String(n), String(n)));
  s.value = String(value);
  return s;
}

export class ConvKernelEditor extends EventTarget {
  readonly element: HTMLElement;
  private k: Kernel;
  private readonly preset: HTMLSelectElement;
  private readonly params: HTMLInputElement;
  private readonly rows: HTMLSelectElement;
  private readonly cols: HTMLSelectElement;
  private readonly grid: HTMLElement;
  private readonly note: HTMLElement;
  private readonly description: HTMLElement;

  constructor(initial: { preset: string; args?: string }) {
    super();
    this.element = document.createElement('div');
    this.element.className = 'cv-editor';
    this.preset = document.createElement('select');
    this.preset.id = 'cv-preset';
    this.preset.setAttribute('aria-label', 'Kernel preset');
    this.preset.append(new Option('custom', 'custom'), ...PRESET_NAMES.map((n) => new Option(n, n)));
    this.params = document.createElement('input');
    this.params.id = 'cv-params';
    this.params.setAttribute('aria-label', 'Preset parameters');
    this.params.size = 9;
    this.k = presetKernel(initial.preset, initial.args ?? PRESET_ARGS[initial.preset] ?? '', { rows: 3, cols: 3 });
    this.rows = sizeSelect('Kernel rows', this.k.rows);
    this.rows.id = 'cv-rows';
    this.cols = sizeSelect('Kernel columns', this.k.cols);
    this.cols.id = 'cv-cols';
    const line1 = document.createElement('div');
    line1.className = 'cv-editor__line';
    line1.append(this.preset, this.params);
    const line2 = document.createElement('div');
    line2.className = 'cv-editor__line';
    line2.append('size ', this.rows, ' × ', this.cols);
    this.description = document.createElement('p');
    this.description.className = 'cv-editor__description';
    this.note = document.createElement('p');
    this.note.className = 'cv-editor__note';
    this.note.id = 'cv-editor-note';
    this.grid = document.createElement('div');
    this.grid.className = 'cv-editor__grid';
    this.grid.id = 'cv-kernel';
    this.element.append(line1, line2, this.description, this.grid, this.note);

    this.preset.value = initial.preset;
    this.params.value = initial.args ?? PRESET_ARGS[initial.preset] ?? '';
    this.preset.addEventListener('change', () => {
      this.params.value = PRESET_ARGS[this.preset.value] ?? '';
      this.applyPreset();
    });
    this.params.addEventListener('change', () => this.applyPreset());
    const resize = () => {
      const rows = Number(this.rows.value);
      const cols = Number(this.cols.value);
      if (this.preset.value === 'ones') this.set({ rows, cols, data: new Array(rows * cols).fill(1) }, 'ones');
      else this.set(resizeKernel(this.k, rows, cols), 'custom');
    };
    this.rows.addEventListener('change', resize);
    this.cols.addEventListener('change', resize);
    this.render();
  }

  get kernel(): Kernel {
    return { rows: this.k.rows, cols: this.k.cols, data: [...this.k.data] };
  }

  /** The preset name shown ('custom' after a hand edit). */
  get presetName(): string {
    return this.preset.value;
  }

  /** Replace the kernel; `preset` names it in the menu. Emits `change`. */
  set(k: Kernel, preset = 'custom'): void {
    if (k.rows < 1 || k.cols < 1 || k.rows > MAX_SIZE || k.cols > MAX_SIZE || k.data.length !== k.rows * k.cols) {
      throw new RangeError(`kernel: expected 1..${MAX_SIZE} rows and columns, got ${k.rows}×${k.cols}`);
    }
    this.k = { rows: k.rows, cols: k.cols, data: [...k.data] };
    this.preset.value = preset;
    this.rows.value = String(k.rows);
    this.cols.value = String(k.cols);
    this.note.textContent = '';
    this.render();
    this.emit();
  }

  private applyPreset(): void {
    const name = this.preset.value;
    if (name === 'custom') return;
    try {
      this.set(presetKernel(name, this.params.value, { rows: Number(this.rows.value), cols: Number(this.cols.value) }), name);
    } catch (err) {
      this.note.textContent = err instanceof Error ? err.message : String(err);
    }
  }

  private emit(): void {
    this.dispatchEvent(new CustomEvent<Kernel>('change', { detail: this.kernel }));
  }

  private render(): void {
    const { rows, cols, data } = this.k;
    const name = this.preset.value;
    const entry = Object.hasOwn(KERNELS, name) ? KERNELS[name] : undefined;
    this.params.placeholder = entry?.params ?? '';
    this.params.disabled = !entry?.params;
    this.description.textContent =
      name === 'ones'
        ? 'all weights 1: sums the window; divide by m = rows × cols to get the box blur'
        : (entry?.description ?? 'your own weights');
    const ay = Math.floor(rows / 2);
    const ax = Math.floor(cols / 2);
    this.grid.style.gridTemplateColumns = `repeat(${cols}, ${cols > 9 ? '1.75rem' : cols > 5 ? '2.2rem' : '2.8rem'})`;
    this.grid.classList.toggle('cv-editor__grid--small', cols > 9);
    this.grid.replaceChildren(
      ...data.map((v, i) => {
        const y = Math.floor(i / cols);
        const x = i % cols;
        const input = document.createElement('input');
        input.type = 'text';
        input.inputMode = 'decimal';
        input.value = formatWeight(v);
        input.title = `row ${y}, column ${x}: ${v}`;
        input.setAttribute('aria-label', `weight row ${y} column ${x}`);
        if (y === ay && x === ax) input.classList.add('is-anchor');
        input.addEventListener('input', () => {
          const value = Number(input.value);
          if (input.value.trim() === '' || !Number.isFinite(value)) return;
          this.k.data[i] = value;
          this.preset.value = 'custom';
          this.description.textContent = 'your own weights';
          this.emit();
        });
        return input;
      }),
    );
  }
}
