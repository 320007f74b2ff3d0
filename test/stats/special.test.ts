import { describe, expect, test } from 'vitest';
import { chi2Sf, erfc, lgamma, normCdf, normPpf } from '../../src/stats/special.js';

describe('special', () => {
  test('normPpf(0.975) is scipy.stats.norm.ppf(0.975) = 1.959963984540054', () => {
    expect(normPpf(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normPpf(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normPpf(1e-10)).toBeCloseTo(-6.361340902404056, 10);
  });

  test('normCdf and erfc match scipy values', () => {
    expect(normCdf(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(erfc(4) / 1.541725790028002e-8).toBeCloseTo(1, 13);
    expect(erfc(-0.5)).toBeCloseTo(1.5204998778130465, 15);
  });

  test('chi2Sf(x, df) matches scipy.stats.chi2.sf', () => {
    expect(chi2Sf(3.84, 1)).toBeCloseTo(0.05004352124870519, 13);
    expect(chi2Sf(20, 10)).toBeCloseTo(0.029252688076961127, 13);
    expect(chi2Sf(200, 12) / 3.261456366720447e-36).toBeCloseTo(1, 9);
  });

  test('lgamma matches log Γ', () => {
    expect(lgamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
  });

  test('normPpf refuses p outside (0, 1)', () => {
    expect(() => normPpf(1)).toThrow(/p: expected a probability/);
  });
});
