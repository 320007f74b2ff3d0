/** Convolutional networks: layers, losses, optimisers, training, saving. */
export { type Augment, checkDataset, type Dataset, fillBatch, fromImageDataset, permutation, shareDataset } from './data.js';
export { type GridOptions, stackRows, tileGrid } from './grid.js';
export { type ConvGeom, col2im, im2col } from './im2col.js';
export { initParam } from './init.js';
export { type ForwardContext, type InitKind, Layer, type LayerSpec, type Param } from './layer.js';
export * from './layers/index.js';
export { type LossResult, mse, softmax, softmaxCrossEntropy } from './loss.js';
export { type MatMulFlags, type MatMulPlan, matmul } from './matmul.js';
export { checkSpec, type ModelOptions, type ModelSpec, modelFromSpec, Sequential } from './model.js';
export { Adam, type AdamOptions, AdamW, type Optimizer, type OptimizerState, SGD, type SGDOptions } from './optim.js';
export { plotHistory } from './plot.js';
export { PRESETS, type PresetName, presetSpec } from './presets.js';
export { cosineSchedule, type Schedule, stepSchedule } from './schedule.js';
export {
  type Checkpoint,
  type CheckpointInfo,
  decodeCheckpoint,
  decodeFloat32LE,
  encodeCheckpoint,
  encodeFloat32LE,
  loadModel,
  type ModelFile,
  parseModelFile,
  type SavedModel,
  saveModel,
} from './serialize.js';
export { Buffer as TensorBuffer, type Floats, type NNDType, type Tensor, tensor } from './tensor.js';
export { type BatchInfo, type EpochInfo, type Evaluation, evaluate, type FitOptions, fit, type History } from './train.js';
