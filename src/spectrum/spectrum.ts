/**
 * spectrum(image): the centred log-magnitude log1p|F| and phase of an image's 2-D DFT, as
 * arrays and as displayable images. The zero frequency sits at (⌊H/2⌋, ⌊W/2⌋), as fftshift puts it.
 */

import { ArgumentError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { planeFft } from './freq.js';
import { type ChannelChoice, type Plane, planeArray, selectPlane, toDisplay } from './image.js';
import { applyHann, type WindowName } from './window.js';

export interface SpectrumOptions extends ChannelChoice {
  /** 'hann' (default) tapers the edges first so they do not streak the spectrum; 'none' is the plain DFT. */
  window?: WindowName;
}

export interface Spectrum {
  /** log1p |F|, centred, `[H, W]`; float32 for a float32 image, else float64. */
  magnitude: NDArray<'float32' | 'float64'>;
  /** arg F in radians (−π, π], centred, `[H, W]`; float32 for a float32 image, else float64. */
  phase: NDArray<'float32' | 'float64'>;
  /** The magnitude scaled min..max → 0..255, `[1, H, W]` float32. */
  magnitudeImage: NDArray<'float32'>;
  /** The phase scaled −π..π → 0..255, `[1, H, W]` float32. */
  phaseImage: NDArray<'float32'>;
}

export function checkWindow(window: unknown): WindowName {
  if (window === undefined) return 'hann';
  if (window === 'hann' || window === 'none') return window;
  throw new ArgumentError(`window: expected "hann" or "none", got ${JSON.stringify(window)}`, 'window');
}

/** The centred (fftshift-ed) log-magnitude and phase of one channel or the luminance. */
export function spectrum(image: NDArray, opts: SpectrumOptions = {}): Spectrum {
  const window = checkWindow(opts.window);
  let plane = selectPlane(image, opts);
  if (window === 'hann') plane = applyHann(plane);
  const { height: H, width: W } = plane;
  const F = planeFft(plane); // [H, W] complex128, numpy layout
  const mag: Plane = { data: new Float64Array(H * W), height: H, width: W };
  const phase: Plane = { data: new Float64Array(H * W), height: H, width: W };
  const hy = H >> 1;
  const hx = W >> 1;
  for (let y = 0; y < H; y++) {
    const ys = (y + hy) % H;
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const j = ys * W + ((x + hx) % W);
      const re = F[2 * i];
      const im = F[2 * i + 1];
      mag.data[j] = Math.log1p(Math.hypot(re, im));
      phase.data[j] = Math.atan2(im, re);
    }
  }
  const keep = (p: Plane) => (image.dtype === 'float32' ? new NDArray('float32', [H, W], Float32Array.from(p.data)) : planeArray(p));
  return {
    magnitude: keep(mag),
    phase: keep(phase),
    magnitudeImage: toDisplay(mag),
    phaseImage: toDisplay(phase, -Math.PI, Math.PI),
  };
}
