/** `convolab kernels [--json]` through the built CLI: every library kernel, its parameters and description. */
import { beforeAll, describe, expect, it } from 'vitest';
import { KERNELS } from '../../src/filters/index.js';
import { cli, ensureBuilt } from './helpers.js';

beforeAll(ensureBuilt);

describe('convolab kernels', () => {
  it('kernels --json lists every KERNELS entry with params, description and a working example spec', () => {
    const r = cli(['kernels', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { kernels } = JSON.parse(r.stdout);
    expect(kernels.map((k: { name: string }) => k.name)).toEqual(Object.keys(KERNELS));
    const gaussian = kernels.find((k: { name: string }) => k.name === 'gaussian');
    expect(gaussian).toEqual({
      name: 'gaussian',
      params: 'SIGMA',
      description: KERNELS.gaussian.description,
      example: 'gaussian:2',
      shape: [17, 17],
    });
    expect(kernels.find((k: { name: string }) => k.name === 'sobel')).toMatchObject({ params: '', example: 'sobel', shape: [3, 3] });
    expect(kernels.find((k: { name: string }) => k.name === 'box')).toMatchObject({ example: 'box:5', shape: [5, 5] });
  });

  it('kernels prints one line per kernel: spec then description', () => {
    const r = cli(['kernels']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('  '));
    expect(lines).toHaveLength(Object.keys(KERNELS).length);
    expect(r.stdout).toMatch(/ {2}gaussian:SIGMA +Gaussian blur of standard deviation SIGMA/);
    expect(r.stdout).toMatch(/ {2}box\[:N\] +N×N mean/);
    expect(r.stdout).toMatch(/ {2}gabor:SIGMA,THETA,LAMBDA\[,GAMMA\[,PSI\]\] +Gabor/);
  });

  it('kernels with an argument is a usage error (exit 2)', () => {
    expect(cli(['kernels', 'extra']).code).toBe(2);
  });
});
