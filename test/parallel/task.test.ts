import { describe, expect, it } from 'vitest';
import { ArgumentError, WorkerError } from '../../src/core/errors.js';
import { inlineContext, runTask, type TaskTable } from '../../src/parallel/task.js';

const table: TaskTable = {
  add: ({ a, b }: { a: number; b: number }) => a + b,
  later: async ({ ms }: { ms: number }) => new Promise((r) => setTimeout(() => r(ms), ms)),
  inline: (_args, ctx) => ctx.inline,
};

describe('runTask', () => {
  it("runTask(table, 'add', { a: 2, b: 3 }, ctx) is 5; async tasks are awaited", async () => {
    expect(await runTask(table, 'add', { a: 2, b: 3 }, inlineContext('add'))).toBe(5);
    expect(await runTask(table, 'later', { ms: 5 }, inlineContext('later'))).toBe(5);
    expect(await runTask(table, 'inline', undefined, inlineContext('inline'))).toBe(true);
  });

  it("runTask(table, 'toString', …) is an unknown task: an ArgumentError naming task", async () => {
    await expect(runTask(table, 'toString', {}, inlineContext('toString'))).rejects.toBeInstanceOf(ArgumentError);
    await expect(runTask(table, 'mul', {}, inlineContext('mul'))).rejects.toThrow("task: no task named 'mul' (known: add, later, inline)");
  });
});

describe('inlineContext', () => {
  it("inlineContext('t').exit(1) throws a WorkerError instead of ending the thread", () => {
    expect(() => inlineContext('t').exit(1)).toThrow(WorkerError);
  });
});
