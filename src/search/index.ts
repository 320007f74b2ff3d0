/**
 * The fashion search engine: garments found by shape, not colour. Query preprocessing for real
 * photos, features (raw pixels, Sobel edges, a convolutional autoencoder's embedding), an exact
 * kNN index (wasm SIMD, worker pool) with its file format, and the retrieval evaluation.
 */
export { AE_INPUTS, type AeFile, type AeInput, type AeTrainOptions, type AutoencoderOptions, SearchAutoencoder } from './autoencoder.js';
export { type DotsOptions, dots, dotsRef } from './dots.js';
export { autoencoderEmbedder, type Embedder, FEATURE_KINDS, type FeatureKind, pixelEmbedder, sobelEmbedder } from './embedder.js';
export {
  type EvaluateOptions,
  evaluateRetrieval,
  type RetrievalMetrics,
  type RetrievalReport,
  topOverlap,
} from './evaluate.js';
export { normalizeContrast, PIXELS, pixelFeatures, SIDE, sobelFeatures, sobelMagnitude } from './features.js';
export { decodeIndexFile, encodeIndexFile, type IndexFile, type IndexHeader } from './index-file.js';
export { ExactIndex, type GalleryData, METRICS, type Metric, makeGallery, type SearchResult, type VectorIndex } from './knn.js';
export { type GrayImage, grayOf, type Preprocessed, type PreprocessOptions, preprocessQuery, resizeArea } from './preprocess.js';
export { averagePrecision, RankScratch, rankDescending, topK } from './rank.js';
export { type Recolour, randomRecolour, recolour, recolourPairs } from './recolor.js';
