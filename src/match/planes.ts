/**
 * Checking matchTemplate's inputs and seeing them as channel planes: an image [H, W] or
 * [C, H, W], a template [h, w] or [C, h, w], a mask [h, w] (shared by every channel) or
 * [C, h, w]. Planes are views into the caller's storage, never copies.
 */
import { DTypeError, ShapeError } from '../core/errors.js';
import type { NDArray } from '../core/ndarray.js';
import { formatShape } from '../core/shape.js';

/** A real plane's storage (float32 / float64 / uint8 / int32). */
export type PlaneData = Float32Array | Float64Array | Uint8Array | Int32Array;

/** One channel: `data[offset + r·width + c]` for r < height, c < width. */
export interface Plane {
  readonly data: PlaneData;
  readonly offset: number;
  readonly height: number;
  readonly width: number;
}

/** An array seen as C planes [C][H, W]. */
export interface Planes {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly planes: readonly Plane[];
}

export function asPlanes(a: NDArray, arg: string): Planes {
  if (a.dtype === 'complex64' || a.dtype === 'complex128') {
    throw new DTypeError(`${arg}: expected a real array (float32, float64, uint8 or int32), got ${a.dtype}`, arg);
  }
  if (a.ndim !== 2 && a.ndim !== 3) {
    throw new ShapeError(`${arg}: expected shape [H, W] or [C, H, W], got ${formatShape(a.shape)}`, arg);
  }
  const [channels, height, width] = a.ndim === 2 ? [1, a.shape[0], a.shape[1]] : (a.shape as [number, number, number]);
  if (channels === 0 || height === 0 || width === 0) {
    throw new ShapeError(`${arg}: expected a non-empty array, got shape ${formatShape(a.shape)}`, arg);
  }
  const data = a.data as PlaneData;
  const planes = Array.from({ length: channels }, (_, c) => ({ data, offset: c * height * width, height, width }));
  return { channels, height, width, planes };
}

/** Image, template and mask checked against each other (throws ShapeError naming the culprit). */
export function checkMatchInputs(image: NDArray, template: NDArray, mask?: NDArray): { img: Planes; tpl: Planes; msk?: Planes } {
  const img = asPlanes(image, 'image');
  const tpl = asPlanes(template, 'template');
  if (tpl.channels !== img.channels) {
    throw new ShapeError(
      `template: has ${tpl.channels} channel(s) (shape ${formatShape(template.shape)}) but image has ${img.channels} (shape ${formatShape(image.shape)})`,
      'template',
    );
  }
  if (tpl.height > img.height || tpl.width > img.width) {
    throw new ShapeError(
      `template: ${tpl.height}x${tpl.width} (h x w) is larger than the image ${img.height}x${img.width} on some axis`,
      'template',
    );
  }
  if (mask === undefined) return { img, tpl };
  const msk = asPlanes(mask, 'mask');
  const channelsOk = msk.channels === 1 || msk.channels === tpl.channels;
  if (!channelsOk || msk.height !== tpl.height || msk.width !== tpl.width) {
    throw new ShapeError(
      `mask: expected shape [${tpl.height}, ${tpl.width}] or [${tpl.channels}, ${tpl.height}, ${tpl.width}] (the template's), got ${formatShape(mask.shape)}`,
      'mask',
    );
  }
  // one plane per template channel (a single-channel mask is shared)
  const planes = Array.from({ length: tpl.channels }, (_, c) => msk.planes[msk.channels === 1 ? 0 : c]);
  return { img, tpl, msk: { ...msk, channels: tpl.channels, planes } };
}

/** A plane copied out as float64 [height, width], each value mapped by `f`. */
export function planeToFloat64(p: Plane, f: (v: number) => number = (v) => v): Float64Array {
  const n = p.height * p.width;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(p.data[p.offset + i]);
  return out;
}
