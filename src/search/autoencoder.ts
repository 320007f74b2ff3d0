/**
 * The search engine's convolutional autoencoder (Fashion-MNIST, 28 x 28):
 *
 *   encoder  [C, 28, 28] -conv3x3 16, ReLU, maxpool 2-> [16, 14, 14] -conv3x3 32, ReLU,
 *            maxpool 2-> [32, 7, 7] -flatten, dense-> z [dim]            (the embedding)
 *   decoder  z as [dim, 1, 1] -convT 7x7-> [32, 7, 7] ReLU -convT 4x4 /2-> [16, 14, 14] ReLU
 *            -convT 4x4 /2-> [C, 28, 28] sigmoid                          (the reconstruction)
 *   head     (optional light supervision) z -dense-> 10 class logits
 *
 * Tone (`tone`): 'stretch' scales each garment's brightest pixel to 255; 'equalize' (default)
 * replaces its pixels by their rank (equalizeForeground), so any increasing brightness or
 * contrast change (a recolouring, as far as luma goes) gives the same input.
 * Inputs (`input`): 'gray' = the toned image / 255; 'sobel' = its Sobel
 * magnitude / 1020 (clipped to 1); 'both' = the two as channels. The decoder reconstructs the
 * input; loss = mse(reconstruction, input) + supervision * cross-entropy(head(z), label).
 * Trained on the calling thread (Adam, one optimiser per part).
 */
import { AbortError, ArgumentError, DecodeError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { permutation } from '../nn/data.js';
import type { ForwardContext } from '../nn/layer.js';
import { Conv2D, ConvTranspose2D, Dense, Flatten, MaxPool2D, ReLU, Sigmoid } from '../nn/layers/index.js';
import { mse, softmaxCrossEntropy } from '../nn/loss.js';
import { checkSpec, type ModelSpec, modelFromSpec, Sequential } from '../nn/model.js';
import { Adam } from '../nn/optim.js';
import { decodeFloat32LE, encodeFloat32LE } from '../nn/serialize.js';
import { tensor } from '../nn/tensor.js';
import { equalizeForeground, normalizeContrast, PIXELS, SIDE, sobelMagnitude } from './features.js';

export type AeInput = 'gray' | 'sobel' | 'both';
export type AeTone = 'stretch' | 'equalize';
export const AE_TONES: readonly AeTone[] = ['stretch', 'equalize'];
export const AE_INPUTS: readonly AeInput[] = ['gray', 'sobel', 'both'];

export interface AutoencoderOptions {
  input?: AeInput;
  /** How a garment's grey levels are normalised; default 'equalize'. */
  tone?: AeTone;
  /** Embedding size; default 64. */
  dim?: number;
  /** Weight of the classification loss (0 = pure autoencoder); default 0. */
  supervision?: number;
  /** Number of classes of the head; default 10. */
  classes?: number;
  seed?: number;
}

export interface AeTrainOptions {
  epochs: number;
  batchSize?: number;
  lr?: number;
  seed?: number;
  signal?: AbortSignal;
  /**
   * Contrast augmentation (denoising style): each training input is the garment with a random
   * gamma in [lo, hi] applied (p -> 255 (p / 255)^gamma), the reconstruction target the garment
   * as it is, so the embedding learns to ignore contrast. Default: off.
   */
  gamma?: [number, number];
  onBatch?: (info: { epoch: number; batch: number; batches: number; loss: number; reconstruction: number }) => void;
  onEpoch?: (info: { epoch: number; loss: number; reconstruction: number; accuracy: number; seconds: number }) => void;
}

/** The saved form: search-model.json (this object as JSON) and the weights (float32 LE, encoder | decoder | head). */
export interface AeFile {
  format: 'convolab-search-model';
  version: 1;
  input: AeInput;
  dim: number;
  supervision: number;
  /** Absent in files written before tones existed: 'stretch'. */
  tone?: AeTone;
  encoder: ModelSpec;
  decoder: ModelSpec;
  head?: ModelSpec;
  weights: { count: number };
  /** Training record (epochs, losses), informative. */
  training?: Record<string, unknown>;
}

const EVAL_CTX: ForwardContext = { training: false, rng: new Rng(0) };

function channelsOf(input: AeInput): number {
  return input === 'both' ? 2 : 1;
}

export class SearchAutoencoder {
  readonly input: AeInput;
  readonly dim: number;
  readonly supervision: number;
  readonly tone: AeTone;
  readonly encoder: Sequential;
  readonly decoder: Sequential;
  readonly head: Sequential | undefined;
  training: Record<string, unknown> = {};

  constructor(
    encoder: Sequential,
    decoder: Sequential,
    head: Sequential | undefined,
    input: AeInput,
    supervision: number,
    tone: AeTone = 'equalize',
  ) {
    this.tone = tone;
    this.encoder = encoder;
    this.decoder = decoder;
    this.head = head;
    this.input = input;
    this.dim = encoder.outputShape[0];
    this.supervision = supervision;
  }

  static create(opts: AutoencoderOptions = {}): SearchAutoencoder {
    const input = opts.input ?? 'gray';
    if (!AE_INPUTS.includes(input))
      throw new ArgumentError(`input: expected 'gray', 'sobel' or 'both', got ${JSON.stringify(input)}`, 'input');
    const dim = opts.dim ?? 64;
    if (!Number.isInteger(dim) || dim < 2 || dim > 1024) throw new ArgumentError(`dim: expected an integer in 2..1024, got ${dim}`, 'dim');
    const supervision = opts.supervision ?? 0;
    if (!(supervision >= 0 && Number.isFinite(supervision)))
      throw new ArgumentError(`supervision: expected a non-negative number, got ${supervision}`, 'supervision');
    const c = channelsOf(input);
    const seed = opts.seed ?? 0;
    const encoder = new Sequential(
      [
        new Conv2D({ filters: 16, kernelSize: 3, padding: 'same' }),
        new ReLU(),
        new MaxPool2D({ poolSize: 2 }),
        new Conv2D({ filters: 32, kernelSize: 3, padding: 'same' }),
        new ReLU(),
        new MaxPool2D({ poolSize: 2 }),
        new Flatten(),
        new Dense({ units: dim }),
      ],
      { inputShape: [c, SIDE, SIDE], seed },
    );
    const decoder = new Sequential(
      [
        new ConvTranspose2D({ filters: 32, kernelSize: 7 }),
        new ReLU(),
        new ConvTranspose2D({ filters: 16, kernelSize: 4, stride: 2, padding: 1 }),
        new ReLU(),
        new ConvTranspose2D({ filters: c, kernelSize: 4, stride: 2, padding: 1 }),
        new Sigmoid(),
      ],
      { inputShape: [dim, 1, 1], seed: seed + 1 },
    );
    const head =
      supervision > 0 ? new Sequential([new Dense({ units: opts.classes ?? 10 })], { inputShape: [dim], seed: seed + 2 }) : undefined;
    const tone = opts.tone ?? 'equalize';
    if (!AE_TONES.includes(tone)) throw new ArgumentError(`tone: expected 'stretch' or 'equalize', got ${JSON.stringify(tone)}`, 'tone');
    return new SearchAutoencoder(encoder, decoder, head, input, supervision, tone);
  }

  /** Network inputs [n, C, 28, 28] in [0, 1] from images [n, 784] (any brightness; contrast-normalised here). */
  inputsOf(images: ArrayLike<number>, n: number, out = new Float32Array(n * channelsOf(this.input) * PIXELS)): Float32Array {
    const c = channelsOf(this.input);
    const g = new Float32Array(PIXELS);
    const s = new Float32Array(PIXELS);
    for (let i = 0; i < n; i++) {
      for (let p = 0; p < PIXELS; p++) g[p] = images[i * PIXELS + p];
      if (this.tone === 'equalize') equalizeForeground(g, g);
      else normalizeContrast(g, g);
      const o = i * c * PIXELS;
      if (this.input !== 'sobel') for (let p = 0; p < PIXELS; p++) out[o + p] = g[p] / 255;
      if (this.input !== 'gray') {
        sobelMagnitude(g, SIDE, SIDE, s);
        const so = o + (this.input === 'both' ? PIXELS : 0);
        for (let p = 0; p < PIXELS; p++) out[so + p] = Math.min(1, s[p] / 1020);
      }
    }
    return out;
  }

  /** Embeddings [n, dim] of images [n, 784] (0..255). */
  embed(images: ArrayLike<number>, n: number, batch = 256): Float32Array {
    const c = channelsOf(this.input);
    const out = new Float32Array(n * this.dim);
    for (let b0 = 0; b0 < n; b0 += batch) {
      const m = Math.min(batch, n - b0);
      const x = this.inputsOf(sliceRows(images, b0, m), m);
      const z = this.encoder.forward(tensor([m, c, SIDE, SIDE], x), EVAL_CTX);
      out.set(z.data, b0 * this.dim);
    }
    return out;
  }

  /** Reconstructions [n, C, 28, 28] in [0, 1] of images [n, 784]. */
  reconstruct(images: ArrayLike<number>, n: number): Float32Array {
    const c = channelsOf(this.input);
    const x = this.inputsOf(images, n);
    const z = this.encoder.forward(tensor([n, c, SIDE, SIDE], x), EVAL_CTX);
    return Float32Array.from(this.decoder.forward(tensor([n, this.dim, 1, 1], z.data), EVAL_CTX).data);
  }

  /** Trains on images [n, 784] (uint8 or float, 0..255) with labels (used by the head only). */
  async train(
    images: Uint8Array | Float32Array,
    labels: Uint8Array,
    n: number,
    opts: AeTrainOptions,
  ): Promise<Array<{ loss: number; reconstruction: number; accuracy: number; seconds: number }>> {
    if (!Number.isInteger(opts.epochs) || opts.epochs < 1)
      throw new ArgumentError(`epochs: expected a positive integer, got ${opts.epochs}`, 'epochs');
    if (images.length !== n * PIXELS)
      throw new ArgumentError(`images: expected ${n * PIXELS} values ([n, 28, 28]), got ${images.length}`, 'images');
    const batchSize = opts.batchSize ?? 64;
    const gamma = opts.gamma;
    if (gamma !== undefined && !(gamma.length === 2 && gamma[0] > 0 && gamma[1] >= gamma[0]))
      throw new ArgumentError(`gamma: expected [lo, hi] with 0 < lo <= hi, got ${JSON.stringify(gamma)}`, 'gamma');
    const lr = opts.lr ?? 1e-3;
    const c = channelsOf(this.input);
    const parts = [this.encoder, this.decoder, ...(this.head ? [this.head] : [])];
    const optims = parts.map((m) => new Adam(m, { lr }));
    const inputs = this.inputsOf(images, n); // [n, C, 28, 28], once
    const per = c * PIXELS;
    const batches = Math.ceil(n / batchSize);
    const ctx: ForwardContext = { training: true, rng: new Rng(opts.seed ?? 0) };
    const history = [];
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      const t0 = performance.now();
      const order = permutation(n, new Rng((opts.seed ?? 0) * 1000 + epoch));
      let lossSum = 0;
      let recSum = 0;
      let correct = 0;
      for (let b = 0; b < batches; b++) {
        if (opts.signal?.aborted) throw new AbortError('train: aborted');
        const b0 = b * batchSize;
        const m = Math.min(batchSize, n - b0);
        const x = new Float32Array(m * per);
        const y = new Uint8Array(m);
        for (let i = 0; i < m; i++) {
          const s = order[b0 + i];
          x.set(inputs.subarray(s * per, (s + 1) * per), i * per);
          y[i] = labels[s];
        }
        for (const p of parts) p.zeroGrad();
        const xt = tensor([m, c, SIDE, SIDE], x);
        const xin = gamma ? this.inputsOf(gammaBatch(images, order, b0, m, gamma, ctx.rng), m) : x;
        const z = this.encoder.forward(tensor([m, c, SIDE, SIDE], xin), ctx);
        const r = this.decoder.forward(tensor([m, this.dim, 1, 1], z.data), ctx);
        const rec = mse(r, xt);
        const dz = Float32Array.from(this.decoder.backwardInput(rec.grad).data);
        let loss = rec.loss;
        if (this.head) {
          const logits = this.head.forward(tensor([m, this.dim], z.data), ctx);
          const ce = softmaxCrossEntropy(logits, y);
          correct += ce.correct;
          loss += this.supervision * ce.loss;
          const dh = this.head.backwardInput(ce.grad).data;
          for (let i = 0; i < dz.length; i++) dz[i] += this.supervision * dh[i];
        }
        if (!Number.isFinite(loss))
          throw new ArgumentError(`train: the loss became ${loss} at epoch ${epoch + 1}, batch ${b + 1} (try a lower lr)`, 'lr');
        this.encoder.backward(tensor([m, this.dim], dz));
        for (const o of optims) o.step();
        lossSum += loss * m;
        recSum += rec.loss * m;
        opts.onBatch?.({ epoch, batch: b, batches, loss, reconstruction: rec.loss });
        if (b % 20 === 19) await new Promise((res) => setTimeout(res, 0)); // let signals and progress through
      }
      const info = {
        epoch,
        loss: lossSum / n,
        reconstruction: recSum / n,
        accuracy: this.head ? correct / n : Number.NaN,
        seconds: (performance.now() - t0) / 1000,
      };
      history.push(info);
      opts.onEpoch?.(info);
    }
    return history;
  }

  save(): { json: string; weights: Uint8Array } {
    const parts = [this.encoder, this.decoder, ...(this.head ? [this.head] : [])];
    const count = parts.reduce((a, p) => a + p.paramCount, 0);
    const file: AeFile = {
      format: 'convolab-search-model',
      version: 1,
      input: this.input,
      dim: this.dim,
      supervision: this.supervision,
      tone: this.tone,
      encoder: this.encoder.spec(),
      decoder: this.decoder.spec(),
      ...(this.head ? { head: this.head.spec() } : {}),
      weights: { count },
      training: this.training,
    };
    const all = new Float32Array(count);
    let at = 0;
    for (const p of parts) {
      all.set(p.params, at);
      at += p.paramCount;
    }
    return { json: `${JSON.stringify(file, null, 2)}\n`, weights: encodeFloat32LE(all) };
  }

  /** The model of search-model.json + its weights; errors name `name` and what is wrong. */
  static load(json: string, weights: Uint8Array, name = 'search-model.json'): SearchAutoencoder {
    let doc: AeFile;
    try {
      doc = JSON.parse(json);
    } catch (cause) {
      throw new DecodeError(`${name}: not valid JSON (${(cause as Error).message})`, name, { cause });
    }
    const bad = (what: string): never => {
      throw new DecodeError(`${name}: ${what}`, name);
    };
    if (typeof doc !== 'object' || doc === null || doc.format !== 'convolab-search-model') bad('format: expected "convolab-search-model"');
    if (doc.version !== 1) bad(`version: expected 1, got ${JSON.stringify(doc.version)}`);
    if (!AE_INPUTS.includes(doc.input)) bad(`input: expected 'gray', 'sobel' or 'both', got ${JSON.stringify(doc.input)}`);
    if (typeof doc.supervision !== 'number' || !(doc.supervision >= 0)) bad(`supervision: expected a non-negative number`);
    let parts: Sequential[];
    try {
      parts = [doc.encoder, doc.decoder, ...(doc.head ? [doc.head] : [])].map((s) => modelFromSpec(checkSpec(s)));
    } catch (err) {
      throw new DecodeError(`${name}: ${(err as Error).message}`, name, { cause: err });
    }
    const [enc, dec, head] = parts;
    const c = channelsOf(doc.input);
    if (
      enc.inputShape.join() !== `${c},${SIDE},${SIDE}` ||
      enc.outputShape.length !== 1 ||
      dec.inputShape.join() !== `${enc.outputShape[0]},1,1`
    )
      bad(`encoder/decoder shapes do not fit input '${doc.input}' and an embedding`);
    const count = parts.reduce((a, p) => a + p.paramCount, 0);
    if (doc.weights?.count !== count) bad(`weights.count: expected ${count} for these layers, got ${JSON.stringify(doc.weights?.count)}`);
    const w = decodeFloat32LE(weights, count, `${name} weights`);
    let at = 0;
    for (const p of parts) {
      p.params.set(w.subarray(at, at + p.paramCount));
      at += p.paramCount;
    }
    for (let i = 0; i < w.length; i++) if (!Number.isFinite(w[i])) bad(`weight ${i} is ${w[i]}`);
    const tone = doc.tone ?? 'stretch';
    if (!AE_TONES.includes(tone)) bad(`tone: expected 'stretch' or 'equalize', got ${JSON.stringify(doc.tone)}`);
    const ae = new SearchAutoencoder(enc, dec, head, doc.input, doc.supervision, tone);
    ae.training = doc.training ?? {};
    return ae;
  }
}

/** Images order[b0 .. b0 + m) with a random gamma each (see AeTrainOptions.gamma), [m, 784]. */
function gammaBatch(
  images: ArrayLike<number>,
  order: Int32Array,
  b0: number,
  m: number,
  [lo, hi]: [number, number],
  rng: Rng,
): Float32Array {
  const out = new Float32Array(m * PIXELS);
  for (let i = 0; i < m; i++) {
    const g = rng.uniform(lo, hi);
    const s = order[b0 + i] * PIXELS;
    for (let p = 0; p < PIXELS; p++) out[i * PIXELS + p] = 255 * (images[s + p] / 255) ** g;
  }
  return out;
}

function sliceRows(images: ArrayLike<number>, start: number, m: number): ArrayLike<number> {
  if (images instanceof Float32Array || images instanceof Uint8Array) return images.subarray(start * PIXELS, (start + m) * PIXELS);
  return Array.from({ length: m * PIXELS }, (_, i) => images[start * PIXELS + i]);
}
