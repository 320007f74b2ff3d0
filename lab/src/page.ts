/**
 * Chrome shared by chapter pages: the top bar (brand, chapter n of 8, isolation status) and a
 * footer with the previous / next chapters. A chapter page calls it once:
 *
 *   import '../styles.css';
 *   import { mountChapterPage } from '../page.js';
 *   const { main } = mountChapterPage('theorem');   // then append the chapter's content to `main`
 */
import { CHAPTERS, type Chapter } from './chapters.js';

export interface ChapterNav {
  chapter: Chapter;
  /** The neighbouring chapters, and whether their pages exist yet. */
  prev?: { chapter: Chapter; open: boolean };
  next?: { chapter: Chapter; open: boolean };
}

/** Where chapter `slug` sits: itself and its neighbours. Throws a RangeError for an unknown slug. */
export function chapterNav(slug: string, pages: readonly string[]): ChapterNav {
  const index = CHAPTERS.findIndex((c) => c.slug === slug);
  if (index < 0) throw new RangeError(`slug: expected one of ${CHAPTERS.map((c) => c.slug).join(', ')}, got ${JSON.stringify(slug)}`);
  const near = (c: Chapter | undefined) => (c ? { chapter: c, open: pages.includes(c.slug) } : undefined);
  return { chapter: CHAPTERS[index], prev: near(CHAPTERS[index - 1]), next: near(CHAPTERS[index + 1]) };
}

function link(chapter: Chapter | undefined, rel: 'prev' | 'next', pages: readonly string[]): HTMLElement {
  const span = document.createElement('span');
  if (!chapter) return span;
  const label = `${rel === 'prev' ? '← ' : ''}${chapter.number}. ${chapter.title}${rel === 'next' ? ' →' : ''}`;
  if (!pages.includes(chapter.slug)) {
    span.textContent = `${label} (coming soon)`;
    span.className = 'chapter-nav__soon';
    return span;
  }
  const a = document.createElement('a');
  a.href = `/chapters/${chapter.slug}.html`;
  a.rel = rel;
  a.textContent = label;
  return a;
}

/** Build the page chrome around the body's content and return the `<main>` to fill. */
export function mountChapterPage(slug: string, pages: readonly string[] = __LAB_PAGES__): { chapter: Chapter; main: HTMLElement } {
  const { chapter, prev, next } = chapterNav(slug, pages);
  document.title = `${chapter.number}. ${chapter.title} · convolab lab`;

  const header = document.createElement('header');
  header.className = 'topbar';
  header.innerHTML = `<a class="brand" href="/"><span class="brand__mark" aria-hidden="true"></span>convolab <span class="brand__sub">lab</span></a>
    <span class="topbar__status"></span>`;
  const status = header.querySelector('.topbar__status')!;
  status.textContent = `chapter ${chapter.number} of ${CHAPTERS.length} · ${globalThis.crossOriginIsolated ? 'cross-origin isolated' : 'not isolated'}`;

  const main = document.createElement('main');
  main.className = 'page chapter';
  const h1 = document.createElement('h1');
  h1.textContent = `${chapter.number}. ${chapter.title}`;
  const lede = document.createElement('p');
  lede.className = 'section-lede';
  lede.textContent = chapter.summary;
  main.append(h1, lede);

  const footer = document.createElement('footer');
  footer.className = 'footer chapter-nav';
  footer.append(link(prev?.chapter, 'prev', pages), link(next?.chapter, 'next', pages));

  document.body.prepend(header, main);
  document.body.append(footer);
  return { chapter, main };
}
