import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/core/errors.js';
import { inlineContext, type TaskContext } from '../../src/parallel/task.js';
import { crash, echo, fail, iota, scale, sleep, sum, trap } from '../../src/parallel/test-tasks.js';

function sharedOf(values: number[]): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(8 * values.length);
  new Float64Array(buffer).set(values);
  return buffer;
}

describe('test tasks', () => {
  it('echo(x) is x', () => {
    const x = { a: 1 };
    expect(echo(x)).toBe(x);
  });

  it('sum({ buffer, start: 1, end: 3 }) of [1, 2, 4, 8] is 6', () => {
    expect(sum({ buffer: sharedOf([1, 2, 4, 8]), start: 1, end: 3 })).toBe(6);
  });

  it('scale({ buffer, start: 2, end: 4, factor: 10 }) scales that range in place', () => {
    const buffer = sharedOf([1, 2, 4, 8]);
    expect(scale({ buffer, start: 2, end: 4, factor: 10 })).toBe(2);
    expect(Array.from(new Float64Array(buffer))).toEqual([1, 2, 40, 80]);
  });

  it('iota({ n: 3 }, ctx) is [0, 1, 2] and marks its buffer for transfer', () => {
    const transferred: Transferable[] = [];
    const ctx: TaskContext = { ...inlineContext('iota'), transfer: (...o) => void transferred.push(...o) };
    const out = iota({ n: 3 }, ctx);
    expect(Array.from(out)).toEqual([0, 1, 2]);
    expect(transferred).toEqual([out.buffer]);
  });

  it('sleep({ ms: 30 }) resolves with 30 after about 30 ms', async () => {
    const t0 = performance.now();
    expect(await sleep({ ms: 30 })).toBe(30);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
  });

  it("fail({ kind: 'argument' }) throws an ArgumentError naming x; kind 'type' a TypeError", () => {
    expect(() => fail({ kind: 'argument' })).toThrow(new ArgumentError('x: expected a positive number, got -1', 'x'));
    expect(() => fail({ kind: 'type' })).toThrow(TypeError);
  });

  it('crash({ code: 4 }, ctx) calls ctx.exit(4)', () => {
    const codes: number[] = [];
    const ctx: TaskContext = {
      ...inlineContext('crash'),
      exit: (code): never => {
        codes.push(code);
        throw new Error('ended');
      },
    };
    expect(() => crash({ code: 4 }, ctx)).toThrow('ended');
    expect(() => crash(undefined, ctx)).toThrow('ended');
    expect(codes).toEqual([4, 3]);
  });

  it('trap() throws a WebAssembly.RuntimeError: unreachable', () => {
    expect(() => trap()).toThrow(WebAssembly.RuntimeError);
    expect(() => trap()).toThrow('unreachable');
  });
});
