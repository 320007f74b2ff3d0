/**
 * Messages between the lab pages and lab.worker.ts (framed by worker-rpc.ts: `id`, `ok`, `error`).
 * Arrays travel as `{ shape, data }` with their buffers transferred.
 */
import type { WireArray } from '../worker-rpc.js';

export type { WireArray };

export type LabRequest =
  /** Decode the image at `url`; return it as `[3, H, W]` and its Sobel magnitude `[H, W]`. */
  | { op: 'edges'; url: string }
  /** Decode the image at `url`; return it and its per-channel correlation with `kernel`. */
  | { op: 'filter'; url: string; kernel: number[][] };

export interface LabResult {
  image: WireArray;
  result: WireArray;
  ms: number;
}
