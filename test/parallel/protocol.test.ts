import { describe, expect, it } from 'vitest';
import { AbortError, ArgumentError, ShapeError, WorkerError } from '../../src/core/errors.js';
import { deserializeError, serializeError, taskError } from '../../src/parallel/protocol.js';

function trapError(): Error {
  try {
    // (module (func (export "f") unreachable))
    const bytes = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11];
    const instance = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes)));
    (instance.exports.f as () => void)();
  } catch (e) {
    return e as Error;
  }
  throw new Error('no trap');
}

describe('serializeError', () => {
  it('serializeError(new ShapeError(m, arg)) keeps name, message, code and arg', () => {
    const s = serializeError(new ShapeError('kernel: rank 3, expected 2', 'kernel'));
    expect(s).toMatchObject({ name: 'ShapeError', message: 'kernel: rank 3, expected 2', code: 'E_SHAPE', arg: 'kernel', trap: false });
    expect(typeof s.stack).toBe('string');
    expect(structuredClone(s)).toEqual(s);
  });

  it('serializeError(wasm trap) marks trap; serializeError("text") wraps a non-Error', () => {
    expect(serializeError(trapError())).toMatchObject({ name: 'RuntimeError', message: 'unreachable', trap: true });
    expect(serializeError('text')).toMatchObject({ name: 'Error', message: 'text', code: undefined, trap: false });
  });
});

describe('deserializeError', () => {
  it('deserializeError(serializeError(e)) rebuilds convolab errors as their class', () => {
    const back = deserializeError(serializeError(new ArgumentError('sigma: expected > 0, got -1', 'sigma')), 't');
    expect(back).toBeInstanceOf(ArgumentError);
    expect(back).toMatchObject({ message: 'sigma: expected > 0, got -1', arg: 'sigma', code: 'E_ARGUMENT' });
    expect(deserializeError(serializeError(new WorkerError('w')), 't')).toBeInstanceOf(WorkerError);
    expect(deserializeError(serializeError(new AbortError()), 't')).toBeInstanceOf(AbortError);
  });

  it('deserializeError(e) goes by code, so a minified class name does not matter', () => {
    const minified = { ...serializeError(new ShapeError('x: bad', 'x')), name: 'o' };
    expect(deserializeError(minified, 't')).toBeInstanceOf(ShapeError);
  });

  it('deserializeError(other) is a WorkerError naming the task, with the remote error as cause', () => {
    const back = deserializeError(serializeError(new RangeError('bad length')), 'fft.batch');
    expect(back).toBeInstanceOf(WorkerError);
    expect(back.message).toBe("task 'fft.batch' threw: RangeError: bad length");
    expect((back.cause as Error).name).toBe('RangeError');
    expect(deserializeError(serializeError(trapError()), 'x').message).toBe("task 'x' trapped: RuntimeError: unreachable");
  });
});

describe('taskError', () => {
  it('taskError(e, task) matches deserializeError(serializeError(e), task)', () => {
    const shape = new ShapeError('a', 'b');
    expect(taskError(shape, 't')).toBe(shape);
    for (const e of [new TypeError('x'), trapError(), 'plain']) {
      expect(taskError(e, 't').message).toBe(deserializeError(serializeError(e), 't').message);
    }
  });
});
