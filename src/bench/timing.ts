/** Timing: warm-up calls, then the median of `repeats` timed calls (performance.now()). */
import { AbortError, ArgumentError } from '../core/errors.js';

export interface Timing {
  median_ms: number;
  min_ms: number;
  /** Every timed call, in order. */
  samples_ms: number[];
}

export interface TimingOptions {
  /** Untimed calls first (default 1)… */
  warmup?: number;
  /** …continued until this much time has passed, so the JIT settles on fast calls (default 100 ms). */
  warmupMs?: number;
  /** Timed calls (default 5). */
  repeats?: number;
  signal?: AbortSignal;
  /** Called after each timed call with the number done. */
  onSample?: (done: number) => void;
}

/** Sink for results so the engine cannot drop a call whose value is unused. */
let sink: unknown;

export async function timeCalls(fn: () => unknown, opts: TimingOptions = {}): Promise<Timing> {
  const warmup = opts.warmup ?? 1;
  const repeats = opts.repeats ?? 5;
  if (!Number.isSafeInteger(repeats) || repeats < 1)
    throw new ArgumentError(`repeats: expected an integer >= 1, got ${repeats}`, 'repeats');
  if (!Number.isSafeInteger(warmup) || warmup < 0) throw new ArgumentError(`warmup: expected an integer >= 0, got ${warmup}`, 'warmup');
  const warmupMs = opts.warmupMs ?? 100;
  const start = performance.now();
  for (let i = 0; i < warmup || (warmup > 0 && performance.now() - start < warmupMs); i++) {
    if (opts.signal?.aborted) throw new AbortError();
    const r = fn();
    sink = r instanceof Promise ? await r : r;
    if (i % 16 === 15) await yieldToEventLoop();
  }
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    if (opts.signal?.aborted) throw new AbortError();
    const t0 = performance.now();
    const r = fn(); // a synchronous call is timed without a microtask hop
    sink = r instanceof Promise ? await r : r;
    samples.push(performance.now() - t0);
    opts.onSample?.(i + 1);
    await yieldToEventLoop(); // untimed: lets signals, timers and progress output through
  }
  void sink;
  return { median_ms: median(samples), min_ms: Math.min(...samples), samples_ms: samples };
}

const defer: (cb: () => void) => unknown =
  (globalThis as { setImmediate?: (cb: () => void) => unknown }).setImmediate ?? ((cb) => setTimeout(cb, 0));

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => void defer(resolve));
}

/** The median (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new ArgumentError('values: expected at least one value', 'values');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
