/**
 * The float → 8-bit policy for image outputs of `convolve` and `filter`. A filter response is
 * never clamped silently: `.npy` outputs keep the raw values (a signed Sobel response stays
 * signed); only when an 8-bit image is written does the user's choice apply:
 *
 * - `clip` (default): values outside 0..255 are cut to 0 or 255;
 * - `abs`: |v|, then clipped (an edge of either sign shows bright);
 * - `normalize`: min..max of the whole array stretched to 0..255 (a constant array gives 0);
 * - `offset`: v + OFFSET, then clipped (`--offset 128` shows a signed response as gray ± v).
 *
 * NaN becomes 0 in every mapping; under `normalize`, ±Inf become 0 / 255 and the range is that of the finite values.
 */
import { ArgumentError } from '../core/errors.js';
import { astype, type NDArray } from '../core/ndarray.js';
import type { ParsedArgs } from './command.js';
import { UsageError } from './usage.js';

export type ByteMapping = { kind: 'clip' } | { kind: 'abs' } | { kind: 'normalize' } | { kind: 'offset'; offset: number };

/** The options `convolve` and `filter` share for 8-bit image output. */
export const BYTE_OPTIONS = {
  clip: { type: 'boolean', description: '8-bit output: cut values to 0..255 (the default)' },
  abs: { type: 'boolean', description: '8-bit output: |value|, then cut to 0..255' },
  normalize: { type: 'boolean', description: '8-bit output: stretch min..max of the result to 0..255' },
  offset: { type: 'string', valueName: 'V', description: '8-bit output: value + V, then cut to 0..255 (e.g. 128 for signed responses)' },
} as const;

/** The mapping chosen on the command line; more than one of the flags is a usage error. */
export function byteMappingOption(values: ParsedArgs['values']): ByteMapping {
  const chosen = (['clip', 'abs', 'normalize', 'offset'] as const).filter((k) => values[k] !== undefined && values[k] !== false);
  if (chosen.length > 1) throw new UsageError(`options ${chosen.map((c) => `--${c}`).join(', ')} exclude each other; choose one`);
  const kind = chosen[0] ?? 'clip';
  if (kind !== 'offset') return { kind };
  const raw = String(values.offset).trim();
  const offset = raw === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(offset)) throw new UsageError(`option --offset: expected a number, got ${JSON.stringify(values.offset)}`);
  return { kind, offset };
}

/** True when any 8-bit mapping flag was given (they mean nothing for .npy output). */
export function byteMappingGiven(values: ParsedArgs['values']): boolean {
  return ['clip', 'abs', 'normalize', 'offset'].some((k) => values[k] !== undefined && values[k] !== false);
}

/** `a` (real) mapped to 0..255 as float32 of the same shape, ready for `encodePng`. */
export function toByteRange(a: NDArray, mapping: ByteMapping): NDArray<'float32'> {
  if (a.dtype === 'complex64' || a.dtype === 'complex128') {
    throw new ArgumentError(`a ${a.dtype} result cannot be written as an 8-bit image; write .npy instead`, 'output');
  }
  const out = astype(a, 'float32');
  const d = out.data;
  if (mapping.kind === 'normalize') {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < d.length; i++) {
      const v = d[i];
      if (!Number.isFinite(v)) continue; // ±Inf map to 0 / 255 below, NaN to 0
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const scale = hi > lo && Number.isFinite(hi - lo) ? 255 / (hi - lo) : 0;
    for (let i = 0; i < d.length; i++) {
      const v = d[i];
      d[i] = Number.isNaN(v) ? 0 : v === Number.POSITIVE_INFINITY ? 255 : v === Number.NEGATIVE_INFINITY ? 0 : (v - lo) * scale;
    }
    return out;
  }
  const shift = mapping.kind === 'offset' ? mapping.offset : 0;
  const abs = mapping.kind === 'abs';
  for (let i = 0; i < d.length; i++) {
    const v = (abs ? Math.abs(d[i]) : d[i]) + shift;
    d[i] = Number.isNaN(v) ? 0 : Math.min(255, Math.max(0, v));
  }
  return out;
}
