import { describe, expect, it } from 'vitest';
import { spawnNodeWorker } from '../../src/parallel/node-endpoint.js';
import { isNode, platformSpawn } from '../../src/parallel/platform.js';

describe('platformSpawn', () => {
  it('isNode() is true here and platformSpawn() is spawnNodeWorker', () => {
    expect(isNode()).toBe(true);
    expect(platformSpawn()).toBe(spawnNodeWorker);
  });
});
