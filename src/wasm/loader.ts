/**
 * Loads the kernel families built from assembly/ (embedded as base64 in src/wasm/generated/,
 * so Node and the browser load them the same way, with no fs or fetch). One instance per
 * (family, variant), each with its own imported memory and scratch arena. See README.md.
 */
import { ArgumentError } from '../core/errors.js';
import { ALIGN, Arena } from './arena.js';
import { FAMILIES } from './generated/index.js';
import { relaxedSupported, simdSupported } from './simd.js';

/** 'relaxed': SIMD plus relaxed SIMD's fused multiply-add; 'simd': 128-bit SIMD; 'scalar': neither. */
export type WasmVariant = 'relaxed' | 'simd' | 'scalar';

/** One instantiated kernel family: its exports, its memory and the host's scratch arena. */
export interface WasmKernels<E = Record<string, unknown>> {
  readonly family: string;
  readonly variant: WasmVariant;
  readonly exports: E;
  readonly memory: WebAssembly.Memory;
  readonly arena: Arena;
}

export interface WasmInfo {
  /** Whether the SIMD build is used by default. */
  readonly simd: boolean;
  /** Whether the SIMD build with relaxed SIMD (fused multiply-add) is used by default. */
  readonly relaxed: boolean;
  /** The kernel families available (file names in assembly/). */
  readonly families: readonly string[];
}

const PAGE = 65536;
const modules = new Map<string, WebAssembly.Module>();
const instances = new Map<string, WasmKernels>();

/** `{ simd, families }`: what this engine runs by default and which families exist. */
export function wasmInfo(): WasmInfo {
  return { simd: simdSupported(), relaxed: relaxedSupported(), families: Object.keys(FAMILIES) };
}

/** The variant used when none is asked for: the most the engine supports (relaxed, then SIMD). */
export function defaultVariant(): WasmVariant {
  return relaxedSupported() ? 'relaxed' : simdSupported() ? 'simd' : 'scalar';
}

/**
 * Compile and instantiate the families (default: all) asynchronously, as a browser main
 * thread requires; afterwards `wasmKernels` returns at once. Safe to call more than once.
 */
export async function initWasm(opts: { families?: readonly string[]; variant?: WasmVariant } = {}): Promise<WasmInfo> {
  const variant = checkVariant(opts.variant);
  const families = opts.families ?? Object.keys(FAMILIES);
  await Promise.all(
    families.map(async (family) => {
      const key = keyOf(family, variant);
      if (instances.has(key)) return;
      let module = modules.get(key);
      if (module === undefined) {
        module = await WebAssembly.compile(bytesOf(family, variant) as BufferSource);
        modules.set(key, module);
      }
      const memory = newMemory(family);
      const instance = await WebAssembly.instantiate(module, importsFor(module, memory, family));
      if (!instances.has(key)) instances.set(key, wrap(family, variant, instance, memory));
    }),
  );
  return wasmInfo();
}

/**
 * The cached instance of `family` (`variant` defaults to SIMD where supported). After
 * `initWasm()` this never compiles; without it, it compiles synchronously (fine in Node and
 * in workers; a browser main thread may refuse, and the error then says to call `initWasm`).
 */
export function wasmKernels<E = Record<string, unknown>>(family: string, variant?: WasmVariant): WasmKernels<E> {
  const v = checkVariant(variant);
  const key = keyOf(family, v);
  let kernels = instances.get(key);
  if (kernels === undefined) {
    kernels = instantiateKernels(family, wasmModule(family, v), v);
    instances.set(key, kernels);
  }
  return kernels as WasmKernels<E>;
}

/** The compiled module of `family` (cached), e.g. to post to a worker. */
export function wasmModule(family: string, variant?: WasmVariant): WebAssembly.Module {
  const v = checkVariant(variant);
  const key = keyOf(family, v);
  let module = modules.get(key);
  if (module === undefined) {
    try {
      module = new WebAssembly.Module(bytesOf(family, v) as BufferSource);
    } catch (cause) {
      if (cause instanceof ArgumentError) throw cause;
      throw new ArgumentError(
        `family: could not compile wasm kernels '${family}' synchronously here; call \`await initWasm()\` first (${String(cause)})`,
        'family',
        { cause },
      );
    }
    modules.set(key, module);
  }
  return module;
}

/**
 * The compiled shared-memory build of `family` (cached) in the default variant, for an instance
 * over a shared WebAssembly.Memory of the caller's (src/core/kernel-memory.ts); undefined where
 * the family has none (scripts/build-wasm.mjs SHARED_FAMILIES) or the engine has no SIMD.
 */
export function sharedWasmModule(family: string): WebAssembly.Module | undefined {
  const variant = defaultVariant();
  if (variant === 'scalar') return undefined;
  const key = `${keyOf(family, variant)}:shared`;
  let module = modules.get(key);
  if (module === undefined) {
    const text = variant === 'relaxed' ? generated(family).relaxedShared : generated(family).simdShared;
    if (text === undefined) return undefined;
    module = new WebAssembly.Module(decodeBase64(text) as BufferSource);
    modules.set(key, module);
  }
  return module;
}

/** A fresh instance of a compiled family module with its own memory (not cached). */
export function instantiateKernels<E = Record<string, unknown>>(
  family: string,
  module: WebAssembly.Module,
  variant: WasmVariant,
): WasmKernels<E> {
  const memory = newMemory(family);
  const instance = new WebAssembly.Instance(module, importsFor(module, memory, family));
  return wrap(family, variant, instance, memory) as WasmKernels<E>;
}

function wrap(family: string, variant: WasmVariant, instance: WebAssembly.Instance, memory: WebAssembly.Memory): WasmKernels {
  const base = Math.max(generated(family).minPages * PAGE, ALIGN);
  return { family, variant, exports: instance.exports as Record<string, unknown>, memory, arena: new Arena(memory, base) };
}

function newMemory(family: string): WebAssembly.Memory {
  return new WebAssembly.Memory({ initial: Math.max(generated(family).minPages, 1) });
}

/** `env.memory`, plus `env.abort` (and any other function import) as a thrower naming the family. */
function importsFor(module: WebAssembly.Module, memory: WebAssembly.Memory, family: string): WebAssembly.Imports {
  const env: Record<string, WebAssembly.ImportValue> = { memory };
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.kind === 'function' && !(imp.name in env)) {
      env[imp.name] = () => {
        throw new Error(`wasm kernel family '${family}' called ${imp.module}.${imp.name} (an abort or unsupported import)`);
      };
    }
  }
  return { env };
}

function generated(family: string) {
  const g = Object.hasOwn(FAMILIES, family) ? FAMILIES[family] : undefined;
  if (g === undefined) {
    throw new ArgumentError(
      `family: unknown wasm kernel family ${JSON.stringify(family)}; expected one of ${Object.keys(FAMILIES).join(', ')}`,
      'family',
    );
  }
  return g;
}

function bytesOf(family: string, variant: WasmVariant): Uint8Array {
  return decodeBase64(generated(family)[variant]);
}

function decodeBase64(text: string): Uint8Array {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function checkVariant(variant: WasmVariant | undefined): WasmVariant {
  if (variant === undefined) return defaultVariant();
  if (variant !== 'relaxed' && variant !== 'simd' && variant !== 'scalar') {
    throw new ArgumentError(`variant: expected 'relaxed', 'simd' or 'scalar', got ${JSON.stringify(variant)}`, 'variant');
  }
  if (variant !== 'scalar' && !simdSupported())
    throw new ArgumentError(`variant: this engine has no WebAssembly SIMD; use 'scalar'`, 'variant');
  if (variant === 'relaxed' && !relaxedSupported())
    throw new ArgumentError(`variant: this engine has no relaxed WebAssembly SIMD; use 'simd' or 'scalar'`, 'variant');
  return variant;
}

function keyOf(family: string, variant: WasmVariant): string {
  return `${family}:${variant}`;
}
