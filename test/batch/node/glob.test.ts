import { describe, expect, it } from 'vitest';
import { globToRegExp, isGlob, splitGlob } from '../../../src/batch/node/glob.js';

describe('glob', () => {
  it('isGlob(spec) / splitGlob(spec) separate the folder to walk from the pattern', () => {
    expect(isGlob('photos/')).toBe(false);
    expect(isGlob('photos/*.png')).toBe(true);
    expect(splitGlob('photos/2024/**/*.png')).toEqual({ base: 'photos/2024', pattern: '**/*.png' });
    expect(splitGlob('*.jpg')).toEqual({ base: '.', pattern: '*.jpg' });
    expect(splitGlob('/data/{a,b}/*.png')).toEqual({ base: '/data', pattern: '{a,b}/*.png' });
  });

  it('globToRegExp(pattern) matches *, ?, [..], {..} and **', () => {
    const m = (p: string, s: string) => globToRegExp(p).test(s);
    expect(m('*.png', 'a.png')).toBe(true);
    expect(m('*.png', 'sub/a.png')).toBe(false);
    expect(m('**/*.png', 'a.png')).toBe(true);
    expect(m('**/*.png', 'x/y/a.png')).toBe(true);
    expect(m('img?.{png,jpg}', 'img1.jpg')).toBe(true);
    expect(m('img?.{png,jpg}', 'img12.jpg')).toBe(false);
    expect(m('img[0-4].png', 'img3.png')).toBe(true);
    expect(m('img[!0-4].png', 'img3.png')).toBe(false);
    expect(m('a+b.png', 'a+b.png')).toBe(true);
    expect(m('a.png', 'aXpng')).toBe(false);
  });
});
