import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeWorkerUrl, spawnNodeWorker, startNodeWorker, workerExecArgv } from '../../src/parallel/node-endpoint.js';
import type { TaskReply } from '../../src/parallel/protocol.js';

const DIST_INDEX = new URL('../../dist/parallel/index.js', import.meta.url).href;

/** Runs an ES module script in a child `node`; resolves with its exit code, output and duration. */
function runChild(script: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { timeout: 10_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code as number | null) : 0, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

describe('nodeWorkerUrl', () => {
  it('nodeWorkerUrl(built module URL) is node-worker.js beside it', () => {
    expect(nodeWorkerUrl('file:///app/dist/parallel/node-endpoint.js').href).toBe('file:///app/dist/parallel/node-worker.js');
  });

  it('nodeWorkerUrl(source .ts URL) is the built dist/parallel/node-worker.js', () => {
    const url = nodeWorkerUrl(new URL('../../src/parallel/node-endpoint.ts', import.meta.url).href);
    expect(fileURLToPath(url)).toBe(fileURLToPath(new URL('../../dist/parallel/node-worker.js', import.meta.url)));
  });

  it('nodeWorkerUrl(source URL without a build) throws a WorkerError saying to build', () => {
    expect(() => nodeWorkerUrl('file:///nowhere/src/parallel/node-endpoint.ts')).toThrow(/run 'npm run build:ts' first/);
  });
});

describe('workerExecArgv', () => {
  it("workerExecArgv(['--input-type=module', '--enable-source-maps', '--input-type', 'module']) drops --input-type", () => {
    expect(workerExecArgv(['--input-type=module', '--enable-source-maps', '--input-type', 'module', '--no-warnings'])).toEqual([
      '--enable-source-maps',
      '--no-warnings',
    ]);
  });
});

describe('spawnNodeWorker', () => {
  it('spawnNodeWorker(events) runs a request and reports the exit of a crashed worker', async () => {
    const replies: TaskReply[] = [];
    const failures: string[] = [];
    let done: () => void = () => {};
    const finished = new Promise<void>((r) => (done = r));
    const endpoint = spawnNodeWorker({
      message: (reply) => void replies.push(reply),
      failure: (reason) => {
        failures.push(reason);
        done();
      },
    });
    endpoint.setBusy(true);
    endpoint.post({ id: 1, task: 'test.echo', args: 'hi' }, []);
    endpoint.post({ id: 2, task: 'test.crash', args: { code: 6 } }, []);
    await finished;
    expect(replies).toEqual([{ id: 1, type: 'result', result: 'hi' }]);
    expect(failures).toEqual(['exited with code 6']);
    await endpoint.terminate();
  });
});

describe('process exit', () => {
  it('a Node script that used a 2-thread pool and never destroyed it exits at once', async () => {
    const script = `
      import { getPool } from '${DIST_INDEX}';
      const pool = getPool({ threads: 2 });
      const buffer = new SharedArrayBuffer(8 * 4);
      new Float64Array(buffer).set([1, 2, 3, 4]);
      const sums = await pool.map('test.sum', [{ buffer, start: 0, end: 2 }, { buffer, start: 2, end: 4 }]);
      await pool.run('test.crash').catch((e) => console.log(e.name));
      console.log(JSON.stringify(sums));
    `;
    const { code, stdout, stderr, ms } = await runChild(script);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('WorkerError\n[3,7]\n');
    expect(ms).toBeLessThan(3_000);
  });

  it('a Node script awaiting a running task is kept alive until the result arrives', async () => {
    const script = `
      import { createPool } from '${DIST_INDEX}';
      const pool = createPool({ threads: 2 });
      console.log(await pool.run('test.sleep', { ms: 400 }));
    `;
    const { code, stdout, ms } = await runChild(script);
    expect(code).toBe(0);
    expect(stdout).toBe('400\n');
    expect(ms).toBeGreaterThan(400);
    expect(ms).toBeLessThan(3_000);
  });
});

describe('startNodeWorker', () => {
  const exitCode = (w: import('node:worker_threads').Worker) => new Promise<number>((resolve) => w.on('exit', resolve));
  const script = new URL('data:text/javascript,process.exitCode = 7');

  it("startNodeWorker(url, {}, ['--max-old-space-size=512', '--stack-size=900', '--no-warnings']) drops the V8 flags a worker refuses", async () => {
    const w = startNodeWorker(script, {}, ['--max-old-space-size=512', '--stack-size=900', '--no-warnings']);
    expect(await exitCode(w)).toBe(7);
  });
  it("startNodeWorker(url, {}, ['--expose-gc', '--input-type=module']) starts the worker", async () => {
    expect(await exitCode(startNodeWorker(script, {}, ['--expose-gc', '--input-type=module']))).toBe(7);
  });
});
