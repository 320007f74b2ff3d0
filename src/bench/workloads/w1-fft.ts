/**
 * W1 — complex 1-D FFT, float64 (complex128) by default, of seeded random data:
 * n = 1024, 65536, 1048576 (powers of two), 1000, 100000 (2^5·5^5), 1009 (a prime: Bluestein),
 * plus complex64 at 65536 and 2^20. Times `planFft(n, dtype).forward(x, X)` into a preallocated
 * output (the plan is built in setup, as scipy / fft.js cache theirs). Throughput 5·n·log2(n) FLOP.
 * Anchors: numpy.fft.fft, scipy.fft.fft (workers 1 and 2), fft.js (powers of two only).
 */
import { Rng } from '../../core/rng.js';
import { type FftPlan, planFft } from '../../fft/lowlevel.js';
import type { CaseParams, SetupOptions, Workload } from '../workload.js';

interface State {
  plan: FftPlan;
  x: Float32Array | Float64Array; // [n, 2] interleaved
  out: Float32Array | Float64Array; // [n, 2]
}

const dtypeOf = (p: CaseParams): 'complex64' | 'complex128' => (p.dtype === 'complex64' ? 'complex64' : 'complex128');

export const w1: Workload<State> = {
  id: 'W1',
  description: 'complex 1-D FFT (planFft(n).forward), any length',
  params: ['n'],
  cases: [
    ...[1024, 65536, 1048576, 1000, 1009, 100000].map((n) => ({ n, dtype: 'complex128' })),
    { n: 65536, dtype: 'complex64' },
    { n: 1048576, dtype: 'complex64' },
  ],
  parallel: false,
  setup(params, { seed }: SetupOptions): State {
    const n = Number(params.n);
    const dtype = dtypeOf(params);
    const Ctor = dtype === 'complex64' ? Float32Array : Float64Array;
    const x = new Ctor(2 * n);
    new Rng(seed).fillNormal(x);
    const plan = planFft(n, dtype);
    const out = new Ctor(2 * n);
    plan.forward(x as never, out as never); // builds the wasm tables; not timed
    return { plan, x, out };
  },
  run: ({ plan, x, out }) => {
    plan.forward(x as never, out as never);
    return out[1];
  },
  work: (params) => {
    const n = Number(params.n);
    return { amount: 5 * n * Math.log2(n), unit: 'FLOP' };
  },
  anchors: [
    { kind: 'python', name: 'numpy.fft.fft', script: 'fft.py', module: 'numpy' },
    { kind: 'python', name: 'scipy.fft.fft workers=1', script: 'fft.py', module: 'scipy' },
    { kind: 'python', name: 'scipy.fft.fft workers=2', script: 'fft.py', module: 'scipy' },
    {
      kind: 'js',
      name: 'fft.js',
      async prepare(params, { seed }) {
        const n = Number(params.n);
        if (n < 2 || (n & (n - 1)) !== 0) throw new Error(`fft.js transforms only powers of two, not n=${n}`);
        if (params.dtype === 'complex64') throw new Error('fft.js computes in float64 only');
        const pkg = 'fft.js'; // a variable, so the optional peer needs no type declarations
        const mod = (await import(pkg)) as { default: new (n: number) => FftJs };
        const f = new mod.default(n);
        const data = new Rng(seed).fillNormal(new Float64Array(2 * n));
        const out = new Float64Array(2 * n);
        return () => {
          f.transform(out, data);
          return out[1];
        };
      },
    },
  ],
};

interface FftJs {
  transform(out: ArrayLike<number>, data: ArrayLike<number>): void;
}
