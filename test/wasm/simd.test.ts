import { describe, expect, it } from 'vitest';
import { simdSupported } from '../../src/wasm/simd.js';

describe('simdSupported', () => {
  it('simdSupported() is true on Node >= 20 (V8 ships WebAssembly SIMD) and stable across calls', () => {
    expect(simdSupported()).toBe(true);
    expect(simdSupported()).toBe(simdSupported());
  });
});
