import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { correlateSame, luminance, rgbaToPlanar, SOBEL_X, sobelMagnitude } from '../../lab/src/workers/kernels.js';
import { fromArray, ndarray } from '../../src/index.js';

const golden = JSON.parse(readFileSync(new URL('../golden/lab/kernels.json', import.meta.url), 'utf8')) as {
  image: { shape: number[]; data: number[] };
  kernel: number[][];
  correlate_nearest: number[];
  sobel_magnitude_c0: number[];
};
const image = ndarray('float32', golden.image.shape, Float32Array.from(golden.image.data)); // [2, 7, 9]

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number) {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i])));
  expect(worst).toBeLessThan(tol);
}

describe('correlateSame(image, kernel)', () => {
  it('correlateSame([2,7,9] image, random 5×5) matches scipy.ndimage.correlate(mode="nearest") per channel', () => {
    const out = correlateSame(image, golden.kernel);
    expect(out.shape).toEqual([2, 7, 9]);
    expect(out.dtype).toBe('float32');
    // float32 accumulation (as cv2.filter2D does): within 1e-5 of the output's largest value, the
    // tolerance every float32 convolution test uses
    const scale = Math.max(...golden.correlate_nearest.map(Math.abs));
    expectClose(
      Array.from(out.data, (v) => v / scale),
      golden.correlate_nearest.map((v) => v / scale),
      1e-5,
    );
  });

  it('correlateSame(x, identity) returns x; a 1×1 kernel scales', () => {
    const x = fromArray([1, 2, 3, 4, 5, 6], 'float32', [2, 3]);
    expect(
      Array.from(
        correlateSame(x, [
          [0, 0, 0],
          [0, 1, 0],
          [0, 0, 0],
        ]).data,
      ),
    ).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(correlateSame(x, [[2]]).data)).toEqual([2, 4, 6, 8, 10, 12]);
  });

  it('correlateSame(ramp, sobel-x) is 8 inside and 4 at the nearest-extended edges (no flip)', () => {
    const ramp = fromArray([0, 1, 2, 3, 0, 1, 2, 3], 'float32', [2, 4]); // intensity rises to the right
    expect(Array.from(correlateSame(ramp, SOBEL_X).data)).toEqual([4, 8, 8, 4, 4, 8, 8, 4]);
  });

  it('correlateSame(x, even or ragged kernel) throws a RangeError naming kernel', () => {
    const x = fromArray([1, 2, 3, 4], 'float32', [2, 2]);
    expect(() =>
      correlateSame(x, [
        [1, 1],
        [1, 1],
      ]),
    ).toThrow(/kernel: expected a square grid of odd size, got 2×2/);
    expect(() => correlateSame(x, [[1, 1, 1], [1], [1, 1, 1]])).toThrow(RangeError);
  });
});

describe('sobelMagnitude(gray)', () => {
  it('sobelMagnitude(channel 0) matches hypot of scipy.ndimage.sobel along both axes (nearest)', () => {
    const [, h, w] = image.shape;
    const gray = ndarray('float32', [h, w], image.data.slice(0, h * w));
    expectClose(sobelMagnitude(gray).data, golden.sobel_magnitude_c0, 1e-6);
  });

  it('sobelMagnitude of a constant image is 0 everywhere', () => {
    const flat = fromArray(new Array(12).fill(7), 'float32', [3, 4]);
    expect(Array.from(sobelMagnitude(flat).data)).toEqual(new Array(12).fill(0));
  });

  it('sobelMagnitude([C,H,W]) throws a RangeError naming gray', () => {
    expect(() => sobelMagnitude(image)).toThrow(/gray: expected shape \[H, W\], got \[2, 7, 9\]/);
  });
});

describe('rgbaToPlanar(rgba, width, height) and luminance(image)', () => {
  it('rgbaToPlanar(2×1 RGBA) gives planar [3, 1, 2] and drops alpha', () => {
    const planar = rgbaToPlanar(new Uint8ClampedArray([10, 20, 30, 255, 40, 50, 60, 0]), 2, 1);
    expect(planar.shape).toEqual([3, 1, 2]);
    expect(Array.from(planar.data)).toEqual([10, 40, 20, 50, 30, 60]);
  });

  it('rgbaToPlanar with a wrong byte count throws a RangeError naming rgba', () => {
    expect(() => rgbaToPlanar(new Uint8ClampedArray(7), 2, 1)).toThrow(/rgba: expected 8 bytes for 2×1, got 7/);
  });

  it('luminance(pure red, green, blue, white) is 0.299·255, 0.587·255, 0.114·255, 255 (BT.601)', () => {
    const rgb = fromArray([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255], 'float32', [3, 1, 4]);
    const y = luminance(rgb);
    expect(y.shape).toEqual([1, 4]);
    expectClose(y.data, [76.245, 149.685, 29.07, 255], 1e-6);
  });
});
