/**
 * Cross-correlation as search: template matching in images (OpenCV's six scores, optional
 * mask), peak picking with non-maximum suppression, and snippet search in long 1-D signals.
 */
export { type Correlator, DirectCorrelator, type Source, sourceOf, type Term } from './correlate.js';
export { type Box, drawBoxes, mapToGray } from './draw.js';
export { chooseEngine } from './engine.js';
export { FftCorrelator } from './fftCorrelator.js';
export { FLAT_TOL, type MatchOptions, matchTemplate } from './matchTemplate.js';
export { checkMethod, lowerIsBetter, MATCH_ENGINES, MATCH_METHODS, type MatchEngine, type MatchMethod } from './methods.js';
export { matchTemplateAsync, type ParallelMatchOptions } from './parallel.js';
export { findPeaks, type Peak, type PeakOptions, parabola } from './peaks.js';
export { matchTemplateRef } from './reference.js';
export { clearBuffers } from './scratch.js';
export { findSnippet, type Signal, type SnippetMatch, type SnippetOptions, SnippetSearch } from './snippet.js';
export { WindowEnergy } from './windowStats.js';
