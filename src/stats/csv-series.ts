/**
 * A series from CSV text for the CLI and the lab: one column (by name or index), with gaps
 * refused by default — naming the file, column and row — or filled by linear interpolation.
 */
import { ArgumentError } from '../core/index.js';
import { readCsvColumn } from '../io/csv.js';
import { parseNpy } from '../io/npy.js';
import { interpolateGaps } from './series.js';

/** A series from file bytes: a 1-D `.npy` array, or a CSV column (`column` required then, default 0). */
export function seriesFromBytes(
  bytes: Uint8Array,
  opts: { name?: string; column?: string | number; interpolate?: boolean } = {},
): { values: Float64Array; gaps: number } {
  const name = opts.name ?? 'input';
  const npy = bytes.length >= 6 && bytes[0] === 0x93 && String.fromCharCode(...bytes.subarray(1, 6)) === 'NUMPY';
  if (!npy) return seriesFromCsv(new TextDecoder().decode(bytes), opts.column ?? 0, opts);
  const a = parseNpy(bytes, name);
  if (a.ndim !== 1 || a.dtype === 'complex64' || a.dtype === 'complex128') {
    throw new ArgumentError(`${name}: expected a 1-D real array, got ${a.dtype} [${a.shape.join(', ')}]`, name);
  }
  return checkGaps(Float64Array.from(a.data as ArrayLike<number>), `${name}`, opts.interpolate ?? false);
}

export function seriesFromCsv(
  text: string,
  column: string | number,
  opts: { name?: string; interpolate?: boolean } = {},
): { values: Float64Array; gaps: number } {
  const name = opts.name ?? 'csv';
  const values = readCsvColumn(text, column, { name });
  if (values.length === 0) throw new ArgumentError(`${name}: column ${column} has no values`, name);
  return checkGaps(values, `${name}: column ${column}`, opts.interpolate ?? false, name);
}

function checkGaps(values: Float64Array, what: string, interpolate: boolean, arg = what): { values: Float64Array; gaps: number } {
  let gaps = 0;
  let first = -1;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      gaps++;
      if (first < 0) first = i;
    }
  }
  if (gaps === 0) return { values, gaps };
  if (!interpolate) {
    throw new ArgumentError(
      `${what} has ${gaps} missing or non-finite value(s), the first at data row ${first + 1}; pass --interpolate to fill gaps linearly`,
      arg,
    );
  }
  return { values: interpolateGaps(values, arg), gaps };
}
