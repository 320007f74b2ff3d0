import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelFromSpec } from '../../src/nn/model.js';
import { Adam, AdamW, type Optimizer, SGD } from '../../src/nn/optim.js';
import { cosineSchedule, stepSchedule } from '../../src/nn/schedule.js';

const g = JSON.parse(readFileSync(join(import.meta.dirname, '../golden/nn/optimizers.json'), 'utf8'));

/** A model with exactly 7 parameters (dense 3 -> 1 plus bias = 4, dense 1 -> 1 + bias = 2 ... use dense 6 -> 1). */
function sevenParams() {
  const m = modelFromSpec(
    { format: 'convolab-model', version: 1, inputShape: [6], layers: [{ type: 'dense', units: 1 }] },
    { dtype: 'float64' },
  );
  m.params.set(g.params);
  return m;
}

const MAKE: Record<string, (m: ReturnType<typeof sevenParams>, o: Record<string, number | boolean>) => Optimizer> = {
  sgd: (m, o) => new SGD(m, { lr: o.lr as number }),
  sgd_momentum_wd: (m, o) => new SGD(m, { lr: o.lr as number, momentum: o.momentum as number, weightDecay: o.weight_decay as number }),
  sgd_nesterov: (m, o) => new SGD(m, { lr: o.lr as number, momentum: o.momentum as number, nesterov: true }),
  adam: (m, o) => new Adam(m, { lr: o.lr as number, weightDecay: o.weight_decay as number }),
  adamw: (m, o) => new AdamW(m, { lr: o.lr as number, weightDecay: o.weight_decay as number }),
};

describe('optimizers (torch.optim golden steps)', () => {
  for (const [name, c] of Object.entries(g.cases) as Array<[string, { options: Record<string, number | boolean>; steps: number[][] }]>) {
    it(`${name}.step() x3 matches torch.optim`, () => {
      const m = sevenParams();
      const opt = MAKE[name](m, c.options);
      c.steps.forEach((want, i) => {
        m.grads.set(g.grads[i]);
        opt.step();
        for (let j = 0; j < 7; j++) expect(m.params[j]).toBeCloseTo(want[j], 6);
      });
    });
  }

  it('Adam.state() / load() resumes to the same parameters', () => {
    const a = sevenParams();
    const oa = new Adam(a, { lr: 0.01 });
    const b = sevenParams();
    const ob = new Adam(b, { lr: 0.01 });
    for (let i = 0; i < 2; i++) {
      a.grads.set(g.grads[i]);
      oa.step();
    }
    b.params.set(a.params);
    ob.load(oa.state());
    a.grads.set(g.grads[2]);
    b.grads.set(g.grads[2]);
    oa.step();
    ob.step();
    expect([...b.params]).toEqual([...a.params]);
  });

  it('new SGD(model, { nesterov: true }) without momentum is refused', () => {
    expect(() => new SGD(sevenParams(), { lr: 0.1, nesterov: true })).toThrow(/nesterov/);
  });
});

describe('schedules (torch.optim.lr_scheduler golden values)', () => {
  it('stepSchedule(0.1, 3, 0.5) matches StepLR', () => {
    const s = g.schedules.step;
    const f = stepSchedule(s.lr, s.step_size, s.gamma);
    s.lrs.forEach((lr: number, e: number) => {
      expect(f(e)).toBeCloseTo(lr, 12);
    });
  });

  it('cosineSchedule(0.1, 5, 0.001) matches CosineAnnealingLR', () => {
    const s = g.schedules.cosine;
    const f = cosineSchedule(s.lr, s.epochs, s.min_lr);
    s.lrs.forEach((lr: number, e: number) => {
      expect(f(e)).toBeCloseTo(lr, 10);
    });
  });

  it('stepSchedule(0.1, 0) names stepSize', () => {
    expect(() => stepSchedule(0.1, 0)).toThrow(/stepSize/);
  });
});

describe('moments of parameters whose gradient stays 0', () => {
  const subnormal = (x: number) => x !== 0 && Math.abs(x) < 2.2250738585072014e-308;
  for (const [name, make] of [
    ['Adam', (m: ReturnType<typeof sevenParams>) => new Adam(m, { lr: 1e-3 })],
    ['SGD momentum 0.9', (m: ReturnType<typeof sevenParams>) => new SGD(m, { lr: 1e-3, momentum: 0.9 })],
  ] as const) {
    it(`${name}.step() x 8000 with a zero gradient after the first flushes the decayed moments to 0 instead of leaving them subnormal`, () => {
      const m = sevenParams();
      const opt = make(m);
      m.grads.set(g.grads[0]);
      opt.step();
      m.grads.fill(0);
      // 0.9^t · 1e-1 enters the subnormals near t = 6,700 and, unflushed, sticks at the smallest ones
      for (let t = 0; t < 8000; t++) opt.step();
      const moments = opt.state().buffers;
      expect(moments.some((b) => b.some(subnormal))).toBe(false);
      expect(Array.from(moments[0]).every((x) => x === 0)).toBe(true); // Adam m / SGD velocity: decayed to exactly 0
    });
  }
});
