/** Helpers shared by the frequency-domain chapters' browser tests (test/lab/{frequency,filtering,compression}.test.ts). */
import type { Page } from 'playwright-core';

/** How many times #fd-root has finished drawing. */
export const runsOf = (page: Page) => page.$eval('#fd-root', (el) => Number((el as HTMLElement).dataset.runs ?? 0));

/** Wait until #fd-root has drawn at least n times and is idle. */
export const waitRuns = (page: Page, n: number) =>
  page.waitForFunction((k) => {
    const el = document.getElementById('fd-root')!;
    return el.dataset.state === 'done' && Number(el.dataset.runs) >= k;
  }, n);

/** Set a range input and fire `input`, as dragging does. */
export async function setRange(page: Page, selector: string, value: number): Promise<void> {
  await page.$eval(
    selector,
    (el, v) => {
      const input = el as HTMLInputElement;
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

/** A canvas's pixels as a data URL (to tell whether a redraw changed it). */
export const pixels = (page: Page, selector: string) => page.$eval(selector, (c) => (c as HTMLCanvasElement).toDataURL());

export const readout = (page: Page) => page.$eval('#fd-readout', (el) => el.textContent ?? '');
