import { describe, expect, it } from 'vitest';
import { InFlight } from '../../../src/batch/node/in-flight.js';

/** A promise with its resolve / reject at hand. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('InFlight', () => {
  it('InFlight(2).room() waits while 2 tasks run and resumes when one settles', async () => {
    const window = new InFlight(2);
    const [a, b] = [deferred(), deferred()];
    window.add(a.promise);
    await window.room(); // 1 < 2: at once
    window.add(b.promise);
    let resumed = false;
    const waiting = window.room().then(() => (resumed = true));
    await tick();
    expect([resumed, window.active]).toEqual([false, 2]);
    b.resolve();
    await waiting;
    expect([resumed, window.active]).toEqual([true, 1]);
    a.resolve();
    await window.drain();
    expect(window.active).toBe(0);
  });

  it('InFlight(3).drain() resolves after the last of 5 tasks settles, keeping at most 3 in flight', async () => {
    const window = new InFlight(3);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    for (let i = 0; i < 5; i++) {
      running++;
      most = Math.max(most, running);
      window.add(
        new Promise<void>((r) => setTimeout(r, 5 * (5 - i))).then(() => {
          running--;
          order.push(i);
        }),
      );
      await window.room();
    }
    await window.drain();
    expect([most, running, order.length]).toEqual([3, 0, 5]);
  });

  it('InFlight(2).room() and drain() rethrow the first rejection after it settles', async () => {
    const window = new InFlight(2);
    const [a, b] = [deferred(), deferred()];
    window.add(a.promise);
    window.add(b.promise);
    const waiting = window.room();
    a.reject(new Error('disk full'));
    await expect(waiting).rejects.toThrow('disk full');
    b.reject(new Error('second'));
    await expect(window.drain()).rejects.toThrow('disk full');
  });
});
