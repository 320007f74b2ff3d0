/**
 * Per-image features of 28 x 28 garments (light on black, 0..255), the baselines of the
 * search engine and the autoencoder's inputs:
 *   normalizeContrast: scale so the brightest pixel is 255 (removes a garment's overall
 *     brightness, i.e. its colour as Fashion-MNIST's inverted greys encode it);
 *   sobelMagnitude: |(Sobel x, Sobel y)| with zero padding (the background is black), the same
 *     as scipy.ndimage.sobel(mode='constant') on both axes;
 *   pixelFeatures / sobelFeatures: [n, 784] float32 rows for the index.
 */

export const SIDE = 28;
export const PIXELS = SIDE * SIDE;

/** out = img * 255 / max(img) (an all-zero image stays zero). `img` [side * side]. */
export function normalizeContrast(img: ArrayLike<number>, out = new Float32Array(img.length)): Float32Array {
  let max = 0;
  for (let i = 0; i < img.length; i++) if (img[i] > max) max = img[i];
  const s = max > 0 ? 255 / max : 0;
  for (let i = 0; i < img.length; i++) out[i] = Math.max(0, img[i] * s);
  return out;
}

/** Sobel gradient magnitude of img [h, w] with zero padding, into out [h, w]. */
export function sobelMagnitude(img: ArrayLike<number>, h = SIDE, w = SIDE, out = new Float32Array(h * w)): Float32Array {
  const at = (y: number, x: number) => (y < 0 || y >= h || x < 0 || x >= w ? 0 : img[y * w + x]);
  for (let y = 0; y < h; y++) {
    const inner = y > 0 && y < h - 1;
    for (let x = 0; x < w; x++) {
      const o = y * w + x;
      let gx: number;
      let gy: number;
      if (inner && x > 0 && x < w - 1) {
        // Sobel x: derivative along x, smoothing [1, 2, 1] along y; Sobel y the transpose.
        const a = img[o - w - 1];
        const b = img[o - w];
        const c = img[o - w + 1];
        const d = img[o - 1];
        const f = img[o + 1];
        const g = img[o + w - 1];
        const hh = img[o + w];
        const i = img[o + w + 1];
        gx = c - a + 2 * (f - d) + i - g;
        gy = g - a + 2 * (hh - b) + i - c;
      } else {
        gx = at(y - 1, x + 1) - at(y - 1, x - 1) + 2 * (at(y, x + 1) - at(y, x - 1)) + at(y + 1, x + 1) - at(y + 1, x - 1);
        gy = at(y + 1, x - 1) - at(y - 1, x - 1) + 2 * (at(y + 1, x) - at(y - 1, x)) + at(y + 1, x + 1) - at(y - 1, x + 1);
      }
      out[o] = Math.sqrt(gx * gx + gy * gy);
    }
  }
  return out;
}

/** Rows [n, 784]: the contrast-normalised pixels of images [n, 28, 28] (uint8 or float). */
export function pixelFeatures(images: ArrayLike<number>, n: number): Float32Array {
  const out = new Float32Array(n * PIXELS);
  const tmp = new Float32Array(PIXELS);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < PIXELS; p++) tmp[p] = images[i * PIXELS + p];
    normalizeContrast(tmp, out.subarray(i * PIXELS, (i + 1) * PIXELS));
  }
  return out;
}

/** Rows [n, 784]: Sobel magnitude of each contrast-normalised image. */
export function sobelFeatures(images: ArrayLike<number>, n: number): Float32Array {
  const px = pixelFeatures(images, n);
  const out = new Float32Array(n * PIXELS);
  for (let i = 0; i < n; i++)
    sobelMagnitude(px.subarray(i * PIXELS, (i + 1) * PIXELS), SIDE, SIDE, out.subarray(i * PIXELS, (i + 1) * PIXELS));
  return out;
}

/**
 * Histogram equalisation of the garment: each non-zero pixel becomes 255 x (its mean rank
 * among the non-zero pixels + 1) / count; zeros (background) stay 0. Any increasing change of
 * brightness or contrast (a scale, a gamma) leaves the result unchanged.
 */
export function equalizeForeground(img: ArrayLike<number>, out = new Float32Array(img.length)): Float32Array {
  const idx: number[] = [];
  for (let i = 0; i < img.length; i++) if (img[i] > 0) idx.push(i);
  idx.sort((a, b) => img[a] - img[b]);
  const vals = idx.map((i) => img[i]); // read before writing: `out` may be `img`
  const n = idx.length;
  for (let i = 0; i < img.length; i++) if (!(img[i] > 0)) out[i] = 0;
  for (let r = 0; r < n; ) {
    let e = r + 1;
    while (e < n && vals[e] === vals[r]) e++;
    const v = (255 * ((r + e - 1) / 2 + 1)) / n; // ties share their mean rank
    for (let t = r; t < e; t++) out[idx[t]] = v;
    r = e;
  }
  return out;
}
