/**
 * Stable ids: a recipe's key (SHA-256 of its canonical JSON) and an item's id (hash of the recipe
 * key and the input's absolute path). The same input under the same recipe always gets the same
 * id, so the journal can skip it and BullMQ can refuse a second copy of its job.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type RecipeJson } from '../recipe.js';

export function recipeKey(json: RecipeJson): string {
  return createHash('sha256').update(canonicalJson(json)).digest('hex');
}

/** `b` + 32 hex digits (never all digits, which BullMQ would take for its own numeric ids). */
export function itemId(key: string, inputPath: string): string {
  return `b${createHash('sha256').update(`${key}\n${inputPath}`).digest('hex').slice(0, 32)}`;
}
