/**
 * The chapter's training worker: holds the model and the Fashion-MNIST subset, trains with
 * src/nn's fit (WASM SIMD GEMM, one thread — the worker is the thread), and reports every
 * batch's loss, each epoch's test accuracy, and snapshots (first-layer kernels, feature maps and
 * probabilities of the chosen garment) a few times per epoch.
 */
import { AbortError } from '../../../../src/core/errors.js';
import { modelFromSpec, type Sequential } from '../../../../src/nn/model.js';
import { Adam } from '../../../../src/nn/optim.js';
import { loadModel, saveModel } from '../../../../src/nn/serialize.js';
import { evaluate, fit } from '../../../../src/nn/train.js';
import { initWasm } from '../../../../src/wasm/loader.js';
import { checkFits, decodeSubset, firstFilters, inspect, labSpec, SUBSET_URL, type Subset, sampleOf, sobelNet } from './compute.js';
import { CONTROL, type FromWorker, type ModelInfo, type Snapshot, type ToWorker } from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromWorker, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);

/** Snapshots per epoch while training (feature maps and kernels redrawn this often). */
const SNAPSHOTS_PER_EPOCH = 8;

let control: Int32Array = new Int32Array(CONTROL.length);
let data: Subset | undefined;
let model: Sequential | undefined;
let optimizer: Adam | undefined;
let source = 'lab';
let epochsDone = 0;
let step = 0;
let training = false;
const sobel = sobelNet();

function snapshot(): Snapshot {
  const d = data!;
  const garment = Math.min(Math.max(0, Atomics.load(control, CONTROL.garment)), d.testImages.count - 1);
  const x = sampleOf(d.testImages, garment);
  return { filters: firstFilters(model!), inspection: inspect(model!, x), handmade: inspect(sobel, x).layers[0], garment };
}

function info(): ModelInfo {
  return { source, summary: model!.summary(), params: model!.paramCount };
}

function fresh(seed: number): void {
  model = modelFromSpec(labSpec(), { seed });
  optimizer = new Adam(model, { lr: lr() });
  source = 'lab';
  epochsDone = 0;
  step = 0;
}

function lr(): number {
  const v = Atomics.load(control, CONTROL.lr) / 1e6;
  return v > 0 ? v : 3e-3;
}

async function train(epochs: number, batchSize: number, threads: number): Promise<void> {
  const d = data!;
  const m = model!;
  training = true;
  Atomics.store(control, CONTROL.pause, 0);
  const controller = new AbortController();
  const batches = Math.ceil(d.train.count / batchSize);
  const every = Math.max(1, Math.floor(batches / SNAPSHOTS_PER_EPOCH));
  try {
    while (epochsDone < epochs) {
      optimizer!.lr = lr();
      let seen = 0;
      let right = 0;
      // biome-ignore lint/suspicious/noFocusedTests: fit() is the training call, not a focused test
      const history = await fit(m, d.train, {
        epochs: epochsDone + 1,
        initialEpoch: epochsDone,
        batchSize,
        threads,
        seed: 1,
        optimizer,
        signal: controller.signal,
        onBatch: (b) => {
          step++;
          // fit reports the running accuracy of the epoch; this batch's own is the difference.
          const correct = Math.round(b.accuracy * b.images);
          const accuracy = (correct - right) / (b.images - seen);
          [seen, right] = [b.images, correct];
          const x = b.epoch + (b.batch + 1) / b.batches;
          post({ type: 'batch', step, x, loss: b.loss, accuracy, imagesPerSecond: b.images / b.seconds });
          if (b.batch % every === every - 1) post({ type: 'snapshot', snapshot: snapshot() });
          optimizer!.lr = lr();
          if (Atomics.load(control, CONTROL.pause) !== 0) controller.abort();
        },
      });
      if (history.stopped) {
        post({ type: 'stopped', reason: 'diverged', epoch: epochsDone, message: history.stopped.message });
        return;
      }
      const e = history.epochs[0];
      const test = await evaluate(m, d.test, { threads });
      epochsDone++;
      post({
        type: 'epoch',
        epoch: epochsDone,
        loss: e.loss,
        accuracy: e.accuracy,
        testLoss: test.loss,
        testAccuracy: test.accuracy,
        seconds: e.seconds,
      });
      post({ type: 'snapshot', snapshot: snapshot() });
    }
    post({ type: 'stopped', reason: 'done', epoch: epochsDone });
  } catch (err) {
    if (!(err instanceof AbortError)) throw err;
    post({ type: 'snapshot', snapshot: snapshot() });
    post({ type: 'stopped', reason: 'paused', epoch: epochsDone });
  } finally {
    training = false;
  }
}

/** The current model, its snapshot and its test metrics before any (further) training. */
async function postModel(): Promise<void> {
  const test = await evaluate(model!, data!.test, { threads: 1 });
  post({ type: 'model', model: info(), snapshot: snapshot(), testLoss: test.loss, testAccuracy: test.accuracy });
}

async function handle(msg: ToWorker): Promise<void> {
  switch (msg.type) {
    case 'init': {
      control = msg.control;
      const [, res] = await Promise.all([initWasm({ families: ['gemm'] }), fetch(SUBSET_URL)]);
      if (!res.ok) throw new Error(`${SUBSET_URL}: HTTP ${res.status} (run node scripts/make-lab-data.mjs)`);
      data = decodeSubset(new Uint8Array(await res.arrayBuffer()));
      fresh(msg.seed);
      const t = data.testImages;
      post({ type: 'ready', images: t.images.slice(), labels: t.labels.slice(), classes: [...t.classes], trainCount: data.train.count });
      await postModel();
      return;
    }
    case 'train':
      if (!training) await train(msg.epochs, msg.batchSize, msg.threads);
      return;
    case 'reset':
      fresh(msg.seed);
      await postModel();
      return;
    case 'inspect':
      post({ type: 'snapshot', snapshot: snapshot() });
      return;
    case 'load': {
      const loaded = loadModel(msg.json, msg.weights, msg.names);
      checkFits(loaded, data!.train, msg.names.json);
      model = loaded;
      optimizer = new Adam(model, { lr: lr() });
      source = msg.names.json;
      epochsDone = 0;
      step = 0;
      await postModel();
      return;
    }
    case 'save': {
      const saved = saveModel(model!);
      post({ type: 'saved', json: saved.json, weights: saved.weights }, [saved.weights.buffer]);
      return;
    }
  }
}

// Messages are handled one at a time, in order (a load waits for the init before it).
let queue = Promise.resolve();
scope.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  queue = queue.then(() =>
    handle(event.data).catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) })),
  );
});
