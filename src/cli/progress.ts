/**
 * A progress bar on stderr, drawn only when stderr is a TTY (so logs and pipes stay clean).
 * Redraws at most every `intervalMs`; `done()` clears the line.
 */
import type { CommandContext } from './command.js';

export interface Progress {
  /** Set the number of finished steps (0..total) and optionally a short note. */
  update(done: number, note?: string): void;
  /** Clear the bar. */
  done(): void;
}

export interface ProgressOptions {
  /** Bar width in characters (default 24). */
  width?: number;
  /** Minimum time between redraws (default 100 ms; 0 draws on every update). */
  intervalMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

type ProgressContext = Pick<CommandContext, 'stderr' | 'stderrIsTTY'>;

export function createProgress(ctx: ProgressContext, label: string, total: number, opts: ProgressOptions = {}): Progress {
  if (!ctx.stderrIsTTY) return { update() {}, done() {} };
  const width = opts.width ?? 24;
  const intervalMs = opts.intervalMs ?? 100;
  const now = opts.now ?? Date.now;
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(done, note) {
      const t = now();
      if (t - last < intervalMs && done < total) return;
      last = t;
      drawn = true;
      ctx.stderr(`\r\x1b[2K${renderBar(label, done, total, width)}${note ? ` ${note}` : ''}`);
    },
    done() {
      if (drawn) ctx.stderr('\r\x1b[2K');
      drawn = false;
    },
  };
}

/** `label [#########---------] 3/8`. */
export function renderBar(label: string, done: number, total: number, width: number): string {
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(fraction * width);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}
