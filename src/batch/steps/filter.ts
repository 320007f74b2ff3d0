/**
 * `filter`: a named kernel (`gaussian:2`, `sobel`, … — the `--kernel` specs of `convolab filter`)
 * correlated with every channel, `same` size, the image extended past its edge by `boundary`
 * (default `reflect`, scipy.ndimage's default); a gradient pair (sobel, scharr, prewitt) gives
 * √(gx² + gy²). The result is mapped back to 0..255 as `convolab filter` does (`clip`, `abs` then
 * clip, `normalize`: finite min..max of the whole image → 0..255, or `offset`: + OFFSET then clip)
 * and written as an 8-bit PNG unless a later step says otherwise.
 */
import { correlate } from '../../conv/convolve.js';
import { astype, type NDArray } from '../../core/ndarray.js';
import { gradientMagnitude } from '../../filters/helpers.js';
import { type ParsedKernel, parseKernelSpec } from '../../filters/registry.js';
import { type Boundary, parseBoundary } from '../../ref/convBoundary.js';
import { join, number, oneOf, recipeError, string, wrap } from '../schema.js';
import type { Item, Step } from '../step.js';

export type FilterOutput = 'clip' | 'abs' | 'normalize' | 'offset';

export interface FilterOptions {
  spec: string;
  kernel: ParsedKernel;
  boundary: Boundary;
  cval: number;
  output: FilterOutput;
  /** Added before clipping when `output` is `offset`. */
  offset: number;
}

export const filter: Step<FilterOptions> = {
  name: 'filter',
  summary: 'correlate each channel with a named kernel (same size), then clip | abs | normalize to 0..255',
  options: {
    kernel: 'kernel spec, e.g. "gaussian:2", "box:5", "sobel", "log:2" (required)',
    boundary: 'constant | reflect (default) | mirror | nearest | wrap (or reflect101, replicate)',
    cval: 'value outside the image for boundary "constant" (default 0)',
    output: '"clip" (default), "abs" (absolute value, then clip), "normalize" (min..max → 0..255) or "offset"',
    offset: 'for output "offset": added before clipping (default 128, shows a signed response as gray ± v)',
  },
  parse(o, path) {
    if (o.kernel === undefined) throw recipeError(join(path, 'kernel'), 'missing; expected a kernel spec such as "gaussian:2"');
    const kernelPath = join(path, 'kernel');
    const spec = string(o.kernel, kernelPath);
    if (o.offset !== undefined && o.output !== 'offset') throw recipeError(join(path, 'offset'), 'applies only with "output": "offset"');
    return {
      spec,
      kernel: wrap(kernelPath, () => parseKernelSpec(spec, kernelPath)),
      boundary: o.boundary === undefined ? 'reflect' : wrap(join(path, 'boundary'), () => parseBoundary(o.boundary)),
      cval: o.cval === undefined ? 0 : number(o.cval, join(path, 'cval')),
      output: o.output === undefined ? 'clip' : oneOf(o.output, join(path, 'output'), ['clip', 'abs', 'normalize', 'offset'] as const),
      offset: o.offset === undefined ? 128 : number(o.offset, join(path, 'offset')),
    };
  },
  outputFormat: () => 'png',
  apply(item: Item, o): Item {
    const opts = { mode: 'same', boundary: o.boundary, cval: o.cval } as const;
    const [kx, ky] = o.kernel.kernels;
    const gx = correlate(item.image, kx, opts) as NDArray<'float64'>; // [C, H, W]
    const response = ky === undefined ? gx : gradientMagnitude(gx, correlate(item.image, ky, opts) as NDArray<'float64'>);
    return { ...item, image: toByteRange(response, o.output, o.offset), format: 'png', bitDepth: 8 };
  },
};

/**
 * A response mapped to 0..255 as float32, the policy of `convolab filter` (src/cli/output8bit.ts,
 * which browser-safe code cannot import): NaN → 0; under `normalize` the range is that of the
 * finite values and ±Inf become 255 / 0.
 */
export function toByteRange(a: NDArray, output: FilterOutput, offset = 128): NDArray<'float32'> {
  const out = astype(a, 'float32');
  const d = out.data;
  if (output === 'normalize') {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < d.length; i++) {
      if (!Number.isFinite(d[i])) continue;
      if (d[i] < lo) lo = d[i];
      if (d[i] > hi) hi = d[i];
    }
    const scale = hi > lo && Number.isFinite(hi - lo) ? 255 / (hi - lo) : 0;
    for (let i = 0; i < d.length; i++) {
      const v = d[i];
      d[i] = Number.isNaN(v) ? 0 : v === Number.POSITIVE_INFINITY ? 255 : v === Number.NEGATIVE_INFINITY ? 0 : (v - lo) * scale;
    }
    return out;
  }
  const shift = output === 'offset' ? offset : 0;
  for (let i = 0; i < d.length; i++) {
    const v = (output === 'abs' ? Math.abs(d[i]) : d[i]) + shift;
    d[i] = Number.isNaN(v) ? 0 : Math.min(255, Math.max(0, v));
  }
  return out;
}
