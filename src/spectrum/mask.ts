/**
 * Frequency masks: a gain for each radius r = |f| in cycles/pixel.
 *   ideal        1 for r ≤ c, 0 beyond (the seed's circle)
 *   gaussian     exp(−r² / 2c²)             (c is the Gaussian's σ in frequency; gain e^−½ at c)
 *   butterworth  1 / (1 + (r/c)^(2·order))  (gain ½ at c)
 * High-pass = 1 − low-pass; band-pass(lo, hi) = low-pass(hi) · high-pass(lo); band-stop = 1 − band-pass.
 * Cutoffs are cycles/pixel (default) or, with units 'nyquist', fractions of Nyquist (0.5 cycles/pixel).
 */
import { ArgumentError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { binFrequency } from './freq.js';

export type FilterKind = 'lowpass' | 'highpass' | 'bandpass' | 'bandstop';
export type FilterShape = 'ideal' | 'gaussian' | 'butterworth';
export const FILTER_KINDS: readonly FilterKind[] = ['lowpass', 'highpass', 'bandpass', 'bandstop'];
export const FILTER_SHAPES: readonly FilterShape[] = ['ideal', 'gaussian', 'butterworth'];

export interface MaskOptions {
  kind: FilterKind;
  /** One cutoff (low / high-pass) or [lo, hi] (band-pass / band-stop). */
  cutoff: number | readonly [number, number];
  /** 'cycles' (cycles/pixel, default, in (0, 0.5]) or 'nyquist' (fraction of Nyquist, in (0, 1]). */
  units?: 'cycles' | 'nyquist';
  /** Default 'ideal'. */
  shape?: FilterShape;
  /** Butterworth order (default 2). */
  order?: number;
}

/** The validated mask description with cutoffs in cycles/pixel. */
export interface MaskSpec {
  kind: FilterKind;
  lo: number;
  hi: number;
  shape: FilterShape;
  order: number;
}

function cutoffValue(v: unknown, scale: number, units: string, arg: string): number {
  const max = units === 'nyquist' ? 1 : 0.5;
  if (typeof v !== 'number' || !(v > 0 && v <= max)) {
    throw new ArgumentError(
      `${arg}: expected a cutoff in (0, ${max}] (${units === 'nyquist' ? 'fraction of Nyquist' : 'cycles/pixel'}), got ${String(v)}`,
      arg,
    );
  }
  return v * scale;
}

export function checkMask(opts: MaskOptions): MaskSpec {
  if (!FILTER_KINDS.includes(opts.kind))
    throw new ArgumentError(`kind: expected one of ${FILTER_KINDS.join(', ')}, got ${JSON.stringify(opts.kind)}`, 'kind');
  const shape = opts.shape ?? 'ideal';
  if (!FILTER_SHAPES.includes(shape))
    throw new ArgumentError(`shape: expected one of ${FILTER_SHAPES.join(', ')}, got ${JSON.stringify(shape)}`, 'shape');
  const units = opts.units ?? 'cycles';
  if (units !== 'cycles' && units !== 'nyquist')
    throw new ArgumentError(`units: expected "cycles" or "nyquist", got ${JSON.stringify(units)}`, 'units');
  const order = opts.order ?? 2;
  if (!(Number.isFinite(order) && order > 0))
    throw new ArgumentError(`order: expected a positive Butterworth order, got ${order}`, 'order');
  const scale = units === 'nyquist' ? 0.5 : 1;
  const band = opts.kind === 'bandpass' || opts.kind === 'bandstop';
  if (band !== Array.isArray(opts.cutoff)) {
    throw new ArgumentError(
      `cutoff: ${opts.kind} takes ${band ? 'two cutoffs [lo, hi]' : 'one cutoff'}, got ${JSON.stringify(opts.cutoff)}`,
      'cutoff',
    );
  }
  if (band) {
    const [a, b] = opts.cutoff as readonly [number, number];
    const lo = cutoffValue(a, scale, units, 'cutoff[0]');
    const hi = cutoffValue(b, scale, units, 'cutoff[1]');
    if (!(lo < hi)) throw new ArgumentError(`cutoff: expected lo < hi, got [${a}, ${b}]`, 'cutoff');
    return { kind: opts.kind, lo, hi, shape, order };
  }
  const c = cutoffValue(opts.cutoff, scale, units, 'cutoff');
  return { kind: opts.kind, lo: c, hi: c, shape, order };
}

function lowGain(r: number, c: number, shape: FilterShape, order: number): number {
  if (shape === 'ideal') return r <= c ? 1 : 0;
  if (shape === 'gaussian') return Math.exp((-r * r) / (2 * c * c));
  return 1 / (1 + (r / c) ** (2 * order));
}

/** The gain at radius r (cycles/pixel). */
export function gainAt(spec: MaskSpec, r: number): number {
  const { shape, order } = spec;
  switch (spec.kind) {
    case 'lowpass':
      return lowGain(r, spec.hi, shape, order);
    case 'highpass':
      return 1 - lowGain(r, spec.lo, shape, order);
    case 'bandpass':
      return lowGain(r, spec.hi, shape, order) * (1 - lowGain(r, spec.lo, shape, order));
    default:
      return 1 - lowGain(r, spec.hi, shape, order) * (1 - lowGain(r, spec.lo, shape, order));
  }
}

/** The gain on the [H, cols] grid of an H × W DFT (cols = W for fft2, W/2+1 for rfft2), numpy layout. */
export function maskGrid(spec: MaskSpec, H: number, W: number, cols = W): Float64Array {
  const m = new Float64Array(H * cols);
  for (let y = 0; y < H; y++) {
    const fy = binFrequency(y, H);
    for (let x = 0; x < cols; x++) m[y * cols + x] = gainAt(spec, Math.hypot(binFrequency(x, W), fy));
  }
  return m;
}

/** The mask of an H × W DFT as an `[H, W]` float64 array in numpy layout (zero frequency at [0, 0]). */
export function frequencyMask(shape: readonly [number, number], opts: MaskOptions): NDArray<'float64'> {
  const [H, W] = shape;
  if (!(Number.isInteger(H) && Number.isInteger(W) && H > 0 && W > 0)) {
    throw new ArgumentError(`shape: expected [H, W] positive integers, got [${shape.join(', ')}]`, 'shape');
  }
  return new NDArray('float64', [H, W], maskGrid(checkMask(opts), H, W));
}

/** The Gaussian cutoff (cycles/pixel) whose filter is a spatial Gaussian blur of `sigma` pixels: 1 / (2πσ). */
export function gaussianCutoff(sigma: number): number {
  if (!(sigma > 0)) throw new ArgumentError(`sigma: expected a positive number of pixels, got ${sigma}`, 'sigma');
  return 1 / (2 * Math.PI * sigma);
}
