import { afterAll, describe, expect, it } from 'vitest';
import { fftBackend, setFftBackend } from '../../src/fft/backend.js';

afterAll(() => setFftBackend('auto'));

describe('backend', () => {
  it("setFftBackend('ts') switches and fftBackend() reports it", () => {
    setFftBackend('ts');
    expect(fftBackend()).toBe('ts');
    setFftBackend('auto');
    expect(fftBackend()).toBe('auto');
  });
  it('setFftBackend(unknown) throws naming backend', () => {
    expect(() => setFftBackend('gpu' as never)).toThrow(/^backend: /);
  });
});
