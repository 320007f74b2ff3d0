/** Slugs of the chapter pages present at build time (lab/chapters/<slug>.html), set by lab/vite.config.ts. */
declare const __LAB_PAGES__: string[];
