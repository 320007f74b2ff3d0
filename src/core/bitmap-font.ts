/**
 * A tiny built-in bitmap font for labelling plots: 5×7 glyphs (one blank column between
 * characters), drawn at an integer scale into a planar RGB image [3, H, W]. Covers the digits,
 * '.', '%', '-', ' ' and the lower-case letters of "loss", "accuracy", "epoch", "train", "test".
 * An unknown character throws an ArgumentError (it is not drawn as a box), so a label that
 * cannot be shown fails loudly instead of printing a wrong string. No dependencies; runs in browsers.
 */
import { ArgumentError, ShapeError } from './errors.js';
import type { NDArray } from './ndarray.js';

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;

/** Each glyph: 7 rows of 5 cells, '#' = ink. */
export const GLYPHS: Readonly<Record<string, readonly string[]>> = {
  '0': ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
  '1': ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
  '3': ['####.', '....#', '....#', '.###.', '....#', '....#', '####.'],
  '4': ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
  '5': ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
  '6': ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
  '7': ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
  '8': ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
  '9': ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
  '.': ['.....', '.....', '.....', '.....', '.....', '.##..', '.##..'],
  '%': ['##...', '##..#', '...#.', '..#..', '.#...', '#..##', '...##'],
  '-': ['.....', '.....', '.....', '#####', '.....', '.....', '.....'],
  ' ': ['.....', '.....', '.....', '.....', '.....', '.....', '.....'],
  a: ['.....', '.....', '.###.', '....#', '.####', '#...#', '.####'],
  c: ['.....', '.....', '.###.', '#....', '#....', '#...#', '.###.'],
  e: ['.....', '.....', '.###.', '#...#', '#####', '#....', '.###.'],
  h: ['#....', '#....', '#.##.', '##..#', '#...#', '#...#', '#...#'],
  i: ['..#..', '.....', '.##..', '..#..', '..#..', '..#..', '.###.'],
  l: ['.##..', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  n: ['.....', '.....', '#.##.', '##..#', '#...#', '#...#', '#...#'],
  o: ['.....', '.....', '.###.', '#...#', '#...#', '#...#', '.###.'],
  p: ['.....', '.....', '####.', '#...#', '####.', '#....', '#....'],
  r: ['.....', '.....', '#.##.', '##..#', '#....', '#....', '#....'],
  s: ['.....', '.....', '.####', '#....', '.###.', '....#', '####.'],
  t: ['.#...', '.#...', '###..', '.#...', '.#...', '.#..#', '..##.'],
  u: ['.....', '.....', '#...#', '#...#', '#...#', '#..##', '.##.#'],
  y: ['.....', '.....', '#...#', '#...#', '.####', '....#', '.###.'],
};

function checkScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 1) throw new ArgumentError(`scale: expected a positive integer, got ${scale}`, 'scale');
}

/** Width in pixels of `text` drawn at `scale` (glyphs 5 wide, 1 blank column between them). */
export function textWidth(text: string, scale = 1): number {
  checkScale(scale);
  return text.length === 0 ? 0 : (text.length * (GLYPH_WIDTH + 1) - 1) * scale;
}

/** Height in pixels of a line of text at `scale`. */
export function textHeight(scale = 1): number {
  checkScale(scale);
  return GLYPH_HEIGHT * scale;
}

/**
 * Draws `text` with its top-left corner at (x, y) into `image` [3, H, W] (planar RGB), each
 * font cell a scale×scale block of `color`. Pixels outside the image are clipped.
 * Throws ArgumentError for a character the font lacks (see GLYPHS).
 */
export function drawText(
  image: NDArray<'float32'>,
  text: string,
  x: number,
  y: number,
  color: readonly [number, number, number],
  scale = 1,
): void {
  checkScale(scale);
  const [c, h, w] = image.shape;
  if (image.shape.length !== 3 || c !== 3)
    throw new ShapeError(`image: expected shape [3, H, W], got [${image.shape.join(', ')}]`, 'image');
  for (const ch of text) {
    if (!(ch in GLYPHS))
      throw new ArgumentError(
        `text: character ${JSON.stringify(ch)} is not in the bitmap font (digits, '.', '%', '-', ' ', and the letters of loss/accuracy/epoch/train/test)`,
        'text',
      );
  }
  const data = image.data; // [3, H, W]
  const x0 = Math.round(x);
  const y0 = Math.round(y);
  let i = 0;
  for (const ch of text) {
    const rows = GLYPHS[ch];
    const gx = x0 + i * (GLYPH_WIDTH + 1) * scale;
    for (let r = 0; r < GLYPH_HEIGHT; r++) {
      for (let q = 0; q < GLYPH_WIDTH; q++) {
        if (rows[r][q] !== '#') continue;
        for (let dy = 0; dy < scale; dy++) {
          const py = y0 + r * scale + dy;
          if (py < 0 || py >= h) continue;
          for (let dx = 0; dx < scale; dx++) {
            const px = gx + q * scale + dx;
            if (px < 0 || px >= w) continue;
            for (let k = 0; k < 3; k++) data[k * w * h + py * w + px] = color[k];
          }
        }
      }
    }
    i++;
  }
}
