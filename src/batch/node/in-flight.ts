/**
 * At most `size` tasks in flight, with constant work per task: `add` a task, then `await room()`
 * before starting the next, and `await drain()` at the end. (`Promise.race` over the set of
 * in-flight promises, used before, added a reaction to every pending promise on each call, kept
 * until that promise settled: `size` objects per item, many of them living long enough to be
 * promoted to the old generation.) A task's rejection is rethrown by the next `room` or `drain`.
 */
export class InFlight {
  private count = 0;
  private wake: (() => void) | undefined;
  private failure: { error: unknown } | undefined;

  constructor(readonly size: number) {}

  /** Tasks added and not yet settled. */
  get active(): number {
    return this.count;
  }

  add(task: Promise<unknown>): void {
    this.count++;
    task.then(
      () => this.settled(),
      (error: unknown) => {
        this.failure ??= { error };
        this.settled();
      },
    );
  }

  /** Resolves once fewer than `size` tasks are in flight. */
  async room(): Promise<void> {
    while (this.count >= this.size && this.failure === undefined) await this.next();
    this.rethrow();
  }

  /** Resolves once every task has settled. */
  async drain(): Promise<void> {
    while (this.count > 0) await this.next();
    this.rethrow();
  }

  private next(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private settled(): void {
    this.count--;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private rethrow(): void {
    if (this.failure !== undefined) throw this.failure.error;
  }
}
