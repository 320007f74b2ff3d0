/**
 * Losses, each returning the mean loss over the batch and its gradient w.r.t. the input.
 *   softmaxCrossEntropy: logits [N, K], integer labels -> mean_n -log softmax(z_n)[y_n];
 *     d/dz = (softmax(z) - onehot(y)) / N  (PyTorch's CrossEntropyLoss, reduction 'mean');
 *     with label smoothing e the target is (1 - e) onehot(y) + e / K (PyTorch's label_smoothing):
 *     loss = lse(z) - sum_j target_j z_j,  d/dz = (softmax(z) - target) / N
 *   mse: mean((p - t)^2) over every element; d/dp = 2 (p - t) / size
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { formatShape, sameShape } from '../core/shape.js';
import { Buffer, type Tensor, tensor } from './tensor.js';

export interface LossResult {
  loss: number;
  /** dL/d(input), same shape as the input. */
  grad: Tensor;
}

const ceBuf = new Buffer();
const mseBuf = new Buffer();

export function softmaxCrossEntropy(logits: Tensor, labels: ArrayLike<number>, smoothing = 0): LossResult & { correct: number } {
  if (!(smoothing >= 0 && smoothing <= 1)) throw new ArgumentError(`smoothing: expected a number in [0, 1], got ${smoothing}`, 'smoothing');
  if (logits.ndim !== 2) throw new ShapeError(`logits: expected [N, classes], got ${formatShape(logits.shape)}`, 'logits');
  const [n, k] = logits.shape;
  if (labels.length !== n) throw new ShapeError(`labels: expected ${n} labels (one per row of logits), got ${labels.length}`, 'labels');
  const z = logits.data;
  const g = ceBuf.get(logits.dtype, n * k);
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= k)
      throw new ArgumentError(`labels[${i}]: expected an integer class in [0, ${k}), got ${y}`, 'labels');
    const o = i * k;
    let max = -Infinity;
    let arg = 0;
    for (let j = 0; j < k; j++) {
      if (z[o + j] > max) {
        max = z[o + j];
        arg = j;
      }
    }
    if (arg === y) correct++;
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.exp(z[o + j] - max);
    const lse = max + Math.log(s);
    if (smoothing === 0) {
      loss += lse - z[o + y];
      for (let j = 0; j < k; j++) g[o + j] = Math.exp(z[o + j] - lse) / n;
      g[o + y] -= 1 / n;
      continue;
    }
    const off = smoothing / k;
    let zt = (1 - smoothing) * z[o + y];
    for (let j = 0; j < k; j++) {
      zt += off * z[o + j];
      g[o + j] = (Math.exp(z[o + j] - lse) - off) / n;
    }
    loss += lse - zt;
    g[o + y] -= (1 - smoothing) / n;
  }
  return { loss: loss / n, grad: tensor(logits.shape, g), correct };
}

export function mse(pred: Tensor, target: Tensor): LossResult {
  if (!sameShape(pred.shape, target.shape)) {
    throw new ShapeError(`target: shape ${formatShape(target.shape)} does not match the prediction ${formatShape(pred.shape)}`, 'target');
  }
  const n = pred.size;
  const g = mseBuf.get(pred.dtype, n);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const d = pred.data[i] - target.data[i];
    loss += d * d;
    g[i] = (2 * d) / n;
  }
  return { loss: loss / n, grad: tensor(pred.shape, g) };
}

/** Row-wise softmax of logits [N, K] (probabilities), as a new array. */
export function softmax(logits: Tensor): Tensor {
  const [n, k] = logits.shape;
  const out = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let j = 0; j < k; j++) max = Math.max(max, logits.data[i * k + j]);
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.exp(logits.data[i * k + j] - max);
    for (let j = 0; j < k; j++) out[i * k + j] = Math.exp(logits.data[i * k + j] - max) / s;
  }
  return tensor([n, k], out);
}
