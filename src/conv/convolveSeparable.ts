/**
 * convolveSeparable(x, [k0, k1, …]): convolve with the outer product k0 ⊗ k1 ⊗ … by one 1-D
 * pass per axis. For a [C, H, W] image, two factors filter every channel.
 */
import { isComplex, keepPrecision } from '../core/dtype.js';
import { ArgumentError, ShapeError } from '../core/errors.js';
import { fromArray, type NDArray, zeros } from '../core/ndarray.js';
import { validSwapNeeded } from '../ref/convBoundary.js';
import { convolve, correlate, flipConj, separablePasses } from './convolve.js';
import { assertFiniteKernel, assertOperand, type ConvOptions, resolveOptions } from './options.js';

/** The N-D kernel outer(k0, k1, …) as float64 / complex128. */
export function outerKernel(factors: readonly NDArray[]): NDArray {
  const complex = factors.some((f) => isComplex(f.dtype));
  let k = fromArray(complex ? [1, 0] : [1], complex ? 'complex128' : 'float64', [1]) as NDArray;
  let shape: number[] = [];
  for (const f of factors) {
    const next = zeros([...shape, f.size], complex ? 'complex128' : 'float64');
    const a = k.data;
    const fl = f.data.length / f.size;
    const n = f.size;
    for (let i = 0; i < k.size; i++) {
      for (let j = 0; j < n; j++) {
        const fr = f.data[j * fl];
        const fi = fl === 2 ? f.data[j * 2 + 1] : 0;
        if (complex) {
          const ar = a[2 * i];
          const ai = a[2 * i + 1];
          next.data[2 * (i * n + j)] = ar * fr - ai * fi;
          next.data[2 * (i * n + j) + 1] = ar * fi + ai * fr;
        } else {
          next.data[i * n + j] = a[i] * fr;
        }
      }
    }
    shape = [...shape, f.size];
    k = next;
  }
  return k;
}

/**
 * Convolve (or, with `correlate: true`, correlate) x with k0 ⊗ k1 ⊗ … as 1-D passes.
 * `factors` holds one 1-D kernel per axis of x, or per spatial axis of a [C, H, W] image.
 */
export function convolveSeparable(x: NDArray, factors: readonly NDArray[], opts: ConvOptions & { correlate?: boolean } = {}): NDArray {
  assertOperand(x, 'x');
  if (!Array.isArray(factors) || factors.length === 0)
    throw new ArgumentError('factors: expected a list of 1-D kernels, one per axis', 'factors');
  factors.forEach((f, i) => {
    assertOperand(f, `factors[${i}]`);
    if (f.ndim !== 1) throw new ShapeError(`factors[${i}]: expected a 1-D kernel, got shape [${f.shape.join(', ')}]`, `factors[${i}]`);
    if (!opts.allowNonFinite) assertFiniteKernel(f);
  });
  const perChannel = x.ndim === 3 && factors.length === 2;
  if (factors.length !== x.ndim && !perChannel) {
    throw new ShapeError(
      `factors: expected ${x.ndim} 1-D kernels (one per axis of x [${x.shape.join(', ')}]), got ${factors.length}`,
      'factors',
    );
  }
  const o = resolveOptions(opts);
  const all = perChannel ? [fromArray([1], 'float64'), ...factors] : [...factors];
  const kShape = all.map((f) => f.size);
  const complexFactor = all.some((f) => isComplex(f.dtype));
  // cases the real passes do not express (valid's operand swap, complex factors): the general path
  const swap = o.mode === 'valid' && validSwapNeeded(x.shape, kShape);
  if (swap || complexFactor) {
    const fn = opts.correlate ? correlate : convolve;
    return fn(x, outerKernel(all), { ...opts, method: 'direct' });
  }
  const ks = all.map((f) => (opts.correlate ? flipConj(f) : f));
  const dtype = all.reduce((d, f) => keepPrecision(d, f.dtype), keepPrecision(x.dtype, x.dtype));
  const outShape = x.shape.map((n, d) => (o.mode === 'full' ? n + kShape[d] - 1 : o.mode === 'same' ? n : n - kShape[d] + 1));
  const out = opts.out ?? zeros(outShape, dtype);
  if (opts.out && (out.dtype !== dtype || out.shape.join() !== outShape.join())) {
    throw new ShapeError(`out: expected ${dtype} [${outShape.join(', ')}], got ${out.dtype} [${out.shape.join(', ')}]`, 'out');
  }
  return separablePasses(
    x,
    ks.map((f) => Float64Array.from(f.data)),
    out,
    { mode: o.mode, boundary: o.boundary, cval: o.cval },
  );
}
