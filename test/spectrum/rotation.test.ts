import { describe, expect, it } from 'vitest';
import { axialDistance } from '../../src/spectrum/orientation.js';
import { rotate } from '../../src/spectrum/rotate.js';
import { rotationBetween } from '../../src/spectrum/rotation.js';
import { grating, noiseImage, sample } from './helpers.js';

describe('rotationBetween(a, b)', () => {
  // 0..179 in steps of 13, plus small turns; the answer is axial (θ ≡ θ + 180°), reported in (−90, 90]
  const angles = [...Array.from({ length: 14 }, (_, i) => 13 * i), 2, 5, 179];

  for (const name of ['astronaut.png', 'brick.png', 'chelsea.png', 'coffee.png', 'rocket.jpg']) {
    it(`rotationBetween(${name}, rotate(${name}, θ)) is within 2° of θ for θ in 0..179`, () => {
      const img = sample(name);
      for (const a of angles) {
        const r = rotationBetween(img, rotate(img, a));
        expect(axialDistance(r.angle, a), `θ = ${a}, got ${r.angle}`).toBeLessThan(2);
        expect(r.angle > -90 && r.angle <= 90).toBe(true);
        expect(r.score).toBeGreaterThan(0.5);
      }
    });
  }

  it('rotationBetween(grating, rotate(grating, θ)) is within 0.2° (strongly oriented: doubled-angle moments)', () => {
    const g = grating(128, 128, 30, 0.2);
    for (const a of [-70, -40, -13, 5, 22, 40, 63, 85]) expect(Math.abs(rotationBetween(g, rotate(g, a)).angle - a)).toBeLessThan(0.2);
  });

  it('rotationBetween(a, a) is 0 with score 1', () => {
    const a = sample('chelsea.png');
    const r = rotationBetween(a, a);
    expect(Math.abs(r.angle)).toBeLessThan(1e-9);
    expect(r.score).toBeCloseTo(1, 9);
  });

  it('rotationBetween(a, b, { band: [0.3, 0.1] }) throws naming band', () => {
    const a = noiseImage(1, 32, 32);
    expect(() => rotationBetween(a, a, { band: [0.3, 0.1] })).toThrow(/band: expected \[lo, hi\]/);
  });
});
