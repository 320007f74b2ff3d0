/**
 * The pool task `batch.process`: one item's bytes through a recipe on a worker thread. The input
 * bytes are transferred in and the output bytes transferred back (nothing is copied twice).
 */
import type { TaskContext } from '../parallel/task.js';
import { type Processed, processBytes, recipeOf } from './process.js';
import type { RecipeJson } from './recipe.js';

export interface ProcessArgs {
  bytes: Uint8Array;
  recipe: RecipeJson;
  name: string;
}

export function processTask(args: ProcessArgs, ctx: TaskContext): Processed {
  const result = processBytes(args.bytes, recipeOf(args.recipe), args.name);
  if (result.bytes.byteOffset === 0 && result.bytes.byteLength === result.bytes.buffer.byteLength) {
    ctx.transfer(result.bytes.buffer as ArrayBuffer);
  }
  return result;
}
