/**
 * One item done by a distributed worker, start to finish: read the input, run the recipe, write
 * the output atomically (an identical existing output counts as done, so a redelivered job is
 * harmless).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { IOError } from '../../core/errors.js';
import { processBytes, recipeOf } from '../process.js';
import type { RecipeJson } from '../recipe.js';
import type { ItemInfo } from '../step.js';
import { writeOutput } from './output.js';

/** What a job carries (BullMQ job data: plain JSON). */
export interface JobData {
  /** Absolute input path (on storage every worker sees). */
  input: string;
  /** Absolute output folder. */
  outDir: string;
  /** Output name relative to `outDir`. */
  output: string;
  recipe: RecipeJson;
  force: boolean;
}

export interface JobResult {
  output: string;
  /** `written`, or `same` when an identical output was already there (a redelivery). */
  outcome: 'written' | 'same';
  /** What the steps measured (e.g. `psnr`), if anything. */
  info?: ItemInfo;
}

export async function processItem(data: JobData): Promise<JobResult> {
  const recipe = recipeOf(data.recipe);
  const bytes = await readFile(data.input).catch((err: Error) => {
    throw new IOError(`${data.input}: cannot read (${err.message})`, data.input, { cause: err });
  });
  if (resolve(data.outDir, data.output) === resolve(data.input)) {
    throw new IOError(`${data.input}: the output would overwrite the input; change "output"`, 'output');
  }
  const result = processBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), recipe, data.input);
  const outcome = await writeOutput(data.outDir, data.output, result.bytes, data.force);
  return { output: data.output, outcome, ...(result.info ? { info: result.info } : {}) };
}
