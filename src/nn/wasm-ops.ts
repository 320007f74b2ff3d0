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
