/**
 * Image plumbing shared by the frequency-domain tools: the input check, one channel (or the
 * luminance) as a float64 plane, and planes back to displayable `[1, H, W]` float32 images.
 */
import { ArgumentError, DTypeError, ShapeError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';

/** One channel: `data` is `[H, W]` row-major float64. */
export interface Plane {
  data: Float64Array;
  height: number;
  width: number;
}

const REAL = ['float32', 'float64', 'uint8', 'int32'];

/** `[C, H, W]` of an image given as `[H, W]` or `[C, H, W]` with a real dtype; throws naming `arg`. */
export function imageShape(image: unknown, arg = 'image'): [number, number, number] {
  if (!(image instanceof NDArray)) throw new ArgumentError(`${arg}: expected an NDArray image, got ${typeof image}`, arg);
  if (!REAL.includes(image.dtype))
    throw new DTypeError(`${arg}: expected a real image (float32, float64, uint8, int32), got ${image.dtype}`, arg);
  const s = image.shape;
  if (s.length === 2) return [1, s[0], s[1]];
  if (s.length === 3) return [s[0], s[1], s[2]];
  throw new ShapeError(`${arg}: expected an image of shape [H, W] or [C, H, W], got [${s.join(', ')}]`, arg);
}

/** Every channel as a plane (float64 copies). */
export function planesOf(image: NDArray, arg = 'image'): Plane[] {
  const [C, H, W] = imageShape(image, arg);
  const n = H * W;
  const planes: Plane[] = [];
  for (let c = 0; c < C; c++) {
    const data = new Float64Array(n);
    for (let i = 0; i < n; i++) data[i] = image.data[c * n + i];
    planes.push({ data, height: H, width: W });
  }
  return planes;
}

export interface ChannelChoice {
  /** Analyse this channel (0-based). */
  channel?: number;
  /** Analyse the luminance 0.299 R + 0.587 G + 0.114 B (default for 3- and 4-channel images). */
  luminance?: boolean;
}

/** The plane to analyse: `channel`, or the luminance (default for RGB / RGBA), or channel 0. */
export function selectPlane(image: NDArray, choice: ChannelChoice = {}, arg = 'image'): Plane {
  const [C, H, W] = imageShape(image, arg);
  const n = H * W;
  const src = image.data;
  if (choice.channel !== undefined) {
    if (choice.luminance) throw new ArgumentError('channel: give either channel or luminance, not both', 'channel');
    if (!Number.isInteger(choice.channel) || choice.channel < 0 || choice.channel >= C) {
      throw new ArgumentError(`channel: expected an integer 0..${C - 1}, got ${choice.channel}`, 'channel');
    }
    const data = new Float64Array(n);
    for (let i = 0; i < n; i++) data[i] = src[choice.channel * n + i];
    return { data, height: H, width: W };
  }
  const data = new Float64Array(n);
  if (C >= 3 && choice.luminance !== false) {
    for (let i = 0; i < n; i++) data[i] = 0.299 * src[i] + 0.587 * src[n + i] + 0.114 * src[2 * n + i];
  } else {
    for (let i = 0; i < n; i++) data[i] = src[i];
  }
  return { data, height: H, width: W };
}

/** A plane as an `[H, W]` float64 NDArray (shares the data). */
export function planeArray(p: Plane): NDArray<'float64'> {
  return new NDArray('float64', [p.height, p.width], p.data);
}

/** Linearly map `[lo, hi]` (default: the plane's min..max) onto 0..255 as a `[1, H, W]` float32 image. */
export function toDisplay(p: Plane, lo?: number, hi?: number): NDArray<'float32'> {
  let a = lo ?? Number.POSITIVE_INFINITY;
  let b = hi ?? Number.NEGATIVE_INFINITY;
  if (lo === undefined || hi === undefined) {
    for (const v of p.data) {
      if (lo === undefined && v < a) a = v;
      if (hi === undefined && v > b) b = v;
    }
  }
  const out = new NDArray('float32', [1, p.height, p.width]);
  const scale = b > a ? 255 / (b - a) : 0;
  for (let i = 0; i < p.data.length; i++) {
    const v = (p.data[i] - a) * scale;
    out.data[i] = v < 0 ? 0 : Math.min(v, 255);
  }
  return out;
}

/** Stack planes into `[C, H, W]` with the dtype of the input image (float64 unless float32 came in). */
export function stackPlanes(planes: readonly Plane[], like: NDArray, squeeze2d: boolean): NDArray {
  const { height: H, width: W } = planes[0];
  const dtype = like.dtype === 'float32' ? 'float32' : 'float64';
  const shape = squeeze2d && planes.length === 1 ? [H, W] : [planes.length, H, W];
  const out = new NDArray(dtype, shape);
  for (const [c, p] of planes.entries()) out.data.set(p.data, c * H * W);
  return out;
}
