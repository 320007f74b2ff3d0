/**
 * A batch recipe: an ordered list of steps with their options, an output naming pattern and a
 * pixel limit. `parseRecipe` validates the whole recipe before any work starts; every error is
 * an ArgumentError whose `arg` (and message prefix) is the JSON path of the problem.
 *
 * ```json
 * { "version": 1,
 *   "steps": [{ "step": "filter", "options": { "kernel": "gaussian:2" } },
 *             { "step": "convert", "options": { "color": "gray" } }],
 *   "output": "{dir}/{stem}-blur.{ext}",
 *   "maxPixels": 20000000 }
 * ```
 */
import { DEFAULT_MAX_PIXELS } from '../io/image.js';
import { checkPattern } from './output-name.js';
import { array, join, number, object, recipeError, show, string } from './schema.js';
import type { OutputFormat, Step, StepEnv } from './step.js';
import { STEPS } from './steps/index.js';

export const RECIPE_VERSION = 1;
export const DEFAULT_PATTERN = '{dir}/{stem}.{ext}';

/** A recipe as written (JSON), after validation: defaults filled in, keys in a fixed order. */
export interface RecipeJson {
  version: number;
  steps: { step: string; options: Record<string, unknown> }[];
  output: string;
  maxPixels: number;
}

/** A validated recipe, ready to run. */
export interface Recipe {
  /** The normalized JSON (send this to workers; its canonical text keys the journal and job ids). */
  json: RecipeJson;
  steps: { step: Step; options: unknown }[];
  /** The output file format after the last step. */
  format: OutputFormat;
}

/**
 * Validates a recipe (already parsed from JSON). `env` lets steps read the files they name; file
 * options are resolved with `env.resolvePath` and stored resolved in `json`.
 */
export function parseRecipe(value: unknown, env: StepEnv = {}): Recipe {
  const root = object(value, '', ['version', 'steps', 'output', 'maxPixels']);
  if (root.version !== undefined && root.version !== RECIPE_VERSION) {
    throw recipeError('version', `expected ${RECIPE_VERSION}, got ${show(root.version)}`);
  }
  const rawSteps = array(root.steps, 'steps', 1);
  const steps = rawSteps.map((raw, i) => parseStep(raw, join('steps', i), env));
  let format: OutputFormat = 'png';
  for (const { step, options } of steps) format = step.outputFormat?.(options) ?? format;
  const output = root.output === undefined ? DEFAULT_PATTERN : checkPattern(string(root.output, 'output'), 'output');
  if (!output.includes('{ext}') && !output.toLowerCase().endsWith(`.${format}`)) {
    throw recipeError('output', `${show(output)} should end in .{ext} or .${format} (the recipe writes ${format})`);
  }
  const maxPixels = root.maxPixels === undefined ? DEFAULT_MAX_PIXELS : number(root.maxPixels, 'maxPixels', { min: 1, integer: true });
  const json: RecipeJson = {
    version: RECIPE_VERSION,
    steps: steps.map(({ step, raw }) => ({ step: step.name, options: raw })),
    output,
    maxPixels,
  };
  return { json, steps: steps.map(({ step, options }) => ({ step, options })), format };
}

function parseStep(raw: unknown, path: string, env: StepEnv): { step: Step; options: unknown; raw: Record<string, unknown> } {
  const o = object(raw, path, ['step', 'options']);
  const name = string(o.step, join(path, 'step'));
  const step = Object.hasOwn(STEPS, name) ? STEPS[name] : undefined;
  if (step === undefined) {
    throw recipeError(join(path, 'step'), `unknown step ${show(name)}; expected one of ${Object.keys(STEPS).join(', ')}`);
  }
  const optionsPath = join(path, 'options');
  const options = { ...object(o.options ?? {}, optionsPath, Object.keys(step.options)) };
  for (const key of step.files ?? []) {
    if (typeof options[key] === 'string' && env.resolvePath) options[key] = env.resolvePath(options[key] as string);
  }
  return { step, options: step.parse(options, optionsPath, env), raw: options };
}

/** Parses recipe text (a file's contents); a JSON syntax error names `file`. */
export function parseRecipeText(text: string, file = 'recipe', env: StepEnv = {}): Recipe {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw recipeError(file, `not valid JSON (${(err as Error).message})`);
  }
  return parseRecipe(value, env);
}

/** The recipe's canonical text: JSON with object keys sorted (equal recipes, equal text). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
