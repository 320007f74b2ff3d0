/**
 * The convolution chapter's module worker: decodes images (cached by URL and size) and runs the
 * library's `correlate` (src/conv) and Sobel kernels (src/filters) off the main thread, timing
 * each run. See protocol.ts for the messages.
 */
import { chooseMethod, correlate } from '../../../../src/conv/index.js';
import { fromArray, NDArray, zeros } from '../../../../src/core/ndarray.js';
import { gradientMagnitude, sobelX, sobelY } from '../../../../src/filters/index.js';
import { serveWorker, transfer } from '../../worker-rpc.js';
import { decodePlanar, memo } from '../../workers/decode.js';
import type { ImageRef, Request, Result, WireArray } from './protocol.js';

const cache = new Map<string, Promise<NDArray<'float32'>>>();

/** `ref.url` decoded to planar [3, H, W] float32 on 0..255, the longer side scaled to ref.size when given; cached. */
const image = (ref: ImageRef): Promise<NDArray<'float32'>> => memo(cache, `${ref.url}@${ref.size}`, () => decodePlanar(ref.url, ref.size));

const wire = (a: NDArray): WireArray => ({ shape: [...a.shape], data: a.data as Float32Array });

/** BT.601 luma [H, W] of [3, H, W]. */
function luma(x: NDArray<'float32'>): NDArray<'float32'> {
  const [, h, w] = x.shape;
  const n = h * w;
  const out = zeros([h, w], 'float32');
  for (let i = 0; i < n; i++) out.data[i] = 0.299 * x.data[i] + 0.587 * x.data[n + i] + 0.114 * x.data[2 * n + i];
  return out;
}

function patch(x: NDArray<'float32'>, y0: number, x0: number, size: number, stride: number): NDArray<'float32'> {
  const [c, h, w] = x.shape;
  const out = zeros([c, size, size], 'float32'); // [3, size, size]
  for (let ch = 0; ch < c; ch++) {
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        let s = 0;
        for (let a = 0; a < stride; a++) {
          for (let b = 0; b < stride; b++) {
            const yy = Math.min(h - 1, Math.max(0, y0 + i * stride + a));
            const xx = Math.min(w - 1, Math.max(0, x0 + j * stride + b));
            s += x.data[ch * h * w + yy * w + xx];
          }
        }
        out.data[ch * size * size + i * size + j] = Math.round(s / (stride * stride));
      }
    }
  }
  return out;
}

async function handle(req: Request): Promise<Result> {
  const x = await image(req.image);
  const t0 = performance.now();
  if (req.op === 'load') return { arrays: req.send ? { image: wire(x.copy()) } : {}, ms: 0 };
  if (req.op === 'patch') return { arrays: { patch: wire(patch(x, req.y, req.x, req.size, req.stride)) }, ms: 0 };
  if (req.op === 'sobel') {
    const gray = luma(x);
    const opts = { mode: 'same', boundary: 'reflect' } as const;
    const gx = correlate(gray, fromArray(sobelX().data, 'float32', [3, 3]), opts) as NDArray<'float32'>;
    const gy = correlate(gray, fromArray(sobelY().data, 'float32', [3, 3]), opts) as NDArray<'float32'>;
    const magnitude = gradientMagnitude(gx, gy);
    const ms = performance.now() - t0;
    return { arrays: { gray: wire(gray), gx: wire(gx), gy: wire(gy), magnitude: wire(magnitude) }, ms };
  }
  const [, H, W] = x.shape;
  const plane = new NDArray('float32', [H, W], x.data.subarray(req.channel * H * W, (req.channel + 1) * H * W)); // [H, W]
  const k = fromArray(req.kernel.data, 'float32', [req.kernel.rows, req.kernel.cols]); // [kh, kw]
  const result = correlate(plane, k, { mode: req.mode, boundary: req.boundary, cval: req.cval }) as NDArray<'float32'>; // [H', W']
  const ms = performance.now() - t0;
  let method = 'auto';
  try {
    method = chooseMethod(plane, k, { mode: req.mode }).method; // what auto picked
  } catch {}
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of result.data) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { arrays: { result: wire(result) }, ms, method, range: [lo, hi] };
}

serveWorker<Request, Result>(async (req) => {
  const reply = await handle(req);
  return transfer(
    reply,
    Object.values(reply.arrays).map((a) => a.data.buffer),
  );
});
