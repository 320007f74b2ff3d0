import { describe, expect, it } from 'vitest';
import { IMAGES_CPU, loadTf, makeStep, prepareTfjsW8 } from '../../../src/bench/anchors/tfjs-w8.js';

describe('prepareTfjsW8', () => {
  it("prepareTfjsW8('cpu', 100, 1) times IMAGES_CPU-image steps and scales them to 100 x 64 images", async () => {
    const a = await prepareTfjsW8('cpu', 100, 1);
    expect(a.scale).toBe((100 * 64) / IMAGES_CPU);
    expect(a.runtime).toMatch(/cpu backend.*extrapolated/);
    const loss = a.call() as number;
    expect(loss).toBeGreaterThan(1.5); // ~ln 10 for random labels at He initialisation
    expect(loss).toBeLessThan(4);
  }, 60_000);

  it("prepareTfjsW8('wasm', 3, 1) times batches of 64 with the convolutions routed through Conv3D (no Conv2DBackpropFilter)", async () => {
    const a = await prepareTfjsW8('wasm', 3, 1);
    expect(a.scale).toBe(3);
    expect(a.runtime).toMatch(/wasm backend \(no Conv2DBackpropFilter: convolutions via Conv3D, depth 1\); extrapolated/);
    const loss = a.call() as number;
    expect(loss).toBeGreaterThan(1.5);
    expect(loss).toBeLessThan(4);
  }, 60_000);
});

describe('makeStep', () => {
  it("makeStep(tf, 1, 9, 'conv3d') takes the same steps as makeStep(tf, 1, 9, 'conv2d') (the same network and data)", async () => {
    const tf = await loadTf('cpu');
    const a = makeStep(tf, 1, 9, 'conv2d');
    const b = makeStep(tf, 1, 9, 'conv3d');
    for (let i = 0; i < 2; i++) expect(b()).toBeCloseTo(a(), 4);
  }, 60_000);

  it("makeStep(tf, 1, 3, 'conv3d') trains the reference net on the WASM backend: Adam 1e-3 memorises one image within 6 steps", async () => {
    const tf = await loadTf('wasm');
    const step = makeStep(tf, 1, 3, 'conv3d');
    const losses = Array.from({ length: 6 }, () => step());
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[5]).toBeLessThan(0.5 * losses[0]);
  }, 60_000);
});
