import { describe, expect, it } from 'vitest';
import { tasks } from '../../src/parallel/tasks.js';

describe('tasks', () => {
  it('tasks lists the test.* tasks, each a function', () => {
    for (const name of ['test.echo', 'test.sum', 'test.scale', 'test.iota', 'test.sleep', 'test.throw', 'test.crash', 'test.trap']) {
      expect(typeof tasks[name]).toBe('function');
    }
    for (const [name, task] of Object.entries(tasks)) {
      expect(name).toMatch(/^[a-z0-9]+\.[a-zA-Z0-9.]+$/);
      expect(typeof task).toBe('function');
    }
  });
});
