/**
 * Tasks that exercise the pool itself (tests and `convolab info`): results, shared memory,
 * time, errors, a thread that ends, a WebAssembly trap. Listed in `tasks.ts` under `test.*`.
 */
import { ArgumentError } from '../core/errors.js';
import type { TaskContext } from './task.js';

/** Returns its arguments (structured-cloned there and back). */
export function echo(args: unknown): unknown {
  return args;
}

/** A range [start, end) of a Float64Array view over a SharedArrayBuffer. */
export interface SharedRange {
  buffer: SharedArrayBuffer;
  start: number;
  end: number;
}

/** Sum of `Float64Array(buffer)[start, end)`. */
export function sum({ buffer, start, end }: SharedRange): number {
  const x = new Float64Array(buffer); // [n]
  let s = 0;
  for (let i = start; i < end; i++) s += x[i];
  return s;
}

/** `x[i] *= factor` for i in [start, end), in the shared buffer; returns the count written. */
export function scale({ buffer, start, end, factor }: SharedRange & { factor: number }): number {
  const x = new Float64Array(buffer); // [n]
  for (let i = start; i < end; i++) x[i] *= factor;
  return end - start;
}

/** A fresh Float64Array [0, 1, …, n-1], its buffer transferred back rather than copied. */
export function iota({ n }: { n: number }, ctx: TaskContext): Float64Array {
  const out = Float64Array.from({ length: n }, (_, i) => i); // [n]
  ctx.transfer(out.buffer);
  return out;
}

/** Resolves after `ms` milliseconds with `ms`. */
export function sleep({ ms }: { ms: number }): Promise<number> {
  return new Promise((resolve) => setTimeout(() => resolve(ms), ms));
}

/** Throws an ArgumentError naming `x` (kind 'argument') or a plain TypeError (kind 'type'). */
export function fail({ kind }: { kind: 'argument' | 'type' }): never {
  if (kind === 'argument') throw new ArgumentError('x: expected a positive number, got -1', 'x');
  throw new TypeError('not a function');
}

/** Ends the worker thread with exit code `code` (default 3), as a crash would. */
export function crash({ code = 3 }: { code?: number } = {}, ctx: TaskContext): never {
  return ctx.exit(code);
}

// (module (func (export "trap") unreachable)), hand-assembled.
// biome-ignore format: one wasm section per line
const TRAP_WASM = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: () -> ()
  0x03, 0x02, 0x01, 0x00, // function section: func 0 has type 0
  0x07, 0x08, 0x01, 0x04, 0x74, 0x72, 0x61, 0x70, 0x00, 0x00, // export "trap" = func 0
  0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b, // code: no locals, unreachable, end
]);

/** Executes a WebAssembly `unreachable`: throws a WebAssembly.RuntimeError (a trap). */
export function trap(): never {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(TRAP_WASM));
  (instance.exports.trap as () => void)();
  throw new Error('unreachable: the trap did not fire');
}
