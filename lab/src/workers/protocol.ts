/**
 * Messages between the lab pages and lab.worker.ts. Arrays travel as `{ shape, data }` with
 * their buffers transferred.
 */
export interface WireArray {
  shape: number[];
  data: Float32Array;
}

export type LabRequest =
  /** Decode the image at `url`; return it as `[3, H, W]` and its Sobel magnitude `[H, W]`. */
  | { id: number; op: 'edges'; url: string }
  /** Decode the image at `url`; return it and its per-channel correlation with `kernel`. */
  | { id: number; op: 'filter'; url: string; kernel: number[][] };

export type LabResponse =
  | { id: number; ok: true; image: WireArray; result: WireArray; ms: number }
  | { id: number; ok: false; error: string };
