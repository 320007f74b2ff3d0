import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/core/index.js';
import { defaultVariant, initWasm, instantiateKernels, wasmInfo, wasmKernels, wasmModule } from '../../src/wasm/loader.js';

describe('loader', () => {
  it('initWasm() compiles every family and resolves to wasmInfo()', async () => {
    const info = await initWasm();
    expect(info).toEqual(wasmInfo());
    expect(info.simd).toBe(true);
    // Node 20 turns V8's relaxed SIMD flag on (simd.ts); Node 22 and later have it by default
    expect(info.relaxed).toBe(true);
    expect(defaultVariant()).toBe('relaxed');
    expect(info.families).toContain('conv2d');
  });
  it('wasmKernels("conv2d") returns one cached instance per variant, with its own memory', () => {
    const best = wasmKernels('conv2d');
    expect(best.variant).toBe(defaultVariant());
    expect(wasmKernels('conv2d', defaultVariant())).toBe(best);
    const simd = wasmKernels('conv2d', 'simd');
    expect(simd.variant).toBe('simd');
    const scalar = wasmKernels('conv2d', 'scalar');
    expect(scalar.variant).toBe('scalar');
    expect(scalar.memory).not.toBe(simd.memory);
    expect(typeof scalar.exports.corr2d_valid_f32).toBe('function');
  });
  it('wasmKernels("conv2d", variant) runs a kernel on pointers into its memory', () => {
    for (const variant of ['relaxed', 'simd', 'scalar'] as const) {
      const { exports, memory, arena } = wasmKernels<{ corr2d_valid_f64: (...a: number[]) => void }>('conv2d', variant);
      const [kOff, inOff, outOff] = arena.layout([8, 3 * 8, 2 * 8]);
      const heap = new Float64Array(memory.buffer);
      heap[kOff / 8] = 2; // k [1, 1]
      heap.set([1, 2, 3], inOff / 8); // in [1, 3]
      exports.corr2d_valid_f64(inOff, 1, 3, kOff, 1, 1, outOff);
      expect(Array.from(heap.subarray(outOff / 8, outOff / 8 + 3))).toEqual([2, 4, 6]);
    }
  });
  it('CONVOLAB_WASM_RELAXED=0 keeps the relaxed build off: defaultVariant() is simd (a child process over dist/)', () => {
    const loader = new URL('../../dist/wasm/loader.js', import.meta.url).href;
    const script = `import('${loader}').then((m) => console.log(JSON.stringify([m.defaultVariant(), m.wasmInfo().relaxed])))`;
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        env,
        cwd: fileURLToPath(new URL('.', import.meta.url)),
      });
    const off = run({ ...process.env, CONVOLAB_WASM_RELAXED: '0' });
    expect(off.status, off.stderr).toBe(0);
    expect(JSON.parse(off.stdout)).toEqual(['simd', false]);
    const on = run({ ...process.env, CONVOLAB_WASM_RELAXED: '' });
    expect(JSON.parse(on.stdout)).toEqual(['relaxed', true]);
  });
  it('wasmKernels("nope") throws an ArgumentError naming family', () => {
    expect(() => wasmKernels('nope')).toThrow(ArgumentError);
    expect(() => wasmKernels('nope')).toThrow(/family: unknown wasm kernel family "nope"/);
    expect(() => wasmKernels('conv2d', 'avx' as never)).toThrow(/variant: expected 'relaxed', 'simd' or 'scalar'/);
  });
  it('instantiateKernels(family, wasmModule(family), variant) makes a fresh instance with its own memory', () => {
    const fresh = instantiateKernels('conv2d', wasmModule('conv2d', 'scalar'), 'scalar');
    expect(fresh.memory).not.toBe(wasmKernels('conv2d', 'scalar').memory);
    expect(fresh.arena.base).toBeGreaterThan(0);
  });
});
