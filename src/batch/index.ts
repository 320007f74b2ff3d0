/**
 * Batch processing: recipes (validated step lists with an output pattern), the step registry and
 * one item's processing, all browser-safe. The Node runners — local (worker pool, journal,
 * resumable) and distributed (BullMQ on Redis) — are in `./node/`.
 */
export { checkPattern, outputName } from './output-name.js';
export { type Processed, processBytes, recipeOf } from './process.js';
export { canonicalJson, DEFAULT_PATTERN, parseRecipe, parseRecipeText, RECIPE_VERSION, type Recipe, type RecipeJson } from './recipe.js';
export type { Item, OutputFormat, Step } from './step.js';
export { STEPS } from './steps/index.js';
