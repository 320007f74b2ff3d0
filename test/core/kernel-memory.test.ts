import { afterEach, describe, expect, it } from 'vitest';
import { zeros } from '../../src/core/index.js';
import {
  allocateKernelShared,
  claimSlot,
  inPlaceMemory,
  KERNEL_MEMORY,
  kernelMemoryOf,
  releaseSlot,
  SLOT_BYTES,
  SLOTS,
} from '../../src/core/kernel-memory.js';

const saved = KERNEL_MEMORY.minBytes;
afterEach(() => {
  KERNEL_MEMORY.minBytes = saved;
});

describe('kernel memory', () => {
  it('allocateKernelShared(bytes) under KERNEL_MEMORY.minBytes returns undefined', () => {
    KERNEL_MEMORY.minBytes = 1 << 20;
    expect(allocateKernelShared((1 << 20) - 1)).toBeUndefined();
  });
  it('allocateKernelShared(bytes) gives the zeroed buffer of a shared WebAssembly.Memory, its slots after the data', () => {
    KERNEL_MEMORY.minBytes = 0;
    const buffer = allocateKernelShared(1001);
    expect(buffer).toBeInstanceOf(SharedArrayBuffer);
    const km = kernelMemoryOf(buffer as SharedArrayBuffer);
    expect(km?.memory.buffer).toBe(buffer);
    expect(km?.flagsAt).toBe(1024); // the data rounded up to 64 bytes
    expect(km?.slot0).toBe(1088);
    expect((buffer as SharedArrayBuffer).byteLength).toBeGreaterThanOrEqual(1088 + SLOTS * SLOT_BYTES);
    expect(new Uint8Array(buffer as SharedArrayBuffer).every((v) => v === 0)).toBe(true);
    expect(kernelMemoryOf(new SharedArrayBuffer(8))).toBeUndefined();
  });
  it('zeros(shape, dtype, true) of KERNEL_MEMORY.minBytes or more lies at the start of a kernel memory', () => {
    KERNEL_MEMORY.minBytes = 4000;
    const big = zeros([10, 100], 'float64', true); // 8000 bytes
    expect(big.data.length).toBe(1000);
    expect(big.data.byteOffset).toBe(0);
    expect(kernelMemoryOf(big.data.buffer)).toBeDefined();
    const small = zeros([10, 10], 'float64', true); // 800 bytes: a plain SharedArrayBuffer
    expect(small.data.buffer.byteLength).toBe(800);
    expect(kernelMemoryOf(small.data.buffer)).toBeUndefined();
  });
  it('claimSlot(km) hands out each of the SLOTS slots once, then -1; releaseSlot frees one', () => {
    KERNEL_MEMORY.minBytes = 0;
    const km = kernelMemoryOf(allocateKernelShared(64) as SharedArrayBuffer);
    if (km === undefined) throw new Error('no kernel memory');
    const slots = Array.from({ length: SLOTS }, () => claimSlot(km));
    expect(slots).toEqual(Array.from({ length: SLOTS }, (_, i) => km.slot0 + i * SLOT_BYTES));
    expect(claimSlot(km)).toBe(-1);
    releaseSlot(km, slots[3]);
    expect(claimSlot(km)).toBe(slots[3]);
  });
});

describe('inPlaceMemory', () => {
  it('inPlaceMemory(out, reads) gives the kernel memory unless out or a read view reaches into its slots', () => {
    KERNEL_MEMORY.minBytes = 0;
    const a = zeros([100], 'float64', true);
    const km = kernelMemoryOf(a.data.buffer);
    expect(inPlaceMemory(a.data)).toBe(km);
    expect(inPlaceMemory(a.data.subarray(10, 20), [a.data.subarray(50)])).toBe(km);
    const whole = new Float64Array(a.data.buffer); // over the slots too
    expect(inPlaceMemory(whole)).toBeUndefined();
    expect(inPlaceMemory(a.data.subarray(0, 10), [whole])).toBeUndefined();
    expect(inPlaceMemory(a.data, [new Float64Array(8)])).toBe(km); // another buffer: not in the way
    expect(inPlaceMemory(new Float64Array(new SharedArrayBuffer(64)))).toBeUndefined();
  });
});
