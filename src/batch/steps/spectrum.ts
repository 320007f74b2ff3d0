/**
 * `spectrum`: the centred log-magnitude log1p|F| (or the phase) of the image's 2-D DFT scaled to
 * 0..255, one channel, as `convolab spectrum` writes its PNG (luminance of colour images unless
 * `channel`).
 */
import { spectrum as spectrumOf } from '../../spectrum/spectrum.js';
import { boolean, join, number, oneOf } from '../schema.js';
import type { Item, Step } from '../step.js';

export interface SpectrumStepOptions {
  phase: boolean;
  window: 'hann' | 'none';
  channel: number | undefined;
}

export const spectrum: Step<SpectrumStepOptions> = {
  name: 'spectrum',
  summary: 'centred log-magnitude (or phase) spectrum scaled to 0..255, one channel',
  options: {
    phase: 'true: the phase (−π..π) instead of the log-magnitude',
    window: '"hann" (default, tapers the edges first) or "none"',
    channel: 'analyse channel N (0-based) instead of the luminance',
  },
  parse(o, path) {
    return {
      phase: o.phase === undefined ? false : boolean(o.phase, join(path, 'phase')),
      window: o.window === undefined ? 'hann' : oneOf(o.window, join(path, 'window'), ['hann', 'none'] as const),
      channel: o.channel === undefined ? undefined : number(o.channel, join(path, 'channel'), { min: 0, max: 3, integer: true }),
    };
  },
  outputFormat: () => 'png',
  apply(item: Item, o): Item {
    const s = spectrumOf(item.image, { window: o.window, ...(o.channel !== undefined ? { channel: o.channel } : {}) });
    return { ...item, image: o.phase ? s.phaseImage : s.magnitudeImage, format: 'png', bitDepth: 8 }; // [1, H, W]
  },
};
