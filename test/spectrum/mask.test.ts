import { describe, expect, it } from 'vitest';
import { checkMask, frequencyMask, gainAt, gaussianCutoff } from '../../src/spectrum/mask.js';

describe('frequencyMask(shape, opts)', () => {
  it('frequencyMask([8, 8], ideal lowpass 0.25) keeps |f| ≤ 0.25 in numpy layout', () => {
    const m = frequencyMask([8, 8], { kind: 'lowpass', cutoff: 0.25 }).data;
    expect(m[0]).toBe(1);
    expect(m[2]).toBe(1); // fx = 2/8
    expect(m[3]).toBe(0); // fx = 3/8
    expect(m[8 + 1]).toBe(1); // |(1/8, 1/8)| = 0.177
    expect(m[2 * 8 + 2]).toBe(0); // |(2/8, 2/8)| = 0.354
    expect(m[6 * 8]).toBe(1); // fy = −2/8
  });

  it('gainAt(...) gives the documented gains at the cutoff: gaussian e^−½, butterworth ½', () => {
    expect(gainAt(checkMask({ kind: 'lowpass', cutoff: 0.1, shape: 'gaussian' }), 0.1)).toBeCloseTo(Math.exp(-0.5), 12);
    expect(gainAt(checkMask({ kind: 'lowpass', cutoff: 0.1, shape: 'butterworth', order: 4 }), 0.1)).toBeCloseTo(0.5, 12);
    expect(gainAt(checkMask({ kind: 'highpass', cutoff: 0.1, shape: 'butterworth' }), 0.1)).toBeCloseTo(0.5, 12);
    const bp = checkMask({ kind: 'bandpass', cutoff: [0.1, 0.3] });
    expect([0.05, 0.2, 0.4].map((r) => gainAt(bp, r))).toEqual([0, 1, 0]);
    const bs = checkMask({ kind: 'bandstop', cutoff: [0.1, 0.3] });
    expect([0.05, 0.2, 0.4].map((r) => gainAt(bs, r))).toEqual([1, 0, 1]);
  });

  it('checkMask({ units: "nyquist" }) scales cutoffs by ½; gaussianCutoff(σ) = 1/(2πσ)', () => {
    expect(checkMask({ kind: 'lowpass', cutoff: 0.5, units: 'nyquist' }).hi).toBe(0.25);
    expect(gaussianCutoff(2)).toBeCloseTo(1 / (4 * Math.PI), 15);
  });

  it('checkMask rejects bad input naming the argument and the valid range', () => {
    expect(() => checkMask({ kind: 'lowpass', cutoff: 0 })).toThrow(/cutoff: expected a cutoff in \(0, 0.5\]/);
    expect(() => checkMask({ kind: 'lowpass', cutoff: 1.5, units: 'nyquist' })).toThrow(/cutoff: expected a cutoff in \(0, 1\]/);
    expect(() => checkMask({ kind: 'lowpass', cutoff: 0.1, shape: 'box' as 'ideal' })).toThrow(
      /shape: expected one of ideal, gaussian, butterworth/,
    );
    expect(() => checkMask({ kind: 'bandpass', cutoff: 0.1 })).toThrow(/cutoff: bandpass takes two cutoffs/);
    expect(() => checkMask({ kind: 'bandpass', cutoff: [0.3, 0.1] })).toThrow(/cutoff: expected lo < hi/);
    expect(() => checkMask({ kind: 'notch' as 'lowpass', cutoff: 0.1 })).toThrow(/kind: expected one of lowpass/);
  });
});
