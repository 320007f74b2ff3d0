import { describe, expect, it } from 'vitest';
import { modelFromSpec } from '../../src/nn/model.js';
import { Adam } from '../../src/nn/optim.js';
import { presetSpec } from '../../src/nn/presets.js';
import {
  decodeCheckpoint,
  decodeFloat32LE,
  encodeCheckpoint,
  encodeFloat32LE,
  loadModel,
  parseModelFile,
  saveModel,
} from '../../src/nn/serialize.js';

describe('saveModel / loadModel', () => {
  it('loadModel(saveModel(m)) restores the description and every weight bit for bit', () => {
    const m = modelFromSpec({ ...presetSpec('strong'), classes: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] }, { seed: 4 });
    const saved = saveModel(m);
    expect(saved.weights.length).toBe(m.paramCount * 4);
    const back = loadModel(saved.json, saved.weights);
    expect(back.spec()).toEqual(m.spec());
    expect([...back.params]).toEqual([...m.params]);
    expect(back.classes?.[9]).toBe('j');
  });

  it('encodeFloat32LE writes little-endian float32', () => {
    const b = encodeFloat32LE(new Float32Array([1, -2.5]));
    expect([...b]).toEqual([0, 0, 0x80, 0x3f, 0, 0, 0x20, 0xc0]);
    expect([...decodeFloat32LE(b, 2)]).toEqual([1, -2.5]);
  });

  it('loadModel with truncated weights names the weights file', () => {
    const saved = saveModel(modelFromSpec(presetSpec('reference')));
    expect(() => loadModel(saved.json, saved.weights.subarray(0, 100), { weights: 'w.bin' })).toThrow(
      /w\.bin: expected 738344 bytes .* got 100 \(truncated\?\)/,
    );
  });

  it('loadModel names the failing path of a schema violation', () => {
    const saved = saveModel(modelFromSpec(presetSpec('reference')));
    const doc = JSON.parse(saved.json);
    doc.layers[3].filters = -1;
    expect(() => loadModel(JSON.stringify(doc), saved.weights)).toThrow(/layers\[3\]\.filters: expected a positive integer, got -1/);
    doc.layers[3] = { type: 'conv3d' };
    expect(() => loadModel(JSON.stringify(doc), saved.weights)).toThrow(/layers\[3\]\.type: expected one of conv2d/);
    expect(() => parseModelFile({ ...JSON.parse(saved.json), inputShape: [1, 0, 28] })).toThrow(
      /inputShape\[1\]: expected a positive integer/,
    );
    expect(() =>
      parseModelFile({ ...JSON.parse(saved.json), weights: { file: '../x', dtype: 'float32', byteOrder: 'little', count: 1 } }),
    ).toThrow(/weights\.file/);
    expect(() => loadModel('{"format": "convolab-model", ', saved.weights, { json: 'm.json' })).toThrow(/m\.json: not valid JSON/);
  });

  it('loadModel refuses a weights count that does not fit the layers, and NaN weights', () => {
    const saved = saveModel(modelFromSpec(presetSpec('reference')));
    const doc = JSON.parse(saved.json);
    doc.weights.count = 10;
    expect(() => loadModel(JSON.stringify(doc), saved.weights)).toThrow(/weights\.count is 10, but the layers need 184586/);
    const w = saved.weights.slice();
    w.set(encodeFloat32LE(new Float32Array([Number.NaN])), 8);
    expect(() => loadModel(saved.json, w)).toThrow(/parameter 2 is NaN/);
  });

  it('loadModel reports a model that does not fit its input shape', () => {
    const saved = saveModel(modelFromSpec(presetSpec('reference')));
    const doc = JSON.parse(saved.json);
    doc.inputShape = [1, 8, 8];
    expect(() => loadModel(JSON.stringify(doc), saved.weights)).toThrow(/layers\[3\] \(conv2d\)|does not fit the input/);
  });
});

describe('encodeCheckpoint / decodeCheckpoint', () => {
  it('decodeCheckpoint(encodeCheckpoint(…)) restores params, optimizer state, epoch and meta', () => {
    const m = modelFromSpec(presetSpec('reference'), { seed: 2 });
    const opt = new Adam(m, { lr: 0.002 });
    m.grads.fill(0.01);
    opt.step();
    const bytes = encodeCheckpoint(m, opt, { epoch: 2, meta: { seed: 7 } });
    const ck = decodeCheckpoint(bytes);
    expect(ck.epoch).toBe(2);
    expect(ck.meta).toEqual({ seed: 7 });
    expect(ck.spec).toEqual(m.spec());
    expect([...ck.params]).toEqual([...m.params]);
    expect(ck.optimizer.step).toBe(1);
    expect(ck.optimizer.lr).toBe(0.002);
    expect(ck.optimizer.buffers[1][5]).toBe(opt.state().buffers[1][5]);
  });

  it('decodeCheckpoint refuses truncated and foreign files', () => {
    const m = modelFromSpec(presetSpec('reference'));
    const bytes = encodeCheckpoint(m, new Adam(m), { epoch: 1, meta: {} });
    expect(() => decodeCheckpoint(bytes.subarray(0, bytes.length - 8), 'ck.bin')).toThrow(
      /ck\.bin: expected \d+ bytes, got \d+ \(truncated\?\)/,
    );
    expect(() => decodeCheckpoint(new Uint8Array(64), 'ck.bin')).toThrow(/not a convolab checkpoint/);
  });
});
