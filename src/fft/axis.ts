/**
 * Apply a 1-D line transform along one axis of a C-contiguous array. Lines are gathered into
 * contiguous float64 buffers (several neighbouring columns at once when the axis is not the
 * last, so each cache line read serves a block of lines), cropped or zero-padded to the
 * transform length, transformed, and scattered into the output.
 */
import { sizeOf } from '../core/shape.js';
import { giveScratch, takeScratch } from './scratch.js';

export type Storage = Float32Array | Float64Array;

export interface LineOp {
  /** Scalars per element read (1 real, 2 complex) and written. */
  inLanes: 1 | 2;
  outLanes: 1 | 2;
  /** Line length handed to `run`, in elements (the input is cropped / zero-padded to it). */
  n: number;
  /** Output length along the axis, in elements. */
  outLen: number;
  /** line: n·inLanes scalars → out: outLen·outLanes scalars. */
  run(line: Float64Array, out: Float64Array): void;
}

const BLOCK = 16;

/** Returns the output data (allocated with `alloc`) for `shape` with shape[axis] replaced by op.outLen. */
export function alongAxis<T extends Storage>(
  src: Storage,
  shape: readonly number[],
  axis: number,
  op: LineOp,
  alloc: (size: number) => T,
): T {
  const srcLen = shape[axis];
  const outer = sizeOf(shape.slice(0, axis));
  const inner = sizeOf(shape.slice(axis + 1));
  const { inLanes, outLanes, n, outLen } = op;
  const out = alloc(outer * outLen * inner * outLanes);
  const take = Math.min(srcLen, n);
  const block = inner === 1 ? 1 : Math.min(BLOCK, inner);
  const lineIn = n * inLanes;
  const lineOut = outLen * outLanes;
  const bufIn = takeScratch(block * lineIn);
  const bufOut = takeScratch(block * lineOut);
  const one = block === 1;
  const inView = one ? bufIn : bufIn.subarray(0, lineIn);
  for (let o = 0; o < outer; o++) {
    const srcBase = o * srcLen * inner;
    const dstBase = o * outLen * inner;
    for (let c = 0; c < inner; c += block) {
      const nb = Math.min(block, inner - c);
      // gather nb lines: bufIn[b·lineIn + t·inLanes + l] = src[(srcBase + t·inner + c + b)·inLanes + l]
      if (take < n) bufIn.fill(0); // the zero padding (gathering rewrites the rest)
      for (let t = 0; t < take; t++) {
        const s = (srcBase + t * inner + c) * inLanes;
        if (inLanes === 2) {
          for (let b = 0; b < nb; b++) {
            const d = b * lineIn + 2 * t;
            bufIn[d] = src[s + 2 * b];
            bufIn[d + 1] = src[s + 2 * b + 1];
          }
        } else {
          for (let b = 0; b < nb; b++) bufIn[b * lineIn + t] = src[s + b];
        }
      }
      for (let b = 0; b < nb; b++) {
        if (one) op.run(inView, bufOut);
        else op.run(bufIn.subarray(b * lineIn, (b + 1) * lineIn), bufOut.subarray(b * lineOut, (b + 1) * lineOut));
      }
      for (let t = 0; t < outLen; t++) {
        const d = (dstBase + t * inner + c) * outLanes;
        if (outLanes === 2) {
          for (let b = 0; b < nb; b++) {
            const s = b * lineOut + 2 * t;
            out[d + 2 * b] = bufOut[s];
            out[d + 2 * b + 1] = bufOut[s + 1];
          }
        } else {
          for (let b = 0; b < nb; b++) out[d + b] = bufOut[b * lineOut + t];
        }
      }
    }
  }
  giveScratch(bufIn);
  giveScratch(bufOut);
  return out;
}
