import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '../../lab/src/chapters.js';
import { chapterNav } from '../../lab/src/page.js';

describe('chapterNav(slug, pages)', () => {
  it('chapterNav("convolution", []) has no prev and chapter 2 (not open) as next', () => {
    const nav = chapterNav('convolution', []);
    expect(nav.chapter.number).toBe(1);
    expect(nav.prev).toBeUndefined();
    expect(nav.next).toEqual({ chapter: CHAPTERS[1], open: false });
  });

  it('chapterNav("diffusion", ["correlation"]) links chapter 4 (open) and 6 (coming soon)', () => {
    const nav = chapterNav('diffusion', ['correlation']);
    expect(nav.chapter.title).toBe('Diffusion');
    expect(nav.prev).toEqual({ chapter: CHAPTERS[3], open: true });
    expect(nav.next).toEqual({ chapter: CHAPTERS[5], open: false });
  });

  it('chapterNav("search") is the last chapter; an unknown slug throws a RangeError naming slug', () => {
    expect(chapterNav('search', []).next).toBeUndefined();
    expect(() => chapterNav('fourier', [])).toThrow(/slug: expected one of convolution, theorem, .*, got "fourier"/);
  });

  it('CHAPTERS lists the eight chapters numbered 1..8 with distinct slugs', () => {
    expect(CHAPTERS.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(CHAPTERS.map((c) => c.slug)).size).toBe(8);
  });
});
