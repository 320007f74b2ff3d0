/**
 * Gradient check: the float32 analytic gradients (backward) against central finite
 * differences of the same network run in float64. L = sum(y * r) for a fixed random r.
 * Error = ||analytic - numeric|| / max(||analytic||, ||numeric||) over params and input.
 */
import { Rng } from '../../src/core/rng.js';
import type { LayerSpec } from '../../src/nn/layer.js';
import { modelFromSpec, type Sequential } from '../../src/nn/model.js';
import { type Floats, tensor } from '../../src/nn/tensor.js';

export interface GradCheckResult {
  params: number;
  input: number;
}

function lossOf(m: Sequential, x: Floats, r: Float64Array, shape: number[], training: boolean, seed: number): number {
  const y = m.forward(tensor(shape, x), { training, rng: new Rng(seed) });
  let s = 0;
  for (let i = 0; i < r.length; i++) s += y.data[i] * r[i];
  return s;
}

function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += (a[i] - b[i]) ** 2;
    na += a[i] ** 2;
    nb += b[i] ** 2;
  }
  const den = Math.sqrt(Math.max(na, nb));
  return den === 0 ? 0 : Math.sqrt(d) / den;
}

export function gradCheck(
  layers: LayerSpec[],
  inputShape: number[],
  batch = 2,
  opts: { training?: boolean; seed?: number } = {},
): GradCheckResult {
  const training = opts.training ?? true;
  const seed = opts.seed ?? 1;
  const spec = { format: 'convolab-model', version: 1, inputShape, layers };
  const m32 = modelFromSpec(spec, { seed });
  const m64 = modelFromSpec(spec, { dtype: 'float64', params: Float64Array.from(m32.params) });
  // Give zero-initialised biases / BN params random values so their gradients are exercised.
  const rng = new Rng(seed + 7);
  for (let i = 0; i < m32.params.length; i++) {
    const v = m32.params[i] === 0 || m32.params[i] === 1 ? m32.params[i] + rng.uniform(-0.5, 0.5) : m32.params[i];
    m32.params[i] = v;
  }
  m64.params.set(m32.params);
  const shape = [batch, ...inputShape];
  const n = shape.reduce((a, b) => a * b, 1);
  const x32 = new Float32Array(n);
  for (let i = 0; i < n; i++) x32[i] = rng.uniform(-1, 1);
  const x64 = Float64Array.from(x32);
  const outN = batch * m32.outputShape.reduce((a, b) => a * b, 1);
  const r = new Float64Array(outN);
  for (let i = 0; i < outN; i++) r[i] = rng.uniform(-1, 1);

  // Analytic, float32.
  m32.zeroGrad();
  m32.forward(tensor(shape, x32), { training, rng: new Rng(seed) });
  const dx = m32.backwardInput(tensor([batch, ...m32.outputShape], Float32Array.from(r)));
  const gParams = Float64Array.from(m32.grads);
  const gInput = Float64Array.from(dx.data);

  // Numeric, float64.
  const eps = 1e-5;
  const trainable = new Set<number>();
  for (const [s, e] of m64.trainableRanges()) for (let i = s; i < e; i++) trainable.add(i);
  const numParams = new Float64Array(m64.params.length);
  const aParams = new Float64Array(m64.params.length);
  for (const i of trainable) {
    const p = m64.params;
    const v = p[i];
    p[i] = v + eps;
    const lp = lossOf(m64, x64, r, shape, training, seed);
    p[i] = v - eps;
    const lm = lossOf(m64, x64, r, shape, training, seed);
    p[i] = v;
    numParams[i] = (lp - lm) / (2 * eps);
    aParams[i] = gParams[i];
  }
  const numInput = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = x64[i];
    x64[i] = v + eps;
    const lp = lossOf(m64, x64, r, shape, training, seed);
    x64[i] = v - eps;
    const lm = lossOf(m64, x64, r, shape, training, seed);
    x64[i] = v;
    numInput[i] = (lp - lm) / (2 * eps);
  }
  return { params: relErr(aParams, numParams), input: relErr(gInput, numInput) };
}
