/**
 * A small JSON validator for recipes: each check takes the value and its JSON path
 * (`steps[1].options.sigma`) and throws an ArgumentError whose `arg` is that path, so every
 * complaint about a recipe says where in the file the problem is.
 */
import { ArgumentError } from '../core/errors.js';

/** The error for a bad recipe value: the message starts with the path (`(recipe)` for the root), `arg` is the path. */
export function recipeError(path: string, message: string): ArgumentError {
  const where = path || '(recipe)';
  return new ArgumentError(`${where}: ${message}`, where);
}

/** `JSON.stringify` for messages, short. */
export function show(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A plain object whose keys are all in `allowed` (an unknown key is an error naming it). */
export function object(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw recipeError(path, `expected an object, got ${show(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      const known = allowed.length ? `; expected ${allowed.join(', ')}` : '; this takes no options';
      throw recipeError(join(path, key), `unknown key${known}`);
    }
  }
  return value as Record<string, unknown>;
}

/** `path.key`, or `key` at the root. */
export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

export function array(value: unknown, path: string, minLength = 0): unknown[] {
  if (!Array.isArray(value)) throw recipeError(path, `expected an array, got ${show(value)}`);
  if (value.length < minLength) throw recipeError(path, `expected at least ${minLength} element(s), got ${value.length}`);
  return value;
}

export function string(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw recipeError(path, `expected a non-empty string, got ${show(value)}`);
  return value;
}

export function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw recipeError(path, `expected true or false, got ${show(value)}`);
  return value;
}

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

export function number(value: unknown, path: string, rule: NumberRule = {}): number {
  const { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY, integer = false } = rule;
  const kind = integer ? 'an integer' : 'a number';
  const range = Number.isFinite(min) && Number.isFinite(max) ? ` in ${min}..${max}` : Number.isFinite(min) ? ` >= ${min}` : '';
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    throw recipeError(path, `expected ${kind}${range}, got ${show(value)}`);
  }
  return value;
}

/** One of `choices`. */
export function oneOf<T extends string | number>(value: unknown, path: string, choices: readonly T[]): T {
  if (!(choices as readonly unknown[]).includes(value)) {
    throw recipeError(path, `expected one of ${choices.map((c) => JSON.stringify(c)).join(', ')}, got ${show(value)}`);
  }
  return value as T;
}

/** Runs `check` and rewrites a library ArgumentError into one naming the recipe path. */
export function wrap<T>(path: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof ArgumentError) {
      const arg = err.arg ? `${err.arg}: ` : '';
      const message = err.message.startsWith(arg) ? err.message.slice(arg.length) : err.message;
      throw recipeError(path, message);
    }
    throw err;
  }
}

/**
 * Runs a library call that validates several options at once and names the one at fault in its
 * error's `arg` (`cutoff`, `cutoff[0]`, `quality`): the error becomes one naming `optionsPath.arg`.
 * `rename` maps library argument names to recipe option names (`quality` → `jpegQuality`).
 */
export function wrapOptions<T>(optionsPath: string, check: () => T, rename: Record<string, string> = {}): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof ArgumentError) {
      const arg = err.arg ?? '';
      const key = arg.replace(/^[^[]+/, (name) => rename[name] ?? name);
      const message = err.message.startsWith(`${arg}: `) ? err.message.slice(arg.length + 2) : err.message;
      throw recipeError(key ? `${optionsPath}.${key}` : optionsPath, message);
    }
    throw err;
  }
}
