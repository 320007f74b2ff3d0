import { describe, expect, it } from 'vitest';
import type { TaskReply } from '../../src/parallel/protocol.js';
import { serve } from '../../src/parallel/worker-serve.js';

/** Runs serve() on this thread and collects what it posts. */
async function served(task: string, args: unknown, post?: (reply: TaskReply) => void) {
  const posted: Array<[TaskReply, Transferable[]]> = [];
  const ended: Array<[number, number]> = [];
  await serve(
    { id: 7, task, args },
    (reply, transfer) => {
      post?.(reply);
      posted.push([reply, transfer]);
    },
    (id, code) => void ended.push([id, code]),
  );
  return { posted, ended };
}

describe('serve', () => {
  it("serve({ id, task: 'test.echo', args }, post, end) posts the result with the request's id", async () => {
    const { posted, ended } = await served('test.echo', [1, 2]);
    expect(posted).toEqual([[{ id: 7, type: 'result', result: [1, 2] }, []]]);
    expect(ended).toEqual([]);
  });

  it("serve(… 'test.iota' …) posts the transfer list the task asked for", async () => {
    const { posted } = await served('test.iota', { n: 2 });
    const [reply, transfer] = posted[0];
    expect(reply.type).toBe('result');
    expect(transfer).toEqual([(reply as { result: Float64Array }).result.buffer]);
  });

  it("serve(… 'test.throw' …) posts the serialized error", async () => {
    const { posted } = await served('test.throw', { kind: 'argument' });
    expect(posted[0][0]).toMatchObject({ id: 7, type: 'error', error: { name: 'ArgumentError', arg: 'x', trap: false } });
  });

  it("serve(… 'test.crash' …) ends the thread and posts nothing", async () => {
    const { posted, ended } = await served('test.crash', { code: 9 });
    expect(ended).toEqual([[7, 9]]);
    expect(posted).toEqual([]);
  });

  it('serve(…) whose result cannot be posted posts a WorkerError instead', async () => {
    let first = true;
    const { posted } = await served('test.echo', 1, () => {
      if (first) {
        first = false;
        throw new DOMException('could not be cloned', 'DataCloneError');
      }
    });
    expect(posted).toHaveLength(1);
    expect(posted[0][0]).toMatchObject({
      type: 'error',
      error: { name: 'WorkerError', message: "task 'test.echo' returned a result that cannot be sent back: could not be cloned" },
    });
  });
});
