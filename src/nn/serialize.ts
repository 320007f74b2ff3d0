/**
 * Saving and loading, browser-safe (strings and bytes in / out; the CLI does the file I/O).
 * A model is a JSON description (model.json: ModelSpec plus a `weights` record) and its
 * parameters as little-endian float32 (weights.bin), in the model's flat order. A checkpoint
 * (one file) adds the optimiser state (float64 moments) and the epoch reached, so a resumed
 * run repeats the uninterrupted one exactly.
 */
import { DecodeError } from '../core/errors.js';
import { checkSpec, type ModelSpec, modelFromSpec, type Sequential } from './model.js';
import type { Optimizer, OptimizerState } from './optim.js';
import type { Floats } from './tensor.js';

export interface SavedModel {
  /** model.json */
  json: string;
  /** weights.bin */
  weights: Uint8Array;
}

export interface ModelFile extends ModelSpec {
  weights: { file: string; dtype: 'float32'; byteOrder: 'little'; count: number };
}

const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function encodeFloat32LE(values: Floats): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  if (LITTLE && values instanceof Float32Array) {
    out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  } else {
    const dv = new DataView(out.buffer);
    for (let i = 0; i < values.length; i++) dv.setFloat32(4 * i, values[i], true);
  }
  return out;
}

export function decodeFloat32LE(bytes: Uint8Array, count: number, name = 'weights'): Float32Array {
  if (bytes.length !== count * 4) {
    throw new DecodeError(
      `${name}: expected ${count * 4} bytes (${count} float32 values), got ${bytes.length}${bytes.length < count * 4 ? ' (truncated?)' : ''}`,
      name,
    );
  }
  const out = new Float32Array(count);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < count; i++) out[i] = dv.getFloat32(4 * i, true);
  return out;
}

export function saveModel(model: Sequential, weightsFile = 'weights.bin'): SavedModel {
  const file: ModelFile = {
    ...model.spec(),
    weights: { file: weightsFile, dtype: 'float32', byteOrder: 'little', count: model.paramCount },
  };
  return { json: `${JSON.stringify(file, null, 2)}\n`, weights: encodeFloat32LE(model.params) };
}

/** Parses model.json (text or object), validating it (errors name the failing path). */
export function parseModelFile(json: string | unknown, name = 'model.json'): ModelFile {
  let doc: unknown = json;
  if (typeof json === 'string') {
    try {
      doc = JSON.parse(json);
    } catch (cause) {
      throw new DecodeError(`${name}: not valid JSON (${(cause as Error).message})`, name, { cause });
    }
  }
  const spec = checkSpec(doc) as ModelFile;
  const w = spec.weights as unknown as Record<string, unknown> | undefined;
  if (typeof w !== 'object' || w === null)
    throw new DecodeError(`${name}: weights: expected { file, dtype, byteOrder, count }, got ${JSON.stringify(w)}`, 'weights');
  if (typeof w.file !== 'string' || w.file.includes('/') || w.file.includes('\\') || w.file.startsWith('.')) {
    throw new DecodeError(`${name}: weights.file: expected a plain file name, got ${JSON.stringify(w.file)}`, 'weights.file');
  }
  if (w.dtype !== 'float32')
    throw new DecodeError(`${name}: weights.dtype: expected "float32", got ${JSON.stringify(w.dtype)}`, 'weights.dtype');
  if (w.byteOrder !== 'little')
    throw new DecodeError(`${name}: weights.byteOrder: expected "little", got ${JSON.stringify(w.byteOrder)}`, 'weights.byteOrder');
  if (typeof w.count !== 'number' || !Number.isInteger(w.count) || w.count < 0) {
    throw new DecodeError(`${name}: weights.count: expected a non-negative integer, got ${JSON.stringify(w.count)}`, 'weights.count');
  }
  return spec;
}

/** The model of model.json + weights.bin. */
export function loadModel(json: string | unknown, weights: Uint8Array, names: { json?: string; weights?: string } = {}): Sequential {
  const file = parseModelFile(json, names.json);
  let model: Sequential;
  try {
    model = modelFromSpec(file);
  } catch (err) {
    const e = err as Error & { arg?: string };
    throw new DecodeError(`${names.json ?? 'model.json'}: ${e.message}`, e.arg ?? 'model', { cause: err });
  }
  if (model.paramCount !== file.weights.count) {
    throw new DecodeError(
      `${names.json ?? 'model.json'}: weights.count is ${file.weights.count}, but the layers need ${model.paramCount} parameters`,
      'weights.count',
    );
  }
  model.params.set(decodeFloat32LE(weights, file.weights.count, names.weights ?? file.weights.file));
  for (let i = 0; i < model.params.length; i++) {
    if (!Number.isFinite(model.params[i]))
      throw new DecodeError(`${names.weights ?? file.weights.file}: parameter ${i} is ${model.params[i]}`, 'weights');
  }
  return model;
}

/** What a checkpoint records besides the parameters and the optimiser state. */
export interface CheckpointInfo {
  /** Epochs completed. */
  epoch: number;
  /** Anything the trainer needs to continue (seed, batch size, history…), JSON-able. */
  meta: Record<string, unknown>;
}

export interface Checkpoint extends CheckpointInfo {
  spec: ModelSpec;
  params: Float32Array;
  optimizer: OptimizerState & { lr: number };
}

const CK_MAGIC = 0x4b434c43; // 'CLCK' as a little-endian u32

/**
 * One file holding everything a resume needs, so it can be replaced atomically:
 * 'CLCK' | u32 version 1 | u32 json bytes | json (model spec, epoch, optimiser, meta) | pad to
 * 8 | params float32 LE | optimiser buffers float64 LE, one after another.
 */
export function encodeCheckpoint(model: Sequential, optimizer: Optimizer, info: CheckpointInfo): Uint8Array {
  const st = optimizer.state();
  const doc = {
    format: 'convolab-checkpoint',
    epoch: info.epoch,
    model: model.spec(),
    params: model.paramCount,
    optimizer: { type: st.type, step: st.step, lr: optimizer.lr, buffers: st.buffers.map((b) => b.length) },
    meta: info.meta,
  };
  const json = new TextEncoder().encode(JSON.stringify(doc));
  const head = Math.ceil((12 + json.length) / 8) * 8;
  const nOpt = st.buffers.reduce((a, b) => a + b.length, 0);
  const out = new Uint8Array(head + model.paramCount * 4 + nOpt * 8);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, CK_MAGIC, true);
  dv.setUint32(4, 1, true);
  dv.setUint32(8, json.length, true);
  out.set(json, 12);
  out.set(encodeFloat32LE(model.params), head);
  let at = head + model.paramCount * 4;
  for (const b of st.buffers) for (let i = 0; i < b.length; i++, at += 8) dv.setFloat64(at, b[i], true);
  return out;
}

export function decodeCheckpoint(bytes: Uint8Array, name = 'checkpoint.bin'): Checkpoint {
  const fail = (why: string): never => {
    throw new DecodeError(`${name}: ${why}`, name);
  };
  if (bytes.length < 12) fail(`truncated (${bytes.length} bytes)`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== CK_MAGIC || dv.getUint32(4, true) !== 1) fail('not a convolab checkpoint (bad magic or version)');
  const jsonLen = dv.getUint32(8, true);
  if (12 + jsonLen > bytes.length) fail('truncated header');
  let doc: {
    epoch: number;
    model: unknown;
    params: number;
    optimizer: { type: string; step: number; lr: number; buffers: number[] };
    meta: Record<string, unknown>;
  };
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLen)));
  } catch (cause) {
    throw new DecodeError(`${name}: corrupt header (${(cause as Error).message})`, name, { cause });
  }
  const spec = checkSpec(doc.model);
  const head = Math.ceil((12 + jsonLen) / 8) * 8;
  const nOpt = doc.optimizer.buffers.reduce((a, b) => a + b, 0);
  const need = head + doc.params * 4 + nOpt * 8;
  if (bytes.length !== need) fail(`expected ${need} bytes, got ${bytes.length}${bytes.length < need ? ' (truncated?)' : ''}`);
  const params = decodeFloat32LE(bytes.subarray(head, head + doc.params * 4), doc.params, name);
  let at = head + doc.params * 4;
  const buffers = doc.optimizer.buffers.map((len) => {
    const b = new Float64Array(len);
    for (let i = 0; i < len; i++, at += 8) b[i] = dv.getFloat64(at, true);
    return b;
  });
  return {
    epoch: doc.epoch,
    meta: doc.meta ?? {},
    spec,
    params,
    optimizer: { type: doc.optimizer.type, step: doc.optimizer.step, lr: doc.optimizer.lr, buffers },
  };
}
