/**
 * Landing page: the hero (a sample photo and its Sobel edge map, computed in a module worker)
 * and the chapter cards. When the edge map is drawn, #hero gets data-edges="done".
 */
import './styles.css';
import { CHAPTERS, type Chapter } from './chapters.js';
import { ImageCanvas } from './components/image-canvas.js';
import { LabWorker } from './lab-worker.js';
import { SAMPLES } from './samples.js';

function chapterCard(chapter: Chapter, pages: readonly string[]): HTMLLIElement {
  const open = pages.includes(chapter.slug);
  const li = document.createElement('li');
  li.className = `card${open ? ' card--open' : ''}`;
  li.dataset.chapter = chapter.slug;
  li.innerHTML = `
    <div class="card__head"><span class="card__number">${chapter.number}</span><span class="card__status"></span></div>
    <h3 class="card__title"></h3>
    <p class="card__summary"></p>
    <ul class="card__tags"></ul>`;
  const title = li.querySelector('.card__title')!;
  if (open) {
    const a = document.createElement('a');
    a.href = `/chapters/${chapter.slug}.html`;
    a.textContent = chapter.title;
    title.append(a);
  } else {
    title.textContent = chapter.title;
  }
  li.querySelector('.card__status')!.textContent = open ? 'open →' : 'coming soon';
  li.querySelector('.card__summary')!.textContent = chapter.summary;
  li.querySelector('.card__tags')!.append(
    ...chapter.tags.map((t) => {
      const tag = document.createElement('li');
      tag.textContent = t;
      return tag;
    }),
  );
  return li;
}

function renderChapters(): void {
  const list = document.getElementById('chapters')!;
  list.replaceChildren(...CHAPTERS.map((c) => chapterCard(c, __LAB_PAGES__)));
}

function renderStatus(): void {
  const el = document.getElementById('runtime-status')!;
  const isolated = globalThis.crossOriginIsolated === true;
  el.textContent = `${isolated ? 'cross-origin isolated' : 'not isolated'} · ${navigator.hardwareConcurrency || 1} threads`;
  el.classList.toggle('is-ok', isolated);
}

function startHero(): void {
  const hero = document.getElementById('hero')!;
  const caption = document.getElementById('hero-caption')!;
  const photo = new ImageCanvas({ label: 'Photo', zoomControls: false });
  const edges = new ImageCanvas({ label: 'Sobel edge magnitude', colormap: 'magma', zoomControls: false });
  edges.canvas.id = 'hero-edges';
  document.getElementById('hero-images')!.append(photo.element, edges.element);

  const worker = new LabWorker();
  const picker = document.getElementById('sample-picker')!;
  let latest = '';
  const run = async (file: string) => {
    latest = file;
    hero.dataset.edges = 'pending';
    for (const b of picker.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.file === file));
    try {
      const { image, result, ms } = await worker.run({ op: 'edges', url: `/samples/${file}` });
      if (latest !== file) return;
      photo.draw(image);
      // Clip the colour scale at the 99th percentile so a few strong edges do not wash out the rest.
      const sorted = Float32Array.from(result.data).sort();
      edges.draw(result, { range: [0, sorted[Math.floor(sorted.length * 0.99)] || 1] });
      const [h, w] = result.shape;
      caption.textContent = `Sobel gradient magnitude of a ${w}×${h} photo, computed in a Web Worker in ${ms.toFixed(1)} ms. Hover to read values.`;
      hero.dataset.edges = 'done';
    } catch (err) {
      if (latest !== file) return;
      hero.dataset.edges = 'error';
      caption.textContent = `Could not compute the edge map: ${(err as Error).message}`;
    }
  };
  for (const sample of SAMPLES) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = sample.name;
    button.dataset.file = sample.file;
    button.addEventListener('click', () => void run(sample.file));
    picker.append(button);
  }
  void run(SAMPLES[0].file);
}

renderStatus();
renderChapters();
startHero();
