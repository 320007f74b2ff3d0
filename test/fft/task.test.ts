import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core/index.js';
import { fft, rfft } from '../../src/fft/api.js';
import { type NdStepArgs, ndStepTask, stepOutLength } from '../../src/fft/task.js';
import { randomBuffer } from './helpers.js';

describe('ndStepTask', () => {
  it('ndStepTask(r2c rows 2..5 of [64, 64] float32) writes exactly those rows of rfft', () => {
    const x = Float32Array.from(randomBuffer(64 * 64, 1));
    const dst = new Float32Array(64 * 33 * 2).fill(7);
    const args: NdStepArgs = {
      src: x,
      srcLanes: 1,
      dst,
      dims: [64, 64, 1],
      step: { axis: 1, kind: 'r2c', n: 64, inverse: false },
      scale: 1,
      o0: 2,
      o1: 5,
      c0: 0,
      c1: 1,
    };
    expect(ndStepTask(args)).toBe(3);
    const want = rfft(new NDArray('float32', [64, 64], x)).data; // 4096 points: rfft runs the float32 kernels too
    expect(Array.from(dst.subarray(2 * 66, 5 * 66))).toEqual(Array.from(want.subarray(2 * 66, 5 * 66)));
    expect(dst[0]).toBe(7);
    expect(dst[5 * 66]).toBe(7);
  });
  it('ndStepTask(c2c columns 128..200 of [2, 32, 200] complex128, in place) transforms those columns only', () => {
    const x = randomBuffer(2 * 32 * 200 * 2, 2);
    const buf = x.slice();
    const args: NdStepArgs = {
      src: buf,
      srcLanes: 2,
      dst: buf,
      dims: [2, 32, 200],
      step: { axis: 1, kind: 'c2c', n: 32, inverse: false },
      scale: 0.5,
      o0: 0,
      o1: 2,
      c0: 128,
      c1: 200,
    };
    expect(ndStepTask(args)).toBe(144);
    const want = fft(new NDArray('complex128', [2, 32, 200], x), { axis: 1, norm: 'ortho' }).data; // ortho: 1/sqrt(32)
    const at = (o: number, t: number, c: number) => 2 * ((o * 32 + t) * 200 + c);
    const f = 0.5 * Math.sqrt(32);
    expect(buf[at(1, 5, 130)]).toBeCloseTo(want[at(1, 5, 130)] * f, 12);
    expect(buf[at(0, 31, 199) + 1]).toBeCloseTo(want[at(0, 31, 199) + 1] * f, 12);
    expect(buf[at(0, 3, 127)]).toBe(x[at(0, 3, 127)]);
  });
  it('ndStepTask with a claim counter runs the listed shares it takes, as the same shares one by one would', () => {
    const x = Float32Array.from(randomBuffer(48 * 64, 3));
    const base = {
      src: x,
      srcLanes: 1 as const,
      dims: [48, 64, 1] as [number, number, number],
      step: { axis: 1, kind: 'r2c' as const, n: 64, inverse: false },
      scale: 1,
      c0: 0,
      c1: 1,
    };
    const one = new Float32Array(48 * 33 * 2);
    for (const [o0, o1] of [
      [0, 7],
      [7, 30],
      [30, 48],
    ])
      ndStepTask({ ...base, dst: one, o0, o1 });
    const claimed = new Float32Array(48 * 33 * 2).fill(7);
    const claim = new Int32Array(new SharedArrayBuffer(4));
    const shares = Int32Array.from([0, 7, 0, 1, 7, 30, 0, 1, 30, 48, 0, 1]);
    // two "tasks" over one counter: the first takes every share, the second finds none left
    expect(ndStepTask({ ...base, dst: claimed, o0: 0, o1: 0, claim, shares })).toBe(48);
    expect(ndStepTask({ ...base, dst: claimed, o0: 0, o1: 0, claim, shares })).toBe(0);
    expect(claim[0]).toBe(5); // 3 shares taken, one failed take by each task
    expect(Array.from(claimed)).toEqual(Array.from(one));
  });
  it('stepOutLength({ kind: r2c, n: 10 }) is 6; c2r and c2c keep n', () => {
    expect(stepOutLength({ axis: 0, kind: 'r2c', n: 10, inverse: false })).toBe(6);
    expect(stepOutLength({ axis: 0, kind: 'c2r', n: 10, inverse: true })).toBe(10);
    expect(stepOutLength({ axis: 0, kind: 'c2c', n: 7, inverse: false })).toBe(7);
  });
});
