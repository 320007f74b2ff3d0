/**
 * What turns 28 x 28 garments (light on black, 0..255) into index vectors: the raw-pixel and
 * Sobel-edge baselines, or a trained autoencoder's embedding.
 */
import type { SearchAutoencoder } from './autoencoder.js';
import { PIXELS, pixelFeatures, sobelFeatures } from './features.js';

export type FeatureKind = 'pixels' | 'sobel' | 'autoencoder';
export const FEATURE_KINDS: readonly FeatureKind[] = ['pixels', 'sobel', 'autoencoder'];

export interface Embedder {
  readonly kind: FeatureKind;
  readonly dim: number;
  /** Rows [n, dim] for images [n, 784]. */
  embed(images: ArrayLike<number>, n: number): Float32Array;
}

export const pixelEmbedder: Embedder = { kind: 'pixels', dim: PIXELS, embed: pixelFeatures };
export const sobelEmbedder: Embedder = { kind: 'sobel', dim: PIXELS, embed: sobelFeatures };

export function autoencoderEmbedder(ae: SearchAutoencoder): Embedder {
  return { kind: 'autoencoder', dim: ae.dim, embed: (images, n) => ae.embed(images, n) };
}
