import { describe, expect, it } from 'vitest';
import { SearchAutoencoder } from '../../src/search/autoencoder.js';
import { autoencoderEmbedder, pixelEmbedder, sobelEmbedder } from '../../src/search/embedder.js';
import { pixelFeatures, sobelFeatures } from '../../src/search/features.js';

describe('embedder', () => {
  const imgs = Uint8Array.from({ length: 2 * 784 }, (_, i) => (i * 13) % 256);

  it('pixelEmbedder.embed / sobelEmbedder.embed are the 784-d feature rows', () => {
    expect(pixelEmbedder.dim).toBe(784);
    expect(pixelEmbedder.embed(imgs, 2)).toEqual(pixelFeatures(imgs, 2));
    expect(sobelEmbedder.embed(imgs, 2)).toEqual(sobelFeatures(imgs, 2));
  });

  it('autoencoderEmbedder(ae).embed(images, n) is ae.embed with dim = ae.dim', () => {
    const ae = SearchAutoencoder.create({ dim: 12 });
    const e = autoencoderEmbedder(ae);
    expect(e.kind).toBe('autoencoder');
    expect(e.dim).toBe(12);
    expect(e.embed(imgs, 2)).toEqual(ae.embed(imgs, 2));
  });
});
