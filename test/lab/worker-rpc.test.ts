/**
 * lab/src/worker-rpc.ts in Node: serveWorker on one end of a MessageChannel stands in for the
 * module worker, WorkerClient on the other for the page (real structured clone and transfer).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  fromWire,
  type Handler,
  latestOnly,
  type ServePort,
  serveWorker,
  toWire,
  transfer,
  WorkerClient,
  type WorkerLike,
} from '../../lab/src/worker-rpc.js';
import { NDArray } from '../../src/core/ndarray.js';

const open: MessagePort[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

/** A worker served by `handle`; `fail(message)` fires an error event as a worker that throws outside a request would. */
function fakeWorker<Req extends object, Res extends object>(handle: Handler<Req, Res>) {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  serveWorker(handle, port2 as unknown as ServePort);
  port1.start();
  port2.start();
  let terminated = false;
  const worker: WorkerLike & { fail(message: string): void; readonly terminated: boolean } = {
    postMessage: (message, list) => port1.postMessage(message, list as Transferable[] as never),
    addEventListener: (type, listener) => port1.addEventListener(type, listener as (e: Event) => void),
    terminate: () => {
      terminated = true;
      port1.close();
    },
    fail: (message) => port1.dispatchEvent(Object.assign(new Event('error'), { message })),
    get terminated() {
      return terminated;
    },
  };
  return worker;
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('serveWorker(handle) / new WorkerClient(spawn)', () => {
  it('client.run({ a: 2, b: 3 }) resolves with the handler reply plus id and ok', async () => {
    const client = new WorkerClient<{ a: number; b: number }, { sum: number }>(() =>
      fakeWorker<{ a: number; b: number }, { sum: number }>((req) => ({ sum: req.a + req.b })),
    );
    expect(await client.run({ a: 2, b: 3 })).toEqual({ sum: 5, id: 1, ok: true });
    expect(await client.run({ a: -1, b: 0.5 })).toEqual({ sum: -0.5, id: 2, ok: true });
    expect(client.busy).toBe(0);
  });

  it('handler replies out of order are matched to their requests by id', async () => {
    const client = new WorkerClient<{ wait: number }, { waited: number }>(() =>
      fakeWorker<{ wait: number }, { waited: number }>(async ({ wait }) => {
        await tick(wait);
        return { waited: wait };
      }),
    );
    const replies = await Promise.all([client.run({ wait: 40 }), client.run({ wait: 1 }), client.run({ wait: 20 })]);
    expect(replies.map((r) => r.waited)).toEqual([40, 1, 20]);
  });

  it('transfer(reply, [buffer]) moves the buffer: the worker copy is detached, the page gets the values', async () => {
    let sent: Float32Array | undefined;
    const client = new WorkerClient<object, { data: Float32Array }>(() =>
      fakeWorker<object, { data: Float32Array }>(() => {
        sent = Float32Array.of(1, 2, 3);
        return transfer({ data: sent }, [sent.buffer]);
      }),
    );
    const reply = await client.run({});
    expect(Array.from(reply.data)).toEqual([1, 2, 3]);
    expect(sent?.byteLength).toBe(0);
  });

  it('client.run(request, [buffer]) transfers the request buffer to the worker', async () => {
    const client = new WorkerClient<{ data: Float64Array }, { total: number }>(() =>
      fakeWorker<{ data: Float64Array }, { total: number }>(({ data }) => ({ total: data.reduce((s, v) => s + v, 0) })),
    );
    const data = Float64Array.of(0.5, 1.5, 2);
    const reply = client.run({ data }, [data.buffer]);
    expect(data.byteLength).toBe(0);
    expect((await reply).total).toBe(4);
  });

  it('a handler that throws RangeError("size: expected 3") rejects run with that message, and the worker keeps serving', async () => {
    const client = new WorkerClient<{ size: number }, { ok: true }>(() =>
      fakeWorker<{ size: number }, object>(({ size }) => {
        if (size !== 3) throw new RangeError(`size: expected 3, got ${size}`);
        return {};
      }),
    );
    await expect(client.run({ size: 4 })).rejects.toThrow('size: expected 3, got 4');
    await expect(client.run({ size: 3 })).resolves.toMatchObject({ ok: true });
  });

  it('an error event fails every pending request with "<label> failed: message"', async () => {
    let worker: ReturnType<typeof fakeWorker> | undefined;
    const client = new WorkerClient<object, object>(
      () => {
        worker = fakeWorker<object, object>(() => new Promise(() => {})); // never answers
        return worker;
      },
      { label: 'test worker' },
    );
    const a = client.run({});
    const b = client.run({});
    worker?.fail('boom');
    await expect(a).rejects.toThrow('test worker failed: boom');
    await expect(b).rejects.toThrow('test worker failed: boom');
    expect(client.busy).toBe(0);
  });

  it('{ restartWhenBusy: true }: a second run terminates the busy worker, rejects the first with "superseded", and answers from a fresh one', async () => {
    const spawned: ReturnType<typeof fakeWorker>[] = [];
    const client = new WorkerClient<{ wait: number }, { waited: number }>(
      () => {
        const w = fakeWorker<{ wait: number }, { waited: number }>(async ({ wait }) => {
          await tick(wait);
          return { waited: wait };
        });
        spawned.push(w);
        return w;
      },
      { restartWhenBusy: true },
    );
    const slow = client.run({ wait: 10_000 });
    const fast = client.run({ wait: 1 });
    await expect(slow).rejects.toThrow('superseded');
    expect((await fast).waited).toBe(1);
    expect(spawned.length).toBe(2);
    expect(spawned[0].terminated).toBe(true);
    expect(spawned[1].terminated).toBe(false);
  });

  it('client.restart() rejects what waits and the next run starts a fresh worker', async () => {
    let spawns = 0;
    const client = new WorkerClient<{ wait: number }, { n: number }>(() => {
      const n = ++spawns;
      return fakeWorker<{ wait: number }, { n: number }>(async ({ wait }) => {
        await tick(wait);
        return { n };
      });
    });
    const pending = client.run({ wait: 10_000 });
    client.restart();
    await expect(pending).rejects.toThrow('worker restarted');
    expect((await client.run({ wait: 0 })).n).toBe(2);
  });
});

describe('toWire(a) / fromWire(w)', () => {
  it('fromWire(toWire(a)) has a’s shape and data', () => {
    const a = new NDArray('float32', [2, 3], Float32Array.of(1, 2, 3, 4, 5, 6));
    const w = toWire(a);
    expect(w).toEqual({ shape: [2, 3], data: a.data });
    expect(w.shape).not.toBe(a.shape);
    const b = fromWire(w);
    expect(b.shape).toEqual([2, 3]);
    expect(Array.from(b.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('latestOnly(task, apply, onError)', () => {
  it('applies only the answer of the latest call when calls overlap', async () => {
    const applied: number[] = [];
    const errors: string[] = [];
    let n = 0;
    const run = latestOnly(
      () => {
        const k = ++n;
        return tick(k === 1 ? 30 : 1).then(() => k);
      },
      (v) => applied.push(v),
      (e) => errors.push(e.message),
    );
    run();
    run();
    await tick(60);
    expect(applied).toEqual([2]);
    expect(errors).toEqual([]);
  });

  it('reports the error of the latest call only', async () => {
    const errors: string[] = [];
    let n = 0;
    const run = latestOnly(
      () => {
        const k = ++n;
        return tick(k === 1 ? 30 : 1).then(() => Promise.reject(new Error(`call ${k}`)));
      },
      () => {},
      (e) => errors.push(e.message),
    );
    run();
    run();
    await tick(60);
    expect(errors).toEqual(['call 2']);
  });
});
