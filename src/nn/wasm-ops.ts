/**
 * Float32 fast paths of the CNN's memory-bound passes on the SIMD kernels of assembly/gemm.ts:
 * the operands are copied into the family's scratch (a memcpy), the kernel runs, the result is
 * copied out. Each names the plain-TS loop it must match (kept beside it in the layer, and
 * used for float64).
 */
import { wasmKernels } from '../wasm/loader.js';

interface OpsExports {
  relu_f32(x: number, y: number, n: number): void;
  relu_grad_f32(dy: number, x: number, dx: number, n: number): void;
  maxpool2x2_f32(x: number, planes: number, h: number, w: number, oh: number, ow: number, y: number, am: number): void;
  maxpool_grad_f32(dy: number, am: number, count: number, dx: number, size: number): void;
  bn_stats_f32(x: number, n: number, c: number, p: number, mean: number, ss: number): void;
  bn_apply_f32(x: number, n: number, c: number, p: number, scale: number, shift: number, y: number, relu: number): void;
  bn_grad_f32(
    dy: number,
    x: number,
    n: number,
    c: number,
    p: number,
    mean: number,
    invStd: number,
    gamma: number,
    gg: number,
    gb: number,
    dx: number,
    withDx: number,
    trained: number,
    relu: number,
    y: number,
  ): void;
}

function kernels() {
  return wasmKernels<OpsExports>('gemm');
}

/** y = max(x, 0) (ReLU.forward). */
export function reluF32(x: Float32Array, y: Float32Array): void {
  const k = kernels();
  const n = x.length;
  const [xp, yp] = k.arena.layout([4 * n, 4 * n]);
  new Float32Array(k.memory.buffer, xp, n).set(x);
  k.exports.relu_f32(xp, yp, n);
  y.set(new Float32Array(k.memory.buffer, yp, n));
}

/** dx = x > 0 ? dy : 0 (ReLU.backward). */
export function reluGradF32(dy: Float32Array, x: Float32Array, dx: Float32Array): void {
  const k = kernels();
  const n = dy.length;
  const [dp, xp] = k.arena.layout([4 * n, 4 * n]);
  const buf = k.memory.buffer;
  new Float32Array(buf, dp, n).set(dy);
  new Float32Array(buf, xp, n).set(x);
  k.exports.relu_grad_f32(dp, xp, dp, n);
  dx.set(new Float32Array(buf, dp, n));
}

/** 2 x 2 / stride 2 max pooling of `planes` planes [h, w] into y, arg-max indices into am (pool.ts pool2x2). */
export function maxPool2x2F32(
  x: Float32Array,
  planes: number,
  h: number,
  w: number,
  oh: number,
  ow: number,
  y: Float32Array,
  am: Int32Array,
): void {
  const k = kernels();
  const m = planes * oh * ow;
  const [xp, yp, ap] = k.arena.layout([4 * x.length, 4 * m, 4 * m]);
  const buf = k.memory.buffer;
  new Float32Array(buf, xp, x.length).set(x);
  k.exports.maxpool2x2_f32(xp, planes, h, w, oh, ow, yp, ap);
  y.set(new Float32Array(buf, yp, m));
  am.set(new Int32Array(buf, ap, m));
}

/** dx = 0, then dx[am[i]] += dy[i] (MaxPool2D.backward). */
export function maxPoolGradF32(dy: Float32Array, am: Int32Array, dx: Float32Array): void {
  const k = kernels();
  const m = dy.length;
  const [dp, ap, xp] = k.arena.layout([4 * m, 4 * m, 4 * dx.length]);
  const buf = k.memory.buffer;
  new Float32Array(buf, dp, m).set(dy);
  new Int32Array(buf, ap, m).set(am);
  k.exports.maxpool_grad_f32(dp, ap, m, xp, dx.length);
  dx.set(new Float32Array(buf, xp, dx.length));
}

/**
 * BatchNorm.forward in float32 over x [n, c, p]: when `stats` [2c] is given, first fills it with
 * each channel's batch mean and sum of squared deviations (training); then asks `coef` for the
 * per-channel scale and shift (it fills them) and writes y = x * scale + shift, or
 * max(x * scale + shift, 0) with `relu` (BatchNorm fused with the ReLU after it). One copy of x in.
 */
export function batchNormForwardF32(
  x: Float32Array,
  y: Float32Array,
  n: number,
  c: number,
  p: number,
  stats: Float64Array | null,
  coef: (scale: Float32Array, shift: Float32Array) => void,
  relu = false,
): void {
  const k = kernels();
  const [xp, yp, sp, cp] = k.arena.layout([4 * x.length, 4 * x.length, 16 * c, 8 * c]);
  const buf = k.memory.buffer;
  new Float32Array(buf, xp, x.length).set(x);
  if (stats !== null) {
    k.exports.bn_stats_f32(xp, n, c, p, sp, sp + 8 * c);
    stats.set(new Float64Array(buf, sp, 2 * c));
  }
  const scale = new Float32Array(buf, cp, c);
  const shift = new Float32Array(buf, cp + 4 * c, c);
  coef(scale, shift);
  k.exports.bn_apply_f32(xp, n, c, p, cp, cp + 4 * c, yp, relu ? 1 : 0);
  y.set(new Float32Array(buf, yp, x.length));
}

/**
 * BatchNorm.backward in float32: x [n, c, p] the forward's input, mean and invStd [c] what it
 * normalised with; adds the gamma and beta gradients into gg, gb and writes dx (when not null).
 * With `y` (the fused forward's output, after the ReLU) dy is first masked by y > 0.
 */
export function batchNormGradF32(
  dy: Float32Array,
  x: Float32Array,
  n: number,
  c: number,
  p: number,
  mean: Float64Array,
  invStd: Float64Array,
  gamma: Float32Array,
  gg: Float32Array,
  gb: Float32Array,
  dx: Float32Array | null,
  trained: boolean,
  y?: Float32Array,
): void {
  const k = kernels();
  const size = dy.length;
  const [dp, xp, vp, yp] = k.arena.layout([4 * size, 4 * size, 28 * c, y === undefined ? 0 : 4 * size]);
  const buf = k.memory.buffer;
  new Float32Array(buf, dp, size).set(dy);
  new Float32Array(buf, xp, size).set(x);
  if (y !== undefined) new Float32Array(buf, yp, size).set(y);
  new Float64Array(buf, vp, c).set(mean);
  new Float64Array(buf, vp + 8 * c, c).set(invStd);
  const g = new Float32Array(buf, vp + 16 * c, 3 * c);
  g.set(gamma);
  g.set(gg, c);
  g.set(gb, 2 * c);
  k.exports.bn_grad_f32(
    dp,
    xp,
    n,
    c,
    p,
    vp,
    vp + 8 * c,
    vp + 16 * c,
    vp + 20 * c,
    vp + 24 * c,
    dp,
    dx === null ? 0 : 1,
    trained ? 1 : 0,
    y === undefined ? 0 : 1,
    yp,
  );
  gg.set(g.subarray(c, 2 * c));
  gb.set(g.subarray(2 * c));
  if (dx !== null) dx.set(new Float32Array(buf, dp, size));
}
