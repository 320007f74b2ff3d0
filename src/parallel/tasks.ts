/**
 * The task table: every job a worker can run, by name. Worker entries (node-worker.ts,
 * browser-worker.ts) and the inline pool import it; `pool.run(name, args)` runs `tasks[name]`.
 *
 * To add a task, add one line `'<area>.<name>': (args, ctx) => fn(args, ctx),` and import `fn`
 * from the leaf module that defines it (not from an area's index.ts, which may import the pool
 * and make a cycle). Arguments and results are structured-cloned; pass large arrays as
 * SharedArrayBuffers, or return them with `ctx.transfer(buffer)`.
 *
 * Node workers run the built file (dist/parallel/tasks.js): rebuild (`npm run build:ts`) after
 * adding a task.
 */

import * as conv1d from '../conv/task1d.js';
import * as conv from '../conv/task2d.js';
import * as diffusion from '../diffusion/sample-task.js';
import * as fft from '../fft/task.js';
import * as match from '../match/tasks.js';
import type { TaskTable } from './task.js';
import * as test from './test-tasks.js';

export const tasks: TaskTable = {
  'test.echo': (args) => test.echo(args),
  'test.sum': (args) => test.sum(args),
  'test.scale': (args) => test.scale(args),
  'test.iota': (args, ctx) => test.iota(args, ctx),
  'test.sleep': (args) => test.sleep(args),
  'test.throw': (args) => test.fail(args),
  'test.crash': (args, ctx) => test.crash(args, ctx),
  'test.trap': () => test.trap(),
  'match.rows': (args) => match.rowsTask(args),
  'match.cols': (args) => match.colsTask(args),
  'match.scores': (args) => match.scoresTask(args),
  'nn.grad': async (args) => (await import('../nn/tasks.js')).gradTask(args), // loaded on first use: workers start lean
  'nn.eval': async (args) => (await import('../nn/tasks.js')).evalTask(args),
  'search.knn': async (args) => (await import('../search/tasks.js')).knnTask(args),
  'search.eval': async (args) => (await import('../search/tasks.js')).evalTask(args),
  'batch.process': async (args, ctx) => (await import('../batch/task.js')).processTask(args, ctx),
  'conv.rows2d': (args) => conv.rows2dTask(args),
  'conv.tiles2d': (args) => conv.tiles2dTask(args),
  'conv.os1d': (args) => conv1d.os1dTask(args),
  'diffusion.sampleRows': (args) => diffusion.sampleRowsTask(args),
  'fft.ndStep': (args) => fft.ndStepTask(args),
};
