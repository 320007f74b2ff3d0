import { describe, expect, test } from 'vitest';
import { fromArray } from '../../src/core/index.js';
import { checkNotConstant, diff, interpolateGaps, toSeries } from '../../src/stats/series.js';

describe('series', () => {
  test('toSeries accepts arrays, typed arrays and 1-D NDArrays', () => {
    expect(Array.from(toSeries([1, 2]))).toEqual([1, 2]);
    expect(Array.from(toSeries(Float32Array.of(0.5)))).toEqual([0.5]);
    expect(Array.from(toSeries(fromArray([3, 4], 'float64')))).toEqual([3, 4]);
  });

  test('toSeries refuses NaN gaps, 2-D arrays and short series, naming the argument', () => {
    expect(() => toSeries([1, Number.NaN], 'y')).toThrow(/y: value NaN at index 1 is not finite/);
    expect(() => toSeries(fromArray([1, 2, 3, 4], 'float64', [2, 2]))).toThrow(/x: expected a 1-D series, got shape \[2, 2\]/);
    expect(() => toSeries([1], 'x', 3)).toThrow(/x: series of length 1 is too short; need at least 3/);
    expect(() => toSeries(5 as unknown as number[])).toThrow(/x: expected an array of numbers/);
  });

  test('interpolateGaps fills inner gaps linearly and edge gaps with the nearest value', () => {
    expect(Array.from(interpolateGaps([Number.NaN, 1, Number.NaN, 3, Number.NaN]))).toEqual([1, 1, 2, 3, 3]);
    expect(() => interpolateGaps([Number.NaN])).toThrow(/no finite values/);
  });

  test('diff(x, 2) is numpy.diff(x, n=2)', () => {
    expect(Array.from(diff([1, 4, 9, 16], 2))).toEqual([2, 2]);
  });

  test('checkNotConstant throws on a constant series', () => {
    expect(() => checkNotConstant(Float64Array.of(2, 2))).toThrow(/x: the series is constant/);
  });
});
