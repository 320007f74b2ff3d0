/**
 * Learning-rate schedules: the rate for epoch `e` (0-based), as PyTorch's StepLR and
 * CosineAnnealingLR compute them per epoch.
 */
import { ArgumentError } from '../core/errors.js';

export type Schedule = (epoch: number) => number;

/** lr * gamma^floor(epoch / stepSize) */
export function stepSchedule(lr: number, stepSize: number, gamma = 0.1): Schedule {
  if (!Number.isInteger(stepSize) || stepSize < 1)
    throw new ArgumentError(`stepSize: expected a positive integer, got ${stepSize}`, 'stepSize');
  return (epoch) => lr * gamma ** Math.floor(epoch / stepSize);
}

/** minLr + (lr - minLr) (1 + cos(pi epoch / epochs)) / 2 */
export function cosineSchedule(lr: number, epochs: number, minLr = 0): Schedule {
  if (!Number.isInteger(epochs) || epochs < 1) throw new ArgumentError(`epochs: expected a positive integer, got ${epochs}`, 'epochs');
  return (epoch) => minLr + ((lr - minLr) * (1 + Math.cos((Math.PI * Math.min(epoch, epochs)) / epochs))) / 2;
}
