/**
 * Messages between the chapter page and its training worker. The page also shares a small
 * Int32Array (SharedArrayBuffer) with the worker, read between batches while training runs —
 * training keeps the worker's thread busy, so a posted message would wait until it stops.
 */
import type { Filters, Inspection, LayerOutput } from './compute.js';

/** Slots of the shared control array. */
export const CONTROL = {
  /** 1 = stop training after the current batch. */
  pause: 0,
  /** Index of the test garment to inspect. */
  garment: 1,
  /** Learning rate × 1e6. */
  lr: 2,
  length: 3,
} as const;

export type ToWorker =
  | { type: 'init'; control: Int32Array; seed: number }
  /** Train until `epochs` epochs are done; threads > 1 splits each batch across a pool of nested workers. */
  | { type: 'train'; epochs: number; batchSize: number; threads: number }
  | { type: 'reset'; seed: number }
  | { type: 'inspect' }
  | { type: 'load'; json: string; weights: Uint8Array; names: { json: string; weights: string } }
  | { type: 'save' };

export interface Snapshot {
  filters: Filters | undefined;
  inspection: Inspection;
  /** The garment through the hand-made Sobel x / y kernels ([2, 28, 28]), for comparison. */
  handmade: LayerOutput;
  garment: number;
}

export interface ModelInfo {
  /** 'lab' (the chapter's network) or the uploaded model.json's name. */
  source: string;
  summary: string;
  params: number;
}

export type FromWorker =
  | {
      type: 'ready';
      /** The test split (uint8 [count, 28, 28]) for the garment picker. */
      images: Uint8Array;
      labels: Uint8Array;
      classes: string[];
      trainCount: number;
    }
  | {
      type: 'batch';
      step: number;
      /** Position in epochs (epoch + fraction of its batches done). */
      x: number;
      /** Mean loss and accuracy of this batch. */
      loss: number;
      accuracy: number;
      imagesPerSecond: number;
    }
  | { type: 'epoch'; epoch: number; loss: number; accuracy: number; testLoss: number; testAccuracy: number; seconds: number }
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'stopped'; reason: 'paused' | 'done' | 'diverged'; epoch: number; message?: string }
  /** A new model (at start, after reset or load), with its test metrics before training. */
  | { type: 'model'; model: ModelInfo; snapshot: Snapshot; testLoss: number; testAccuracy: number }
  | { type: 'saved'; json: string; weights: Uint8Array }
  | { type: 'error'; message: string };
