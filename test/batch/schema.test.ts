import { describe, expect, it } from 'vitest';
import { array, join, number, object, oneOf, string, wrap } from '../../src/batch/schema.js';
import { ArgumentError } from '../../src/core/errors.js';

describe('schema', () => {
  it('join(path, key) builds JSON paths', () => {
    expect(join('', 'steps')).toBe('steps');
    expect(join('steps', 2)).toBe('steps[2]');
    expect(join('steps[2]', 'options')).toBe('steps[2].options');
  });

  it('object(value, path, allowed) names an unknown key by its path', () => {
    expect(object({ a: 1 }, 'x', ['a', 'b'])).toEqual({ a: 1 });
    expect(() => object({ c: 1 }, 'x', ['a'])).toThrow('x.c: unknown key; expected a');
    expect(() => object([], 'x', [])).toThrow('x: expected an object, got []');
  });

  it('number(value, path, rule) checks type, range and integrality', () => {
    expect(number(2.5, 'n', { min: 0 })).toBe(2.5);
    expect(() => number('2', 'n')).toThrow('n: expected a number, got "2"');
    expect(() => number(0, 'n', { min: 1, integer: true })).toThrow('n: expected an integer >= 1, got 0');
    expect(() => number(1.5, 'n', { min: 1, max: 9, integer: true })).toThrow('n: expected an integer in 1..9, got 1.5');
  });

  it('string / array / oneOf name the path', () => {
    expect(() => string('', 's')).toThrow('s: expected a non-empty string');
    expect(() => array({}, 'a')).toThrow('a: expected an array');
    expect(() => oneOf('c', 'o', ['a', 'b'])).toThrow('o: expected one of "a", "b", got "c"');
  });

  it('wrap(path, fn) rewrites a library ArgumentError to name the path', () => {
    let caught: unknown;
    try {
      wrap('steps[0].options.kernel', () => {
        throw new ArgumentError('kernel: unknown kernel "blurr"', 'kernel');
      });
    } catch (err) {
      caught = err;
    }
    expect((caught as ArgumentError).arg).toBe('steps[0].options.kernel');
    expect((caught as ArgumentError).message).toBe('steps[0].options.kernel: unknown kernel "blurr"');
  });
});
