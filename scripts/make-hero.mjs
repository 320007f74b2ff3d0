// Make docs/hero.png for the README: the astronaut sample, its Sobel gradient magnitude, and the
// three RGB feature maps of the same kernel (one per colour channel, each tinted in its colour).
// Uses the built library (run `npm run build:ts` first):
//
//   node scripts/make-hero.mjs [OUT.png]        (default docs/hero.png)
//
// Every panel is computed at full resolution (512²) with correlate(..., { mode: 'same',
// boundary: 'reflect' }) and then shrunk 2× by a 2×2 mean; the edge panels are quantised to
// steps of 12 gray levels, so the PNG stays under ~300 KB.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lib = async (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
const { correlate } = await lib('conv/index.js');
const { sobelX, sobelY, gradientMagnitude } = await lib('filters/index.js');
const { readImageFile, writeFileAtomic } = await lib('io/node.js');
const { toGray } = await lib('io/image.js');
const { encodePng } = await lib('io/png.js');
const { astype, zeros } = await lib('core/ndarray.js');

const out = resolve(process.argv[2] ?? resolve(root, 'docs', 'hero.png'));
const photo = readImageFile(resolve(root, 'samples', 'astronaut.png')).image; // [3, 512, 512] float32
const [C, H, W] = photo.shape;
const opts = { mode: 'same', boundary: 'reflect' };
const sobel = (img) =>
  gradientMagnitude(correlate(img, astype(sobelX(), 'float32'), opts), correlate(img, astype(sobelY(), 'float32'), opts));

const magnitude = sobel(toGray(photo)); // [1, H, W]
const perChannel = sobel(photo); // [3, H, W]: one feature map per colour channel

/** Plane `c` of `a` shrunk 2×, scaled so `hi` maps to 255, to the power `gamma` (0.6 lifts faint edges), rounded to `quantum`. */
function panel(a, c, hi, gamma = 1, quantum = 1) {
  const h = H / 2;
  const w = W / 2;
  const p = new Float32Array(h * w);
  const src = a.data.subarray(c * H * W, (c + 1) * H * W);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = 2 * y * W + 2 * x;
      const mean = (src[i] + src[i + 1] + src[i + W] + src[i + W + 1]) / 4;
      const v = 255 * Math.min(1, Math.max(0, mean / hi)) ** gamma;
      p[y * w + x] = quantum > 1 ? Math.round(v / quantum) * quantum : v;
    }
  }
  return p;
}

/** The 99.5th percentile of a plane: a robust white point for edge maps. */
function whitePoint(a) {
  const v = Float32Array.from(a.data).sort();
  return v[Math.floor(v.length * 0.995)];
}

const gap = 8;
const tile = W / 2;
const panels = 5;
const width = panels * tile + (panels - 1) * gap;
const hero = zeros([3, tile, width], 'float32'); // [3, 256, 1312], white background
hero.data.fill(255);

/** Paste three planes (R, G, B) of one panel into column slot `slot`. */
function paste(slot, planes) {
  const x0 = slot * (tile + gap);
  for (let c = 0; c < 3; c++) {
    const src = planes[c];
    for (let y = 0; y < tile; y++) {
      for (let x = 0; x < tile; x++) hero.data[c * tile * width + y * width + x0 + x] = src[y * tile + x];
    }
  }
}

paste(
  0,
  [0, 1, 2].map((c) => panel(photo, c, 255)),
);
const m = panel(magnitude, 0, whitePoint(magnitude), 0.6, 12);
paste(1, [m, m, m]);
const black = new Float32Array(tile * tile);
for (let c = 0; c < C; c++) {
  const f = panel(perChannel, c, whitePoint(perChannel), 0.6, 12);
  paste(
    2 + c,
    [0, 1, 2].map((k) => (k === c ? f : black)),
  );
}

const png = encodePng(hero);
mkdirSync(dirname(out), { recursive: true });
writeFileAtomic(out, png);
console.log(`${out}: ${width}×${tile} PNG, ${png.length} bytes (photo | Sobel magnitude | R, G, B Sobel feature maps)`);
