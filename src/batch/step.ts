/**
 * What a recipe step is. Each step is one small adapter file in `steps/` that validates its
 * options (naming the JSON path of a bad one) and calls the library; `steps/index.ts` lists them.
 * Steps run in a worker (a pool thread or a BullMQ sandbox), so they are plain, browser-safe code.
 */
import type { NDArray } from '../core/ndarray.js';

/** The file format an item is written in at the end of the pipeline. */
export type OutputFormat = 'png' | 'npy';

/** What flows from step to step: one image and how it will be written. */
export interface Item {
  /** `[C, H, W]` float32 on the 0..255 scale, C = 1..4. */
  image: NDArray<'float32'>;
  format: OutputFormat;
  /** PNG bit depth (ignored for `.npy`). */
  bitDepth: 8 | 16;
  /** Per-item measurements a step reports (snake_case keys, e.g. `psnr`, `matches`); kept in the journal. */
  info?: ItemInfo;
}

/** JSON-able per-item results. */
export type ItemInfo = Record<string, unknown>;

/** What a step may use while validating its options: reading the files it names (Node only). */
export interface StepEnv {
  /** The bytes of a file; absent where there is no file system (a browser). */
  readFile?(path: string): Uint8Array;
  /** Resolves a file option as written in the recipe (relative to the recipe file) to an absolute path. */
  resolvePath?(path: string): string;
}

export interface Step<O = unknown> {
  name: string;
  /** One line for docs and errors. */
  summary: string;
  /** Option names with one line each (docs, the list of allowed keys). */
  options: Readonly<Record<string, string>>;
  /** Option keys whose values are file paths (resolved against the recipe's folder before `parse`). */
  files?: readonly string[];
  /** Validates the raw JSON options; errors name `path` + the key (`steps[1].options.sigma`). */
  parse(options: Record<string, unknown>, path: string, env?: StepEnv): O;
  /** The format this step makes the item's output, when it decides one (known before any work). */
  outputFormat?(options: O): OutputFormat | undefined;
  /** Runs the step on one item; `name` (the input file) is for error messages. */
  apply(item: Item, options: O, name: string): Item;
}
