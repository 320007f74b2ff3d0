/**
 * Messages between the frequency-domain chapters (frequency, filtering, compression) and their
 * module worker (worker.ts), framed by worker-rpc.ts. Arrays travel as `{ shape, data }` with their buffers transferred.
 */
import type { WireArray } from '../../worker-rpc.js';

export type { WireArray };

/** Where the image comes from: a URL (a sample), the striped-paper generator, or pixels sent once under a key. */
export type Source =
  | { kind: 'url'; url: string }
  | { kind: 'stripes'; angle: number; period: number }
  | { kind: 'pixels'; key: string; image?: WireArray };

export type Job =
  /** Rotate the source by `rotate` degrees; its spectrum, orientation and the rotation read back from the spectra. */
  | { op: 'orient'; rotate: number }
  /** Filter by a radial mask; the result, the centred mask and the equivalent spatial kernel (cropped). */
  | { op: 'filter'; kind: 'lowpass' | 'highpass'; shape: 'ideal' | 'gaussian' | 'butterworth'; cutoff: number; kernelSize: number }
  /** Compress by keeping a fraction of the spectrum, or JPEG-style at a quality. */
  | { op: 'compress'; mode: 'keep' | 'jpeg'; value: number }
  /** PSNR against the ratio kept for a range of settings. */
  | { op: 'curve'; mode: 'keep' | 'jpeg' };

export type Request = { source: Source } & Job;

export interface Result {
  arrays: Record<string, WireArray>;
  numbers: Record<string, number | number[]>;
  ms: number;
}

/** Longest side the worker works at (larger images are box-downsampled), to keep sliders live. */
export const WORK_SIZE = 256;
