/**
 * The kernel library by name, with one line each for `--help`, the lab and `convolab kernels`,
 * and the spec parser behind `--kernel SPEC` (`box:3`, `gaussian:2.5`, `sobel`, `log:2`,
 * `gabor:4,30,10`, …). Kernels are in correlation orientation (apply with `correlate`, as
 * cv2.filter2D does); for the symmetric ones convolve gives the same result.
 */
import { ArgumentError } from '../core/errors.js';
import type { NDArray } from '../core/ndarray.js';
import { box, emboss, identity, laplacian, prewittX, prewittY, scharrX, scharrY, sharpen, sobelX, sobelY } from './basic.js';
import { gabor } from './gabor.js';
import { dog, gaussian, log, unsharp } from './gaussian.js';
import { motionBlur } from './motion.js';

export interface KernelEntry {
  /** One line for help text. */
  description: string;
  /** Parameters after the colon, e.g. `SIGMA` or `SIGMA,THETA,LAMBDA[,GAMMA[,PSI]]`; '' for none. */
  params: string;
  /** Required and maximum number of numeric parameters. */
  arity: [number, number];
  /** The kernels; two for a gradient pair (combined as √(gx² + gy²)). */
  make(args: number[]): NDArray<'float64'>[];
}

const one = (k: NDArray<'float64'>) => [k];

export const KERNELS: Readonly<Record<string, KernelEntry>> = {
  identity: { description: 'the identity: output equals input', params: '[N]', arity: [0, 1], make: (a) => one(identity(a[0] ?? 3)) },
  box: {
    description: 'N×N mean, each weight 1/N² (brightness preserving)',
    params: '[N]',
    arity: [0, 1],
    make: (a) => one(box(a[0] ?? 3)),
  },
  gaussian: {
    description: 'Gaussian blur of standard deviation SIGMA pixels, cut at 4 sigma',
    params: 'SIGMA',
    arity: [1, 1],
    make: (a) => one(gaussian(a[0])),
  },
  sobel: { description: 'Sobel gradient magnitude √(gx² + gy²)', params: '', arity: [0, 0], make: () => [sobelX(), sobelY()] },
  'sobel-x': {
    description: 'Sobel derivative along x (positive where it brightens to the right)',
    params: '',
    arity: [0, 0],
    make: () => one(sobelX()),
  },
  'sobel-y': {
    description: 'Sobel derivative along y (positive where it brightens downward)',
    params: '',
    arity: [0, 0],
    make: () => one(sobelY()),
  },
  scharr: {
    description: 'Scharr gradient magnitude (more rotation-invariant than Sobel)',
    params: '',
    arity: [0, 0],
    make: () => [scharrX(), scharrY()],
  },
  'scharr-x': { description: 'Scharr derivative along x', params: '', arity: [0, 0], make: () => one(scharrX()) },
  'scharr-y': { description: 'Scharr derivative along y', params: '', arity: [0, 0], make: () => one(scharrY()) },
  prewitt: { description: 'Prewitt gradient magnitude', params: '', arity: [0, 0], make: () => [prewittX(), prewittY()] },
  'prewitt-x': { description: 'Prewitt derivative along x', params: '', arity: [0, 0], make: () => one(prewittX()) },
  'prewitt-y': { description: 'Prewitt derivative along y', params: '', arity: [0, 0], make: () => one(prewittY()) },
  laplacian: {
    description: 'discrete Laplacian, 4- or 8-neighbour (default 4): responds to edges in every direction',
    params: '[4|8]',
    arity: [0, 1],
    make: (a) => one(laplacian((a[0] ?? 4) as 4 | 8)),
  },
  log: {
    description: 'Laplacian of Gaussian at scale SIGMA: blob and edge detector',
    params: 'SIGMA',
    arity: [1, 1],
    make: (a) => one(log(a[0])),
  },
  dog: {
    description: 'difference of Gaussians G(SIGMA1) − G(SIGMA2): band-pass, approximates LoG',
    params: 'SIGMA1,SIGMA2',
    arity: [2, 2],
    make: (a) => one(dog(a[0], a[1])),
  },
  sharpen: { description: 'sharpen: centre 5, four neighbours −1', params: '', arity: [0, 0], make: () => one(sharpen()) },
  unsharp: {
    description: 'unsharp mask: (1 + AMOUNT)·identity − AMOUNT·Gaussian(SIGMA)',
    params: 'AMOUNT,SIGMA',
    arity: [2, 2],
    make: (a) => one(unsharp(a[0], a[1])),
  },
  emboss: { description: 'emboss: relief lit from the top-left', params: '', arity: [0, 0], make: () => one(emboss()) },
  motion: {
    description: 'motion blur: a LENGTH-pixel line at ANGLE degrees counter-clockwise',
    params: 'LENGTH[,ANGLE]',
    arity: [1, 2],
    make: (a) => one(motionBlur(a[0], a[1] ?? 0)),
  },
  gabor: {
    description: 'Gabor: stripes of wavelength LAMBDA px across direction THETA degrees under a Gaussian SIGMA',
    params: 'SIGMA,THETA,LAMBDA[,GAMMA[,PSI]]',
    arity: [3, 5],
    make: (a) => one(gabor(a[0], a[1], a[2], a[3] ?? 0.5, a[4] ?? 0)),
  },
};

export interface ParsedKernel {
  name: string;
  args: number[];
  /** One kernel, or the [x, y] pair of a gradient magnitude. */
  kernels: NDArray<'float64'>[];
  combine: 'single' | 'magnitude';
  description: string;
}

/** Parse `name[:a,b,…]` into kernels. Unknown names and bad parameters throw an ArgumentError naming the spec. */
export function parseKernelSpec(spec: string, arg = 'kernel'): ParsedKernel {
  if (typeof spec !== 'string' || spec.trim() === '') throw new ArgumentError(`${arg}: expected a kernel spec such as gaussian:2.5`, arg);
  const colon = spec.indexOf(':');
  const name = (colon < 0 ? spec : spec.slice(0, colon)).trim().toLowerCase();
  const entry = Object.hasOwn(KERNELS, name) ? KERNELS[name] : undefined;
  if (!entry)
    throw new ArgumentError(`${arg}: unknown kernel ${JSON.stringify(name)}; expected one of ${Object.keys(KERNELS).join(', ')}`, arg);
  const raw = colon < 0 ? [] : spec.slice(colon + 1).split(',');
  const args = raw.map((s) => {
    const v = s.trim() === '' ? Number.NaN : Number(s);
    if (!Number.isFinite(v)) throw new ArgumentError(`${arg}: parameter ${JSON.stringify(s)} of ${spec} is not a number`, arg);
    return v;
  });
  const [lo, hi] = entry.arity;
  if (args.length < lo || args.length > hi) {
    const usage = entry.params ? `${name}:${entry.params}` : name;
    throw new ArgumentError(`${arg}: ${spec} takes ${lo === hi ? lo : `${lo} to ${hi}`} parameter(s); usage ${usage}`, arg);
  }
  try {
    const kernels = entry.make(args);
    return { name, args, kernels, combine: kernels.length === 2 ? 'magnitude' : 'single', description: entry.description };
  } catch (e) {
    if (e instanceof ArgumentError) throw new ArgumentError(`${arg}: ${spec}: ${e.message}`, arg, { cause: e });
    throw e;
  }
}
