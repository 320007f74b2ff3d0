import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/core/errors.js';
import { NDArray } from '../../src/core/ndarray.js';
import { defaultStep, diffuse, diffusionFrames, maxStableStep } from '../../src/diffusion/diffuse.js';
import { mass } from '../../src/diffusion/field.js';
import { tank } from '../../src/diffusion/tank.js';
import { relContrastError } from './golden.js';

const METHODS = ['explicit', 'exact', 'spectral'] as const;
const WALLS = ['reflect', 'wrap'] as const;

/** cos(2π k x / W) along x (periodic mode k), or cos(π k (2x + 1) / 2W) (Neumann mode k). */
function mode(H: number, W: number, k: number, kind: 'periodic' | 'neumann'): NDArray<'float64'> {
  const u = new NDArray('float64', [H, W]);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      u.data[y * W + x] =
        100 + 50 * (kind === 'periodic' ? Math.cos((2 * Math.PI * k * x) / W) : Math.cos((Math.PI * k * (2 * x + 1)) / (2 * W)));
    }
  }
  return u;
}

/** The amplitude of mode k in row 0: the projection (2/W) Σ (u − 100)·cos(…). */
function amplitude(u: NDArray, k: number, kind: 'periodic' | 'neumann'): number {
  const W = u.shape[1];
  let s = 0;
  for (let x = 0; x < W; x++) {
    const c = kind === 'periodic' ? Math.cos((2 * Math.PI * k * x) / W) : Math.cos((Math.PI * k * (2 * x + 1)) / (2 * W));
    s += (u.data[x] - 100) * c;
  }
  return (2 * s) / W;
}

describe('diffuse', () => {
  it('diffuse(tank, { method, boundary }) conserves mass to 1e-12 (reflect and wrap, every method, float64)', () => {
    const u = tank({ size: 48, blocks: 6, seed: 5 });
    const m0 = mass(u);
    for (const method of METHODS) {
      for (const boundary of WALLS) {
        for (const t of [0.3, 7, 60]) {
          const v = diffuse(u, { D: 0.8, t, method, boundary });
          expect(Math.abs(mass(v) - m0) / m0, `${method} ${boundary} t=${t}`).toBeLessThan(1e-12);
        }
      }
    }
  });

  it("diffuse(cos mode, { method: 'spectral' | 'exact' }) decays it by exp(−4π²D t f²)", () => {
    const D = 1.5;
    const t = 4;
    const W = 64;
    for (const [kind, boundary, f] of [
      ['periodic', 'wrap', 3 / W],
      ['neumann', 'reflect', 3 / (2 * W)],
    ] as const) {
      const u = mode(4, W, 3, kind);
      const want = 50 * Math.exp(-4 * Math.PI ** 2 * D * t * f * f);
      expect(amplitude(diffuse(u, { D, t, method: 'spectral', boundary }), 3, kind)).toBeCloseTo(want, 10);
      expect(amplitude(diffuse(u, { D, t, method: 'exact', boundary }), 3, kind)).toBeCloseTo(want, 10);
    }
  });

  it("diffuse(cos mode, { method: 'explicit', dt }) decays it by (1 − 4 D dt sin²(π f))^steps", () => {
    const u = mode(3, 40, 2, 'periodic');
    const v = diffuse(u, { D: 2, t: 3, method: 'explicit', boundary: 'wrap', dt: 0.1 }); // 30 steps, r = 0.2
    expect(amplitude(v, 2, 'periodic')).toBeCloseTo(50 * (1 - 4 * 0.2 * Math.sin((Math.PI * 2) / 40) ** 2) ** 30, 11);
  });

  it('diffuse(tank, …) — exact, spectral and explicit agree within the stated tolerances over D·t = 0.5 … 128', () => {
    // error measure: ‖a − b‖₂ / ‖b − mean b‖₂ on a tank of sharp-edged compartments (the hardest case).
    // exact vs spectral: they differ only by aliasing of the sampled Gaussian, ≤ 2·exp(−π² D t);
    // explicit vs spectral: the 5-point stencil's O(h²) error at the edges, measured ≤ 0.03/√(Dt); stated 0.05/√(Dt).
    const u = tank({ size: 64, blocks: 8, seed: 3 });
    for (const boundary of WALLS) {
      for (const Dt of [0.5, 2, 8, 32, 128]) {
        const sp = diffuse(u, { D: 1, t: Dt, method: 'spectral', boundary }).data;
        const ex = diffuse(u, { D: 1, t: Dt, method: 'exact', boundary }).data;
        const xp = diffuse(u, { D: 1, t: Dt, method: 'explicit', boundary }).data;
        expect(relContrastError(ex, sp), `exact ${boundary} Dt=${Dt}`).toBeLessThan(Math.max(2 * Math.exp(-(Math.PI ** 2) * Dt), 1e-12));
        expect(relContrastError(xp, sp), `explicit ${boundary} Dt=${Dt}`).toBeLessThan(0.05 / Math.sqrt(Dt));
      }
    }
  });

  it('diffuse(u, { dt }) refuses an unstable explicit step, naming the largest stable one', () => {
    const u = tank({ size: 8, blocks: 2 });
    expect(maxStableStep(2)).toBe(0.125);
    expect(() => diffuse(u, { D: 2, t: 1, method: 'explicit', dt: 0.2 })).toThrow(ArgumentError);
    expect(() => diffuse(u, { D: 2, t: 1, method: 'explicit', dt: 0.2 })).toThrow('the largest stable step is dt = 0.125');
    expect(() => diffuse(u, { D: 2, t: 1, method: 'explicit', dt: 0.125 })).not.toThrow();
  });

  it('diffuse(checkerboard, explicit) — the default step (≤ 1/(5D)) damps it; dt = 1/(4D) is only marginally stable', () => {
    const u = new NDArray(
      'float64',
      [8, 8],
      Float64Array.from({ length: 64 }, (_, i) => 100 + 50 * (-1) ** ((i >> 3) + (i & 7))),
    );
    expect(defaultStep(1)).toBe(0.2);
    const damped = diffuse(u, { D: 1, t: 2, method: 'explicit', boundary: 'wrap' }); // 10 steps, factor 1 − 8·0.2 = −0.6 each
    expect(damped.data[0] - 100).toBeCloseTo(50 * 0.6 ** 10, 10);
    const stuck = diffuse(u, { D: 1, t: 2, method: 'explicit', boundary: 'wrap', dt: 0.25 }); // factor −1: 8 steps, back where it was
    expect(stuck.data[0] - 100).toBeCloseTo(50, 10);
  });

  it('diffuse refuses bad D, t, method and the spectral method with an absorbing wall', () => {
    const u = tank({ size: 8, blocks: 2 });
    expect(() => diffuse(u, { D: 0, t: 1 })).toThrow(/D: expected/);
    expect(() => diffuse(u, { D: 1, t: -1 })).toThrow(/t: expected/);
    expect(() => diffuse(u, { D: 1, t: 1, method: 'magic' as never })).toThrow(/method/);
    expect(() => diffuse(u, { D: 1, t: 1, boundary: 'constant' })).toThrow(/spectral/);
  });

  it('diffuse([C, H, W] float32, …) keeps shape and dtype; t = 0 is the identity', () => {
    const u = new NDArray(
      'float32',
      [2, 6, 7],
      Float32Array.from({ length: 84 }, (_, i) => i % 11),
    );
    const v = diffuse(u, { D: 1, t: 2, method: 'exact' });
    expect(v.dtype).toBe('float32');
    expect(v.shape).toEqual([2, 6, 7]);
    for (const method of METHODS) expect([...diffuse(u, { D: 1, t: 0, method }).data]).toEqual([...u.data]);
  });
});

describe('diffusionFrames', () => {
  it('diffusionFrames(u, { frames: 5 }) yields t = 0, t/4, …, t; the first is u, the last is diffuse(u, t)', () => {
    const u = tank({ size: 32, blocks: 4, seed: 1 });
    for (const method of METHODS) {
      const frames = [...diffusionFrames(u, { D: 1, t: 8, frames: 5, method })];
      expect(frames.map((f) => f.t)).toEqual([0, 2, 4, 6, 8]);
      expect([...frames[0].field.data]).toEqual([...u.data]);
      const last = diffuse(u, { D: 1, t: 8, method });
      expect(relContrastError(frames[4].field.data, last.data)).toBeLessThan(method === 'explicit' ? 1e-12 : 1e-10);
      for (const f of frames) expect(Math.abs(f.mass - mass(u)) / mass(u)).toBeLessThan(1e-12);
    }
    expect(() => diffusionFrames(u, { D: 1, t: 1, frames: 1 }).next()).toThrow(/frames/);
  });
});
