import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { processorUrl } from '../../../src/batch/node/worker.js';

describe('processorUrl', () => {
  it('processorUrl(module) is the sibling processor.js when built, dist/ when running from src/', () => {
    expect(processorUrl('file:///pkg/dist/batch/node/worker.js').href).toBe('file:///pkg/dist/batch/node/processor.js');
    const fromSrc = processorUrl(new URL('../../../src/batch/node/worker.ts', import.meta.url).href);
    expect(fromSrc.pathname.endsWith('/dist/batch/node/processor.js')).toBe(true);
    expect(existsSync(fileURLToPath(fromSrc))).toBe(true);
    expect(() => processorUrl('file:///nowhere/src/batch/node/worker.ts')).toThrow(/npm run build:ts/);
  });
});
