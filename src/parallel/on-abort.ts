/**
 * `onAbort(signal, fn)`: run `fn` when `signal` aborts, with one listener per signal however many
 * tasks share it (Node warns past 10 listeners on one AbortSignal, e.g. a map over 16 chunks).
 */
interface Watch {
  callbacks: Set<() => void>;
  listener: () => void;
}

const watches = new WeakMap<AbortSignal, Watch>();

/** Calls `fn` once when `signal` aborts; the returned function cancels that. */
export function onAbort(signal: AbortSignal, fn: () => void): () => void {
  let watch = watches.get(signal);
  if (watch === undefined) {
    const callbacks = new Set<() => void>();
    const listener = () => {
      watches.delete(signal);
      for (const callback of [...callbacks]) callback();
    };
    watch = { callbacks, listener };
    watches.set(signal, watch);
    signal.addEventListener('abort', listener, { once: true });
  }
  const { callbacks, listener } = watch;
  const callback = () => fn();
  callbacks.add(callback);
  return () => {
    callbacks.delete(callback);
    if (callbacks.size === 0 && watches.get(signal)?.callbacks === callbacks) {
      signal.removeEventListener('abort', listener);
      watches.delete(signal);
    }
  };
}
