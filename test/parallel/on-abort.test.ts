import { describe, expect, it, vi } from 'vitest';
import { onAbort } from '../../src/parallel/on-abort.js';

describe('onAbort', () => {
  it('onAbort(signal, fn) calls every fn once on abort, except cancelled ones', () => {
    const controller = new AbortController();
    const calls: number[] = [];
    const cancels = [0, 1, 2].map((i) => onAbort(controller.signal, () => calls.push(i)));
    cancels[1]();
    controller.abort();
    controller.abort();
    expect(calls).toEqual([0, 2]);
  });

  it('onAbort(signal, fn) 50 times adds one listener, removed when all are cancelled', () => {
    const controller = new AbortController();
    const add = vi.spyOn(controller.signal, 'addEventListener');
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    const cancels = Array.from({ length: 50 }, () => onAbort(controller.signal, () => {}));
    expect(add).toHaveBeenCalledTimes(1);
    for (const cancel of cancels) cancel();
    expect(remove).toHaveBeenCalledTimes(1);
    const fn = vi.fn();
    onAbort(controller.signal, fn);
    expect(add).toHaveBeenCalledTimes(2);
    controller.abort();
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
