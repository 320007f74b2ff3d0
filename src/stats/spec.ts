/**
 * Smoothing methods by name, as the CLI and the lab spell them:
 * `sma:5`, `wma:5`, `ewm:0.3`, `gaussian:2`, `savgol:11:3`.
 */
import { ArgumentError } from '../core/index.js';
import { savgolCoeffs, savgolFilter } from './savgol.js';
import { checkInt, checkNumber, type SeriesLike } from './series.js';
import { ewm, ewmKernel, gaussianKernel, movingAverage, type SmoothOptions, smaKernel, wmaKernel } from './smooth.js';

export type SmoothSpec =
  | { method: 'sma' | 'wma'; window: number }
  | { method: 'ewm'; alpha: number }
  | { method: 'gaussian'; sigma: number }
  | { method: 'savgol'; window: number; polyorder: number };

export function parseSmoothSpec(spec: string, arg = 'method'): SmoothSpec {
  const [name, ...rest] = spec.split(':');
  const nums = rest.map(Number);
  const bad = (): never => {
    throw new ArgumentError(`${arg}: cannot read "${spec}"; expected sma:K, wma:K, ewm:ALPHA, gaussian:SIGMA or savgol:K:ORDER`, arg);
  };
  if (rest.some((r) => r.trim() === '') || nums.some((v) => !Number.isFinite(v))) bad();
  if ((name === 'sma' || name === 'wma') && nums.length === 1) return { method: name, window: checkInt(nums[0], arg, 1) };
  if (name === 'ewm' && nums.length === 1) return { method: 'ewm', alpha: checkNumber(nums[0], arg, 0, 1, true) };
  if (name === 'gaussian' && nums.length === 1) return { method: 'gaussian', sigma: checkNumber(nums[0], arg, 0, Infinity, true) };
  if (name === 'savgol' && nums.length === 2) {
    const window = checkInt(nums[0], arg, 1);
    return { method: 'savgol', window, polyorder: checkInt(nums[1], arg, 0, window - 1) };
  }
  return bad();
}

/** The kernel a spec convolves with (ewm: its truncated kernel, newest sample first). */
export function kernelOf(spec: SmoothSpec): Float64Array {
  switch (spec.method) {
    case 'sma':
      return smaKernel(spec.window);
    case 'wma':
      return wmaKernel(spec.window);
    case 'ewm':
      return ewmKernel(spec.alpha);
    case 'gaussian':
      return gaussianKernel(spec.sigma);
    case 'savgol':
      return savgolCoeffs(spec.window, spec.polyorder);
  }
}

/**
 * Smooth with a named method. `ewm` runs the exact IIR recursion (always causal);
 * `savgol` with default options uses scipy's `interp` edges; the others convolve their kernel.
 */
export function smooth(x: SeriesLike, spec: SmoothSpec | string, opts: SmoothOptions = {}): Float64Array {
  const s = typeof spec === 'string' ? parseSmoothSpec(spec) : spec;
  if (s.method === 'ewm') return ewm(x, s.alpha);
  if (s.method === 'savgol' && opts.boundary === undefined && opts.align !== 'causal') return savgolFilter(x, s.window, s.polyorder);
  return movingAverage(x, kernelOf(s), { boundary: s.method === 'gaussian' ? 'reflect' : 'nearest', ...opts });
}
