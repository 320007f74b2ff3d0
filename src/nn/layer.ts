/**
 * What every layer is: a forward pass over a batch and, right beside it, the backward pass
 * that turns the gradient of the loss w.r.t. the output into the gradient w.r.t. the input
 * (and adds the gradients of its parameters into `param.grad`).
 */
import type { Rng } from '../core/rng.js';
import type { Floats, Tensor } from './tensor.js';

/** How a parameter is initialised (see init.ts). */
export type InitKind = 'he' | 'glorot' | 'zeros' | 'ones';

/** A parameter tensor; `value` / `grad` are views into the model's flat storage (model.ts). */
export interface Param {
  readonly name: string;
  readonly shape: number[];
  readonly init: InitKind;
  /** Fan-in and fan-out, for the He / Glorot scales. */
  readonly fanIn: number;
  readonly fanOut: number;
  /** False for running statistics (batch norm): saved, not optimised. */
  readonly trainable: boolean;
  value: Floats;
  grad: Floats;
}

export function param(name: string, shape: number[], init: InitKind, fanIn = 1, fanOut = 1, trainable = true): Param {
  const empty = new Float32Array(0);
  return { name, shape, init, fanIn, fanOut, trainable, value: empty, grad: empty };
}

export interface ForwardContext {
  /** Training mode: dropout drops, batch norm uses batch statistics and updates running ones. */
  readonly training: boolean;
  /** Source of randomness for dropout. */
  readonly rng: Rng;
  /** Whether training-mode batch norm updates its running statistics (default true; false on all but one worker). */
  readonly updateStats?: boolean;
}

/** The JSON description of a layer: `{ type, ...options }`. */
export type LayerSpec = { type: string } & Record<string, unknown>;

export abstract class Layer {
  abstract readonly type: string;
  /** Parameters, declared by build(). */
  params: Param[] = [];
  /** Per-sample input and output shapes (no batch axis), set by build(). */
  inShape: number[] = [];
  outShape: number[] = [];

  /** Declare the parameters for a per-sample input shape; returns the output shape. Throws ShapeError. */
  build(inShape: number[]): number[] {
    this.inShape = [...inShape];
    this.params = [];
    this.outShape = this.setup(inShape);
    return this.outShape;
  }

  protected abstract setup(inShape: number[]): number[];
  abstract forward(x: Tensor, ctx: ForwardContext): Tensor;
  /** dL/dx for dL/dy; adds into param grads. With needDx false the input gradient may be skipped (returns null). */
  abstract backward(dy: Tensor, needDx: boolean): Tensor | null;
  /** The JSON description that recreates this layer. */
  abstract spec(): LayerSpec;
}
