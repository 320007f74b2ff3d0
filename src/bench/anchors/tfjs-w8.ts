/**
 * W8 anchors in TensorFlow.js (dev dependencies, loaded with a dynamic import; never part of
 * the library): the reference CNN of DESIGN.md trained with @tensorflow/tfjs-core on the
 * pure-JS CPU backend ('tfjs-cpu') and on the WASM backend ('tfjs-wasm').
 *
 * tfjs-core ships its gradient functions only in its bundled `@tensorflow/tfjs` umbrella, so
 * the step is written out: forward, back-propagation with the backend's own gradient kernels
 * (Conv2DBackpropFilter, Conv2DBackpropInput, MaxPoolGrad), and tf.train.adam applying the
 * gradients — the kernels tf.Model.fit would run. The WASM backend registers no
 * Conv2DBackpropFilter (tfjs issue 8474), so there every convolution is routed through its
 * Conv3D kernels with a depth of 1 (the same arithmetic; the only way it can train the net).
 *
 * The CPU backend needs about a minute per batch of 64, so its timed call is one step on
 * `IMAGES_CPU` images, extrapolated in proportion to images (every kernel here loops over the
 * batch; its per-step costs, Adam and the dense layers, are then counted 16 times per batch
 * instead of once, which overstates its epoch by a few percent). The WASM backend's timed
 * call is one real batch of 64, extrapolated to the case's batches. The report says so.
 */
import type { PreparedAnchor } from '../workload.js';

/** Images per timed step on the CPU backend (WASM: a whole batch of 64). */
export const IMAGES_CPU = 4;

// The few tfjs-core entry points used, typed loosely (the package is an optional peer).
interface TfTensor {
  shape: number[];
  dispose(): void;
  dataSync(): Float32Array;
}
interface TfOptimizer {
  applyGradients(grads: Record<string, TfTensor>): void;
}
interface Tf {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  version_core: string;
  tidy<T>(fn: () => T): T;
  variable(t: TfTensor, trainable: boolean, name: string): TfTensor;
  tensor(values: Float32Array, shape: number[]): TfTensor;
  oneHot(indices: TfTensor, depth: number): TfTensor;
  tensor1d(values: Int32Array, dtype: 'int32'): TfTensor;
  conv2d(x: TfTensor, w: TfTensor, strides: number, pad: 'valid'): TfTensor;
  conv3d(x: TfTensor, w: TfTensor, strides: number, pad: 'valid'): TfTensor;
  maxPool(x: TfTensor, size: number, strides: number, pad: 'valid'): TfTensor;
  relu(x: TfTensor): TfTensor;
  step(x: TfTensor): TfTensor;
  add(a: TfTensor, b: TfTensor): TfTensor;
  sub(a: TfTensor, b: TfTensor): TfTensor;
  mul(a: TfTensor, b: TfTensor | number): TfTensor;
  matMul(a: TfTensor, b: TfTensor, transA?: boolean, transB?: boolean): TfTensor;
  reshape(x: TfTensor, shape: number[]): TfTensor;
  softmax(x: TfTensor): TfTensor;
  logSoftmax(x: TfTensor): TfTensor;
  sum(x: TfTensor, axis?: number | number[]): TfTensor;
  engine(): { runKernel(name: string, inputs: Record<string, TfTensor>, attrs: Record<string, unknown>): TfTensor };
  train: { adam(lr: number): TfOptimizer };
  getKernel(name: string, backend: string): unknown;
  env(): { set(flag: string, value: boolean): void };
}

/** tfjs-core with the named backend active. Throws (reported as missing) when absent. */
export async function loadTf(backend: 'cpu' | 'wasm'): Promise<Tf> {
  const core = '@tensorflow/tfjs-core'; // variables: optional peers need no type declarations
  const tf = (await import(core)) as Tf;
  tf.env().set('PROD', true); // no "install tfjs-node" banner on stderr
  if (backend === 'cpu') await import('@tensorflow/tfjs-backend-cpu' as string);
  else await import('@tensorflow/tfjs-backend-wasm' as string);
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} did not initialise`);
  await tf.ready();
  return tf;
}

/** How the convolutions run: the 2-D kernels, or the 3-D ones with a depth of 1. */
export type ConvRoute = 'conv2d' | 'conv3d';

/** Convolution forward and gradients (valid padding, stride 1; NHWC, filters [kh, kw, in, out]). */
function convOps(tf: Tf, route: ConvRoute) {
  const k = tf.engine();
  if (route === 'conv2d') {
    const attrs = { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1] };
    return {
      forward: (x: TfTensor, w: TfTensor) => tf.conv2d(x, w, 1, 'valid'),
      filterGrad: (x: TfTensor, dy: TfTensor, w: TfTensor) =>
        k.runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: w.shape }),
      inputGrad: (dy: TfTensor, w: TfTensor, x: TfTensor) =>
        k.runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...attrs, inputShape: x.shape }),
    };
  }
  const d3 = (t: TfTensor) => tf.reshape(t, [t.shape[0], 1, ...t.shape.slice(1)]); // NHWC -> NDHWC, [kh, kw, i, o] -> [1, kh, kw, i, o]
  const d2 = (t: TfTensor) => tf.reshape(t, [t.shape[0], ...t.shape.slice(2)]);
  const attrs = { strides: [1, 1, 1], pad: 'valid' };
  return {
    forward: (x: TfTensor, w: TfTensor) => d2(tf.conv3d(d3(x), tf.reshape(w, [1, ...w.shape]), 1, 'valid')),
    filterGrad: (x: TfTensor, dy: TfTensor, w: TfTensor) =>
      tf.reshape(k.runKernel('Conv3DBackpropFilterV2', { x: d3(x), dy: d3(dy) }, { ...attrs, filterShape: [1, ...w.shape] }), w.shape),
    inputGrad: (dy: TfTensor, w: TfTensor, x: TfTensor) =>
      d2(
        k.runKernel('Conv3DBackpropInputV2', { dy: d3(dy), filter: tf.reshape(w, [1, ...w.shape]) }, { ...attrs, inputShape: d3(x).shape }),
      ),
  };
}

/**
 * A training step of the reference net on the same `n` seeded random images (NHWC, as tfjs
 * stores images); returns the loss before the step.
 */
export function makeStep(tf: Tf, n: number, seed: number, route: ConvRoute = 'conv2d'): () => number {
  let s = seed >>> 0 || 1;
  const rand = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  const normal = (count: number, std: number) =>
    Float32Array.from({ length: count }, () => std * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()));
  const he = (shape: number[], fanIn: number, name: string) =>
    tf.variable(
      tf.tensor(
        normal(
          shape.reduce((a, b) => a * b),
          Math.sqrt(2 / fanIn),
        ),
        shape,
      ),
      true,
      name,
    );
  const zeros = (k: number, name: string) => tf.variable(tf.tensor(new Float32Array(k), [k]), true, name);
  const tag = `w8_${Math.random().toString(36).slice(2)}_`; // variable names are global in tfjs
  const w1 = he([5, 5, 1, 32], 25, `${tag}w1`); // [kh, kw, in, out]
  const b1 = zeros(32, `${tag}b1`);
  const w2 = he([5, 5, 32, 64], 800, `${tag}w2`);
  const b2 = zeros(64, `${tag}b2`);
  const w3 = he([1024, 128], 1024, `${tag}w3`);
  const b3 = zeros(128, `${tag}b3`);
  const w4 = he([128, 10], 128, `${tag}w4`);
  const b4 = zeros(10, `${tag}b4`);
  const x = tf.tensor(
    Float32Array.from({ length: n * 784 }, () => Math.floor(rand() * 256) / 255),
    [n, 28, 28, 1],
  );
  const y = tf.oneHot(
    tf.tensor1d(
      Int32Array.from({ length: n }, () => Math.floor(rand() * 10)),
      'int32',
    ),
    10,
  );
  const opt = tf.train.adam(1e-3);
  const k = tf.engine();
  const conv = convOps(tf, route);
  const poolAttrs = { filterSize: [2, 2], strides: [2, 2], pad: 'valid' };
  return () => {
    const { loss, ...grads } = tf.tidy(() => {
      // forward
      const z1 = tf.add(conv.forward(x, w1), b1); // [n, 24, 24, 32]
      const a1 = tf.relu(z1);
      const p1 = tf.maxPool(a1, 2, 2, 'valid'); // [n, 12, 12, 32]
      const z2 = tf.add(conv.forward(p1, w2), b2); // [n, 8, 8, 64]
      const a2 = tf.relu(z2);
      const p2 = tf.maxPool(a2, 2, 2, 'valid'); // [n, 4, 4, 64]
      const f = tf.reshape(p2, [n, 1024]);
      const z3 = tf.add(tf.matMul(f, w3), b3);
      const a3 = tf.relu(z3);
      const z4 = tf.add(tf.matMul(a3, w4), b4); // [n, 10]
      // softmax cross-entropy, mean over the batch: dz4 = (softmax - onehot) / n
      const dz4 = tf.mul(tf.sub(tf.softmax(z4), y), 1 / n);
      const dz3 = tf.mul(tf.matMul(dz4, w4, false, true), tf.step(z3));
      const dp2 = tf.reshape(tf.matMul(dz3, w3, false, true), [n, 4, 4, 64]);
      const dz2 = tf.mul(k.runKernel('MaxPoolGrad', { dy: dp2, input: a2, output: p2 }, poolAttrs), tf.step(z2));
      const dp1 = conv.inputGrad(dz2, w2, p1);
      const dz1 = tf.mul(k.runKernel('MaxPoolGrad', { dy: dp1, input: a1, output: p1 }, poolAttrs), tf.step(z1));
      return {
        loss: tf.mul(tf.sum(tf.mul(y, tf.logSoftmax(z4))), -1 / n),
        [`${tag}w1`]: conv.filterGrad(x, dz1, w1),
        [`${tag}b1`]: tf.sum(dz1, [0, 1, 2]),
        [`${tag}w2`]: conv.filterGrad(p1, dz2, w2),
        [`${tag}b2`]: tf.sum(dz2, [0, 1, 2]),
        [`${tag}w3`]: tf.matMul(f, dz3, true, false),
        [`${tag}b3`]: tf.sum(dz3, 0),
        [`${tag}w4`]: tf.matMul(a3, dz4, true, false),
        [`${tag}b4`]: tf.sum(dz4, 0),
      };
    });
    opt.applyGradients(grads);
    const value = loss.dataSync()[0];
    grads[`${tag}w1`].dataSync(); // waits for the whole backward pass
    loss.dispose();
    for (const t of Object.values(grads)) t.dispose();
    return value;
  };
}

/**
 * Prepares the extrapolated anchor: the 2-D convolution kernels where the backend has all of
 * them, else the 3-D ones; throws (reported as missing) when the package or a kernel is absent.
 */
export async function prepareTfjsW8(backend: 'cpu' | 'wasm', batches: number, seed: number): Promise<PreparedAnchor> {
  const tf = await loadTf(backend);
  const has = (kernels: string[]) => kernels.every((kernel) => tf.getKernel(kernel, backend) !== undefined);
  if (!has(['MaxPool', 'MaxPoolGrad', 'Relu', 'Step']))
    throw new Error(`the tfjs ${backend} backend lacks a pooling or ReLU kernel of the reference net`);
  let route: ConvRoute = 'conv2d';
  if (!has(['Conv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput'])) {
    if (!has(['Conv3D', 'Conv3DBackpropFilterV2', 'Conv3DBackpropInputV2']))
      throw new Error(`the tfjs ${backend} backend has no Conv2DBackpropFilter kernel (nor Conv3D ones), so it cannot train a conv layer`);
    route = 'conv3d';
  }
  const images = backend === 'cpu' ? IMAGES_CPU : 64;
  const step = makeStep(tf, images, seed, route);
  const scale = (batches * 64) / images;
  const via = route === 'conv3d' ? ' (no Conv2DBackpropFilter: convolutions via Conv3D, depth 1)' : '';
  return {
    call: step,
    scale,
    runtime: `tfjs-core ${tf.version_core} ${backend} backend${via}; extrapolated: ${images}-image steps x ${scale}`,
  };
}
