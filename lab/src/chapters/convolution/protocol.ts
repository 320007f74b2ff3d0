/**
 * Messages between the convolution chapter and its module worker (worker.ts). Framed by worker-rpc.ts; arrays travel as
 * `{ shape, data }` with their buffers transferred. The worker keeps decoded images by key.
 */
import type { Boundary, ConvMode } from '../../../../src/ref/convBoundary.js';
import type { WireArray } from '../../worker-rpc.js';
import type { Kernel } from './sliding.js';

export type { WireArray };

/** An image by URL, its longer side scaled to `size` px (0 = as decoded). */
export interface ImageRef {
  url: string;
  size: number;
}

export type Job =
  /** Decode (and cache) the image; returns it as `image` [3, H, W] when `send`. */
  | { op: 'load'; send: boolean }
  /** correlate(image[channel], kernel, { mode, boundary, cval }): the feature map `result` [H', W'] and its [min, max] as `range`. */
  | { op: 'filter'; channel: number; kernel: Kernel; mode: ConvMode; boundary: Boundary; cval: number }
  /** Sobel on the luma: `gray`, `gx`, `gy`, `magnitude`, each [H, W]. */
  | { op: 'sobel' }
  /** A size × size patch [3, size, size] of stride × stride box averages, top-left at (y, x). */
  | { op: 'patch'; y: number; x: number; size: number; stride: number };

export type Request = { image: ImageRef } & Job;

export interface Result {
  arrays: Record<string, WireArray>;
  ms: number;
  method?: string;
  range?: [number, number];
}
