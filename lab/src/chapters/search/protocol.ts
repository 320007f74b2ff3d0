/** Requests to the search chapter's worker and its replies (one protocol, lab/src/worker-rpc.ts). */
import type { FeatureKind } from '../../../../src/search/index.js';

export type Query = { kind: 'test'; index: number } | { kind: 'photo'; width: number; height: number; rgba: Uint8ClampedArray };

export type SearchRequest =
  | { op: 'init' }
  | { op: 'train'; epochs: number }
  | { op: 'search'; feature: FeatureKind; query: Query }
  | { op: 'map'; feature: FeatureKind };

export interface StepImage {
  name: string;
  width: number;
  height: number;
  data: Float32Array;
}

export type SearchReply =
  | { op: 'init'; images: Uint8Array; labels: Uint8Array; classes: string[]; trainCount: number; ms: number }
  | { op: 'train'; losses: number[]; seconds: number[]; dim: number }
  | {
      op: 'search';
      /** The query as the index sees it: 28 x 28, 0..255. */
      query: Float32Array;
      steps: StepImage[];
      /** [28 * 28] in 0..1 when the autoencoder is trained (its grey channel). */
      reconstruction: Float32Array | null;
      indices: Int32Array;
      scores: Float32Array;
      /** The matches' images [k, 784] and labels. */
      images: Uint8Array;
      labels: Uint8Array;
      ms: number;
    }
  | { op: 'map'; points: Float32Array; labels: Uint8Array; ms: number };
