/**
 * JPEG's 4:2:0 chroma subsampling: halve a plane in both directions by 2×2 averaging (libjpeg's
 * h2v2_downsample, edges replicated) and double it back by "fancy" triangular interpolation
 * (libjpeg's h2v2_fancy_upsample: weights ¾ and ¼ from the nearer and farther sample on each
 * axis, edges replicated), here in floating point.
 */

/** [H, W] → [⌈H/2⌉, ⌈W/2⌉] by 2×2 means. */
export function downsample2x2(p: Float64Array, H: number, W: number): { plane: Float64Array; height: number; width: number } {
  const h = Math.ceil(H / 2);
  const w = Math.ceil(W / 2);
  const plane = new Float64Array(h * w);
  for (let y = 0; y < h; y++) {
    const y0 = 2 * y;
    const y1 = Math.min(H - 1, y0 + 1);
    for (let x = 0; x < w; x++) {
      const x0 = 2 * x;
      const x1 = Math.min(W - 1, x0 + 1);
      plane[y * w + x] = (p[y0 * W + x0] + p[y0 * W + x1] + p[y1 * W + x0] + p[y1 * W + x1]) / 4;
    }
  }
  return { plane, height: h, width: w };
}

/** [h, w] → [H, W] (H ≤ 2h, W ≤ 2w) by triangular interpolation. */
export function upsample2x2(p: Float64Array, h: number, w: number, H: number, W: number): Float64Array {
  const out = new Float64Array(H * W);
  const at = (y: number, x: number) => p[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))];
  for (let Y = 0; Y < H; Y++) {
    const y = Y >> 1;
    const ny = Y & 1 ? y + 1 : y - 1; // the farther neighbour row
    for (let X = 0; X < W; X++) {
      const x = X >> 1;
      const nx = X & 1 ? x + 1 : x - 1;
      out[Y * W + X] = (9 * at(y, x) + 3 * at(ny, x) + 3 * at(y, nx) + at(ny, nx)) / 16;
    }
  }
  return out;
}
