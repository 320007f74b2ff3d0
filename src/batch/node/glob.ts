/**
 * Glob patterns for `--input`: `*` (within a name), `?`, `[abc]`, `{png,jpg}` and `**` (any number
 * of folders). `splitGlob` separates the folder to walk from the pattern to match below it.
 */

const GLOB_CHARS = /[*?[{]/;

export function isGlob(spec: string): boolean {
  return GLOB_CHARS.test(spec);
}

/** `photos/2024/**\/*.png` → base `photos/2024`, pattern `**\/*.png`. */
export function splitGlob(spec: string): { base: string; pattern: string } {
  const parts = spec.split('/');
  const first = parts.findIndex((p) => GLOB_CHARS.test(p));
  if (first < 0) return { base: spec, pattern: '' };
  const base = parts.slice(0, first).join('/');
  return { base: base === '' && spec.startsWith('/') ? '/' : base || '.', pattern: parts.slice(first).join('/') };
}

/** A RegExp matching `/`-separated relative paths against `pattern`. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      re += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const body = pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = pattern.indexOf('}', i + 1);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${pattern
          .slice(i + 1, end)
          .split(',')
          .map((s) => s.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
          .join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\\]}]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
