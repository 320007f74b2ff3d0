import { describe, expect, test } from 'vitest';
import { filtfilt, lfilter, lfilterZi } from '../../src/stats/lfilter.js';
import { expectClose, golden } from './golden.js';

const g = golden('lfilter.json');

describe('lfilter', () => {
  test('lfilter(b, a, x) matches scipy.signal.lfilter for FIR, IIR, Butterworth and a[0] ≠ 1', () => {
    for (const c of g.cases) expectClose(lfilter(c.b, c.a, g.x).y, c.y, { atol: 1e-12, rtol: 1e-12 });
  });

  test('lfilter(b, a, x, { zi }) returns scipy’s output and final state zf', () => {
    for (const c of g.cases) {
      const zi = c.zi.map((v: number) => v * g.x[0]);
      const { y, zf } = lfilter(c.b, c.a, g.x, { zi });
      expectClose(y, c.y_zi, { atol: 1e-12, rtol: 1e-12 });
      expectClose(zf, c.zf, { atol: 1e-12, rtol: 1e-12 });
    }
  });

  test('lfilterZi(b, a) matches scipy.signal.lfilter_zi', () => {
    for (const c of g.cases) expectClose(lfilterZi(c.b, c.a), c.zi, { atol: 1e-12, rtol: 1e-12 });
  });

  test('filtfilt(b, a, x, { padtype }) matches scipy for odd, even, constant and none', () => {
    for (const c of g.cases) {
      for (const padtype of ['odd', 'even', 'constant', 'none'] as const) {
        expectClose(filtfilt(c.b, c.a, g.x, { padtype }), c.filtfilt[padtype], { atol: 1e-11, rtol: 1e-11 });
      }
      expectClose(filtfilt(c.b, c.a, g.x, { padlen: 5 }), c.filtfilt_padlen5, { atol: 1e-11, rtol: 1e-11 });
    }
  });

  test('filtfilt refuses a series no longer than padlen, naming x', () => {
    expect(() => filtfilt([1, 1], [1, -0.5], [1, 2, 3, 4, 5, 6])).toThrow(/x: the series \(length 6\) must be longer than padlen = 6/);
  });

  test('lfilter refuses a[0] = 0 and NaN in x', () => {
    expect(() => lfilter([1], [0, 1], [1, 2])).toThrow(/a\[0\]/);
    expect(() => lfilter([1], [1], [1, Number.NaN])).toThrow(/x: value NaN at index 1/);
  });
});
