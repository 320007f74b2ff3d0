/** The two pages of chapter 5 (diffusion, random-convolution); their controls come from controls.ts. */
import { tabs as tabsOf } from '../../controls.js';

export const PAGES = [
  ['diffusion', 'Convolution as diffusion'],
  ['random-convolution', 'Convolution as a random process'],
] as const;

export const tabs = (current: (typeof PAGES)[number][0]): HTMLElement => tabsOf(PAGES, current);
