/** The bundled sample photographs, served at /samples/ (see samples/SOURCES.md). */
export const SAMPLES = [
  { file: 'chelsea.png', name: 'cat' },
  { file: 'astronaut.png', name: 'astronaut' },
  { file: 'coffee.png', name: 'coffee' },
  { file: 'brick.png', name: 'brick' },
  { file: 'rocket.jpg', name: 'rocket' },
] as const;
