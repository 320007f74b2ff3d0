import { afterAll, describe, expect, it } from 'vitest';
import { fftBackend, setFftBackend, variantOf } from '../../src/fft/backend.js';

afterAll(() => setFftBackend('auto'));

describe('backend', () => {
  it("setFftBackend('ts') switches and fftBackend() reports it", () => {
    setFftBackend('ts');
    expect(fftBackend()).toBe('ts');
    setFftBackend('auto');
    expect(fftBackend()).toBe('auto');
  });
  it("setFftBackend('wasm-simd') is accepted; variantOf maps 'wasm' and 'auto' to the default variant", () => {
    setFftBackend('wasm-simd');
    expect(fftBackend()).toBe('wasm-simd');
    setFftBackend('auto');
    expect(variantOf('wasm-simd')).toBe('simd');
    expect(variantOf('wasm-scalar')).toBe('scalar');
    expect(variantOf('wasm')).toBeUndefined();
    expect(variantOf('auto')).toBeUndefined();
  });
  it('setFftBackend(unknown) throws naming backend', () => {
    expect(() => setFftBackend('gpu' as never)).toThrow(/^backend: /);
  });
});
