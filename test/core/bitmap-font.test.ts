import { describe, expect, it } from 'vitest';
import { drawText, GLYPHS, textHeight, textWidth } from '../../src/core/bitmap-font.js';
import { ArgumentError, ShapeError } from '../../src/core/errors.js';
import { NDArray } from '../../src/core/ndarray.js';

const RED = [200, 10, 20] as const;
const blank = (h: number, w: number) => new NDArray('float32', [3, h, w], new Float32Array(3 * h * w).fill(255));
/** Ink mask [H][W] of an image: true where the pixel is RED. */
function ink(img: NDArray<'float32'>): boolean[][] {
  const [, h, w] = img.shape;
  return Array.from({ length: h }, (_, y) =>
    Array.from({ length: w }, (_, x) => [0, 1, 2].every((k) => img.data[k * h * w + y * w + x] === RED[k])),
  );
}

describe('bitmap-font', () => {
  it("drawText(img, '0.5', 2, 3, red) inks exactly the 5×7 cells of '0', '.', '5' and nothing outside the 17×7 box", () => {
    const img = blank(12, 24);
    drawText(img, '0.5', 2, 3, RED);
    // '0' . '5' side by side, one blank column between glyphs (17 columns)
    const expected = [
      '.###........#####',
      '#...#.......#....',
      '#..##.......####.',
      '#.#.#...........#',
      '##..#...........#',
      '#...#..##...#...#',
      '.###...##....###.',
    ];
    const m = ink(img);
    for (let y = 0; y < 12; y++) {
      for (let x = 0; x < 24; x++) {
        const inBox = y >= 3 && y < 10 && x >= 2 && x < 19;
        const want = inBox && expected[y - 3][x - 2] === '#';
        expect(m[y][x], `pixel (${x}, ${y})`).toBe(want);
      }
    }
  });

  it('drawText(img, "7", 1, 1, red, 3) draws every font cell as a 3×3 block', () => {
    const img = blank(25, 20);
    drawText(img, '7', 1, 1, RED, 3);
    const m = ink(img);
    let count = 0;
    for (let y = 0; y < 25; y++) for (let x = 0; x < 20; x++) if (m[y][x]) count++;
    const cells = GLYPHS['7'].join('').split('#').length - 1;
    expect(count).toBe(9 * cells);
    // top row of '7' is solid: columns 1..15, rows 1..3
    for (let x = 1; x < 16; x++) for (let y = 1; y < 4; y++) expect(m[y][x]).toBe(true);
    expect(m[4][1]).toBe(false); // row 1 of '7' is '....#'
  });

  it("drawText(img, 'eZ', …) throws ArgumentError on the unknown 'Z' and draws nothing", () => {
    const img = blank(10, 20);
    expect(() => drawText(img, 'eZ', 0, 0, RED)).toThrow(ArgumentError);
    expect(() => drawText(img, 'eZ', 0, 0, RED)).toThrow(/"Z"/);
    expect(img.data.every((v) => v === 255)).toBe(true);
    expect(() => drawText(img, 'LOSS', 0, 0, RED)).toThrow(ArgumentError); // upper case is not in the font
  });

  it('drawText(img, text, -3, -2) clips to the image instead of throwing', () => {
    const img = blank(6, 4);
    drawText(img, '8', -3, -2, RED);
    const m = ink(img);
    // visible part: glyph columns 3,4 and rows 2..6 of '8'
    const rows = GLYPHS['8'];
    for (let y = 0; y < 6; y++)
      for (let x = 0; x < 4; x++) {
        const gx = x + 3;
        const gy = y + 2;
        expect(m[y][x]).toBe(gx < 5 && gy < 7 && rows[gy][gx] === '#');
      }
  });

  it('drawText(img, …) checks scale and image shape', () => {
    const img = blank(10, 10);
    expect(() => drawText(img, '1', 0, 0, RED, 0)).toThrow(ArgumentError);
    expect(() => drawText(img, '1', 0, 0, RED, 1.5)).toThrow(/scale/);
    const gray = new NDArray('float32', [1, 10, 10]);
    expect(() => drawText(gray, '1', 0, 0, RED)).toThrow(ShapeError);
  });

  it("textWidth('0.5') is 17, at scale 2 34; textHeight(3) is 21", () => {
    expect(textWidth('0.5')).toBe(17);
    expect(textWidth('0.5', 2)).toBe(34);
    expect(textWidth('')).toBe(0);
    expect(textHeight()).toBe(7);
    expect(textHeight(3)).toBe(21);
  });

  it('GLYPHS covers the plot labels, each 7 rows of 5 cells, all distinct', () => {
    for (const ch of '0123456789.%- lossaccuracyepochtraintest') expect(GLYPHS[ch], ch).toBeDefined();
    const seen = new Set<string>();
    for (const [ch, rows] of Object.entries(GLYPHS)) {
      expect(rows.length, ch).toBe(7);
      for (const r of rows) expect(r, ch).toMatch(/^[#.]{5}$/);
      const key = rows.join('');
      expect(seen.has(key), ch).toBe(false);
      seen.add(key);
      expect(key.includes('#'), ch).toBe(ch !== ' ');
    }
  });
});
