/**
 * The exports of assembly/conv1d.ts: 1-D correlation passes along rows and down columns, the
 * two halves of a separable 2-D filter (driven by src/conv/fast2d.ts `separable2dRows`).
 * All pointers are byte offsets into the family's memory; see the assembly file for layouts.
 */
import { type WasmKernels, type WasmVariant, wasmKernels } from './loader.js';

type RowPass = (
  inPtr: number,
  inStride: number,
  rows: number,
  n: number,
  kPtr: number,
  kw: number,
  outPtr: number,
  outStride: number,
) => void;
type ColPass = (tablePtr: number, kh: number, kPtr: number, n: number, outPtr: number, rows: number, outStride: number) => void;

export interface Conv1dExports {
  /** in [rows, inStride] (n + kw - 1 used), k [kw], out [rows, outStride] (n used): out[r, t] = Σ_j k[j] in[r, t + j]. */
  corr_rows_f32: RowPass;
  corr_rows_f64: RowPass;
  /** The same for a symmetric k (k[j] = k[kw - 1 - j]), one multiply per tap pair. */
  corr_rows_sym_f32: RowPass;
  corr_rows_sym_f64: RowPass;
  /** table [kh + rows - 1] u32 row pointers, k [kh], out [rows, outStride]: out[o, t] = Σ_i k[i] row_{o+i}[t], t < n. */
  corr_col_f32: ColPass;
  corr_col_f64: ColPass;
  /** The same for a symmetric k. */
  corr_col_sym_f32: ColPass;
  corr_col_sym_f64: ColPass;
}

/** The conv1d family (cached instance per variant). */
export function conv1dKernels(variant?: WasmVariant): WasmKernels<Conv1dExports> {
  return wasmKernels<Conv1dExports>('conv1d', variant);
}
