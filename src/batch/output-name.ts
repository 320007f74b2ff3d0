/**
 * Output names from a pattern: `{dir}` (the input's folder relative to the input root, '' at
 * the root), `{stem}` (file name without extension), `{name}` (file name) and `{ext}` (`png` or
 * `npy`, from the recipe's output format). Names are relative to the output folder, `/`-separated.
 */
import { recipeError } from './schema.js';

const PLACEHOLDERS = ['dir', 'stem', 'name', 'ext'];

/** Validates `pattern` (at JSON path `path`) and returns it. */
export function checkPattern(pattern: string, path: string): string {
  for (const m of pattern.matchAll(/\{([^}]*)\}/g)) {
    if (!PLACEHOLDERS.includes(m[1])) {
      throw recipeError(path, `unknown placeholder {${m[1]}} in ${JSON.stringify(pattern)}; expected {${PLACEHOLDERS.join('}, {')}}`);
    }
  }
  if (!pattern.includes('{stem}') && !pattern.includes('{name}')) {
    throw recipeError(path, `${JSON.stringify(pattern)} must contain {stem} or {name}, or every input would get the same name`);
  }
  if (pattern.startsWith('/') || pattern.split(/[\\/]/).includes('..')) {
    throw recipeError(path, `${JSON.stringify(pattern)} must stay inside the output folder (no leading / and no ..)`);
  }
  return pattern;
}

/** The output name of the input `rel` (a relative, `/`-separated path) under `pattern`. */
export function outputName(pattern: string, rel: string, ext: string): string {
  const parts = rel.split('/');
  const name = parts.pop() ?? rel;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const values: Record<string, string> = { dir: parts.join('/'), stem, name, ext };
  const text = pattern.replace(/\{(dir|stem|name|ext)\}/g, (_, key: string) => values[key]);
  return text
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');
}
