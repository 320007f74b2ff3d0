import { describe, expect, it } from 'vitest';
import { checkPattern, outputName } from '../../src/batch/output-name.js';

describe('outputName', () => {
  it('outputName(pattern, rel, ext) fills {dir} {stem} {name} {ext}', () => {
    expect(outputName('{dir}/{stem}.{ext}', 'a/b/photo.jpg', 'png')).toBe('a/b/photo.png');
    expect(outputName('{dir}/{stem}.{ext}', 'photo.jpg', 'npy')).toBe('photo.npy');
    expect(outputName('edges/{name}.{ext}', 'x/photo.jpg', 'png')).toBe('edges/photo.jpg.png');
    expect(outputName('{stem}-blur.png', 'x/y.tar.png', 'png')).toBe('y.tar-blur.png');
    expect(outputName('{stem}.{ext}', '.hidden', 'png')).toBe('.hidden.png');
  });
});

describe('checkPattern', () => {
  it('checkPattern(pattern) refuses unknown placeholders, constant names and escapes', () => {
    expect(checkPattern('{dir}/{stem}.{ext}', 'output')).toBe('{dir}/{stem}.{ext}');
    expect(() => checkPattern('{stem}.{format}', 'output')).toThrow(/output: unknown placeholder \{format\}/);
    expect(() => checkPattern('out.png', 'output')).toThrow(/must contain \{stem\} or \{name\}/);
    expect(() => checkPattern('../{stem}.png', 'output')).toThrow(/inside the output folder/);
    expect(() => checkPattern('/tmp/{stem}.png', 'output')).toThrow(/inside the output folder/);
  });
});
